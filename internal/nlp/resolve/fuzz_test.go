package resolve

import (
	"testing"
	"unicode"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
)

// FuzzResolve resolves arbitrary texts whose capitalised tokens are taken
// as mentions of rotating types, with some offsets deliberately broken:
// Resolve must not panic and the invariants must hold.
func FuzzResolve(f *testing.F) {
	r := testResolver(f)
	for _, s := range []string{
		"Le président russe, Vladimir Poutine, a vu Poutine à Paris (PS).",
		"The Russian leader met the UN (United Nations) in Paris, Texas.",
		"(((((", "le chef du", "", "É-É-É ÉÉ (É) l’l’ d’",
	} {
		f.Add(s, uint8(0))
	}
	types := []string{Person, Organization, Location, Misc, "DATE", "MONEY"}
	f.Fuzz(func(t *testing.T, s string, seed uint8) {
		doc := tokenize(s)
		a := &analysis.Analysis{Lang: []string{"fr", "en", "de", "xx"}[seed%4],
			Fields: []analysis.Field{{Name: "headline", Doc: tokenize("")}, {Name: "body", Doc: doc}}}
		k := int(seed)
		for i, tok := range doc.Tokens {
			rs := []rune(tok.Text)
			if len(rs) == 0 || !unicode.IsUpper(rs[0]) {
				continue
			}
			k++
			m := analysis.Mention{Field: 1, TokStart: i, TokEnd: i + 1, Start: tok.Start, End: tok.End, Text: tok.Text,
				Type: types[k%len(types)], Confidence: float64(k%11) / 10, Value: tok.Text[:min(2, len(tok.Text))]}
			switch k % 7 {
			case 3:
				m.TokEnd = i + 5 // past the end, possibly
			case 5:
				m.Start, m.End = tok.End+100, tok.Start-1
			case 6:
				m.Field = 7
			}
			a.Mentions = append(a.Mentions, m)
		}
		r.Resolve(a)
		sum := 0.0
		for _, e := range a.Entities {
			if e.Salience < 0 || e.Salience > 1 || !(e.Confidence >= 0 && e.Confidence <= 1) {
				t.Fatalf("bad scores %+v", e)
			}
			sum += e.Salience
			for _, mi := range e.Mentions {
				if mi < 0 || mi >= len(a.Mentions) {
					t.Fatalf("bad mention index %d", mi)
				}
			}
		}
		if sum > 1+1e-9 {
			t.Fatalf("salience sums to %f", sum)
		}
	})
}
