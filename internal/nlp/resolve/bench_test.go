package resolve

import (
	"testing"

	"github.com/wirenrich/wirenrich/internal/cputime"
	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
)

// BenchmarkResolve resolves the annotated seed article (37 named and 9
// value mentions): grouping, nominal attachment, salience and links. Its
// cpu-ns/op (user and system CPU of the process per resolution, the GC's
// share included) is steadier than ns/op on a busy machine:
//
//	GOMAXPROCS=1 go test -run '^$' -bench 'Resolve$' -count 5 ./internal/nlp/resolve
func BenchmarkResolve(b *testing.B) {
	r := testResolver(b)
	var seed article
	for _, art := range readArticles(b, "testdata/*.txt") {
		if art.name == "seed.fr.txt" {
			seed = art
		}
	}
	a, _ := build(b, seed.lang, seed.headline, seed.body)
	mentions := append([]analysis.Mention(nil), a.Mentions...)
	b.ReportAllocs()
	c0 := cputime.Process()
	for b.Loop() {
		a.Mentions = append(a.Mentions[:0], mentions...)
		a.Entities = nil
		r.Resolve(a)
	}
	if cpu := cputime.Process() - c0; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
