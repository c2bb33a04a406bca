package temporal

import (
	"unicode"
	"unicode/utf8"
)

type tkind uint8

const (
	kWord tkind = iota + 1
	kNum
	kPunct
)

// token is one unit of the scanned text: a run of letters, a run of ASCII
// digits (merged with its separators into one number where the language's
// number format allows), or one other character.
type token struct {
	key    string // folded form: lower case, apostrophes and dashes unified
	num    dec    // value of a number token
	rs, re int32  // code-point offsets, end exclusive
	bs, be int32  // byte offsets
	kb, ke int32  // key bytes in the scan buffer (while scanning)
	plain  int32  // digit count of a plain digit run (no separator), else 0
	ival   int32  // value of a plain digit run of at most 9 digits
	kind   tkind
	space  bool // white space precedes
	nl     bool // a line break precedes
	upper  bool // starts with an upper-case letter
	numOK  bool // num holds the value (false on overflow)
}

func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || unicode.IsSpace(r) || r == 0x200B
}

func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029 || r == 0x85
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	if r >= 0x2000 && r <= 0x206F {
		return false // general punctuation (’ – … “), frequent in news
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// foldRune appends the folded form of r: lower case. Accents are kept:
// they tell "dès" from "des" and "à" from "a"; the data lists the
// unaccented spellings wires use where they matter ("aout").
func foldRune(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	return utf8.AppendRune(b, unicode.ToLower(r))
}

// punctKey returns the folded key of a one-character token.
func punctKey(r rune) rune {
	switch r {
	case '\u2019', '\u2018', '\u02BC', '\u2032', '`', '\u00B4':
		return '\''
	case '\u2010', '\u2011', '\u2212':
		return '-'
	case '\uFF05', '\u066A':
		return '%'
	}
	return r
}

// scan splits s into tokens, appended to toks[:0]. Number tokens are
// merged afterwards by mergeNumbers according to the language's number
// format. A key is a substring of s when s already holds it folded (lower
// case words, digits, most symbols); only the others are folded into a
// buffer.
func scan(s string, toks []token) []token {
	toks, _ = scanBuf(s, toks, nil)
	return toks
}

// scanBuf is scan with a buffer for the folded keys, returned for reuse.
func scanBuf(s string, toks []token, buf []byte) ([]token, []byte) {
	toks = toks[:0]
	buf = buf[:0]
	folded := false
	ri := 0
	space, nl := false, false
	for bi := 0; bi < len(s); {
		var r rune
		sz := 1
		if c := s[bi]; c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, sz = utf8.DecodeRuneInString(s[bi:])
		}
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r >= utf8.RuneSelf && isSpaceRune(r) {
			space = true
			if isLineBreak(r) {
				nl = true
			}
			bi += sz
			ri++
			continue
		}
		if len(toks) == cap(toks) {
			toks = append(toks, token{})
		} else {
			toks = toks[:len(toks)+1]
		}
		t := &toks[len(toks)-1]
		// Field by field: a whole-struct store costs a typed copy.
		t.key, t.num = "", dec{}
		t.rs, t.bs, t.kb, t.ke, t.plain, t.ival = int32(ri), int32(bi), -1, 0, 0, 0
		t.kind, t.space, t.nl, t.upper, t.numOK = 0, space, nl, false, false
		start := bi
		fold := false
		switch {
		case r >= '0' && r <= '9':
			t.kind = kNum
			for bi < len(s) && s[bi] >= '0' && s[bi] <= '9' {
				bi++
			}
			ri += bi - start
		case isWordRune(r):
			t.kind = kWord
			t.upper = r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r)
			for bi < len(s) {
				c := s[bi]
				if c < utf8.RuneSelf {
					if c >= 'a' && c <= 'z' {
						bi++
						ri++
						continue
					}
					if c >= 'A' && c <= 'Z' {
						fold = true
						bi++
						ri++
						continue
					}
					break
				}
				r, sz = utf8.DecodeRuneInString(s[bi:])
				if !isWordRune(r) {
					break
				}
				if !fold {
					if r < 0x100 {
						// Latin-1: À–Þ (but ×) are the upper-case letters.
						fold = r >= 0xC0 && r <= 0xDE && r != 0xD7
					} else {
						fold = unicode.ToLower(r) != r
					}
				}
				bi += sz
				ri++
			}
			if fold {
				t.kb = int32(len(buf))
				for k := start; k < bi; {
					c := s[k]
					if c < utf8.RuneSelf {
						buf = foldRune(buf, rune(c))
						k++
						continue
					}
					r, sz = utf8.DecodeRuneInString(s[k:])
					buf = foldRune(buf, r)
					k += sz
				}
			}
		default:
			t.kind = kPunct
			if pk := punctKey(r); pk != r {
				fold = true
				t.kb = int32(len(buf))
				buf = utf8.AppendRune(buf, pk)
			}
			bi += sz
			ri++
		}
		t.re, t.be = int32(ri), int32(bi)
		if fold {
			t.ke = int32(len(buf))
			folded = true
		} else {
			t.key = s[start:bi]
		}
		space, nl = false, false
	}
	if folded {
		keys := string(buf)
		for i := range toks {
			if toks[i].kb >= 0 {
				toks[i].key = keys[toks[i].kb:toks[i].ke]
			}
		}
	}
	return toks, buf
}

// mergeNumbers joins digit runs with their group and decimal separators
// ("1 000", "3,5", "1,000.5") into number tokens and computes their values.
// A run whose separators fit no reading ("18.06.2024") stays split.
func mergeNumbers(s string, toks []token, f *format) []token {
	out := toks[:0]
	n := len(toks)
	// keep appends toks[i] to out, with no copy while nothing was merged.
	keep := func(i int) {
		if len(out) == i {
			out = out[:i+1]
		} else {
			out = append(out, toks[i])
		}
	}
	for i := 0; i < n; {
		if toks[i].kind != kNum {
			keep(i)
			i++
			continue
		}
		t := &toks[i]
		// Collect the run: tokens i..j, alternating digits and separators.
		j := i
		nsep := 0
		allSpace := true
		for nsep < 64 {
			if j+2 < n && toks[j+1].kind == kPunct && (toks[j+1].key == "," || toks[j+1].key == ".") &&
				!toks[j+1].space && toks[j+2].kind == kNum && !toks[j+2].space {
				j += 2
				nsep++
				allSpace = false
				continue
			}
			if f.spaceGroup && allSpace && j+1 < n && toks[j+1].kind == kNum && toks[j+1].space && !toks[j+1].nl &&
				toks[j+1].rs-toks[j].re == 1 && toks[j+1].re-toks[j+1].rs == 3 &&
				(j > i || toks[i].re-toks[i].rs <= 3) {
				j++
				nsep++
				continue
			}
			break
		}
		if j == i {
			t.plain = t.re - t.rs
			if t.plain <= 9 {
				v := 0
				for k := 0; k < len(t.key); k++ {
					v = v*10 + int(t.key[k]-'0')
				}
				t.ival = int32(v)
			}
			t.num, t.numOK = digitsDec(t.key, 0)
			keep(i)
			i++
			continue
		}
		if frac, ok := readSeparators(toks[i:j+1], f); ok {
			m := *t
			m.re, m.be = toks[j].re, toks[j].be
			m.key = s[m.bs:m.be]
			m.num, m.numOK = digitsDec(m.key, frac)
			out = append(out, m)
			i = j + 1
			continue
		}
		// No reading: keep the tokens apart, but skip the whole run so
		// that the scan stays linear.
		for k := i; k <= j; k++ {
			u := &toks[k]
			if u.kind == kNum {
				u.plain = u.re - u.rs
				if u.plain <= 9 {
					v := 0
					for q := 0; q < len(u.key); q++ {
						v = v*10 + int(u.key[q]-'0')
					}
					u.ival = int32(v)
				}
				u.num, u.numOK = digitsDec(u.key, 0)
			}
			keep(k)
		}
		i = j + 1
	}
	return out
}

// readSeparators decides which separators of a number run are group
// separators and which one (if any) is the decimal mark; it returns the
// number of fraction digits. run alternates digit tokens with "," or "."
// tokens, or holds digit tokens separated by single spaces.
func readSeparators(run []token, f *format) (frac int, ok bool) {
	type sep struct {
		c     byte // ',', '.', or ' '
		after int  // digit count of the following group
	}
	var sepBuf [66]sep
	seps := sepBuf[:0]
	first := run[0].re - run[0].rs
	for k := 1; k < len(run); k++ {
		if run[k].kind == kPunct {
			seps = append(seps, sep{c: run[k].key[0], after: int(run[k+1].re - run[k+1].rs)})
			k++
			continue
		}
		seps = append(seps, sep{c: ' ', after: int(run[k].re - run[k].rs)})
	}
	var last byte
	nComma, nDot := 0, 0
	for _, x := range seps {
		switch x.c {
		case ',':
			nComma++
			last = x.c
		case '.':
			nDot++
			last = x.c
		}
	}
	nLast := nComma
	if last == '.' {
		nLast = nDot
	}
	kinds := 0
	if nComma > 0 {
		kinds++
	}
	if nDot > 0 {
		kinds++
	}
	decimal := byte(0)
	switch kinds {
	case 0:
	case 2:
		decimal = last
		if nLast != 1 || seps[len(seps)-1].c != last {
			return 0, false
		}
	case 1:
		if nLast == 1 {
			ls := seps[len(seps)-1]
			if ls.c == last && (last == f.decimal || ls.after != 3) {
				decimal = last
			}
		}
	}
	for idx, x := range seps {
		if x.c == decimal && idx == len(seps)-1 {
			frac = x.after
			continue
		}
		if x.c == decimal {
			return 0, false
		}
		if x.after != 3 || first > 3 {
			return 0, false
		}
	}
	return frac, true
}
