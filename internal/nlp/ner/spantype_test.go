package ner

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSpanTokSetWord(t *testing.T) {
	h := func(s string) uint64 {
		if s == "" {
			return 0
		}
		return hashString(s)
	}
	cases := []struct {
		word         string
		stem1, stem2 string
		s2, s3, s4   string
	}{
		{"Марадоны", "марадон", "марадо", "ны", "оны", "доны"},
		{"Warszawie", "warszawi", "warszaw", "ie", "wie", "awie"},
		{"Rzym", "rzy", "", "ym", "zym", ""},
		{"Rom", "", "", "om", "", ""},
		{"A", "", "", "", "", ""},
	}
	for _, c := range cases {
		var st spanTok
		st.setWord(c.word, nil)
		require.Equal(t, h(Fold(c.word)), st.l, c.word)
		require.Equal(t, [2]uint64{h(c.stem1), h(c.stem2)}, st.stem, "%s stems", c.word)
		require.Equal(t, [3]uint64{h(c.s2), h(c.s3), h(c.s4)}, st.sfx, "%s suffixes", c.word)
	}
}

func TestMarginBucket(t *testing.T) {
	cases := []struct {
		d    float64
		want uint64
	}{
		{0, 0}, {-0.5, 0}, {-0.6, 1}, {-1, 1}, {-1.5, 2}, {-3, 3}, {-1000, 9}, {0.7, 16}, {2000, 16},
	}
	for _, c := range cases {
		require.Equal(t, c.want, marginBucket(c.d), "%g", c.d)
	}
}

func TestTagViewNeighbours(t *testing.T) {
	ents := make([]*wordEntry, 10)
	for i := range ents {
		ents[i] = &wordEntry{l: uint64(100 + i)}
	}
	// PER [0,2) , LOC [3,4) , ORG [5,6) ... MISC [9,10)
	spans := []Span{{Start: 0, End: 2}, {Start: 3, End: 4}, {Start: 5, End: 6}, {Start: 9, End: 10}}
	types := []int{0, 2, 1, 3}
	cases := []struct {
		s, e, prev, next int
		gapP, gapN       uint64
		bag              uint8
	}{
		{0, 2, -1, 2, 0, mix(0x6A9, 102), 1<<2 | 1<<1 | 1<<3},
		{3, 4, 0, 1, mix(0x6A9, 102), mix(0x6A9, 104), 1<<0 | 1<<1 | 1<<3},
		{9, 10, -1, -1, 0, 0, 1<<0 | 1<<2 | 1<<1},
		// a span not predicted: between two spans, with no gap on the left
		{2, 3, 0, 2, 0x6A9, 0x6A9, 1<<0 | 1<<2 | 1<<1 | 1<<3},
	}
	for _, c := range cases {
		var tv tagView
		tv.setNeighbours(spans, types, c.s, c.e, ents)
		require.Equal(t, c.prev, tv.prev, "[%d,%d) prev", c.s, c.e)
		require.Equal(t, c.next, tv.next, "[%d,%d) next", c.s, c.e)
		if c.prev >= 0 {
			require.Equal(t, c.gapP, tv.gapP, "[%d,%d) gap before", c.s, c.e)
		}
		if c.next >= 0 {
			require.Equal(t, c.gapN, tv.gapN, "[%d,%d) gap after", c.s, c.e)
		}
		require.Equal(t, c.bag, tv.bag, "[%d,%d) bag", c.s, c.e)
	}
}

// bruteSpanScore is the best score of a BILOU-valid labelling of n tokens
// whose tokens s..e-1 carry the labels of span [s, e) typed ty (all O for
// classNone), by enumeration.
func bruteSpanScore(em, trans []int32, n, s, e, ty int) int64 {
	best := int64(negInf) * 4
	var rec func(i int, prev uint8, acc int64)
	rec = func(i int, prev uint8, acc int64) {
		if i == n {
			if allowedEnd(prev) {
				best = max(best, acc+int64(trans[transEnd+int(prev)]))
			}
			return
		}
		for y := uint8(0); y < numLabels; y++ {
			if i >= s && i < e {
				want := uint8(0)
				if ty != classNone {
					switch {
					case e-s == 1:
						want = label(ty, posU)
					case i == s:
						want = label(ty, posB)
					case i == e-1:
						want = label(ty, posL)
					default:
						want = label(ty, posI)
					}
				}
				if y != want {
					continue
				}
			}
			if !allowed(prev, y) {
				continue
			}
			tr := trans[transStart+int(y)]
			if i > 0 {
				tr = trans[int(prev)*numLabels+int(y)]
			}
			rec(i+1, y, acc+int64(tr)+int64(em[i*numLabels+int(y)]))
		}
	}
	rec(0, numLabels, 0)
	return best
}

func TestPathScoreMatchesEnumeration(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 40; trial++ {
		n := 1 + r.IntN(3)
		em, trans := randomScores(r, n)
		d := newDecoder(trans)
		delta := make([]int32, n*numLabels)
		beta := make([]int32, n*numLabels)
		d.viterbi(em, n, delta, make([]uint8, n*numLabels), make([]uint8, n))
		d.backward(em, n, 0, beta)
		s := r.IntN(n)
		e := s + 1 + r.IntN(n-s)
		ref := pathScore(em, trans, delta, beta, s, e, 0)
		bref := bruteSpanScore(em, trans, n, s, e, 0)
		for ty := range numClasses {
			got := pathScore(em, trans, delta, beta, s, e, ty) - ref
			want := bruteSpanScore(em, trans, n, s, e, ty) - bref
			require.Equal(t, want, got, "trial %d n=%d span [%d,%d) class %d", trial, n, s, e, ty)
		}
	}
}

// spanModel trains a small model with a span typer on the synthetic data.
func spanModel(t *testing.T, drop bool) *Model {
	t.Helper()
	data := synthetic()
	m, err := Train(TrainConfig{Bits: 14, Epochs: 3, Seed: 7, Features: ExtStems}, data, data)
	require.NoError(t, err)
	before, after, err := TrainSpanTypes(m, SpanTypeConfig{Bits: 12, Epochs: 3, Seed: 7, Folds: 2, Drop: drop, Lambda: 0.5}, data, data)
	require.NoError(t, err)
	require.InDelta(t, 1.0, before, 1e-9)
	require.Greater(t, after, 0.0)
	require.NotNil(t, m.Header.SpanTypes)
	return m
}

func TestSpanTypesRoundTrip(t *testing.T) {
	for _, drop := range []bool{false, true} {
		m1 := spanModel(t, drop)
		m2 := spanModel(t, drop)
		var b1, b2 bytes.Buffer
		require.NoError(t, m1.Save(&b1))
		require.NoError(t, m2.Save(&b2))
		require.Equal(t, b1.Bytes(), b2.Bytes(), "training is deterministic")
		require.Equal(t, []string{"stems", "spantypes"}, m1.Header.Features)
		h := m1.Header.SpanTypes
		require.Equal(t, 2, h.Folds)
		require.Equal(t, drop, h.Drop)
		require.Equal(t, 0.5, h.Lambda)
		m3, err := ReadModel(bytes.NewReader(b1.Bytes()))
		require.NoError(t, err)
		require.Equal(t, m1.typer, m3.typer)
		for _, sent := range [][]string{
			{"Carol", "Smith", "went", "to", "Rome", "."},
			{"In", "Oslo", ",", "Dave", "works", "."},
		} {
			require.Equal(t, NewTagger(m1).TagWords(sent), NewTagger(m3).TagWords(sent))
		}
		var b3 bytes.Buffer
		require.NoError(t, m3.Save(&b3))
		require.Equal(t, b1.Bytes(), b3.Bytes(), "re-saving gives the same bytes")
	}
}

func TestSpanTyperRetypesAndDrops(t *testing.T) {
	data := synthetic()
	m, err := Train(TrainConfig{Bits: 14, Epochs: 3, Seed: 7}, data, data)
	require.NoError(t, err)
	sent := []string{"Carol", "Smith", "went", "to", "Rome", "."}
	plain := NewTagger(m).TagWords(sent)
	require.Len(t, plain, 2)
	// a typer whose bias row favours one class, the tagger's margins
	// ignored (lambda 0)
	typer := func(class int, drop bool) *spanTyper {
		p := &spanTyper{bits: 10, folds: 2, drop: drop, scale: 1, w: make([]int16, (1<<10)*numClasses)}
		p.w[int(p.bucket(mix(stBias, 1)))*numClasses+class] = 1000
		return p
	}
	cases := []struct {
		name  string
		typer *spanTyper
		want  []string // types, in order
	}{
		{"all locations", typer(2, false), []string{"LOCATION", "LOCATION"}},
		{"all organisations", typer(1, true), []string{"ORGANIZATION", "ORGANIZATION"}},
		{"none without drop keeps the types", typer(classNone, false), []string{"PERSON", "LOCATION"}},
		{"none with drop", typer(classNone, true), nil},
	}
	for _, c := range cases {
		mm := *m
		mm.typer = c.typer
		got := NewTagger(&mm).TagWords(sent)
		var types []string
		for i, sp := range got {
			types = append(types, sp.Type)
			require.Equal(t, plain[i].Start, sp.Start, c.name)
			require.Equal(t, plain[i].End, sp.End, c.name)
			require.True(t, sp.Confidence >= 0 && sp.Confidence <= 1, c.name)
		}
		require.Equal(t, c.want, types, c.name)
	}
	// the model without a typer is untouched
	require.Equal(t, plain, NewTagger(m).TagWords(sent))
}

func TestSpanTypesHeaderChecks(t *testing.T) {
	m := spanModel(t, true)
	cases := []struct {
		name   string
		edit   func(h *Header)
		errMsg string
	}{
		{"typer without its feature group", func(h *Header) { h.Features = []string{"stems"} }, "span types without"},
		{"bad bits", func(h *Header) { h.SpanTypes.Bits = 40 }, "bad span types"},
		{"bad scale", func(h *Header) { h.SpanTypes.Scale = 0 }, "bad span types"},
	}
	for _, c := range cases {
		mm := *m
		h := mm.Header
		st := *h.SpanTypes
		h.SpanTypes = &st
		h.Features = append([]string(nil), h.Features...)
		c.edit(&h)
		mm.Header = h
		var b bytes.Buffer
		require.NoError(t, mm.Save(&b))
		_, err := ReadModel(&b)
		require.ErrorContains(t, err, c.errMsg, c.name)
	}
	// a typer's weights cut short
	var b bytes.Buffer
	require.NoError(t, m.Save(&b))
	_, err := ReadModel(bytes.NewReader(b.Bytes()[:b.Len()-3]))
	require.ErrorContains(t, err, "span typer")
}

func TestTrainSpanTypesErrors(t *testing.T) {
	data := synthetic()
	base, err := Train(TrainConfig{Bits: 12, Epochs: 1, Seed: 1, Baseline: true}, data, nil)
	require.NoError(t, err)
	m, err := Train(TrainConfig{Bits: 12, Epochs: 1, Seed: 1}, data, nil)
	require.NoError(t, err)
	cases := []struct {
		name   string
		m      *Model
		cfg    SpanTypeConfig
		train  []Example
		errMsg string
	}{
		{"baseline", base, SpanTypeConfig{}, data, "baseline"},
		{"bits", m, SpanTypeConfig{Bits: 30}, data, "bits"},
		{"one fold", m, SpanTypeConfig{Folds: 1}, data, "folds"},
		{"no spans", m, SpanTypeConfig{}, []Example{{Words: []string{"a"}}}, "no training spans"},
	}
	for _, c := range cases {
		_, _, err := TrainSpanTypes(c.m, c.cfg, c.train, data)
		require.ErrorContains(t, err, c.errMsg, c.name)
	}
}
