package ruler

import (
	"strings"
	"unicode"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// Wire-copy conventions the NER, trained on Wikipedia, never saw.

// maxDatelineCity is the most tokens of a dateline place ("RIO DE
// JANEIRO", "NEW YORK / LONDON").
const maxDatelineCity = 6

// maxDatelineLen is the most tokens from a sentence start to the dash of
// a dateline: place, comma, date, bracketed agency, stop.
const maxDatelineLen = maxDatelineCity + 14

// datelines types the parts of the datelines that open wire stories and
// their paragraphs, in every language and agency style:
//
//	PARIS (AFP) -              MOSCOW, June 19 (Reuters) -
//	BERLIN, 3. Juni (dpa) -    KYIV, Ukraine (AP) —
//	LONDON, July 14 -          Madrid, 5 jun (EFE).-
//
// The place (each of "NEW YORK/LONDON", and a region after the comma)
// becomes a LOCATION, the agency in brackets an ORGANIZATION, and named
// mentions inside the date are dropped. A dateline is recognised by its
// shape only: a place in capitals (or a capitalised place at the start of
// a line followed by an agency or a date), an optional date or region
// after a comma, an optional bracketed agency, then a dash.
func (s *state) datelines() {
	for fi := 1; fi < len(s.fields); fi++ {
		f := &s.fields[fi]
		toks := f.doc.Tokens
		for _, se := range f.doc.Sentences {
			// a dateline ends near the start of a sentence (or of the one
			// its stop or date split off: "(EFE).-", "3. Juni")
			for i := max(se.First, 1); i < min(se.Last, se.First+maxDatelineLen, len(toks)); i++ {
				if w := toks[i].Text; w != "" && (w[0] == '-' || w[0] == '.' || w[0] == 0xE2) && isDash(w) {
					s.dateline(fi, i)
				}
			}
		}
	}
}

// dateline recognises the dateline ending at token dash of field fi and
// types its parts.
func (s *state) dateline(fi, dash int) {
	f := &s.fields[fi]
	toks := f.doc.Tokens
	j := dash - 1
	if toks[j].Text == "." && j > 0 { // "(EFE).-"
		j--
	}
	w := toks[j].Text
	if w != ")" && w != "/" && !upperInitial(w) && !hasDigit(w) {
		return // "word - word": no dateline ends so
	}
	agStart, agEnd := -1, -1
	if w == ")" || w == "/" { // "(Reuters)", "/PRNewswire/"
		open := "("
		if w == "/" {
			open = "/"
		}
		for k := j - 1; k >= 0 && k >= j-4; k-- {
			if toks[k].Text == open {
				agStart, agEnd = k+1, j
				break
			}
			if !hasLetter(toks[k].Text) && toks[k].Text != "/" {
				return
			}
		}
		if agStart < 0 || agStart == agEnd || !hasLetter(toks[agStart].Text) {
			return
		}
		// before the opening bracket, and a dash before it
		// ("SAN FRANCISCO--(BUSINESS WIRE)--")
		j = agStart - 2
		if j > 0 && isDash(toks[j].Text) {
			j--
		}
	}
	if j < 0 {
		return
	}
	// ", date" or ", region" before the agency or the dash ("June 19,
	// 2024" has a comma of its own), else none
	for k := j; k >= 1 && k >= j-6; k-- { // "BERLIN, 3. Juni" may span a sentence break
		if toks[k].Text == "," && k < j && s.datelineParts(fi, dash, agStart, agEnd, k+1, j+1) {
			return
		}
	}
	s.datelineParts(fi, dash, agStart, agEnd, j+1, j+1)
}

// datelineParts checks and types a dateline: the place ends before the
// comma at mid-1 (or at mid when the dateline has no date), the date or
// region is [mid, midEnd), the agency [agStart, agEnd) (-1 when none).
func (s *state) datelineParts(fi, dash, agStart, agEnd, mid, midEnd int) bool {
	f := &s.fields[fi]
	toks := f.doc.Tokens
	cityEnd, digit, region := mid, false, false
	if mid < midEnd {
		cityEnd, region = mid-1, true
		for _, t := range toks[mid:midEnd] {
			switch {
			case hasDigit(t.Text):
				digit, region = true, false
			case t.Text == "." || t.Text == ",":
				region = false
			case !hasLetter(t.Text):
				return false
			case !upperInitial(t.Text):
				region = false
			}
		}
		if !digit && (!region || midEnd-mid > 3) {
			return false // "5 jun", "June 19": a date needs its number
		}
	}
	cs, caps := s.datelinePlace(f, cityEnd)
	if cs < 0 {
		return false
	}
	anchored := f.lineStart(cs)
	// the story goes on after the dash in sentence case ("— The", not
	// "GAITE - ROCHECHOUART")
	story := dash+1 < len(toks) && (upperInitial(toks[dash+1].Text) && !isUpperWord(toks[dash+1].Text) || isOpenQuote(toks[dash+1].Text))
	switch {
	case caps && agStart >= 0 && (anchored || story || s.listed(toks, agStart, agEnd)): // "PARIS (AFP) -", even run in after a heading
	case caps && anchored && digit && story: // "LONDON, July 14 - The"
	case caps && mid == midEnd && story && f.paragraphStart(cs) && letters(toks[cs].Text) >= 3: // "WASHINGTON — The"
	case !caps && anchored && agStart >= 0 && (digit || s.listed(toks, agStart, agEnd)): // "Paris (AFP) -"
	default:
		return false
	}
	// clear the named mentions lying inside the dateline (and cut one
	// that ran into it: "Birmanie PARIS"), then type it
	for t := cs; t < dash; t++ {
		mi := int(f.occ[t])
		if mi < 0 {
			continue
		}
		m := &s.a.Mentions[mi]
		switch {
		case !named(m) || m.TokEnd > dash:
		case m.TokStart >= cs:
			s.remove(mi)
		default:
			s.cut(mi, cs)
		}
	}
	s.putRuns(fi, cs, cityEnd, Location)
	if region {
		s.putRuns(fi, mid, midEnd, Location)
	}
	if agStart >= 0 {
		s.putRuns(fi, agStart, agEnd, Organization)
	}
	return true
}

// cut ends mention mi before token end (> its start) and frees the
// tokens cut off.
func (s *state) cut(mi, end int) {
	m := &s.a.Mentions[mi]
	f := &s.fields[m.Field]
	for t := end; t < m.TokEnd; t++ {
		if f.occ[t] == int32(mi) {
			f.occ[t] = -1
		}
	}
	m.TokEnd, m.End, m.Text = end, f.doc.Tokens[end-1].End, f.span(m.TokStart, end)
	s.keys[mi] = m.Text
}

// datelinePlace returns the first token of the place name ending before
// token end (all-caps words, or capitalised words joined by lower-case
// particles: "Rio de Janeiro"), and whether it is in capitals; -1 when
// there is none.
func (s *state) datelinePlace(f *fieldState, end int) (int, bool) {
	toks := f.doc.Tokens
	if end <= 0 {
		return -1, false
	}
	last := toks[end-1].Text
	caps := isUpperWord(last)
	if !caps && !upperInitial(last) {
		return -1, false
	}
	cs := end - 1
	for k := end - 2; k >= 0 && end-k <= maxDatelineCity && f.tokSent[k] == f.tokSent[end-1]; k-- {
		w := toks[k].Text
		ok := false
		switch {
		case caps:
			ok = isUpperWord(w) || w == "/" || w == "-"
		default:
			ok = upperInitial(w) || w == "-" || isParticle(w)
		}
		if !ok || f.lineStart(k+1) {
			break
		}
		cs = k
	}
	for cs < end && !upperInitial(toks[cs].Text) { // never start on a particle
		cs++
	}
	if cs == end {
		return -1, false
	}
	return cs, caps
}

// putRuns types each run of lettered tokens of [i, end) (runs are split
// by "/" and other punctuation) as typ, as the list ruler would.
func (s *state) putRuns(fi, i, end int, typ string) {
	toks := s.fields[fi].doc.Tokens
	for i < end {
		for i < end && !hasLetter(toks[i].Text) {
			i++
		}
		e := i
		for e < end && (hasLetter(toks[e].Text) || toks[e].Text == "-" && e+1 < end && hasLetter(toks[e+1].Text)) {
			e++
		}
		if e > i && s.fields[fi].tokSent[i] == s.fields[fi].tokSent[e-1] {
			s.placeList(fi, i, e, typ)
		}
		i = e
	}
}

// lineStart reports whether token i starts its field, its sentence or a
// line.
func (f *fieldState) lineStart(i int) bool {
	if i <= 0 {
		return true
	}
	if f.tokSent[i-1] != f.tokSent[i] {
		return true
	}
	d := f.doc
	from := f.cur.byteStart(d, i-1) + len(d.Tokens[i-1].Text)
	to := f.cur.byteStart(d, i)
	return from < to && strings.ContainsAny(d.Text[from:to], "\n\r")
}

// paragraphStart reports whether token i starts its field or follows a
// blank line.
func (f *fieldState) paragraphStart(i int) bool {
	if i <= 0 {
		return true
	}
	d := f.doc
	from := f.cur.byteStart(d, i-1) + len(d.Tokens[i-1].Text)
	to := f.cur.byteStart(d, i)
	return from < to && strings.Count(d.Text[from:to], "\n") >= 2
}

// isOpenQuote reports whether w is an opening quotation mark.
func isOpenQuote(w string) bool {
	switch w {
	case "\"", "«", "“", "„", "'", "‘", "‹":
		return true
	}
	return false
}

// isCloseQuote reports whether w is a closing quotation mark ("“" closes
// the German „…“).
func isCloseQuote(w string) bool {
	switch w {
	case "\"", "»", "”", "“", "'", "’", "›":
		return true
	}
	return false
}

// letters counts the letters of s.
func letters(s string) int {
	n := 0
	for _, c := range s {
		if unicode.IsLetter(c) {
			n++
		}
	}
	return n
}

// isDash reports whether a token is a dash that ends a dateline.
func isDash(w string) bool {
	switch w {
	case "-", "--", "–", "—", "―", ".-", ".—", ".–":
		return true
	}
	return false
}

// isParticle reports whether w is a lower-case particle inside a place
// name ("Rio de Janeiro", "Frankfurt am Main", "Stratford-upon-Avon").
func isParticle(w string) bool {
	switch w {
	case "de", "du", "des", "la", "le", "les", "d'", "del", "della", "di", "do", "da", "dos", "am", "an", "der", "im", "on", "upon", "sur", "en", "y", "el":
		return true
	}
	return false
}

func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// headlineNames splits the mentions of a Title Case or all-caps headline
// that the NER ran on over headline words ("Tim Cook Warns", "Israel
// Strikes Gaza Hospital", "L'Assemblée Nationale") into the names the
// body attests ("Tim Cook"; "Israel", "Gaza"; "Assemblée nationale"),
// case ignored: in such a headline a capital says nothing about a name.
// The words it drops must be articles, titles ("President") or words the
// body never capitalises inside a sentence ("College" of "Wilmington
// College" stays), and not the first of the mention (the body shortens
// "Ghulam Mohiuddin Lone" to "Lone": a given name stays unless an
// article or a title). A mention
// the body attests as a whole is left alone.
func (s *state) headlineNames() {
	if !s.fields[0].caseless || len(s.fields) < 2 {
		return
	}
	var (
		body map[string]string // lower-cased body names -> type
		caps map[string]bool   // lower-cased words the body capitalises mid-sentence
	)
	f := &s.fields[0]
	toks := f.doc.Tokens
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if m.Field != 0 || s.drop[mi] || !named(m) || !s.valid(m) {
			continue
		}
		if body == nil {
			body, caps = s.bodyNames()
		}
		if _, ok := body[strings.ToLower(m.Text)]; ok {
			continue
		}
		if m.TokEnd-m.TokStart < 2 {
			continue
		}
		type piece struct {
			i, end int
			typ    string
		}
		var pieces []piece
		ok, dropped := true, false
		for i := m.TokStart; i < m.TokEnd && ok; {
			end := i
			for e := m.TokEnd; e > i; e-- {
				if typ, found := body[strings.ToLower(f.span(i, e))]; found {
					pieces = append(pieces, piece{i, e, typ})
					end = e
					break
				}
			}
			if end == i { // a dropped word
				dropped = true
				w := strings.ToLower(toks[i].Text)
				ok = s.rl.stop[w] || isElided(w) || s.isTitle(w) || !caps[w] && (i > m.TokStart || len(pieces) > 0)
				end = i + 1
			}
			i = end
		}
		if !ok || len(pieces) == 0 || !dropped {
			continue // no run-on: "Wilmington College" is not "Wilmington" + "College"
		}
		conf := m.Confidence
		s.remove(mi)
		for _, p := range pieces {
			s.add(0, p.i, p.end, p.typ, conf)
		}
	}
}

// isTitle reports whether w is a title or role ("president", "minister"),
// never part of a name.
func (s *state) isTitle(w string) bool {
	return s.rl.lex != nil && s.rl.lex.Title(lexicon.Fold(w))
}

// isElided reports whether w is an elided article or preposition ("l'",
// "d'").
func isElided(w string) bool {
	n := len(w)
	return n >= 2 && n <= 4 && (strings.HasSuffix(w, "'") || strings.HasSuffix(w, "’"))
}

// bodyNames returns the lower-cased texts of the named mentions outside
// the headline with their type (the first met), and the lower-cased
// words written with a capital inside a sentence there.
func (s *state) bodyNames() (map[string]string, map[string]bool) {
	names, caps := map[string]string{}, map[string]bool{}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if m.Field == 0 || s.drop[mi] || !named(m) || !s.valid(m) {
			continue
		}
		toks := s.a.Fields[m.Field].Doc.Tokens[m.TokStart:m.TokEnd]
		if !s.nameLike(toks) {
			continue
		}
		k := strings.ToLower(m.Text)
		if _, ok := names[k]; !ok {
			names[k] = m.Type
		}
	}
	for fi := 1; fi < len(s.fields); fi++ {
		f := &s.fields[fi]
		for i, t := range f.doc.Tokens {
			if i > 0 && f.tokSent[i-1] == f.tokSent[i] && upperInitial(t.Text) && !isUpperWord(t.Text) {
				caps[strings.ToLower(t.Text)] = true
			}
		}
	}
	return names, caps
}

// orgHeads makes the name right after an organisation head of the
// language an ORGANIZATION, the head left out: "the disaster agency AFAD",
// "la milice populaire Basij" (one adjective may come between where
// adjectives follow the noun). The name is a mention of the NER (a PERSON
// only when the NER doubted it or its first word is neither a first name
// nor an honorific: "le groupe islandais Sigur Rós") or, when the NER saw
// nothing, one word
// shaped like a name: an acronym or a word with an inner capital
// ("RealClearPolitics"), which opens the NER's ORGANIZATION right after it
// ("le fonds CVC Capital Partners").
func (s *state) orgHeads() {
	if len(s.rl.orgHeads) == 0 {
		return
	}
	adjAfter := adjectiveAfter(s.rl.lang)
	for fi := range s.fields {
		f := &s.fields[fi]
		if fi == 0 && f.caseless {
			continue
		}
		toks := f.doc.Tokens
		for i := 1; i < len(toks); i++ {
			w := toks[i].Text
			if w == "" || w[0] < 'A' || w[0] > 'Z' && w[0] < 0x80 || !s.afterOrgHead(f, i, adjAfter) {
				continue // names start with a capital
			}
			mi := int(f.occ[i])
			if mi < 0 {
				if (isUpperWord(w) || innerCapital(w)) && !s.rl.stop[strings.ToLower(w)] {
					if ni := int(f.occ[min(i+1, len(toks)-1)]); ni >= 0 && s.a.Mentions[ni].TokStart == i+1 && s.a.Mentions[ni].Type == Organization && f.tokSent[i+1] == f.tokSent[i] {
						// "le fonds CVC Capital Partners": the NER's name runs on from the acronym.
						f.occ[i] = int32(ni)
						s.narrow(ni, i, s.a.Mentions[ni].TokEnd)
						s.fix(s.a.Mentions[ni].Text, Organization)
						continue
					}
					m := s.add(fi, i, i+1, Organization, listConfidence)
					s.fix(m.Text, Organization)
				}
				continue
			}
			m := &s.a.Mentions[mi]
			if !named(m) || m.TokStart != i || m.Type == Organization {
				continue
			}
			if m.Type != Misc && m.Confidence >= orgHeadDoubt(m.Type) && (m.Type != Person || s.names == nil || s.names.FirstName(w) || s.rl.lex.Has("honorifics", w)) {
				continue // a sure PERSON or LOCATION; but a person's name opens with a first name or "M." ("le groupe islandais Sigur Rós")
			}
			s.retype(m, Organization)
		}
	}
}

// retype gives mention m type typ, and every mention of its name, unless
// a curated list fixed the name's type already.
func (s *state) retype(m *analysis.Mention, typ string) {
	if _, ok := s.fixed[m.Text]; !ok {
		m.Type = typ
		s.fix(m.Text, typ)
	}
}

// orgAppositions makes a name an ORGANIZATION when an apposition that
// says what kind of organisation it is follows it, closed by punctuation:
// "Infineon, the German chipmaker, welcomed", "Orange, l'opérateur
// historique, a annoncé", "DTEK, Ukraine's largest private energy company,".
// The apposition is a determiner (or a place's possessive), at most three
// lower-case words or demonyms (where adjectives come first), an
// organisation head (org-heads.txt) and, where adjectives follow the
// noun, at most two lower-case words. The name is the NER's mention that
// ends at the comma (a PERSON only when its first word is no first name)
// or, when the NER saw nothing, the run of capitalised words before the
// comma, each of which reads like a name (no function word, weekday or
// month; at the start of a sentence, no word usually written in lower
// case).
func (s *state) orgAppositions() {
	if len(s.rl.orgHeads) == 0 || s.names == nil {
		return
	}
	adjAfter := adjectiveAfter(s.rl.lang)
	for fi := range s.fields {
		f := &s.fields[fi]
		if fi == 0 && f.caseless {
			continue
		}
		toks := f.doc.Tokens
		for c := 1; c+2 < len(toks); c++ {
			if toks[c].Text != "," || f.tokSent[c] < 0 {
				continue
			}
			d := c + 2 // the apposition's words after its determiner
			if !appositionDeterminer(s.rl.lang, strings.ToLower(toks[c+1].Text)) {
				if d = s.possessivePlace(f, c+1); d < 0 {
					continue
				}
			}
			if !s.closedOrgApposition(f, d, adjAfter) {
				continue
			}
			if mi := int(f.occ[c-1]); mi >= 0 {
				m := &s.a.Mentions[mi]
				if !named(m) || m.TokEnd != c || m.Type == Organization || s.drop[mi] {
					continue
				}
				if m.Type == Person && s.names.FirstName(toks[m.TokStart].Text) {
					continue // "Paul Smith, a union official,": no head at the end
				}
				s.retype(m, Organization)
				continue
			}
			start := c
			for start > 0 && c-start < 4 && f.occ[start-1] < 0 && f.tokSent[start-1] == f.tokSent[c] && s.nameWord(f, start-1) {
				start--
			}
			if start < c && (start == 0 || f.tokSent[start-1] != f.tokSent[c] || !upperInitial(toks[start-1].Text)) {
				m := s.add(fi, start, c, Organization, listConfidence)
				s.fix(m.Text, Organization)
			}
		}
	}
}

// orgTails makes a PERSON of two words or more whose last word is an
// organisation tail (common/org-tails.txt, English in any language's
// copy) an ORGANIZATION: "the Gordon and Betty Moore Foundation" names
// people but is none. So is any name that ends in a company's legal form
// (common/legal-forms.txt): "Airbus SE" is no place.
func (s *state) orgTails() {
	if len(s.rl.orgTails) == 0 && len(s.rl.legalForms) == 0 {
		return
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if !s.reshapable(mi) || m.Type == Organization {
			continue
		}
		last := s.fields[m.Field].doc.Tokens[m.TokEnd-1].Text
		if s.rl.legalForms[last] || m.Type == Person && s.rl.orgTails[last] {
			s.retype(m, Organization)
		}
	}
}

// orgPlaces joins an ORGANIZATION that ends in an organisation word
// (common/org-tails.txt or the tagger's organisation key words) and the
// LOCATION the NER cut off after "of" (en): "the Economic Club of New
// York", "the Federal Reserve Bank of New York"; and a court and the
// district or circuit it sits for: "the U.S. District Court for the
// Eastern District of Virginia", "the Court of Appeals for the Ninth
// Circuit".
func (s *state) orgPlaces() {
	if s.rl.lang != "en" {
		return
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if s.drop[mi] || !named(m) || !s.valid(m) || m.Type != Organization {
			continue
		}
		f := &s.fields[m.Field]
		toks := f.doc.Tokens
		last, e := toks[m.TokEnd-1].Text, m.TokEnd
		var parts [2]int
		n := 0
		switch {
		case (last == "Court" || last == "Appeals") && e+2 < len(toks) && toks[e].Text == "for" && toks[e+1].Text == "the":
			d := s.startsAt(f, e+2, m.TokStart)
			if d < 0 {
				continue
			}
			if w := toks[s.a.Mentions[d].TokEnd-1].Text; w != "District" && w != "Circuit" {
				continue
			}
			parts[0], n = d, 1
			if de := s.a.Mentions[d].TokEnd; de+1 < len(toks) && toks[de].Text == "of" {
				if p := s.startsAt(f, de+1, m.TokStart); p >= 0 && s.a.Mentions[p].Type == Location {
					parts[1], n = p, 2
				}
			}
		case e+1 < len(toks) && toks[e].Text == "of" && !s.rl.legalForms[last] && (s.rl.orgTails[last] || s.names != nil && s.names.OrgKey(last)):
			p := s.startsAt(f, e+1, m.TokStart)
			if p < 0 || s.a.Mentions[p].Type != Location {
				continue
			}
			parts[0], n = p, 1
		default:
			continue
		}
		end := s.a.Mentions[parts[n-1]].TokEnd
		for _, p := range parts[:n] {
			s.remove(p)
		}
		s.narrow(mi, m.TokStart, end)
		s.occupy(mi)
	}
}

// startsAt returns the live named mention that starts at token t of f in
// the sentence of token ref, -1 when none does.
func (s *state) startsAt(f *fieldState, t, ref int) int {
	if t >= len(f.occ) || f.tokSent[t] != f.tokSent[ref] {
		return -1
	}
	mi := int(f.occ[t])
	if mi < 0 || s.drop[mi] || s.a.Mentions[mi].TokStart != t || !named(&s.a.Mentions[mi]) {
		return -1
	}
	return mi
}

// orgHeadNames makes an ORGANIZATION of a LOCATION or MISC of three words
// or more that opens with an organisation word (common/org-tails.txt, no
// legal form: "Inc. of Mountain View") and a lower-case function word: "the Institute for the Study of War", "the
// University of Zambia" name bodies, not a war or a country.
func (s *state) orgHeadNames() {
	if len(s.rl.orgTails) == 0 {
		return
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if !s.reshapable(mi) || m.Type != Location && m.Type != Misc || m.TokEnd-m.TokStart < 3 {
			continue
		}
		toks := s.fields[m.Field].doc.Tokens
		if h, link := toks[m.TokStart].Text, toks[m.TokStart+1].Text; s.rl.orgTails[h] && !s.rl.legalForms[h] && s.rl.stop[link] {
			s.retype(m, Organization)
		}
	}
}

// acronymLists makes an acronym the NER missed an ORGANIZATION when it is
// coordinated with an acronym that is one ("DCRI et DGSE", "the FBI, CIA
// and NSA"): a word of two to six capitals, no function word, title,
// Roman numeral or known place, next to the organisation over a comma or
// a conjunction of the language.
func (s *state) acronymLists() {
	if len(s.rl.conjunctions) == 0 || s.names == nil {
		return
	}
	for fi := range s.fields {
		f := &s.fields[fi]
		if fi == 0 && f.caseless {
			continue
		}
		toks := f.doc.Tokens
		for i := range toks {
			if f.occ[i] >= 0 || f.tokSent[i] < 0 || !s.bareAcronym(toks[i].Text) {
				continue
			}
			for _, j := range [2]int{i - 2, i + 2} {
				if j < 0 || j >= len(toks) || f.tokSent[j] != f.tokSent[i] {
					continue
				}
				link := toks[(i+j)/2].Text
				if link != "," && !s.rl.conjunctions[link] {
					continue
				}
				if mi := int(f.occ[j]); mi >= 0 {
					if m := &s.a.Mentions[mi]; m.Type == Organization && !s.drop[mi] && m.TokEnd-m.TokStart == 1 && isUpperWord(m.Text) {
						s.add(fi, i, i+1, Organization, listConfidence)
						break
					}
				}
			}
		}
	}
}

// bareAcronym reports whether w is two to six capitals that are no
// function word, title, Roman numeral or known place.
func (s *state) bareAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 || !isUpperWord(w) || s.rl.stop[strings.ToLower(w)] {
		return false
	}
	for _, c := range w {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	if strings.Trim(w, "IVXLCM") == "" {
		return false
	}
	if lex := s.rl.lex; lex != nil && lex.Has("titles", w) {
		return false
	}
	return !s.names.Place([]string{w})
}

// appositionDeterminer reports whether w (lower case) is a determiner
// that, in language lang, opens an apposition saying what kind of thing a
// name is; false for every w in a language without such a list.
func appositionDeterminer(lang, w string) bool {
	switch lang {
	case "en":
		return w == "the" || w == "a" || w == "an"
	case "fr":
		return w == "le" || w == "la" || w == "l'" || w == "l’" || w == "un" || w == "une"
	case "de":
		return w == "der" || w == "die" || w == "das" || w == "ein" || w == "eine"
	case "es":
		return w == "el" || w == "la" || w == "un" || w == "una"
	case "it":
		return w == "il" || w == "lo" || w == "la" || w == "l'" || w == "l’" || w == "un" || w == "uno" || w == "una"
	case "pt":
		return w == "o" || w == "a" || w == "um" || w == "uma"
	}
	return false
}

// closedOrgApposition reports whether the tokens from i on are an
// organisation head with its modifiers (see orgAppositions) closed by
// punctuation.
func (s *state) closedOrgApposition(f *fieldState, i int, adjAfter bool) bool {
	toks := f.doc.Tokens
	sent := f.tokSent[i-1]
	modifier := func(t int) bool {
		w := toks[t].Text
		if f.occ[t] >= 0 || f.tokSent[t] != sent || !hasLetter(w) || s.rl.stop[strings.ToLower(w)] {
			return false
		}
		if !upperInitial(w) {
			return true
		}
		if nounCase(s.rl.lang) && strings.HasSuffix(w, "er") && !s.orgHead(w) {
			return true // a town's adjective: "der Münchner Chipkonzern"
		}
		if lex := s.rl.lex; lex != nil && !adjAfter {
			_, _, ok := lex.Demonym(lexicon.Fold(w)) // "the German chipmaker"
			return ok
		}
		return false
	}
	h := i
	if !adjAfter {
		for h < len(toks) && h-i < 3 && !s.orgHead(toks[h].Text) && modifier(h) {
			h++
		}
	}
	if h >= len(toks) || f.tokSent[h] != sent || f.occ[h] >= 0 || !s.orgHead(toks[h].Text) {
		return false
	}
	e := h + 1
	for adjAfter && e < len(toks) && e-h <= 2 && modifier(e) {
		e++
	}
	if e >= len(toks) || f.tokSent[e] != sent {
		return false
	}
	switch toks[e].Text {
	case ",", ".", ";", ")", "—", "–":
		return true
	}
	return false
}

// nameWord reports whether token t of f reads like a word of a name: a
// capital, a letter, no function word, weekday, month, title or demonym,
// and, first in its sentence, no word usually written in lower case.
func (s *state) nameWord(f *fieldState, t int) bool {
	w := f.doc.Tokens[t].Text
	if !upperInitial(w) || !hasLetter(w) || s.rl.stop[strings.ToLower(w)] || s.names.DateWord(w) {
		return false
	}
	k := lexicon.Fold(w)
	if s.rl.notNames[k] || s.rl.languages[k] {
		return false
	}
	if lex := s.rl.lex; lex != nil {
		if _, _, ok := lex.Demonym(k); ok || lex.Title(k) {
			return false
		}
	}
	if t == 0 || f.tokSent[t-1] != f.tokSent[t] {
		if p := s.names.CapPrior(w); p == 1 || p == 2 {
			return false
		}
	}
	return true
}

// afterOrgHead reports whether token i follows an organisation head of
// its sentence (see headBefore).
func (s *state) afterOrgHead(f *fieldState, i int, adjAfter bool) bool {
	return s.headBefore(f, i, adjAfter, s.orgHead)
}

// headBefore reports whether a head word (isHead) stands before token i
// in its sentence, on a token no mention holds: right before it or, where
// adjectives follow the noun, with one free lower-case adjective between
// ("la milice populaire Basij", "l'ouragan meurtrier Sandy").
func (s *state) headBefore(f *fieldState, i int, adjAfter bool, isHead func(w string) bool) bool {
	head := func(h int) bool {
		return h >= 0 && f.occ[h] < 0 && f.tokSent[h] == f.tokSent[i] && isHead(f.doc.Tokens[h].Text)
	}
	if head(i - 1) {
		return true
	}
	if !adjAfter || !head(i-2) {
		return false
	}
	w := f.doc.Tokens[i-1].Text
	return f.occ[i-1] < 0 && hasLetter(w) && !upperInitial(w) && !s.rl.stop[w]
}

// orgHead reports whether w is an organisation head of the language, or,
// where nouns compound, a capitalised compound ending in one
// ("Chipkonzern", "Regierungspartei").
func (s *state) orgHead(w string) bool {
	if w != "" && s.rl.orgFirst[w[0]] && s.rl.orgHeads[w] && (nounCase(s.rl.lang) || !upperInitial(w) || isUpperWord(w)) {
		return true
	}
	if len(s.rl.orgTailHeads) == 0 || len(w) < 8 || !upperInitial(w) {
		return false
	}
	var buf [64]byte
	lw := appendLower(buf[:0], w)
	for _, h := range s.rl.orgTailHeads {
		if len(lw) >= len(h)+3 && string(lw[len(lw)-len(h):]) == h {
			return true
		}
	}
	return false
}

// orgHeadDoubt returns the confidence from which a PERSON or LOCATION
// after an organisation head keeps its type ("the company founder Elon
// Musk", "Firma Wien" in an advertisement's address).
func orgHeadDoubt(typ string) float64 {
	if typ == Person {
		return 0.6
	}
	return 0.9
}

// adjectiveAfter reports whether adjectives follow the noun in a language.
func adjectiveAfter(lang string) bool {
	switch lang {
	case "fr", "es", "it", "pt", "ca", "ro":
		return true
	}
	return false
}

// innerCapital reports whether w has a capital after a lower-case letter
// ("RealClearPolitics", "PayPal"), the shape of a brand, not of a word.
func innerCapital(w string) bool {
	lower := false
	for _, c := range w {
		switch {
		case unicode.IsLower(c):
			lower = true
		case unicode.IsUpper(c) && lower:
			return true
		}
	}
	return false
}

// hyphenOrgs makes an ORGANIZATION, in French copy, of a one-word name
// joined by a hyphen whose first part is a curated organisation and whose
// second is a capitalised word, no place and no curated organisation: the
// branch or federation of a union ("CFDT-Cheminots", "Unsa-Ferroviaire");
// "OTAN-Russie" and "Google-Mozilla" are left alone, and so are German
// compounds ("UEFA-Pokal" is a cup).
func (s *state) hyphenOrgs() {
	if s.rl.lang != "fr" {
		return
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if m.Type == Organization || !named(m) || !s.valid(m) || s.drop[mi] || m.TokEnd-m.TokStart != 1 {
			continue
		}
		head, rest, ok := strings.Cut(m.Text, "-")
		if !ok || head == "" || !upperInitial(rest) || !s.listedOrg(head) || s.listedOrg(rest) {
			continue
		}
		if s.names != nil && s.names.Place([]string{rest}) {
			continue
		}
		if s.rl.lex != nil {
			if _, country := s.rl.lex.Country(rest); country {
				continue
			}
		}
		s.retype(m, Organization)
	}
}

// listedOrg reports whether word alone is a curated ORGANIZATION.
func (s *state) listedOrg(word string) bool {
	for _, e := range s.rl.entries[text.Normalize(word)] {
		if len(e.toks) == 1 && e.typ == Organization {
			return true
		}
	}
	return false
}
