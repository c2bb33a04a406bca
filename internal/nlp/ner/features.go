package ner

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Gazetteer categories distilled into the model (bit index = cat*4 + BILU
// position of the token within the matched phrase).
const (
	GazFirstName = iota
	GazPerson
	GazCity
	GazCountry
	GazRegion
	GazOrg
	GazDemonym
	GazTitle
	GazDate
	GazOrgKey
	GazLocKey
	numGazCats
)

// GazCatNames names the gazetteer categories, by index.
var GazCatNames = [numGazCats]string{"first", "person", "city", "country", "region", "org", "demonym", "title", "date", "orgkey", "lockey"}

// gazPrefix marks a gazetteer key that is the prefix of a longer phrase.
const gazPrefix = 1 << 31

// Lexicon value packing: fine cluster (8 bits) | has-cluster (bit 8) | cap
// prior bucket (bits 9..11) | frequency bucket (bits 12..15).
const (
	lexHasCluster = 1 << 8
)

// LexValue packs a word's distributional information for the lexicon.
func LexValue(cluster int, hasCluster bool, capPrior, freqBucket int) uint32 {
	v := uint32(cluster & 0xff)
	if hasCluster {
		v |= lexHasCluster
	}
	v |= uint32(capPrior&7) << 9
	v |= uint32(freqBucket&15) << 12
	return v
}

// Optional feature groups, recorded by name in Header.Features (models
// without them tag exactly as before).
const (
	// ExtAffix6 adds the 6-rune prefix.
	ExtAffix6 uint32 = 1 << iota
	// ExtStems adds the word without its last one and two runes (a crude
	// stem for inflected languages), when at least 4 runes remain.
	ExtStems
	// ExtSpanTypes marks a model with a span typer (Header.SpanTypes,
	// spantype.go); it adds no token feature.
	ExtSpanTypes
	extAll = ExtAffix6 | ExtStems | ExtSpanTypes
)

// featureName returns the header name of one optional feature group.
func featureName(bit uint32) string {
	switch bit {
	case ExtAffix6:
		return "affix6"
	case ExtStems:
		return "stems"
	case ExtSpanTypes:
		return "spantypes"
	}
	return ""
}

// ParseFeatures converts header feature names into a bit set; unknown
// names are an error (a model needing a newer tagger).
func ParseFeatures(names []string) (uint32, error) {
	var ext uint32
next:
	for _, n := range names {
		for b := uint32(1); b&extAll != 0; b <<= 1 {
			if featureName(b) == n {
				ext |= b
				continue next
			}
		}
		return 0, fmt.Errorf("unknown feature group %q", n)
	}
	return ext, nil
}

// FeatureNames returns the header names of a feature bit set.
func FeatureNames(ext uint32) []string {
	var out []string
	for b := uint32(1); b&extAll != 0; b <<= 1 {
		if ext&b != 0 {
			out = append(out, featureName(b))
		}
	}
	return out
}

// Capitalisation classes of a token.
const (
	capDigit = iota
	capPunct
	capLower
	capTitle
	capUpper
	capSingle
	capMixed
)

// Feature templates.
const (
	fBias = iota + 1
	fWord
	fLower
	fP2
	fP3
	fP4
	fS2
	fS3
	fS4
	fShape
	fSShape
	fLm1
	fLp1
	fLm2
	fLp2
	fSSm1
	fSSp1
	fSStri
	fBiL
	fBiR
	fCapPos
	fCapPrior
	fCapTri
	fCl4
	fCl8
	fCl8m1
	fCl8p1
	fCl4m2
	fCl4p2
	fGaz
	fGazCap
	fGazm1
	fGazp1
	fPrevLabel
	fFreq
	fS1m1
	fSkip
	fS3m1
	fS3p1
	fSSm2
	fSSp2
	fClCap
	fWFirst
	fP5
	fS5
	fP6
	fStem1
	fStem2
)

// tokInfo is what features need of one token, computed once per token.
type tokInfo struct {
	w, l, shape, sshape uint64
	p                   [5]uint64 // prefixes of 2, 3, 4, 5, (6) runes (0: none)
	s                   [4]uint64 // suffixes of 2, 3, 4, 5 runes (0: none)
	stem                [2]uint64 // word without its last 1, 2 runes (ExtStems)
	cap                 uint8
	lex                 uint32
	hasLex              bool
	gaz                 uint64
	sfx1                uint64
}

// scratch holds per-sentence buffers, reused across calls.
type scratch struct {
	words  []string
	lower  []byte
	info   []tokInfo
	feats  []uint32
	offs   []int32
	em     []int32
	delta  []int32
	beta   []int32
	back   []uint8
	labels []uint8
	spans  []Span
	bos    tokInfo
	eos    tokInfo
	// for the cached path (Tagger.emissions): the tokens' word entries,
	// the entries computed for words missing from the cache, gazetteer
	// memberships
	ents []*wordEntry
	miss []wordEntry
	gaz  []uint64
	// for the span typer: the tokens of a span's window, the tagger's
	// types and spans of the sentence, a span's feature rows
	stoks []spanTok
	types []int
	pred  []Span
	srows []uint32
}

// featurizer turns sentences into hashed feature ids.
type featurizer struct {
	bits     uint
	baseline bool
	noAffix5 bool
	ext      uint32 // optional feature groups (Ext*)
	lex      table
	gaz      table
	gazMax   int
}

// sentinel returns the pseudo-token before (bos) or after the sentence.
func sentinel(bos bool) tokInfo {
	if bos {
		return tokInfo{w: 0xB05, l: 0xB05, shape: 0xB05, sshape: 0xB05, cap: 7}
	}
	return tokInfo{w: 0xE05, l: 0xE05, shape: 0xE05, sshape: 0xE05, cap: 8}
}

const maxAffixRunes = 5

func capClass(s string) uint8 {
	var up, low, dig, oth, n int
	first := -1
	for _, r := range s {
		n++
		switch {
		case unicode.IsUpper(r):
			up++
			if first < 0 {
				first = capUpper
			}
		case unicode.IsLower(r):
			low++
			if first < 0 {
				first = capLower
			}
		case unicode.IsDigit(r):
			dig++
		case unicode.IsLetter(r): // caseless scripts
			low++
			if first < 0 {
				first = capLower
			}
		default:
			oth++
		}
		if n > 64 {
			break
		}
	}
	switch {
	case up+low == 0 && dig > 0:
		return capDigit
	case up+low == 0:
		return capPunct
	case up == 0:
		return capLower
	case up == 1 && low == 0:
		return capSingle
	case low == 0:
		return capUpper
	case first == capUpper:
		return capTitle
	}
	return capMixed
}

func shapeRune(r rune) rune {
	switch {
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLower(r), unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return r
}

// shapes returns the hashes of the long shape (runs capped at 3) and the
// short shape (runs collapsed) of s, looking at most at 32 runes.
func shapes(s string) (uint64, uint64) {
	hl, hs := uint64(fnvOffset), uint64(fnvOffset)
	var prev rune = -1
	run, n := 0, 0
	for _, r := range s {
		c := shapeRune(r)
		if c == prev {
			run++
		} else {
			run = 1
		}
		if run <= 3 {
			hl = (hl ^ uint64(c)) * fnvPrime
		}
		if run == 1 {
			hs = (hs ^ uint64(c)) * fnvPrime
		}
		prev = c
		n++
		if n >= 32 {
			break
		}
	}
	return hl, hs
}

// analyse fills sc.info for the words of sc.words.
func (f *featurizer) analyse(sc *scratch) {
	words := sc.words
	n := len(words)
	if cap(sc.info) < n {
		sc.info = make([]tokInfo, n, n+n/2)
	}
	sc.info = sc.info[:n]
	for i, w := range words {
		sc.lower = f.analyseWord(&sc.info[i], w, sc.lower)
	}
	if !f.baseline && f.gazMax > 0 {
		for i := 0; i < n; i++ {
			h := uint64(gazSeed)
			for j := i; j < n && j-i < f.gazMax; j++ {
				h = mix(h, sc.info[j].l)
				v, ok := f.gaz.get(h)
				if !ok {
					break
				}
				phraseBits(v, i, j, func(k int, bits uint64) { sc.info[k].gaz |= bits })
				if v&gazPrefix == 0 {
					break
				}
			}
		}
	}
}

// analyseWord fills ti with what the features need of word w on its own
// (everything but gazetteer membership), using lower as the buffer for
// its folded form; it returns the buffer for reuse.
func (f *featurizer) analyseWord(ti *tokInfo, w string, lower []byte) []byte {
	*ti = tokInfo{}
	ti.w = hashString(w)
	lower = appendFold(lower[:0], w)
	lb := lower
	ti.l = hashBytes(lb)
	ti.shape, ti.sshape = shapes(w)
	ti.cap = capClass(w)
	// prefixes
	maxP := maxAffixRunes
	if f.ext&ExtAffix6 != 0 {
		maxP++
	}
	pos, k := 0, 0
	for k < maxP && pos < len(lb) {
		_, sz := utf8.DecodeRune(lb[pos:])
		pos += sz
		k++
		if k >= 2 && pos < len(lb) {
			ti.p[k-2] = hashBytes(lb[:pos])
		}
	}
	if _, sz := utf8.DecodeLastRune(lb); sz > 0 {
		ti.sfx1 = hashBytes(lb[len(lb)-sz:])
	}
	suffixes(ti.s[:], lb)
	if f.ext&ExtStems != 0 {
		ti.stem = stems(lb, 4)
	}
	if !f.baseline {
		ti.lex, ti.hasLex = f.lex.get(ti.l)
	}
	return lower
}

// phraseBits calls set for every token k of the gazetteer phrase [i, j]
// with its B/I/L/U membership bits (bit 4*category + position) in the
// categories of v, a gazetteer value.
func phraseBits(v uint32, i, j int, set func(k int, bits uint64)) {
	var b, in, l, u uint64
	cats := v &^ gazPrefix
	for c := 0; cats != 0; c, cats = c+1, cats>>1 {
		if cats&1 != 0 {
			b |= 1 << (4*c + posB)
			in |= 1 << (4*c + posI)
			l |= 1 << (4*c + posL)
			u |= 1 << (4*c + posU)
		}
	}
	if i == j {
		set(i, u)
		return
	}
	set(i, b)
	for k := i + 1; k < j; k++ {
		set(k, in)
	}
	set(j, l)
}

// position classifies token i of a sentence of n tokens for the
// capitalisation features: 0 first, 1 second, 3 last, else 2.
func position(i, n int) uint64 {
	switch {
	case i == 0:
		return 0
	case i == 1:
		return 1
	case i == n-1:
		return 3
	}
	return 2
}

// suffixes sets s[k-2], for k = 2 .. len(s)+1, to the hash of the last k
// runes of the folded word lb when at least one rune precedes them (else
// it leaves it).
func suffixes(s []uint64, lb []byte) {
	pos := len(lb)
	for k := 1; k <= len(s)+1 && pos > 0; k++ {
		_, sz := utf8.DecodeLastRune(lb[:pos])
		pos -= sz
		if k >= 2 && pos > 0 {
			s[k-2] = hashBytes(lb[pos:])
		}
	}
}

// stems returns the hashes of the folded word lb without its last one and
// two runes, each when at least minRunes runes remain (else 0).
func stems(lb []byte, minRunes int) (st [2]uint64) {
	pos := len(lb)
	for k := 0; k < 2 && pos > 0; k++ {
		_, sz := utf8.DecodeLastRune(lb[:pos])
		pos -= sz
		if utf8.RuneCount(lb[:pos]) < minRunes {
			break
		}
		st[k] = hashBytes(lb[:pos])
	}
	return st
}

// sentFlag classifies a sentence: 0 ordinary, 1 title case (headline), 2
// upper case.
func sentFlag(info []tokInfo) uint64 {
	var c capCounts
	for i := range info {
		c.add(info[i].cap)
	}
	return c.flag()
}

// capCounts counts the capitalisation classes of a sentence's tokens for
// sentFlag.
type capCounts struct{ alpha, title, upper int }

// add counts one token of capitalisation class cap.
func (c *capCounts) add(cap uint8) {
	switch cap {
	case capLower:
		c.alpha++
	case capTitle, capMixed:
		c.alpha++
		c.title++
	case capUpper, capSingle:
		c.alpha++
		c.upper++
	}
}

// flag returns the sentence flag (see sentFlag) of the counted tokens.
func (c *capCounts) flag() uint64 {
	if c.alpha < 3 {
		return 0
	}
	if c.upper*10 >= c.alpha*7 {
		return 2
	}
	if (c.title+c.upper)*10 >= c.alpha*7 {
		return 1
	}
	return 0
}

// bucket returns the weight row of feature hash h.
func (f *featurizer) bucket(h uint64) uint32 { return hashRow(h, f.bits) }

// features fills sc.feats and sc.offs (len n+1) from sc.info.
func (f *featurizer) features(sc *scratch) {
	info := sc.info
	n := len(info)
	sc.feats = sc.feats[:0]
	if cap(sc.offs) < n+1 {
		sc.offs = make([]int32, n+1, n+n/2+1)
	}
	sc.offs = sc.offs[:n+1]
	sc.bos, sc.eos = sentinel(true), sentinel(false)
	at := func(i int) *tokInfo {
		switch {
		case i < 0:
			return &sc.bos
		case i >= n:
			return &sc.eos
		}
		return &info[i]
	}
	sf := sentFlag(info)
	add := func(tpl uint64, v uint64) {
		sc.feats = append(sc.feats, f.bucket(mix(tpl, v)))
	}
	for i := 0; i < n; i++ {
		sc.offs[i] = int32(len(sc.feats))
		t, m1, p1, m2, p2 := &info[i], at(i-1), at(i+1), at(i-2), at(i+2)
		add(fBias, 1)
		add(fWord, t.w)
		add(fLower, t.l)
		for k := 0; k < 3; k++ {
			if t.p[k] != 0 {
				add(fP2+uint64(k), t.p[k])
			}
			if t.s[k] != 0 {
				add(fS2+uint64(k), t.s[k])
			}
		}
		if !f.baseline && !f.noAffix5 {
			if t.p[3] != 0 {
				add(fP5, t.p[3])
			}
			if t.s[3] != 0 {
				add(fS5, t.s[3])
			}
		}
		if f.ext != 0 {
			f.extFeatures(add, t)
		}
		add(fShape, t.shape)
		add(fSShape, t.sshape)
		add(fLm1, m1.l)
		add(fLp1, p1.l)
		add(fLm2, m2.l)
		add(fLp2, p2.l)
		add(fSSm1, m1.sshape)
		add(fSSp1, p1.sshape)
		if f.baseline {
			continue
		}
		add(fSStri, mix(mix(m1.sshape, t.sshape), p1.sshape))
		add(fBiL, mix(m1.l, t.l))
		add(fBiR, mix(t.l, p1.l))
		pos := position(i, n)
		add(fCapPos, uint64(t.cap)<<8|pos)
		prior := uint64(0)
		if t.hasLex {
			prior = uint64(t.lex>>9&7) + 1
			add(fFreq, uint64(t.lex>>12&15)<<4|uint64(t.cap))
		}
		add(fCapPrior, uint64(t.cap)<<16|prior<<8|sf<<4|pos)
		add(fCapTri, uint64(m1.cap)<<16|uint64(t.cap)<<8|uint64(p1.cap))
		add(fS1m1, m1.sfx1)
		add(fSkip, mix(m1.l, p1.l))
		add(fS3m1, m1.s[1])
		add(fS3p1, p1.s[1])
		add(fSSm2, m2.sshape)
		add(fSSp2, p2.sshape)
		if i == 0 {
			add(fWFirst, t.l)
		}
		if t.hasLex && t.lex&lexHasCluster != 0 {
			c := uint64(t.lex & 0xff)
			add(fCl4, c>>4)
			add(fCl8, c)
			add(fClCap, c<<8|uint64(t.cap))
		}
		if m1.hasLex && m1.lex&lexHasCluster != 0 {
			add(fCl8m1, uint64(m1.lex&0xff))
		}
		if p1.hasLex && p1.lex&lexHasCluster != 0 {
			add(fCl8p1, uint64(p1.lex&0xff))
		}
		if m2.hasLex && m2.lex&lexHasCluster != 0 {
			add(fCl4m2, uint64(m2.lex&0xff)>>4)
		}
		if p2.hasLex && p2.lex&lexHasCluster != 0 {
			add(fCl4p2, uint64(p2.lex&0xff)>>4)
		}
		for g, b := t.gaz, uint64(0); g != 0; g, b = g>>1, b+1 {
			if g&1 != 0 {
				add(fGaz, b)
				add(fGazCap, b<<8|uint64(t.cap))
			}
		}
		for g, b := m1.gaz, uint64(0); g != 0; g, b = g>>1, b+1 {
			if g&1 != 0 {
				add(fGazm1, b)
			}
		}
		for g, b := p1.gaz, uint64(0); g != 0; g, b = g>>1, b+1 {
			if g&1 != 0 {
				add(fGazp1, b)
			}
		}
	}
	sc.offs[n] = int32(len(sc.feats))
}

// extFeatures adds the optional feature groups of token t.
func (f *featurizer) extFeatures(add func(tpl, v uint64), t *tokInfo) {
	if f.ext&ExtAffix6 != 0 && t.p[4] != 0 {
		add(fP6, t.p[4])
	}
	if f.ext&ExtStems != 0 {
		if t.stem[0] != 0 {
			add(fStem1, t.stem[0])
		}
		if t.stem[1] != 0 {
			add(fStem2, t.stem[1])
		}
	}
}
