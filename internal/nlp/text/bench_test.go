package text

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// benchText returns the testdata article repeated to at least 500 words.
func benchText(b *testing.B, lang string) string {
	raw, err := os.ReadFile("testdata/bench-" + lang + ".txt")
	require.NoError(b, err)
	s := string(raw)
	for len(strings.Fields(s)) < 500 {
		s += "\n\n" + string(raw)
	}
	return s
}

// BenchmarkTokenize measures segmentation of a ~500-word news text:
//
//	go test -run '^$' -bench Tokenize -benchmem ./internal/nlp/text
func BenchmarkTokenize(b *testing.B) {
	for _, lang := range []string{"fr", "en"} {
		b.Run(lang, func(b *testing.B) {
			s := benchText(b, lang)
			tk := NewTokenizer(lang)
			n := len(tk.Segment(s).Tokens)
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				tk.Segment(s)
			}
			b.StopTimer()
			perOp := b.Elapsed().Seconds() / float64(b.N)
			b.ReportMetric(float64(n)/perOp, "tokens/s")
			b.ReportMetric(float64(n), "tokens/op")
		})
	}
}

func TestBenchTextsSegment(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		raw, err := os.ReadFile("testdata/bench-" + lang + ".txt")
		require.NoError(t, err)
		d := NewTokenizer(lang).Segment(string(raw))
		checkInvariants(t, string(raw), d)
		// headline, then sentences of three paragraphs
		require.Greater(t, len(d.Sentences), 8)
		require.Equal(t, d.Tokens[d.Sentences[0].Last].Text, "PYONGYANG")
	}
}
