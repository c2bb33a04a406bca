package ruler

import (
	"slices"
	"strings"
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
)

// Apply corrects the NER mentions of a in place (see the package
// documentation). It must run before resolution: it may drop, relabel,
// add and reorder mentions. It is safe on any input.
func (r *Ruler) Apply(a *analysis.Analysis) {
	if r == nil || a == nil || len(a.Fields) == 0 {
		return
	}
	rl := r.rules(a.Lang)
	if rl == nil {
		return
	}
	s := state{a: a, rl: rl, fields: make([]fieldState, len(a.Fields))}
	for fi := range a.Fields {
		s.initField(fi)
	}
	s.drop = make([]bool, len(a.Mentions))
	for mi := range a.Mentions {
		s.occupy(mi)
	}
	s.dropDemonyms()
	s.applyList()
	s.consistency()
	s.propagate()
	s.finish()
}

// state is the working state of one Apply call.
type state struct {
	a      *analysis.Analysis
	rl     *rules
	fields []fieldState
	drop   []bool            // per mention
	fixed  map[string]string // folded name -> type set by the list ruler
	added  bool
}

type fieldState struct {
	doc *text.Doc
	occ []int32 // token -> mention index covering it, -1 when free
	// tokSent: token -> sentence index; -1 outside every sentence.
	tokSent []int32
	// bytes: token -> byte offsets [start, end) in doc.Text, built lazily.
	bytes [][2]int32
	// caseless: the field is a headline in Title Case or all caps.
	caseless bool
}

func (s *state) initField(fi int) {
	f := &s.fields[fi]
	f.doc = &s.a.Fields[fi].Doc
	n := len(f.doc.Tokens)
	f.occ = make([]int32, n)
	f.tokSent = make([]int32, n)
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

// dropDemonyms drops MISC and LOCATION mentions that are only a demonym
// or a language name ("russes", "American", "nord-coréens").
func (s *state) dropDemonyms() {
	lex := s.rl.lex
	var buf [8]string
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if !named(m) || (m.Type != Misc && m.Type != Location) || !s.valid(m) {
			continue
		}
		toks := s.a.Fields[m.Field].Doc.Tokens[m.TokStart:m.TokEnd]
		if len(toks) > len(buf) {
			continue
		}
		if s.rl.languages[lexicon.Fold(m.Text)] {
			s.remove(mi)
			continue
		}
		if lex == nil {
			continue
		}
		words := buf[:0]
		for _, t := range toks {
			words = append(words, t.Text)
		}
		if n, _, _ := lex.DemonymAt(words); n != len(words) {
			continue
		}
		if _, isCountry := lex.Country(m.Text); isCountry {
			continue
		}
		s.remove(mi)
	}
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

// applyList matches the curated names.
func (s *state) applyList() {
	if len(s.rl.entries) == 0 {
		return
	}
	for fi := range s.fields {
		f := &s.fields[fi]
		toks := f.doc.Tokens
		for i := 0; i < len(toks); i++ {
			es := s.rl.entries[toks[i].Norm]
			if len(es) == 0 || f.tokSent[i] < 0 {
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

// placeList puts a curated name on tokens [i, end) of field fi: it
// relabels a mention of exactly that span, replaces named mentions lying
// inside it, adds one on free tokens, and gives up when a mention crosses
// or contains the span. It reports whether the span was taken.
func (s *state) placeList(fi, i, end int, typ string) bool {
	f := &s.fields[fi]
	var inside []int
	for t := i; t < end; t++ {
		mi := int(f.occ[t])
		if mi < 0 || (len(inside) > 0 && inside[len(inside)-1] == mi) {
			continue
		}
		m := &s.a.Mentions[mi]
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

func (s *state) fix(name, typ string) {
	if s.fixed == nil {
		s.fixed = map[string]string{}
	}
	s.fixed[lexicon.Fold(name)] = typ
}

// add appends a mention on tokens [i, end) of field fi and occupies them.
func (s *state) add(fi, i, end int, typ string, conf float64) *analysis.Mention {
	f := &s.fields[fi]
	if f.bytes == nil {
		f.bytes = tokenBytes(f.doc)
	}
	toks := f.doc.Tokens
	s.a.Mentions = append(s.a.Mentions, analysis.Mention{
		Field:      fi,
		Sent:       int(f.tokSent[i]),
		TokStart:   i,
		TokEnd:     end,
		Start:      toks[i].Start,
		End:        toks[end-1].End,
		Text:       f.doc.Text[f.bytes[i][0]:f.bytes[end-1][1]],
		Type:       typ,
		Confidence: conf,
		Entity:     -1,
	})
	s.drop = append(s.drop, false)
	s.added = true
	mi := len(s.a.Mentions) - 1
	for t := i; t < end; t++ {
		f.occ[t] = int32(mi)
	}
	return &s.a.Mentions[mi]
}

// tokenBytes converts the code-point offsets of the tokens of d into byte
// offsets of d.Text (clamped to the text).
func tokenBytes(d *text.Doc) [][2]int32 {
	out := make([][2]int32, len(d.Tokens))
	r, b := 0, 0
	seek := func(target int) int {
		if target < r {
			r, b = 0, 0
		}
		for r < target && b < len(d.Text) {
			_, sz := utf8.DecodeRuneInString(d.Text[b:])
			b += sz
			r++
		}
		return b
	}
	for i, t := range d.Tokens {
		st := seek(t.Start)
		out[i] = [2]int32{int32(st), int32(seek(t.End))}
	}
	return out
}

// group is the votes of one folded name.
type group struct {
	votes [4]float64
	n     int
}

func typeIndex(t string) int {
	switch t {
	case Person:
		return 0
	case Organization:
		return 1
	case Location:
		return 2
	}
	return 3
}

var typeNames = [4]string{Person, Organization, Location, Misc}

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
	return typeNames[bi]
}

// consistency relabels the mentions of a name to its majority type (or
// the curated type), so that one string has one type in an article.
func (s *state) consistency() {
	groups := map[string]*group{}
	keys := make([]string, len(s.a.Mentions))
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if s.drop[mi] || !named(m) {
			continue
		}
		k := lexicon.Fold(m.Text)
		keys[mi] = k
		g := groups[k]
		if g == nil {
			g = &group{}
			groups[k] = g
		}
		g.votes[typeIndex(m.Type)] += max(m.Confidence, 0.05)
		g.n++
	}
	for mi := range s.a.Mentions {
		k := keys[mi]
		if k == "" {
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

// surnames makes a single-token mention that is the surname of a
// person named in full in the article a PERSON ("Obama" after "Barack
// Obama"), unless it is a country name.
func (s *state) surnames(keys []string) {
	var sur map[string]bool
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if keys[mi] == "" || m.Type != Person || m.Confidence < surnameConfidence || m.TokEnd-m.TokStart < 2 || !s.valid(m) {
			continue
		}
		last := s.a.Fields[m.Field].Doc.Tokens[m.TokEnd-1].Text
		if utf8.RuneCountInString(last) < 3 || !upperInitial(last) {
			continue
		}
		if sur == nil {
			sur = map[string]bool{}
		}
		sur[last] = true
	}
	if sur == nil {
		return
	}
	for mi := range s.a.Mentions {
		m := &s.a.Mentions[mi]
		if keys[mi] == "" || m.Type == Person || m.TokEnd-m.TokStart != 1 || !sur[m.Text] {
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
	typ      string
	conf     float64
	headline bool // only into the headline (a surname)
}

// propagate tags other occurrences of the names found.
func (s *state) propagate() {
	a := s.a
	exact := map[string][]candidate{}
	folded := map[string][]candidate{} // lower-cased first token, for caseless headlines
	seen := map[string]int{}           // name key -> index+1 in exact, -1 when ambiguous
	addCand := func(c candidate) {
		key := strings.Join(c.toks, "\x00")
		if c.headline {
			key = "\x01" + key
		}
		if _, dup := seen[key]; dup {
			return
		}
		seen[key] = 1
		exact[c.toks[0]] = append(exact[c.toks[0]], c)
		lk := strings.ToLower(c.toks[0])
		folded[lk] = append(folded[lk], c)
	}
	types := map[string]string{} // joined Norms -> type; "" when mixed
	for mi := range a.Mentions {
		m := &a.Mentions[mi]
		if s.drop[mi] || !named(m) || !s.valid(m) {
			continue
		}
		if m.Field == 0 && s.fields[0].caseless {
			continue // the NER reads caseless headlines poorly: no source
		}
		toks := a.Fields[m.Field].Doc.Tokens[m.TokStart:m.TokEnd]
		if !s.nameLike(toks, m.Field, m.TokStart) {
			continue
		}
		norms := make([]string, len(toks))
		for i, t := range toks {
			norms[i] = t.Norm
		}
		key := strings.Join(norms, "\x00")
		if t, ok := types[key]; ok && t != m.Type {
			types[key] = ""
			continue
		}
		types[key] = m.Type
		addCand(candidate{toks: norms, typ: m.Type, conf: m.Confidence})
		// a person's surname, for the headline
		if m.Type == Person && len(toks) > 1 {
			last := toks[len(toks)-1].Norm
			if upperInitial(last) && utf8.RuneCountInString(last) > 2 && !s.rl.stop[strings.ToLower(last)] {
				addCand(candidate{toks: []string{last}, typ: Person, conf: m.Confidence, headline: true})
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
			if f.occ[i] >= 0 || f.tokSent[i] < 0 {
				continue
			}
			var cs []candidate
			if f.caseless {
				cs = folded[strings.ToLower(toks[i].Norm)]
			} else {
				cs = exact[toks[i].Norm]
			}
			best, bestEnd := -1, 0
			for ci := range cs {
				c := &cs[ci]
				if c.headline && fi != 0 {
					continue
				}
				if t, ok := types[strings.Join(c.toks, "\x00")]; ok && t == "" {
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
// capital, and not a capitalised common word at the start of a sentence.
func (s *state) nameLike(toks []text.Token, fi, first int) bool {
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
	txt := toks[0].Text
	if len(toks) == 1 {
		low := strings.ToLower(txt)
		if s.rl.stop[low] {
			return false
		}
		if lex := s.rl.lex; lex != nil {
			if _, _, ok := lex.Demonym(txt); ok {
				return false
			}
			if lex.Title(txt) {
				return false
			}
		}
		if s.rl.languages[lexicon.Fold(txt)] {
			return false
		}
		f := &s.fields[fi]
		if si := f.tokSent[first]; si >= 0 && f.doc.Sentences[si].First == first && !isUpperWord(txt) {
			// sentence-initial: a name only if never written in lower case
			for _, fs := range s.fields {
				for _, t := range fs.doc.Tokens {
					if len(t.Norm) == len(txt) && t.Norm != txt && t.Norm == low {
						return false
					}
				}
			}
		}
	}
	return true
}

func isLetterOrDigit(c rune) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 && hasLetter(string(c))
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
