package ruler

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// maxAcronymGap bounds how many lower-case words an organisation's name
// may run on for after the NER's mention, up to its acronym in brackets.
const maxAcronymGap = 8

// honorificPersons makes a PERSON of a MISC or LOCATION mention that opens
// with a French civility and goes on with a capitalised word ("M.
// Macron", "Mme Borne"; "Me Béatrice Zavarro", a lawyer's, before a
// first name or a full name only): a civility is only given to a person.
// English ones open titles of works too ("Mrs. Doubtfire", "Dr.
// Horrible's Sing-Along Blog") and are left alone.
func (s *state) honorificPersons() {
	lex := s.rl.lex
	if lex == nil || s.rl.lang != "fr" {
		return
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if m.Type != Misc && m.Type != Location || !s.reshapable(mi) {
			continue
		}
		toks := s.fields[m.Field].doc.Tokens
		h, next := toks[m.TokStart].Text, toks[m.TokStart+1].Text
		if !upperInitial(h) || !upperInitial(next) || !lex.Has("honorifics", h) || s.rl.stop[lexicon.Fold(next)] {
			continue
		}
		switch lexicon.Fold(h) {
		case "m", "mme", "mlle":
		case "me":
			if m.TokEnd-m.TokStart < 3 && (s.names == nil || !s.names.FirstName(next)) {
				continue // "Me Too"
			}
		default:
			continue
		}
		s.retype(m, Person)
	}
}

// bracketAcronyms reads an organisation's acronym in brackets after its
// name: "l'Institut national de la statistique et des études économiques
// (Insee)", where the NER stopped the name at "statistique" and took
// "Insee" for a place, or missed "(CNC)" after "Centre national du
// cinéma". When the acronym's letters are the initials (or first
// syllables: "Sogepa") of the words of the name and of the lower-case
// words between it and the bracket, the name runs on to the bracket; when
// they are the initials of the name alone, it stays. Either way the
// acronym is an ORGANIZATION.
func (s *state) bracketAcronyms() {
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if m.Type != Organization || !s.reshapable(mi) {
			continue
		}
		f := &s.fields[m.Field]
		toks := f.doc.Tokens
		sent := f.tokSent[m.TokStart]
		open := m.TokEnd
		for open < len(toks) && open-m.TokEnd <= maxAcronymGap && f.tokSent[open] == sent && f.occ[open] < 0 && gapWord(toks[open].Text) {
			open++
		}
		if open+2 >= len(toks) || toks[open].Text != "(" || toks[open+2].Text != ")" || f.tokSent[open+2] != sent {
			continue
		}
		acr := toks[open+1].Text
		if !acronymShape(acr) {
			continue
		}
		switch {
		case open > m.TokEnd && s.spellsAcronym(acr, m.TokStart, open, f) && !s.spellsAcronym(acr, m.TokStart, m.TokEnd, f):
			for t := m.TokEnd; t < open; t++ {
				f.occ[t] = int32(mi)
			}
			s.narrow(mi, m.TokStart, open)
		case s.spellsAcronym(acr, m.TokStart, m.TokEnd, f):
		default:
			continue
		}
		switch ai := f.occ[open+1]; {
		case ai < 0:
			s.add(m.Field, open+1, open+2, Organization, listConfidence)
		case s.a.Mentions[ai].TokEnd-s.a.Mentions[ai].TokStart == 1 && s.a.Mentions[ai].Type != Organization:
			s.retype(&s.a.Mentions[ai], Organization)
		}
	}
}

// gapWord reports whether w may stand in an organisation's name between
// the NER's mention and the acronym's bracket: a lower-case word or an
// elided one ("d'", "l'").
func gapWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if elided(w) {
		return true
	}
	if !unicode.IsLower(r) {
		return false
	}
	for _, c := range w {
		if !unicode.IsLetter(c) && c != '-' {
			return false
		}
	}
	return true
}

// acronymShape reports whether w reads like an acronym: two to eight
// letters, the first a capital, the rest all capitals ("CNC") or, from
// three letters on, all lower case ("Insee", "Fnaut").
func acronymShape(w string) bool {
	n, upper := 0, 0
	for i, c := range w {
		if !unicode.IsLetter(c) {
			return false
		}
		if unicode.IsUpper(c) {
			upper++
		} else if i == 0 {
			return false
		}
		n++
	}
	return n >= 2 && n <= 8 && (upper == n || upper == 1 && n >= 3)
}

// spellsAcronym reports whether acronym acr spells (initialsOf) the words
// of tokens [i, end) of f but their function words and elided articles.
func (s *state) spellsAcronym(acr string, i, end int, f *fieldState) bool {
	var words [maxAcronymGap + 12]string
	n := 0
	for t := i; t < end; t++ {
		w := f.doc.Tokens[t].Text
		k := lexicon.Fold(w)
		if elided(w) || s.rl.stop[k] || !hasLetter(w) {
			continue
		}
		if n == len(words) {
			return false
		}
		words[n] = k
		n++
	}
	return n >= 2 && s.initialsOf(lexicon.Fold(acr), words[:n])
}

// ministryNames makes an ORGANIZATION of a LOCATION or MISC mention that
// opens with a capitalised ministry word (ministries.txt): "Ministerio del
// Interior", "Ministère des Armées" name a ministry, no place.
func (s *state) ministryNames() {
	if len(s.rl.ministries) == 0 {
		return
	}
	var fold [32]byte
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if m.Type != Location && m.Type != Misc || !s.reshapable(mi) {
			continue
		}
		w := s.fields[m.Field].doc.Tokens[m.TokStart].Text
		if !upperInitial(w) || len(w) > len(fold) {
			continue
		}
		if _, ok := s.rl.ministries[string(lexicon.AppendFold(fold[:0], w))]; ok {
			s.retype(m, Organization)
		}
	}
}

// punctuationSplits cuts a name the NER ran over a comma, or over a colon
// in the headline, into a person's full name: "Festival, Iris Knobloch"
// (of "la présidente du Festival, Iris Knobloch") and the headline's
// "Festival de Cannes: Greta Gerwig" are a name and a PERSON. What
// follows the mark must be a first name of the NER gazetteer and one or
// two capitalised words ("Little, Brown and Company" stays whole, and so
// do titles of works in running text: "Batman v Superman: Dawn of
// Justice", and any quoted name); a person's mention is left alone.
func (s *state) punctuationSplits() {
	if s.names == nil {
		return
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if m.Type == Person || !s.reshapable(mi) {
			continue
		}
		toks := s.fields[m.Field].doc.Tokens
		if m.TokStart > 0 && isOpenQuote(toks[m.TokStart-1].Text) {
			continue // a quoted title: "« Gute Reise, Charlie Brown »"
		}
		for t := m.TokStart + 1; t+2 < m.TokEnd; t++ {
			w := toks[t].Text
			if w != "," && w != ":" {
				continue
			}
			if m.TokEnd-t-1 <= 3 && (w == "," || s.heading(m)) && s.names.FirstName(toks[t+1].Text) && s.capitalised(toks, t+2, m.TokEnd) {
				s.splitOff(mi, m.TokStart, t, t+1, m.TokEnd, Person)
			}
			break
		}
	}
}

// capitalised reports whether tokens [i, end) are words that open with a
// capital, none of them an organisation's word.
func (s *state) capitalised(toks []text.Token, i, end int) bool {
	for t := i; t < end; t++ {
		w := toks[t].Text
		if !upperInitial(w) || !hasLetter(w) || s.rl.orgHeads[strings.ToLower(w)] || s.names.OrgKey(w) {
			return false
		}
	}
	return true
}

// dropLetters drops a MISC or LOCATION mention of one letter: "la zone C",
// "le plan B" name no entity ("X", the social network, is left alone).
func (s *state) dropLetters() {
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if (m.Type == Misc || m.Type == Location) && named(m) && s.valid(m) && utf8.RuneCountInString(m.Text) == 1 && m.Text != "X" {
			s.remove(mi)
		}
	}
}

// conjoinedNames cuts a mention the NER ran over a conjunction into two
// names when both parts are curated names: "le Sénat et l'Assemblée
// nationale" are two organisations ("Bosnie-et-Herzégovine" and "Trinité-
// et-Tobago" are one token; "Procter & Gamble" no curated pair). The
// article or determiner after the conjunction is no part of the second.
func (s *state) conjoinedNames() {
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if m.Type == Person || !s.reshapable(mi) || m.TokEnd-m.TokStart < 3 {
			continue
		}
		toks := s.fields[m.Field].doc.Tokens
		for k := m.TokStart + 1; k < m.TokEnd-1; k++ {
			if !s.rl.conjunctions[strings.ToLower(toks[k].Text)] {
				continue
			}
			r := k + 1
			for r < m.TokEnd-1 && (elided(toks[r].Text) || s.rl.stop[toks[r].Text]) {
				r++
			}
			if s.listed(toks, m.TokStart, k) && s.listed(toks, r, m.TokEnd) {
				s.splitOff(mi, m.TokStart, k, r, m.TokEnd, m.Type)
			}
			break
		}
	}
}

// headlineSurnames makes a PERSON of a headline's country name that is the
// surname of a person the body names in full, when the body never names
// the country otherwise: "Montenegro toma posse como primeiro-ministro"
// above "Luís Montenegro tomou posse" (surnames leaves country names
// alone, since a body may speak of both).
func (s *state) headlineSurnames() {
	if s.rl.lex == nil {
		return
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if m.Type == Person || !named(m) || !s.valid(m) || s.drop[mi] || m.TokEnd-m.TokStart != 1 || !s.heading(m) {
			continue
		}
		if _, ok := s.rl.lex.Country(m.Text); !ok {
			continue
		}
		if s.bodySurnameOnly(m) {
			m.Type = Person
		}
	}
}

// bodySurnameOnly reports whether headline mention m's word ends the full
// name of a PERSON mention of the body, and stands nowhere else in the
// body outside a person's name.
func (s *state) bodySurnameOnly(m *analysis.Mention) bool {
	surname := false
	for fi := range s.fields {
		f := &s.fields[fi]
		toks := f.doc.Tokens
		for t := range toks {
			if toks[t].Text != m.Text || fi == m.Field && t == m.TokStart {
				continue
			}
			oi := f.occ[t]
			if oi < 0 {
				return false
			}
			o := &s.a.Mentions[oi]
			if s.heading(o) {
				continue
			}
			if o.Type != Person || o.TokEnd-o.TokStart < 2 {
				return false
			}
			surname = surname || o.TokEnd-1 == t
		}
	}
	return surname
}

// shortOrgNames makes an ORGANIZATION of a one-word LOCATION or MISC
// mention that is the first word of an organisation the article names in
// full with a place after it (a club and its town), when no gazetteer
// knows the word as a place: "le Real" after "le Real Madrid", "el
// Atlético" after "el Atlético de Madrid" ("Paris" after "Paris
// Saint-Germain" stays a place, and "Harz" after "Harz Club" a range).
func (s *state) shortOrgNames() {
	if s.names == nil {
		return
	}
	var firsts map[string]bool
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if m.Type != Organization || !s.reshapable(mi) {
			continue
		}
		toks := s.fields[m.Field].doc.Tokens
		place := false
		for t := m.TokStart + 1; t < m.TokEnd && !place; t++ {
			place = upperInitial(toks[t].Text) && s.names.Place([]string{toks[t].Text})
		}
		if !place {
			continue
		}
		if firsts == nil {
			firsts = map[string]bool{}
		}
		firsts[toks[m.TokStart].Text] = true
	}
	if firsts == nil {
		return
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if m.Type != Location && m.Type != Misc || !named(m) || !s.valid(m) || s.drop[mi] || m.TokEnd-m.TokStart != 1 || !firsts[m.Text] {
			continue
		}
		if !upperInitial(m.Text) || isUpperWord(m.Text) || s.names.Place([]string{m.Text}) {
			continue
		}
		if _, ok := s.rl.lex.Country(m.Text); ok {
			continue
		}
		s.retype(m, Organization)
	}
}

// maxAcronymName bounds the words of a name its bracketed acronym spells.
const maxAcronymName = 14

// bracketNames reads the name an acronym in brackets spells when the NER
// cut it into pieces or gave it another type, which bracketAcronyms (one
// ORGANIZATION running on over lower-case words) leaves alone: "la
// Comisión Nacional de los Mercados y la Competencia (CNMC)", cut at
// "y", "la Organización de Consumidores y Usuarios (OCU)", of which the
// NER saw "Consumidores", a place, "die Gewerkschaft Deutscher
// Lokomotivführer (GDL)", a MISC. The name is the shortest run of words
// before the bracket, opening with a capital, whose words but the
// function words give the acronym's letters (as for bracketAcronyms) and
// which holds whole mentions only, none a PERSON; it becomes one
// ORGANIZATION, and so does the acronym, when something tells an
// organisation: a mention in it is one, or the acronym is and the name
// does not open its sentence, or its first word is an organisation head
// (org-heads.txt) or key word of the NER gazetteer. A law ("the Digital
// Markets Act (DMA)", misc-tails.txt) never is.
// When the acronym spells an ORGANIZATION that a conjunction and another
// one follow up to the bracket, the three are one name: "the
// International Association of Machinists and Aerospace Workers (IAM)".
func (s *state) bracketNames() {
	for fi := range s.fields {
		f := &s.fields[fi]
		if fi == 0 && f.caseless {
			continue
		}
		toks := f.doc.Tokens
		for p := 2; p+2 < len(toks); p++ {
			if toks[p].Text != "(" || toks[p+2].Text != ")" || f.tokSent[p] < 0 || f.tokSent[p+2] != f.tokSent[p] || !acronymShape(toks[p+1].Text) {
				continue
			}
			if i, ok := s.acronymName(f, p); ok {
				s.nameAcronym(fi, i, p)
			}
		}
	}
}

// acronymName returns the start of the name the acronym in brackets at
// toks[p+1] spells (see bracketNames), and whether there is one to read.
func (s *state) acronymName(f *fieldState, p int) (int, bool) {
	toks := f.doc.Tokens
	acr := toks[p+1].Text
	sent := f.tokSent[p]
	for i := p - 1; i >= 0 && i >= p-maxAcronymName; i-- {
		w := toks[i].Text
		if f.tokSent[i] != sent || !hasLetter(w) && !elided(w) {
			return 0, false
		}
		if oi := f.occ[i]; oi >= 0 {
			o := &s.a.Mentions[oi]
			if o.Type == Person || o.TokEnd > p {
				return 0, false
			}
			if o.TokStart < i {
				continue
			}
		}
		if i == p-1 || !upperInitial(w) || s.rl.stop[strings.ToLower(w)] || !s.spellsAcronym(acr, i, p, f) {
			continue
		}
		org, one := s.orgSign(f, i, p)
		if one || !org {
			return 0, false // bracketAcronyms' case, or no organisation
		}
		return i, true
	}
	// An organisation the acronym spells, a conjunction and another one.
	b := f.occ[p-1]
	if b < 0 || s.a.Mentions[b].Type != Organization {
		return 0, false
	}
	k := s.a.Mentions[b].TokStart - 1
	if k < 1 || !s.rl.conjunctions[strings.ToLower(toks[k].Text)] || f.occ[k-1] < 0 {
		return 0, false
	}
	a := &s.a.Mentions[f.occ[k-1]]
	if a.Type != Organization || a.TokEnd != k || f.tokSent[a.TokStart] != sent || !s.spellsAcronym(acr, a.TokStart, a.TokEnd, f) {
		return 0, false
	}
	return a.TokStart, true
}

// orgSign reports whether tokens [i, end) of f tell an organisation (see
// bracketNames), and whether they are already one ORGANIZATION mention.
func (s *state) orgSign(f *fieldState, i, end int) (org, one bool) {
	toks := f.doc.Tokens
	if oi := f.occ[i]; oi >= 0 {
		o := &s.a.Mentions[oi]
		if o.TokStart == i && o.TokEnd == end && o.Type == Organization {
			return true, true
		}
	}
	if s.rl.miscTails[toks[end-1].Text] {
		return false, false // "the Digital Markets Act (DMA)"
	}
	for t := i; t < end; t++ {
		if oi := f.occ[t]; oi >= 0 && s.a.Mentions[oi].Type == Organization {
			return true, false
		}
	}
	if ai := f.occ[end+1]; ai >= 0 && s.a.Mentions[ai].Type == Organization && i > 0 && f.tokSent[i-1] == f.tokSent[i] {
		return true, false // not a heading's term: "Syndrome coronarien aigu (SCA)"
	}
	w := toks[i].Text
	return s.rl.orgHeads[w] || s.rl.orgHeads[strings.ToLower(w)] || s.names != nil && s.names.OrgKey(w), false
}

// nameAcronym makes tokens [i, p) of field fi one ORGANIZATION, in place
// of the mentions in them, and the acronym in brackets after them one.
func (s *state) nameAcronym(fi, i, p int) {
	f := &s.fields[fi]
	keep := -1
	for t := i; t < p; t++ {
		oi := int(f.occ[t])
		switch {
		case oi < 0 || oi == keep:
		case keep < 0:
			keep = oi
		default:
			s.remove(oi)
		}
	}
	if keep < 0 {
		s.add(fi, i, p, Organization, listConfidence)
	} else {
		for t := i; t < p; t++ {
			f.occ[t] = int32(keep)
		}
		s.narrow(keep, i, p)
		s.retype(&s.a.Mentions[keep], Organization)
	}
	switch ai := f.occ[p+1]; {
	case ai < 0:
		s.add(fi, p+1, p+2, Organization, listConfidence)
	case s.a.Mentions[ai].TokEnd-s.a.Mentions[ai].TokStart == 1 && s.a.Mentions[ai].Type != Organization:
		s.retype(&s.a.Mentions[ai], Organization)
	}
}
