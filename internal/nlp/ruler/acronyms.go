package ruler

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxExpansion is the most words parenAcronyms reads back from a bracket
// for the name an acronym abbreviates.
const maxExpansion = 8

// parenAcronyms adds the acronym an article gives in brackets right after
// a name, which the NER often leaves out ("the U.S. National Hurricane
// Center (NHC)", "Federal Trade Commission (FTC)"): an ORGANIZATION after
// an organisation; after another name only when its letters are the
// initials of that name, which then gives its type (a law: "Digital
// Markets Act (DMA)"; a known place), but a LOCATION the gazetteer does not
// know is an organisation ("U.S. Central Command (CENTCOM)"), and so is a
// MISC with an organisation word ("Gewerkschaft Deutscher Lokomotivführer
// (GDL)"). A name cut short before a function word grows to the bracket
// when the acronym abbreviates the whole (see extendToAcronym). A person's
// name is left alone. Where the NER saw no name before the bracket, the
// capitalised words whose initials the acronym is ("Gesamtverband der
// Deutschen Versicherungswirtschaft (GDV)", three letters or more: not
// "Deputy Lieutenant (DL)") are a name too, an ORGANIZATION (a MISC when
// they end in a law word), and the acronym with it. Resolution groups the
// two.
func (s *state) parenAcronyms() {
	if s.names == nil {
		return
	}
	for fi := range s.fields {
		f := &s.fields[fi]
		if fi == 0 && f.caseless {
			continue
		}
		toks := f.doc.Tokens
		for i := 2; i+1 < len(toks); i++ {
			if toks[i-1].Text != "(" || toks[i+1].Text != ")" || f.occ[i] >= 0 || f.tokSent[i] < 0 ||
				f.occ[i-1] >= 0 || !s.bracketAcronym(strings.ReplaceAll(toks[i].Text, "&", "")) {
				continue
			}
			letters := strings.ToLower(strings.ReplaceAll(toks[i].Text, "&", ""))
			if mi := int(f.occ[i-2]); mi >= 0 {
				m := &s.a.Mentions[mi]
				if s.drop[mi] || !named(m) || m.TokEnd != i-1 || m.Type == Person {
					continue
				}
				words := tokenTexts(toks, m.TokStart, m.TokEnd, make([]string, 0, m.TokEnd-m.TokStart))
				typ := Organization
				if s.initialsOf(letters, words) {
					switch {
					case m.Type == Location && !s.names.Place(words), m.Type == Misc && s.orgWord(words):
						s.retype(m, Organization)
					case m.Type != Organization:
						typ = m.Type
					}
				} else if m.Type != Organization {
					continue
				}
				s.add(fi, i, i+1, typ, listConfidence)
				continue
			}
			if typ, ok := s.extendToAcronym(f, letters, i-1); ok {
				s.add(fi, i, i+1, typ, listConfidence)
				continue
			}
			if k := s.expansionStart(f, letters, i-1); k >= 0 && len(letters) >= 3 {
				typ := Organization
				if s.rl.miscTails[toks[i-2].Text] {
					typ = Misc
				}
				s.add(fi, k, i-1, typ, listConfidence)
				s.add(fi, i, i+1, typ, listConfidence)
			}
		}
	}
}

// orgWord reports whether one of words is an organisation head of the
// language ("Gewerkschaft") or an organisation tail ("Council"), and the
// last no law word ("Act").
func (s *state) orgWord(words []string) bool {
	if s.rl.miscTails[words[len(words)-1]] {
		return false
	}
	for _, w := range words {
		if s.orgHead(w) || s.rl.orgTails[w] {
			return true
		}
	}
	return false
}

// extendToAcronym extends the name the NER cut short before a function
// word to the bracket at end when the acronym in it abbreviates the whole
// ("Deutsche Institut" of "Deutsche Institut für Wirtschaftsforschung
// (DIW)"): an ORGANIZATION, or a MISC when it ends in a law word. It
// returns the type and whether it did.
func (s *state) extendToAcronym(f *fieldState, letters string, end int) (string, bool) {
	toks := f.doc.Tokens
	sent := f.tokSent[end]
	t := end - 1
	for t >= 0 && end-t <= maxExpansion && f.occ[t] < 0 && f.tokSent[t] == sent && hasLetter(toks[t].Text) &&
		(upperInitial(toks[t].Text) || s.rl.stop[toks[t].Text]) {
		t--
	}
	if t < 0 || t == end-1 || f.occ[t] < 0 || !s.rl.stop[strings.ToLower(toks[t+1].Text)] {
		return "", false
	}
	mi := int(f.occ[t])
	m := &s.a.Mentions[mi]
	if s.drop[mi] || !named(m) || m.TokEnd != t+1 || m.Type == Person || end-m.TokStart > 2*maxExpansion {
		return "", false
	}
	if !s.initialsOf(letters, tokenTexts(toks, m.TokStart, end, make([]string, 0, end-m.TokStart))) {
		return "", false
	}
	for k := m.TokEnd; k < end; k++ {
		f.occ[k] = int32(mi)
	}
	m.TokEnd, m.End, m.Text = end, toks[end-1].End, f.span(m.TokStart, end)
	s.keys[mi] = m.Text
	typ := Organization
	if s.rl.miscTails[toks[end-1].Text] {
		typ = Misc
	}
	s.retype(m, typ)
	return typ, true
}

// bracketAcronym reports whether w is a bare acronym (see bareAcronym) or
// one of seven or eight capitals ("CENTCOM"), which only a bracket after
// its name makes one.
func (s *state) bracketAcronym(w string) bool {
	if len(w) <= 6 {
		return s.bareAcronym(w)
	}
	if len(w) > 8 || strings.Trim(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" || s.rl.stop[strings.ToLower(w)] {
		return false
	}
	return !s.names.Place([]string{w})
}

// expansionStart returns where the free words before token end (a bracket)
// begin that letters abbreviates: two capitalised words or more, function
// words between them, in one sentence; -1 for none.
func (s *state) expansionStart(f *fieldState, letters string, end int) int {
	toks := f.doc.Tokens
	sent := f.tokSent[end]
	lo := end
	for lo > 0 && end-lo < maxExpansion {
		t := lo - 1
		w := toks[t].Text
		if f.occ[t] >= 0 || f.tokSent[t] != sent || !(upperInitial(w) || s.rl.stop[w]) || !hasLetter(w) {
			break
		}
		lo = t
	}
	words := make([]string, 0, maxExpansion)
	for k := lo; k < end-1; k++ {
		w := toks[k].Text
		if !upperInitial(w) || s.rl.stop[strings.ToLower(w)] {
			continue
		}
		words = tokenTexts(toks, k, end, words[:0])
		capitals := 0
		for _, w := range words {
			if upperInitial(w) {
				capitals++
			}
		}
		if capitals >= 2 && s.initialsOf(letters, words) {
			return k
		}
	}
	return -1
}

// initialsOf reports whether letters (lower case) are, in order, the
// starts of words: each word but a function word (stopwords.txt) gives its
// first letter or first few letters ("CENTCOM", "Central Command"), a
// function word may give its initial or nothing, and one leading word may
// be skipped ("U.S. Federal Aviation Administration (FAA)").
func (s *state) initialsOf(letters string, words []string) bool {
	if len(words) < 2 || len(letters) < 2 {
		return false
	}
	return s.initialsFrom(letters, words) || len(words) > 2 && len(letters) >= 3 && s.initialsFrom(letters, words[1:])
}

func (s *state) initialsFrom(letters string, words []string) bool {
	if len(words) == 0 {
		return letters == ""
	}
	w := strings.ToLower(words[0])
	optional := s.rl.stop[w] || !hasLetter(w)
	if optional && s.initialsFrom(letters, words[1:]) {
		return true
	}
	if letters == "" {
		return false
	}
	w = strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	for k := 0; k < len(w) && k < len(letters); {
		r, n := utf8.DecodeRuneInString(w[k:])
		if !strings.HasPrefix(letters[k:], string(r)) {
			break
		}
		k += n
		if s.initialsFrom(letters[k:], words[1:]) {
			return true
		}
	}
	return false
}
