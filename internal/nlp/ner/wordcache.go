package ner

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
)

// Most features of a token depend on one word only: its own (word, lower
// case, affixes, shapes, stems, frequency, clusters) or that of one
// neighbour at -2, -1, +1 or +2 (lower case, short shape, suffixes,
// clusters). Weights are int16 rows summed into int32, so the sum of the
// rows of the features a word brings in each of these five roles is an
// exact int32 vector: the tagger computes these vectors once per word and
// keeps them in a bounded cache, and a token then costs one cache look-up,
// five vector additions and the few features that depend on the sentence
// (position, word pairs, capitalisation context, gazetteer phrases). The
// sums are the same whatever the order, so the emission scores are
// bit-identical to summing every feature row (featurizer.features, as
// training does; emissionsRef in the tests).

// Roles of a word for the token whose score a word vector goes into.
const (
	roleSelf = iota // the token itself
	roleM1          // the token after the word (the word is its -1)
	roleP1          // the token before the word (the word is its +1)
	roleM2          // the token two after the word
	roleP2          // the token two before the word
	numRoles
)

// wordEntry is what tagging needs of one word on its own: the hashes and
// classes used by the sentence-dependent features and the summed weight
// rows of its word-only features, per role. Its size is 384 bytes, the
// vectors starting on a 64-byte boundary.
type wordEntry struct {
	word   string
	l      uint64 // hash of the folded word
	sshape uint64 // hash of the short shape
	lex    uint32 // lexicon value (hasLex)
	gazV   uint32 // gazetteer value of the word as a phrase start (gazOK)
	cap    uint8
	hasLex bool
	gazOK  bool
	_      [21]byte
	vec    [numRoles][wStride]int32
}

// fillEntry computes the entry of word w (e.word is w itself, not a
// copy), using lower as the buffer for its folded form, which it returns.
func (t *Tagger) fillEntry(e *wordEntry, w string, lower []byte) []byte {
	var ti tokInfo
	f := &t.m.feat
	lower = f.analyseWord(&ti, w, lower)
	*e = wordEntry{word: w, l: ti.l, sshape: ti.sshape, lex: ti.lex, cap: ti.cap, hasLex: ti.hasLex}
	if !f.baseline && f.gazMax > 0 {
		e.gazV, e.gazOK = f.gaz.get(mix(gazSeed, ti.l))
	}
	t.m.wordVectors(&e.vec, &ti)
	return lower
}

// sentinelEntry returns the entry of the pseudo-token before (bos) or
// after the sentence; only its neighbour vectors are used.
func (m *Model) sentinelEntry(bos bool) wordEntry {
	ti := sentinel(bos)
	e := wordEntry{l: ti.l, sshape: ti.sshape, cap: ti.cap}
	m.wordVectors(&e.vec, &ti)
	return e
}

// wordVectors adds into vec, per role, the weight rows of the features of
// featurizer.features that depend only on the word of ti; the others are
// those of Tagger.emissions.
func (m *Model) wordVectors(vec *[numRoles][wStride]int32, ti *tokInfo) {
	f := &m.feat
	add := func(r int, tpl, v uint64) {
		b := f.bucket(mix(tpl, v))
		addRow(&vec[r], (*[wStride]int16)(m.w[int(b)*wStride:]))
	}
	add(roleSelf, fBias, 1)
	add(roleSelf, fWord, ti.w)
	add(roleSelf, fLower, ti.l)
	for k := 0; k < 3; k++ {
		if ti.p[k] != 0 {
			add(roleSelf, fP2+uint64(k), ti.p[k])
		}
		if ti.s[k] != 0 {
			add(roleSelf, fS2+uint64(k), ti.s[k])
		}
	}
	if !f.baseline && !f.noAffix5 {
		if ti.p[3] != 0 {
			add(roleSelf, fP5, ti.p[3])
		}
		if ti.s[3] != 0 {
			add(roleSelf, fS5, ti.s[3])
		}
	}
	if f.ext != 0 {
		f.extFeatures(func(tpl, v uint64) { add(roleSelf, tpl, v) }, ti)
	}
	add(roleSelf, fShape, ti.shape)
	add(roleSelf, fSShape, ti.sshape)
	add(roleM1, fLm1, ti.l)
	add(roleP1, fLp1, ti.l)
	add(roleM2, fLm2, ti.l)
	add(roleP2, fLp2, ti.l)
	add(roleM1, fSSm1, ti.sshape)
	add(roleP1, fSSp1, ti.sshape)
	if f.baseline {
		return
	}
	if ti.hasLex {
		add(roleSelf, fFreq, uint64(ti.lex>>12&15)<<4|uint64(ti.cap))
	}
	add(roleM1, fS1m1, ti.sfx1)
	add(roleM1, fS3m1, ti.s[1])
	add(roleP1, fS3p1, ti.s[1])
	add(roleM2, fSSm2, ti.sshape)
	add(roleP2, fSSp2, ti.sshape)
	if ti.hasLex && ti.lex&lexHasCluster != 0 {
		c := uint64(ti.lex & 0xff)
		add(roleSelf, fCl4, c>>4)
		add(roleSelf, fCl8, c)
		add(roleSelf, fClCap, c<<8|uint64(ti.cap))
		add(roleM1, fCl8m1, c)
		add(roleP1, fCl8p1, c)
		add(roleM2, fCl4m2, c>>4)
		add(roleP2, fCl4p2, c>>4)
	}
}

// Word cache geometry: defaultCacheWords entries (about 12 MiB per model
// when full: all nine models with full caches fit in about 310 MiB RSS,
// TestLoadAllModels), allocated in chunks of cacheChunk. 32,768 words keep
// tagging of varied text whose vocabulary outgrows the cache at about 1.3×
// the speed of 16,384 (BenchmarkTagStream).
const (
	defaultCacheWords = 1 << 15
	cacheChunk        = 256
)

// wordCache maps words to their entries. Look-ups are lock-free;
// insertions are serialised by a mutex and never block a look-up (an
// insertion that finds the mutex taken is skipped: the word is inserted
// the next time it is missed). Entries are never modified once published;
// a full cache is replaced by an empty one (Tagger.remember), which keeps
// the words of the current text.
type wordCache struct {
	// slots is an open-addressing table (linear probing, twice the
	// capacity): 0 for empty, else the high half of the word's hash in
	// the high 32 bits and its entry index + 1 in the low ones.
	slots  []atomic.Uint64
	chunks []atomic.Pointer[[cacheChunk]wordEntry]
	seed   maphash.Seed
	mask   uint64
	max    int

	mu sync.Mutex // serialises insertions
	n  int        // entries inserted, guarded by mu
}

// newWordCache returns an empty cache for up to max words (rounded up to
// a multiple of cacheChunk).
func newWordCache(max int) *wordCache {
	chunks := (max + cacheChunk - 1) / cacheChunk
	max = chunks * cacheChunk
	size := 1
	for size < 2*max {
		size <<= 1
	}
	return &wordCache{
		slots:  make([]atomic.Uint64, size),
		chunks: make([]atomic.Pointer[[cacheChunk]wordEntry], chunks),
		seed:   maphash.MakeSeed(),
		mask:   uint64(size - 1),
		max:    max,
	}
}

// lookup returns the entry of w, or nil.
func (c *wordCache) lookup(w string) *wordEntry {
	h := maphash.String(c.seed, w)
	tag := h >> 32
	for i := h & c.mask; ; i = (i + 1) & c.mask {
		s := c.slots[i].Load()
		if s == 0 {
			return nil
		}
		if s>>32 == tag {
			idx := uint32(s) - 1
			e := &c.chunks[idx/cacheChunk].Load()[idx%cacheChunk]
			if e.word == w {
				return e
			}
		}
	}
}

// insert adds copies of the entries not yet present (with their words
// copied) unless another insertion is under way; it reports whether the
// cache is full.
func (c *wordCache) insert(es []wordEntry) (full bool) {
	if !c.mu.TryLock() {
		return false
	}
	defer c.mu.Unlock()
	for i := range es {
		e := &es[i]
		if c.n >= c.max {
			return true
		}
		if c.lookup(e.word) != nil {
			continue
		}
		idx := c.n
		chunk := c.chunks[idx/cacheChunk].Load()
		if chunk == nil {
			chunk = new([cacheChunk]wordEntry)
			c.chunks[idx/cacheChunk].Store(chunk)
		}
		dst := &chunk[idx%cacheChunk]
		*dst = *e
		dst.word = strings.Clone(e.word)
		c.n++
		h := maphash.String(c.seed, e.word)
		i := h & c.mask
		for c.slots[i].Load() != 0 {
			i = (i + 1) & c.mask
		}
		// publishes the entry written above
		c.slots[i].Store(h>>32<<32 | uint64(idx+1))
	}
	return c.n >= c.max
}

// remember adds the entries of missed words to the tagger's cache c,
// replacing c by an empty cache once it is full.
func (t *Tagger) remember(c *wordCache, es []wordEntry) {
	if c.insert(es) {
		t.cache.CompareAndSwap(c, newWordCache(c.max))
	}
}

// lookupWords fills sc.ents with the entries of sc.words: from the cache,
// else computed into sc.miss (and then offered to the cache).
func (t *Tagger) lookupWords(sc *scratch) {
	n := len(sc.words)
	c := t.cache.Load()
	sc.ents = grow(sc.ents, n)
	sc.miss = grow(sc.miss, n) // not reallocated below: sc.ents points into it
	k := 0
	for i, w := range sc.words {
		e := c.lookup(w)
		if e == nil {
			e = &sc.miss[k]
			k++
			sc.lower = t.fillEntry(e, w, sc.lower)
		}
		sc.ents[i] = e
	}
	if k > 0 {
		t.remember(c, sc.miss[:k])
	}
}

// emissions fills sc.em (and, for a baseline model, sc.labels with its
// greedy decoding) for the words of sc.words, from the word cache.
func (t *Tagger) emissions(sc *scratch) {
	m := t.m
	f := &m.feat
	n := len(sc.words)
	t.lookupWords(sc)
	ents := sc.ents[:n]
	const L = numLabels
	const S = wStride
	sc.em = grow(sc.em, n*L)
	sc.labels = grow(sc.labels, n)
	if !f.baseline {
		t.gazetteer(sc)
	}
	var cc capCounts
	for _, e := range ents {
		cc.add(e.cap)
	}
	sf := cc.flag()
	// the rows of the sentence-dependent features first, then the sums:
	// the rows' loads (mostly cache misses) overlap better
	sc.feats = sc.feats[:0]
	sc.offs = grow(sc.offs, n+1)
	for i := 0; i < n; i++ {
		sc.offs[i] = int32(len(sc.feats))
		if !f.baseline {
			t.contextRows(sc, i, sf)
		}
	}
	sc.offs[n] = int32(len(sc.feats))
	for i := 0; i < n; i++ {
		acc := t.wordSum(ents, i)
		for _, b := range sc.feats[sc.offs[i]:sc.offs[i+1]] {
			addRow(&acc, (*[S]int16)(m.w[int(b)*S:]))
		}
		if m.Header.Baseline {
			m.greedyStep(sc, i, &acc)
		}
		em := (*[L]int32)(sc.em[i*L:])
		em[0] = 0
		copy(em[1:], acc[:])
	}
}

// gazetteer fills sc.gaz with the gazetteer phrase memberships of the
// words of sc.ents, as featurizer.analyse does.
func (t *Tagger) gazetteer(sc *scratch) {
	f := &t.m.feat
	ents := sc.ents
	n := len(ents)
	sc.gaz = grow(sc.gaz, n)
	clear(sc.gaz)
	if f.gazMax <= 0 {
		return
	}
	for i := 0; i < n; i++ {
		e := ents[i]
		if !e.gazOK {
			continue
		}
		v, h := e.gazV, mix(gazSeed, e.l)
		for j := i; ; {
			phraseBits(v, i, j, func(k int, bits uint64) { sc.gaz[k] |= bits })
			if v&gazPrefix == 0 {
				break
			}
			j++
			if j >= n || j-i >= f.gazMax {
				break
			}
			h = mix(h, ents[j].l)
			var ok bool
			if v, ok = f.gaz.get(h); !ok {
				break
			}
		}
	}
}

// contextRows appends to sc.feats the rows of the features of token i
// that depend on the sentence (position, capitalisation context, word
// pairs, gazetteer phrases); sf is the sentence's flag (sentFlag).
func (t *Tagger) contextRows(sc *scratch, i int, sf uint64) {
	f := &t.m.feat
	ents := sc.ents
	n := len(ents)
	add := func(tpl, v uint64) {
		sc.feats = append(sc.feats, f.bucket(mix(tpl, v)))
	}
	te, m1, p1 := ents[i], &t.bos, &t.eos
	var gm1, gp1 uint64
	if i > 0 {
		m1, gm1 = ents[i-1], sc.gaz[i-1]
	}
	if i+1 < n {
		p1, gp1 = ents[i+1], sc.gaz[i+1]
	}
	add(fSStri, mix(mix(m1.sshape, te.sshape), p1.sshape))
	add(fBiL, mix(m1.l, te.l))
	add(fBiR, mix(te.l, p1.l))
	pos := position(i, n)
	c := int(te.cap)
	if c >= numCaps || m1.cap > capEos || p1.cap > capEos {
		// not a class capClass returns: hash (never happens)
		add(fCapPos, uint64(te.cap)<<8|pos)
		prior := uint64(0)
		if te.hasLex {
			prior = uint64(te.lex>>9&7) + 1
		}
		add(fCapPrior, uint64(te.cap)<<16|prior<<8|sf<<4|pos)
		add(fCapTri, uint64(m1.cap)<<16|uint64(te.cap)<<8|uint64(p1.cap))
	} else {
		prior := 0
		if te.hasLex {
			prior = int(te.lex>>9&7) + 1
		}
		r := t.rows
		sc.feats = append(sc.feats, r.capPos[c][pos], r.capPrior[c][prior][sf][pos], r.capTri[m1.cap][c][p1.cap])
	}
	add(fSkip, mix(m1.l, p1.l))
	if i == 0 {
		add(fWFirst, te.l)
	}
	for g, b := sc.gaz[i], 0; g != 0; g, b = g>>1, b+1 {
		if g&1 != 0 {
			sc.feats = append(sc.feats, t.rows.gaz[b])
			if c < numCaps {
				sc.feats = append(sc.feats, t.rows.gazCap[b][c])
			} else {
				add(fGazCap, uint64(b)<<8|uint64(te.cap))
			}
		}
	}
	for g, b := gm1, 0; g != 0; g, b = g>>1, b+1 {
		if g&1 != 0 {
			sc.feats = append(sc.feats, t.rows.gazm1[b])
		}
	}
	for g, b := gp1, 0; g != 0; g, b = g>>1, b+1 {
		if g&1 != 0 {
			sc.feats = append(sc.feats, t.rows.gazp1[b])
		}
	}
}

// Capitalisation classes: numCaps of tokens (capClass), then those of
// the sentinels (sentinel: 7 before the sentence, capEos after it).
const (
	numCaps = capMixed + 1
	capEos  = 8
)

// fewRows holds the rows of the sentence-dependent features that take
// few values, computed once per tagger (contextRows hashes the others):
// by capitalisation class, position (0..3), lexicon prior (0..8),
// sentence flag (0..2), gazetteer bit.
type fewRows struct {
	capPos            [numCaps][4]uint32
	capPrior          [numCaps][9][3][4]uint32
	capTri            [capEos + 1][numCaps][capEos + 1]uint32
	gaz, gazm1, gazp1 [64]uint32
	gazCap            [64][numCaps]uint32
}

// newFewRows computes the rows of f's few-valued features.
func newFewRows(f *featurizer) *fewRows {
	r := &fewRows{}
	row := func(tpl, v uint64) uint32 { return f.bucket(mix(tpl, v)) }
	for c := range uint64(numCaps) {
		for pos := range uint64(4) {
			r.capPos[c][pos] = row(fCapPos, c<<8|pos)
			for prior := range uint64(9) {
				for sf := range uint64(3) {
					r.capPrior[c][prior][sf][pos] = row(fCapPrior, c<<16|prior<<8|sf<<4|pos)
				}
			}
		}
		for a := range uint64(capEos + 1) {
			for b := range uint64(capEos + 1) {
				r.capTri[a][c][b] = row(fCapTri, a<<16|c<<8|b)
			}
		}
	}
	for b := range uint64(64) {
		r.gaz[b], r.gazm1[b], r.gazp1[b] = row(fGaz, b), row(fGazm1, b), row(fGazp1, b)
		for c := range uint64(numCaps) {
			r.gazCap[b][c] = row(fGazCap, b<<8|c)
		}
	}
	return r
}

// wordSum returns the sum of the word vectors that go into the score of
// token i: its own and those of its neighbours at -2..+2 (the sentinels
// beyond the sentence).
func (t *Tagger) wordSum(ents []*wordEntry, i int) [wStride]int32 {
	n := len(ents)
	m1, m2, p1, p2 := &t.bos, &t.bos, &t.eos, &t.eos
	if i >= 1 {
		m1 = ents[i-1]
		if i >= 2 {
			m2 = ents[i-2]
		}
	}
	if i+1 < n {
		p1 = ents[i+1]
		if i+2 < n {
			p2 = ents[i+2]
		}
	}
	acc := ents[i].vec[roleSelf]
	addVec(&acc, &m1.vec[roleM1])
	addVec(&acc, &p1.vec[roleP1])
	addVec(&acc, &m2.vec[roleM2])
	addVec(&acc, &p2.vec[roleP2])
	return acc
}

// addVec adds b into a.
func addVec(a, b *[wStride]int32) {
	a[0] += b[0]
	a[1] += b[1]
	a[2] += b[2]
	a[3] += b[3]
	a[4] += b[4]
	a[5] += b[5]
	a[6] += b[6]
	a[7] += b[7]
	a[8] += b[8]
	a[9] += b[9]
	a[10] += b[10]
	a[11] += b[11]
	a[12] += b[12]
	a[13] += b[13]
	a[14] += b[14]
	a[15] += b[15]
}

// greedyStep decodes token i of a baseline model greedily, its previous
// label being a feature: it adds that feature's row to acc and sets
// sc.labels[i] to the best label.
func (m *Model) greedyStep(sc *scratch, i int, acc *[wStride]int32) {
	var prev uint8
	if i > 0 {
		prev = sc.labels[i-1]
	}
	b := m.feat.bucket(mix(fPrevLabel, uint64(prev)))
	row := (*[wStride]int16)(m.w[int(b)*wStride:])
	best, bs := 0, int32(0) // label O scores 0
	for y := range acc {
		acc[y] += int32(row[y])
		if acc[y] > bs {
			best, bs = y+1, acc[y]
		}
	}
	sc.labels[i] = uint8(best)
}
