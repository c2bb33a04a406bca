package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable maps the runes of Latin-1 and Latin Extended-A (below 0x180)
// to their folded form; built once, never modified.
var foldTable = func() [0x180]string {
	var t [0x180]string
	for r := rune(0); r < 0x180; r++ {
		t[r] = foldRuneSlow(r)
	}
	return t
}()

// ASCII bytes in asciiFold: a lower-case letter or digit, or one of these.
const (
	asciiSep  = 0 // punctuation and space: a separator
	asciiDrop = 1 // a dot: dropped
)

// asciiFold maps each ASCII byte to its folded byte (foldTable's one-byte
// forms, asciiSep or asciiDrop); built once, never modified.
var asciiFold = func() [utf8.RuneSelf]byte {
	var t [utf8.RuneSelf]byte
	for r := range utf8.RuneSelf {
		switch f := foldTable[r]; f {
		case "":
			t[r] = asciiSep
		case "\x00":
			t[r] = asciiDrop
		default:
			t[r] = f[0]
		}
	}
	return t
}()

// foldRuneSlow folds one rune: "" for punctuation and space (a separator),
// "\x00" for a dot or a combining mark (dropped), else the lower-case
// letters without accents.
func foldRuneSlow(r rune) string {
	switch {
	case r == '.' || unicode.Is(unicode.Mn, r):
		return "\x00"
	case !unicode.IsLetter(r) && !unicode.IsDigit(r):
		return ""
	}
	switch r {
	case 'œ', 'Œ':
		return "oe"
	case 'æ', 'Æ':
		return "ae"
	case 'ß':
		return "ss"
	case 'ø', 'Ø':
		return "o"
	case 'ł', 'Ł':
		return "l"
	case 'đ', 'Đ':
		return "d"
	}
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		b.WriteRune(unicode.ToLower(d))
	}
	return b.String()
}

// IsFolded reports whether s is already in folded form (ASCII lower-case
// letters and digits, single inner spaces), so Fold would return it as is.
func IsFolded(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			prevSpace = false
		case c == ' ' && !prevSpace:
			prevSpace = true
		default:
			return false
		}
	}
	return true
}

// Fold normalises a name for matching: lower case, accents removed,
// ligatures expanded, dots dropped ("U.S." = "US"), every other run of
// punctuation, hyphens, apostrophes and spaces collapsed into one space,
// trimmed. Fold("États-Unis") == Fold("Etats Unis") == "etats unis".
// A string already in folded form is returned as is (no allocation).
func Fold(s string) string {
	if IsFolded(s) {
		return s
	}
	var buf [64]byte
	return string(AppendFold(buf[:0], s))
}

// AppendFold appends Fold(s) to dst and returns the extended slice; with a
// caller's stack buffer it folds without allocating, for map lookups
// written m[string(b)].
func AppendFold(dst []byte, s string) []byte {
	if IsFolded(s) {
		return append(dst, s...)
	}
	start := len(dst)
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, one byte: no rune decoding, no string.
			i++
			switch f := asciiFold[c]; f {
			case asciiDrop:
			case asciiSep:
				space = true
			default:
				if space && len(dst) > start {
					dst = append(dst, ' ')
				}
				space = false
				dst = append(dst, f)
			}
			continue
		}
		var r rune
		if c := s[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// Two bytes (Latin-1, Latin Extended, …), decoded here as
			// utf8.DecodeRuneInString does.
			r = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			i += 2
		} else {
			var w int
			r, w = utf8.DecodeRuneInString(s[i:])
			i += w
		}
		var f string
		if r < 0x180 {
			f = foldTable[r]
		} else {
			f = foldRuneSlow(r)
		}
		switch f {
		case "\x00":
			continue
		case "":
			space = true
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = append(dst, f...)
	}
	return dst
}
