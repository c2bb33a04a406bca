package ner

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/cputime"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// checkDecoder compares the specialised decoder with the generic viterbi
// and backward on emission scores em of n tokens.
func checkDecoder(t *testing.T, trans, em []int32, n int, msg string) {
	t.Helper()
	const L = numLabels
	preds := buildPreds()
	d := newDecoder(trans)
	wantDelta, wantBeta := make([]int32, n*L), make([]int32, n*L)
	wantBack, wantOut := make([]uint8, n*L), make([]uint8, n)
	viterbi(&preds, em, trans, n, wantDelta, wantBack, wantOut, negInf, true)
	backward(&preds, em, trans, n, wantBeta, negInf)
	delta, beta := make([]int32, n*L), make([]int32, n*L)
	back, out := make([]uint8, n*L), make([]uint8, n)
	d.viterbi(em, n, delta, back, out)
	require.Equal(t, wantDelta, delta, "delta %s", msg)
	require.Equal(t, wantBack[L:], back[L:], "back %s", msg)
	require.Equal(t, wantOut, out, "labels %s", msg)
	from := n / 3
	d.backward(em, n, from, beta)
	require.Equal(t, wantBeta[from*L:], beta[from*L:], "beta %s", msg)
	d.backward(em, n, 0, beta)
	require.Equal(t, wantBeta, beta, "beta %s", msg)
}

// TestDecoderMatchesGeneric checks the specialised decoder against the
// generic functions on random scores (with many ties, and with the
// extremes); TestCachedEmissionsMatchReference does on every shipped
// model's scores of real sentences.
func TestDecoderMatchesGeneric(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for it := range 300 {
		trans := make([]int32, transLen)
		span := int32(1 + r.IntN(1000))
		if it%3 == 0 {
			span = 3 // ties everywhere
		}
		for i := range trans {
			trans[i] = r.Int32N(2*span) - span
		}
		n := 1 + r.IntN(40)
		em := make([]int32, n*numLabels)
		for i := range em {
			em[i] = r.Int32N(2*span) - span
			if it%7 == 0 && r.IntN(5) == 0 {
				em[i] = -(1 << 27) // far down, near neg after shifts
			}
		}
		checkDecoder(t, trans, em, n, "random")
	}
	// the shipped models' scores: TestCachedEmissionsMatchReference
}

// TestDecoderLabelSets checks the label sets the decoder is built on.
func TestDecoderLabelSets(t *testing.T) {
	d := newDecoder(make([]int32, transLen))
	require.Equal(t, []uint8{0, 3, 4, 7, 8, 11, 12, 15, 16}, d.closed[:])
	require.Equal(t, []uint8{0, 1, 4, 5, 8, 9, 12, 13, 16}, d.starts[:])
	preds := buildPreds()
	for y := uint8(0); y < numLabels; y++ {
		if slices.Contains(d.starts[:], y) {
			require.Equal(t, d.closed[:], preds[y], "preds of %s", LabelName(y))
		} else {
			require.Equal(t, []uint8{y - 1 - uint8(labelPos(y)-posI), y - uint8(labelPos(y)-posI)}, preds[y], "preds of %s", LabelName(y))
		}
	}
}

// BenchmarkDecode measures viterbi and backward on the French model's
// scores of the benchmark text.
func BenchmarkDecode(b *testing.B) {
	tg := benchTagger(b)
	doc := text.NewTokenizer("fr").Segment(benchSentences(b))
	var ems [][]int32
	ntok := 0
	for _, s := range doc.Sentences {
		var ws []string
		for _, tk := range doc.Tokens[s.First:s.Last] {
			ws = append(ws, tk.Norm)
		}
		em, _ := emissionsOf(tg, ws, false)
		ems = append(ems, em)
		ntok += len(ws)
	}
	delta, beta := make([]int32, MaxTokens*numLabels), make([]int32, MaxTokens*numLabels)
	back, out := make([]uint8, MaxTokens*numLabels), make([]uint8, MaxTokens)
	preds := buildPreds()
	for _, generic := range []bool{true, false} {
		name := "specialised"
		if generic {
			name = "generic"
		}
		b.Run(name, func(b *testing.B) {
			c0 := cputime.Process()
			for range b.N {
				for _, em := range ems {
					n := len(em) / numLabels
					if generic {
						viterbi(&preds, em, tg.m.trans, n, delta, back, out, negInf, true)
						backward(&preds, em, tg.m.trans, n, beta, negInf)
					} else {
						tg.dec.viterbi(em, n, delta, back, out)
						tg.dec.backward(em, n, 0, beta)
					}
				}
			}
			if cpu := cputime.Process() - c0; cpu > 0 {
				b.ReportMetric(float64(ntok)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
			}
		})
	}
}

// backward is the generic reference of decoder.backward: it computes
// max-scores of the best completion after each state (beta,
// n*numLabels), shifted per step like viterbi's delta.
func backward(preds *predTable, em, trans []int32, n int, beta []int32, neg int32) {
	const L = numLabels
	if n == 0 {
		return
	}
	last := (*[L]int32)(beta[(n-1)*L:])
	for x := uint8(0); x < L; x++ {
		if allowedEnd(x) {
			last[x] = trans[transEnd+int(x)]
		} else {
			last[x] = neg
		}
	}
	for i := n - 2; i >= 0; i-- {
		nx := (*[L]int32)(beta[(i+1)*L:])
		e := (*[L]int32)(em[(i+1)*L:])
		cur := (*[L]int32)(beta[i*L:])
		for x := range cur {
			cur[x] = neg
		}
		for y := 0; y < L; y++ {
			v := e[y] + nx[y]
			for _, x := range preds[y] {
				cur[x] = max(cur[x], v+trans[int(x)*L+y])
			}
		}
		best := neg
		for _, v := range cur {
			best = max(best, v)
		}
		for x := range cur {
			cur[x] = max(cur[x]-best, neg)
		}
	}
}
