package ner

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Example is one training or evaluation sentence.
type Example struct {
	Words []string
	Spans []Span // Type may be PER ORG LOC MISC or the contract names
}

// TrainConfig configures Train.
type TrainConfig struct {
	Bits     int    // log2 of the weight table rows (default 20)
	Epochs   int    // passes over the data (default 20); the best on dev is kept
	Seed     uint64 // shuffling and augmentation seed
	Baseline bool   // greedy perceptron, word/affix/shape/neighbour features only
	NoAffix5 bool   // no 5-rune prefix/suffix features
	// Augment is the fraction of training sentences added again in title
	// case (and a fifth as many in upper case), for headlines and datelines.
	Augment float64
	// AugmentLower is the fraction of training sentences added again in
	// lower case (web text, lower-cased names).
	AugmentLower float64
	// Lexicon maps WordKey to LexValue; Gazetteer maps PhraseKey to a
	// category bit set (plus gazPrefix for phrase prefixes, see GazBuilder).
	Lexicon   map[uint64]uint32
	Gazetteer map[uint64]uint32
	GazMax    int
	Header    Header // provenance, completed by Train
	Log       io.Writer
}

type trainSet struct {
	feats  []uint32
	offs   []int64 // per token, into feats
	starts []int   // per sentence, into offs (token index)
	gold   []uint8 // per token
}

func (ts *trainSet) add(f *featurizer, sc *scratch, ex Example) {
	sc.words = append(sc.words[:0], ex.Words...)
	f.analyse(sc)
	f.features(sc)
	base := int64(len(ts.feats))
	ts.starts = append(ts.starts, len(ts.gold))
	for i := range ex.Words {
		ts.offs = append(ts.offs, base+int64(sc.offs[i]))
	}
	ts.feats = append(ts.feats, sc.feats...)
	ts.gold = append(ts.gold, Encode(len(ex.Words), ex.Spans)...)
}

func (ts *trainSet) sentence(s int) (lo, hi int) {
	lo = ts.starts[s]
	hi = len(ts.gold)
	if s+1 < len(ts.starts) {
		hi = ts.starts[s+1]
	}
	return lo, hi
}

func (ts *trainSet) tokFeats(i int) []uint32 {
	end := int64(len(ts.feats))
	if i+1 < len(ts.offs) {
		end = ts.offs[i+1]
	}
	return ts.feats[ts.offs[i]:end]
}

// augment returns title-case and upper-case copies of some sentences.
func augment(data []Example, frac, lower float64, seed uint64) []Example {
	if frac <= 0 && lower <= 0 {
		return nil
	}
	r := rand.New(rand.NewPCG(seed, 0xA06))
	var out []Example
	for _, ex := range data {
		x := r.Float64()
		switch {
		case x < frac:
			out = append(out, Example{Words: mapWords(ex.Words, titleWord), Spans: ex.Spans})
		case x < frac*1.2:
			out = append(out, Example{Words: mapWords(ex.Words, strings.ToUpper), Spans: ex.Spans})
		case x < frac*1.2+lower:
			out = append(out, Example{Words: mapWords(ex.Words, strings.ToLower), Spans: ex.Spans})
		}
	}
	return out
}

func mapWords(ws []string, f func(string) string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = f(w)
	}
	return out
}

func titleWord(w string) string {
	r, sz := utf8.DecodeRuneInString(w)
	if sz == 0 || !unicode.IsLower(r) || utf8.RuneCountInString(w) < 3 {
		return w
	}
	return string(unicode.ToUpper(r)) + w[sz:]
}

// Train trains a model on train, choosing the epoch by F1 on dev.
func Train(cfg TrainConfig, train, dev []Example) (*Model, error) {
	if len(train) == 0 {
		return nil, errors.New("ner: no training data")
	}
	if cfg.Bits == 0 {
		cfg.Bits = 20
	}
	if cfg.Bits < 8 || cfg.Bits > 24 {
		return nil, fmt.Errorf("ner: bits %d out of range", cfg.Bits)
	}
	if cfg.Epochs <= 0 {
		cfg.Epochs = 20
	}
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format+"\n", args...)
		}
	}
	f := featurizer{bits: uint(cfg.Bits), baseline: cfg.Baseline, noAffix5: cfg.NoAffix5}
	if !cfg.Baseline {
		f.lex = newTable(cfg.Lexicon)
		f.gaz = newTable(cfg.Gazetteer)
		f.gazMax = cfg.GazMax
	}
	start := time.Now()
	all := train
	if !cfg.Baseline {
		all = append(append([]Example(nil), train...), augment(train, cfg.Augment, cfg.AugmentLower, cfg.Seed)...)
	}
	var ts trainSet
	sc := &scratch{}
	for _, ex := range all {
		if len(ex.Words) == 0 {
			continue
		}
		ts.add(&f, sc, ex)
	}
	logf("features: %d sentences, %d tokens, %d feature instances (%.1fs)", len(ts.starts), len(ts.gold), len(ts.feats), time.Since(start).Seconds())

	const L = numLabels
	rows := 1 << cfg.Bits
	w := make([]float32, rows*L)
	u := make([]float32, rows*L)
	tr := make([]float32, transLen)
	tu := make([]float32, transLen)
	c := float32(1)
	preds := buildPreds()
	upd := func(feats []uint32, y uint8, v float32) {
		for _, fi := range feats {
			k := int(fi)*L + int(y)
			w[k] += v
			u[k] += c * v
		}
	}
	updT := func(k int, v float32) {
		tr[k] += v
		tu[k] += c * v
	}
	order := make([]int, len(ts.starts))
	for i := range order {
		order[i] = i
	}
	var (
		em    []float32
		delta []float32
		back  []uint8
		pred  []uint8
	)
	var best *Model
	bestF, bestEpoch := -1.0, 0
	for ep := 1; ep <= cfg.Epochs; ep++ {
		r := rand.New(rand.NewPCG(cfg.Seed, uint64(ep)))
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, s := range order {
			lo, hi := ts.sentence(s)
			n := hi - lo
			gold := ts.gold[lo:hi]
			toks += n
			if cfg.Baseline {
				var prev uint8
				for i := 0; i < n; i++ {
					feats := ts.tokFeats(lo + i)
					var acc [L]float32
					for _, fi := range feats {
						row := w[int(fi)*L : int(fi)*L+L]
						for y := range acc {
							acc[y] += row[y]
						}
					}
					pf := f.bucket(mix(fPrevLabel, uint64(prev)))
					prow := w[int(pf)*L : int(pf)*L+L]
					bi := 0
					for y := range acc {
						acc[y] += prow[y]
						if acc[y] > acc[bi] {
							bi = y
						}
					}
					p := uint8(bi)
					if p != gold[i] {
						errs++
						upd(feats, gold[i], 1)
						upd(feats, p, -1)
						upd([]uint32{pf}, gold[i], 1)
						upd([]uint32{pf}, p, -1)
					}
					c++
					prev = p
				}
				continue
			}
			em = growF(em, n*L)
			delta = growF(delta, n*L)
			back = grow(back, n*L)
			pred = grow(pred, n)
			for i := 0; i < n; i++ {
				var acc [L]float32
				for _, fi := range ts.tokFeats(lo + i) {
					row := (*[L]float32)(w[int(fi)*L:])
					for y := range acc {
						acc[y] += row[y]
					}
				}
				copy(em[i*L:], acc[:])
			}
			viterbi(&preds, em, tr, n, delta, back, pred, -1e30, false)
			wrong := false
			for i := 0; i < n; i++ {
				if pred[i] != gold[i] {
					wrong = true
					errs++
					feats := ts.tokFeats(lo + i)
					upd(feats, gold[i], 1)
					upd(feats, pred[i], -1)
				}
			}
			if wrong {
				pg, pp := uint8(L), uint8(L)
				for i := 0; i < n; i++ {
					if pg != pp || gold[i] != pred[i] {
						updT(int(pg)*L+int(gold[i]), 1)
						updT(int(pp)*L+int(pred[i]), -1)
					}
					pg, pp = gold[i], pred[i]
				}
				if pg != pp {
					updT(transEnd+int(pg), 1)
					updT(transEnd+int(pp), -1)
				}
			}
			c++
		}
		m := averaged(&f, w, u, tr, tu, c, cfg)
		msg := fmt.Sprintf("epoch %d: train token errors %.4f", ep, float64(errs)/float64(max(toks, 1)))
		if len(dev) > 0 {
			rep := Evaluate(NewTagger(m), dev)
			o := rep.Overall()
			msg += fmt.Sprintf(", dev P=%.4f R=%.4f F1=%.4f", o.Precision, o.Recall, o.F1)
			if o.F1 > bestF {
				best, bestF, bestEpoch = m, o.F1, ep
			}
		} else {
			best, bestEpoch = m, ep
		}
		logf("%s (%.0fs)", msg, time.Since(start).Seconds())
	}
	best.Header.Epochs = bestEpoch
	if !cfg.Baseline && len(dev) > 0 {
		best.Header.ConfScale = calibrate(best, dev)
	}
	if len(dev) > 0 {
		best.Header.DevScores = Evaluate(NewTagger(best), dev).Scores()
	}
	logf("kept epoch %d (%.0fs)", bestEpoch, time.Since(start).Seconds())
	return best, nil
}

func growF(s []float32, n int) []float32 { return grow(s, n) }

func averaged(f *featurizer, w, u, tr, tu []float32, c float32, cfg TrainConfig) *Model {
	aw := make([]float32, len(w))
	for i := range w {
		aw[i] = w[i] - u[i]/c
	}
	at := make([]float32, len(tr))
	for i := range tr {
		at[i] = tr[i] - tu[i]/c
	}
	qw, qt, scale := quantise(aw, at)
	h := cfg.Header
	h.Bits = cfg.Bits
	h.Baseline = cfg.Baseline
	h.NoAffix5 = cfg.NoAffix5
	h.Scale = scale
	h.Seed = cfg.Seed
	h.ConfScale = 0.2
	if h.Lexicon == nil {
		h.Lexicon = map[string]string{}
	}
	return &Model{Header: h, feat: *f, w: qw, trans: qt}
}

// calibrate picks the confidence scale that minimises the Brier score of
// span confidences against span correctness on dev.
func calibrate(m *Model, dev []Example) float64 {
	bestK, bestLoss := m.Header.ConfScale, math.Inf(1)
	for _, k := range []float64{0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2, 3} {
		m.Header.ConfScale = k
		t := NewTagger(m)
		loss, n := 0.0, 0
		for _, ex := range dev {
			gold := map[[3]int]bool{}
			for _, s := range ex.Spans {
				gold[[3]int{s.Start, s.End, TypeIndex(s.Type)}] = true
			}
			for _, s := range t.TagWords(ex.Words) {
				y := 0.0
				if gold[[3]int{s.Start, s.End, TypeIndex(s.Type)}] {
					y = 1
				}
				loss += (s.Confidence - y) * (s.Confidence - y)
				n++
			}
		}
		if n > 0 && loss/float64(n) < bestLoss {
			bestK, bestLoss = k, loss/float64(n)
		}
	}
	return bestK
}

// Save writes a model (decompressed form) to w.
func (m *Model) Save(w io.Writer) error { return m.write(w) }
