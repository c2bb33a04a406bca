package lang

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Accuracy counts correct identifications.
type Accuracy struct {
	Correct, Total int
	// Confusions counts wrong answers by returned code.
	Confusions map[string]int
}

// Rate is Correct/Total (0 when empty).
func (a Accuracy) Rate() float64 {
	if a.Total == 0 {
		return 0
	}
	return float64(a.Correct) / float64(a.Total)
}

func (a Accuracy) String() string {
	if a.Total == 0 {
		return "-"
	}
	return fmt.Sprintf("%.4f (%d/%d)", a.Rate(), a.Correct, a.Total)
}

// Evaluate identifies every text and counts the answers equal to gold.
func (id *Identifier) Evaluate(gold string, texts []string) Accuracy {
	a := Accuracy{Confusions: map[string]int{}}
	for _, t := range texts {
		code, _ := id.Detect(t)
		a.Total++
		if code == gold {
			a.Correct++
		} else {
			a.Confusions[code]++
		}
	}
	return a
}

// PseudoArticles joins every n consecutive sentences into one text (a
// trailing group shorter than n/2 is dropped).
func PseudoArticles(sents []string, n int) []string {
	var out []string
	for i := 0; i < len(sents); i += n {
		j := min(i+n, len(sents))
		if j-i < n/2 && len(out) > 0 {
			break
		}
		out = append(out, strings.Join(sents[i:j], " "))
	}
	return out
}

// Report is accuracy per language on sentences and on articles.
type Report struct {
	Name      string
	Sentences map[string]Accuracy
	Articles  map[string]Accuracy
}

// Print writes the report as a table.
func (r Report) Print(w io.Writer) {
	fmt.Fprintf(w, "%s\n", r.Name)
	fmt.Fprintf(w, "  %-4s %-26s %-22s %s\n", "lang", "sentences", "articles", "sentence confusions")
	langs := make([]string, 0, len(r.Sentences))
	for l := range r.Sentences {
		langs = append(langs, l)
	}
	for l := range r.Articles {
		if _, ok := r.Sentences[l]; !ok {
			langs = append(langs, l)
		}
	}
	slices.Sort(langs)
	var s, a Accuracy
	for _, l := range langs {
		fmt.Fprintf(w, "  %-4s %-26s %-22s %s\n", l, r.Sentences[l], r.Articles[l], confusions(r.Sentences[l].Confusions))
		s.Correct, s.Total = s.Correct+r.Sentences[l].Correct, s.Total+r.Sentences[l].Total
		a.Correct, a.Total = a.Correct+r.Articles[l].Correct, a.Total+r.Articles[l].Total
	}
	fmt.Fprintf(w, "  %-4s %-26s %-22s\n", "all", s, a)
}

func confusions(m map[string]int) string {
	type kv struct {
		k string
		v int
	}
	var kvs []kv
	for k, v := range m {
		kvs = append(kvs, kv{k, v})
	}
	slices.SortFunc(kvs, func(a, b kv) int {
		if a.v != b.v {
			return b.v - a.v
		}
		return strings.Compare(a.k, b.k)
	})
	var parts []string
	for i, x := range kvs {
		if i == 4 {
			break
		}
		parts = append(parts, fmt.Sprintf("%s:%d", x.k, x.v))
	}
	return strings.Join(parts, " ")
}
