package enrich

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/benchdata"
	"github.com/wirenrich/wirenrich/internal/cputime"
)

// BenchmarkEnrichCopies measures what a second copy of the models costs:
// two goroutines enrich the 2,000 mixed articles of the bench corpus (five
// languages, every input format) through one shared Enricher, then each
// through its own, as two worker replicas on one machine do (each
// decompresses the models into its own memory and fills its own NER word
// caches), in turn within each iteration so that both see the same
// machine:
//
//	go test -run '^$' -bench EnrichCopies -benchtime 3x ./internal/enrich
//
// It reports the process's CPU µs per article of each (both warm) and the
// separate-over-shared percentage.
func BenchmarkEnrichCopies(b *testing.B) {
	corpus, err := benchdata.New()
	require.NoError(b, err)
	items, err := corpus.Mixed(2000, benchdata.Typical)
	require.NoError(b, err)
	arts := make([]*article.Article, len(items))
	for i, it := range items {
		arts[i], err = article.Decode(it.Payload, article.DecodeOptions{})
		require.NoError(b, err)
	}
	ctx := context.Background()
	warm := func() *Enricher {
		e, err := New(Options{})
		require.NoError(b, err)
		for _, a := range arts {
			_, err := e.Enrich(ctx, a)
			require.NoError(b, err)
		}
		return e
	}
	shared := warm()
	own := [2]*Enricher{warm(), warm()}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	// pass enriches every article once, half on each goroutine, and
	// returns the CPU time it took.
	pass := func(es [2]*Enricher) time.Duration {
		c0 := cputime.Process()
		var wg sync.WaitGroup
		for g, e := range es {
			wg.Go(func() {
				for i := g; i < len(arts); i += 2 {
					if _, err := e.Enrich(ctx, arts[i]); err != nil {
						panic(err)
					}
				}
			})
		}
		wg.Wait()
		return cputime.Process() - c0
	}
	var cpuShared, cpuOwn time.Duration
	for b.Loop() {
		cpuShared += pass([2]*Enricher{shared, shared})
		cpuOwn += pass(own)
	}
	n := float64(b.N * len(arts))
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(float64(cpuShared.Microseconds())/n, "shared-cpu-µs/article")
	b.ReportMetric(float64(cpuOwn.Microseconds())/n, "separate-cpu-µs/article")
	b.ReportMetric(100*(float64(cpuOwn)/float64(cpuShared)-1), "separate-extra-%")
}
