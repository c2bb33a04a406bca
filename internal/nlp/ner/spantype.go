package ner

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
)

// A span typer re-types, and may drop, the spans the tagger found, from
// features of the whole span (its folded string, words, stems, suffixes,
// clusters, gazetteer matches, capitalisation pattern, the words around
// it) and, when trained by jackknifing (Folds), of the tagger's view of
// it (its best type, the score margins of the other types and of no
// entity, the types of the neighbouring and other spans of the
// sentence): an averaged multiclass perceptron over the four types and
// none. At tagging time each predicted span gets the class maximising
// the typer's score plus Lambda times the tagger's margin for that class
// (the best path forced through the span with that class, minus the best
// path), so the cost is per span, not per token. It is optional
// (Header.SpanTypes, feature group "spantypes"); models without it tag
// as before.

// SpanTypes is the header record of a model's span typer.
type SpanTypes struct {
	// Bits is log2 of the typer's hashed weight rows.
	Bits int `json:"bits"`
	// Epochs is the number of perceptron passes over the training spans.
	Epochs int `json:"epochs"`
	// Spans is the number of training spans.
	Spans int `json:"spans"`
	// Folds, when positive, is the number of folds of the training
	// sentences: the typer was trained on spans of each fold seen by a
	// tagger trained on the other folds, with that tagger's type scores
	// as features (the model's own at tagging time).
	Folds int `json:"folds,omitempty"`
	// Drop tells that the typer has a class none (not an entity, learnt
	// from the folds' spans that are not gold spans): spans it gives that
	// class are dropped.
	Drop bool `json:"drop,omitempty"`
	// Scale converts stored int16 weights to perceptron units.
	Scale float64 `json:"scale"`
	// Lambda weighs the tagger's score margins (perceptron units) against
	// the typer's scores; chosen on dev.
	Lambda float64 `json:"lambda"`
	// DevF1 maps each tried Lambda (formatted %g; "off" without the typer)
	// to the dev F1 it gave.
	DevF1 map[string]float64 `json:"dev_f1,omitempty"`
}

// spanTok is what the span typer needs of one token.
type spanTok struct {
	l      uint64    // folded word
	stem   [2]uint64 // folded word without its last 1, 2 runes (≥ 3 left)
	sfx    [3]uint64 // last 2, 3, 4 runes
	cap    uint8
	hasLex bool
	lex    uint32
	gaz    uint64 // gazetteer B/I/L/U bits (as tokInfo.gaz)
}

// setWord fills the word-derived fields of st from w, using buf for the
// folded form; it returns the buffer.
func (st *spanTok) setWord(w string, buf []byte) []byte {
	buf = appendFold(buf[:0], w)
	st.l = hashBytes(buf)
	st.stem = stems(buf, 3)
	st.sfx = [3]uint64{}
	suffixes(st.sfx[:], buf)
	return buf
}

// Span typer feature templates.
const (
	stBias = iota + 0x5A0
	stFull
	stLen
	stCaps
	stWord
	stStem1
	stStem2
	stSfx2
	stSfx3
	stSfx4
	stCluster
	stGaz
	stGazExact
	stFirst
	stLast
	stLastSfx2
	stLastSfx3
	stLastStem
	stPrev
	stPrevSfx3
	stPrevCl
	stPrevCap
	stPrev2
	stNext
	stNextSfx3
	stNextCl
	stPrevLast
	stAtStart
	stTag
	stMargin
	stTagMargin
	stTagLen
	stTagSfx
	stNbr
	stNbrGap
	stBag
)

// numClasses is the number of span typer classes: the types, then none
// (not an entity: the span is dropped, when the typer may drop spans).
const (
	numClasses = numTypes + 1
	classNone  = numTypes
)

// tagView is what the span typer sees of the tagger's decision on a
// span: the best type for the span (cur) and, per class (the types, then
// none: the span's tokens all O), the score of the best path labelling
// the span so minus that of cur (perceptron units; ≤ 0 for a span the
// tagger predicted).
type tagView struct {
	cur int
	d   [numClasses]float64
	// prev and next are the tagger's types of the nearest spans ending
	// at most two tokens before the span and starting at most two tokens
	// after it (-1: none), gapP and gapN the hashes of the tokens between
	// (a list "X , Y и Z" shares types).
	prev, next int
	gapP, gapN uint64
	// bag has bit t set when another span of the sentence has type t.
	bag uint8
}

// setNeighbours sets tv's neighbour spans for span [s, e) from the
// sentence's predicted spans (sorted) and their types, ents being the
// sentence's word entries (for the folded words between).
func (tv *tagView) setNeighbours(spans []Span, types []int, s, e int, ents []*wordEntry) {
	tv.prev, tv.next, tv.bag = -1, -1, 0
	for k := range spans {
		sp := &spans[k]
		if sp.End <= s || sp.Start >= e {
			tv.bag |= 1 << types[k]
		}
		if sp.End <= s && s-sp.End <= 2 {
			tv.prev, tv.gapP = types[k], 0x6A9
			for i := sp.End; i < s; i++ {
				tv.gapP = mix(tv.gapP, ents[i].l)
			}
		}
		if sp.Start >= e && sp.Start-e <= 2 && tv.next < 0 {
			tv.next, tv.gapN = types[k], 0x6A9
			for i := e; i < sp.Start; i++ {
				tv.gapN = mix(tv.gapN, ents[i].l)
			}
		}
	}
}

// spanTypes sets sc.types to the tagger's types (sc.labels) of spans.
func spanTypes(sc *scratch, spans []Span) {
	sc.types = grow(sc.types, len(spans))
	for k := range spans {
		sc.types[k] = labelType(sc.labels[spans[k].Start])
	}
}

// marginBucket buckets a score margin d ≤ 0 (perceptron units) on a
// roughly logarithmic scale, 0..9; a positive margin (a better path than
// the reference, which only training spans the tagger missed have) is
// bucket 16.
func marginBucket(d float64) uint64 {
	if d > 0 {
		return 16
	}
	d = -d
	b := uint64(0)
	for lim := 0.5; d > lim && b < 9; lim *= 2 {
		b++
	}
	return b
}

// tagFeatures calls add with the feature hashes of the tagger's view of
// a span whose last token is last and length n.
func tagFeatures(tv *tagView, last *spanTok, n int, add func(uint64)) {
	cur := uint64(tv.cur)
	add(mix(stTag, cur))
	add(mix(stTagLen, cur<<8|uint64(min(n, 4))))
	add(mix(stTagSfx, mix(cur, last.sfx[0])))
	for b := range numTypes {
		if tv.bag>>b&1 != 0 {
			add(mix(stBag, cur<<8|uint64(b)))
		}
	}
	if tv.prev >= 0 {
		add(mix(stNbr, 0<<8|uint64(tv.prev)))
		add(mix(stNbrGap, mix(0<<8|uint64(tv.prev), tv.gapP)))
	}
	if tv.next >= 0 {
		add(mix(stNbr, 1<<8|uint64(tv.next)))
		add(mix(stNbrGap, mix(1<<8|uint64(tv.next), tv.gapN)))
	}
	for ty := range numClasses {
		if ty == tv.cur {
			continue
		}
		b := marginBucket(tv.d[ty])
		add(mix(stMargin, uint64(ty)<<8|b))
		add(mix(stTagMargin, cur<<16|uint64(ty)<<8|b))
	}
}

// spanFeatures calls add with the feature hashes of span [s, e) of a
// window of tokens (win); bos tells that win starts the sentence and eos
// that it ends it.
func spanFeatures(win []spanTok, s, e int, bos, eos bool, add func(uint64)) {
	add(mix(stBias, 1))
	full := uint64(stFull)
	caps := uint64(stCaps)
	for i := s; i < e; i++ {
		t := &win[i]
		full = mix(full, t.l)
		if i-s < 4 {
			caps = mix(caps, uint64(t.cap))
		}
		add(mix(stWord, t.l))
		for k, v := range t.stem {
			if v != 0 {
				add(mix(stStem1+uint64(k), v))
			}
		}
		for k, v := range t.sfx {
			if v != 0 {
				add(mix(stSfx2+uint64(k), v))
			}
		}
		if t.hasLex && t.lex&lexHasCluster != 0 {
			add(mix(stCluster, uint64(t.lex&0xff)))
		}
		for g, b := t.gaz, uint64(0); g != 0; g, b = g>>1, b+1 {
			if g&1 != 0 {
				add(mix(stGaz, b))
			}
		}
	}
	add(full)
	add(mix(caps, uint64(min(e-s, 5))))
	add(mix(stLen, uint64(min(e-s, 5))))
	first, last := &win[s], &win[e-1]
	for c := uint64(0); c < numGazCats; c++ {
		if e-s == 1 && first.gaz>>(4*c+posU)&1 != 0 || e-s > 1 && first.gaz>>(4*c+posB)&1 != 0 && last.gaz>>(4*c+posL)&1 != 0 {
			add(mix(stGazExact, c))
		}
	}
	add(mix(stFirst, first.l))
	add(mix(stLast, last.l))
	add(mix(stLastSfx2, last.sfx[0]))
	add(mix(stLastSfx3, last.sfx[1]))
	add(mix(stLastStem, last.stem[0]))
	prevL := uint64(0xB05)
	if s > 0 {
		p := &win[s-1]
		prevL = p.l
		add(mix(stPrevSfx3, p.sfx[1]))
		add(mix(stPrevCap, uint64(p.cap)))
		if p.hasLex && p.lex&lexHasCluster != 0 {
			add(mix(stPrevCl, uint64(p.lex&0xff)))
		}
		if s > 1 {
			add(mix(stPrev2, win[s-2].l))
		}
	}
	add(mix(stPrev, prevL))
	add(mix(stPrevLast, mix(prevL, last.sfx[0])))
	if s == 0 && bos {
		add(mix(stAtStart, 1))
	}
	if e < len(win) {
		nx := &win[e]
		add(mix(stNext, nx.l))
		add(mix(stNextSfx3, nx.sfx[1]))
		if nx.hasLex && nx.lex&lexHasCluster != 0 {
			add(mix(stNextCl, uint64(nx.lex&0xff)))
		}
	} else if eos {
		add(mix(stNext, 0xE05))
	}
}

// spanTyper is a trained span typer.
type spanTyper struct {
	bits   uint
	folds  int     // > 0: tagger features (tagFeatures)
	drop   bool    // the none class is used: spans may be dropped
	w      []int16 // (1<<bits) rows of numClasses
	scale  float64
	lambda float64
}

// bucket returns the weight row of feature hash h.
func (p *spanTyper) bucket(h uint64) uint32 { return hashRow(h, p.bits) }

// scores returns the typer's scores (perceptron units) of span [s, e) of
// win.
func (p *spanTyper) scores(win []spanTok, s, e int, bos, eos bool, tv *tagView, rows []uint32) ([numClasses]float64, []uint32) {
	// the rows first, then the sums: the rows' loads (mostly cache
	// misses) overlap better
	rows = rows[:0]
	add := func(h uint64) { rows = append(rows, p.bucket(h)) }
	spanFeatures(win, s, e, bos, eos, add)
	if p.folds > 0 {
		tagFeatures(tv, &win[e-1], e-s, add)
	}
	var acc [numClasses]int32
	for _, b := range rows {
		r := (*[numClasses]int16)(p.w[int(b)*numClasses:])
		acc[0] += int32(r[0])
		acc[1] += int32(r[1])
		acc[2] += int32(r[2])
		acc[3] += int32(r[3])
		acc[4] += int32(r[4])
	}
	var out [numClasses]float64
	for y := range out {
		out[y] = float64(acc[y]) * p.scale
	}
	return out, rows
}

// spanWindow fills sc.stoks with the tokens of the window of span
// [s, e) of a sentence tagged through the word cache (sc.ents, sc.gaz):
// two tokens before the span and one after; it returns the window and the
// span's offset in it.
func (t *Tagger) spanWindow(sc *scratch, s, e int) ([]spanTok, int) {
	n := len(sc.ents)
	lo, hi := max(s-2, 0), min(e+1, n)
	sc.stoks = grow(sc.stoks, hi-lo)
	for i := lo; i < hi; i++ {
		st, ent := &sc.stoks[i-lo], sc.ents[i]
		sc.lower = st.setWord(ent.word, sc.lower)
		st.cap, st.hasLex, st.lex = ent.cap, ent.hasLex, ent.lex
		st.gaz = 0
		if len(sc.gaz) == n {
			st.gaz = sc.gaz[i]
		}
	}
	return sc.stoks[:hi-lo], lo
}

// pathScore returns the score (int units, up to a constant per position)
// of the best path that labels span [s, e) with type ty, from the forward
// (delta) and backward (beta) scores of a sentence.
func pathScore(em, trans, delta, beta []int32, s, e, ty int) int64 {
	const L = numLabels
	if ty == classNone {
		v := int64(delta[s*L]) + int64(beta[(e-1)*L])
		for i := s + 1; i < e; i++ {
			v += int64(trans[0]) + int64(em[i*L])
		}
		return v
	}
	if e-s == 1 {
		u := label(ty, posU)
		return int64(delta[s*L+int(u)]) + int64(beta[s*L+int(u)])
	}
	prev := label(ty, posB)
	v := int64(delta[s*L+int(prev)])
	for i := s + 1; i < e; i++ {
		cur := label(ty, posI)
		if i == e-1 {
			cur = label(ty, posL)
		}
		v += int64(trans[int(prev)*L+int(cur)]) + int64(em[i*L+int(cur)])
		prev = cur
	}
	return v + int64(beta[(e-1)*L+int(prev)])
}

// retype re-types the spans dst[base:] of the sentence in sc (decoded:
// sc.em, sc.delta, sc.beta, sc.labels), updating sc.labels; it returns
// dst without the spans it drops (class none).
func (t *Tagger) retype(dst []Span, base int, sc *scratch) []Span {
	p := t.m.typer
	n := len(sc.words)
	// the spans and types as the tagger found them, for the neighbours
	sc.pred = append(sc.pred[:0], dst[base:]...)
	spanTypes(sc, sc.pred)
	for k := base; k < len(dst); k++ {
		s, e := dst[k].Start, dst[k].End
		win, lo := t.spanWindow(sc, s, e)
		cur := sc.types[k-base]
		v := t.pathScores(sc, s, e)
		tv := t.tagView(&v, cur)
		tv.setNeighbours(sc.pred, sc.types, s, e, sc.ents)
		var sco [numClasses]float64
		sco, sc.srows = p.scores(win, s-lo, e-lo, lo == 0, e >= n, &tv, sc.srows)
		best, bv := cur, sco[cur] // ties keep the tagger's type
		for ty := range numClasses {
			if ty == classNone && !p.drop {
				break
			}
			if v := sco[ty] + p.lambda*tv.d[ty]; v > bv {
				best, bv = ty, v
			}
		}
		if best == cur {
			continue
		}
		if best == classNone {
			dst[k].End = dst[k].Start // dropped below
			for i := s; i < e; i++ {
				sc.labels[i] = 0
			}
			continue
		}
		dst[k].Type = contractTypes[best]
		for i := s; i < e; i++ {
			sc.labels[i] = label(best, labelPos(sc.labels[i]))
		}
	}
	if !p.drop {
		return dst
	}
	out := dst[:base]
	for _, sp := range dst[base:] {
		if sp.End > sp.Start {
			out = append(out, sp)
		}
	}
	return out
}

// pathScores returns, per class, the score of the best path labelling
// span [s, e) of a decoded sentence (sc.em, sc.delta, sc.beta over the
// span) with it (pathScore).
func (t *Tagger) pathScores(sc *scratch, s, e int) (v [numClasses]int64) {
	for ty := range numClasses {
		v[ty] = pathScore(sc.em, t.m.trans, sc.delta, sc.beta, s, e, ty)
	}
	return v
}

// tagView returns the tagger's view of a span whose classes' best paths
// score v (pathScores), cur being its best type (its neighbours unset).
func (t *Tagger) tagView(v *[numClasses]int64, cur int) tagView {
	tv := tagView{cur: cur}
	for ty := range numClasses {
		if ty != cur {
			tv.d[ty] = t.m.Header.Scale * float64(v[ty]-v[cur])
		}
	}
	return tv
}

// SpanTypeConfig configures TrainSpanTypes.
type SpanTypeConfig struct {
	Bits   int     // log2 of the hashed rows (default 18)
	Epochs int     // perceptron passes (default 10)
	Seed   uint64  // shuffling seed
	Lambda float64 // if positive, this weight instead of the best of the dev grid
	// Folds, when ≥ 2, trains the typer on spans seen by taggers trained
	// on the other folds, with their type scores as features.
	Folds int
	// Drop (with Folds) adds the class none, learnt from the spans the
	// fold taggers predict that are not gold spans: spans of that class
	// are dropped.
	Drop bool
	Log  io.Writer
}

// lambdaGrid returns the weights of the tagger's margins tried on dev.
func lambdaGrid() []float64 {
	return []float64{0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5}
}

// TrainSpanTypes trains a span typer on the gold spans of train with m's
// lexicon and gazetteer and attaches it to m with the weight of the
// tagger's margins that gives the best F1 on dev (it is not attached when
// no weight beats the model without it, unless cfg.Lambda is set). It
// returns the dev F1 without and with the typer.
func TrainSpanTypes(m *Model, cfg SpanTypeConfig, train, dev []Example) (before, after float64, err error) {
	if m.Header.Baseline {
		return 0, 0, errors.New("ner: span types: baseline model")
	}
	if cfg.Bits == 0 {
		cfg.Bits = 18
	}
	if cfg.Bits < 8 || cfg.Bits > 22 {
		return 0, 0, fmt.Errorf("ner: span types: bits %d out of range", cfg.Bits)
	}
	if cfg.Epochs <= 0 {
		cfg.Epochs = 10
	}
	logf := func(format string, args ...any) {
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, format+"\n", args...)
		}
	}
	m.typer = nil
	p := &spanTyper{bits: uint(cfg.Bits), folds: max(cfg.Folds, 0), drop: cfg.Drop && cfg.Folds > 0}
	// features of the gold spans
	ds := spanData{p: p}
	if p.folds > 0 {
		if err := ds.addFolds(m, cfg, train); err != nil {
			return 0, 0, err
		}
	} else {
		ds.addGold(m, train)
	}
	feats, offs, gold := ds.feats, ds.offs, ds.gold
	offs = append(offs, len(feats))
	ns := len(gold)
	if ns == 0 {
		return 0, 0, errors.New("ner: span types: no training spans")
	}
	// averaged multiclass perceptron
	rows := 1 << cfg.Bits
	w := make([]float32, rows*numClasses)
	u := make([]float32, rows*numClasses)
	c := float32(1)
	order := make([]int, ns)
	for i := range order {
		order[i] = i
	}
	upd := func(fs []uint32, y uint8, v float32) {
		for _, f := range fs {
			k := int(f)*numClasses + int(y)
			w[k] += v
			u[k] += c * v
		}
	}
	for ep := 1; ep <= cfg.Epochs; ep++ {
		r := rand.New(rand.NewPCG(cfg.Seed, 0x5A0+uint64(ep)))
		r.Shuffle(ns, func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, i := range order {
			fs := feats[offs[i]:offs[i+1]]
			var acc [numClasses]float32
			for _, f := range fs {
				row := w[int(f)*numClasses : int(f)*numClasses+numClasses]
				for y := range acc {
					acc[y] += row[y]
				}
			}
			best := 0
			for y := 1; y < numClasses && (y < classNone || p.drop); y++ {
				if acc[y] > acc[best] {
					best = y
				}
			}
			if uint8(best) != gold[i] {
				errs++
				upd(fs, gold[i], 1)
				upd(fs, uint8(best), -1)
			}
			c++
		}
		logf("span types epoch %d: %d spans, train errors %.4f", ep, ns, float64(errs)/float64(ns))
	}
	for i := range w {
		w[i] -= u[i] / c // the averaged weights
	}
	p.w, p.scale = quantiseInt16(w)
	h := &SpanTypes{Bits: cfg.Bits, Epochs: cfg.Epochs, Spans: ns, Folds: p.folds, Drop: p.drop, Scale: p.scale, DevF1: map[string]float64{}}
	before = Evaluate(NewTagger(m), dev).Overall().F1
	h.DevF1["off"] = before
	bestL, bestF := -1.0, before
	grid := lambdaGrid()
	if cfg.Lambda > 0 {
		grid = []float64{cfg.Lambda}
		bestF = -1
	}
	for _, l := range grid {
		q := *p
		q.lambda = l
		m.typer = &q
		f := Evaluate(NewTagger(m), dev).Overall().F1
		h.DevF1[fmt.Sprintf("%g", l)] = f
		logf("span types lambda %g: dev F1 %.4f (without: %.4f)", l, f, before)
		if f > bestF {
			bestL, bestF = l, f
		}
	}
	m.typer = nil
	m.Header.SpanTypes = nil
	if bestL < 0 {
		return before, before, nil
	}
	p.lambda = bestL
	h.Lambda = bestL
	m.typer = p
	m.Header.SpanTypes = h
	m.feat.ext |= ExtSpanTypes
	m.Header.Features = FeatureNames(m.feat.ext)
	if len(dev) > 0 {
		m.Header.ConfScale = calibrate(m, dev)
		m.Header.DevScores = Evaluate(NewTagger(m), dev).Scores()
	}
	return before, bestF, nil
}

// rowsData serialises the typer's weights: the number of nonzero rows,
// their delta-coded indices, then the rows column by column (type by
// type), little-endian.
func (p *spanTyper) rowsData() []byte {
	idx := nonzeroRows(p.w, numClasses)
	out := binary.LittleEndian.AppendUint32(nil, uint32(len(idx)))
	for _, d := range deltaCode(idx) {
		out = binary.LittleEndian.AppendUint32(out, d)
	}
	for y := range numClasses {
		for _, r := range idx {
			out = binary.LittleEndian.AppendUint16(out, uint16(p.w[int(r)*numClasses+y]))
		}
	}
	return out
}

// readSpanTyper reads the typer weights described by h (see rowsData).
func readSpanTyper(r io.Reader, h *SpanTypes) (*spanTyper, error) {
	if h.Bits < 8 || h.Bits > 22 || h.Scale <= 0 || h.Lambda < 0 {
		return nil, errors.New("ner: model header: bad span types")
	}
	le := binary.LittleEndian
	rows := 1 << h.Bits
	var n uint32
	if err := binary.Read(r, le, &n); err != nil || int(n) > rows {
		return nil, fmt.Errorf("ner: span typer: %w", errors.Join(err, errors.New("bad size")))
	}
	idx := make([]uint32, n)
	if err := binary.Read(r, le, idx); err != nil {
		return nil, fmt.Errorf("ner: span typer: %w", err)
	}
	if !undeltaRows(idx, rows) {
		return nil, errors.New("ner: span typer: bad row")
	}
	p := &spanTyper{bits: uint(h.Bits), folds: h.Folds, drop: h.Drop, w: make([]int16, rows*numClasses), scale: h.Scale, lambda: h.Lambda}
	col := make([]int16, n)
	for y := range numClasses {
		if err := binary.Read(r, le, col); err != nil {
			return nil, fmt.Errorf("ner: span typer: %w", err)
		}
		for i, r := range idx {
			p.w[int(r)*numClasses+y] = col[i]
		}
	}
	return p, nil
}

// spanData is the typer's training spans: per span its feature rows
// (feats[offs[i]:offs[i+1]]) and gold class.
type spanData struct {
	p     *spanTyper // the typer trained (its bits, folds, drop)
	feats []uint32
	offs  []int
	gold  []uint8
}

// start starts a training span of class ty; its features follow (feat).
func (d *spanData) start(ty int) {
	d.offs = append(d.offs, len(d.feats))
	d.gold = append(d.gold, uint8(ty))
}

// feat adds the feature hash h to the last span started.
func (d *spanData) feat(h uint64) {
	d.feats = append(d.feats, d.p.bucket(h))
}

// addGold adds the gold spans of train with m's lexicon and gazetteer.
func (d *spanData) addGold(m *Model, train []Example) {
	sc := &scratch{}
	var toks []spanTok
	for _, ex := range train {
		if len(ex.Words) == 0 || len(ex.Spans) == 0 {
			continue
		}
		sc.words = append(sc.words[:0], ex.Words...)
		m.feat.analyse(sc)
		toks = grow(toks, len(ex.Words))
		for i, w := range ex.Words {
			ti := &sc.info[i]
			sc.lower = toks[i].setWord(w, sc.lower)
			toks[i].cap, toks[i].hasLex, toks[i].lex, toks[i].gaz = ti.cap, ti.hasLex, ti.lex, ti.gaz
		}
		n := len(ex.Words)
		for _, sp := range ex.Spans {
			ty := TypeIndex(sp.Type)
			if ty < 0 || sp.Start < 0 || sp.End > n || sp.Start >= sp.End {
				continue
			}
			lo, hi := max(sp.Start-2, 0), min(sp.End+1, n)
			d.start(ty)
			spanFeatures(toks[lo:hi], sp.Start-lo, sp.End-lo, lo == 0, sp.End >= n, d.feat)
		}
	}
}

// addFolds splits train into d.p.folds contiguous folds and adds the gold
// spans of each (and, when the typer may drop spans, the spans predicted
// that are not gold, class none), with the view of a tagger trained like
// m (its features, epochs, margin) on the other folds.
func (d *spanData) addFolds(m *Model, cfg SpanTypeConfig, train []Example) error {
	k := d.p.folds
	if k < 2 {
		return errors.New("ner: span types: folds must be ≥ 2")
	}
	f := m.feat
	f.ext &^= ExtSpanTypes
	for fold := range k {
		lo, hi := fold*len(train)/k, (fold+1)*len(train)/k
		rest := append(append([]Example(nil), train[:lo]...), train[hi:]...)
		tc := TrainConfig{Bits: m.Header.Bits, Epochs: max(m.Header.Epochs, 1), Seed: cfg.Seed, NoAffix5: m.Header.NoAffix5,
			Features: f.ext, Margin: m.Header.Margin, Augment: 0.03, feat: &f}
		fm, err := Train(tc, rest, nil)
		if err != nil {
			return fmt.Errorf("ner: span types fold %d: %w", fold, err)
		}
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, "span types: fold %d tagger trained (%d sentences, %d epochs)\n", fold, len(rest), tc.Epochs)
		}
		t := newTagger(fm, 1<<12)
		sc := &scratch{}
		const L = numLabels
		for _, ex := range train[lo:hi] {
			n := len(ex.Words)
			if n == 0 || n > MaxTokens || len(ex.Spans) == 0 {
				continue
			}
			sc.words = append(sc.words[:0], ex.Words...)
			t.emissions(sc)
			sc.delta = grow(sc.delta, n*L)
			sc.back = grow(sc.back, n*L)
			sc.beta = grow(sc.beta, n*L)
			t.dec.viterbi(sc.em, n, sc.delta, sc.back, sc.labels)
			t.dec.backward(sc.em, n, 0, sc.beta)
			pred := appendSpans(sc.spans[:0], sc.labels[:n])
			sc.spans = pred
			spanTypes(sc, pred)
			for _, sp := range ex.Spans {
				ty := TypeIndex(sp.Type)
				if ty < 0 || sp.Start < 0 || sp.End > n || sp.Start >= sp.End {
					continue
				}
				v := t.pathScores(sc, sp.Start, sp.End)
				cur := 0 // the best type of the span
				for y := 1; y < numTypes; y++ {
					if v[y] > v[cur] {
						cur = y
					}
				}
				d.addView(t, sc, ty, &v, cur, sp)
			}
			if !d.p.drop {
				continue
			}
			for k, sp := range pred {
				if !isGold(ex.Spans, sp) {
					v := t.pathScores(sc, sp.Start, sp.End)
					d.addView(t, sc, classNone, &v, sc.types[k], sp)
				}
			}
		}
	}
	return nil
}

// addView adds span sp of a decoded sentence (its predicted spans and
// their types in sc.spans and sc.types) with class ty, the tagger's path
// scores v of the span and its best type cur.
func (d *spanData) addView(t *Tagger, sc *scratch, ty int, v *[numClasses]int64, cur int, sp Span) {
	s, e := sp.Start, sp.End
	tv := t.tagView(v, cur)
	tv.setNeighbours(sc.spans, sc.types, s, e, sc.ents)
	win, lo := t.spanWindow(sc, s, e)
	d.start(ty)
	spanFeatures(win, s-lo, e-lo, lo == 0, e >= len(sc.words), d.feat)
	tagFeatures(&tv, &win[e-lo-1], e-s, d.feat)
}

// isGold reports whether gold has a span with sp's boundaries.
func isGold(gold []Span, sp Span) bool {
	for _, g := range gold {
		if g.Start == sp.Start && g.End == sp.End {
			return true
		}
	}
	return false
}
