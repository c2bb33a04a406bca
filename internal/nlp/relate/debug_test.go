package relate_test

import (
	"testing"

	"github.com/wirenrich/wirenrich/internal/eval"
	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/ner"
	"github.com/wirenrich/wirenrich/internal/nlp/resolve"
	"github.com/wirenrich/wirenrich/internal/nlp/temporal"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

func TestDebugDump(t *testing.T) {
	var cache ner.Cache
	tx, _ := temporal.New()
	res, _ := resolve.Load()
	cases, _ := eval.LoadDir("../../../testdata/gold/dev")
	fx, _ := eval.LoadDir("../../../../shared/fixtures")
	for _, c := range append(cases, fx...) {
		if c.Name != "en-business" && c.Name != "en-diplomacy" && c.Name != "seed-article" {
			continue
		}
		a := &analysis.Analysis{Lang: c.Lang, Fields: []analysis.Field{{Name: "headline"}, {Name: "body", Doc: text.Tokenize(c.Text, c.Lang)}}}
		tg, _ := cache.Get(c.Lang)
		tg.Annotate(a)
		tx.Annotate(a)
		res.Resolve(a)
		for _, m := range a.Mentions {
			if m.Entity >= 0 {
				t.Logf("%s %q nominal=%v -> %s", m.Type, m.Text, m.Nominal, a.Entities[m.Entity].Name)
			}
		}
	}
}
