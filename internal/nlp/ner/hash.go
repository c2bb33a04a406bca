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

// table is an open-addressing hash table from non-zero uint64 keys to
// uint32 values, built once and read concurrently.
type table struct {
	keys []uint64
	vals []uint32
	mask uint64
}

func fixKey(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

func newTable(m map[uint64]uint32) table {
	size := 16
	for size < len(m)*2 {
		size <<= 1
	}
	t := table{keys: make([]uint64, size), vals: make([]uint32, size), mask: uint64(size - 1)}
	for k, v := range m {
		t.put(k, v)
	}
	return t
}

func newTableFrom(ks []uint64, vs []uint32) table {
	size := 16
	for size < len(ks)*2 {
		size <<= 1
	}
	t := table{keys: make([]uint64, size), vals: make([]uint32, size), mask: uint64(size - 1)}
	for i, k := range ks {
		t.put(k, vs[i])
	}
	return t
}

func (t *table) put(k uint64, v uint32) {
	k = fixKey(k)
	i := (k * 0x9E3779B97F4A7C15) >> 7 & t.mask
	for {
		if t.keys[i] == 0 || t.keys[i] == k {
			t.keys[i] = k
			t.vals[i] = v
			return
		}
		i = (i + 1) & t.mask
	}
}

func (t *table) get(k uint64) (uint32, bool) {
	if len(t.keys) == 0 {
		return 0, false
	}
	k = fixKey(k)
	i := (k * 0x9E3779B97F4A7C15) >> 7 & t.mask
	for {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case 0:
			return 0, false
		}
		i = (i + 1) & t.mask
	}
}

// entries returns the table's non-empty entries.
func (t *table) entries() ([]uint64, []uint32) {
	var ks []uint64
	for _, k := range t.keys {
		if k != 0 {
			ks = append(ks, k)
		}
	}
	slices.Sort(ks)
	vs := make([]uint32, len(ks))
	for i, k := range ks {
		vs[i], _ = t.get(k)
	}
	return ks, vs
}

func decodeRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }
