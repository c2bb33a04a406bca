package resolve_test

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
	"github.com/wirenrich/wirenrich/internal/nlp/resolve"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

func Example() {
	fr, err := lexicon.Load("fr")
	if err != nil {
		panic(err)
	}
	r := resolve.New(nil, fr) // no gazetteer: no links
	body := "Vladimir Poutine a reçu l'ONU. Poutine a salué l'Organisation des Nations unies."
	a := &analysis.Analysis{Lang: "fr", Fields: []analysis.Field{{Name: "headline"}, {Name: "body", Doc: text.Doc{Text: body}}}}
	// Mentions as the NER stage would give them (offsets in code points).
	from := 0
	for _, m := range []struct{ text, typ string }{
		{"Vladimir Poutine", "PERSON"}, {"ONU", "ORGANIZATION"}, {"Poutine", "PERSON"},
		{"Organisation des Nations unies", "ORGANIZATION"},
	} {
		i := from + strings.Index(body[from:], m.text)
		start := utf8.RuneCountInString(body[:i])
		a.Mentions = append(a.Mentions, analysis.Mention{Field: 1, Start: start, End: start + utf8.RuneCountInString(m.text),
			Text: m.text, Type: m.typ, Confidence: 0.9})
		from = i + len(m.text)
	}
	r.Resolve(a)
	for _, e := range a.Entities {
		fmt.Printf("%s %q mentions=%d salience=%.2f\n", e.Type, e.Name, len(e.Mentions), e.Salience)
	}
	// Output:
	// PERSON "Vladimir Poutine" mentions=2 salience=0.50
	// ORGANIZATION "Organisation des Nations unies" mentions=2 salience=0.50
}
