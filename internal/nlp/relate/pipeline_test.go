package relate_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/eval"
	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/ner"
	"github.com/wirenrich/wirenrich/internal/nlp/resolve"
	"github.com/wirenrich/wirenrich/internal/nlp/temporal"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// TestPipelineGold runs the stages the enricher runs (tokenizer, NER,
// temporal, resolve) then relate on the gold articles and logs entity and
// relation scores: what `worker eval` reports once relate is wired in.
//
//	go test ./internal/nlp/relate -run PipelineGold -v
func TestPipelineGold(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every model")
	}
	var cache ner.Cache
	tx, err := temporal.New()
	require.NoError(t, err)
	res, err := resolve.Load()
	require.NoError(t, err)
	r := testRelater(t)
	for _, dir := range []string{"../../../../shared/fixtures", "../../../testdata/gold/dev", "../../../testdata/gold/heldout"} {
		cases, err := eval.LoadDir(dir)
		if err != nil {
			t.Logf("skip %s: %v", dir, err)
			continue
		}
		total := eval.NewScores()
		for _, c := range cases {
			pub, err := c.Gold.PublishedTime()
			require.NoError(t, err)
			a := &analysis.Analysis{Lang: c.Lang, Published: pub, Fields: []analysis.Field{
				{Name: "headline", Doc: text.Tokenize("", c.Lang)}, {Name: "body", Doc: text.Tokenize(c.Text, c.Lang)}}}
			tg, err := cache.Get(c.Lang)
			if err != nil {
				t.Skipf("no NER model for %s: %v", c.Lang, err)
			}
			tg.Annotate(a)
			tx.Annotate(a)
			res.Resolve(a)
			start := time.Now()
			r.Relate(a)
			took := time.Since(start)
			sc := eval.Score(c.Gold, c.Lang, eval.FromAnalysis(a))
			total.Add(sc.Scores)
			if testing.Verbose() && !strings.Contains(dir, "heldout") {
				t.Logf("%s (relate %v): relations %+v\n  %s", c.Name, took, sc.RelationOverall(), strings.Join(relErrors(sc.Errors), "\n  "))
			}
		}
		e, rel := total.EntityOverall(), total.RelationOverall()
		t.Logf("%s: %d articles; entities P %.3f R %.3f F1 %.3f; relations TP %d FP %d FN %d P %.3f R %.3f F1 %.3f",
			dir, len(cases), e.Precision(), e.Recall(), e.F1(), rel.TP, rel.FP, rel.FN, rel.Precision(), rel.Recall(), rel.F1())
	}
}
