package lang

import (
	"unicode"
	"unicode/utf8"
)

// Feature extraction shared by training and detection: the text is
// lower-cased, every run of non-letters becomes a word boundary, each word
// is padded with a space on both sides ("␣le␣") and cut into character
// n-grams of 1 to maxOrder runes (the lone space excluded). N-grams are
// identified by a 64-bit FNV-1a hash of their runes.

const (
	maxOrder = 4
	// maxWord bounds the runes of one word that produce n-grams.
	maxWord = 24
	// MaxScanBytes is how much of a text Detect reads: the first 1 KiB of
	// an article identifies its language as well as the whole.
	MaxScanBytes = 1024
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashRune(h uint64, r rune) uint64 {
	h ^= uint64(r)
	h *= fnvPrime
	return h
}

// forEachNgram calls fn with the hash and order of every n-gram of the
// first maxBytes bytes of s (all of s when maxBytes <= 0), and returns the
// number of letters seen.
func forEachNgram(s string, maxBytes int, fn func(h uint64, order int)) int {
	return eachWord(s, maxBytes, func(w []rune) {
		for i := range w {
			h := uint64(fnvOffset)
			for k := 0; k < maxOrder && i+k < len(w); k++ {
				h = hashRune(h, w[i+k])
				if k == 0 && w[i] == ' ' {
					continue
				}
				fn(h, k+1)
			}
		}
	})
}

// forEachNgramString is forEachNgram with the n-grams themselves (for
// training).
func forEachNgramString(s string, fn func(g string, order int)) int {
	return eachWord(s, 0, func(w []rune) {
		for i := range w {
			for k := 0; k < maxOrder && i+k < len(w); k++ {
				if k == 0 && w[i] == ' ' {
					continue
				}
				fn(string(w[i:i+k+1]), k+1)
			}
		}
	})
}

// eachWord calls fn with every word of the first maxBytes bytes of s,
// lower-cased and padded with a space on both sides, and returns the number
// of letters seen. The slice is reused between calls.
func eachWord(s string, maxBytes int, fn func(w []rune)) int {
	if maxBytes > 0 && len(s) > maxBytes {
		s = s[:maxBytes]
		// do not cut a rune in two
		for len(s) > 0 && !utf8.RuneStart(s[len(s)-1]) {
			s = s[:len(s)-1]
		}
		if len(s) > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s); r == utf8.RuneError {
				s = s[:len(s)-1]
			}
		}
	}
	var word [maxWord + 2]rune
	n := 1
	word[0] = ' '
	letters := 0
	flush := func() {
		if n == 1 {
			return
		}
		word[n] = ' '
		fn(word[:n+1])
		n = 1
	}
	for _, r := range s {
		if r == '\u00ad' { // soft hyphen: invisible, inside words
			continue
		}
		if isLetter(r) {
			letters++
			if n < maxWord+1 {
				word[n] = toLower(r)
				n++
			}
			continue
		}
		flush()
	}
	flush()
	return letters
}

func isLetter(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.IsMark(r)
}

func toLower(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}
