package temporal

import (
	"slices"
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
//
// A token holds no pointer, so that the scan writes no pointer into the
// token buffer (no write barrier while the garbage collector marks, a
// buffer it does not scan): its key is the bytes [ko, ko+kl) of the key
// text the scan returns (see key).
type token struct {
	rs, re int32 // code-point offsets, end exclusive
	bs, be int32 // byte offsets
	ko, kl int32 // key: folded form (lower case, apostrophes and dashes unified), in the key text
	// id is the id of the token (see extract): of its key in the
	// language's vocabulary, else numID for a number, else 0 (set by
	// extract).
	id    int32
	plain int32 // digit count of a plain digit run (no separator), else 0
	ival  int32 // value of a plain digit run of at most 9 digits
	frac  int32 // digits after the decimal mark of a number token (see number)
	kind  tkind
	space bool // white space precedes
	nl    bool // a line break precedes
	upper bool // starts with an upper-case letter
	// lex holds the word lists the key belongs to: the lexicons with a
	// phrase starting with it and the format's lists (see language.lexBits;
	// set by extract).
	lex uint16
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

// scan splits s into tokens, appended to toks[:0], and returns them with
// the text of their keys (see token.key). Number tokens are merged
// afterwards by mergeNumbers according to the language's number format. A
// key is a substring of s when s already holds it folded (lower case
// words, digits, most symbols); only the others are folded into a buffer,
// the folded part of the key text.
func scan(s string, toks []token) ([]token, keyText) {
	toks, keys, _ := scanBuf(s, toks, nil)
	return toks, keys
}

// keyText holds the keys of a scan: the text s, then the folded keys,
// whose offsets run on from len(s). They are kept apart so that the scan
// does not copy the text (a copy that, inside Enrich, also wrote a
// text's worth of lines out of the caches).
type keyText struct {
	s, folded string
}

// key returns the key of t in keys, the key text of its scan.
func (t *token) key(keys keyText) string {
	if o := int(t.ko) - len(keys.s); o >= 0 {
		return keys.folded[o : o+int(t.kl)]
	}
	return keys.s[t.ko : t.ko+t.kl]
}

// ASCII classes for the scan's fast path.
const (
	aOther uint8 = iota // a symbol, or a control character other than the spaces below
	aSpace              // ' ', '\t'
	aBreak              // '\n', '\r'
	aLower
	aUpper
	aDigit
)

var asciiClass = func() (c [utf8.RuneSelf]uint8) {
	c[' '], c['\t'] = aSpace, aSpace
	c['\n'], c['\r'] = aBreak, aBreak
	for b := 'a'; b <= 'z'; b++ {
		c[b] = aLower
		c[b-'a'+'A'] = aUpper
	}
	for b := '0'; b <= '9'; b++ {
		c[b] = aDigit
	}
	return c
}()

// foldsRune reports whether a non-ASCII letter changes when folded.
func foldsRune(r rune) bool {
	if r < 0x100 {
		// Latin-1: À–Þ (but ×) are the upper-case letters.
		return r >= 0xC0 && r <= 0xDE && r != 0xD7
	}
	return unicode.ToLower(r) != r
}

// scanWord reads the word that starts at s[i] (a letter): it returns its
// end, its length in code points, whether its key differs from its text
// (an upper-case letter) and whether it starts with an upper-case letter.
// Kept apart from scanBuf (and not inlined), its loops keep their state in
// registers.
//
//go:noinline
func scanWord(s string, i int) (end, n int, fold, upper bool) {
	if c := s[i]; c < utf8.RuneSelf {
		upper = c < 'a'
		fold = upper
		i++
	} else {
		r, sz := utf8.DecodeRuneInString(s[i:])
		upper = unicode.IsUpper(r)
		fold = foldsRune(r)
		i += sz
	}
	n = 1
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c|0x20)-'a' >= 26 {
				break
			}
			fold = fold || c < 'a'
			i++
			n++
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		if !fold {
			fold = foldsRune(r)
		}
		i += sz
		n++
	}
	return i, n, fold, upper
}

// appendFolded appends the folded form of the word w.
//
//go:noinline
func appendFolded(buf []byte, w string) []byte {
	for k := 0; k < len(w); {
		c := w[k]
		if c < utf8.RuneSelf {
			if c-'A' < 26 {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			k++
			continue
		}
		r, sz := utf8.DecodeRuneInString(w[k:])
		buf = foldRune(buf, r)
		k += sz
	}
	return buf
}

// scanBuf is scan with a buffer for the folded keys, returned for reuse.
// A key that s holds is its bytes in s.
func scanBuf(s string, toks []token, buf []byte) ([]token, keyText, []byte) {
	toks = toks[:0]
	buf = buf[:0]
	folded := false
	base := int32(len(s))
	ri := 0
	space, nl := false, false
	for bi := 0; bi < len(s); {
		// Runs of ASCII tokens, most of a text, in a loop with no call
		// (which would keep its state in memory): white space, digits,
		// symbols, and words that are small letters after their first
		// and end before an ASCII byte that is no letter.
	fast:
		for bi < len(s) && len(toks) < cap(toks) {
			c := s[bi]
			if c >= utf8.RuneSelf {
				break
			}
			start := bi
			kind := kPunct
			upper := false
			ko, kl := int32(bi), int32(1)
			switch asciiClass[c] {
			case aSpace:
				space = true
				bi++
				ri++
				continue
			case aBreak:
				space, nl = true, true
				bi++
				ri++
				continue
			case aDigit:
				kind = kNum
				bi++
				for bi < len(s) && s[bi]-'0' < 10 {
					bi++
				}
				kl = int32(bi - start)
			case aLower, aUpper:
				end := bi + 1
				for end < len(s) && s[end]-'a' < 26 {
					end++
				}
				if end < len(s) && (s[end] >= utf8.RuneSelf || (s[end]|0x20)-'a' < 26) {
					break fast // read by scanWord
				}
				kind = kWord
				kl = int32(end - bi)
				if upper = c < 'a'; upper {
					// The key: the word with a small first letter.
					n := len(buf)
					if cap(buf)-n < end-bi {
						break fast
					}
					buf = buf[:n+end-bi]
					buf[n] = c + 'a' - 'A'
					for k := bi + 1; k < end; k++ {
						buf[n+k-bi] = s[k]
					}
					ko = base + int32(n)
					folded = true
				}
				bi = end
			default:
				if c == '`' {
					break fast // folds to an apostrophe
				}
				bi++
			}
			ri += bi - start
			toks = toks[:len(toks)+1]
			toks[len(toks)-1].set(ri-(bi-start), ri, start, bi, ko, kl, kind, space, nl, upper)
			space, nl = false, false
		}
		if bi >= len(s) {
			break
		}
		// Any other token, one at a time.
		c := s[bi]
		cls := aOther
		r, sz := rune(c), 1
		if c < utf8.RuneSelf {
			cls = asciiClass[c]
			if cls == aSpace || cls == aBreak {
				space = true
				nl = nl || cls == aBreak
				bi++
				ri++
				continue
			}
		} else {
			r, sz = utf8.DecodeRuneInString(s[bi:])
			if isSpaceRune(r) {
				space = true
				if isLineBreak(r) {
					nl = true
				}
				bi += sz
				ri++
				continue
			}
			if isWordRune(r) {
				cls = aLower // a word, read by scanWord
			}
		}
		start, rs := bi, ri
		kind := kPunct
		upper, fold := false, false
		ko := int32(start)
		switch cls {
		case aDigit:
			kind = kNum
			bi++
			for bi < len(s) && s[bi]-'0' < 10 {
				bi++
			}
			ri += bi - start
		case aLower, aUpper:
			kind = kWord
			var n int
			bi, n, fold, upper = scanWord(s, bi)
			ri += n
			if fold {
				ko = base + int32(len(buf))
				buf = appendFolded(buf, s[start:bi])
			}
		default:
			if pk := punctKey(r); pk != r {
				fold = true
				ko = base + int32(len(buf))
				buf = utf8.AppendRune(buf, pk)
			}
			bi += sz
			ri++
		}
		kl := int32(bi - start)
		if fold {
			kl = base + int32(len(buf)) - ko
			folded = true
		}
		if len(toks) == cap(toks) {
			toks = slices.Grow(toks, len(toks)/2+64)
		}
		toks = toks[:len(toks)+1]
		toks[len(toks)-1].set(rs, ri, start, bi, ko, kl, kind, space, nl, upper)
		space, nl = false, false
	}
	keys := keyText{s: s}
	if folded {
		keys.folded = string(buf)
	}
	return toks, keys, buf
}

// set makes t the token of code points [rs, re), bytes [bs, be), with the
// key [ko, ko+kl) of its key text. It writes every field, field by field
// (a composite literal would be built on the stack and copied): the scan
// reuses its buffer.
func (t *token) set(rs, re, bs, be int, ko, kl int32, kind tkind, space, nl, upper bool) {
	t.rs, t.re, t.bs, t.be, t.ko, t.kl = int32(rs), int32(re), int32(bs), int32(be), ko, kl
	t.id, t.plain, t.ival, t.frac = 0, 0, 0, 0
	t.kind, t.space, t.nl, t.upper, t.lex = kind, space, nl, upper, 0
}

// mergeNumbers joins digit runs with their group and decimal separators
// ("1 000", "3,5", "1,000.5") into number tokens and computes their values.
// A run whose separators fit no reading ("18.06.2024") stays split.
func mergeNumbers(s string, toks []token, f *format) []token {
	out := toks[:0]
	n := len(toks)
	// kept is where the tokens kept as they are, not yet in out, start:
	// they move in one copy (none while nothing was merged) when a merged
	// token is appended, and at the end.
	kept := 0
	flush := func(i int) {
		if len(out) == kept {
			out = out[:i]
		} else {
			out = append(out, toks[kept:i]...)
		}
		kept = i
	}
	for i := 0; i < n; {
		if toks[i].kind != kNum {
			i++
			continue
		}
		t := &toks[i]
		// Collect the run: tokens i..j, alternating digits and separators.
		j := i
		nsep := 0
		allSpace := true
		for nsep < 64 {
			if j+2 < n && toks[j+1].kind == kPunct && isDecSep(s, &toks[j+1]) &&
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
			setPlain(s, t)
			i++
			continue
		}
		if frac, ok := readSeparators(s, toks[i:j+1], f); ok {
			m := *t
			m.re, m.be = toks[j].re, toks[j].be
			m.ko, m.kl = m.bs, m.be-m.bs
			m.frac = int32(frac)
			flush(i)
			out = append(out, m)
			i = j + 1
			kept = i
			continue
		}
		// No reading: keep the tokens apart, but skip the whole run so
		// that the scan stays linear.
		for k := i; k <= j; k++ {
			if toks[k].kind == kNum {
				setPlain(s, &toks[k])
			}
		}
		i = j + 1
	}
	flush(n)
	return out
}

// setPlain sets plain and ival of t, a digit run that stays alone.
func setPlain(s string, t *token) {
	t.plain = t.re - t.rs
	if t.plain <= 9 {
		v := 0
		for k := t.bs; k < t.be; k++ {
			v = v*10 + int(s[k]-'0')
		}
		t.ival = int32(v)
	}
}

// isDecSep reports whether t is a "," or "." (never folded: its key is its
// byte in s).
func isDecSep(s string, t *token) bool {
	return t.be-t.bs == 1 && (s[t.bs] == ',' || s[t.bs] == '.')
}

// readSeparators decides which separators of a number run are group
// separators and which one (if any) is the decimal mark; it returns the
// number of fraction digits. run alternates digit tokens with "," or "."
// tokens, or holds digit tokens separated by single spaces.
func readSeparators(s string, run []token, f *format) (frac int, ok bool) {
	type sep struct {
		c     byte // ',', '.', or ' '
		after int  // digit count of the following group
	}
	var sepBuf [66]sep
	seps := sepBuf[:0]
	first := run[0].re - run[0].rs
	for k := 1; k < len(run); k++ {
		if run[k].kind == kPunct {
			seps = append(seps, sep{c: s[run[k].bs], after: int(run[k+1].re - run[k+1].rs)})
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
