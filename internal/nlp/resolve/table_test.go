package resolve

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

// TestLatinFold checks the fold table against lexicon.Fold of each code
// point alone and between letters.
func TestLatinFold(t *testing.T) {
	for r := range rune(len(latinFold)) {
		alone := lexicon.Fold(string(r))
		switch f := latinFold[r]; f {
		case latinSep, latinDrop:
			require.Empty(t, alone, "%U", r)
		case latinComplex:
			require.NotEqual(t, 1, len(alone), "%U %q", r, alone)
		default:
			require.Equal(t, string(f), alone, "%U", r)
		}
	}
	require.Equal(t, byte(latinSep), latinFold[' '])
	require.Equal(t, byte(latinDrop), latinFold['.'])
	require.Equal(t, byte('e'), latinFold['É'])
	require.Equal(t, byte(latinComplex), latinFold['œ'])
}

// TestFoldLatin checks foldLatin, and foldHashToken that uses it, against
// lexicon.Fold on tokens of letters in both cases, digits, Latin letters
// with accents, ligatures, apostrophes, dots, spaces, invalid bytes and
// other scripts.
func TestFoldLatin(t *testing.T) {
	pieces := []string{"a", "B", "z", "Z", "0", "9", "é", "É", "-", "'", "’", ".", "ß", "œ", " ", "\xff", "q", "Ǣ",
		"\u00a0", "«", "»", "ł", "Ł", "ı", "İ", "×", "п", "\xc3", "\xc5\xbf", "ŉ", "ǅ", "‘", "\u2019\u2019"}
	rng := rand.New(rand.NewSource(7))
	latin := 0
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := rng.Intn(12); k > 0; k-- {
			// Mostly letters, so that many tokens take the fast paths.
			if rng.Intn(3) > 0 {
				b.WriteString(pieces[rng.Intn(8)])
			} else {
				b.WriteString(pieces[rng.Intn(len(pieces))])
			}
		}
		s := b.String()
		want := lexicon.Fold(s)
		if out, ok := foldLatin([]byte("<"), s); ok {
			require.Equal(t, "<"+want, string(out), "%q", s)
			latin++
		} else {
			require.Equal(t, "<", string(out), "%q", s)
		}
		out, same, spaced, h := foldHashToken([]byte("<"), s)
		got := string(out[1:])
		if same {
			got = s
		}
		require.Equal(t, want, got, "%q", s)
		require.Equal(t, want == s, same, "%q", s)
		require.Equal(t, strings.Contains(want, " "), spaced, "%q", s)
		require.Equal(t, fnv1a(want), h, "%q", s)
	}
	require.Greater(t, latin, 10000)
}

// TestLowerEqual checks lowerEqual against a comparison of
// strings.ToLower forms.
func TestLowerEqual(t *testing.T) {
	words := []string{"", "Paris", "PARIS", "paris", "Pari", "États-Unis", "ÉTATS-UNIS", "états-unis", "Etats-Unis",
		"İstanbul", "i̇stanbul", "istanbul", "ΣΊΣΥΦΟΣ", "σίσυφος", "σίσυφοσ", "\xff", "\ufffd", "a\xffb", "A\ufffdB",
		"Straße", "STRASSE", "ǅ", "ǆ", "Ǆ", "K", "\u212a", "k"}
	for _, x := range words {
		for _, y := range words {
			require.Equal(t, strings.ToLower(x) == strings.ToLower(y), lowerEqual(x, y), "%q %q", x, y)
		}
	}
}
