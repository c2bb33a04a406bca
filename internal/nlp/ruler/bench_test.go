package ruler_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/ner"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// BenchmarkApply measures Apply on a ~500-word article tagged by the NER
// (the mentions are restored before each run):
//
//	go test -run '^$' -bench Apply -benchmem ./internal/nlp/ruler
func BenchmarkApply(b *testing.B) {
	r := load(b)
	var cache ner.Cache
	for _, lang := range []string{"fr", "en"} {
		b.Run(lang, func(b *testing.B) {
			raw, err := os.ReadFile("../text/testdata/bench-" + lang + ".txt")
			require.NoError(b, err)
			body := string(raw)
			for len(strings.Fields(body)) < 500 {
				body += "\n\n" + string(raw)
			}
			headline, _, _ := strings.Cut(body, "\n")
			tok := text.NewTokenizer(lang)
			a := &analysis.Analysis{Lang: lang, Fields: []analysis.Field{
				{Name: "headline", Doc: tok.Segment(headline)},
				{Name: "body", Doc: tok.Segment(body)},
			}}
			tagger, err := cache.Get(lang)
			require.NoError(b, err)
			tagger.Annotate(a)
			orig := append([]analysis.Mention(nil), a.Mentions...)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				a.Mentions = append(a.Mentions[:0], orig...)
				r.Apply(a)
			}
			b.ReportMetric(float64(len(orig)), "ner-mentions")
			b.ReportMetric(float64(len(a.Mentions)), "mentions")
		})
	}
}

// TestApplyTaggedArticles runs Apply over real NER output and checks the
// invariants (offsets, Text, sentences, no overlap, order).
func TestApplyTaggedArticles(t *testing.T) {
	r := load(t)
	var cache ner.Cache
	for _, lang := range []string{"fr", "en"} {
		raw, err := os.ReadFile("../text/testdata/bench-" + lang + ".txt")
		require.NoError(t, err)
		body := string(raw)
		headline, _, _ := strings.Cut(body, "\n")
		for _, h := range []string{headline, strings.ToUpper(headline), strings.Title(headline)} { //nolint:staticcheck // a Title Case headline
			tok := text.NewTokenizer(lang)
			a := &analysis.Analysis{Lang: lang, Fields: []analysis.Field{
				{Name: "headline", Doc: tok.Segment(h)},
				{Name: "body", Doc: tok.Segment(body)},
			}}
			tagger, err := cache.Get(lang)
			require.NoError(t, err)
			tagger.Annotate(a)
			r.Apply(a)
			checkInvariants(t, a)
			require.NotEmpty(t, a.Mentions)
		}
	}
}
