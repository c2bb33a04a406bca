package eval

import (
	"context"
	"fmt"
	"io"
	"sort"
	"text/tabwriter"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/enrich"
)

// Enricher is what Run evaluates (an *enrich.Enricher).
type Enricher interface {
	Enrich(ctx context.Context, a *article.Article) (*enrich.Document, error)
}

// CaseResult is the score of one gold article.
type CaseResult struct {
	Case   Case
	Result *Result
}

// Run enriches every case (its whole text as the body, in the language of
// its file name, published on the gold date) and scores it; it returns
// the summed scores and the per-article results.
func Run(ctx context.Context, e Enricher, cases []Case) (Scores, []CaseResult, error) {
	total := NewScores()
	out := make([]CaseResult, 0, len(cases))
	for _, c := range cases {
		pub, err := c.Gold.PublishedTime()
		if err != nil {
			return total, out, fmt.Errorf("eval %s: %w", c.Name, err)
		}
		id := c.Gold.ID
		if id == "" {
			id = c.Name
		}
		doc, err := e.Enrich(ctx, &article.Article{ID: id, Body: c.Text, Language: c.Lang, Published: pub, Format: "text"})
		if err != nil {
			return total, out, fmt.Errorf("eval %s: enrich: %w", c.Name, err)
		}
		r := Score(c.Gold, c.Lang, doc)
		total.Add(r.Scores)
		out = append(out, CaseResult{Case: c, Result: r})
	}
	return total, out, nil
}

// WriteReport prints precision, recall and F1 per entity type, overall
// (named types), the temporal and numeric types apart, then per relation
// type and overall.
func WriteReport(w io.Writer, s Scores) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	row := func(name string, c Counts) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", name, c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
	}
	fmt.Fprintln(tw, "entities\tTP\tFP\tFN\tP\tR\tF1\t")
	for _, t := range NamedTypes {
		row(t, s.Entities[t])
	}
	row("overall", s.EntityOverall())
	var other []string
	for t := range s.Entities {
		if !isNamed(t) {
			other = append(other, t)
		}
	}
	sort.Strings(other)
	for _, t := range other {
		row(t, s.Entities[t])
	}
	if len(other) > 0 {
		row("values", s.ValueOverall())
	}
	fmt.Fprintln(tw, "\t\t\t\t\t\t\t")
	fmt.Fprintln(tw, "relations\tTP\tFP\tFN\tP\tR\tF1\t")
	for _, t := range RelationTypes {
		row(t, s.Relations[t])
	}
	for t, c := range s.Relations {
		if !knownRelation(t) {
			row(t, c)
		}
	}
	row("overall", s.RelationOverall())
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("eval report: %w", err)
	}
	return nil
}

func knownRelation(t string) bool {
	for _, r := range RelationTypes {
		if r == t {
			return true
		}
	}
	return false
}
