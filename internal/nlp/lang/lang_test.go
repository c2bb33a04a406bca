package lang

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func load(t testing.TB) *Identifier {
	t.Helper()
	id, err := Load()
	require.NoError(t, err)
	return id
}

func TestLoad(t *testing.T) {
	id := load(t)
	require.Equal(t, []string{"de", "en", "es", "fi", "fr", "it", "nl", "pl", "pt", "ru", "sv"}, id.Languages())
	prov := strings.Join(id.Provenance(), "\n")
	require.Contains(t, prov, "CC BY-NC-SA 4.0")
	require.Contains(t, prov, "command: worker train-lang")
}

func TestDetect(t *testing.T) {
	id := load(t)
	cases := []struct{ want, text string }{
		{"fr", "Le président de la République a reçu mardi le Premier ministre à l'Élysée."},
		{"fr", "Kim Jong-un a reçu le ministre chinois des Affaires étrangères."},
		{"en", "The president met the prime minister at the White House on Tuesday."},
		{"de", "Die Bundesregierung hat am Dienstag neue Maßnahmen gegen die Inflation beschlossen."},
		{"es", "El presidente del Gobierno se reunió el martes con los líderes de la oposición."},
		{"it", "Il presidente del Consiglio ha incontrato ieri i sindacati a Palazzo Chigi."},
		{"nl", "De minister-president heeft dinsdag het nieuwe kabinet gepresenteerd aan de koning."},
		{"pl", "Prezydent spotkał się we wtorek z przedstawicielami rządu w Warszawie."},
		{"pt", "O presidente da República recebeu ontem o primeiro-ministro no palácio de Belém."},
		{"ru", "Президент России провёл во вторник совещание с членами правительства."},
		{"fi", "Suomen hallitus kokoontui tiistaina keskustelemaan talouden tilanteesta."},
		{"sv", "Regeringen presenterade på tisdagen en ny budget för det kommande året."},
	}
	for _, c := range cases {
		code, conf := id.Detect(c.text)
		require.Equal(t, c.want, code, c.text)
		require.Greater(t, conf, 0.5, c.text)
		require.LessOrEqual(t, conf, 1.0)
	}
}

func TestUndetermined(t *testing.T) {
	id := load(t)
	for _, s := range []string{"", "   ", "123 456,7 %", "!!! ??? ...", "a", "北京欢迎你", "🙂🙂🙂", "\xff\xfe\xfd"} {
		code, conf := id.Detect(s)
		require.Equal(t, Undetermined, code, "%q", s)
		require.Zero(t, conf, "%q", s)
	}
}

func TestConfidenceGrowsWithEvidence(t *testing.T) {
	id := load(t)
	_, short := id.Detect("Paris")
	_, long := id.Detect("Le gouvernement français a annoncé de nouvelles mesures pour soutenir les entreprises touchées par la crise.")
	require.Less(t, short, long)
	require.Greater(t, long, 0.99)
}

func TestDetectReadsOnlyPrefix(t *testing.T) {
	id := load(t)
	fr := strings.Repeat("Le gouvernement a annoncé des mesures pour les entreprises. ", 30)
	en := strings.Repeat("The government announced new measures for companies. ", 100)
	code, _ := id.Detect(fr + en)
	require.Equal(t, "fr", code, "only the first MaxScanBytes count")
	require.Greater(t, len(fr), MaxScanBytes)
}

func TestTrainWriteRead(t *testing.T) {
	texts := map[string][]string{
		"aa": {"abab abba baab abab", "ab ba ab ba"},
		"xx": {"xyxy yxxy xxyy", "xy yx yy xx"},
	}
	opt := DefaultTrainOptions()
	id, err := Train(texts, opt)
	require.NoError(t, err)
	id.FitScale(texts)
	var a, b bytes.Buffer
	require.NoError(t, id.Write(&a, []string{"test model", "two\nlines"}))
	id2, err := Train(texts, opt)
	require.NoError(t, err)
	id2.FitScale(texts)
	require.NoError(t, id2.Write(&b, []string{"test model", "two\nlines"}))
	require.Equal(t, a.String(), b.String(), "training is deterministic")
	rd, err := Read(bytes.NewReader(a.Bytes()))
	require.NoError(t, err)
	require.Equal(t, []string{"test model", "two", "lines"}, rd.Provenance())
	code, _ := rd.Detect("abba baba abab")
	require.Equal(t, "aa", code)
	code, _ = rd.Detect("xyyx yxyx xxyy")
	require.Equal(t, "xx", code)
	require.Error(t, rd.Write(&a, nil), "a read model has no n-gram list")
}

func TestTrainErrors(t *testing.T) {
	_, err := Train(nil, DefaultTrainOptions())
	require.Error(t, err)
	_, err = Train(map[string][]string{"aa": {"123"}}, DefaultTrainOptions())
	require.Error(t, err)
}

func TestReadErrors(t *testing.T) {
	for _, s := range []string{
		"",
		"langs a b\nngrams 1\n",
		"langs a b\nngrams 1\nab\t1\n",
		"langs a b\nngrams 1\nab\t1 x\n",
		"langs a b\nngrams 1\nab\t1 300\n",
		"ngrams 1\nab\t1 2\n",
		"langs a b\nscale x\n",
		"langs a b\nngrams -1\n",
		"langs a b\nngrams 1\nab\t1 2\ncd\t1 2\n",
	} {
		_, err := Read(strings.NewReader(s))
		require.Error(t, err, "%q", s)
	}
}

func TestStripHTML(t *testing.T) {
	got := StripHTML("<html><head><style>p{}</style></head><body><h1>Titre</h1><p>L&#39;été &amp; «&nbsp;lui&nbsp;»</p><script>x<y</script></body>")
	require.Equal(t, "Titre\nL'été & «\u00a0lui\u00a0»\n", got)
}

func TestPseudoArticles(t *testing.T) {
	s := []string{"a", "b", "c", "d", "e"}
	require.Equal(t, []string{"a b c d"}, PseudoArticles(s, 4))
	require.Equal(t, []string{"a b", "c d", "e"}, PseudoArticles(s, 2))
	require.Equal(t, []string{"a b c d e"}, PseudoArticles(s, 10))
}

func FuzzDetect(f *testing.F) {
	f.Add("Le président a reçu le ministre.")
	f.Add("\xff\u00ad\u0301a")
	id, err := Load()
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, s string) {
		code, conf := id.Detect(s)
		require.True(t, conf >= 0 && conf <= 1)
		require.NotEmpty(t, code)
	})
}

func benchArticle(b *testing.B, lang string) string {
	raw, err := os.ReadFile("../text/testdata/bench-" + lang + ".txt")
	require.NoError(b, err)
	return string(raw)
}

// BenchmarkDetect identifies the language of a news article (its first
// MaxScanBytes bytes) and of one sentence:
//
//	go test -run '^$' -bench Detect -benchmem ./internal/nlp/lang
func BenchmarkDetect(b *testing.B) {
	id := load(b)
	for _, c := range []struct{ name, text string }{
		{"article-fr", benchArticle(b, "fr")},
		{"article-en", benchArticle(b, "en")},
		{"sentence-fr", "Le président de la République a reçu mardi le Premier ministre à l'Élysée."},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				id.Detect(c.text)
			}
		})
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		load(b)
	}
}

// TestScoresMatchFeatures checks the inlined scoring loop against the
// reference feature extraction used by training.
func TestScoresMatchFeatures(t *testing.T) {
	id := load(t)
	for _, s := range []string{
		"L’État, c'est moi ! Kim Jong-un", "pre\u00admier étage", "Ärger über Öl", "x", "Привет, мир",
		strings.Repeat("abcdefghijklmnopqrstuvwxyzabcdefgh ", 3), "fin\xffmot",
	} {
		want := make([]int32, len(id.langs))
		nf := 0
		forEachNgram(s, MaxScanBytes, func(h uint64, _ int) {
			if row := id.tab.find(h); row >= 0 {
				nf++
				for l := range want {
					want[l] -= int32(id.tab.vals[row*len(want)+l])
				}
			}
		})
		p := id.score(s, nil)
		require.Equal(t, nf, p.features, s)
		require.Equal(t, want, p.scores, s)
	}
}
