package temporal

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tense of the clause of a relative expression: "a annoncé jeudi" and
// "said Thursday" speak of the past, "se rendra jeudi" and "will travel
// Thursday" of the future. A bare weekday is otherwise read in [ref−4,
// ref+2] (news speaks mostly of the last days and of the next two); the
// tense, when the words before it show one, picks [ref−6, ref] or [ref,
// ref+6] instead. It also keeps a date without a year on its side of ref
// (chooseYear) and makes "in 23 years" after a past tense a duration.
const (
	tenseNone   int8 = 0
	tensePast   int8 = -1
	tenseFuture int8 = 1
	// tenseSpan marks a superlative ("highest", "first"): "in 23 years"
	// after it is a span back in time ("its highest level in 23 years"),
	// while a weekday after it has no tense ("the first debate on
	// Thursday"). tenseBefore reads it as tensePast for "in", else passes
	// it over.
	tenseSpan int8 = 2
)

// tenseWindow bounds the lower-case words read back from a weekday (the
// capitalised ones of names in between are not counted, up to
// tenseMaxWords words in all), and tenseBytes the bytes of text they are
// looked for in.
const (
	tenseWindow   = 6
	tenseMaxWords = 16
	tenseBytes    = 160
)

// tenseEntry is one line of tense.txt: the tense a word shows, and, when
// after is set, only right after one of those words ("s'est tenu": est
// after s or se); never right after one of notAfter ("held = past !be":
// "will be held").
type tenseEntry struct {
	tense    int8
	after    []string
	notAfter []string
}

// tenseSuffix is a suffix rule of tense.txt ("*ed = past"), which does
// not hold right after one of notAfter ("*ed = past !be": "will be held").
type tenseSuffix struct {
	suffix   string
	tense    int8
	notAfter []string
}

// tenseLexicon is a language's tense.txt: lower-case word forms (accents
// kept: French "a" is a verb, "à" a preposition) and suffix rules, the
// words taking precedence ("expected = future" before "*ed = past"; "none"
// stops a suffix rule: "need").
type tenseLexicon struct {
	words    map[string]tenseEntry
	suffixes []tenseSuffix // longest first
	finals   [256]bool     // last bytes of the suffixes
}

func (tl *tenseLexicon) empty() bool { return len(tl.words) == 0 && len(tl.suffixes) == 0 }

// add reads one line: "word = past|future|none [after words…] [!not-after
// words…]" or "*suffix = past|future|none [!not-after words…]".
func (tl *tenseLexicon) add(lhs, rhs string) error {
	f := strings.Fields(rhs)
	var t int8
	switch f[0] {
	case "past":
		t = tensePast
	case "future":
		t = tenseFuture
	case "none":
		t = tenseNone
	case "span":
		t = tenseSpan
	default:
		return fmt.Errorf("tense %q: want past, future, span or none: %w", rhs, errSyntax)
	}
	lhs = strings.ToLower(lhs)
	if s, ok := strings.CutPrefix(lhs, "*"); ok {
		if s == "" {
			return fmt.Errorf("tense suffix %q: %w", lhs, errSyntax)
		}
		sf := tenseSuffix{suffix: s, tense: t}
		for _, w := range f[1:] {
			w, ok := strings.CutPrefix(w, "!")
			if !ok || w == "" {
				return fmt.Errorf("tense suffix %q: want !word exceptions: %w", rhs, errSyntax)
			}
			sf.notAfter = append(sf.notAfter, strings.ToLower(w))
		}
		// Longest first; among equals, in file order.
		at := sort.Search(len(tl.suffixes), func(i int) bool { return len(tl.suffixes[i].suffix) < len(s) })
		tl.suffixes = slices.Insert(tl.suffixes, at, sf)
		tl.finals[s[len(s)-1]] = true
		return nil
	}
	if strings.ContainsFunc(lhs, func(r rune) bool { return !isTenseRune(r) }) {
		return fmt.Errorf("tense word %q: one word of letters: %w", lhs, errSyntax)
	}
	if tl.words == nil {
		tl.words = map[string]tenseEntry{}
	}
	e := tenseEntry{tense: t}
	for _, w := range f[1:] {
		if n, ok := strings.CutPrefix(w, "!"); ok && n != "" {
			e.notAfter = append(e.notAfter, strings.ToLower(n))
			continue
		}
		e.after = append(e.after, strings.ToLower(w))
	}
	tl.words[lhs] = e
	return nil
}

func isTenseRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// clauseMark reports whether r ends the clause a tense is read back in.
func clauseMark(r rune) bool {
	switch r {
	case '.', '!', '?', ';', ':', '«', '»', '"', '“', '”', '(', ')', '[', ']', '\n', '\r':
		return true
	}
	return false
}

// tenseBefore reads the tense of the words of src before byte offset at,
// back to the start of the clause (a sentence or quotation mark, a line
// break) and at most tenseWindow words: the first word with an entry or a
// suffix rule decides. Capitalised words (names) are passed over, and so
// are superlatives (span entries) unless spans is set, when they read as
// the past.
func (tl *tenseLexicon) tenseBefore(src string, at int, spans bool) int8 {
	if tl.empty() || at <= 0 || at > len(src) {
		return tenseNone
	}
	s := src[max(at-tenseBytes, 0):at]
	// Words are read back from the end, last first; a word is judged once
	// the one before it is read (for the "after" tests).
	var words [tenseMaxWords + 1]string
	n, judged, lower := 0, 0, 0
	end := len(s)
	for {
		more := end > 0 && n < len(words)
		if more {
			w, start, ok := prevWord(s, end)
			if ok {
				words[n] = w
				n++
				end = start
			} else {
				more = false
			}
		}
		// Judge every word whose predecessor is known (all, at the end).
		for judged < n-1 || !more && judged < n {
			i := judged
			judged++
			w := words[i]
			if upperInitial(w) {
				continue
			}
			if lower++; lower > tenseWindow {
				return tenseNone
			}
			prev := ""
			if i+1 < n {
				prev = words[i+1]
			}
			if t, ok := tl.judge(w, prev, spans); ok {
				return t
			}
		}
		if !more {
			return tenseNone
		}
	}
}

// prevWord returns the word of s ending at or before end, after no clause
// mark; ok is false when there is none.
func prevWord(s string, end int) (w string, start int, ok bool) {
	for end > 0 {
		if c := s[end-1]; c < utf8.RuneSelf { // ASCII: no decoding
			if asciiLetter(c) {
				break
			}
			if clauseMark(rune(c)) {
				return "", 0, false
			}
			end--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if isTenseRune(r) {
			break
		}
		if clauseMark(r) {
			return "", 0, false
		}
		end -= size
	}
	start = end
	for start > 0 {
		if c := s[start-1]; c < utf8.RuneSelf {
			if !asciiLetter(c) {
				break
			}
			start--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !isTenseRune(r) {
			break
		}
		start -= size
	}
	return s[start:end], start, start < end
}

// upperInitial reports whether the word w (not empty) starts with an
// upper-case letter.
func upperInitial(w string) bool {
	if c := w[0]; c < utf8.RuneSelf {
		return c-'A' < 26
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// asciiLetter reports whether an ASCII byte is a letter (isTenseRune).
func asciiLetter(c byte) bool { return (c|0x20)-'a' < 26 }

// judge returns the tense lower-case word w shows, prev being the word
// before it ("" for none); ok is false when w decides nothing.
func (tl *tenseLexicon) judge(w, prev string, spans bool) (int8, bool) {
	w = strings.ToLower(w)
	if e, ok := tl.words[w]; ok {
		if len(e.after) > 0 && !slices.Contains(e.after, strings.ToLower(prev)) ||
			len(e.notAfter) > 0 && slices.Contains(e.notAfter, strings.ToLower(prev)) {
			return tenseNone, false
		}
		switch {
		case e.tense == tenseSpan && spans:
			return tensePast, true
		case e.tense == tenseSpan, e.tense == tenseNone:
			return tenseNone, false
		}
		return e.tense, true
	}
	if len(w) < 4 || !tl.finals[w[len(w)-1]] || utf8.RuneCountInString(w) < 4 {
		return tenseNone, false
	}
	for _, sf := range tl.suffixes {
		if strings.HasSuffix(w, sf.suffix) {
			if len(sf.notAfter) > 0 && slices.Contains(sf.notAfter, strings.ToLower(prev)) {
				return tenseNone, false // "will be held": the word before decides
			}
			return sf.tense, sf.tense != tenseNone
		}
	}
	return tenseNone, false
}

// weekdayTense returns the day offset from ref of weekday wd read with
// tense t: the last one up to ref (past), the next one from ref (future),
// else the one in [ref−4, ref+2].
func (r refDate) weekdayTense(wd int, t int8) int {
	o := r.weekdayOffset(wd, 0) // in [−4, 2]
	switch {
	case t == tensePast && o > 0:
		return o - 7
	case t == tenseFuture && o < 0:
		return o + 7
	}
	return o
}
