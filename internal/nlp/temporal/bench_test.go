package temporal

import (
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/cputime"
	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// BenchmarkAnnotate runs Annotate as the enricher does, over the seed
// article (testdata/seed.fr.txt, a copy of shared/fixtures/seed-article.fr.txt)
// and the ~500-word French and English news texts, segmented by the real
// tokenizer.
//
// The cold variants read a buffer larger than the L2 cache before each
// call, as the NER tagger walks its weights before temporal in Enrich:
// there, the memory an Annotate touches costs more than its instructions.
// They report the CPU time of the thread for the call alone (cpu-µs/op;
// ns/op counts the eviction too), which a busy machine disturbs less than
// wall time.
func BenchmarkAnnotate(b *testing.B) {
	x := newTest(b)
	evict := make([]byte, 16<<20)
	for i := range evict {
		evict[i] = byte(i)
	}
	sink := byte(0)
	for _, c := range []struct{ name, lang, file string }{
		{"seed-fr", "fr", "testdata/seed.fr.txt"},
		{"news-fr", "fr", "testdata/news.fr.txt"},
		{"news-en", "en", "testdata/news.en.txt"},
	} {
		buf, err := os.ReadFile(c.file)
		require.NoError(b, err)
		doc := text.NewTokenizer(c.lang).Segment(string(buf))
		annotate := func() {
			a := analysis.Analysis{Lang: c.lang, Published: refDefault, Fields: []analysis.Field{{Name: "body", Doc: doc}}}
			x.Annotate(&a)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(buf)))
			for b.Loop() {
				annotate()
			}
		})
		b.Run(c.name+"/cold", func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			var cpu time.Duration
			for b.Loop() {
				for i := 0; i < len(evict); i += 64 {
					sink += evict[i]
				}
				t0 := cputime.Thread()
				annotate()
				cpu += cputime.Thread() - t0
			}
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/op")
		})
	}
	_ = sink
}
