package ruler

import (
	"strings"

	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// maxHeadName bounds the tokens of the full name titledHeads cuts off a
// mention ("Luiz Inácio Lula da Silva" is five).
const maxHeadName = 5

// titledHeads cuts the full name of its head off an organisation the NER
// ran on into it, after a title and a link word: "le président du
// Rassemblement national Jordan Bardella", "la segretaria del Partito
// Democratico Elly Schlein", "der Chef der Deutschen Bank Christian
// Sewing" are an ORGANIZATION and a PERSON, as "le patron de LVMH Bernard
// Arnault" already is. The name must open with a first name (of the
// tagger's lists) and run to the mention's end in capitalised words and
// particles; what stays must be an acronym or at least two words, ending
// in a capitalised word or an adjective, so that a place or a foundation
// named after a person keeps its name ("le directeur du Centre Georges
// Pompidou", "la Fondation Bill et Melinda Gates").
func (s *state) titledHeads() {
	lex := s.rl.lex
	if lex == nil || s.names == nil || len(s.rl.titleLinks) == 0 {
		return
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if !s.reshapable(mi) || m.TokEnd-m.TokStart < 3 {
			continue
		}
		f := &s.fields[m.Field]
		toks := f.doc.Tokens
		cut := -1
		switch {
		case s.afterTitleLink(f, m.TokStart):
			cut = s.headNameStart(toks, m.TokStart, m.TokEnd)
		case isUpperWord(toks[m.TokStart].Text) && s.titleEndsAt(f, m.TokStart, m.TokStart):
			// "le député LFI Mathilde Panot": a party's acronym right
			// after the title.
			if cut = s.headNameStart(toks, m.TokStart, m.TokEnd); cut != m.TokStart+1 {
				cut = -1
			}
		}
		if cut < 0 {
			continue
		}
		if m.Type == Person {
			m.Type = Organization
		}
		s.splitOff(mi, m.TokStart, cut, cut, m.TokEnd, Person)
	}
}

// splitOff narrows mention mi to its tokens [keep, keepEnd) and adds a
// mention of type typ, with mi's confidence, on its tokens [add, addEnd);
// the tokens between the two parts (a conjunction, a possessive) are
// freed. Pointers into s.a.Mentions are stale afterwards.
func (s *state) splitOff(mi, keep, keepEnd, add, addEnd int, typ string) {
	m := &s.a.Mentions[mi]
	fi, conf := m.Field, m.Confidence
	s.narrow(mi, keep, keepEnd)
	s.add(fi, add, addEnd, typ, conf)
}

// afterTitleLink reports whether a title of the lexicon and a link word
// (title-links.txt) stand right before token i, in its sentence.
func (s *state) afterTitleLink(f *fieldState, i int) bool {
	toks := f.doc.Tokens
	sent := f.tokSent[i]
	var fold [64]byte
	for n := 1; n <= 2; n++ {
		link := i - n
		if link < 1 || f.tokSent[link] != sent {
			return false
		}
		key := fold[:0]
		for t := link; t < i; t++ {
			if t > link {
				key = append(key, ' ')
			}
			key = lexicon.AppendFold(key, toks[t].Text)
		}
		if s.rl.titleLinks[string(key)] && s.titleEndsAt(f, link, i) {
			return true
		}
	}
	return false
}

// titleEndsAt reports whether a title of the lexicon, on free tokens of
// token i's sentence, ends right before token end.
func (s *state) titleEndsAt(f *fieldState, end, i int) bool {
	toks := f.doc.Tokens
	sent := f.tokSent[i]
	var buf [maxTitleLead]string
	for p := max(0, end-maxTitleLead); p < end; p++ {
		if f.tokSent[p] != sent || f.occ[p] >= 0 {
			continue
		}
		if s.rl.lex.TitleAt(tokenTexts(toks, p, end, buf[:0])) == end-p {
			return true
		}
	}
	return false
}

// headNameStart returns where a full name that ends a mention on tokens
// [i, end) starts, or -1: the shortest such name of two or more tokens
// that opens with a first name, leaving an organisation name before it.
func (s *state) headNameStart(toks []text.Token, i, end int) int {
	for n := 2; n <= maxHeadName && end-n > i; n++ {
		cut := end - n
		if w := toks[cut].Text; !upperInitial(w) || !s.names.FirstName(w) || s.names.OrgKey(w) {
			continue
		}
		if !s.nameRun(toks, cut+1, end) || !s.orgRest(toks, i, cut) {
			continue
		}
		return cut
	}
	return -1
}

// nameRun reports whether tokens [i, end) are capitalised words and
// particles ("da", "van") ending in a capitalised word, none of them an
// organisation head ("Melinda Gates Foundation").
func (s *state) nameRun(toks []text.Token, i, end int) bool {
	for t := i; t < end; t++ {
		w := toks[t].Text
		if s.rl.orgHeads[strings.ToLower(w)] || s.names.OrgKey(w) || !upperInitial(w) && (t == end-1 || !particle(w)) {
			return false
		}
	}
	return true
}

// orgRest reports whether tokens [i, end) can be the organisation a title
// heads once a name is cut off: an acronym ("PT") or a one-word
// organisation of the curated lists ("Generalitat", "Sénat"), or two
// words or more ending in a capitalised word or a lower-case word that is
// no function word ("Parti socialiste", not "Fondation Bill et").
func (s *state) orgRest(toks []text.Token, i, end int) bool {
	last := toks[end-1].Text
	if end-i == 1 {
		return isUpperWord(last) || s.curatedOrg(toks[i].Norm)
	}
	return upperInitial(last) || hasLetter(last) && !s.rl.stop[strings.ToLower(last)]
}

// employers makes an ORGANIZATION of a LOCATION or MISC mention that
// follows a role and an employer link ("Ivana Delevska, chief investment
// officer at Spear Invest", "analyste chez Oddo BHF", employer-links.txt)
// when no gazetteer knows it as a place: the NER reads a place into an
// unknown name after "at", and the firms markets copy quotes are many. A
// determiner after the link is skipped ("bei der Commerzbank").
func (s *state) employers() {
	if s.rl.lex == nil || s.names == nil || len(s.rl.employerLinks) == 0 {
		return
	}
	var buf [8]string
	var fold [32]byte
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if !named(m) || s.drop[mi] || !s.valid(m) || m.Type != Location && m.Type != Misc {
			continue
		}
		f := &s.fields[m.Field]
		toks := f.doc.Tokens
		link := m.TokStart - 1
		if link < 1 {
			continue
		}
		if !s.rl.employerLinks[string(lexicon.AppendFold(fold[:0], toks[link].Text))] {
			if !s.rl.stop[strings.ToLower(toks[link].Text)] {
				continue
			}
			link-- // a determiner
			if link < 1 || !s.rl.employerLinks[string(lexicon.AppendFold(fold[:0], toks[link].Text))] {
				continue
			}
		}
		if f.tokSent[link] != f.tokSent[m.TokStart] {
			continue
		}
		if !s.titleEndsAt(f, link, m.TokStart) || s.names.Place(tokenTexts(toks, m.TokStart, m.TokEnd, buf[:0])) {
			continue
		}
		if _, ok := s.rl.lex.Country(m.Text); ok {
			continue
		}
		m.Type = Organization
	}
}

// possessivePlaces cuts a country and its possessive off the front of a
// name the NER ran on from it ("UK's Labour wins": the UK, and Labour,
// whose type the article's other mentions then settle): a name that holds
// "'s" after a country name of the lexicon and goes on in a capitalised
// word, when the article names the rest elsewhere ("Labour Party"). Other
// names that hold one keep it ("McDonald's", "Ray's Pizza", "Robin Hood's
// Hut", "Australia's Greatest Athlete", a show).
func (s *state) possessivePlaces() {
	lex := s.rl.lex
	if lex == nil {
		return
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if !s.reshapable(mi) || m.TokEnd-m.TokStart < 3 {
			continue
		}
		f := &s.fields[m.Field]
		toks := f.doc.Tokens
		k := -1
		for t := m.TokStart + 1; t < m.TokEnd-1; t++ {
			if w := toks[t].Text; w == "'s" || w == "’s" {
				k = t
				break
			}
		}
		if k < 0 || !upperInitial(toks[k+1].Text) {
			continue
		}
		if _, ok := lex.Country(f.span(m.TokStart, k)); !ok || !s.attested(mi, f.span(k+1, m.TokEnd)) {
			continue
		}
		s.splitOff(mi, k+1, m.TokEnd, m.TokStart, k, Location)
	}
}

// attested reports whether a mention other than mi is name, or starts
// with it as whole words ("Labour" of "Labour Party").
func (s *state) attested(mi int, name string) bool {
	for k, t := range s.keys {
		if k != mi && !s.drop[k] && strings.HasPrefix(t, name) && (len(t) == len(name) || t[len(name)] == ' ') {
			return true
		}
	}
	return false
}

// conjoinedPersons cuts a PERSON mention the NER ran over a conjunction
// into two people when both parts open with a first name ("los reyes
// Felipe VI y Letizia"); a surname joined by one stays whole ("José
// Ortega y Gasset", "Santiago Ramón y Cajal"). Portuguese has no
// conjunctions.txt: its surnames join with "e" ("Costa e Silva"), and
// first names are surnames too.
func (s *state) conjoinedPersons() {
	if s.names == nil {
		return
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if m.Type != Person || !s.reshapable(mi) || m.TokEnd-m.TokStart < 3 {
			continue
		}
		toks := s.fields[m.Field].doc.Tokens
		for k := m.TokStart + 1; k < m.TokEnd-1; k++ {
			if !s.rl.conjunctions[strings.ToLower(toks[k].Text)] {
				continue
			}
			if !s.names.FirstName(toks[m.TokStart].Text) || !s.names.FirstName(toks[k+1].Text) || !s.nameRun(toks, k+1, m.TokEnd) {
				break
			}
			s.splitOff(mi, m.TokStart, k, k+1, m.TokEnd, Person)
			break
		}
	}
}

// curatedOrg reports whether the token of Norm norm alone is an
// ORGANIZATION of the curated lists.
func (s *state) curatedOrg(norm string) bool {
	for _, e := range s.rl.entries[norm] {
		if len(e.toks) == 1 && e.typ == Organization {
			return true
		}
	}
	return false
}
