package enrich

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/benchdata"
	"github.com/wirenrich/wirenrich/internal/cputime"
	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
)

// costCase is one article of the cost benchmarks.
type costCase struct {
	name string
	a    *article.Article
}

// costCases are the seed article and typical (500-word) French and
// English articles of the bench corpus.
func costCases(tb testing.TB) []costCase {
	tb.Helper()
	raw, err := os.ReadFile("../../../shared/fixtures/seed-article.fr.txt")
	require.NoError(tb, err)
	seed, err := article.Decode(raw, article.DecodeOptions{})
	require.NoError(tb, err)
	seed.Published = time.Date(2024, 6, 19, 8, 0, 0, 0, time.UTC)
	out := []costCase{{name: "seed-fr", a: seed}}
	corpus, err := benchdata.New()
	require.NoError(tb, err)
	for _, lg := range []string{"fr", "en"} {
		art, err := corpus.Build(lg, benchdata.Typical, 0)
		require.NoError(tb, err)
		out = append(out, costCase{name: lg + "-typical", a: &article.Article{ID: art.ID, Headline: art.Headline,
			Body: art.Body, Language: lg, Published: art.Published}})
	}
	return out
}

// annotated runs the stages before temporal (segmentation, NER, ruler)
// over an article, as Enrich does.
func (e *Enricher) annotated(tb testing.TB, a *article.Article) *analysis.Analysis {
	tb.Helper()
	code := e.language(a).Code
	tok := e.tokenizer(code)
	an := &analysis.Analysis{Lang: code, Published: a.Published, Fields: []analysis.Field{
		{Name: "headline", Doc: tok.Segment(a.Headline)},
		{Name: "body", Doc: tok.Segment(a.Body)},
	}}
	tagger, err := e.ner.Get(code)
	require.NoError(tb, err)
	tagger.Annotate(an)
	e.ruler.ApplyWith(an, tagger)
	return an
}

// stagesTimed runs Enrich's stages over an article in Enrich's order and
// adds their times to d: [0] segmentation, NER and ruler, [1] temporal,
// [2] resolve, [3] relate and the document (CPU time of the thread).
func (e *Enricher) stagesTimed(tb testing.TB, a *article.Article, d *[4]time.Duration) {
	t0 := cputime.Thread()
	an := e.annotated(tb, a)
	t1 := cputime.Thread()
	e.temporal.Annotate(an)
	t2 := cputime.Thread()
	e.resolver.Resolve(an)
	t3 := cputime.Thread()
	e.relater.Relate(an)
	fillDocument(&Document{}, an)
	t4 := cputime.Thread()
	d[0] += t1 - t0
	d[1] += t2 - t1
	d[2] += t3 - t2
	d[3] += t4 - t3
}

// BenchmarkEnrichCost measures what entity resolution and temporal
// extraction add to the enrichment of an article, on the seed article and
// typical French and English articles:
//
//	go test -run '^$' -bench EnrichCost -count 5 ./internal/enrich
//
// Sub-benchmarks: full (Enrich), without (Enrich leaving out temporal and
// resolve; relate then finds no entities to relate), resolve and temporal
// (each stage alone, repeated over the state Enrich gives it: warm caches),
// and share, which runs in turn, in one loop so that they share the
// machine's conditions, Enrich, Enrich without the two stages, and Enrich's
// stages one by one with a clock around each (temporal and resolve then run
// after NER, as in Enrich, with the caches NER leaves). It reads the CPU
// clock of its thread (other processes of a busy machine do not count; the
// GC's assists do, its background workers do not) and reports CPU µs/op of
// each and two added shares: added-% = (full − without) / without, which
// also counts the relations and entities relate and the document no longer
// handle, and stages-% = (temporal + resolve) / rest, the time of the two
// stages in Enrich over that of all the others.
func BenchmarkEnrichCost(b *testing.B) {
	e, err := New(Options{})
	require.NoError(b, err)
	ctx := context.Background()
	for _, c := range costCases(b) {
		base := e.annotated(b, c.a)
		afterN := append([]analysis.Mention(nil), base.Mentions...)
		e.temporal.Annotate(base)
		afterT := append([]analysis.Mention(nil), base.Mentions...)
		enrich := func(skip stageSet) {
			e.skip = skip
			_, err := e.Enrich(ctx, c.a)
			e.skip = 0
			if err != nil {
				b.Fatal(err)
			}
		}
		an := *base
		temporal := func() {
			an.Mentions = append(an.Mentions[:0], afterN...)
			e.temporal.Annotate(&an)
		}
		resolve := func() {
			an.Mentions = append(an.Mentions[:0], afterT...)
			an.Entities = nil
			e.resolver.Resolve(&an)
		}
		loop := func(b *testing.B, fn func()) {
			b.ReportAllocs()
			for b.Loop() {
				fn()
			}
		}
		b.Run(c.name+"/full", func(b *testing.B) { loop(b, func() { enrich(0) }) })
		b.Run(c.name+"/without", func(b *testing.B) { loop(b, func() { enrich(skipTemporal | skipResolve) }) })
		b.Run(c.name+"/resolve", func(b *testing.B) { loop(b, resolve) })
		b.Run(c.name+"/temporal", func(b *testing.B) { loop(b, temporal) })
		b.Run(c.name+"/share", func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			var full, without time.Duration
			var in [4]time.Duration // in Enrich's order: before, temporal, resolve, after
			timed := func(d *time.Duration, fn func()) {
				t0 := cputime.Thread()
				fn()
				*d += cputime.Thread() - t0
			}
			for b.Loop() {
				timed(&full, func() { enrich(0) })
				timed(&without, func() { enrich(skipTemporal | skipResolve) })
				e.stagesTimed(b, c.a, &in)
			}
			n := float64(b.N)
			us := func(d time.Duration) float64 { return float64(d.Microseconds()) / n }
			rest := in[0] + in[3]
			b.ReportMetric(0, "ns/op")
			b.ReportMetric(us(full), "full-cpu-µs/op")
			b.ReportMetric(us(without), "without-cpu-µs/op")
			b.ReportMetric(us(in[1]), "temporal-cpu-µs/op")
			b.ReportMetric(us(in[2]), "resolve-cpu-µs/op")
			b.ReportMetric(us(rest), "rest-cpu-µs/op")
			b.ReportMetric(100*float64(full-without)/float64(without), "added-%")
			b.ReportMetric(100*float64(in[1]+in[2])/float64(rest), "stages-%")
		})
	}
}

// TestEnrichSkip checks the benchmark's stage switch: without temporal and
// resolve, Enrich finds no entity; with them, the same Enricher finds the
// seed article's.
func TestEnrichSkip(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every model")
	}
	e, err := New(Options{})
	require.NoError(t, err)
	seed := costCases(t)[0].a
	for _, tc := range []struct {
		name     string
		skip     stageSet
		entities bool
	}{
		{"full", 0, true},
		{"without", skipTemporal | skipResolve, false},
		{"full again", 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e.skip = tc.skip
			doc, err := e.Enrich(context.Background(), seed)
			e.skip = 0
			require.NoError(t, err)
			require.Equal(t, tc.entities, len(doc.Entities) > 0)
		})
	}
}
