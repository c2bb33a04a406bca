package lang

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// TrainOptions sets the size of the model.
type TrainOptions struct {
	// TopK is how many of each language's most frequent n-grams of each
	// order (index 1..4) enter the model; the vocabulary is their union.
	TopK [maxOrder + 1]int
	// Alpha is the additive smoothing of n-gram probabilities.
	Alpha float64
}

// DefaultTrainOptions gives the shipped model's settings.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{TopK: [maxOrder + 1]int{0, 300, 1200, 3000, 3000}, Alpha: 0.5}
}

// Train builds an Identifier from texts per language (ISO 639-1 code ->
// texts). Training is deterministic: the same texts give the same model.
func Train(texts map[string][]string, opt TrainOptions) (*Identifier, error) {
	if len(texts) == 0 || len(texts) > maxLangs {
		return nil, fmt.Errorf("train: %d languages (1 to %d)", len(texts), maxLangs)
	}
	langs := make([]string, 0, len(texts))
	for l := range texts {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	counts := make([]map[string]int, len(langs))
	var totals [][maxOrder + 1]int64
	for li, l := range langs {
		c := map[string]int{}
		var tot [maxOrder + 1]int64
		for _, t := range texts[l] {
			forEachNgramString(t, func(g string, order int) {
				c[g]++
				tot[order]++
			})
		}
		if len(c) == 0 {
			return nil, fmt.Errorf("train: no letters in %s texts", l)
		}
		counts[li] = c
		totals = append(totals, tot)
	}
	// vocabulary: union of each language's top n-grams per order
	vocab := map[string]int{} // n-gram -> order
	for li := range langs {
		byOrder := make([][]string, maxOrder+1)
		for g := range counts[li] {
			o := len([]rune(g))
			byOrder[o] = append(byOrder[o], g)
		}
		for o := 1; o <= maxOrder; o++ {
			gs := byOrder[o]
			c := counts[li]
			slices.SortFunc(gs, func(a, b string) int {
				if d := cmp.Compare(c[b], c[a]); d != 0 {
					return d
				}
				return strings.Compare(a, b)
			})
			for _, g := range gs[:min(len(gs), opt.TopK[o])] {
				vocab[g] = o
			}
		}
	}
	grams := make([]string, 0, len(vocab))
	for g := range vocab {
		grams = append(grams, g)
	}
	slices.SortFunc(grams, func(a, b string) int {
		if d := cmp.Compare(vocab[a], vocab[b]); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	var vsize [maxOrder + 1]float64
	for _, o := range vocab {
		vsize[o]++
	}
	id := &Identifier{langs: langs, scale: 1}
	L := len(langs)
	id.tab.init(len(grams))
	id.tab.vals = make([]uint8, 0, len(grams)*L)
	id.grams = grams
	for row, g := range grams {
		o := vocab[g]
		for li := range langs {
			p := (float64(counts[li][g]) + opt.Alpha) / (float64(totals[li][o]) + opt.Alpha*vsize[o])
			cost := math.Round(-math.Log(p) * quant)
			id.tab.vals = append(id.tab.vals, uint8(min(255, max(0, cost))))
		}
		id.tab.insert(hashNgram(g), row)
	}
	return id, nil
}

// FitScale sets the confidence scale that minimises the negative
// log-likelihood of the true languages of held-out texts, and returns it.
func (id *Identifier) FitScale(heldOut map[string][]string) float64 {
	type obs struct {
		gold int
		p    profile
	}
	var data []obs
	for li, l := range id.langs {
		for _, t := range heldOut[l] {
			p := id.score(t, nil)
			if p.features >= minFeatures {
				data = append(data, obs{li, p})
			}
		}
	}
	best, bestNLL := 1.0, math.Inf(1)
	for s := 0.05; s < 200; s *= 1.1 {
		nll := 0.0
		for _, o := range data {
			k := s / float64(quant) / math.Sqrt(float64(o.p.features))
			sum := 0.0
			for _, v := range o.p.scores {
				sum += math.Exp(k * float64(v-o.p.scores[o.gold]))
			}
			nll += math.Log(sum)
		}
		if nll < bestNLL {
			best, bestNLL = s, nll
		}
	}
	id.scale = math.Round(best*1000) / 1000
	return id.scale
}

// Write writes the model file (uncompressed) with the provenance lines as
// its header.
func (id *Identifier) Write(w io.Writer, provenance []string) error {
	if id.grams == nil {
		return errors.New("write: model was not trained in this process")
	}
	bw := bufio.NewWriter(w)
	for _, p := range provenance {
		for _, line := range strings.Split(p, "\n") {
			fmt.Fprintf(bw, "# %s\n", line)
		}
	}
	fmt.Fprintf(bw, "langs %s\n", strings.Join(id.langs, " "))
	fmt.Fprintf(bw, "scale %s\n", strconv.FormatFloat(id.scale, 'f', -1, 64))
	fmt.Fprintf(bw, "ngrams %d\n", len(id.grams))
	L := len(id.langs)
	buf := make([]byte, 0, 64)
	for row, g := range id.grams {
		buf = append(buf[:0], strings.ReplaceAll(g, " ", "_")...)
		buf = append(buf, '\t')
		for l, v := range id.tab.vals[row*L : row*L+L] {
			if l > 0 {
				buf = append(buf, ' ')
			}
			buf = strconv.AppendUint(buf, uint64(v), 10)
		}
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return fmt.Errorf("write model: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}
