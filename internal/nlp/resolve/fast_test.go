package resolve

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// TestFoldToken checks the fast paths of appendFoldToken against
// lexicon.Fold.
func TestFoldToken(t *testing.T) {
	for _, s := range []string{"", "le", "Le", "PARIS", "a1B", ",", ".", "'", "’", "-", "%", "A", "É", "président", "l'", "l’",
		"U.S.", "x y", "  ", "\x80", "Nord-Coréen", "Œuvre", "Straße", "Kim Jong-un", "2024", "n°", "\u00a0"} {
		want := lexicon.Fold(s)
		b, same := appendFoldToken([]byte("<"), s)
		require.Equal(t, "<"+want, string(b), "%q", s)
		require.Equal(t, want == s, same, "%q", s)
	}
}

// TestTitleAt checks titleAt against lexicon.TitleAt on every token of a
// text, titles across skipped punctuation included.
func TestTitleAt(t *testing.T) {
	r := testResolver(t)
	for _, tc := range []struct{ lang, text string }{
		{"fr", "Le ministre des Affaires étrangères , Sergueï Lavrov , et le premier ministre - adjoint , le chef de l'État et le président de la République"},
		{"en", "The Foreign Minister, the prime minister and the CEO of Acme, Secretary of State Blinken, deputy prime minister"},
		{"fr", "président"},
		{"fr", ""},
	} {
		t.Run(tc.text, func(t *testing.T) {
			a, _ := build(t, tc.lang, "", tc.text)
			s := &state{r: r, a: a, lex: r.lex[tc.lang], w: r.words[tc.lang]}
			fi := &s.fields()[1]
			texts := make([]string, len(fi.doc.Tokens))
			for i, tok := range fi.doc.Tokens {
				texts[i] = tok.Text
			}
			found := 0
			for k := range texts {
				want := 0
				if fi.titleFirst(k) {
					want = s.lex.TitleAt(texts[k:])
				}
				require.Equal(t, want, s.titleAt(fi, k), "%d %q", k, texts[k])
				found += want
			}
			if tc.text != "" {
				require.Positive(t, found)
			}
		})
	}
}

// TestSpan checks span (a walk from the last start) against a conversion
// of the whole text to code points, in text order and out of it.
func TestSpan(t *testing.T) {
	txt := "Le président russe, Vladimir Poutine, a été reçu à Pyongyang.\n«\u00a0Très bien\u00a0», a-t-il dit. \xff fin"
	runes := []rune(txt)
	fi := &fieldInfo{doc: &text.Doc{Text: txt}}
	for _, tc := range []struct{ start, end int }{
		{0, 2}, {3, 12}, {20, 36}, {51, 60}, {62, 75}, {70, 72}, {0, len(runes)}, {len(runes) - 5, len(runes)},
		{len(runes) - 3, len(runes) + 1}, {5, 5}, {-1, 3}, {7, 4}, {len(runes), len(runes) + 2},
	} {
		want := ""
		if tc.start >= 0 && tc.end <= len(runes) && tc.start < tc.end {
			want = string(runes[tc.start:tc.end])
		}
		require.Equal(t, want, fi.span(tc.start, tc.end), "%d-%d", tc.start, tc.end)
	}
}

// TestParenthesisAfter checks the byte walk of groupAcronyms against a
// walk over the text's code points, at every offset.
func TestParenthesisAfter(t *testing.T) {
	// parenthesisAfterRunes is the walk over code points.
	parenthesisAfterRunes := func(text []rune, end int) (string, bool) {
		i := end
		for i < len(text) && (text[i] == ' ' || text[i] == '\u00a0' || text[i] == '\u202f') {
			i++
		}
		if i >= len(text) || text[i] != '(' {
			return "", false
		}
		start := i + 1
		for j := start; j < len(text) && j-start <= 80; j++ {
			switch text[j] {
			case ')':
				s := strings.TrimSpace(string(text[start:j]))
				return s, s != ""
			case '(', '\n':
				return "", false
			}
		}
		return "", false
	}
	for _, txt := range []string{
		"L'Organisation des Nations unies (ONU) a réagi.",
		"KIEV\u00a0(AFP) - Kiev\u202f( Kyiv ) et Charlotte (Caroline du Nord)",
		"Très (été) « (x\xff) » ( ) (\n) (a (b) " + strings.Repeat("é", 79) + ") (" + strings.Repeat("a", 81) + ")",
		"(", ")", "",
	} {
		runes := []rune(txt)
		for end := 0; end <= len(runes)+1; end++ {
			at, cp := byteOffset(txt, 0, 0, end)
			if end > len(runes) {
				require.Less(t, cp, end)
				continue
			}
			require.Equal(t, end, cp)
			want, wantOK := parenthesisAfterRunes(runes, end)
			got, ok := parenthesisAfter(txt, at)
			require.Equal(t, wantOK, ok, "%q at %d", txt, end)
			require.Equal(t, want, got, "%q at %d", txt, end)
		}
	}
}

// TestFieldFlags checks the flags and folded texts fields gives every
// token against the word lists read one token at a time.
func TestFieldFlags(t *testing.T) {
	r := testResolver(t)
	for _, tc := range []struct{ lang, text string }{
		{"fr", "Le président russe, Vladimir Poutine, et l’ancien Premier ministre ; LA ministre des Affaires étrangères , " +
			"les chefs d'État, Œuvre « Très bien » U.S. porte-parole du Kremlin 2024 n° x"},
		{"en", "The Russian President, Vladimir Putin, met the Prime Minister and an AN the CEO of Acme's board"},
	} {
		a, _ := build(t, tc.lang, "", tc.text)
		// Named mentions: every capitalised word after the first few.
		doc := &a.Fields[1].Doc
		for i, tok := range doc.Tokens {
			if i > 3 && tok.Text != "" && unicode.IsUpper([]rune(tok.Text)[0]) && i%3 != 0 {
				a.Mentions = append(a.Mentions, analysis.Mention{Field: 1, TokStart: i, TokEnd: i + 1,
					Text: tok.Text, Type: Person, Entity: len(a.Mentions)})
			}
		}
		s := &state{r: r, a: a, lex: r.lex[tc.lang], w: r.words[tc.lang]}
		fi := &s.fields()[1]
		covered := make([]bool, len(doc.Tokens)+1)
		start := map[int]int{}
		end := map[int]int{}
		for i, m := range a.Mentions {
			if m.Nominal || !named(m.Type) || m.Field != 1 {
				continue
			}
			start[m.TokStart], end[m.TokEnd] = i, i
			for k := m.TokStart; k < m.TokEnd; k++ {
				covered[k] = true
			}
		}
		for k, tok := range doc.Tokens {
			f := lexicon.Fold(tok.Text)
			require.Equal(t, f, fi.text(k), "%q", tok.Text)
			require.Equal(t, s.w.determiners.has(f), fi.det(k), "%q det", tok.Text)
			require.Equal(t, !covered[k] && s.w.titleFirst.has(firstWord(f)), fi.titleFirst(k), "%q title", tok.Text)
			require.Equal(t, covered[k], fi.covered(k), "%q covered", tok.Text)
			mi, ok := fi.starts(k)
			wantMi, wantOK := start[k]
			require.Equal(t, wantOK, ok, "%q start", tok.Text)
			require.Equal(t, wantMi, mi, "%q start", tok.Text)
			near, soon := false, false
			for d := 0; d <= 4 && k+d < len(doc.Tokens); d++ {
				near = near || fi.titleFirst(k+d)
				soon = soon || d < 4 && fi.titleFirst(k+d)
			}
			require.Equal(t, near, fi.flags[k]&tokNearTitle != 0, "%q near", tok.Text)
			require.Equal(t, soon, fi.flags[k]&tokTitleSoon != 0, "%q soon", tok.Text)
		}
		for k := 0; k <= len(doc.Tokens); k++ {
			mi, ok := fi.ends(k)
			wantMi, wantOK := end[k]
			require.Equal(t, wantOK, ok, "end %d", k)
			require.Equal(t, wantMi, mi, "end %d", k)
		}
	}
}
