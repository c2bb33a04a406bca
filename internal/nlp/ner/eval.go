package ner

import (
	"fmt"
	"io"
)

// Report counts exact-match entity spans per type.
type Report struct {
	Tokens              int
	Sentences           int
	Gold, Pred, Correct [numTypes]int
}

// Evaluate tags every example and compares with its gold spans (exact span
// and type).
func Evaluate(t *Tagger, data []Example) *Report {
	r := &Report{}
	for _, ex := range data {
		r.Add(ex.Spans, t.TagWords(ex.Words), len(ex.Words))
	}
	return r
}

// EvaluateTypes is Evaluate restricted to some types (PER, ORG, LOC, MISC
// or contract names): spans of other types are dropped from gold and
// predictions.
func EvaluateTypes(t *Tagger, data []Example, keep []string) *Report {
	var ok [numTypes]bool
	for _, k := range keep {
		if i := TypeIndex(k); i >= 0 {
			ok[i] = true
		}
	}
	filter := func(in []Span) []Span {
		var out []Span
		for _, s := range in {
			if i := TypeIndex(s.Type); i >= 0 && ok[i] {
				out = append(out, s)
			}
		}
		return out
	}
	r := &Report{}
	for _, ex := range data {
		r.Add(filter(ex.Spans), filter(t.TagWords(ex.Words)), len(ex.Words))
	}
	return r
}

// Add counts one sentence.
func (r *Report) Add(gold, pred []Span, tokens int) {
	r.Tokens += tokens
	r.Sentences++
	g := map[[3]int]bool{}
	for _, s := range gold {
		ti := TypeIndex(s.Type)
		if ti < 0 {
			continue
		}
		r.Gold[ti]++
		g[[3]int{s.Start, s.End, ti}] = true
	}
	for _, s := range pred {
		ti := TypeIndex(s.Type)
		if ti < 0 {
			continue
		}
		r.Pred[ti]++
		if g[[3]int{s.Start, s.End, ti}] {
			r.Correct[ti]++
		}
	}
}

func score(gold, pred, correct int) Score {
	s := Score{Gold: gold, Pred: pred, Correct: correct}
	if pred > 0 {
		s.Precision = float64(correct) / float64(pred)
	}
	if gold > 0 {
		s.Recall = float64(correct) / float64(gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Type returns the score of one type index.
func (r *Report) Type(i int) Score { return score(r.Gold[i], r.Pred[i], r.Correct[i]) }

// Overall returns the micro-averaged score.
func (r *Report) Overall() Score {
	var g, p, c int
	for i := range r.Gold {
		g += r.Gold[i]
		p += r.Pred[i]
		c += r.Correct[i]
	}
	return score(g, p, c)
}

// Scores returns the scores by type name (PER ORG LOC MISC) and "overall".
func (r *Report) Scores() map[string]Score {
	out := map[string]Score{"overall": r.Overall()}
	for i := range types {
		out[types[i]] = r.Type(i)
	}
	return out
}

// Write prints the report CoNLL-style; the last line is
// "overall precision=P recall=R f1=F".
func (r *Report) Write(w io.Writer) error {
	o := r.Overall()
	if _, err := fmt.Fprintf(w, "processed %d tokens in %d sentences with %d phrases; found: %d phrases; correct: %d.\n",
		r.Tokens, r.Sentences, o.Gold, o.Pred, o.Correct); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	for i := range types {
		s := r.Type(i)
		if _, err := fmt.Fprintf(w, "%-4s precision=%.4f recall=%.4f f1=%.4f gold=%d pred=%d correct=%d\n",
			types[i], s.Precision, s.Recall, s.F1, s.Gold, s.Pred, s.Correct); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	}
	if _, err := fmt.Fprintf(w, "overall precision=%.4f recall=%.4f f1=%.4f\n", o.Precision, o.Recall, o.F1); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}
