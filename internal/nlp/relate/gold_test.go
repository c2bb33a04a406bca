package relate_test

import (
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/eval"
	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/resolve"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// goldAnalysis builds the analysis of a gold article with the gold's named
// entities as mentions (every occurrence of a name or alias, longest
// first), grouped by the resolve stage (which attaches title mentions).
func goldAnalysis(t testing.TB, res *resolve.Resolver, c eval.Case) *analysis.Analysis {
	t.Helper()
	doc := text.Tokenize(c.Text, c.Lang)
	a := &analysis.Analysis{Lang: c.Lang, Fields: []analysis.Field{{Name: "headline", Doc: text.Tokenize("", c.Lang)}, {Name: "body", Doc: doc}}}
	rs := []rune(c.Text)
	taken := make([]bool, len(rs))
	type cand struct{ name, typ string }
	var cands []cand
	for _, e := range c.Gold.Entities {
		switch e.Type {
		case "PERSON", "ORGANIZATION", "LOCATION", "MISC":
		default:
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			cands = append(cands, cand{n, e.Type})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return len([]rune(cands[i].name)) > len([]rune(cands[j].name)) })
	for _, cd := range cands {
		nr := []rune(cd.name)
		for s := 0; s+len(nr) <= len(rs); s++ {
			if string(rs[s:s+len(nr)]) != cd.name {
				continue
			}
			e := s + len(nr)
			if s > 0 && isWord(rs[s-1]) || e < len(rs) && isWord(rs[e]) {
				continue
			}
			free := true
			for k := s; k < e; k++ {
				free = free && !taken[k]
			}
			if !free {
				continue
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			a.Mentions = append(a.Mentions, analysis.Mention{Field: 1, Start: s, End: e, Text: cd.name, Type: cd.typ, Confidence: 1, Entity: -1,
				TokStart: -1, TokEnd: -1})
		}
	}
	sort.Slice(a.Mentions, func(i, j int) bool { return a.Mentions[i].Start < a.Mentions[j].Start })
	for i := range a.Mentions {
		m := &a.Mentions[i]
		for k, tk := range doc.Tokens {
			if tk.Start == m.Start {
				m.TokStart = k
			}
			if tk.End == m.End {
				m.TokEnd = k + 1
			}
		}
		for s, sn := range doc.Sentences {
			if m.Start >= sn.Start && m.Start < sn.End {
				m.Sent = s
			}
		}
	}
	res.Resolve(a)
	return a
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// TestGoldEntitiesGiven scores relations on gold articles with the gold
// entities given: the seed article must reach relation F1 0.8.
func TestGoldEntitiesGiven(t *testing.T) {
	res, err := resolve.Load()
	require.NoError(t, err)
	r := testRelater(t)
	dirs := []string{"../../../../shared/fixtures", "../../../testdata/gold/dev", "../../../testdata/gold/heldout"}
	for _, dir := range dirs {
		cases, err := eval.LoadDir(dir)
		if err != nil {
			t.Logf("skip %s: %v", dir, err)
			continue
		}
		total := eval.NewScores()
		for _, c := range cases {
			a := goldAnalysis(t, res, c)
			r.Relate(a)
			sc := eval.Score(c.Gold, c.Lang, eval.FromAnalysis(a))
			total.Add(sc.Scores)
			if testing.Verbose() && !strings.Contains(dir, "heldout") {
				t.Logf("%s: relations %+v F1 %.3f\n  %s", c.Name, sc.RelationOverall(), sc.RelationOverall().F1(), strings.Join(relErrors(sc.Errors), "\n  "))
			}
		}
		ov := total.RelationOverall()
		t.Logf("%s: %d articles, relations TP %d FP %d FN %d P %.3f R %.3f F1 %.3f", dir, len(cases), ov.TP, ov.FP, ov.FN, ov.Precision(), ov.Recall(), ov.F1())
		for _, typ := range eval.RelationTypes {
			c := total.Relations[typ]
			t.Logf("  %-12s TP %2d FP %2d FN %2d F1 %.3f", typ, c.TP, c.FP, c.FN, c.F1())
		}
		if strings.HasSuffix(dir, "fixtures") {
			require.GreaterOrEqual(t, ov.F1(), 0.8)
		}
	}
}

func relErrors(es []string) []string {
	var out []string
	for _, e := range es {
		if !strings.Contains(e, " entity ") {
			out = append(out, e)
		}
	}
	return out
}
