package relate

import (
	"os"
	"path/filepath"
	"strings"
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

// TestLexStarts checks that a token lexStarts says starts no demonym or no
// title starts none when looked up, on the gold texts and on titles,
// plurals and compounds of every language, and that it spares most
// lookups.
func TestLexStarts(t *testing.T) {
	samples := map[string][]string{
		"fr": {"le président russe et les ministres des affaires étrangères, les présidents, l'ex-président, un expert, des chercheurs de HRW, un porte-parole, les juges d'instruction et la ministre marocaine"},
		"en": {"the prime ministers, a Russian leader, chief executives and the ex-minister; German Chancellor, the spokesman, analysts at a bank"},
		"de": {"der Bundeskanzler, ein CDU-Chef, der Parteichef und Außenministerin sagte, die Minister"},
		"es": {"el expresidente, los presidentes, el ministro de exteriores y la portavoz"},
		"it": {"il presidente del consiglio, i ministri, l'ex premier"},
		"nl": {"de partijleider, de minister-president, de ministers"},
		"pt": {"o presidente, os ministros, a ex-ministra"},
	}
	files, _ := filepath.Glob("../../../testdata/gold/*/*.txt")
	for _, f := range files {
		parts := strings.Split(filepath.Base(f), ".")
		if len(parts) < 3 {
			continue
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		lang := parts[len(parts)-2]
		samples[lang] = append(samples[lang], string(b))
	}
	for lang, texts := range samples {
		lex, err := lexicon.Load(lang)
		require.NoError(t, err)
		d, ok, err := loadLang(lang, lex)
		require.NoError(t, err)
		require.True(t, ok, lang)
		spared := 0
		for _, s := range texts {
			toks := text.Tokenize(s, lang).Tokens
			words := make([]string, len(toks))
			for i, tok := range toks {
				words[i] = tok.Text
			}
			for i, tok := range toks {
				_, _, start, ok := d.quickKey(tok)
				if !ok {
					continue
				}
				noDem, noTitle := d.lexStarts(tok, start)
				if noDem {
					n, _, _ := lex.DemonymAt(words[i:])
					require.Zero(t, n, "%s %q", lang, tok.Text)
				}
				if noTitle {
					require.Zero(t, d.titleAt(words[i:]), "%s %q", lang, tok.Text)
					spared++
				}
			}
		}
		require.Positive(t, spared, lang)
	}
}

func TestLoadUnknownLanguage(t *testing.T) {
	d, ok, err := loadLang("zz", nil)
	require.NoError(t, err)
	require.False(t, ok)
	require.Nil(t, d)
}
