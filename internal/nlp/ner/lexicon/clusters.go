package lexicon

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/nlp/ner"
)

// ClusterConfig configures Learn.
type ClusterConfig struct {
	Vocab    int    // most frequent words clustered (default 50000)
	MinFreq  int    // minimum frequency of a clustered word (default 3)
	Contexts int    // most frequent words used as context dimensions (default 500)
	Seed     uint64 // k-means initialisation
	Iter     int    // k-means iterations per level (default 10)
}

// Lexicon is the learnt word information: per folded word, its
// hierarchical cluster (16 x 16), capitalisation prior and frequency.
type Lexicon struct {
	Words     map[string]uint32 // folded word -> ner.LexValue
	Clustered int
	// capRatio: share of capitalised occurrences not at sentence start.
	capRatio map[string]float64
	freq     map[string]int
}

// MostlyLower reports whether word (folded) occurs in running text mostly
// in lower case (and at least min times).
func (l *Lexicon) MostlyLower(word string, min int) bool {
	r, ok := l.capRatio[word]
	return ok && l.freq[word] >= min && r < 0.3
}

// Table returns the WordKey -> LexValue table.
func (l *Lexicon) Table() map[uint64]uint32 {
	out := make(map[uint64]uint32, len(l.Words))
	for w, v := range l.Words {
		out[ner.WordKey(w)] = v
	}
	return out
}

type sparse struct {
	idx []int32
	val []float32
}

// Learn clusters the words of unlabelled sentences by spherical k-means
// (two levels of 16) over their left/right neighbour distributions, and
// computes each word's capitalisation prior.
func Learn(sents [][]string, cfg ClusterConfig) *Lexicon {
	if cfg.Vocab == 0 {
		cfg.Vocab = 50000
	}
	if cfg.MinFreq == 0 {
		cfg.MinFreq = 3
	}
	if cfg.Contexts == 0 {
		cfg.Contexts = 500
	}
	if cfg.Iter == 0 {
		cfg.Iter = 10
	}
	freq := map[string]int{}
	capN := map[string]int{}
	midN := map[string]int{}
	folded := make([][]string, len(sents))
	for si, s := range sents {
		fs := make([]string, len(s))
		for i, w := range s {
			f := fold(w)
			fs[i] = f
			freq[f]++
			if i > 0 {
				r, _ := utf8.DecodeRuneInString(w)
				if unicode.IsLetter(r) {
					midN[f]++
					if unicode.IsUpper(r) {
						capN[f]++
					}
				}
			}
		}
		folded[si] = fs
	}
	words := make([]string, 0, len(freq))
	for w := range freq {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if freq[words[i]] != freq[words[j]] {
			return freq[words[i]] > freq[words[j]]
		}
		return words[i] < words[j]
	})
	ctx := map[string]int32{}
	for i := 0; i < len(words) && i < cfg.Contexts; i++ {
		ctx[words[i]] = int32(i)
	}
	C := int32(cfg.Contexts)
	dims := int(2 * (C + 2))
	vocab := map[string]int32{}
	for i := 0; i < len(words) && i < cfg.Vocab && freq[words[i]] >= cfg.MinFreq; i++ {
		vocab[words[i]] = int32(len(vocab))
	}
	counts := make([]map[int32]float32, len(vocab))
	for i := range counts {
		counts[i] = map[int32]float32{}
	}
	ctxID := func(s []string, j int) int32 {
		if j < 0 || j >= len(s) {
			return C // boundary
		}
		if id, ok := ctx[s[j]]; ok {
			return id
		}
		return C + 1 // rare word
	}
	for _, s := range folded {
		for i, w := range s {
			v, ok := vocab[w]
			if !ok {
				continue
			}
			counts[v][ctxID(s, i-1)]++
			counts[v][C+2+ctxID(s, i+1)]++
		}
	}
	vecs := make([]sparse, len(vocab))
	for v, m := range counts {
		keys := make([]int32, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
		sp := sparse{idx: keys, val: make([]float32, len(keys))}
		norm := 0.0
		for i, k := range keys {
			x := math.Sqrt(float64(m[k]))
			sp.val[i] = float32(x)
			norm += x * x
		}
		norm = math.Sqrt(norm)
		for i := range sp.val {
			sp.val[i] /= float32(norm)
		}
		vecs[v] = sp
	}
	all := make([]int32, len(vecs))
	for i := range all {
		all[i] = int32(i)
	}
	r := rand.New(rand.NewPCG(cfg.Seed, 0xC1))
	top := kmeans(vecs, all, 16, dims, cfg.Iter, r)
	fine := make([]int, len(vecs))
	for c := 0; c < 16; c++ {
		var members []int32
		for i, a := range top {
			if a == c {
				members = append(members, int32(i))
			}
		}
		sub := kmeans(vecs, members, 16, dims, cfg.Iter, r)
		for k, i := range members {
			fine[i] = c<<4 | sub[k]
		}
	}
	lex := &Lexicon{Words: map[string]uint32{}, Clustered: len(vocab), capRatio: map[string]float64{}, freq: freq}
	for w, f := range freq {
		if f < 2 {
			continue
		}
		prior := 0
		if m := midN[w]; m > 0 {
			ratio := float64(capN[w]) / float64(m)
			lex.capRatio[w] = ratio
			switch {
			case ratio < 0.1:
				prior = 1
			case ratio < 0.5:
				prior = 2
			case ratio < 0.9:
				prior = 3
			default:
				prior = 4
			}
		}
		v, ok := vocab[w]
		cl := 0
		if ok {
			cl = fine[v]
		}
		lex.Words[w] = ner.LexValue(cl, ok, prior, bits.Len(uint(f)))
	}
	return lex
}

// kmeans clusters members into k groups by cosine similarity; it returns
// each member's cluster.
func kmeans(vecs []sparse, members []int32, k, dims, iter int, r *rand.Rand) []int {
	assign := make([]int, len(members))
	if len(members) <= k {
		for i := range assign {
			assign[i] = i
		}
		return assign
	}
	cent := make([][]float32, k)
	perm := r.Perm(len(members))
	for c := 0; c < k; c++ {
		cent[c] = make([]float32, dims)
		v := vecs[members[perm[c]]]
		for i, d := range v.idx {
			cent[c][d] = v.val[i]
		}
	}
	for it := 0; it < iter; it++ {
		for mi, m := range members {
			v := vecs[m]
			best, bs := 0, float32(-2)
			for c := 0; c < k; c++ {
				var s float32
				cc := cent[c]
				for i, d := range v.idx {
					s += cc[d] * v.val[i]
				}
				if s > bs {
					best, bs = c, s
				}
			}
			assign[mi] = best
		}
		for c := range cent {
			clear(cent[c])
		}
		for mi, m := range members {
			v := vecs[m]
			cc := cent[assign[mi]]
			for i, d := range v.idx {
				cc[d] += v.val[i]
			}
		}
		for c := range cent {
			var n float64
			for _, x := range cent[c] {
				n += float64(x) * float64(x)
			}
			if n == 0 { // empty cluster: reseed
				v := vecs[members[r.IntN(len(members))]]
				for i, d := range v.idx {
					cent[c][d] = v.val[i]
				}
				continue
			}
			inv := float32(1 / math.Sqrt(n))
			for i := range cent[c] {
				cent[c][i] *= inv
			}
		}
	}
	return assign
}
