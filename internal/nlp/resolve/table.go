package resolve

import (
	"strings"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

// Every token of an article is folded before any phrase is read, the
// largest share of the work of Resolve. Tokens of ASCII letters and digits
// are folded and hashed in one loop (hashASCII, with asciiFold); most
// other tokens of Latin-script languages are words with accents and
// typographic apostrophes, folded here with a table of bytes (foldLatin)
// rather than by the general lexicon.AppendFold.

// asciiFold is what lexicon.Fold makes of each ASCII letter or digit in a
// word of them: a small letter or digit; 0 for every other byte.
var asciiFold = func() (t [256]byte) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()

// Marks of latinFold besides a folded letter.
const (
	latinComplex = 0 // left to lexicon.AppendFold
	latinSep     = 1 // a separator: punctuation or space
	latinDrop    = 2 // dropped: a dot
)

// latinFold is how lexicon.Fold treats each code point below U+0180 (ASCII,
// Latin-1, Latin Extended-A): the one ASCII letter or digit it folds to,
// latinSep, latinDrop, or latinComplex (folds to several letters, as "œ"
// or "ß"). Read from lexicon.Fold itself, between two letters.
var latinFold = func() (t [0x180]byte) {
	for r := range rune(0x180) {
		switch f := lexicon.Fold("a" + string(r) + "b"); {
		case f == "ab":
			t[r] = latinDrop
		case f == "a b":
			t[r] = latinSep
		case len(f) == 3 && f[0] == 'a' && f[2] == 'b' && ('a' <= f[1] && f[1] <= 'z' || '0' <= f[1] && f[1] <= '9'):
			t[r] = f[1]
		default:
			t[r] = latinComplex
		}
	}
	return t
}()

// rightQuote is the typographic apostrophe of "l’" and "aujourd’hui", a
// separator for lexicon.Fold.
const rightQuote = "’"

// foldLatin is lexicon.AppendFold(dst, t) for a token of code points
// whose fold is one letter, a separator or nothing (latinFold), and
// typographic apostrophes; ok is false, dst unchanged, for any other.
func foldLatin(dst []byte, t string) (out []byte, ok bool) {
	out, _, _, ok = foldLatinHash(dst, t)
	return out, ok
}

// foldLatinHash is foldLatin that also returns the FNV-1a hash of the
// folded form and whether it has several words, computed as it is
// appended.
func foldLatinHash(dst []byte, t string) (out []byte, h uint64, spaced, ok bool) {
	start := len(dst)
	h = fnvOffset
	sep := false // a separator since the last letter
	for i := 0; i < len(t); {
		var f byte
		switch c := t[i]; {
		case c < utf8.RuneSelf:
			f = latinFold[c]
			i++
		case c >= 0xC2 && c < 0xC6 && i+1 < len(t) && t[i+1]&0xC0 == 0x80:
			// Two bytes, U+0080 to U+017F.
			f = latinFold[rune(c&0x1F)<<6|rune(t[i+1]&0x3F)]
			i += 2
		case strings.HasPrefix(t[i:], rightQuote):
			f = latinSep
			i += len(rightQuote)
		default:
			return dst[:start], 0, false, false
		}
		switch f {
		case latinComplex:
			return dst[:start], 0, false, false
		case latinDrop:
		case latinSep:
			sep = true
		default:
			if sep && len(dst) > start {
				dst = append(dst, ' ')
				h = (h ^ ' ') * fnvPrime
				spaced = true
			}
			sep = false
			dst = append(dst, f)
			h = (h ^ uint64(f)) * fnvPrime
		}
	}
	return dst, h, spaced, true
}
