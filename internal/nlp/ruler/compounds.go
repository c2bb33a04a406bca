package ruler

import (
	"strings"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// ministryTails returns, for language lang, the endings of the one-word
// compounds that name a ministry where nouns compound
// ("Finanzministerium", "Bundesinnenministeriums"); the bare word ("das
// Ministerium") names none.
func ministryTails(lang string) []string {
	if lang == "de" {
		return []string{"ministerium", "ministeriums"}
	}
	return nil
}

// ministryCompounds makes a one-word ministry compound an ORGANIZATION:
// added where the NER saw nothing (with the portfolio that follows it:
// "Bundesministerium für Bildung und Forschung"), retyped where it saw
// another type.
func (s *state) ministryCompounds() {
	tails := ministryTails(s.rl.lang)
	if len(tails) == 0 {
		return
	}
	compound := func(w string) bool {
		if !upperInitial(w) {
			return false
		}
		for _, t := range tails {
			if len(w) > len(t)+2 && strings.HasSuffix(w, t) {
				return true
			}
		}
		return false
	}
	for fi := range s.fields {
		f := &s.fields[fi]
		toks := f.doc.Tokens
		for i := range toks {
			if f.tokSent[i] < 0 || !compound(toks[i].Text) {
				continue
			}
			mi := int(f.occ[i])
			if mi < 0 {
				s.add(fi, i, s.portfolioEnd(f, i+1), Organization, listConfidence)
				continue
			}
			if m := &s.a.Mentions[mi]; named(m) && !s.drop[mi] && m.TokEnd-m.TokStart == 1 && m.Type != Organization {
				s.retype(m, Organization)
			}
		}
	}
}

// portfolioEnd returns the end of the portfolio from token i on, free
// words in one sentence: "für" and capitalised words joined by "und" or
// commas ("für Bildung und Forschung"); i when none follows.
func (s *state) portfolioEnd(f *fieldState, i int) int {
	toks := f.doc.Tokens
	if i+1 >= len(toks) || toks[i].Text != "für" || f.tokSent[i] != f.tokSent[i-1] {
		return i
	}
	end := i
	for t := i + 1; t < len(toks) && f.occ[t] < 0 && f.tokSent[t] == f.tokSent[i]; t++ {
		w := toks[t].Text
		if upperInitial(w) {
			end = t + 1
			continue
		}
		if w != "und" && w != "," {
			break
		}
	}
	return end
}

// companyNames makes organisations of the names only a company bears: a
// name that ends in a legal form (common/legal-forms.txt: "Procter & Gamble Co", the NER's
// LOCATION; "Airbus SE"), a PERSON joined by an ampersand ("Johnson & Johnson"), and a
// name followed by "and Co" or "& Co", which joins it ("Eli Lilly and
// Co", the NER's PERSON and an ORGANIZATION "Co's Alzheimer" after it,
// cut to what follows the possessive), and then so is the name alone
// elsewhere.
func (s *state) companyNames() {
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if s.drop[mi] || !named(m) || !s.valid(m) {
			continue
		}
		f := &s.fields[m.Field]
		toks := f.doc.Tokens
		if m.Type != Organization && m.TokEnd-m.TokStart >= 2 && s.rl.legalForms[toks[m.TokEnd-1].Text] {
			s.retype(m, Organization)
			continue
		}
		if m.Type == Person {
			for t := m.TokStart + 1; t < m.TokEnd-1; t++ {
				if toks[t].Text == "&" {
					s.retype(m, Organization)
					break
				}
			}
		}
		e := m.TokEnd
		if e+1 >= len(toks) || toks[e].Text != "and" && toks[e].Text != "&" || !s.rl.legalForms[toks[e+1].Text] ||
			!strings.HasPrefix(toks[e+1].Text, "Co") || f.tokSent[e+1] != f.tokSent[m.TokStart] || f.occ[e] >= 0 {
			continue
		}
		if mj := int(f.occ[e+1]); mj >= 0 {
			n := &s.a.Mentions[mj]
			if n.TokStart != e+1 {
				continue
			}
			rest := e + 2
			if rest < n.TokEnd && (toks[rest].Text == "'s" || toks[rest].Text == "’s") {
				rest++
			}
			var buf [32]byte
			if rest >= n.TokEnd || rest == n.TokEnd-1 && len(toks[rest].Text) < len(buf) && s.rl.notNames[string(foldShort(buf[:0], toks[rest].Text))] {
				s.remove(mj) // "Co's Alzheimer": a disease's eponym
			} else {
				s.narrow(mj, rest, n.TokEnd)
			}
		}
		s.fix(m.Text, Organization) // "Eli Lilly" alone elsewhere
		m.TokEnd = e + 2
		m.End = toks[e+1].End
		m.Text = f.span(m.TokStart, m.TokEnd)
		s.keys[mi] = m.Text
		f.occ[e], f.occ[e+1] = int32(mi), int32(mi)
		s.retype(m, Organization)
	}
}

// companyShortNames makes an ORGANIZATION of a one-word name the NER
// typed otherwise that opens a company's name with a legal form in the
// article ("Spirit" after "Spirit AeroSystems Holdings Inc"), unless it is
// a known place or a demonym ("American" of "American Airlines Group
// Inc"). Not where nouns compound: German company names open with
// adjectives the lexicon does not list ("Deutsche Bahn AG").
func (s *state) companyShortNames() {
	if s.names == nil || nounCase(s.rl.lang) {
		return // German names open with adjectives: "Deutsche" of "Deutsche Bahn AG"
	}
	var short map[string]bool
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if s.drop[mi] || m.Type != Organization || m.Nominal || !s.valid(m) || m.TokEnd-m.TokStart < 2 {
			continue
		}
		toks := s.fields[m.Field].doc.Tokens
		if w := toks[m.TokStart].Text; s.rl.legalForms[toks[m.TokEnd-1].Text] && upperInitial(w) && !isUpperWord(w) && !s.rl.stop[strings.ToLower(w)] {
			if short == nil {
				short = map[string]bool{}
			}
			short[w] = true
		}
	}
	if len(short) == 0 {
		return
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if s.drop[mi] || !named(m) || m.Type == Organization || !s.valid(m) || m.TokEnd-m.TokStart != 1 || !short[m.Text] {
			continue
		}
		if s.names.Place([]string{m.Text}) || s.demonym(m) {
			continue
		}
		s.retype(m, Organization)
	}
}

// possessiveFacilities cuts a known place and its possessive off the
// front of a name the NER ran on from it into a building or place
// ("London's Heathrow Airport", "Cardiff's Principality Stadium"): two
// LOCATIONs, when the rest is two words or more, capitalised, ending in a
// place word (place-tails.txt).
func (s *state) possessiveFacilities() {
	if len(s.rl.placeTails) == 0 || s.names == nil {
		return
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if !s.reshapable(mi) || m.TokEnd-m.TokStart < 4 {
			continue
		}
		f := &s.fields[m.Field]
		toks := f.doc.Tokens
		if !s.rl.placeTails[toks[m.TokEnd-1].Text] {
			continue
		}
		k := possessiveAt(toks, m)
		if k < 0 || !s.names.Place(tokenTexts(toks, m.TokStart, k, make([]string, 0, k-m.TokStart))) {
			continue
		}
		s.splitOff(mi, k+1, m.TokEnd, m.TokStart, k, Location)
		s.a.Mentions[mi].Type = Location
	}
}

// possessiveAt returns the token of the possessive inside mention m that
// a capitalised name of two words or more follows, -1 for none.
func possessiveAt(toks []text.Token, m *analysis.Mention) int {
	for t := m.TokStart + 1; t < m.TokEnd-2; t++ {
		if w := toks[t].Text; w == "'s" || w == "’s" {
			if upperInitial(toks[t+1].Text) {
				return t
			}
			return -1
		}
	}
	return -1
}

// possessiveOrgs cuts an organisation and its possessive off the front of
// a name the NER ran on from it into a body of it ("Labor Department's
// Bureau of Labor Statistics", "Harvard University's Kennedy School"): an
// ORGANIZATION of two words or more ending in an organisation word
// (org-tails.txt), and the rest, which keeps its type. So is a company of
// the curated lists of one word before its possessive ("Alphabet's
// Google", "Microsoft's Satya Nadella" taken as one name): the company
// owns or employs what follows.
func (s *state) possessiveOrgs() {
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if !s.reshapable(mi) || m.TokEnd-m.TokStart < 3 {
			continue
		}
		toks := s.fields[m.Field].doc.Tokens
		if w := toks[m.TokStart+1].Text; (w == "'s" || w == "’s") && upperInitial(toks[m.TokStart+2].Text) && s.curatedOrg(toks[m.TokStart].Norm) {
			s.splitOff(mi, m.TokStart+2, m.TokEnd, m.TokStart, m.TokStart+1, Organization)
			continue
		}
		if len(s.rl.orgTails) == 0 || m.Type == Person || m.TokEnd-m.TokStart < 5 {
			continue
		}
		k := possessiveAt(toks, m)
		if k < m.TokStart+2 || !s.rl.orgTails[toks[k-1].Text] {
			continue
		}
		s.splitOff(mi, k+1, m.TokEnd, m.TokStart, k, Organization)
	}
}

// indexHead reports whether w is a capitalised word for a stock index, a
// compound ending in one where nouns compound ("Leitindex",
// "Nebenwerteindex", "Index"), the head of a curated index after it.
func indexHead(w string) bool {
	return upperInitial(w) && (w == "Index" || len(w) > 6 && strings.HasSuffix(w, "index"))
}

// placePairs makes a LOCATION of a one-word PERSON that joins known places
// by hyphens and is none itself: a route or a pair of countries
// ("Shanghai-Rotterdam"), as close as a name of one word comes to the
// places it names. Other types stay: the gazetteer knows villages named
// like anything ("Israel-Hamas"), and a race may be named after its route
// ("Paris-Brest", a MISC).
func (s *state) placePairs() {
	if s.names == nil {
		return
	}
	var parts [4]string
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if s.drop[mi] || m.Type != Person || m.Nominal || !s.valid(m) || m.TokEnd-m.TokStart != 1 || !strings.Contains(m.Text, "-") {
			continue
		}
		ps := parts[:0]
		for p := range strings.SplitSeq(m.Text, "-") {
			if len(ps) == len(parts) || !upperInitial(p) {
				ps = nil
				break
			}
			ps = append(ps, p)
		}
		if len(ps) < 2 || s.names.Place([]string{m.Text}) {
			continue
		}
		known := true
		for _, p := range ps {
			if !s.names.Place([]string{p}) {
				known = false
				break
			}
		}
		if known {
			s.retype(m, Location)
		}
	}
}

// courtTails returns, for language lang, the endings (lower case, before a
// genitive's "s" or "es") of the one-word compounds that name a court
// where nouns compound ("Landgericht", "Bundesverwaltungsgericht"); not
// "gericht" alone, a dish too ("Nationalgericht").
func courtTails(lang string) []string {
	if lang == "de" {
		return []string{"landgericht", "amtsgericht", "landesgericht", "verwaltungsgericht", "arbeitsgericht", "sozialgericht",
			"finanzgericht", "verfassungsgericht", "strafgericht", "schwurgericht", "kammergericht", "militärgericht",
			"schiedsgericht", "gerichtshof"}
	}
	return nil
}

// courtNames makes a court an ORGANIZATION: a court compound followed by
// the place of its seat ("Landgericht Berlin", the NER's LOCATION "Berlin"
// or "Arbeitsgericht Frankfurt"), or a federal one alone
// ("Bundessozialgericht"), with a state's adjective before it ("das
// Hessische Landesarbeitsgericht"); a name the NER starts with a court
// word is one too. A court word alone ("das Landgericht") names no court.
func (s *state) courtNames() {
	tails := courtTails(s.rl.lang)
	if len(tails) == 0 || s.names == nil {
		return
	}
	court := func(w string) bool {
		if !upperInitial(w) {
			return false
		}
		lw := strings.ToLower(w)
		for _, t := range tails {
			if strings.HasSuffix(lw, t) || strings.HasSuffix(lw, t+"s") || strings.HasSuffix(lw, t+"es") {
				return len(lw) > len(t) || t != "gerichtshof" // "der Gerichtshof" alone is none
			}
		}
		return false
	}
	for fi := range s.fields {
		f := &s.fields[fi]
		toks := f.doc.Tokens
		for i := range toks {
			if f.tokSent[i] < 0 || !court(toks[i].Text) {
				continue
			}
			sent := f.tokSent[i]
			start, end := i, i+1
			if i > 0 && f.tokSent[i-1] == sent && upperInitial(toks[i-1].Text) &&
				(strings.HasSuffix(toks[i-1].Text, "ische") || strings.HasSuffix(toks[i-1].Text, "ischen")) {
				start = i - 1
			}
			if mi := int(f.occ[i]); mi >= 0 {
				// the NER's name of it: a court, from the court word on
				if m := &s.a.Mentions[mi]; named(m) && !s.drop[mi] && m.TokStart == i && m.TokEnd > i+1 && m.Type != Organization {
					s.retype(m, Organization)
				}
				continue
			}
			if n := i + 1; n < len(toks) && f.tokSent[n] == sent && upperInitial(toks[n].Text) {
				if mi := int(f.occ[n]); mi >= 0 {
					if m := &s.a.Mentions[mi]; m.TokStart == n && m.Type == Location && !s.drop[mi] {
						end = m.TokEnd
					}
				} else if s.names.Place([]string{toks[n].Text}) {
					end = n + 1
				}
			}
			if start == i && end == i+1 && !strings.HasPrefix(toks[i].Text, "Bundes") {
				continue
			}
			s.putCourt(fi, start, end)
		}
	}
}

// putCourt makes tokens [i, end) one ORGANIZATION, the mentions inside
// them dropped; nothing when a mention runs out of them.
func (s *state) putCourt(fi, i, end int) {
	f := &s.fields[fi]
	for t := i; t < end; t++ {
		if mi := int(f.occ[t]); mi >= 0 {
			m := &s.a.Mentions[mi]
			if m.TokStart < i || m.TokEnd > end {
				return
			}
			if m.TokStart == i && m.TokEnd == end {
				if named(m) {
					s.retype(m, Organization)
				}
				return
			}
		}
	}
	for t := i; t < end; t++ {
		if mi := int(f.occ[t]); mi >= 0 {
			s.remove(mi)
		}
	}
	s.add(fi, i, end, Organization, listConfidence)
}

// possessivePlace returns the token after a place's possessive that starts
// at token i ("Ukraine's" of "DTEK, Ukraine's largest private energy
// company,"), which serves an apposition as its determiner; -1 for none.
func (s *state) possessivePlace(f *fieldState, i int) int {
	mi := int(f.occ[i])
	if mi < 0 {
		return -1
	}
	m := &s.a.Mentions[mi]
	toks := f.doc.Tokens
	if s.drop[mi] || m.Type != Location || m.TokStart != i || m.TokEnd+1 >= len(toks) {
		return -1
	}
	if w := toks[m.TokEnd].Text; w != "'s" && w != "’s" {
		return -1
	}
	return m.TokEnd + 1
}
