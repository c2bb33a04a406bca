package bench_test

import (
	"context"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/benchdata"
	"github.com/wirenrich/wirenrich/internal/cputime"
	"github.com/wirenrich/wirenrich/internal/enrich"
	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/lang"
	"github.com/wirenrich/wirenrich/internal/nlp/ner"
	"github.com/wirenrich/wirenrich/internal/nlp/relate"
	"github.com/wirenrich/wirenrich/internal/nlp/resolve"
	"github.com/wirenrich/wirenrich/internal/nlp/temporal"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
	"github.com/wirenrich/wirenrich/internal/pipeline"
)

// stageCase is one article of the stage benchmarks with the state each
// stage starts from.
type stageCase struct {
	name   string
	art    benchdata.Article
	words  int
	tokens int
	a      *article.Article
	an     *analysis.Analysis // after every stage
	afterN []analysis.Mention // mentions after NER
	afterT []analysis.Mention // mentions after NER and temporal
	afterR analysis.Analysis  // after resolution (shallow copy)
}

// stageCases builds French and English articles of the three standard
// sizes and runs the stages once over each.
func stageCases(b *testing.B) []stageCase {
	b.Helper()
	corpus, err := benchdata.New()
	require.NoError(b, err)
	st := loadStages(b)
	var out []stageCase
	for _, lg := range []string{"fr", "en"} {
		for _, size := range []int{benchdata.Short, benchdata.Typical, benchdata.Long} {
			art, err := corpus.Build(lg, size, 0)
			require.NoError(b, err)
			a := &article.Article{ID: art.ID, Headline: art.Headline, Body: art.Body, Language: lg, Published: art.Published}
			c := stageCase{name: lg + "-" + benchdata.SizeName(size), art: art, words: art.Words(), a: a}
			c.an = st.segment(a)
			c.tokens = len(c.an.Fields[0].Doc.Tokens) + len(c.an.Fields[1].Doc.Tokens)
			st.tagger(b, lg).Annotate(c.an)
			c.afterN = append([]analysis.Mention(nil), c.an.Mentions...)
			st.temporal.Annotate(c.an)
			c.afterT = append([]analysis.Mention(nil), c.an.Mentions...)
			st.resolver.Resolve(c.an)
			c.afterR = *c.an
			c.afterR.Mentions = append([]analysis.Mention(nil), c.an.Mentions...)
			st.relater.Relate(c.an)
			out = append(out, c)
		}
	}
	return out
}

type stages struct {
	ident    *lang.Identifier
	toks     map[string]*text.Tokenizer
	ner      ner.Cache
	temporal *temporal.Extractor
	resolver *resolve.Resolver
	relater  *relate.Relater
	enricher *enrich.Enricher
}

func loadStages(b *testing.B) *stages {
	b.Helper()
	var (
		st  = &stages{toks: map[string]*text.Tokenizer{}}
		err error
	)
	st.ident, err = lang.Load()
	require.NoError(b, err)
	st.temporal, err = temporal.New()
	require.NoError(b, err)
	st.resolver, err = resolve.Load()
	require.NoError(b, err)
	st.relater, err = relate.Load()
	require.NoError(b, err)
	st.enricher, err = enrich.New(enrich.Options{})
	require.NoError(b, err)
	for _, lg := range []string{"fr", "en"} {
		st.toks[lg] = text.NewTokenizer(lg)
	}
	return st
}

func (st *stages) tagger(b *testing.B, lg string) *ner.Tagger {
	t, err := st.ner.Get(lg)
	require.NoError(b, err)
	return t
}

func (st *stages) segment(a *article.Article) *analysis.Analysis {
	tok := st.toks[a.Language]
	return &analysis.Analysis{
		Lang: a.Language, Published: a.Published,
		Fields: []analysis.Field{
			{Name: "headline", Doc: tok.Segment(a.Headline)},
			{Name: "body", Doc: tok.Segment(a.Body)},
		},
	}
}

// measure runs fn in the benchmark loop and reports words/s, tokens/s and
// allocations per token.
func measure(b *testing.B, c stageCase, fn func()) {
	b.ReportAllocs()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	c0 := cputime.Process()
	for b.Loop() {
		fn()
	}
	cpu := cputime.Process() - c0
	runtime.ReadMemStats(&m1)
	sec := b.Elapsed().Seconds()
	if sec <= 0 || b.N == 0 {
		return
	}
	if cpu > 0 {
		// Per CPU-second of the process: meaningful on a shared machine
		// (with GOMAXPROCS=1 and the GC's share included).
		b.ReportMetric(float64(c.words*b.N)/cpu.Seconds(), "words/cpu-s")
	}
	b.ReportMetric(float64(c.words*b.N)/sec, "words/s")
	b.ReportMetric(float64(c.tokens*b.N)/sec, "tokens/s")
	b.ReportMetric(float64(m1.Mallocs-m0.Mallocs)/float64(c.tokens*b.N), "allocs/token")
}

// BenchmarkStages measures every stage of the enrichment, and the whole,
// on French and English articles of about 60, 500 and 5,000 words:
//
//	go test -run '^$' -bench Stages -benchmem ./internal/bench
//	GOMAXPROCS=1 go test -run '^$' -bench 'Stages/enrich' -benchmem ./internal/bench
func BenchmarkStages(b *testing.B) {
	st := loadStages(b)
	cases := stageCases(b)
	ctx := context.Background()
	run := func(stage string, fn func(b *testing.B, c stageCase) func()) {
		b.Run(stage, func(b *testing.B) {
			for _, c := range cases {
				b.Run(c.name, func(b *testing.B) { measure(b, c, fn(b, c)) })
			}
		})
	}
	run("decode", func(b *testing.B, c stageCase) func() {
		p, err := benchdata.Payload(c.art, "ninjs")
		require.NoError(b, err)
		return func() {
			if _, err := article.Decode(p, article.DecodeOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	run("tokenise", func(b *testing.B, c stageCase) func() {
		return func() { st.segment(c.a) }
	})
	run("langid", func(b *testing.B, c stageCase) func() {
		s := c.a.Headline + "\n\n" + c.a.Body
		return func() {
			if code, _ := st.ident.Detect(s); code != c.a.Language {
				b.Fatalf("detected %s", code)
			}
		}
	})
	run("ner", func(b *testing.B, c stageCase) func() {
		an := *c.an
		tg := st.tagger(b, c.a.Language)
		return func() {
			an.Mentions = an.Mentions[:0]
			tg.Annotate(&an)
		}
	})
	run("temporal", func(b *testing.B, c stageCase) func() {
		an := *c.an
		an.Mentions = nil
		return func() {
			an.Mentions = append(an.Mentions[:0], c.afterN...)
			st.temporal.Annotate(&an)
		}
	})
	run("resolve", func(b *testing.B, c stageCase) func() {
		an := *c.an
		an.Mentions = nil
		return func() {
			an.Mentions = append(an.Mentions[:0], c.afterT...)
			an.Entities = nil
			st.resolver.Resolve(&an)
		}
	})
	run("relate", func(b *testing.B, c stageCase) func() {
		an := c.afterR
		return func() {
			an.Relations = an.Relations[:0]
			st.relater.Relate(&an)
		}
	})
	run("encode", func(b *testing.B, c stageCase) func() {
		doc, err := st.enricher.Enrich(ctx, c.a)
		require.NoError(b, err)
		return func() {
			if _, err := (pipeline.DocumentEncoder{}).Encode(c.a, doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	run("enrich", func(b *testing.B, c stageCase) func() {
		return func() {
			if _, err := st.enricher.Enrich(ctx, c.a); err != nil {
				b.Fatal(err)
			}
		}
	})
	// process: decode + enrich + encode of a payload, what one worker does
	// per message besides the bus.
	run("process", func(b *testing.B, c stageCase) func() {
		p, err := benchdata.Payload(c.art, "ninjs")
		require.NoError(b, err)
		proc := &pipeline.Processor{Enricher: st.enricher}
		return func() {
			if _, f := proc.Process(ctx, pipeline.Input{Subject: "articles.raw.bench", Data: p}); f != nil {
				b.Fatal(f)
			}
		}
	})
}

// TestStageCases checks the benchmark articles: sizes as named, every
// stage finding something in the typical ones.
func TestStageCases(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every model")
	}
	corpus, err := benchdata.New()
	require.NoError(t, err)
	e, err := enrich.New(enrich.Options{})
	require.NoError(t, err)
	for _, lg := range []string{"fr", "en"} {
		art, err := corpus.Build(lg, benchdata.Typical, 0)
		require.NoError(t, err)
		doc, err := e.Enrich(context.Background(), &article.Article{ID: art.ID, Headline: art.Headline, Body: art.Body, Published: art.Published})
		require.NoError(t, err)
		require.Equal(t, lg, doc.Language.Code)
		types := map[string]int{}
		for _, en := range doc.Entities {
			types[en.Type]++
		}
		require.Positive(t, types["PERSON"], lg)
		require.Positive(t, types["LOCATION"]+types["ORGANIZATION"], lg)
		require.Positive(t, types["DATE"], lg)
		require.NotEmpty(t, strings.TrimSpace(art.Body))
	}
}

// BenchmarkEnrichLanguages measures the full enrichment of a typical
// article in every language of the bench corpus:
//
//	GOMAXPROCS=1 go test -run '^$' -bench EnrichLanguages -benchmem ./internal/bench
func BenchmarkEnrichLanguages(b *testing.B) {
	corpus, err := benchdata.New()
	require.NoError(b, err)
	e, err := enrich.New(enrich.Options{})
	require.NoError(b, err)
	ctx := context.Background()
	for _, lg := range benchdata.Languages() {
		art, err := corpus.Build(lg, benchdata.Typical, 0)
		require.NoError(b, err)
		a := &article.Article{ID: art.ID, Headline: art.Headline, Body: art.Body, Language: lg, Published: art.Published}
		doc, err := e.Enrich(ctx, a)
		require.NoError(b, err)
		tokens := 0
		for _, s := range []string{a.Headline, a.Body} {
			tokens += len(text.NewTokenizer(lg).Segment(s).Tokens)
		}
		c := stageCase{words: art.Words(), tokens: tokens}
		b.Run(lg, func(b *testing.B) {
			measure(b, c, func() {
				if _, err := e.Enrich(ctx, a); err != nil {
					b.Fatal(err)
				}
			})
			b.ReportMetric(float64(len(doc.Entities)), "entities/op")
		})
	}
}
