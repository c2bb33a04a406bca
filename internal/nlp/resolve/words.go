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

// wordSet is a set of folded words with a Bloom filter (2 KiB, two bits
// per word) in front of a table of the words by their FNV-1a hash (open
// addressing, at most half full): most words that are not in the set are
// rejected after two reads of the filter, the others after a read of a
// slot or two, without the hashing and probing of a Go map.
type wordSet struct {
	bloom [bloomBits / 64]uint64
	slots []wordSlot // len a power of two
}

// wordSlot is a word of a wordSet and its hash; used is false for an
// empty slot.
type wordSlot struct {
	h    uint64
	word string
	used bool
}

const bloomBits = 1 << 14

// newWordSet returns the set of the keys of m.
func newWordSet(m map[string]bool) *wordSet {
	n := 4
	for n < 2*len(m) {
		n *= 2
	}
	w := &wordSet{slots: make([]wordSlot, n)}
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

// addBloom sets the bits of s in the Bloom filter.
func (w *wordSet) addBloom(s string) {
	h1, h2 := bloomHash(s)
	w.bloom[h1/64] |= 1 << (h1 % 64)
	w.bloom[h2/64] |= 1 << (h2 % 64)
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

// bloomHash is two bit positions for s, from its FNV-1a hash.
func bloomHash(s string) (uint32, uint32) {
	return bloomBits2(fnv1a(s))
}

// bloomBits2 is the two bit positions of an FNV-1a hash.
func bloomBits2(h uint64) (uint32, uint32) {
	return uint32(h) % bloomBits, uint32(h>>32) % bloomBits
}

// has reports whether s is in the set.
func (w *wordSet) has(s string) bool {
	h := fnv1a(s)
	h1, h2 := bloomBits2(h)
	return w.bloomHas(h1, h2) && w.hasHashed(s, h)
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

// bloomHas reports whether the Bloom filter lets a word of bloomHash h1,
// h2 through: a word of the set, or rarely another.
func (w *wordSet) bloomHas(h1, h2 uint32) bool {
	return w.bloom[h1/64]&(1<<(h1%64)) != 0 && w.bloom[h2/64]&(1<<(h2%64)) != 0
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
	w := &words{
		determiners: newWordSet(fold("determiners")),
		heads:       newWordSet(fold("heads")),
		of:          newWordSet(fold("of")),
		stopwords:   newWordSet(fold("stopwords")),
		honorifics:  newWordSet(fold("honorifics")),
	}
	titles := fold("titles")
	w.titles = newWordSet(titles)
	first := map[string]bool{}
	for t := range titles {
		if f := firstWord(t); f != "" {
			first[f] = true
		}
	}
	w.titleFirst = newWordSet(first)
	dem := map[string]bool{}
	l.DemonymFirstWords(func(word string) { dem[word] = true })
	w.demFirst = newWordSet(dem)
	w.emptyDet = w.determiners.has("")
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

// firstWord is a folded text up to its first space.
func firstWord(folded string) string {
	first, _, _ := strings.Cut(folded, " ")
	return first
}
