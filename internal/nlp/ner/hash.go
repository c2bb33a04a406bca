package ner

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix combines two 64-bit values into a well-spread hash.
func mix(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ b
	h ^= h >> 29
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 32
	h *= 0x94D049BB133111EB
	h ^= h >> 29
	return h
}

// hashRow maps a feature hash to one of 1<<bits weight rows
// (multiplicative hashing: the high bits of h times an odd constant).
func hashRow(h uint64, bits uint) uint32 {
	return uint32((h * 0xD6E8FEB86659FD93) >> (64 - bits))
}

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// foldRune is the normalisation applied to every word before lexical
// look-ups: lower case, typographic apostrophes and quotes unified.
func foldRune(r rune) rune {
	switch r {
	case '’', '‘', 'ʼ', '`', '´', '′':
		return '\''
	case '“', '”', '„', '«', '»':
		return '"'
	case '–', '—', '‐', '‑':
		return '-'
	}
	return unicode.ToLower(r)
}

// appendFold appends the folded form of s to dst.
func appendFold(dst []byte, s string) []byte {
	for _, r := range s {
		dst = utf8.AppendRune(dst, foldRune(r))
	}
	return dst
}

// Fold returns the folded form of a word used for lexical look-ups.
func Fold(s string) string { return string(appendFold(nil, s)) }

// WordKey is the key of a word in the model's lexicon and gazetteer:
// the hash of its folded (lower-cased, apostrophe-unified) form.
func WordKey(s string) uint64 {
	h := uint64(fnvOffset)
	var buf [4]byte
	for _, r := range s {
		n := utf8.EncodeRune(buf[:], foldRune(r))
		for _, c := range buf[:n] {
			h ^= uint64(c)
			h *= fnvPrime
		}
	}
	return h
}

const gazSeed = 0x51ED27A3C0FFEE11

// PhraseKey is the gazetteer key of a phrase given by its words' WordKeys.
func PhraseKey(words []uint64) uint64 {
	h := uint64(gazSeed)
	for _, w := range words {
		h = mix(h, w)
	}
	return h
}

// table is an open-addressing hash table from uint64 keys to uint32
// values, built once and read concurrently. It stores a 32-bit fingerprint
// of each key (the high half; the low half picks the slot), so a lookup may
// in principle confuse two keys whose both halves collide in one probe run:
// a negligible risk for feature look-ups, for half the memory.
type table struct {
	fps  []uint32
	vals []uint32
	mask uint64
	n    int
}

func fingerprint(k uint64) uint32 { return uint32(k>>32) | 1 }

func tableSize(n int) int {
	size := 16
	for size*3 < n*4 { // load factor at most 3/4
		size <<= 1
	}
	return size
}

func newTable(m map[uint64]uint32) table {
	ks := make([]uint64, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	vs := make([]uint32, len(ks))
	for i, k := range ks {
		vs[i] = m[k]
	}
	return newTableFrom(ks, vs)
}

// newTableFrom builds a table from keys in increasing order (as written
// by entries), so that the layout is deterministic.
func newTableFrom(ks []uint64, vs []uint32) table {
	size := tableSize(len(ks))
	t := table{fps: make([]uint32, size), vals: make([]uint32, size), mask: uint64(size - 1)}
	for i, k := range ks {
		t.put(k, vs[i])
	}
	return t
}

func (t *table) put(k uint64, v uint32) {
	fp := fingerprint(k)
	i := k & t.mask
	for {
		if t.fps[i] == 0 {
			t.fps[i], t.vals[i] = fp, v
			t.n++
			return
		}
		if t.fps[i] == fp {
			t.vals[i] = v
			return
		}
		i = (i + 1) & t.mask
	}
}

func (t *table) get(k uint64) (uint32, bool) {
	if len(t.fps) == 0 {
		return 0, false
	}
	fp := fingerprint(k)
	i := k & t.mask
	for {
		switch t.fps[i] {
		case fp:
			return t.vals[i], true
		case 0:
			return 0, false
		}
		i = (i + 1) & t.mask
	}
}

func decodeRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }
