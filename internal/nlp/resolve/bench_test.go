package resolve

import (
	"testing"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
)

// BenchmarkResolve resolves the annotated seed article (37 named and 9
// value mentions): grouping, nominal attachment, salience and links.
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
	for b.Loop() {
		a.Mentions = append(a.Mentions[:0], mentions...)
		a.Entities = nil
		r.Resolve(a)
	}
}
