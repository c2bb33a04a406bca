package ner

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
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
	// Runs is the number of perceptron runs over differently shuffled
	// data whose averaged weights are averaged (default 1).
	Runs int
	// PA, when positive, makes each update a cost-sensitive
	// passive-aggressive step (PA-I with this aggressiveness C, the cost
	// being the number of mistagged tokens) instead of a unit perceptron
	// step.
	PA float64
	// Margin, when positive, is added to the score of every wrong label
	// of every token when decoding a training sentence (loss-augmented
	// decoding: updates until gold wins by a margin).
	Margin float64
	// Features is the set of optional feature groups (ExtAffix6, ...).
	Features uint32
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
	// feat, when set, is the featurizer to use (lexicon and gazetteer
	// included) instead of the one built from the fields above (the span
	// typer's fold taggers).
	feat *featurizer
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
		f.ext = cfg.Features
	}
	if !cfg.Baseline {
		f.lex = newTable(cfg.Lexicon)
		f.gaz = newTable(cfg.Gazetteer)
		f.gazMax = cfg.GazMax
	}
	if cfg.feat != nil {
		f = *cfg.feat
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

	runs := make([]*perceptron, max(cfg.Runs, 1))
	for k := range runs {
		runs[k] = newPerceptron(cfg.Bits, len(ts.starts))
	}
	preds := buildPreds()
	var best *Model
	bestF, bestEpoch := -1.0, 0
	for ep := 1; ep <= cfg.Epochs; ep++ {
		errs := make([]int, len(runs))
		var wg sync.WaitGroup
		for k, p := range runs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// run 0 shuffles as a single run always has
				r := rand.New(rand.NewPCG(cfg.Seed, uint64(ep)|uint64(k)<<32))
				p.margin = float32(cfg.Margin)
				errs[k] = p.epoch(&ts, &f, &preds, cfg.Baseline, float32(cfg.PA), r)
			}()
		}
		wg.Wait()
		toks := len(ts.gold)
		m := averagedRuns(&f, runs, cfg)
		msg := fmt.Sprintf("epoch %d: train token errors %.4f", ep, float64(errs[0])/float64(max(toks, 1)))
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

// perceptron is the state of one averaged structured perceptron run.
type perceptron struct {
	w, u, tr, tu []float32
	c            float32
	order        []int
	em, delta    []float32
	back, pred   []uint8
	margin       float32
}

func newPerceptron(bits, sentences int) *perceptron {
	rows := 1 << bits
	p := &perceptron{
		w:     make([]float32, rows*numLabels),
		u:     make([]float32, rows*numLabels),
		tr:    make([]float32, transLen),
		tu:    make([]float32, transLen),
		c:     1,
		order: make([]int, sentences),
	}
	for i := range p.order {
		p.order[i] = i
	}
	return p
}

func (p *perceptron) upd(feats []uint32, y uint8, v float32) {
	const L = numLabels
	for _, fi := range feats {
		k := int(fi)*L + int(y)
		p.w[k] += v
		p.u[k] += p.c * v
	}
}

func (p *perceptron) updT(k int, v float32) {
	p.tr[k] += v
	p.tu[k] += p.c * v
}

// epoch makes one pass over the training set in a shuffled order; it
// returns the number of mistagged tokens.
func (p *perceptron) epoch(ts *trainSet, f *featurizer, preds *predTable, baseline bool, pa float32, r *rand.Rand) int {
	const L = numLabels
	r.Shuffle(len(p.order), func(i, j int) { p.order[i], p.order[j] = p.order[j], p.order[i] })
	errs := 0
	w := p.w
	for _, s := range p.order {
		lo, hi := ts.sentence(s)
		n := hi - lo
		gold := ts.gold[lo:hi]
		if baseline {
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
				pl := uint8(bi)
				if pl != gold[i] {
					errs++
					p.upd(feats, gold[i], 1)
					p.upd(feats, pl, -1)
					p.upd([]uint32{pf}, gold[i], 1)
					p.upd([]uint32{pf}, pl, -1)
				}
				p.c++
				prev = pl
			}
			continue
		}
		p.em = growF(p.em, n*L)
		p.delta = growF(p.delta, n*L)
		p.back = grow(p.back, n*L)
		p.pred = grow(p.pred, n)
		em, pred := p.em, p.pred
		for i := 0; i < n; i++ {
			var acc [L]float32
			for _, fi := range ts.tokFeats(lo + i) {
				row := (*[L]float32)(w[int(fi)*L:])
				for y := range acc {
					acc[y] += row[y]
				}
			}
			copy(em[i*L:], acc[:])
			if p.margin > 0 {
				for y := range L {
					if y != int(gold[i]) {
						em[i*L+y] += p.margin
					}
				}
			}
		}
		viterbi(preds, em, p.tr, n, p.delta, p.back, pred, -1e30, false)
		step := float32(1)
		if pa > 0 {
			step = p.paStep(ts, lo, gold, pred, pa)
		}
		wrong := false
		for i := 0; i < n; i++ {
			if pred[i] != gold[i] {
				wrong = true
				errs++
				feats := ts.tokFeats(lo + i)
				p.upd(feats, gold[i], step)
				p.upd(feats, pred[i], -step)
			}
		}
		if wrong {
			pg, pp := uint8(L), uint8(L)
			for i := 0; i < n; i++ {
				if pg != pp || gold[i] != pred[i] {
					p.updT(int(pg)*L+int(gold[i]), step)
					p.updT(int(pp)*L+int(pred[i]), -step)
				}
				pg, pp = gold[i], pred[i]
			}
			if pg != pp {
				p.updT(transEnd+int(pg), step)
				p.updT(transEnd+int(pp), -step)
			}
		}
		p.c++
	}
	return errs
}

// paStep returns the PA-I step size for the update from pred to gold:
// min(C, (cost - margin) / |delta phi|^2), the cost being the number of
// mistagged tokens and the margin the score of gold minus that of pred
// (emissions in p.em).
func (p *perceptron) paStep(ts *trainSet, lo int, gold, pred []uint8, c float32) float32 {
	const L = numLabels
	var margin, norm float32
	cost := 0
	pg, pp := uint8(L), uint8(L)
	for i := range gold {
		g, y := gold[i], pred[i]
		if g != y {
			cost++
			margin += p.em[i*L+int(g)] - p.em[i*L+int(y)]
			norm += 2 * float32(len(ts.tokFeats(lo+i)))
		}
		if pg != pp || g != y {
			margin += p.tr[int(pg)*L+int(g)] - p.tr[int(pp)*L+int(y)]
			norm += 2
		}
		pg, pp = g, y
	}
	if pg != pp {
		margin += p.tr[transEnd+int(pg)] - p.tr[transEnd+int(pp)]
		norm += 2
	}
	if cost == 0 || norm == 0 {
		return 0
	}
	return min(c, (float32(cost)-margin)/norm)
}

// averagedRuns returns the model of the averaged weights of the runs
// (the mean of their averages when there are several).
func averagedRuns(f *featurizer, runs []*perceptron, cfg TrainConfig) *Model {
	if len(runs) == 1 {
		p := runs[0]
		return averaged(f, p.w, p.u, p.tr, p.tu, p.c, cfg)
	}
	w := make([]float32, len(runs[0].w))
	tr := make([]float32, len(runs[0].tr))
	k := float32(len(runs))
	for _, p := range runs {
		for i := range w {
			w[i] += (p.w[i] - p.u[i]/p.c) / k
		}
		for i := range tr {
			tr[i] += (p.tr[i] - p.tu[i]/p.c) / k
		}
	}
	// already averaged: zero u, unit c
	return averaged(f, w, make([]float32, len(w)), tr, make([]float32, len(tr)), 1, cfg)
}

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
	h.Features = FeatureNames(f.ext)
	if cfg.Runs > 1 {
		h.Runs = cfg.Runs
	}
	if !cfg.Baseline {
		h.PA = cfg.PA
		h.Margin = cfg.Margin
	}
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
