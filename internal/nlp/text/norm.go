package text

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the form of a token that models see (Token.Norm): NFC,
// typographic apostrophes (’ ʼ ‘ ` ´) as ', quotation marks (« » “ ” „) as
// ", hyphens and en dashes as -, "…" as "...", and without soft hyphens or
// the spaces that group digits ("1 000" -> "1000"). It returns s itself, without
// allocating, when nothing changes. Models trained on pre-tokenised corpora
// should apply it to their training tokens too.
func Normalize(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			ascii = false
			break
		}
		if c == '`' || c == ' ' {
			return normalizeSlow(s)
		}
	}
	if ascii {
		return s
	}
	for _, r := range s {
		if r == '…' || mapRune(r) != r {
			return normalizeSlow(s)
		}
	}
	if isNFCFast(s) || norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// mapRune maps one rune for Normalize; -1 drops it, '…' expands.
func mapRune(r rune) rune {
	switch r {
	case '’', 'ʼ', '‘', '`', '´', '‛', 'ʹ', '′':
		return '\''
	case '«', '»', '“', '”', '„', '‟', '″':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212':
		return '-'
	case ' ', '\u00a0', '\u202f', '\u2009', '\u2007', '\u00ad':
		return -1
	}
	return r
}

func normalizeSlow(s string) string {
	var buf [64]byte
	out := buf[:0]
	for _, r := range s {
		if r == '…' {
			out = append(out, "..."...)
			continue
		}
		if m := mapRune(r); m >= 0 {
			out = utf8.AppendRune(out, m)
		}
	}
	if v, ok := interned[string(out)]; ok { // common forms: no allocation
		return v
	}
	return norm.NFC.String(string(out))
}

// interned holds frequent normalised forms (quotes, elisions, clitics) so
// that Normalize returns them without allocating. Built once, never
// modified.
var interned = func() map[string]string {
	m := map[string]string{}
	add := func(w string) {
		m[w] = w
		if r, n := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			u := string(unicode.ToUpper(r)) + w[n:]
			m[u] = u
		}
	}
	for _, w := range []string{`"`, "'", "-", "...", "--", "''"} {
		add(w)
	}
	for _, d := range languages {
		for w := range d.elisions {
			add(w)
		}
		for _, w := range d.clitics {
			add(w)
		}
		for w := range d.exceptions {
			add(w)
		}
	}
	return m
}()

// isNFCFast reports, without allocating, strings made only of code points
// that are NFC-stable on their own and cannot combine with neighbours
// (Latin below U+0300, Cyrillic, most general punctuation, currency); other
// strings are left to the full check.
func isNFCFast(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x300:
		case 0x400 <= r && r <= 0x482, 0x48a <= r && r <= 0x4ff:
		case 0x2002 <= r && r <= 0x206f, 0x20a0 <= r && r <= 0x20c0:
		default:
			return false
		}
	}
	return true
}
