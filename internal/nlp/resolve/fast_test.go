package resolve

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// TestFoldTokens checks the fast paths of foldTokens against lexicon.Fold.
func TestFoldTokens(t *testing.T) {
	in := []string{"", "le", "Le", "PARIS", "a1B", ",", ".", "'", "’", "-", "%", "A", "É", "président", "l'", "l’",
		"U.S.", "x y", "  ", "\x80", "Nord-Coréen", "Œuvre", "Straße", "Kim Jong-un", "2024", "n°", "\u00a0"}
	toks := make([]text.Token, len(in))
	for i, s := range in {
		toks[i] = text.Token{Text: s}
	}
	got := foldTokens(toks)
	for i, s := range in {
		require.Equal(t, lexicon.Fold(s), got[i], "%q", s)
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
