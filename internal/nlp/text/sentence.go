package text

import "unicode"

// sentences splits toks into sentences: after terminal punctuation (and the
// closing quotes or brackets that follow it) before a token that can start
// a sentence, after an abbreviation such as "etc." before an upper-case
// word (not a listed continuation: "5 p.m. Tuesday"), after a name ending
// such as "Inc." or an initial before a listed sentence starter ("Warner
// Bros. Discovery" goes on), at a blank line, and at a line break unless
// the line visibly goes on (comma at its end, lower-case word after it).
func (g *seg) sentences(toks []Token) {
	sc := g.sc
	n := len(toks)
	start := 0
	for i := 0; i < n; i++ {
		last := -1
		if i == n-1 {
			last = i
		} else {
			switch f := sc.flags[i]; {
			case f&flagTerminal != 0:
				j := i + 1
				for j < n && sc.nl[j] == 0 && closesSentence(toks[j]) {
					j++
				}
				switch {
				case j == n || sc.nl[j] > 0 || startsSentence(toks[j].Text):
					last = j - 1
				case isDash(toks[j].Text) && j-start > maxDateline:
					// a dash after a sentence on the same line starts an
					// item; after a short one ("22 mai 2012. -") it ends
					// a dateline
					last = j - 1
				}
			case f&flagAbbrev != 0:
				if _, ok := g.d.continuations[toks[i+1].Text]; !ok && (sc.nl[i+1] > 0 || startsUpper(toks[i+1].Text)) {
					last = i
				}
			case f&flagNameEnd != 0:
				if len(g.d.starters) == 0 {
					if sc.nl[i+1] > 0 || startsUpper(toks[i+1].Text) {
						last = i
					}
				} else if _, ok := g.d.starters[Normalize(toks[i+1].Text)]; ok || i+2 == n && toks[i+1].Text == "." {
					last = i
				}
			case f&flagInitial != 0:
				if _, ok := g.d.starters[Normalize(toks[i+1].Text)]; ok || i+2 == n && toks[i+1].Text == "." {
					last = i
				}
			}
			if last < 0 && sc.nl[i+1] >= 2 {
				last = i
			}
			if last < 0 && sc.nl[i+1] == 1 && !continuesLine(toks, sc.flags, i) {
				last = i
			}
		}
		if last >= 0 {
			sc.sents = append(sc.sents, Sentence{First: start, Last: last + 1, Start: toks[start].Start, End: toks[last].End})
			start = last + 1
			i = last
		}
	}
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	var l rune
	for _, r := range s {
		l = r
	}
	return l
}

// closesSentence reports closing quotes and brackets that stay with the
// sentence they follow.
func closesSentence(t Token) bool {
	if t.End-t.Start != 1 {
		return false
	}
	switch r := firstRune(t.Text); r {
	case ')', ']', '}', '»', '”', '’', '›':
		return true
	case '"', '\'':
		return !t.SpaceBefore
	}
	return false
}

func startsSentence(s string) bool {
	r := firstRune(s)
	switch {
	case unicode.IsLower(r):
		return false
	case unicode.IsLetter(r), unicode.IsDigit(r), isOpener(r):
		return true
	}
	// Dashes are decided by the caller (datelines, items).
	switch r {
	case '•', '*', '¿', '¡', '@', '#':
		return true
	}
	return false
}

func startsUpper(s string) bool {
	r := firstRune(s)
	return unicode.IsUpper(r) || unicode.IsTitle(r) || isOpener(r)
}

// continuesLine reports whether the line ending after toks[i] goes on
// after a single line break.
func continuesLine(toks []Token, flags []uint8, i int) bool {
	if flags[i]&(flagNoBreak|flagInitial) != 0 {
		return true
	}
	switch lastRune(toks[i].Text) {
	case ',', ';', ':', '(', '[', '«', '“', '„', '-', '–', '—', '/', '&':
		return true
	}
	r := firstRune(toks[i+1].Text)
	return unicode.IsLower(r) || r == ')' || r == ']' || r == '»' || r == ',' || r == ';'
}

// maxDateline is the longest run of tokens, final period included, that a
// dash after it marks as a dateline ("22 mai 2012. - ...").
const maxDateline = 6

func isDash(s string) bool {
	switch s {
	case "-", "–", "—", "--":
		return true
	}
	return false
}
