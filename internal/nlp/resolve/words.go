package resolve

import (
	"strings"

	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

// words are the word lists of one language that resolution looks every
// token up in, folded once when the Resolver is built, so that a token
// already folded is one map lookup (lexicon.Has folds its word and looks
// the list up by name on every call).
type words struct {
	determiners                              *wordSet
	heads, of, stopwords, honorifics, titles map[string]bool
	// titleFirst holds the first word of every title: a token whose
	// folded form does not start with one cannot start a title
	// (lexicon.TitleAt is 0).
	titleFirst *wordSet
	// demFirst holds the first word of every demonym: a token whose
	// folded form does not start with one cannot start a demonym
	// (lexicon.DemonymAt is 0).
	demFirst *wordSet
	emptyDet bool // determiners holds "" (a token that folds to nothing)
	// titleGroups maps the folded titles of the title-groups table to
	// the key of their office: "g:" and the row's first value.
	titleGroups map[string]string
	// aliases maps the folded short forms of the aliases table to the
	// folded name they stand for ("fed" -> "federal reserve").
	aliases map[string]string
}

// wordSet is a set of folded words with a Bloom filter in front of its map
// (2 KiB, two bits per word): most words that are not in the set are
// rejected without hashing them for the map or reading it.
type wordSet struct {
	m     map[string]bool
	bloom [bloomBits / 64]uint64
}

const bloomBits = 1 << 14

func newWordSet(m map[string]bool) *wordSet {
	w := &wordSet{m: m}
	for k := range m {
		h1, h2 := bloomHash(k)
		w.bloom[h1/64] |= 1 << (h1 % 64)
		w.bloom[h2/64] |= 1 << (h2 % 64)
	}
	return w
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
	h1, h2 := bloomHash(s)
	return w.bloomHas(h1, h2) && w.m[s]
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
		heads:       fold("heads"),
		of:          fold("of"),
		stopwords:   fold("stopwords"),
		honorifics:  fold("honorifics"),
		titles:      fold("titles"),
	}
	first := map[string]bool{}
	for t := range w.titles {
		if f := firstWord(t); f != "" {
			first[f] = true
		}
	}
	w.titleFirst = newWordSet(first)
	dem := map[string]bool{}
	l.DemonymFirstWords(func(word string) { dem[word] = true })
	w.demFirst = newWordSet(dem)
	w.emptyDet = w.determiners.m[""]
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
