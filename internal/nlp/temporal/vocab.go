package temporal

import (
	"math/bits"
	"unicode/utf8"
)

// vocabIndex maps the keys of a language's vocabulary to their ids and
// holds, by id, everything the matcher reads of a token: its record, one
// cache line. The id of a key is its slot in an open-addressing table of
// these records, whose slots hold the first bytes of their key.
//
// It replaces a Go map of strings and separate tables by id on the path
// every token takes: inside Enrich, the NER tagger has just pushed them
// out of the caches, and each line a token read (the map's groups, the
// key's bytes elsewhere in the heap, then its entry in each table) was a
// miss. Here a lookup reads one word of a Bloom filter, which refuses at
// once most keys outside the vocabulary (plain words, the bulk of a text),
// and for the others mostly the one line of their record, which the
// matcher reads next anyway.
type vocabIndex struct {
	bloom []uint64
	// recs are the slots of the table (recs[0] is never one: id 0 is no
	// key), then the record of numID, the number tokens outside the
	// vocabulary.
	recs []tokenRec
	// tags holds by slot 8 bits of the hash of its key, never 0; 0 for an
	// empty slot: a lookup probes them, a few lines, and reads a record
	// only when the tag fits.
	tags  []uint8
	shift uint     // the slot of a hash h is h >> shift
	long  []string // by id: the keys longer than a slot's prefix, whole
	// ascii holds the ids of the one-byte ASCII keys, 0 for the others:
	// punctuation, a third of a text's tokens, is looked up without a
	// hash.
	ascii [utf8.RuneSelf]int32
}

// vocabPrefix is the number of a key's bytes a record holds.
const vocabPrefix = 11

// membWords is the size of a record's memberships: 256 filters. A
// language with more filters tests the others as passing (they are quick
// tests; see tokenRec.accept).
const membWords = 4

// tokenRec is the record of a token id, 64 bytes: the filters the token
// passes, the start list of the patterns it may start, the word lists it
// belongs to, and its key (a slot of the table: the key's length, capped
// at 255, 0 for an empty slot, and its first bytes).
type tokenRec struct {
	memb [membWords]uint64
	sl   startList
	lex  uint16
	n    uint8
	pre  [vocabPrefix]byte
}

// vocabHash hashes a key, eight bytes at a time (keys are short: most
// take one step), then mixes (the splitmix64 finalizer) so that the high
// bits (the slot) and the low bits (the Bloom filter) depend on every
// byte.
func vocabHash(k string) uint64 {
	h := uint64(len(k)) * 0x9e3779b97f4a7c15
	for len(k) >= 8 {
		h = (h ^ le64(k)) * 0xbf58476d1ce4e5b9
		h ^= h >> 31
		k = k[8:]
	}
	var w uint64
	for i := len(k) - 1; i >= 0; i-- {
		w = w<<8 | uint64(k[i])
	}
	h ^= w
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// le64 reads the first eight bytes of k, little-endian.
func le64(k string) uint64 {
	_ = k[7]
	return uint64(k[0]) | uint64(k[1])<<8 | uint64(k[2])<<16 | uint64(k[3])<<24 |
		uint64(k[4])<<32 | uint64(k[5])<<40 | uint64(k[6])<<48 | uint64(k[7])<<56
}

// newVocabIndex builds the index of keys (distinct, non-empty; sorted, so
// that the ids do not depend on map order) and returns it with the ids of
// the keys, in their order.
func newVocabIndex(keys []string) (vocabIndex, []int32) {
	n := len(keys)
	// A load of at most 3/4 with slot 0 unused, and about 16 Bloom bits
	// per key.
	size := 1 << bits.Len(uint(n+n/3+1))
	words := 1 << bits.Len(uint(n/4))
	x := vocabIndex{
		bloom: make([]uint64, words),
		recs:  make([]tokenRec, size+1),
		tags:  make([]uint8, size),
		shift: uint(64 - bits.TrailingZeros(uint(size))),
		long:  make([]string, size),
	}
	ids := make([]int32, n)
	for j, k := range keys {
		h := vocabHash(k)
		w, b := x.bloomBits(h)
		x.bloom[w] |= b
		i := x.home(h)
		for x.tags[i] != 0 {
			i = x.step(i)
		}
		x.tags[i] = vocabTag(h)
		r := &x.recs[i]
		r.n = uint8(min(len(k), 255))
		copy(r.pre[:], k)
		if len(k) > vocabPrefix {
			x.long[i] = k
		}
		ids[j] = int32(i)
		if len(k) == 1 && k[0] < utf8.RuneSelf {
			x.ascii[k[0]] = int32(i)
		}
	}
	return x, ids
}

// numID is the id of the number tokens outside the vocabulary.
func (x *vocabIndex) numID() int32 { return int32(len(x.recs) - 1) }

// home returns the first slot to probe for hash h (never 0).
func (x *vocabIndex) home(h uint64) int { return max(int(h>>x.shift), 1) }

// step returns the slot probed after i (never 0).
func (x *vocabIndex) step(i int) int { return max((i+1)&(len(x.recs)-2), 1) }

// bloomBits returns the word of the Bloom filter for hash h and its two
// bits in it: one word, so that a test reads one cache line.
func (x *vocabIndex) bloomBits(h uint64) (int, uint64) {
	return int(h>>12) & (len(x.bloom) - 1), 1<<(h&63) | 1<<((h>>6)&63)
}

// may reports whether the key of hash h may be in the vocabulary; it never
// refuses a key that is.
func (x *vocabIndex) may(h uint64) bool {
	w, b := x.bloomBits(h)
	return x.bloom[w]&b == b
}

// id returns the id of k, 0 when k is not in the vocabulary.
func (x *vocabIndex) id(k string) int32 {
	if len(k) == 1 && k[0] < utf8.RuneSelf {
		return x.ascii[k[0]]
	}
	h := vocabHash(k)
	if !x.may(h) {
		return 0
	}
	tag := vocabTag(h)
	for i := x.home(h); ; i = x.step(i) {
		switch x.tags[i] {
		case 0:
			return 0
		case tag:
			if x.recs[i].match(k) && (len(k) <= vocabPrefix || x.long[i] == k) {
				return int32(i)
			}
		}
	}
}

// vocabTag returns the tag of hash h (bits that neither the slot nor the
// Bloom filter use), never 0.
func vocabTag(h uint64) uint8 { return uint8(h>>24) | 1 }

// match reports whether the record's key length and prefix fit k.
func (r *tokenRec) match(k string) bool {
	if int(r.n) != min(len(k), 255) {
		return false
	}
	p := k
	if len(p) > vocabPrefix {
		p = p[:vocabPrefix]
	}
	return string(r.pre[:len(p)]) == p
}

// accept reports whether t passes filter f (filter.accept, through the
// record of t's id; see buildMemberships).
func (x *vocabIndex) accept(t *token, f fidx) bool {
	if f >= membWords*64 {
		return true
	}
	return x.recs[t.id].memb[f>>6]&(1<<(f&63)) != 0
}
