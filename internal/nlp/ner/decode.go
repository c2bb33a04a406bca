package ner

import "math"

// preds[y] lists the labels allowed before y (numLabels = sentence start
// is handled separately).
type predTable [numLabels][]uint8

func buildPreds() predTable {
	var p predTable
	for y := uint8(0); y < numLabels; y++ {
		for x := uint8(0); x < numLabels; x++ {
			if allowed(x, y) {
				p[y] = append(p[y], x)
			}
		}
	}
	return p
}

type number interface{ ~int32 | ~float32 }

// transIndex: trans[x*numLabels+y] for x < numLabels; start row at
// numLabels*numLabels; end scores at (numLabels+1)*numLabels.
const (
	transStart = numLabels * numLabels
	transEnd   = (numLabels + 1) * numLabels
	transLen   = (numLabels + 2) * numLabels
)

// viterbi finds the best BILOU-valid label sequence for n tokens given
// emission scores em (n*numLabels) and transition scores; delta and back
// are scratch of n*numLabels; out receives n labels. neg is the score of an
// impossible state (a large negative number far from overflow). When norm
// is set, every step is shifted so that its best score is 0 (integer
// scores never overflow).
func viterbi[T number](preds *predTable, em, trans []T, n int, delta []T, back, out []uint8, neg T, norm bool) {
	const L = numLabels
	if n == 0 {
		return
	}
	for y := uint8(0); y < L; y++ {
		if allowed(L, y) {
			delta[y] = trans[transStart+int(y)] + em[y]
		} else {
			delta[y] = neg
		}
	}
	for i := 1; i < n; i++ {
		prev := (*[L]T)(delta[(i-1)*L:])
		cur := (*[L]T)(delta[i*L:])
		bk := (*[L]uint8)(back[i*L:])
		e := (*[L]T)(em[i*L:])
		best := neg
		for y := 0; y < L; y++ {
			ps := preds[y]
			arg := ps[0]
			b := prev[arg] + trans[int(arg)*L+y]
			for _, x := range ps[1:] {
				if s := prev[x] + trans[int(x)*L+y]; s > b {
					b, arg = s, x
				}
			}
			b += e[y]
			b = max(b, neg)
			best = max(best, b)
			cur[y], bk[y] = b, arg
		}
		if norm {
			for y := range cur {
				cur[y] = max(cur[y]-best, neg)
			}
		}
	}
	last := (*[L]T)(delta[(n-1)*L:])
	b, arg := neg, uint8(0)
	for y := uint8(0); y < L; y++ {
		if !allowedEnd(y) {
			continue
		}
		if s := last[y] + trans[transEnd+int(y)]; s > b {
			b, arg = s, y
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i*L+int(out[i])]
	}
}

// confidence returns the softmax probability, over the max-marginals
// delta+beta at one position, of label y; k scales the integer scores.
func confidence(delta, beta []int32, y uint8, neg int32, k float64) float64 {
	var ref int64 = int64(delta[y]) + int64(beta[y])
	sum := 0.0
	for x := range delta {
		if delta[x] <= neg || beta[x] <= neg {
			continue
		}
		d := float64(int64(delta[x])+int64(beta[x])-ref) * k
		if d < -30 {
			continue
		}
		sum += math.Exp(d)
	}
	if sum <= 0 {
		return 0
	}
	return 1 / sum
}
