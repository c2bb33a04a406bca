package relate

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// TestKeyIsFold checks that the allocation-free token keys equal the
// folded forms (and their classes) on real text of every language.
func TestKeyIsFold(t *testing.T) {
	seed, err := os.ReadFile("../../../../shared/fixtures/seed-article.fr.txt")
	if err != nil {
		seed = []byte("Le président russe a déclaré : « Nous apprécions », selon l'agence. Il s'est rendu à Pyongyang.")
	}
	samples := map[string]string{
		"fr": string(seed) + " COMMENTE Commente commente commenté d’après Selon Qu'il",
		"en": `German Chancellor Olaf Scholz said: "We will", according to Reuters. He met them; the two men signed.`,
		"de": "Bundeskanzler Scholz sagte, Gespräche über ein Abkommen seien geführt worden.",
		"es": "El presidente se reunió con él y firmaron un acuerdo, según la agencia.",
		"it": "Il presidente ha detto che l'accordo è stato firmato, secondo l'agenzia.",
	}
	for lang, s := range samples {
		lex, err := lexicon.Load(lang)
		require.NoError(t, err)
		d, ok, err := loadLang(lang, lex)
		require.NoError(t, err)
		require.True(t, ok, lang)
		for _, tok := range text.Tokenize(s, lang).Tokens {
			k, c := d.key(tok)
			want := lexicon.Fold(tok.Norm)
			wantC := d.classes[want]
			if want == "" {
				wantC = d.classes[tok.Text]
			}
			require.Equal(t, want, k, "%s %q", lang, tok.Text)
			require.Equal(t, wantC, c, "%s %q", lang, tok.Text)
		}
	}
}

func TestLoadUnknownLanguage(t *testing.T) {
	d, ok, err := loadLang("zz", nil)
	require.NoError(t, err)
	require.False(t, ok)
	require.Nil(t, d)
}
