package ruler

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// Confidences of the mentions Apply adds.
const (
	listConfidence      = 0.95
	propagateConfidence = 0.8 // times the source's confidence, at most
	// majorityShare is the share of the confidence-weighted votes a type
	// needs to relabel the other mentions of its name.
	majorityShare = 0.6
	// surnameConfidence: the least confidence of a full PERSON name whose
	// last token makes single-token mentions of it persons.
	surnameConfidence = 0.8
	// nounCaseConfidence: the least confidence of a single-word name
	// propagated in a language that capitalises its nouns.
	nounCaseConfidence = 0.75
	// surnameFloor: the least confidence of a full PERSON name whose
	// surname can relabel a mention the NER was less sure of.
	surnameFloor = 0.5
	// surnameDoubt: below it, the NER's other reading of a surname yields
	// to a full name of at least surnameFloor.
	surnameDoubt = 0.45
)

// Apply corrects the NER mentions of a in place (see the package
// documentation). It must run before resolution: it may drop, relabel,
// add and reorder mentions. It is safe on any input.
func (r *Ruler) Apply(a *analysis.Analysis) { r.ApplyWith(a, nil) }

// Names tells the rules which words are first names and which are
// organisation key words ("Foundation", "Bank"); the NER tagger of the
// article's language does (its gazetteer's lists).
type Names interface {
	FirstName(word string) bool
	OrgKey(word string) bool
	// Place reports whether the words, as one name, are a known city,
	// country or region.
	Place(words []string) bool
	// DateWord reports whether word is a weekday or a month.
	DateWord(word string) bool
	// CapPrior tells how often word is capitalised inside a sentence: 0
	// unknown, 1 seldom (a common word) to 4 nearly always (a name).
	CapPrior(word string) int
}

// ApplyWith is Apply with the first names of names (nil: none known, and
// the rules that need them do nothing).
func (r *Ruler) ApplyWith(a *analysis.Analysis, names Names) {
	if r == nil || a == nil || len(a.Fields) == 0 {
		return
	}
	rl := r.rules(a.Lang)
	if rl == nil {
		return
	}
	s := state{a: a, rl: rl, names: names, fields: make([]fieldState, len(a.Fields))}
	for fi := range a.Fields {
		s.initField(fi)
	}
	s.drop = make([]bool, len(a.Mentions))
	s.keys = make([]string, len(a.Mentions))
	for mi := range a.Mentions {
		s.occupy(mi)
		if m := &a.Mentions[mi]; named(m) {
			s.keys[mi] = m.Text
		}
	}
	s.trimPunctuation()
	s.punctuationSplits()
	s.dropLetters()
	s.dropDemonyms()
	s.stripDeterminers()
	s.honorificPersons()
	s.titlePieces()
	s.titleHeads()
	s.ministries()
	s.ministryNames()
	s.ministryCompounds()
	s.courtNames()
	s.titledHeads()
	s.possessivePlaces()
	s.possessiveFacilities()
	s.possessiveOrgs()
	s.placePairs()
	s.conjoinedPersons()
	s.conjoinedNames()
	s.employers()
	s.trimTails()
	s.placeNames()
	s.stormNames()
	s.productNames()
	s.miscNames()
	s.applyList()
	s.modelNames()
	s.countryNames()
	s.datelines()
	s.orgHeads()
	s.orgAppositions()
	s.orgTails()
	s.orgHeadNames()
	s.orgPlaces()
	s.hyphenOrgs()
	s.bracketAcronyms()
	s.bracketNames()
	s.authorityNames()
	s.companyNames()
	s.companyShortNames()
	s.acronymLists()
	s.parenAcronyms()
	s.headlineNames()
	s.shortOrgNames()
	s.consistency()
	s.headlineSurnames()
	s.propagate()
	s.finish()
}

// state is the working state of one Apply call.
type state struct {
	a      *analysis.Analysis
	rl     *rules
	names  Names // nil: no first names known
	fields []fieldState
	drop   []bool            // per mention
	keys   []string          // per mention: text of named mentions, "" for others
	fixed  map[string]string // name -> type set by the list ruler
	added  bool
}

type fieldState struct {
	doc *text.Doc
	occ []int32 // token -> mention index covering it, -1 when free
	// tokSent: token -> sentence index; -1 outside every sentence.
	tokSent []int32
	cur     cursor // token -> byte offset in doc.Text
	// caseless: the field is a headline in Title Case or all caps.
	caseless bool
}

func (s *state) initField(fi int) {
	f := &s.fields[fi]
	f.doc = &s.a.Fields[fi].Doc
	n := len(f.doc.Tokens)
	buf := make([]int32, 2*n) // one allocation for both
	f.occ, f.tokSent = buf[:n:n], buf[n:]
	for i := range f.occ {
		f.occ[i], f.tokSent[i] = -1, -1
	}
	for si, se := range f.doc.Sentences {
		if se.First < 0 || se.Last > n || se.First >= se.Last {
			continue
		}
		for t := se.First; t < se.Last; t++ {
			f.tokSent[t] = int32(si)
		}
	}
	if fi == 0 {
		f.caseless = caselessHeadline(f.doc.Tokens, s.rl.stop)
	}
}

// occupy marks the tokens of mention mi (when its fields are ready).
func (s *state) occupy(mi int) {
	m := &s.a.Mentions[mi]
	if !s.valid(m) {
		return
	}
	f := &s.fields[m.Field]
	for t := m.TokStart; t < m.TokEnd; t++ {
		f.occ[t] = int32(mi)
	}
}

// valid reports whether m's field and token range are usable.
func (s *state) valid(m *analysis.Mention) bool {
	if m.Field < 0 || m.Field >= len(s.fields) {
		return false
	}
	n := len(s.a.Fields[m.Field].Doc.Tokens)
	return m.TokStart >= 0 && m.TokEnd <= n && m.TokStart < m.TokEnd
}

// named reports whether m is a named mention Apply may correct.
func named(m *analysis.Mention) bool {
	if m.Nominal {
		return false
	}
	switch m.Type {
	case Person, Organization, Location, Misc:
		return true
	}
	return false
}

// placeNames extends a named mention preceded, in its sentence, by a
// lower-case place head of the language ("place", "rue", "aéroport",
// "piazza") to include that head, and makes it a LOCATION: "place Kim
// Il-sung" is a square, not the person it is named after.
func (s *state) placeNames() {
	if len(s.rl.placeHeads) == 0 {
		return
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if s.drop[mi] || !named(m) || !s.valid(m) || m.TokStart == 0 {
			continue
		}
		f := &s.fields[m.Field]
		h := m.TokStart - 1
		if !s.rl.placeHeads[f.doc.Tokens[h].Text] {
			h = s.streetHeadBefore(f, m.TokStart)
		}
		if h < 0 || f.tokSent[h] != f.tokSent[m.TokStart] || !s.freeRun(f, h, m.TokStart) {
			continue
		}
		head := f.doc.Tokens[h]
		m.TokStart = h
		m.Start = head.Start
		m.Text = f.span(h, m.TokEnd)
		m.Type = Location
		s.keys[mi] = m.Text
		f.occ[h] = int32(mi)
		s.fix(m.Text, Location)
	}
}

// streetHeadBefore returns the token of a street word (street-heads.txt)
// that stands before token i with a link word between ("rue d'Aubagne",
// "quai d'Orsay", "avenue des Champs-Elysées"), or -1.
func (s *state) streetHeadBefore(f *fieldState, i int) int {
	if len(s.rl.streetHeads) == 0 {
		return -1
	}
	toks := f.doc.Tokens
	for h := i - 1; h >= max(0, i-4); h-- {
		if s.rl.streetHeads[toks[h].Text] {
			return h
		}
		if w := toks[h].Text; !particle(w) && w != "'" && w != "’" {
			return -1
		}
	}
	return -1
}

// freeRun reports whether no mention holds tokens [i, end) of f.
func (s *state) freeRun(f *fieldState, i, end int) bool {
	for t := i; t < end; t++ {
		if f.occ[t] >= 0 {
			return false
		}
	}
	return true
}

// stormNames makes a name a MISC when a storm word of the language is its
// first word or stands just before it in its sentence (where adjectives
// follow the noun, one lower-case adjective may come between): "l'ouragan
// Sandy", "l'ouragan meurtrier Sandy" are no LOCATION, "Typhoon Haiyan" no
// PERSON. A ship or drug word (misc-heads.txt) does the same just before a
// name ("the tanker Sounion"), and a ship prefix as its first word ("USS
// Carney").
func (s *state) stormNames() {
	if len(s.rl.stormHeads) == 0 && len(s.rl.miscHeads) == 0 {
		return
	}
	adjAfter := adjectiveAfter(s.rl.lang)
	var buf [32]byte
	storm := func(w string) bool {
		return len(w) < len(buf) && hasLetter(w) && s.rl.stormHeads[string(foldShort(buf[:0], w))]
	}
	head := func(w string) bool {
		if len(w) >= len(buf) || !hasLetter(w) {
			return false
		}
		k := foldShort(buf[:0], w) // folded once for both lists
		return s.rl.stormHeads[string(k)] || s.rl.miscHeads[string(k)]
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if s.drop[mi] || !named(m) || !s.valid(m) {
			continue
		}
		f := &s.fields[m.Field]
		i := m.TokStart
		first := f.doc.Tokens[i].Text
		switch {
		case m.TokEnd-i > 1 && storm(first): // "Hurricane Beryl"
			s.fix(f.span(i+1, m.TokEnd), Misc) // "Sandy" alone elsewhere
		case m.TokEnd-i > 1 && isUpperWord(first) && !isUpperWord(f.doc.Tokens[i+1].Text) && head(first): // "USS Carney", not "DRUG ENFORCEMENT"
		case m.Type == Misc || !s.headBefore(f, i, adjAfter, head):
			continue
		}
		m.Type = Misc
		s.fix(m.Text, Misc)
	}
}

// productNames makes a MISC of a PERSON or LOCATION mention right after a
// lower-case product head of the language (product-heads.txt; where
// adjectives follow the noun, one lower-case adjective may come between),
// or that opens with one (left out): "la fusée Ariane 6", "le satellite
// militaire Syracuse", "la constellation Galileo" name a launcher and
// satellites, not a person or a place. An ORGANIZATION stays one ("le vaccin Pfizer"
// names the company's vaccine by its maker).
func (s *state) productNames() {
	if len(s.rl.productHeads) == 0 && len(s.rl.productTails) == 0 {
		return
	}
	adjAfter := adjectiveAfter(s.rl.lang)
	var buf [32]byte
	product := func(w string) bool {
		return len(w) < len(buf) && hasLetter(w) && !upperInitial(w) && s.rl.productHeads[string(foldShort(buf[:0], w))]
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if s.drop[mi] || !named(m) || !s.valid(m) || m.Type == Misc {
			continue
		}
		f := &s.fields[m.Field]
		if s.productTailAfter(f, m) {
			m.Type = Misc
			s.fix(m.Text, Misc)
			continue
		}
		if m.Type != Person && m.Type != Location {
			continue
		}
		i := m.TokStart
		if m.TokEnd-i > 1 && product(f.doc.Tokens[i].Text) && upperInitial(f.doc.Tokens[i+1].Text) {
			s.narrow(mi, i+1, m.TokEnd) // the head is no part of the name
		} else if !s.headBefore(f, i, adjAfter, product) || bareHead(f.doc.Tokens, i, product) || m.Type == Person && s.personElsewhere(mi) {
			continue
		}
		m.Type = Misc
		s.fix(m.Text, Misc)
	}
}

// productTailAfter reports whether a product tail (product-tails.txt)
// follows mention m in its sentence: "its Starship rocket", "the Super
// Heavy booster", "the Artemis III spacecraft" name a launcher and a
// spacecraft. A known place before one stays ("the Gaza rocket fire"), and
// an organisation stays unless a possessive determiner opens the phrase
// ("the SpaceX rocket" is the company's; "its Starship rocket" is the
// product's name).
func (s *state) productTailAfter(f *fieldState, m *analysis.Mention) bool {
	toks := f.doc.Tokens
	e := m.TokEnd
	if len(s.rl.productTails) == 0 || e >= len(toks) || f.tokSent[e] != f.tokSent[m.TokStart] || f.occ[e] >= 0 {
		return false
	}
	w := toks[e].Text
	var buf [32]byte
	if len(w) >= len(buf) || !lowerInitial(w) || !s.rl.productTails[string(foldShort(buf[:0], w))] {
		return false
	}
	switch m.Type {
	case Person:
		return true
	case Location:
		var words [8]string
		return s.names == nil || m.TokEnd-m.TokStart > len(words) || !s.names.Place(tokenTexts(toks, m.TokStart, m.TokEnd, words[:0]))
	}
	i := m.TokStart - 1
	return i >= 0 && f.tokSent[i] == f.tokSent[m.TokStart] && possessiveDet(strings.ToLower(toks[i].Text))
}

// possessiveDet reports whether w (lower case) is an English possessive
// determiner (product-tails.txt is English only).
func possessiveDet(w string) bool {
	switch w {
	case "its", "their", "his", "her":
		return true
	}
	return false
}

// bareHead reports whether the product head before token i (just before
// it, or before one adjective) follows a bare "de" or "di": an idiom
// names no product ("les têtes de série Sara Errani" are seeds).
func bareHead(toks []text.Token, i int, product func(string) bool) bool {
	for h := i - 1; h >= max(1, i-2); h-- {
		if w := toks[h-1].Text; product(toks[h].Text) && (w == "de" || w == "di") {
			return true
		}
	}
	return false
}

// modelSuffix reports whether w ends a product's model name after it or
// its number ("737 MAX", "iPhone 16 Pro", "Galaxy S24 Ultra").
func modelSuffix(w string) bool {
	switch w {
	case "MAX", "Max", "Pro", "Ultra", "Plus", "Mini", "mini":
		return true
	}
	return false
}

// modelNames takes into a MISC the model number and suffixes the NER left
// out or tagged apart: "Boeing 737" and "MAX", "iPhone" before "16 Pro".
// A number alone is taken only after a curated product ("the iPhone 16";
// not "Wegovy 2 mg"), or before a suffix; a year never is.
func (s *state) modelNames() {
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if s.drop[mi] || !named(m) || !s.valid(m) || m.Type != Misc {
			continue
		}
		f := &s.fields[m.Field]
		toks := f.doc.Tokens
		sent := f.tokSent[m.TokStart]
		free := func(t int) bool {
			if t >= len(toks) || f.tokSent[t] != sent || !toks[t].SpaceBefore {
				return false
			}
			o := f.occ[t]
			return o < 0 || o != int32(mi) && s.a.Mentions[o].TokStart == t && s.a.Mentions[o].TokEnd == t+1
		}
		t := m.TokEnd
		if w := toks[min(t, len(toks)-1)].Text; free(t) && len(w) <= 4 && allDigits(w) && !yearLike(w) &&
			(s.fixed[m.Text] == Misc && !s.unitAfter(toks, t+1) || free(t+1) && modelSuffix(toks[t+1].Text)) {
			t++
		}
		for free(t) && modelSuffix(toks[t].Text) {
			t++
		}
		if t == m.TokEnd {
			continue
		}
		for k := m.TokEnd; k < t; k++ {
			if o := f.occ[k]; o >= 0 {
				s.remove(int(o))
			}
		}
		s.narrow(mi, m.TokStart, t)
		s.occupy(mi)
		s.fix(m.Text, Misc)
	}
}

// unitAfter reports whether token t is a lower-case word other than a
// stopword: the number before it counts something ("Wegovy 2 mg", "2
// doses"), it is no model number ("the iPhone 16 is", "the iPhone 16.").
func (s *state) unitAfter(toks []text.Token, t int) bool {
	return t < len(toks) && lowerInitial(toks[t].Text) && !s.rl.stop[strings.ToLower(toks[t].Text)]
}

// yearLike reports whether the digits w read as a year ("Coupe du monde
// 1994": the year stays a date).
func yearLike(w string) bool {
	return len(w) == 4 && (w[:2] == "19" || w[:2] == "20")
}

// allDigits reports whether w is a non-empty run of ASCII digits.
func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// personElsewhere reports whether another PERSON mention of the article
// ends in the last word of mention mi: "le programme Bardella" after
// "Jordan Bardella" is the man's.
func (s *state) personElsewhere(mi int) bool {
	m := &s.a.Mentions[mi]
	last := s.fields[m.Field].doc.Tokens[m.TokEnd-1].Text
	for oi := range s.a.Mentions {
		o := &s.a.Mentions[oi]
		if oi == mi || s.drop[oi] || o.Type != Person || !s.valid(o) {
			continue
		}
		if s.fields[o.Field].doc.Tokens[o.TokEnd-1].Text == last {
			return true
		}
	}
	return false
}

// miscNames makes a name of two words or more that ends in a law,
// treaty, plan or event word (common/misc-tails.txt, English in any
// language's copy) a MISC: "the Stop Online Piracy Act" is no PERSON, nor
// "the Online Safety Bill" a place. So is an organisation or place that
// opens with such a word of the language (misc-firsts.txt): "le traité de
// Lisbonne", "le Prix Goncourt", "la Cumbre de la OTAN", unless an
// organisation word ends it ("the Treaty Oak Foundation").
func (s *state) miscNames() {
	if len(s.rl.miscTails) == 0 && len(s.rl.miscFirsts) == 0 {
		return
	}
	var fold [32]byte
	for mi := range s.a.Mentions {
		if s.eventFirst(mi) {
			continue
		}
		m := &s.a.Mentions[mi]
		if !s.reshapable(mi) || m.Type == Misc {
			continue
		}
		toks := s.fields[m.Field].doc.Tokens
		last := toks[m.TokEnd-1].Text
		misc := s.rl.miscTails[last]
		if h := toks[m.TokStart].Text; !misc && m.Type != Person && !s.rl.orgTails[last] && !s.rl.legalForms[last] && len(h) <= len(fold) {
			misc = s.rl.miscFirsts[string(lexicon.AppendFold(fold[:0], h))]
		}
		if misc {
			m.Type = Misc
			s.fix(m.Text, Misc)
		}
	}
}

// eventFirst takes a capitalised MISC first word (misc-firsts.txt) and a
// link word (title-links.txt) the NER left out before a PERSON or
// LOCATION mention into it, and makes the whole a MISC: "Salon du
// Bourget" tagged "Bourget" alone in a headline, "Treaty of Versailles"
// tagged "Versailles", name an event and a treaty, not a town. It reports
// whether it did.
func (s *state) eventFirst(mi int) bool {
	m := &s.a.Mentions[mi]
	if len(s.rl.miscFirsts) == 0 || s.drop[mi] || !named(m) || !s.valid(m) || m.Type != Person && m.Type != Location {
		return false
	}
	f := &s.fields[m.Field]
	toks := f.doc.Tokens
	i, sent := m.TokStart, f.tokSent[m.TokStart]
	var fold [64]byte
	for n := 1; n <= 2; n++ {
		first := i - n - 1
		if first < 0 || f.tokSent[first] != sent {
			return false
		}
		key := fold[:0]
		for t := first + 1; t < i; t++ {
			if t > first+1 {
				key = append(key, ' ')
			}
			key = lexicon.AppendFold(key, toks[t].Text)
		}
		if !s.rl.titleLinks[string(key)] {
			continue
		}
		w := toks[first].Text
		if !upperInitial(w) || isUpperWord(w) || len(w) > 24 || !s.rl.miscFirsts[string(lexicon.AppendFold(fold[:0], w))] {
			return false
		}
		for t := first; t < i; t++ {
			if f.occ[t] >= 0 {
				return false
			}
		}
		s.narrow(mi, first, m.TokEnd)
		s.occupy(mi)
		m.Type = Misc
		s.fix(m.Text, Misc)
		return true
	}
	return false
}

// dropDemonyms drops MISC and LOCATION mentions that are only a demonym
// or a language name ("russes", "American", "nord-coréens"), and mentions
// that are only a capitalised common noun of the language ("Etat") or a
// function word ("Le", "The"), unless in capitals ("UN", "WHO"), only a
// title in capitals ("PDG", "CEO") and, in German, one lower-case word
// ("französischen").
func (s *state) dropDemonyms() {
	var seen map[string]bool // text -> dropped
	var buf [32]byte
	nounCase := nounCase(s.rl.lang)
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if !named(m) || !s.valid(m) {
			continue
		}
		if m.TokEnd-m.TokStart == 1 && nounCase && !hasUpper(m.Text) {
			s.remove(mi) // "französischen": German writes its names and nouns capitalised
			continue
		}
		if m.TokEnd-m.TokStart == 1 && len(m.Text) < len(buf) && !isUpperWord(m.Text) {
			if k := foldShort(buf[:0], m.Text); s.rl.notNames[string(k)] {
				s.remove(mi) // "Etat", "Cour": a capitalised common noun; "Le", "The"
				continue
			}
		}
		if s.romanOrdinal(m) {
			s.remove(mi) // "au XIXe siècle", "le XXe": a century, no place
			continue
		}
		if m.TokEnd-m.TokStart == 1 && isUpperWord(m.Text) && s.rl.lex != nil && s.rl.lex.Has("titles", m.Text) {
			s.remove(mi) // "son PDG Patrick Pouyanné", "CEO": a title, read by relate
			continue
		}
		if s.wholeTitle(m) {
			s.remove(mi) // "pelo Presidente da República, Marcelo Rebelo de Sousa": a title, read by relate
			continue
		}
		if m.TokEnd-m.TokStart == 1 && s.titleBeforePerson(mi) {
			s.remove(mi) // "Premier Donald Tusk": the title taken apart from the name
			continue
		}
		if m.TokEnd-m.TokStart == 1 && strings.Contains(m.Text, "-") && s.rl.lex != nil && s.rl.lex.CompoundTitle(m.Text) != "" {
			s.remove(mi) // "dem FDP-Chef": a party's title, read by relate
			continue
		}
		if m.Type != Misc && m.Type != Location {
			continue
		}
		if m.Type == Misc && s.quotedSpeech(m) {
			s.remove(mi) // « Nous sommes prêts », a déclaré …
			continue
		}
		drop, ok := seen[m.Text]
		if !ok {
			drop = s.demonym(m)
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[m.Text] = drop
		}
		if drop {
			s.remove(mi)
		}
	}
}

// trimPunctuation cuts off the ends of a named mention the tokens no name
// starts or ends with: sentence punctuation and dashes ("Jean-Mimi !",
// "Conseil de sécurité -", "- Le Qatar") and, at the end, an elided word
// ("Commission n'"). A final "!" or "?" stays in a MISC of two words or
// more (a title of a work: "Mamma Mia !") and in an organisation that
// writes it right after its name ("Yahoo!").
func (s *state) trimPunctuation() {
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if !s.reshapable(mi) {
			continue
		}
		toks := s.fields[m.Field].doc.Tokens
		start, end := m.TokStart, m.TokEnd
		for start < end && edgePunct(toks[start].Text) {
			start++
		}
		for end > start && (edgePunct(toks[end-1].Text) && !s.keepsMark(m, toks, end-1) || elided(toks[end-1].Text)) {
			end--
		}
		switch {
		case start == end:
			s.remove(mi)
		case start > m.TokStart || end < m.TokEnd:
			s.narrow(mi, start, end)
		}
	}
}

// edgePunct reports whether w is a punctuation token no name starts or
// ends with.
func edgePunct(w string) bool {
	switch w {
	case "!", "?", ":", ";", ",", "-", "–", "—", "…":
		return true
	}
	return false
}

// keepsMark reports whether the "!" or "?" at token t ends mention m's
// name: the title of a work, of two words or more ("Mamma Mia !", not
// "notre Assemblée !"), or a brand that writes it right after its last
// letter ("Yahoo!").
func (s *state) keepsMark(m *analysis.Mention, toks []text.Token, t int) bool {
	if w := toks[t].Text; w != "!" && w != "?" || t == m.TokStart {
		return false
	}
	return m.Type == Misc && t-m.TokStart >= 2 || m.Type == Organization && toks[t-1].End == toks[t].Start
}

// elided reports whether w is an elided word of one or two letters and
// an apostrophe ("n'", "L’", "qu'"), which never ends a name.
func elided(w string) bool {
	stem, ok := strings.CutSuffix(w, "'")
	if !ok {
		stem, ok = strings.CutSuffix(w, "’")
	}
	if !ok || stem == "" || len(stem) > 2 {
		return false
	}
	for _, c := range stem {
		if !unicode.IsLetter(c) {
			return false
		}
	}
	return true
}

// romanOrdinal reports whether mention m is a Roman ordinal ("XIXe",
// "IIIème", "Ve"), alone or before a lower-case word ("XXe siècle"): a
// century or a rank, never a name ("François Ier" holds a name).
func (s *state) romanOrdinal(m *analysis.Mention) bool {
	toks := s.fields[m.Field].doc.Tokens
	n := m.TokEnd - m.TokStart
	if n > 2 || n == 2 && upperInitial(toks[m.TokEnd-1].Text) {
		return false
	}
	w := toks[m.TokStart].Text
	if w == "" {
		return false
	}
	switch w[0] {
	case 'I', 'V', 'X', 'L', 'C', 'M':
	default:
		return false
	}
	var num string
	for _, suffix := range [...]string{"e", "ème", "eme", "er", "re"} {
		if v, ok := strings.CutSuffix(w, suffix); ok && v != "" {
			num = v
			break
		}
	}
	if num == "" {
		return false
	}
	for _, c := range num {
		switch c {
		case 'I', 'V', 'X', 'L', 'C', 'M':
		default:
			return false
		}
	}
	return true
}

// wholeTitle reports whether mention m of two words or more is a title of
// the lexicon from end to end ("Presidente da República", "Prime
// Minister").
func (s *state) wholeTitle(m *analysis.Mention) bool {
	n := m.TokEnd - m.TokStart
	if s.rl.lex == nil || n < 2 || n > maxTitleLead {
		return false
	}
	var buf [maxTitleLead]string
	return s.rl.lex.TitleAt(tokenTexts(s.fields[m.Field].doc.Tokens, m.TokStart, m.TokEnd, buf[:0])) == n
}

// titleBeforePerson reports whether one-token mention mi is a title of
// the lexicon right before a PERSON mention of its sentence.
func (s *state) titleBeforePerson(mi int) bool {
	m := &s.a.Mentions[mi]
	f := &s.fields[m.Field]
	if s.rl.lex == nil || m.TokEnd >= len(f.occ) || f.occ[m.TokEnd] < 0 || f.tokSent[m.TokEnd] != f.tokSent[m.TokStart] {
		return false
	}
	next := &s.a.Mentions[f.occ[m.TokEnd]]
	return next.Type == Person && next.TokStart == m.TokEnd && s.rl.lex.TitleAt([]string{m.Text}) == 1
}

// quotedSpeech reports whether a mention of three words or more, with a
// lower-case word of four letters or more, fills a quotation (the tokens
// just outside it are quotation marks, a final comma or stop allowed)
// whose first word is a subject pronoun of the language
// (speech-openers.txt): "« Nous sommes prêts »" is what someone said,
// not the title of a work.
func (s *state) quotedSpeech(m *analysis.Mention) bool {
	if len(s.rl.speechOpeners) == 0 || m.TokEnd-m.TokStart < 3 || m.TokStart == 0 {
		return false
	}
	toks := s.fields[m.Field].doc.Tokens
	end := m.TokEnd
	if end+1 < len(toks) && (toks[end].Text == "," || toks[end].Text == "." || toks[end].Text == "!" || toks[end].Text == "?") {
		end++ // "We are ready," she said
	}
	if end >= len(toks) || !isOpenQuote(toks[m.TokStart-1].Text) || !isCloseQuote(toks[end].Text) {
		return false
	}
	// Speech is written in sentence case: a quotation in Title Case (its
	// short function words aside) is more likely the title it looks like
	// ("We Are the World").
	lower := false
	for t := m.TokStart + 1; t < m.TokEnd && !lower; t++ {
		w := toks[t].Text
		r, _ := utf8.DecodeRuneInString(w)
		lower = unicode.IsLower(r) && utf8.RuneCountInString(w) >= 4
	}
	if !lower {
		return false
	}
	first := toks[m.TokStart].Text
	if i := strings.IndexAny(first, "'’"); i > 0 {
		first = first[:i] // "C'est", "J'ai": the pronoun
	}
	return s.rl.speechOpeners[lexicon.Fold(first)]
}

// demonym reports whether m is only a demonym or a language name (and
// not also a country name).
func (s *state) demonym(m *analysis.Mention) bool {
	k := lexicon.Fold(m.Text)
	if s.rl.languages[k] {
		return true
	}
	lex := s.rl.lex
	if lex == nil {
		return false
	}
	toks := s.a.Fields[m.Field].Doc.Tokens[m.TokStart:m.TokEnd]
	if len(toks) == 1 {
		if !demonyms(lex, k) && !demonymCompound(lex, m.Text) {
			return false
		}
	} else {
		var buf [8]string
		if len(toks) > len(buf) {
			return false
		}
		words := buf[:0]
		for _, t := range toks {
			words = append(words, t.Text)
		}
		for len(words) > 0 { // "Egyptian - Qatari": demonyms joined by hyphens
			n, _, _ := lex.DemonymAt(words)
			if n == 0 {
				return false
			}
			words = words[n:]
			if len(words) > 0 {
				if words[0] != "-" || len(words) == 1 {
					return false
				}
				words = words[1:]
			}
		}
	}
	_, isCountry := lex.Country(k)
	return !isCountry
}

// demonyms reports whether the folded word k is a demonym, or demonyms
// joined by hyphens (folded to spaces: "egyptian qatari"; "franco-allemand"
// is not: "franco" is no demonym).
func demonyms(lex *lexicon.Lexicon, k string) bool {
	if _, _, ok := lex.Demonym(k); ok {
		return true
	}
	if !strings.Contains(k, " ") {
		return false
	}
	for part := range strings.SplitSeq(k, " ") {
		if _, _, ok := lex.Demonym(part); !ok {
			return false
		}
	}
	return true
}

// demonymCompound reports whether w is a demonym and a lower-case word
// joined by a hyphen ("Greek-owned", "Liberian-flagged", "US-backed" is
// not: a country name), an adjective like the demonym alone, or a demonym
// after another or after a combining form ("German-Polish",
// "Franco-German", "Sino-American").
func demonymCompound(lex *lexicon.Lexicon, w string) bool {
	i := strings.LastIndexByte(w, '-')
	if i <= 0 || i == len(w)-1 {
		return false
	}
	head, tail := w[:i], w[i+1:]
	if strings.IndexFunc(tail, func(r rune) bool { return !unicode.IsLower(r) }) < 0 {
		_, _, ok := lex.Demonym(lexicon.Fold(head))
		return ok
	}
	if _, _, ok := lex.Demonym(lexicon.Fold(tail)); !ok || !upperInitial(head) || strings.Contains(head, "-") {
		return false
	}
	if _, _, ok := lex.Demonym(lexicon.Fold(head)); ok {
		return true
	}
	return len(head) >= 4 && head[len(head)-1] == 'o' && strings.IndexFunc(head[1:], unicode.IsUpper) < 0
}

// stripDeterminers cuts a lower-case determiner the NER took into the
// start of a name ("the Pentagon", "la Russie"); capitalised ones belong
// to it ("The Hague", "Le Pen").
func (s *state) stripDeterminers() {
	dets := s.rl.lex.List("determiners")
	if len(dets) == 0 {
		return
	}
	for mi := range s.a.Mentions {
		if !s.reshapable(mi) {
			continue
		}
		m := &s.a.Mentions[mi]
		f := &s.fields[m.Field]
		toks := f.doc.Tokens
		w := toks[m.TokStart].Text
		if !dets[w] && !s.leadingPreposition(mi) || !upperInitial(toks[m.TokStart+1].Text) {
			continue // dets holds lower-case words: "The" is not one
		}
		s.narrow(mi, m.TokStart+1, m.TokEnd)
	}
}

// leadingPreposition reports whether LOCATION mention mi starts its
// sentence (or follows a dash or a quote) with a capitalised function
// word that is no determiner, the rest of it a known place and the whole
// not one: "À Porto, dans le nord du Portugal", but "Le Havre", "Los
// Angeles", "The Hague".
func (s *state) leadingPreposition(mi int) bool {
	m := &s.a.Mentions[mi]
	if m.Type != Location || s.names == nil {
		return false
	}
	f := &s.fields[m.Field]
	toks := f.doc.Tokens
	i := m.TokStart
	if i > 0 && f.tokSent[i-1] == f.tokSent[i] && hasLetter(toks[i-1].Text) {
		return false // not first in its sentence, nor after a dash or quote
	}
	w := toks[i].Text
	if !upperInitial(w) || !s.rl.stop[strings.ToLower(w)] || s.rl.lex.List("determiners")[strings.ToLower(w)] {
		return false
	}
	var buf [8]string
	return m.TokEnd-i <= len(buf) && !s.names.Place(tokenTexts(toks, i, m.TokEnd, buf[:0])) && s.names.Place(tokenTexts(toks, i+1, m.TokEnd, buf[:0]))
}

// titlePieces drops a name that is only the capitalised first words of a
// title going on in lower case after it ("le Premier ministre qatari"
// with "Premier" tagged PERSON; "Le Premier ministre" in a headline): the
// title is no name, and a name taken from it would hold the person's
// title. A leading determiner may be in the mention; a title ending
// inside the mention ("Premier League") keeps it.
func (s *state) titlePieces() {
	lex := s.rl.lex
	if lex == nil {
		return
	}
	var buf [maxTitleLead + 4]string
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if !named(m) || !s.valid(m) || s.drop[mi] || m.TokEnd-m.TokStart > 3 {
			continue
		}
		toks := s.fields[m.Field].doc.Tokens
		if m.TokEnd >= len(toks) || !lowerInitial(toks[m.TokEnd].Text) {
			continue
		}
		start := m.TokStart
		if d := strings.ToLower(toks[start].Text); m.TokEnd-start > 1 && lex.List("determiners")[d] {
			start++
		}
		if !upperInitial(toks[start].Text) {
			continue
		}
		words := tokenTexts(toks, start, len(toks), buf[:0])
		if n := lex.TitleAt(words); start+n > m.TokEnd {
			s.remove(mi)
		}
	}
}

// maxTitleLead bounds how many tokens before a mention a title may start
// that ends inside it.
const maxTitleLead = 6

// titleHeads cuts off the start of a name the NER ran back into the end
// of a title ("le président de la République Emmanuel Macron" tagged as
// one LOCATION "République Emmanuel Macron") or a whole title it took in
// ("papa Francisco"; in German "Papst Franziskus" too): what follows a
// title is a person. The rest of a name run back into a title becomes
// one when it is two capitalised words or more; what follows a whole
// title always does.
func (s *state) titleHeads() {
	lex := s.rl.lex
	if lex == nil {
		return
	}
	var buf [maxTitleLead + 8]string
	var fold [64]byte
	nounCase := nounCase(s.rl.lang)
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if !s.reshapable(mi) {
			continue
		}
		f := &s.fields[m.Field]
		toks := f.doc.Tokens
		if first := toks[m.TokStart].Text; !upperInitial(first) || nounCase && m.Type == Person {
			// A title the NER took into the name ("papa Francisco",
			// "Papst Franziskus", "Grünen-Chefin Ricarda"): a name does
			// not start in lower case, and in German a capitalised title
			// is a noun; elsewhere "General Electric" and "Sultan Al
			// Jaber" are names.
			words := tokenTexts(toks, m.TokStart, m.TokEnd, buf[:0])
			if n := lex.TitleAt(words); n > 0 && m.TokStart+n < m.TokEnd && upperInitial(toks[m.TokStart+n].Text) {
				s.narrow(mi, m.TokStart+n, m.TokEnd)
				m.Type = Person // what follows a whole title is a person
				continue
			}
		} else if dn, _, _ := lex.DemonymAt(tokenTexts(toks, m.TokStart, m.TokEnd, buf[:0])); dn > 0 {
			// "Chinese Vice Premier He Lifeng" taken whole: a demonym and
			// a title before a full name ("American President Lines", one
			// word after the title, is left alone).
			words := tokenTexts(toks, m.TokStart+dn, m.TokEnd, buf[:0])
			if n := lex.TitleAt(words); n > 0 && m.TokEnd-(m.TokStart+dn+n) >= 2 && upperInitial(toks[m.TokStart+dn+n].Text) {
				s.narrow(mi, m.TokStart+dn+n, m.TokEnd)
				m.Type = Person
				continue
			}
		}
		if m.TokStart == 0 {
			continue
		}
		inner := s.rl.titleInner[string(lexicon.AppendFold(fold[:0], toks[m.TokStart].Text))]
		if !inner && !s.afterPortfolioLink(f, m.TokStart) {
			continue // no title goes on with the name's first word
		}
		sent := f.tokSent[m.TokStart]
		lo := max(0, m.TokStart-maxTitleLead)
		words := buf[:0]
		for t := lo; t < min(m.TokEnd, m.TokStart+len(buf)-maxTitleLead); t++ {
			words = append(words, toks[t].Text)
		}
		for p := lo; p < m.TokStart; p++ {
			if f.tokSent[p] != sent || f.occ[p] >= 0 {
				continue
			}
			n := lex.TitleAt(words[p-lo:])
			if n > 0 && p+n <= m.TokStart {
				// "la ministre des Solidarités Aurore Bergé": the NER took
				// the portfolio into the name; the rest must be a full name
				// ("le secrétaire d'État de Joe Biden" is left alone).
				if pf := lex.PortfolioAt(words[p-lo:p-lo+n], words[p-lo+n:]); pf > 0 && m.TokEnd-(p+n+pf) >= 2 {
					n += pf
				} else if !inner {
					continue
				}
			}
			cut := p + n
			if n == 0 || cut <= m.TokStart || cut >= m.TokEnd || !upperInitial(toks[cut].Text) {
				continue
			}
			s.narrow(mi, cut, m.TokEnd)
			if m.TokEnd-cut >= 2 {
				m.Type = Person
			}
			break
		}
	}
}

// tokenTexts appends to dst the texts of tokens [i, end), as many as dst can
// hold.
func tokenTexts(toks []text.Token, i, end int, dst []string) []string {
	for t := i; t < end && len(dst) < cap(dst); t++ {
		dst = append(dst, toks[t].Text)
	}
	return dst
}

// afterPortfolioLink reports whether the word before token i (an
// apostrophe skipped) ends a portfolio link of the language ("des" of
// "ministre des Solidarités", "l'" of "chargé de l'Europe").
func (s *state) afterPortfolioLink(f *fieldState, i int) bool {
	if len(s.rl.portfolioLast) == 0 {
		return false
	}
	toks := f.doc.Tokens
	for i--; i >= 0 && (toks[i].Text == "'" || toks[i].Text == "’"); i-- {
	}
	return i >= 0 && s.rl.portfolioLast[lexicon.Fold(toks[i].Text)]
}

// trimTails cuts the lower-case words a name ran on into ("Conseil de
// sécurité visant", "Parti populaire exclut"; not a demonym: "Parti
// socialiste bulgare") when the shorter name is attested: another mention
// of the article or a curated name, or, for a headline, the start of a
// longer name of the body. A word that never ends a name ("l'Insee
// mardi": not-tails.txt) is cut whatever the article says.
func (s *state) trimTails() {
	var texts map[string]bool
	for mi := range s.a.Mentions {
		if !s.reshapable(mi) {
			continue
		}
		m := &s.a.Mentions[mi]
		f := &s.fields[m.Field]
		toks := f.doc.Tokens
		if end := m.TokEnd; len(s.rl.notTails) > 0 {
			for end-m.TokStart > 1 && s.rl.notTails[toks[end-1].Text] {
				end--
			}
			if end < m.TokEnd {
				s.narrow(mi, m.TokStart, end)
			}
		}
		if m.TokEnd-m.TokStart < 3 {
			continue
		}
		last := toks[m.TokEnd-1].Text
		if !hasLetter(last) || upperInitial(last) || s.rl.stop[strings.ToLower(last)] {
			continue
		}
		if texts == nil {
			texts = make(map[string]bool, len(s.a.Mentions))
			for mj := range s.a.Mentions {
				if mm := &s.a.Mentions[mj]; named(mm) {
					texts[mm.Text] = true
				}
			}
		}
		for end := m.TokEnd - 1; end-m.TokStart >= 2; end-- {
			w := toks[end].Text
			if !hasLetter(w) || upperInitial(w) || s.rl.stop[strings.ToLower(w)] {
				break // only plain lower-case words are cut
			}
			if s.rl.lex != nil {
				if _, _, ok := s.rl.lex.Demonym(lexicon.Fold(w)); ok {
					break // "Parti socialiste bulgare", "Conseil constitutionnel sénégalais"
				}
			}
			prefix := f.span(m.TokStart, end)
			if !texts[prefix] && !s.listed(toks, m.TokStart, end) && (!s.heading(m) || !s.bodyPrefix(prefix, m)) {
				continue
			}
			s.narrow(mi, m.TokStart, end)
			break
		}
	}
}

// bodyPrefix reports whether a named mention outside the headline starts
// with the words of name and goes on: the headline's "Parti populaire
// exclut" ran on into a verb where the body writes "Parti populaire
// espagnol".
func (s *state) bodyPrefix(name string, head *analysis.Mention) bool {
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if (m.Field != head.Field || m.Sent != head.Sent) && !s.drop[mi] && named(m) && len(m.Text) > len(name) && strings.HasPrefix(m.Text, name) && m.Text[len(name)] == ' ' {
			return true
		}
	}
	return false
}

// heading reports whether m is in the headline: the headline field, or,
// when it is empty (a plain-text article), a first body line standing
// alone above a blank line without a final stop.
func (s *state) heading(m *analysis.Mention) bool {
	if m.Field == 0 {
		return true
	}
	if m.Field != 1 || m.Sent != 0 || len(s.fields[0].doc.Tokens) > 0 {
		return false
	}
	f := &s.fields[1]
	se := f.doc.Sentences[0]
	if se.Last >= len(f.doc.Tokens) || se.Last <= se.First {
		return false
	}
	if last := f.doc.Tokens[se.Last-1].Text; last == "." || last == "!" {
		return false
	}
	return f.paragraphStart(se.Last)
}

// listed reports whether tokens [i, end) are exactly a curated name.
func (s *state) listed(toks []text.Token, i, end int) bool {
	for _, e := range s.rl.entries[toks[i].Norm] {
		if len(e.toks) != end-i {
			continue
		}
		ok := true
		for k := 1; k < len(e.toks) && ok; k++ {
			ok = toks[i+k].Norm == e.toks[k]
		}
		if ok {
			return true
		}
	}
	return false
}

// remove drops mention mi and frees its tokens.
func (s *state) remove(mi int) {
	s.drop[mi] = true
	m := &s.a.Mentions[mi]
	if !s.valid(m) {
		return
	}
	f := &s.fields[m.Field]
	for t := m.TokStart; t < m.TokEnd; t++ {
		if f.occ[t] == int32(mi) {
			f.occ[t] = -1
		}
	}
}

// reshapable reports whether mention mi is a named mention of several
// tokens still kept, whose boundaries the cuts may move.
func (s *state) reshapable(mi int) bool {
	m := &s.a.Mentions[mi]
	return named(m) && m.TokEnd-m.TokStart >= 2 && s.valid(m) && !s.drop[mi]
}

// narrow shrinks named mention mi to its tokens [start, end), freeing the
// tokens it leaves.
func (s *state) narrow(mi, start, end int) {
	m := &s.a.Mentions[mi]
	f := &s.fields[m.Field]
	for t := m.TokStart; t < m.TokEnd; t++ {
		if (t < start || t >= end) && f.occ[t] == int32(mi) {
			f.occ[t] = -1
		}
	}
	toks := f.doc.Tokens
	m.TokStart, m.TokEnd = start, end
	m.Start, m.End, m.Text = toks[start].Start, toks[end-1].End, f.span(start, end)
	s.keys[mi] = m.Text
}

// applyList matches the curated names.
func (s *state) applyList() {
	if len(s.rl.entries) == 0 {
		return
	}
	for fi := range s.fields {
		f := &s.fields[fi]
		toks := f.doc.Tokens
		for i := 0; i < len(toks); i++ {
			w := toks[i].Norm
			if w == "" || !s.rl.first[w[0]] || f.tokSent[i] < 0 {
				continue
			}
			es := s.rl.entries[w]
			if len(es) == 0 {
				continue
			}
			e, end := matchEntry(es, toks, f.tokSent, i)
			if end == 0 || (e.shout && shouting(toks, f.tokSent, i)) {
				continue
			}
			if s.placeList(fi, i, end, e.typ) {
				i = end - 1
			}
		}
	}
}

// maxCountryTokens is the most tokens of a country name countryNames
// tries ("Saint-Vincent-et-les-Grenadines" is one token or several).
const maxCountryTokens = 6

// countryNames adds a LOCATION for a country name of the lexicon written
// with a capital on tokens no mention holds ("Les Etats-Unis ont …" at a
// sentence start, which the NER may miss), the longest first, and leaves
// a name that is also a word of a person's name in the article: "Jordan"
// after "Michael Jordan". The only mention it relabels is a MISC that is
// a whole country name: a LOCATION.
func (s *state) countryNames() {
	lex := s.rl.lex
	if lex == nil {
		return
	}
	for mi := range s.a.Mentions {
		// A country is a place, not a MISC ("les Etats-Unis étaient
		// « prêts »": the NER read the quotation's type into it).
		if m := &s.a.Mentions[mi]; m.Type == Misc && named(m) && !s.drop[mi] {
			_, _, demonym := lex.Demonym(m.Text) // "Thai", de "Ungarn": people too
			if _, ok := lex.Country(m.Text); ok && !demonym {
				m.Type = Location
			}
		}
	}
	var personal map[string]bool // words of the article's PERSON mentions
	for fi := range s.fields {
		f := &s.fields[fi]
		if fi == 0 && f.caseless {
			continue // "Thanksgiving Turkey Prices"
		}
		toks := f.doc.Tokens
		for i := 0; i < len(toks); i++ {
			if f.occ[i] >= 0 || f.tokSent[i] < 0 || !upperInitial(toks[i].Text) || !hasLetter(toks[i].Text) {
				continue
			}
			end := 0
			for j := i + 1; j <= len(toks) && j-i <= maxCountryTokens; j++ {
				if f.occ[j-1] >= 0 || f.tokSent[j-1] != f.tokSent[i] {
					break
				}
				if !hasLetter(toks[j-1].Text) {
					continue // "Syrie." folds as "Syrie"
				}
				_, ok, more := lex.CountryPrefix(f.span(i, j))
				if ok {
					end = j
				}
				if !more {
					break // no longer span is a country
				}
			}
			if end == 0 {
				continue
			}
			if personal == nil {
				personal = s.personWords()
			}
			if end-i == 1 && personal[toks[i].Text] {
				continue
			}
			s.add(fi, i, end, Location, listConfidence)
			i = end - 1
		}
	}
}

// personWords returns the words of the article's PERSON mentions.
func (s *state) personWords() map[string]bool {
	words := map[string]bool{}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if m.Type != Person || s.drop[mi] {
			continue
		}
		for _, t := range s.a.Fields[m.Field].Doc.Tokens[m.TokStart:m.TokEnd] {
			words[t.Text] = true
		}
	}
	return words
}

// matchEntry returns the longest entry of es matching toks from i inside
// one sentence, and its end token (0 when none).
func matchEntry(es []entry, toks []text.Token, tokSent []int32, i int) (entry, int) {
next:
	for _, e := range es {
		end := i + len(e.toks)
		if end > len(toks) || tokSent[end-1] != tokSent[i] {
			continue
		}
		for k := 1; k < len(e.toks); k++ {
			if toks[i+k].Norm != e.toks[k] {
				continue next
			}
		}
		return e, end
	}
	return entry{}, 0
}

// shouting reports whether token i stands next to another all-caps word
// of its sentence (an all-caps headline, where "WHO" may be a word).
func shouting(toks []text.Token, tokSent []int32, i int) bool {
	for _, j := range [2]int{i - 1, i + 1} {
		if j >= 0 && j < len(toks) && tokSent[j] == tokSent[i] && isUpperWord(toks[j].Text) {
			return true
		}
	}
	return false
}

// particle reports whether w is a short lower-case word ("van", "of",
// "de"): between a person's name and a curated organisation the NER took
// with it.
func particle(w string) bool {
	return len(w) <= 4 && hasLetter(w) && strings.ToLower(w) == w
}

// placeList puts a curated name on tokens [i, end) of field fi: it
// relabels a mention of exactly that span (or of the span after a
// capitalised determiner: "Le Real Madrid" at a sentence start; "Les
// Nations" of "Les Nations unies" is then inside the span; a person's name
// that ran on into it over a particle is cut before the particle: "Frans
// Timmermans van GroenLinks-PvdA"), replaces
// named mentions lying inside it, adds one on free tokens, and gives up
// when a mention crosses or contains the span, but for a MISC (an event)
// that opens a longer name: that name is the event's ("Jeux olympiques de
// Londres"). It reports whether the span was taken.
func (s *state) placeList(fi, i, end int, typ string) bool {
	f := &s.fields[fi]
	var inside []int
	for t := i; t < end; t++ {
		mi := int(f.occ[t])
		if mi < 0 || (len(inside) > 0 && inside[len(inside)-1] == mi) {
			continue
		}
		m := &s.a.Mentions[mi]
		if m.TokStart == i-1 && m.TokEnd <= end && named(m) && s.rl.stop[strings.ToLower(f.doc.Tokens[i-1].Text)] {
			s.narrow(mi, i, m.TokEnd) // "Le Real Madrid", "Les Nations [unies]": the determiner is no part of the name
		}
		if m.TokStart == i-1 && m.TokEnd == end && typ == Misc && named(m) && indexHead(f.doc.Tokens[i-1].Text) {
			s.narrow(mi, i, end) // "Leitindex DAX": the index word is no part of the name
		}
		if m.Type == Person && m.TokStart < i-2 && m.TokEnd == end && particle(f.doc.Tokens[i-1].Text) {
			s.narrow(mi, m.TokStart, i-1) // "Frans Timmermans van GroenLinks-PvdA": the person and the party
			continue
		}
		if link := s.acronymTail(f, m, i, end, typ); link > 0 {
			s.splitOff(mi, m.TokStart, link, i, end, Organization) // "Conseil de sécurité de l'ONU": the council and the UN
			s.fix(f.span(i, end), Organization)
			return true
		}
		if m.TokStart == i && m.TokEnd > end && typ == Misc && named(m) && m.Type != Misc && len(inside) == 0 {
			m.Type = Misc // an event's longer name: "Jeux olympiques de Londres"
			s.fix(m.Text, Misc)
			return true
		}
		if m.TokStart < i || m.TokEnd > end {
			return false // a longer or crossing mention: never split it
		}
		if m.TokStart == i && m.TokEnd == end {
			if !named(m) {
				return false
			}
			m.Type = typ
			m.Confidence = max(m.Confidence, listConfidence)
			s.fix(m.Text, typ)
			return true
		}
		if !named(m) {
			return false
		}
		inside = append(inside, mi)
	}
	for _, mi := range inside {
		s.remove(mi)
	}
	m := s.add(fi, i, end, typ, listConfidence)
	s.fix(m.Text, typ)
	return true
}

// acronymTail returns where the link word starts when ORGANIZATION
// mention m, of two words or more before a link word of the language
// (title-links.txt: "de l'", "of the"), ends in the curated acronym on
// [i, end) of type typ and the article names the part before the link
// alone too: "Conseil de sécurité de l'ONU" and "le Conseil de sécurité"
// (but "l'Orchestre symphonique national de la RAI" is the orchestra's
// name); 0 otherwise.
func (s *state) acronymTail(f *fieldState, m *analysis.Mention, i, end int, typ string) int {
	if typ != Organization || m.Type != Organization || m.Nominal || m.TokEnd != end || end-i != 1 || !isUpperWord(f.doc.Tokens[i].Text) {
		return 0
	}
	var fold [32]byte
	for n := 1; n <= 2; n++ {
		link := i - n
		if link-m.TokStart < 2 {
			return 0
		}
		key := fold[:0]
		for t := link; t < i; t++ {
			if t > link {
				key = append(key, ' ')
			}
			key = lexicon.AppendFold(key, f.doc.Tokens[t].Text)
		}
		if !s.rl.titleLinks[string(key)] {
			continue
		}
		head := f.span(m.TokStart, link)
		for k, t := range s.keys {
			if t == head && !s.drop[k] {
				return link
			}
		}
		return 0
	}
	return 0
}

func (s *state) fix(name, typ string) {
	if s.fixed == nil {
		s.fixed = map[string]string{}
	}
	s.fixed[name] = typ
}

// add appends a mention on tokens [i, end) of field fi and occupies them.
func (s *state) add(fi, i, end int, typ string, conf float64) *analysis.Mention {
	f := &s.fields[fi]
	toks := f.doc.Tokens
	s.a.Mentions = append(s.a.Mentions, analysis.Mention{
		Field:      fi,
		Sent:       int(f.tokSent[i]),
		TokStart:   i,
		TokEnd:     end,
		Start:      toks[i].Start,
		End:        toks[end-1].End,
		Text:       f.span(i, end),
		Type:       typ,
		Confidence: conf,
		Entity:     -1,
	})
	s.drop = append(s.drop, false)
	s.keys = append(s.keys, s.a.Mentions[len(s.a.Mentions)-1].Text)
	s.added = true
	mi := len(s.a.Mentions) - 1
	for t := i; t < end; t++ {
		f.occ[t] = int32(mi)
	}
	return &s.a.Mentions[mi]
}

// span returns the text of tokens [i, end) of f.
func (f *fieldState) span(i, end int) string {
	d := f.doc
	bs := f.cur.byteStart(d, i)
	be := min(f.cur.byteStart(d, end-1)+len(d.Tokens[end-1].Text), len(d.Text))
	return d.Text[bs:max(bs, be)]
}

// cursor gives the byte offsets of the tokens of a field, computed on
// first use.
type cursor struct {
	off []int32 // token -> byte offset in the text
}

// byteStart returns the byte offset of token i in d.Text. Tokens hold the
// exact text they span (text.Token), so only the gaps between them need
// decoding; tokens that do not match the text fall back to counting code
// points from the start.
func (c *cursor) byteStart(d *text.Doc, i int) int {
	if c.off == nil {
		toks := d.Tokens
		c.off = make([]int32, len(toks))
		b := byteAt(d.Text, 0, 0, toks[0].Start)
		for k, t := range toks {
			c.off[k] = int32(b)
			if k+1 < len(toks) {
				b = byteAt(d.Text, b+len(t.Text), t.End, toks[k+1].Start)
			}
		}
	}
	b, t := int(c.off[i]), d.Tokens[i].Text
	if b+len(t) > len(d.Text) || d.Text[b:b+len(t)] != t {
		return byteAt(d.Text, 0, 0, d.Tokens[i].Start)
	}
	return b
}

// byteAt advances from byte b (code point r) of s to code point target.
func byteAt(s string, b, r, target int) int {
	for r < target && b < len(s) {
		_, sz := utf8.DecodeRuneInString(s[b:])
		b += sz
		r++
	}
	return min(b, len(s))
}

// group is the votes of one name.
type group struct {
	votes [4]float64
	n     int
}

// majority returns the clear majority type of g, "" when there is none.
func (g *group) majority() string {
	total, best, bi := 0.0, -1.0, 0
	for i, v := range g.votes {
		total += v
		if v > best {
			best, bi = v, i
		}
	}
	if total <= 0 || best < majorityShare*total {
		return ""
	}
	return analysis.NamedType(bi)
}

// consistency relabels the mentions of a name to its majority type (or
// the curated type), so that one string has one type in an article. The
// names of a caseless headline join the name they spell in other case.
func (s *state) consistency() {
	groups := map[string]*group{}
	keys := s.keys
	caseless := s.fields[0].caseless
	for pass := range 2 {
		for mi := range s.a.Mentions {
			m := &s.a.Mentions[mi]
			if s.drop[mi] || !named(m) || (caseless && m.Field == 0) != (pass == 1) {
				continue
			}
			if pass == 1 {
				for k := range groups {
					if strings.EqualFold(k, keys[mi]) {
						keys[mi] = k
						break
					}
				}
			}
			s.vote(groups, keys[mi], m)
		}
	}
	for mi := range s.a.Mentions {
		k := keys[mi]
		if k == "" || s.drop[mi] {
			continue
		}
		m := &s.a.Mentions[mi]
		if t, ok := s.fixed[k]; ok {
			m.Type = t
			continue
		}
		if g := groups[k]; g.n > 1 {
			if t := g.majority(); t != "" {
				m.Type = t
			}
		}
	}
	s.surnames(keys)
}

// vote adds the confidence-weighted vote of m to the group of name k.
func (s *state) vote(groups map[string]*group, k string, m *analysis.Mention) {
	g := groups[k]
	if g == nil {
		g = &group{}
		groups[k] = g
	}
	g.votes[analysis.NamedIndex(m.Type)] += max(m.Confidence, 0.05)
	g.n++
}

// surnames makes a single-token mention that is the surname of a
// person named in full in the article a PERSON ("Obama" after "Barack
// Obama"), unless it is a country name: when the full name is confident,
// or when the NER was less sure of its other reading of the surname than
// of the full name ("Djokovic" LOCATION 0.3 after "Novak Djokovic"
// PERSON 0.5).
func (s *state) surnames(keys []string) {
	var sur map[string]float64 // surname -> best confidence of its full names
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if keys[mi] == "" || s.drop[mi] || m.Type != Person || m.Confidence < surnameFloor || m.TokEnd-m.TokStart < 2 || !s.valid(m) {
			continue
		}
		last := s.a.Fields[m.Field].Doc.Tokens[m.TokEnd-1].Text
		if utf8.RuneCountInString(last) < 3 || !upperInitial(last) {
			continue
		}
		if sur == nil {
			sur = map[string]float64{}
		}
		sur[last] = max(sur[last], m.Confidence)
	}
	if sur == nil {
		return
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if keys[mi] == "" || s.drop[mi] || m.Type == Person || m.TokEnd-m.TokStart != 1 {
			continue
		}
		c, ok := sur[m.Text]
		if !ok || c < surnameConfidence && (m.Confidence >= surnameDoubt || c < surnameFloor) {
			continue
		}
		if _, ok := s.fixed[keys[mi]]; ok {
			continue
		}
		if _, isCountry := s.rl.lex.Country(m.Text); isCountry {
			continue
		}
		m.Type = Person
	}
}

// candidate is a name to propagate.
type candidate struct {
	toks     []string // Token.Norm
	text     string   // the mention text it comes from
	typ      string
	conf     float64
	headline bool // a surname: into the headline, or the body off a sentence start
}

// propagate tags other occurrences of the names found.
func (s *state) propagate() {
	a := s.a
	n := len(a.Mentions)
	var (
		exact   = make(map[string][]candidate, n) // first token Norm
		folded  map[string][]candidate            // lower-cased first token, for caseless headlines
		first   [256]bool                         // first bytes of exact keys
		types   = make(map[string]string, n)      // mention text -> type; "" when mixed
		seenSur = map[string]bool{}
	)
	if s.fields[0].caseless {
		folded = make(map[string][]candidate, n)
	}
	addCand := func(c candidate) {
		if c.headline {
			if seenSur[c.toks[0]] {
				return
			}
			seenSur[c.toks[0]] = true
		}
		exact[c.toks[0]] = append(exact[c.toks[0]], c)
		first[c.toks[0][0]] = true
		if s.fields[0].caseless {
			lk := strings.ToLower(c.toks[0])
			folded[lk] = append(folded[lk], c)
		}
	}
	var initial []int // sentence-initial single-token candidates
	for mi := range a.Mentions {
		m := &a.Mentions[mi]
		if s.drop[mi] || !named(m) || !s.valid(m) {
			continue
		}
		if m.Field == 0 && s.fields[0].caseless {
			continue // the NER reads caseless headlines poorly: no source
		}
		if t, ok := types[m.Text]; ok {
			if t != m.Type {
				types[m.Text] = ""
			}
			continue
		}
		types[m.Text] = m.Type
		toks := a.Fields[m.Field].Doc.Tokens[m.TokStart:m.TokEnd]
		if !s.nameLike(toks) {
			continue
		}
		if len(toks) == 1 && nounCase(s.rl.lang) && m.Confidence < nounCaseConfidence {
			continue // "Chöre": a German noun the NER doubted
		}
		if len(toks) == 1 && s.sentenceInitial(m.Field, m.TokStart) {
			initial = append(initial, mi)
			continue
		}
		s.addNameCands(m, toks, addCand)
	}
	if len(initial) > 0 {
		// a sentence-initial capitalised word is a name only if the
		// article never writes it in lower case
		low := make(map[string]bool, len(initial))
		for _, mi := range initial {
			low[strings.ToLower(a.Mentions[mi].Text)] = false
		}
		for _, f := range s.fields {
			for _, t := range f.doc.Tokens {
				if c := t.Norm; c != "" && c[0] >= 'a' && c[0] <= 'z' || c != "" && c[0] >= 0x80 {
					if _, ok := low[c]; ok {
						low[c] = true
					}
				}
			}
		}
		for _, mi := range initial {
			m := &a.Mentions[mi]
			if !low[strings.ToLower(m.Text)] {
				s.addNameCands(m, a.Fields[m.Field].Doc.Tokens[m.TokStart:m.TokEnd], addCand)
			}
		}
	}
	if len(exact) == 0 {
		return
	}
	for fi := range s.fields {
		f := &s.fields[fi]
		toks := f.doc.Tokens
		for i := 0; i < len(toks); i++ {
			if f.occ[i] >= 0 || f.tokSent[i] < 0 || toks[i].Norm == "" {
				continue
			}
			var cs []candidate
			if f.caseless {
				cs = folded[strings.ToLower(toks[i].Norm)]
			} else if first[toks[i].Norm[0]] {
				cs = exact[toks[i].Norm]
			}
			best, bestEnd := -1, 0
			for ci := range cs {
				c := &cs[ci]
				if c.headline && fi != 0 && !s.bodySurname(fi, i) {
					continue
				}
				if types[c.text] == "" {
					continue // mixed types without a majority
				}
				end := i + len(c.toks)
				if end <= bestEnd || !s.fits(f, c.toks, i, end) {
					continue
				}
				best, bestEnd = ci, end
			}
			if best < 0 {
				continue
			}
			c := cs[best]
			s.add(fi, i, bestEnd, c.typ, min(c.conf, 1)*propagateConfidence)
			i = bestEnd - 1
		}
	}
}

// bodySurname reports whether the surname candidate at token i of a body
// field may be tagged: not at a sentence start, where a capitalised word
// may be anything ("Weil …", "Lang …"), and not before another capitalised
// word (another person's first name and surname: "Scholz" of "Olaf Scholz"
// is no part of "Scholz Müller").
func (s *state) bodySurname(fi, i int) bool {
	f := &s.fields[fi]
	toks := f.doc.Tokens
	if s.sentenceInitial(fi, i) {
		return false
	}
	return i+1 >= len(toks) || f.tokSent[i+1] != f.tokSent[i] || !upperInitial(toks[i+1].Text)
}

// addNameCands adds the candidates of mention m: its name and, for a
// full PERSON name, its surname (for the headline, and the body off a
// sentence start).
func (s *state) addNameCands(m *analysis.Mention, toks []text.Token, addCand func(candidate)) {
	var norms []string
	if len(toks) == 1 {
		norms = []string{toks[0].Norm}
	} else {
		norms = make([]string, len(toks))
		for i, t := range toks {
			norms[i] = t.Norm
		}
	}
	addCand(candidate{toks: norms, text: m.Text, typ: m.Type, conf: m.Confidence})
	if m.Type == Person && len(toks) > 1 {
		last := toks[len(toks)-1].Norm
		if upperInitial(last) && !isUpperWord(last) && utf8.RuneCountInString(last) > 2 && !s.rl.stop[strings.ToLower(last)] { // not "III"
			addCand(candidate{toks: norms[len(norms)-1:], text: m.Text, typ: Person, conf: m.Confidence, headline: true})
		}
	}
}

// sentenceInitial reports whether token i of field fi starts its sentence.
// A word right after an opening quote (« Nous apprécions…», said: "This
// is…") or after a dash or bracket opening the sentence starts one too.
func (s *state) sentenceInitial(fi, i int) bool {
	f := &s.fields[fi]
	si := f.tokSent[i]
	toks := f.doc.Tokens
	if si < 0 || isUpperWord(toks[i].Text) {
		return false
	}
	first := f.doc.Sentences[si].First
	if i == first || opensQuote(toks[i-1], toks[i].SpaceBefore) {
		return true
	}
	j := i - 1
	for j >= first && (isDash(toks[j].Text) || toks[j].Text == "(") {
		j--
	}
	return j < first
}

// opensQuote reports whether token t opens a quotation; a straight quote
// does when the next word is glued to it (spaceAfter false).
func opensQuote(t text.Token, spaceAfter bool) bool {
	switch t.Text {
	case "«", "“", "„", "‹", "‘":
		return true
	case "\"", "'":
		return !spaceAfter
	}
	return false
}

// fits reports whether name toks matches free tokens [i, end) of one
// sentence of f (case ignored in a caseless headline).
func (s *state) fits(f *fieldState, toks []string, i, end int) bool {
	doc := f.doc.Tokens
	if end > len(doc) || f.tokSent[end-1] != f.tokSent[i] {
		return false
	}
	for k, w := range toks {
		t := i + k
		if f.occ[t] >= 0 {
			return false
		}
		if f.caseless {
			if !strings.EqualFold(doc[t].Norm, w) {
				return false
			}
		} else if doc[t].Norm != w {
			return false
		}
	}
	return true
}

// nameLike reports whether a mention's tokens make a name worth
// propagating: not too short, not a stopword, title or demonym, with a
// capital.
func (s *state) nameLike(toks []text.Token) bool {
	letters, upper := 0, false
	for _, t := range toks {
		for _, c := range t.Text {
			if isLetterOrDigit(c) {
				letters++
			}
		}
		if hasLetter(t.Text) && upperInitial(t.Text) {
			upper = true
		}
	}
	if letters <= 2 || !upper {
		return false
	}
	if len(toks) > 1 {
		return true
	}
	txt := toks[0].Text
	var buf [32]byte
	if s.rl.stop[string(appendLower(buf[:0], txt))] {
		return false
	}
	k := lexicon.Fold(txt)
	if s.rl.languages[k] {
		return false
	}
	if lex := s.rl.lex; lex != nil {
		if _, _, ok := lex.Demonym(k); ok {
			return false
		}
		if lex.Title(k) {
			return false
		}
	}
	return true
}

func isLetterOrDigit(c rune) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 && hasLetter(string(c))
}

// hasUpper reports whether s has an upper-case letter.
func hasUpper(s string) bool {
	return strings.IndexFunc(s, unicode.IsUpper) >= 0
}

// foldShort appends lexicon.Fold(w) to dst, lower-casing ASCII words
// directly.
func foldShort(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return lexicon.AppendFold(dst[:0], w)
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// appendLower appends strings.ToLower(w) to dst, lower-casing ASCII words
// directly (without allocating).
func appendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return append(dst, strings.ToLower(w)...)
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// nounCase reports whether a language capitalises its common nouns, so
// that a capital says little about a single word being a name.
func nounCase(lang string) bool {
	switch lang {
	case "de", "lb":
		return true
	}
	return false
}

// caselessHeadline reports whether a headline is all caps or Title Case
// (most content words capitalised), where case says nothing about names.
func caselessHeadline(toks []text.Token, stop map[string]bool) bool {
	words, capital, allUpper := 0, 0, true
	for _, t := range toks {
		if !hasLetter(t.Text) {
			continue
		}
		if !isUpperWord(t.Text) {
			allUpper = false
		}
		if utf8.RuneCountInString(t.Text) < 4 || stop[strings.ToLower(t.Text)] {
			continue
		}
		words++
		if upperInitial(t.Text) {
			capital++
		}
	}
	if words == 0 {
		return false
	}
	return allUpper || (words >= 3 && capital*5 >= words*4)
}

// finish removes dropped mentions and restores text order.
func (s *state) finish() {
	a := s.a
	dropped := slices.Contains(s.drop, true)
	if !dropped && !s.added {
		return
	}
	if dropped {
		out := a.Mentions[:0]
		for mi, m := range a.Mentions {
			if !s.drop[mi] {
				out = append(out, m)
			}
		}
		clear(a.Mentions[len(out):])
		a.Mentions = out
	}
	if s.added {
		slices.SortStableFunc(a.Mentions, func(x, y analysis.Mention) int {
			if x.Field != y.Field {
				return x.Field - y.Field
			}
			return x.Start - y.Start
		})
	}
}
