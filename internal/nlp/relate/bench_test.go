package relate_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/eval"
	"github.com/wirenrich/wirenrich/internal/nlp/resolve"
)

// BenchmarkRelate measures the relation stage on gold articles of about
// 500 words (entities given, resolved), the budget being < 30% of ~2 ms:
//
//	go test -run '^$' -bench Relate -benchmem ./internal/nlp/relate
func BenchmarkRelate(b *testing.B) {
	res, err := resolve.Load()
	require.NoError(b, err)
	r := testRelater(b)
	for _, name := range []string{"seed-article", "wn-45467", "en-diplomacy"} {
		var c eval.Case
		for _, dir := range []string{"../../../../shared/fixtures", "../../../testdata/gold/dev"} {
			cases, err := eval.LoadDir(dir)
			if err != nil {
				continue
			}
			for _, x := range cases {
				if x.Name == name {
					c = x
				}
			}
		}
		if c.Gold == nil {
			continue
		}
		b.Run(name, func(b *testing.B) {
			a := goldAnalysis(b, res, c)
			words := len(strings.Fields(c.Text))
			b.ReportAllocs()
			b.ReportMetric(float64(words), "words/op")
			for b.Loop() {
				a.Relations = a.Relations[:0]
				r.Relate(a)
			}
		})
	}
}
