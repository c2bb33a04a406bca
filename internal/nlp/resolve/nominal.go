package resolve

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// Confidence of a nominal mention attached to a person, by the evidence.
const (
	confByAffiliation = 0.9  // the only person the article ties to that country or body
	confByTitle       = 0.8  // the only person the article gives that title
	confByRecency     = 0.55 // the only earlier person of unknown affiliation
)

// phrase is a title phrase: "le président russe", "the Russian leader",
// "le chef du Kremlin", "ministre des affaires étrangères".
type phrase struct {
	field      int
	start, end int // tokens [start, end)
	det        bool
	title      string // folded
	aff        string // ISO alpha-2 country, or "e:<entity>" for another body; "" unknown
}

// fieldInfo indexes a field's named mentions by token.
type fieldInfo struct {
	doc        *text.Doc
	texts      []string // token texts, folded (lexicon.Fold)
	titleFirst []bool   // a title may start at the token: not covered, its first word starts a title
	nextTitle  []int32  // token -> the first token from it where a title may start (titleFirst), len(texts) if none
	det        []bool   // the token is a determiner
	startAt    []int32  // token -> 1 + mention starting there, 0 for none (see starts)
	endAt      []int32  // token end -> 1 + mention ending there, 0 for none (see ends)
	covered    []bool   // token inside a named mention
	// spanCP, spanAt: a code-point offset of doc.Text and its byte offset
	// (where span last started).
	spanCP, spanAt int
}

// person is what the article says about a PERSON entity.
type person struct {
	affs   []string // a set: each once
	titles []string // a set: each once
	first  [2]int   // field, start of its first mention
}

func (pp *person) addAff(aff string) {
	if !slices.Contains(pp.affs, aff) {
		pp.affs = append(pp.affs, aff)
	}
}

func (pp *person) hasAff(aff string) bool { return slices.Contains(pp.affs, aff) }

func validTokens(m *analysis.Mention, doc *text.Doc) bool {
	return m.TokStart >= 0 && m.TokEnd <= len(doc.Tokens) && m.TokStart < m.TokEnd
}

func (s *state) fields() []fieldInfo {
	a := s.a
	out := make([]fieldInfo, len(a.Fields))
	// The arrays of all fields, in one of each type.
	sc := s.scratch()
	total := 0
	for f := range a.Fields {
		total += len(a.Fields[f].Doc.Tokens)
	}
	allAt := grow(sc.at, 3*total+2*len(a.Fields))
	allFlags := grow(sc.flags, 3*total)
	allTexts := grow(sc.texts, total)
	sc.at, sc.flags, sc.texts = allAt, allFlags, allTexts
	for f := range a.Fields {
		doc := &a.Fields[f].Doc
		n := len(doc.Tokens)
		at := allAt[: 3*n+2 : 3*n+2]
		allAt = allAt[3*n+2:]
		flags := allFlags[: 3*n : 3*n]
		allFlags = allFlags[3*n:]
		// startAt, endAt, covered and titleFirst start empty; nextTitle
		// and det are written for every token.
		clear(at[:2*n+2])
		clear(flags[:2*n])
		texts := allTexts[:n:n]
		allTexts = allTexts[n:]
		out[f] = fieldInfo{doc: doc, startAt: at[: n+1 : n+1], endAt: at[n+1 : 2*n+2 : 2*n+2], nextTitle: at[2*n+2:], covered: flags[:n:n],
			titleFirst: flags[n : 2*n : 2*n], det: flags[2*n:], texts: texts}
	}
	for i := range a.Mentions {
		m := &a.Mentions[i]
		if m.Nominal || !named(m.Type) || m.Field < 0 || m.Field >= len(out) || m.Entity < 0 {
			continue
		}
		fi := &out[m.Field]
		if !validTokens(m, fi.doc) {
			continue
		}
		fi.startAt[m.TokStart] = int32(i) + 1
		fi.endAt[m.TokEnd] = int32(i) + 1
		for t := m.TokStart; t < m.TokEnd; t++ {
			fi.covered[t] = true
		}
	}
	// Every token is folded once, into one string per field (tokens folded
	// already keep their text), hashed as it is folded and looked up in
	// the Bloom filters of the word sets; the few tokens a filter lets
	// through are looked up in the sets once the string is made.
	for f := range out {
		fi := &out[f]
		toks := fi.doc.Tokens
		buf := slices.Grow(sc.buf[:0], len(fi.doc.Text))
		var all string
		all, sc.buf, sc.folded, sc.maybe = s.foldTokens(fi, buf, sc.folded[:0], sc.maybe[:0])
		// The tokens folded into buf take their text from all.
		for _, ft := range sc.folded {
			fi.texts[ft.tok] = all[ft.start:ft.end]
		}
		maybe := sc.maybe
		// The tokens let through fold to some text: look it up.
		for _, t := range maybe {
			b := fi.texts[t]
			if fi.det[t] {
				fi.det[t] = s.w.determiners.m[b]
			}
			if fi.titleFirst[t] {
				fi.titleFirst[t] = s.w.titleFirst.m[firstWord(b)]
			}
		}
		next := int32(len(toks))
		for t := len(toks) - 1; t >= 0; t-- {
			if fi.titleFirst[t] {
				next = int32(t)
			}
			fi.nextTitle[t] = next
		}
	}
	return out
}

// foldedAt is a token whose folded form differs from its text: bytes
// [start, end) of the folded texts of its field.
type foldedAt struct{ tok, start, end int32 }

// foldTokens folds and hashes every token of fi once, appending the
// folded forms that differ from the tokens' texts to buf (and those
// tokens to folded), and sets fi.det and fi.titleFirst as the Bloom
// filters of the word sets tell them (the tokens they let through, to be
// looked up in the sets, are appended to maybe) and fi.texts of the
// tokens folded already. It returns buf as a string, buf, folded and
// maybe.
func (s *state) foldTokens(fi *fieldInfo, buf []byte, folded []foldedAt, maybe []int32) (string, []byte, []foldedAt, []int32) {
	toks := fi.doc.Tokens
	n := len(toks)
	det, titleFirst, covered, texts := fi.det[:n], fi.titleFirst[:n], fi.covered[:n], fi.texts[:n]
	dets, firsts, emptyDet := s.w.determiners, s.w.titleFirst, s.w.emptyDet
	for t := range toks {
		at := len(buf)
		var same, spaced bool
		var h uint64
		text := toks[t].Text
		buf, same, spaced, h = foldHashToken(buf, text)
		size := len(buf) - at
		if same {
			size = len(text)
			buf = buf[:at]
			texts[t] = text
		} else {
			folded = append(folded, foldedAt{tok: int32(t), start: int32(at), end: int32(len(buf))})
		}
		if size == 0 {
			det[t] = emptyDet
			continue
		}
		// Maybe (checked by the caller): one hash for both sets.
		h1, h2 := bloomBits2(h)
		d := dets.bloomHas(h1, h2)
		det[t] = d
		tf := false
		if !covered[t] {
			// A token of several words is looked up by its first.
			tf = spaced || firsts.bloomHas(h1, h2)
			titleFirst[t] = tf
		}
		if d || tf {
			maybe = append(maybe, int32(t))
		}
	}
	return string(buf), buf, folded, maybe
}

// text is the folded text of token t (lexicon.Fold).
func (fi *fieldInfo) text(t int) string { return fi.texts[t] }

// nextPhrase returns the first token from i where detect may find a
// phrase, len(tokens) if none: a named mention starts there, or a token
// outside the named mentions is a determiner or has a title starting at
// one of the next five tokens (without one of these, no phrase starts
// there). detect would find nothing at the tokens it passes over.
func (fi *fieldInfo) nextPhrase(i int) int {
	n := len(fi.covered)
	startAt, covered, det, nextTitle := fi.startAt[:n], fi.covered[:n], fi.det[:n], fi.nextTitle[:n]
	for ; i < n; i++ {
		if startAt[i] != 0 || !covered[i] && (det[i] || int(nextTitle[i]) <= i+4) {
			return i
		}
	}
	return n
}

// starts returns the named mention starting at token t.
func (fi *fieldInfo) starts(t int) (int, bool) {
	if t < 0 || t >= len(fi.startAt) || fi.startAt[t] == 0 {
		return 0, false
	}
	return int(fi.startAt[t]) - 1, true
}

// ends returns the named mention ending at token end t.
func (fi *fieldInfo) ends(t int) (int, bool) {
	if t < 0 || t >= len(fi.endAt) || fi.endAt[t] == 0 {
		return 0, false
	}
	return int(fi.endAt[t]) - 1, true
}

// foldHashToken is appendFoldToken, that also reports whether the folded
// form has several words and returns its FNV-1a hash. Lower-case ASCII
// words, the most common, are hashed without a copy.
func foldHashToken(dst []byte, t string) (out []byte, same, spaced bool, h uint64) {
	h = fnvOffset
	upper := false
	for j := 0; j < len(t); j++ {
		c := t[j]
		switch byteClass[c] {
		case classSmall:
		case classCapital:
			c += 'a' - 'A'
			upper = true
		case classPunct:
			if len(t) == 1 {
				return dst, false, false, fnvOffset // punctuation folds to nothing
			}
			fallthrough
		default:
			start := len(dst)
			var ok bool
			if dst, ok = foldLatin(dst, t); !ok {
				dst = lexicon.AppendFold(dst, t)
			}
			h = fnvOffset
			for _, c := range dst[start:] {
				h = (h ^ uint64(c)) * fnvPrime
				spaced = spaced || c == ' '
			}
			return dst, string(dst[start:]) == t, spaced, h
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	if !upper {
		return dst, true, false, h
	}
	for j := 0; j < len(t); j++ {
		c := t[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, false, false, h
}

// appendFoldToken appends lexicon.Fold(t) to dst, and reports whether
// that is t itself.
func appendFoldToken(dst []byte, t string) ([]byte, bool) {
	start := len(dst)
	dst, same, _, _ := foldHashToken(dst, t)
	if same && len(dst) == start {
		dst = append(dst, t...) // hashed in place
	}
	return dst, same
}

// span is the text of code points [start, end) of the field, "" when out
// of range; invalid UTF-8 reads as U+FFFD, as in string([]rune(text)).
// Spans are read in text order: each walk starts where the previous one
// started, when it can.
func (fi *fieldInfo) span(start, end int) string {
	if start < 0 || start >= end {
		return ""
	}
	text := fi.doc.Text
	n, i := 0, 0
	if start >= fi.spanCP {
		n, i = fi.spanCP, fi.spanAt
	}
	if i, n = byteOffset(text, i, n, start); n < start {
		return "" // the text ends before start
	}
	from := i
	fi.spanCP, fi.spanAt = n, i
	if i, n = byteOffset(text, i, n, end); n < end {
		return ""
	}
	return validSpan(text[from:i])
}

func validSpan(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}

func apostrophe(t string) bool { return t == "'" || t == "’" }

// detect reads a title phrase starting at token i of field f.
func (s *state) detect(fi *fieldInfo, f, i int) (phrase, bool) {
	toks := fi.doc.Tokens
	p := phrase{field: f, start: i}
	j := i
	if fi.det[i] {
		p.det = true
		j++
		for j < len(toks) && apostrophe(toks[j].Text) {
			j++
		}
	}
	if j >= len(toks) {
		return p, false
	}
	if mi, ok := fi.starts(j); ok {
		return s.detectNamed(fi, p, mi)
	}
	if fi.covered[j] {
		return p, false
	}
	// Demonym then title: "the Russian leader", "Russian President".
	if dn, iso := s.demonymBeforeTitle(fi, j); dn > 0 && j+dn < len(toks) && !fi.covered[j+dn] {
		if n := s.titleAt(fi, j+dn); n > 0 {
			p.end = j + dn + n
			p.title = s.foldSpan(fi, j+dn, p.end)
			p.aff = iso
			return p, true
		}
	}
	n := s.titleAt(fi, j)
	head := false
	if n == 0 && p.det && s.w.heads[fi.text(j)] {
		n, head = 1, true
	}
	if n == 0 {
		return p, false
	}
	for t := j; t < j+n; t++ {
		if fi.covered[t] {
			return p, false
		}
	}
	k := j + n
	p.title = s.foldSpan(fi, j, k)
	p.end = k
	if dn, iso := s.demonymAt(fi, k); dn > 0 {
		p.end, p.aff = k+dn, iso
		return p, !head
	}
	// "chef du Kremlin", "président de la Russie", "CEO of Acme".
	if k < len(toks) && s.w.of[fi.text(k)] {
		x := k + 1
		for x < len(toks) && (apostrophe(toks[x].Text) || fi.det[x] && !fi.covered[x]) {
			x++
		}
		if mi, ok := fi.starts(x); ok && x < len(toks) {
			m := &s.a.Mentions[mi]
			if aff := s.affiliation(m.Entity); aff != "" {
				p.end, p.aff = m.TokEnd, aff
				return p, true
			}
		}
	}
	return p, !head
}

// detectNamed reads a title after a name that stands for a country or a
// body: "the Kremlin leader", "Germany's chancellor", "Kremlin spokesman".
func (s *state) detectNamed(fi *fieldInfo, p phrase, mi int) (phrase, bool) {
	toks := fi.doc.Tokens
	m := &s.a.Mentions[mi]
	aff := s.affiliation(m.Entity)
	if aff == "" {
		return p, false
	}
	k := m.TokEnd
	// Saxon genitive: "'s" as one token or two.
	if k < len(toks) && apostrophe(toks[k].Text) {
		k++
	}
	if k < len(toks) && fi.text(k) == "s" && !toks[k].SpaceBefore {
		k++
		p.det = true // "Germany's chancellor" designates like "the chancellor"
	}
	if k >= len(toks) || fi.covered[k] {
		return p, false
	}
	n := s.titleAt(fi, k)
	if n == 0 {
		return p, false
	}
	for t := k; t < k+n; t++ {
		if fi.covered[t] {
			return p, false
		}
	}
	p.end = k + n
	p.title = s.foldSpan(fi, k, p.end)
	p.aff = aff
	return p, true
}

// foldSpan is the folded text of tokens [start, end).
func (s *state) foldSpan(fi *fieldInfo, start, end int) string {
	one, n := "", 0 // the one non-empty text, the number of them
	for i := start; i < end && n < 2; i++ {
		if t := fi.text(i); t != "" {
			one, n = t, n+1
		}
	}
	if n < 2 {
		return one
	}
	var b strings.Builder
	for i := start; i < end; i++ {
		t := fi.text(i)
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

// titleAt is the number of tokens of the longest title starting at token
// k (lexicon.TitleAt of the tokens from k), 0 at once for a token no title
// starts with. Tokens that fold to nothing are skipped inside a title.
func (s *state) titleAt(fi *fieldInfo, k int) int {
	if k >= len(fi.texts) || !fi.titleFirst[k] {
		return 0
	}
	return s.lex.TitleAtFolded(fi.texts[k:])
}

// demonymBeforeTitle is demonymAt(fi, k) where a title could follow the
// demonym: 0 at once when no title can start in the 4 tokens after k (a
// demonym is at most 4 tokens).
func (s *state) demonymBeforeTitle(fi *fieldInfo, k int) (int, string) {
	if k+1 < len(fi.nextTitle) && int(fi.nextTitle[k+1]) <= k+4 {
		return s.demonymAt(fi, k)
	}
	return 0, ""
}

// demonymAt returns the number of tokens of a demonym starting at token k
// ("russe", "nord - coréen", "North Korean") and its country code.
func (s *state) demonymAt(fi *fieldInfo, k int) (int, string) {
	if k >= len(fi.texts) || fi.covered[k] || !s.demonymFirst(fi.texts[k]) {
		return 0, ""
	}
	var texts [4]string
	end := min(len(fi.texts), k+4)
	for i := k; i < end; i++ {
		texts[i-k] = fi.text(i)
	}
	n, _, iso := s.lex.DemonymAt(texts[:end-k])
	return n, iso
}

// demonymFirst reports whether a demonym may start with a token of this
// folded text: false only when lexicon.DemonymAt would find no demonym
// starting with its first word (a text folded already and ASCII, which
// DemonymAt's fold keeps as it is, whose first word starts no demonym).
func (s *state) demonymFirst(folded string) bool {
	for i := 0; i < len(folded); i++ {
		if folded[i] >= utf8.RuneSelf {
			return true // left to DemonymAt, that folds it again
		}
	}
	return folded != "" && s.w.demFirst.has(firstWord(folded))
}

// affiliation is the key of what an entity stands for as the body a title
// belongs to: its country code for a country or a seat of power
// ("Kremlin" → RU), else "e:<index>".
func (s *state) affiliation(e int) string {
	a := s.a
	if e < 0 || e >= len(a.Entities) {
		return ""
	}
	// Entities and their names do not change while nominals are read:
	// each is looked up once.
	if len(s.affs) != len(a.Entities) {
		s.affs = make([]string, len(a.Entities))
		s.affDone = make([]bool, len(a.Entities))
	}
	if !s.affDone[e] {
		s.affs[e], s.affDone[e] = s.lookupAffiliation(e), true
	}
	return s.affs[e]
}

func (s *state) lookupAffiliation(e int) string {
	ent := &s.a.Entities[e]
	// The name is folded once for both lookups (Seat and place would each
	// fold it; a folded name is not folded again: Fold is not idempotent).
	var kb [64]byte
	k := lexicon.AppendFold(kb[:0], ent.Name)
	if iso, ok := s.lex.SeatFolded(string(k)); ok {
		return iso
	}
	if ent.Type == Location {
		p := s.placeOfKey(k, ent.Name)
		if p.country {
			return p.iso
		}
		if iso, ok := s.r.gaz.CountryOf(p.cands); ok {
			return iso
		}
	}
	if ent.Type == Person {
		return ""
	}
	if e < len(entityKeys) {
		return entityKeys[e]
	}
	return "e:" + strconv.Itoa(e)
}

// entityKeys are the affiliation keys of the first entities, "e:0"…
var entityKeys = func() [64]string {
	var k [64]string
	for e := range k {
		k[e] = "e:" + strconv.Itoa(e)
	}
	return k
}()

// attachNominals reads title phrases: one in apposition to a person's name
// ("le président russe, Vladimir Poutine", "Sergueï Lavrov, ministre…")
// tells that person's title and affiliation; one standing alone with a
// determiner ("le président russe est arrivé") becomes a nominal mention of
// the one person it can designate in the article, if there is exactly one.
func (s *state) attachNominals() {
	a := s.a
	if s.lex == nil {
		return
	}
	n := 0
	for e := range a.Entities {
		if a.Entities[e].Type == Person {
			n++
		}
	}
	if n == 0 {
		return
	}
	// people[e] is PERSON entity e's, nil for other entities.
	people := make([]*person, len(a.Entities))
	all := make([]person, n)
	n = 0
	for e := range a.Entities {
		if a.Entities[e].Type != Person {
			continue
		}
		p := &all[n]
		n++
		p.first = [2]int{1 << 30, 0}
		for _, mi := range a.Entities[e].Mentions {
			m := &a.Mentions[mi]
			if pos := [2]int{m.Field, m.Start}; before(pos, p.first) {
				p.first = pos
			}
		}
		people[e] = p
	}
	infos := s.fields()
	var loose []phrase
	for f := range infos {
		fi := &infos[f]
		toks := fi.doc.Tokens
		for i := fi.nextPhrase(0); i < len(toks); {
			p, ok := s.detect(fi, f, i)
			if !ok {
				i = fi.nextPhrase(i + 1)
				continue
			}
			if e, ok := s.apposition(fi, p); ok {
				if pp := personOf(people, e); pp != nil {
					s.addTitle(pp, p.title)
					if p.aff != "" {
						pp.addAff(p.aff)
					}
				}
			} else if p.det {
				loose = append(loose, p)
			}
			i = fi.nextPhrase(p.end)
		}
	}
	// mentioned: the affiliations of the article's places, read when a
	// phrase needs them.
	var affs []string
	done := false
	mentioned := func(aff string) bool {
		if !done {
			done = true
			for e := range a.Entities {
				if a.Entities[e].Type == Location {
					if aff := s.affiliation(e); aff != "" {
						affs = append(affs, aff)
					}
				}
			}
		}
		return slices.Contains(affs, aff)
	}
	for _, p := range loose {
		e, conf := s.referent(p, people, mentioned)
		if e < 0 {
			continue
		}
		s.addNominal(&infos[p.field], p, e, conf)
		s.addTitle(people[e], p.title)
		if p.aff != "" {
			people[e].addAff(p.aff)
		}
	}
}

// addTitle records a person's title, and the office it names when the
// lexicon groups titles ("chef de l'État" and "président de la République"
// are one office).
func (s *state) addTitle(pp *person, title string) {
	if !slices.Contains(pp.titles, title) {
		pp.titles = append(pp.titles, title)
	}
	if g := s.titleGroup(title); g != "" && !slices.Contains(pp.titles, g) {
		pp.titles = append(pp.titles, g)
	}
}

// titleGroup is the key of the office a title names ("g:" and the first
// value of its row of the lexicon's title-groups table), "" for none.
func (s *state) titleGroup(title string) string {
	if len(s.w.titleGroups) == 0 {
		return ""
	}
	var buf [64]byte
	return s.w.titleGroups[string(lexicon.AppendFold(buf[:0], title))]
}

// hasTitle reports whether a person holds a title, or another title of the
// same office.
func (s *state) hasTitle(pp *person, title string) bool {
	if slices.Contains(pp.titles, title) {
		return true
	}
	g := s.titleGroup(title)
	return g != "" && slices.Contains(pp.titles, g)
}

// personOf is people[e], nil for an entity out of range.
func personOf(people []*person, e int) *person {
	if e < 0 || e >= len(people) {
		return nil
	}
	return people[e]
}

func before(x, y [2]int) bool { return x[0] < y[0] || x[0] == y[0] && x[1] < y[1] }

// apposition returns the person entity a phrase stands in apposition to.
func (s *state) apposition(fi *fieldInfo, p phrase) (int, bool) {
	toks := fi.doc.Tokens
	q := p.end
	if q < len(toks) && toks[q].Text == "," {
		q++
	}
	if mi, ok := fi.starts(q); ok && s.a.Mentions[mi].Type == Person {
		return s.a.Mentions[mi].Entity, true
	}
	q = p.start
	if q > 0 && toks[q-1].Text == "," {
		q--
	}
	if mi, ok := fi.ends(q); ok && s.a.Mentions[mi].Type == Person {
		return s.a.Mentions[mi].Entity, true
	}
	return -1, false
}

// referent picks the person a loose title phrase designates, -1 if the
// article leaves it ambiguous.
func (s *state) referent(p phrase, people []*person, mentioned func(aff string) bool) (int, float64) {
	pos := [2]int{p.field, s.a.Fields[p.field].Doc.Tokens[p.start].Start}
	only := func(keep func(*person) bool) int {
		found := -1
		for e, pp := range people {
			if pp != nil && keep(pp) {
				if found >= 0 {
					return -2
				}
				found = e
			}
		}
		return found
	}
	if p.aff != "" {
		e := only(func(pp *person) bool { return pp.hasAff(p.aff) })
		if e == -2 {
			e = only(func(pp *person) bool { return pp.hasAff(p.aff) && s.hasTitle(pp, p.title) })
		}
		if e >= 0 {
			return e, confByAffiliation
		}
		if e != -1 {
			return -1, 0
		}
		// Nobody is tied to that body: the one person with that title and
		// no other affiliation ("la présidente de la BCE" after "sa
		// présidente, Christine Lagarde").
		e = only(func(pp *person) bool { return s.hasTitle(pp, p.title) && len(pp.affs) == 0 })
		if e >= 0 {
			return e, confByTitle
		}
		if e == -1 && mentioned(p.aff) {
			e = only(func(pp *person) bool { return len(pp.affs) == 0 && before(pp.first, pos) })
			if e >= 0 {
				return e, confByRecency
			}
		}
		return -1, 0
	}
	if e := only(func(pp *person) bool { return s.hasTitle(pp, p.title) }); e >= 0 {
		return e, confByTitle
	}
	return -1, 0
}

func (s *state) addNominal(fi *fieldInfo, p phrase, e int, conf float64) {
	a := s.a
	toks := fi.doc.Tokens
	start, end := toks[p.start].Start, toks[p.end-1].End
	for i := range a.Mentions {
		if m := &a.Mentions[i]; m.Field == p.field && m.Start == start && m.End == end {
			// Already there (a second Resolve of the same analysis).
			if m.Nominal && m.Entity < 0 {
				m.Entity, m.Confidence, m.Type = e, conf, a.Entities[e].Type
				a.Entities[e].Mentions = append(a.Entities[e].Mentions, i)
			}
			return
		}
	}
	sent := 0
	for k, st := range fi.doc.Sentences {
		if p.start >= st.First && p.start < st.Last {
			sent = k
			break
		}
	}
	a.Mentions = append(a.Mentions, analysis.Mention{
		Field: p.field, Sent: sent, TokStart: p.start, TokEnd: p.end, Start: start, End: end,
		Text: fi.span(start, end), Type: a.Entities[e].Type, Confidence: conf, Nominal: true, Entity: e,
	})
	a.Entities[e].Mentions = append(a.Entities[e].Mentions, len(a.Mentions)-1)
}
