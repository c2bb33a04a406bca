package resolve

import (
	"strings"

	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

// words are the word lists of one language that resolution looks every
// token up in, folded once when the Resolver is built, so that a token
// already folded is one look-up in a small table (lexicon.Has folds its
// word and looks the list up by name on every call).
type words struct {
	determiners, heads, of, stopwords, honorifics, titles *wordSet
	// titleWords holds the titles (value isTitle) and their proper word
	// prefixes (value isTitlePrefix: "ministre des" of "ministre des
	// affaires etrangeres"), both for a word that is both.
	titleWords *wordSet
	// compass holds the points of the compass (lexicon.Has("compass"),
	// hasKey).
	compass *wordSet
	// titleFirst holds the first word of every title: a token whose
	// folded form does not start with one cannot start a title
	// (lexicon.TitleAt is 0).
	titleFirst *wordSet
	// demFirst holds the first word of every demonym: a token whose
	// folded form does not start with one cannot start a demonym
	// (lexicon.DemonymAt is 0).
	demFirst *wordSet
	emptyDet bool // determiners holds "" (a token that folds to nothing)
	// either is the union of the Bloom filters of determiners and
	// titleFirst (its table is empty): a word it refuses is in neither
	// set.
	either wordSet
	// titleGroups maps the folded titles of the title-groups table to
	// the key of their office: "g:" and the row's first value.
	titleGroups map[string]string
	// aliases maps the folded short forms of the aliases table to the
	// folded name they stand for ("fed" -> "federal reserve").
	aliases map[string]string
}

// wordSet is a set of folded words with a Bloom filter (two bits per
// word, 16 bits a word or more, from 512 bits up to bloomBits) in front of
// a table of the words by their FNV-1a hash (open addressing, at most half
// full): most words that are not in the set are rejected after two reads
// of the filter, the others after a read of a slot or two, without the
// hashing and probing of a Go map. The filter of a small set is a few
// cache lines: an article's look-ups touch few lines of it.
type wordSet struct {
	mask  uint32     // bits of the filter - 1
	slots []wordSlot // len a power of two
	// bloom is the filter, in its first (mask+1)/64 words: a small set
	// reads a few lines of it.
	bloom [bloomBits / 64]uint64
}

// wordSlot is a word of a wordSet and its hash; used is false for an
// empty slot.
type wordSlot struct {
	h    uint64
	word string
	used bool
	val  uint8 // the word's value in a set of values (newWordValues)
}

// bloomBits is the largest Bloom filter of a wordSet, in bits.
const bloomBits = 1 << 14

// filterBits is the size of the Bloom filter of a set of n words.
func filterBits(n int) int {
	b := 512
	for b < 16*n && b < bloomBits {
		b *= 2
	}
	return b
}

// newWordSet returns the set of the keys of m.
func newWordSet(m map[string]bool) *wordSet {
	return newWordSetBits(m, filterBits(len(m)))
}

// newWordSetBits returns the set of the keys of m with a Bloom filter of
// bits bits (a power of two, 64 or more).
func newWordSetBits(m map[string]bool, bits int) *wordSet {
	n := 4
	for n < 2*len(m) {
		n *= 2
	}
	w := &wordSet{mask: uint32(bits - 1), slots: make([]wordSlot, n)}
	for k := range m {
		w.addBloom(k)
		h := fnv1a(k)
		i := h & uint64(n-1)
		for w.slots[i].used {
			i = (i + 1) & uint64(n-1)
		}
		w.slots[i] = wordSlot{h: h, word: k, used: true}
	}
	return w
}

// newWordValues returns the set of the keys of m, each with its value
// (non-zero; valueBytes reads it).
func newWordValues(m map[string]uint8) *wordSet {
	keys := make(map[string]bool, len(m))
	for k := range m {
		keys[k] = true
	}
	w := newWordSet(keys)
	for i := range w.slots {
		if sl := &w.slots[i]; sl.used {
			sl.val = m[sl.word]
		}
	}
	return w
}

// valueBytes is the value of string(b), of FNV-1a hash h, in a set of
// values: 0 when it is not in the set.
func (w *wordSet) valueBytes(b []byte, h uint64) uint8 {
	if sl := w.slotBytes(b, h); sl != nil {
		return sl.val
	}
	return 0
}

// slotBytes returns the slot of string(b), of FNV-1a hash h, nil when it
// is not in the set.
func (w *wordSet) slotBytes(b []byte, h uint64) *wordSlot {
	if !w.bloomHas(h) {
		return nil
	}
	mask := uint64(len(w.slots) - 1)
	for i := h & mask; w.slots[i].used; i = (i + 1) & mask {
		if sl := &w.slots[i]; sl.h == h && sl.word == string(b) {
			return sl
		}
	}
	return nil
}

// addBloom sets the bits of s in the Bloom filter.
func (w *wordSet) addBloom(s string) {
	h1, h2 := w.bloomPos(fnv1a(s))
	w.bloom[h1/64] |= 1 << (h1 % 64)
	w.bloom[h2/64] |= 1 << (h2 % 64)
}

// bloomPos is the two bit positions of FNV-1a hash h in the filter.
func (w *wordSet) bloomPos(h uint64) (uint32, uint32) {
	return uint32(h) & w.mask, uint32(h>>32) & w.mask
}

// FNV-1a, 64 bits.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnv1a is the FNV-1a hash of s.
func fnv1a(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// fnvAppend continues FNV-1a hash h over the bytes of s.
func fnvAppend(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hasBytes is has(string(b)) for b of FNV-1a hash h.
func (w *wordSet) hasBytes(b []byte, h uint64) bool { return w.slotBytes(b, h) != nil }

// hasKey is lexicon.Has of the list the set holds: whether key, folded
// unless it is folded already, is in the set.
func (w *wordSet) hasKey(key string) bool {
	if !lexicon.IsFolded(key) {
		key = lexicon.Fold(key)
	}
	return w.has(key)
}

// hasFolded is has(string(b)).
func (w *wordSet) hasFolded(b []byte) bool {
	h := uint64(fnvOffset)
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return w.hasBytes(b, h)
}

// has reports whether s is in the set.
func (w *wordSet) has(s string) bool {
	h := fnv1a(s)
	return w.bloomHas(h) && w.hasHashed(s, h)
}

// hasHashed is has(s) for s of FNV-1a hash h that the Bloom filter lets
// through.
func (w *wordSet) hasHashed(s string, h uint64) bool {
	mask := uint64(len(w.slots) - 1)
	for i := h & mask; w.slots[i].used; i = (i + 1) & mask {
		if sl := &w.slots[i]; sl.h == h && sl.word == s {
			return true
		}
	}
	return false
}

// bloomHas reports whether the Bloom filter lets a word of FNV-1a hash h
// through: a word of the set, or rarely another.
func (w *wordSet) bloomHas(h uint64) bool {
	return w.bloomHasPos(w.bloomPos(h))
}

// bloomHasPos is bloomHas of a word of bit positions h1, h2 (bloomPos of
// this set or of another of the same size).
func (w *wordSet) bloomHasPos(h1, h2 uint32) bool {
	return w.bloom[h1/64%uint32(len(w.bloom))]&(1<<(h1%64)) != 0 && w.bloom[h2/64%uint32(len(w.bloom))]&(1<<(h2%64)) != 0
}

// newWords folds the lists of a lexicon (nil: empty lists).
func newWords(l *lexicon.Lexicon) *words {
	fold := func(name string) map[string]bool {
		list := l.List(name)
		out := make(map[string]bool, len(list))
		for w := range list {
			out[lexicon.Fold(w)] = true
		}
		return out
	}
	// determiners and titleFirst share the size of their filters, whose
	// union is either's.
	dets := fold("determiners")
	titles := fold("titles")
	first := map[string]bool{}
	for t := range titles {
		if f := firstWord(t); f != "" {
			first[f] = true
		}
	}
	bits := filterBits(max(len(dets), len(first)))
	w := &words{
		determiners: newWordSetBits(dets, bits),
		titleFirst:  newWordSetBits(first, bits),
		heads:       newWordSet(fold("heads")),
		of:          newWordSet(fold("of")),
		stopwords:   newWordSet(fold("stopwords")),
		honorifics:  newWordSet(fold("honorifics")),
		compass:     newWordSet(fold("compass")),
	}
	w.titles = newWordSet(titles)
	tw := map[string]uint8{}
	for t := range titles {
		tw[t] |= isTitle
		for i := 0; i < len(t); i++ {
			if t[i] == ' ' {
				tw[t[:i]] |= isTitlePrefix
			}
		}
	}
	w.titleWords = newWordValues(tw)
	dem := map[string]bool{}
	l.DemonymFirstWords(func(word string) { dem[word] = true })
	w.demFirst = newWordSet(dem)
	w.emptyDet = w.determiners.has("")
	w.either = wordSet{mask: uint32(bits - 1)}
	for i := range w.either.bloom {
		w.either.bloom[i] = w.determiners.bloom[i] | w.titleFirst.bloom[i]
	}
	w.titleGroups = map[string]string{}
	for k, row := range l.Table("title-groups") {
		if len(row) > 0 {
			w.titleGroups[k] = "g:" + row[0]
		}
	}
	for k, row := range l.Table("aliases") {
		if len(row) > 0 {
			if w.aliases == nil {
				w.aliases = map[string]string{}
			}
			w.aliases[k] = strings.Join(strings.Fields(lexicon.Fold(row[0])), " ")
		}
	}
	return w
}

// Values of words.titleWords.
const (
	isTitle       = 1 << iota // a title
	isTitlePrefix             // the words a title starts with, before a space
)

// firstWord is a folded text up to its first space.
func firstWord(folded string) string {
	first, _, _ := strings.Cut(folded, " ")
	return first
}
