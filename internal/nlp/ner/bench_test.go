package ner

import (
	"compress/gzip"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/wirenrich/wirenrich/internal/cputime"
	"github.com/wirenrich/wirenrich/internal/nlp/ner/corpus"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// testText returns the first column of the lines of the files that exist
// among paths (news TSV sets, plain articles), '#' comment lines left out.
func testText(paths ...string) string {
	var sb strings.Builder
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for _, l := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(l, "#") {
				continue
			}
			s, _, _ := strings.Cut(l, "\t")
			sb.WriteString(s)
			sb.WriteString("\n")
		}
	}
	return sb.String()
}

// seedArticle is the shared seed article, beside the repository.
const seedArticle = "../../../../shared/fixtures/seed-article.fr.txt"

func benchSentences(b *testing.B) string {
	src := testText("testdata/news-fr.tsv", seedArticle)
	if src == "" {
		b.Skip("no text")
	}
	return src
}

// tagDoc tags every sentence of doc, reusing spans.
func tagDoc(tg *Tagger, doc text.Doc, spans []Span) []Span {
	for _, s := range doc.Sentences {
		spans = tg.TagAppend(spans[:0], doc.Tokens[s.First:s.Last])
	}
	return spans
}

// reportTokens reports the throughput of ntok tokens tagged since the
// timer started and since the process's CPU time was c0: per wall-clock
// second and per CPU second.
func reportTokens(b *testing.B, ntok int, c0 time.Duration) {
	b.ReportMetric(float64(ntok)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cputime.Process() - c0; cpu > 0 {
		b.ReportMetric(float64(ntok)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// benchTagger is the French model, or the model file named by
// NER_BENCH_MODEL (to measure the cost of other models' feature groups on
// the same text).
func benchTagger(b *testing.B) *Tagger {
	p := os.Getenv("NER_BENCH_MODEL")
	if p == "" {
		tg, err := Load("fr")
		if err != nil {
			b.Skip(err)
		}
		return tg
	}
	f, err := os.Open(p)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	m, err := ReadModel(zr)
	if err != nil {
		b.Fatal(err)
	}
	return NewTagger(m)
}

// BenchmarkTag measures tokenise+tag throughput on French news text.
func BenchmarkTag(b *testing.B) { benchTag(b, false) }

// BenchmarkTagCold is BenchmarkTag with an empty word cache at every
// iteration (a new tagger): the cost of text whose words the tagger has
// not seen yet. BenchmarkTag's text, tagged over and over, finds all its
// words in the cache.
func BenchmarkTagCold(b *testing.B) { benchTag(b, true) }

// benchTag tokenises and tags the news text once per iteration, with a
// new tagger each time when cold.
func benchTag(b *testing.B, cold bool) {
	tg := benchTagger(b)
	src := benchSentences(b)
	tok := text.NewTokenizer("fr")
	ntok := len(tok.Segment(src).Tokens)
	var spans []Span
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cputime.Process()
	for i := 0; i < b.N; i++ {
		if cold {
			tg = NewTagger(tg.Model())
		}
		spans = tagDoc(tg, tok.Segment(src), spans)
	}
	reportTokens(b, ntok*b.N, c0)
	if !cold {
		b.ReportMetric(float64(ntok), "tokens/op")
	}
}

// BenchmarkTagOnly measures tagging alone on pre-tokenised sentences.
func BenchmarkTagOnly(b *testing.B) {
	tg := benchTagger(b)
	doc := text.NewTokenizer("fr").Segment(benchSentences(b))
	var spans []Span
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cputime.Process()
	for i := 0; i < b.N; i++ {
		spans = tagDoc(tg, doc, spans)
	}
	reportTokens(b, len(doc.Tokens)*b.N, c0)
}

// BenchmarkTagStream measures tagging as a long-running worker does it: one
// tagger over a stream of varied text whose vocabulary (about 25,000
// distinct words in the French WikiNEuRal test-a file) outgrows the word
// cache, so that the cache fills, is replaced and refills. Each iteration
// tags the next 1,000 sentences, cycling through the file; sentences come
// pre-tokenised (the corpus's own tokens), so the figure is tagging alone.
func BenchmarkTagStream(b *testing.B) {
	tg := benchTagger(b)
	cs, err := corpus.ReadFile("../../../../shared/data/wikineural/wikineural-fr-test-a.conllu.gz")
	if err != nil {
		b.Skip(err)
	}
	const chunk = 1000
	var spans []Span
	next, ntok := 0, 0
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cputime.Process()
	for i := 0; i < b.N; i++ {
		for range chunk {
			words := cs[next].Tokens
			spans = append(spans[:0], tg.TagWords(words)...)
			ntok += len(words)
			next = (next + 1) % len(cs)
		}
	}
	reportTokens(b, ntok, c0)
}
