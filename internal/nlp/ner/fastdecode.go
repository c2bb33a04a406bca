package ner

// decoder is viterbi and backward specialised to integer scores and the
// BILOU constraints, for tagging: a label that opens no span (O, L, U:
// "closed") may be followed by O, B or U ("starts"), and B or I of a type
// by I or L of that type only. It gives exactly the results of the
// generic functions (same scores, same ties broken towards the lower
// label) with fixed-size loops over transition submatrices.
type decoder struct {
	closed [numClosed]uint8 // O and every L and U label, increasing
	starts [numClosed]uint8 // O and every B and U label, increasing
	// cs[j][k] is the transition score from closed[k] to starts[j]; csKey
	// is the same as a key (see key).
	cs    [numClosed][numClosed]int32
	csKey [numClosed][numClosed]int64
	// sc[k][j] is cs[j][k], for backward.
	sc [numClosed][numClosed]int32
	// in[t][a][b] is the transition score from B (b = 0) or I (b = 1) of
	// type t to I (a = 0) or L (a = 1) of type t.
	in         [numTypes][2][2]int32
	start, end [numLabels]int32 // neg where not allowed
	// startOK and endOK tell the labels allowed first and last
	startOK, endOK [numLabels]bool
}

// numClosed is the number of closed labels (and of start labels).
const numClosed = 1 + 2*numTypes

// newDecoder returns the decoder of a model's transition scores.
func newDecoder(trans []int32) *decoder {
	d := &decoder{}
	k, j := 0, 0
	for y := uint8(0); y < numLabels; y++ {
		if allowed(y, 0) {
			d.closed[k] = y
			k++
		}
		if allowed(numLabels, y) {
			d.starts[j] = y
			j++
		}
		d.start[y], d.end[y] = negInf, negInf
		d.startOK[y], d.endOK[y] = allowed(numLabels, y), allowedEnd(y)
		if d.startOK[y] {
			d.start[y] = trans[transStart+int(y)]
		}
		if d.endOK[y] {
			d.end[y] = trans[transEnd+int(y)]
		}
	}
	for j, y := range d.starts {
		for k, x := range d.closed {
			d.cs[j][k] = trans[int(x)*numLabels+int(y)]
			d.csKey[j][k] = key(d.cs[j][k], k)
			d.sc[k][j] = d.cs[j][k]
		}
	}
	for t := range numTypes {
		for a := range 2 {
			for b := range 2 {
				d.in[t][a][b] = trans[int(label(t, posB+b))*numLabels+int(label(t, posI+a))]
			}
		}
	}
	return d
}

// key packs a score s and a candidate index k < 256 so that the larger of
// two keys has the larger score and, between equal scores, the smaller
// index: the maximum of keys is the first best candidate, as a strict
// comparison in increasing index order finds it, without branches. Keys
// add: key(a, k) + key(b, 0) - 255 = key(a+b, k), hence scores are
// shifted once (s << 8) and transitions carry the index.
func key(s int32, k int) int64 { return int64(s)<<8 | int64(255-k) }

// maxSum returns the maximum of a[k]+b[k], without branches (a loop
// compiles to a branch per candidate, mispredicted as often as not). It
// serves the Viterbi keys (int64) and the backward scores (int32).
func maxSum[T int32 | int64](a, b *[numClosed]T) T {
	m0 := max(a[0]+b[0], a[1]+b[1])
	m1 := max(a[2]+b[2], a[3]+b[3])
	m2 := max(a[4]+b[4], a[5]+b[5])
	m3 := max(a[6]+b[6], a[7]+b[7])
	return max(max(m0, m1), max(m2, m3), a[8]+b[8])
}

// viterbi is the generic viterbi with norm set and neg = negInf.
func (d *decoder) viterbi(em []int32, n int, delta []int32, back, out []uint8) {
	const L = numLabels
	const neg = negInf
	if n == 0 {
		return
	}
	e0 := (*[L]int32)(em)
	d0 := (*[L]int32)(delta)
	for y := range d0 {
		d0[y] = neg
		if d.startOK[y] {
			d0[y] = d.start[y] + e0[y]
		}
	}
	for i := 1; i < n; i++ {
		prev := (*[L]int32)(delta[(i-1)*L:])
		cur := (*[L]int32)(delta[i*L:])
		bk := (*[L]uint8)(back[i*L:])
		e := (*[L]int32)(em[i*L:])
		var pc [numClosed]int64
		for k, x := range d.closed {
			pc[k] = int64(prev[x]) << 8
		}
		best := int32(neg)
		for j, y := range d.starts {
			kb := maxSum(&pc, &d.csKey[j])
			b := max(int32(kb>>8)+e[y], neg)
			best = max(best, b)
			cur[y], bk[y] = b, d.closed[255-kb&0xff]
		}
		for t := range numTypes {
			yB := 1 + 4*t
			pB, pI := int64(prev[yB])<<8|255, int64(prev[yB+1])<<8|254
			for a := range 2 {
				tr := &d.in[t][a]
				kb := max(pB+int64(tr[0])<<8, pI+int64(tr[1])<<8)
				y := yB + 1 + a
				b := max(int32(kb>>8)+e[y], neg)
				best = max(best, b)
				cur[y], bk[y] = b, uint8(yB+int(255-kb&0xff))
			}
		}
		for y := range cur {
			cur[y] = max(cur[y]-best, neg)
		}
	}
	last := (*[L]int32)(delta[(n-1)*L:])
	b, arg := int32(neg), uint8(0)
	for y := range last {
		if !d.endOK[y] {
			continue
		}
		if s := last[y] + d.end[y]; s > b {
			b, arg = s, uint8(y)
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i*L+int(out[i])]
	}
}

// backward is the generic backward of the tests (neg = negInf), computing
// beta only for positions from..n-1 (the others are left as they are).
func (d *decoder) backward(em []int32, n, from int, beta []int32) {
	const L = numLabels
	const neg = negInf
	if n == 0 {
		return
	}
	last := (*[L]int32)(beta[(n-1)*L:])
	*last = d.end
	for i := n - 2; i >= from; i-- {
		nx := (*[L]int32)(beta[(i+1)*L:])
		e := (*[L]int32)(em[(i+1)*L:])
		cur := (*[L]int32)(beta[i*L:])
		// after a closed label: any start label
		var v [numClosed]int32
		for j, y := range d.starts {
			v[j] = e[y] + nx[y]
		}
		best := int32(neg)
		for k, x := range d.closed {
			c := max(maxSum(&v, &d.sc[k]), neg)
			cur[x] = c
			best = max(best, c)
		}
		// after B or I: I or L of the same type
		for t := range numTypes {
			yI := 2 + 4*t
			vI, vL := e[yI]+nx[yI], e[yI+1]+nx[yI+1]
			for b := range 2 {
				c := max(int32(neg), vI+d.in[t][0][b], vL+d.in[t][1][b])
				cur[yI-1+b] = c
				best = max(best, c)
			}
		}
		for x := range cur {
			cur[x] = max(cur[x]-best, neg)
		}
	}
}
