package temporal

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// BenchmarkAnnotate runs Annotate as the enricher does, over the seed
// article (testdata/seed.fr.txt, a copy of shared/fixtures/seed-article.fr.txt)
// and the ~500-word French and English news texts, segmented by the real
// tokenizer.
func BenchmarkAnnotate(b *testing.B) {
	x := newTest(b)
	for _, c := range []struct{ name, lang, file string }{
		{"seed-fr", "fr", "testdata/seed.fr.txt"},
		{"news-fr", "fr", "testdata/news.fr.txt"},
		{"news-en", "en", "testdata/news.en.txt"},
	} {
		buf, err := os.ReadFile(c.file)
		require.NoError(b, err)
		doc := text.NewTokenizer(c.lang).Segment(string(buf))
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(buf)))
			for b.Loop() {
				a := analysis.Analysis{Lang: c.lang, Published: refDefault, Fields: []analysis.Field{{Name: "body", Doc: doc}}}
				x.Annotate(&a)
			}
		})
	}
}
