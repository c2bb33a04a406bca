package resolve

import (
	"syscall"
	"testing"
	"time"

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
	c0 := cpuTime()
	for b.Loop() {
		a.Mentions = append(a.Mentions[:0], mentions...)
		a.Entities = nil
		r.Resolve(a)
	}
	if cpu := cpuTime() - c0; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// cpuTime is the process's user and system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
