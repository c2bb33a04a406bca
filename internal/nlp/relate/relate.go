// Package relate reads relations between the entities of an analysed
// article — title, nationality, member_of, located_in, met, visited,
// agreement, said, supports and opposes (../shared/CONTRACT.md) — each with
// the span it was read from, a confidence and its CAMEO event code.
//
// The approach is deliberately a surface one over the tokens, the entity
// mentions and per-language lexicons, not a dependency parser: news copy
// states these relations in a small number of constructions (a predicate
// from a closed list — verbs in their inflected forms and their
// nominalisations —, its subject as the first non-prepositional entity of
// the clause plus the ones coordinated with it, its object after the
// predicate or after a marked preposition; appositions and premodifiers
// for titles; quote marks and verbs of saying for statements), a parser
// trained on the Universal Dependencies treebanks would cost more time per
// article than the whole stage may spend (a 30% budget of ~2 ms) and
// would still need these lexicons to name the relation. Every relation
// comes from one sentence (or one quote) that states it, so its evidence
// can always be shown. What it does not do: deep subordination, relations
// across sentences other than through pronouns, possessives and the
// nominal mentions that the resolve stage attached.
//
// Language knowledge lives in data/<lang>/ (predicates.tsv,
// quote_verbs.txt, sources.txt, agreement_nouns.txt, function.tsv and the
// lists described in data/README.md) and in
// internal/nlp/lexicon (titles, demonyms, countries): a language is added
// by adding a folder.
package relate

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
	"github.com/wirenrich/wirenrich/internal/nlp/resolve"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// Relation types of the contract.
const (
	Title       = "title"
	Nationality = "nationality"
	MemberOf    = "member_of"
	LocatedIn   = "located_in"
	Met         = "met"
	Visited     = "visited"
	Agreement   = "agreement"
	Said        = "said"
	Supports    = "supports"
	Opposes     = "opposes"
)

// Relater extracts relations. It is immutable after New and safe for
// concurrent use.
type Relater struct {
	langs   map[string]*langData
	genders *resolve.Genders // first names' genders for pronouns; nil: none
}

// WithGenders returns a copy of r that reads the gender of people's first
// names from g (nil: none), so that "elle" and "she" refer to no man
// named before.
func (r *Relater) WithGenders(g *resolve.Genders) *Relater {
	c := *r
	c.genders = g
	return &c
}

// New builds a Relater for the languages of the given lexicons that have
// relation data (a nil lexicon is skipped).
func New(lexicons ...*lexicon.Lexicon) (*Relater, error) {
	r := &Relater{langs: map[string]*langData{}}
	for _, l := range lexicons {
		if l == nil {
			continue
		}
		d, ok, err := loadLang(l.Lang(), l)
		if err != nil {
			return nil, err
		}
		if ok {
			r.langs[l.Lang()] = d
		}
	}
	return r, nil
}

// Load builds a Relater for every language that has both a lexicon and
// relation data.
func Load() (*Relater, error) {
	var lexs []*lexicon.Lexicon
	for _, lang := range lexicon.Languages() {
		l, err := lexicon.Load(lang)
		if err != nil {
			return nil, fmt.Errorf("relate: %w", err)
		}
		lexs = append(lexs, l)
	}
	return New(lexs...)
}

// Languages lists the languages the Relater reads relations in.
func (r *Relater) Languages() []string {
	out := make([]string, 0, len(r.langs))
	for l := range r.langs {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Relate appends to a.Relations the relations its sentences state between
// its entities. It needs a.Entities (resolve has run); an article in a
// language without data gets none. It never panics on inconsistent input:
// mentions with bad offsets are ignored.
func (r *Relater) Relate(a *analysis.Analysis) {
	if r == nil || a == nil || len(a.Entities) == 0 {
		return
	}
	d := r.langs[a.Lang]
	if d == nil {
		return
	}
	st := &state{a: a, d: d, seen: map[relKey]int{}, genders: r.genders}
	st.countries()
	for f := range a.Fields {
		fc := st.field(f)
		if fc == nil {
			continue
		}
		st.titles(fc)
		st.descriptions(fc)
		st.located(fc)
		st.quotes(fc)
		st.events(fc)
	}
}

// unit is one entity mention used as an argument: the outermost mention
// of its tokens.
type unit struct {
	mi      int // index into Analysis.Mentions
	ent     int
	s, e    int // tokens [s, e)
	sent    int
	typ     string
	nominal bool
}

type fieldCtx struct {
	f     int
	doc   *text.Doc
	keys  []string // folded tokens ("" for punctuation)
	cls   []uint32
	units []unit // in text order, no overlaps
	unit  []int  // per token: index into units, -1
	quote []int  // per token inside a statement quote: the quote index, else -1
	qs    []quoteSpan
	// unnamed: sentences opened by a description of a person that names
	// no one the article does unambiguously ("Le ministre mauritanien a
	// ensuite …"): their subject pronouns refer to it.
	unnamed map[int]bool
	words   []string // token texts, sliced by texts()
	// memo of title and demonym lengths at a token: -1 unknown.
	titleLen, demLen []int16
	demISO           []string
}

// titleLenAt is the memoised number of tokens of the longest title at k.
func (st *state) titleLenAt(fc *fieldCtx, k, limit int) int {
	if k >= limit {
		return 0
	}
	if fc.titleLen[k] < 0 {
		n := 0
		if fc.keys[k] != "" {
			n = st.d.titleAt(fc.texts(k, len(fc.words)))
		}
		fc.titleLen[k] = int16(n)
	}
	if n := int(fc.titleLen[k]); n <= limit-k {
		return n
	}
	return st.d.titleAt(fc.texts(k, limit))
}

// demonymAt is the memoised demonym at k: its length and country code.
func (st *state) demonymAt(fc *fieldCtx, k, limit int) (int, string) {
	if k >= limit {
		return 0, ""
	}
	if fc.demLen[k] < 0 {
		n, iso := 0, ""
		if fc.keys[k] != "" {
			n, _, iso = st.d.lex.DemonymAt(fc.texts(k, len(fc.words)))
		}
		fc.demLen[k], fc.demISO[k] = int16(n), iso
	}
	if n := int(fc.demLen[k]); k+n <= limit {
		return n, fc.demISO[k]
	}
	n, _, iso := st.d.lex.DemonymAt(fc.texts(k, limit))
	return n, iso
}

// quoteSpan is a statement quote: the tokens of its marks; cont when it
// runs on into the next paragraph's quote.
type quoteSpan struct {
	open, close int
	cont        bool
}

type relKey struct {
	typ       string
	subj, obj int
	val       string
}

type state struct {
	a       *analysis.Analysis
	d       *langData
	seen    map[relKey]int
	country map[string]int // iso2 -> entity naming that country
	// personWords: folded words of person names, built on first use.
	personWords map[string]bool
	genders     *resolve.Genders
	gender      map[int]byte // entity -> 'm', 'f' or 0 (unknown), on first use
}

// personGender is the gender of person entity e by its first name: 'm',
// 'f' or 0 when unknown.
func (st *state) personGender(e int) byte {
	if st.genders == nil {
		return 0
	}
	if g, ok := st.gender[e]; ok {
		return g
	}
	if st.gender == nil {
		st.gender = map[int]byte{}
	}
	var g byte
	if first, rest, ok := strings.Cut(st.a.Entities[e].Name, " "); ok && rest != "" {
		female, known := st.genders.Female(first)
		if h := strings.IndexByte(first, '-'); !known && h > 0 {
			female, known = st.genders.Female(first[:h]) // "Jean-François"
		}
		if known {
			g = 'm'
			if female {
				g = 'f'
			}
		}
	}
	st.gender[e] = g
	return g
}

// countries indexes the entities that name a country.
func (st *state) countries() {
	st.country = map[string]int{}
	for i, e := range st.a.Entities {
		if e.Type != "LOCATION" {
			continue
		}
		if iso, ok := st.d.lex.Country(e.Name); ok {
			if _, dup := st.country[iso]; !dup {
				st.country[iso] = i
			}
			continue
		}
		for _, mi := range e.Mentions {
			if mi < 0 || mi >= len(st.a.Mentions) {
				continue
			}
			if iso, ok := st.d.lex.Country(st.a.Mentions[mi].Text); ok {
				if _, dup := st.country[iso]; !dup {
					st.country[iso] = i
				}
				break
			}
		}
	}
}

// isCountry reports whether entity e names a country.
func (st *state) isCountry(e int) bool {
	for _, c := range st.country {
		if c == e {
			return true
		}
	}
	return false
}

func named(typ string) bool {
	return typ == "PERSON" || typ == "ORGANIZATION" || typ == "LOCATION" || typ == "MISC"
}

// field prepares the tokens and mentions of field f; nil when empty.
func (st *state) field(f int) *fieldCtx {
	a := st.a
	doc := &a.Fields[f].Doc
	n := len(doc.Tokens)
	if n == 0 {
		return nil
	}
	ints := make([]int, 2*n)
	strs := make([]string, 3*n)
	lens := make([]int16, 2*n)
	fc := &fieldCtx{f: f, doc: doc, keys: strs[:n:n], cls: make([]uint32, n), unit: ints[:n:n], quote: ints[n:],
		words: strs[n : 2*n : 2*n], titleLen: lens[:n:n], demLen: lens[n:], demISO: strs[2*n:]}
	inField := 0
	for mi := range a.Mentions {
		if a.Mentions[mi].Field == f {
			inField++
		}
	}
	all := make([]unit, 0, inField+inField/2+4) // room for unmarked and anaphoric units
	for mi := range a.Mentions {
		m := &a.Mentions[mi]
		if m.Field != f || m.Entity < 0 || m.Entity >= len(a.Entities) || !named(a.Entities[m.Entity].Type) {
			continue
		}
		s, e, ok := tokenRange(doc, m)
		if !ok {
			continue
		}
		all = append(all, unit{mi: mi, ent: m.Entity, s: s, e: e, sent: sentenceOf(doc, s), typ: a.Entities[m.Entity].Type, nominal: m.Nominal})
	}
	all = st.unmarked(fc, all)
	// Tokens inside a named mention are never looked up in the lexicons:
	// they keep their text as key (no folding, no allocation).
	inName := make([]bool, n)
	for _, u := range all {
		if !u.nominal {
			for k := u.s; k < u.e; k++ {
				inName[k] = true
			}
		}
	}
	type foldAt struct{ tok, end int }
	var fold []byte
	var foldEnd []foldAt
	if n > 0 {
		fold = make([]byte, 0, len(doc.Text))
		foldEnd = make([]foldAt, 0, n)
	}
	for i, t := range doc.Tokens {
		fc.words[i] = t.Text
		fc.titleLen[i], fc.demLen[i] = -1, -1
		fc.unit[i] = -1
		fc.quote[i] = -1
		if inName[i] && t.Text != "" && !isApos(t.Text) {
			fc.keys[i] = t.Text
			continue
		}
		var ok bool
		var start uint8
		if fc.keys[i], fc.cls[i], start, ok = st.d.quickKey(t); ok {
			// Most words start no demonym and no title: known without
			// looking them up.
			if noDem, noTitle := st.d.lexStarts(t, start); noDem || noTitle {
				if noDem {
					fc.demLen[i] = 0
				}
				if noTitle {
					fc.titleLen[i] = 0
				}
			}
		} else {
			// Folded below, all in one string.
			fold = lexicon.AppendFold(fold, fc.keys[i])
			foldEnd = append(foldEnd, foldAt{i, len(fold)})
		}
	}
	if len(foldEnd) > 0 {
		all, start := string(fold), 0
		for _, fe := range foldEnd {
			t := &doc.Tokens[fe.tok]
			if k := all[start:fe.end]; k == "" {
				fc.keys[fe.tok], fc.cls[fe.tok] = "", st.d.classes[t.Text]
			} else {
				fc.keys[fe.tok], fc.cls[fe.tok] = k, st.d.classes[k]
			}
			start = fe.end
		}
	}
	for i, k := range fc.keys {
		if k == "" || !st.d.multiFirst[k[0]] {
			continue
		}
		for _, mc := range st.d.multi {
			if fc.keys[i] == mc.words[0] && fc.matchAt(i, mc.words) {
				fc.cls[i] |= mc.cls
			}
		}
	}
	// Dates and times are no arguments, but a preposition heading one
	// ("traf am Montag den Präsidenten") is no object's preposition.
	for mi := range a.Mentions {
		m := &a.Mentions[mi]
		if m.Field != f || m.Entity < 0 || m.Entity >= len(a.Entities) {
			continue
		}
		if t := a.Entities[m.Entity].Type; t != "DATE" && t != "TIME" {
			continue
		}
		if s, e, ok := tokenRange(doc, m); ok {
			for k := s; k < e; k++ {
				fc.cls[k] |= clTemporal
			}
		}
	}
	all = st.orgAnaphora(fc, all)
	all = st.countryAnaphora(fc, all)
	slices.SortFunc(all, func(x, y unit) int {
		if x.s != y.s {
			return cmp.Compare(x.s, y.s)
		}
		return cmp.Compare(y.e, x.e)
	})
	fc.units = make([]unit, 0, len(all))
	end := -1
	for _, u := range all {
		if u.s < end {
			continue
		}
		end = u.e
		for t := u.s; t < u.e; t++ {
			fc.unit[t] = len(fc.units)
		}
		fc.units = append(fc.units, u)
	}
	st.findQuotes(fc)
	return fc
}

// descriptions adds a nominal unit for each definite description of a
// person by a title with a demonym that the earlier stages left alone
// ("the Russian leader said", "le ministre mauritanien a rencontré")
// when exactly one person of the article has that nationality; a
// description at the start of a sentence that fits none or several marks
// the sentence (fc.unnamed). It runs after titles, which read the
// nationalities.
func (st *state) descriptions(fc *fieldCtx) {
	n := len(fc.keys)
	var add []unit
	for i := 0; i+1 < n; i++ {
		if fc.cls[i]&clDet == 0 || fc.cls[i]&clPoss != 0 || fc.unit[i] >= 0 || fc.quote[i] >= 0 {
			continue
		}
		lo, hi, sent := sentenceBounds(fc.doc, i)
		tp, ok := st.titleAt(fc, i, hi)
		if !ok || tp.iso == "" || tp.org >= 0 || tp.e >= hi {
			continue
		}
		covered := false
		for k := i; k < tp.e; k++ {
			covered = covered || fc.unit[k] >= 0
		}
		if covered {
			continue
		}
		// A name after it is in apposition or premodified ("le président
		// russe, Vladimir Poutine", "the Russian leader Vladimir Putin").
		k := tp.e
		if fc.doc.Tokens[k].Text == "," && k+1 < hi {
			k++
		}
		if fc.unit[k] >= 0 || fc.keys[tp.e] != "" && startsUpper(fc.doc.Tokens[tp.e].Text) {
			continue
		}
		var buf [64]byte
		if st.d.relNouns[string(lexicon.AppendFold(buf[:0], tp.title))] {
			continue // "son homologue"
		}
		who := -1
		if c, ok := st.country[tp.iso]; ok {
			for _, r := range st.a.Relations {
				if r.Type != Nationality || r.Object != c || r.Subject == who {
					continue
				}
				if who >= 0 {
					who = -2 // several
					break
				}
				who = r.Subject
			}
		}
		if who < 0 {
			if i == lo {
				if fc.unnamed == nil {
					fc.unnamed = map[int]bool{}
				}
				fc.unnamed[sent] = true
			}
			i = tp.e - 1
			continue
		}
		add = append(add, unit{mi: -1, ent: who, s: i, e: tp.e, sent: sent, typ: "PERSON", nominal: true})
		i = tp.e - 1
	}
	if len(add) == 0 {
		return
	}
	fc.units = append(fc.units, add...)
	slices.SortFunc(fc.units, func(x, y unit) int { return cmp.Compare(x.s, y.s) })
	for k := range fc.unit {
		fc.unit[k] = -1
	}
	for ui, u := range fc.units {
		for t := u.s; t < u.e; t++ {
			fc.unit[t] = ui
		}
	}
}

// unmarked adds a unit for each repetition of an entity's name (as
// marked elsewhere in the field) that the earlier stages did not mark
// ("Apple CEO Tim Cook" when only a later "Apple" was tagged; "Cook" for
// Tim Cook): capitalised names of three letters or more, whole tokens
// only, never a name two entities share.
func (st *state) unmarked(fc *fieldCtx, all []unit) []unit {
	a := st.a
	type cand struct {
		toks []text.Token
		ent  int
		next int // next candidate of the same first token text, -1
	}
	// Candidates of one first token text are chained in insertion order.
	type chain struct{ head, tail int }
	cands := make([]cand, 0, 2*len(all))
	byFirst := make(map[string]chain, 2*len(all)) // first token text -> candidates
	var firstByte [256]bool                       // first bytes of byFirst's keys
	add := func(toks []text.Token, ent int) {
		if len(toks) == 0 || len(toks) > 5 || !startsUpper(toks[0].Text) || toks[len(toks)-1].End-toks[0].Start < 3 {
			return
		}
		firstByte[toks[0].Text[0]] = true
		ch, ok := byFirst[toks[0].Text]
		if ok {
			for ci := ch.head; ci >= 0; ci = cands[ci].next {
				c := &cands[ci]
				if sameTexts(c.toks, toks) {
					if c.ent != ent {
						c.ent = -1 // two entities share the name
					}
					return
				}
			}
			cands[ch.tail].next = len(cands)
			ch.tail = len(cands)
		} else {
			ch = chain{len(cands), len(cands)}
		}
		byFirst[toks[0].Text] = ch
		cands = append(cands, cand{toks, ent, -1})
	}
	for _, u := range all {
		if u.nominal || u.mi < 0 || u.typ == "MISC" {
			continue
		}
		add(fc.doc.Tokens[u.s:u.e], u.ent)
		if u.typ == "PERSON" && u.e-u.s > 1 {
			add(fc.doc.Tokens[u.e-1:u.e], u.ent) // the surname
		}
	}
	if len(cands) == 0 {
		return all
	}
	n := len(fc.doc.Tokens)
	cov := make([]bool, n)
	for _, u := range all {
		for k := u.s; k < u.e && k < n; k++ {
			cov[k] = true
		}
	}
	for i := 0; i < n; i++ {
		if cov[i] {
			continue
		}
		best, bestLen := -1, 0
		w := fc.doc.Tokens[i].Text
		if w == "" || !firstByte[w[0]] {
			continue
		}
		ch, ok := byFirst[w]
		if !ok {
			continue
		}
		for ci := ch.head; ci >= 0; ci = cands[ci].next {
			c := cands[ci]
			if c.ent < 0 || len(c.toks) <= bestLen || i+len(c.toks) > n {
				continue
			}
			ok := true
			for k, t := range c.toks {
				if cov[i+k] || fc.doc.Tokens[i+k].Text != t.Text {
					ok = false
					break
				}
			}
			if ok {
				best, bestLen = c.ent, len(c.toks)
			}
		}
		if best < 0 {
			continue
		}
		if i > 0 && !cov[i-1] && startsUpper(fc.doc.Tokens[i-1].Text) && fc.doc.Tokens[i].SpaceBefore {
			// "Jean Cook" is someone else; a sentence-initial word is fine.
			if sn := sentenceOf(fc.doc, i); sn == sentenceOf(fc.doc, i-1) && fc.doc.Sentences[sn].First != i-1 {
				continue
			}
		}
		all = append(all, unit{mi: -1, ent: best, s: i, e: i + bestLen, sent: sentenceOf(fc.doc, i), typ: a.Entities[best].Type})
		for k := i; k < i+bestLen; k++ {
			cov[k] = true
		}
		i += bestLen - 1
	}
	return all
}

func sameTexts(a, b []text.Token) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Text != b[i].Text {
			return false
		}
	}
	return true
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// orgAnaphora adds a nominal unit for each definite description of an
// organisation ("l'ONG", "the company said") that refers to the last
// organisation named within three sentences, unless a name follows it
// ("le quotidien français Le Figaro" is a premodifier, not an anaphor).
func (st *state) orgAnaphora(fc *fieldCtx, all []unit) []unit {
	if len(st.d.orgHeads) == 0 {
		return all
	}
	n := len(fc.keys)
	cov := make([]bool, n)
	for _, u := range all {
		for k := u.s; k < u.e && k < n; k++ {
			cov[k] = true
		}
	}
	covered := func(k int) bool { return cov[k] }
	for i := 0; i+1 < n; i++ {
		if fc.cls[i]&clDet == 0 {
			continue
		}
		h := i + 1
		for h < n && isApos(fc.doc.Tokens[h].Text) {
			h++
		}
		if h >= n || !st.d.orgHeads[fc.keys[h]] || covered(h) {
			continue
		}
		named := false
		for k := h + 1; k < min(n, h+6); k++ {
			if covered(k) {
				named = true
				break
			}
			if fc.keys[k] == "" && !isApos(fc.doc.Tokens[k].Text) || fc.cls[k]&clCoord != 0 {
				break // "responsable de l'organisation et spécialiste de la Syrie"
			}
		}
		if named {
			continue
		}
		sent := sentenceOf(fc.doc, i)
		ante := -1
		for _, u := range all {
			// The last organisation standing as a subject (not after a
			// preposition), as for pronouns.
			if u.e <= i && u.typ == "ORGANIZATION" && !u.nominal && u.sent >= sent-3 && !fc.blocked(u, 0) {
				ante = u.ent
			}
		}
		if ante >= 0 {
			all = append(all, unit{mi: -1, ent: ante, s: i, e: h + 1, sent: sent, typ: "ORGANIZATION", nominal: true})
		}
	}
	return all
}

// countryAnaphora adds a nominal unit for "the country's", "the
// nation's" (country_nouns.txt before a possessive): the last country
// named within three sentences.
func (st *state) countryAnaphora(fc *fieldCtx, all []unit) []unit {
	if len(st.d.countryN) == 0 {
		return all
	}
	for i := 0; i+2 < len(fc.keys); i++ {
		if fc.cls[i]&clDet == 0 || !st.d.countryN[fc.keys[i+1]] || !possessive(fc.doc.Tokens[i+2].Text) {
			continue
		}
		sent := sentenceOf(fc.doc, i)
		ante, at := -1, -1
		for _, u := range all {
			if u.e <= i && u.s > at && u.typ == "LOCATION" && u.sent >= sent-3 && st.isCountry(u.ent) {
				ante, at = u.ent, u.s
			}
		}
		if ante >= 0 {
			all = append(all, unit{mi: -1, ent: ante, s: i, e: i + 2, sent: sent, typ: "LOCATION", nominal: true})
		}
	}
	return all
}

// tokenRange returns the tokens of a mention, from its token indexes when
// they are consistent, else from its code-point offsets.
func tokenRange(doc *text.Doc, m *analysis.Mention) (int, int, bool) {
	n := len(doc.Tokens)
	if m.TokStart >= 0 && m.TokEnd > m.TokStart && m.TokEnd <= n &&
		doc.Tokens[m.TokStart].Start == m.Start && doc.Tokens[m.TokEnd-1].End == m.End {
		return m.TokStart, m.TokEnd, true
	}
	if m.End <= m.Start {
		return 0, 0, false
	}
	s := sort.Search(n, func(i int) bool { return doc.Tokens[i].End > m.Start })
	e := sort.Search(n, func(i int) bool { return doc.Tokens[i].Start >= m.End })
	if s >= e {
		return 0, 0, false
	}
	return s, e, true
}

func sentenceOf(doc *text.Doc, tok int) int {
	i := sort.Search(len(doc.Sentences), func(i int) bool { return doc.Sentences[i].Last > tok })
	if i >= len(doc.Sentences) {
		return max(0, len(doc.Sentences)-1)
	}
	return i
}

// sentenceBounds returns the tokens [first, last) of the sentence holding tok.
func sentenceBounds(doc *text.Doc, tok int) (int, int, int) {
	if len(doc.Sentences) == 0 {
		return 0, len(doc.Tokens), 0
	}
	s := sentenceOf(doc, tok)
	sn := doc.Sentences[s]
	return max(0, sn.First), min(len(doc.Tokens), sn.Last), s
}

// emit appends a relation once per (type, subject, object[, value]).
func (st *state) emit(fc *fieldCtx, typ string, subj, obj int, value, cameo string, conf float64, t0, t1 int) {
	if subj < 0 || subj == obj || t0 >= t1 || t1 > len(fc.doc.Tokens) {
		return
	}
	k := relKey{typ: typ, subj: subj, obj: obj}
	if obj < 0 || typ == Said {
		k.val = value
	}
	// One membership per person and organisation, whatever the roles that
	// tell it ("CEO Dave Calhoun", later "Chief Executive Dave Calhoun").
	member := relKey{typ: MemberOf, subj: subj, obj: obj}
	if typ == MemberOf && obj >= 0 {
		if _, dup := st.seen[member]; dup {
			return
		}
	}
	if typ == Title || typ == MemberOf {
		// One role per person and title: keep the object when one is known.
		k.obj, k.val = -1, value
		if i, dup := st.seen[k]; dup {
			if st.a.Relations[i].Object < 0 && obj >= 0 {
				st.a.Relations[i].Object = obj
				if typ == MemberOf {
					st.seen[member] = i
				}
			}
			return
		}
	}
	if typ == Met || typ == Agreement {
		if obj >= 0 && obj < subj {
			k.subj, k.obj = obj, subj
		}
		k.val = ""
	}
	if i, dup := st.seen[k]; dup {
		if st.a.Relations[i].Confidence < conf {
			st.a.Relations[i].Confidence = conf
		}
		return
	}
	st.seen[k] = len(st.a.Relations)
	if typ == MemberOf && obj >= 0 {
		st.seen[member] = len(st.a.Relations)
	}
	st.a.Relations = append(st.a.Relations, analysis.Relation{
		Type: typ, Subject: subj, Object: obj, Value: value, Cameo: cameo, Confidence: conf,
		Field: fc.f, Sent: sentenceOf(fc.doc, t0),
		Start: fc.doc.Tokens[t0].Start, End: fc.doc.Tokens[t1-1].End,
	})
}

// span returns the text of tokens [s, e), spaces as in the original
// (runs of white space read as one space).
func (fc *fieldCtx) span(s, e int) string {
	if s >= e || e > len(fc.doc.Tokens) || s < 0 {
		return ""
	}
	if e == s+1 {
		return fc.doc.Tokens[s].Text
	}
	size := 0
	for k := s; k < e; k++ {
		size += len(fc.doc.Tokens[k].Text) + 1
	}
	var b strings.Builder
	b.Grow(size)
	for k := s; k < e; k++ {
		t := &fc.doc.Tokens[k]
		if k > s && t.SpaceBefore {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// recentPerson is the last PERSON unit ending before token tok (in this
// field) other than entity not; -1 when none.
func (fc *fieldCtx) recentPerson(tok, not int) int {
	for i := len(fc.units) - 1; i >= 0; i-- {
		u := fc.units[i]
		if u.e <= tok && u.typ == "PERSON" && u.ent != not {
			return u.ent
		}
	}
	return -1
}

// recentSubject is the last PERSON unit before tok that stands as a
// subject (not after a preposition), the preferred antecedent of a
// pronoun; else the last PERSON. A pronoun of a gender (pro, its token;
// -1 for none) skips the people whose first name is of the other ("la
// bataille est dure, reconnaît-elle" after "Alain Juppé").
func (st *state) recentSubject(fc *fieldCtx, tok, not, pro int) int {
	want := byte(0)
	if pro >= 0 && pro < len(fc.keys) {
		want = st.d.proGender[fc.keys[pro]]
	}
	fits := func(e int) bool {
		g := st.personGender(e)
		return want == 0 || g == 0 || g == want
	}
	last := -1
	for i := len(fc.units) - 1; i >= 0; i-- {
		u := fc.units[i]
		if u.e > tok || u.typ != "PERSON" || u.ent == not || want != 0 && !fits(u.ent) {
			continue
		}
		if !st.blockedTitled(fc, u, 0) {
			return u.ent
		}
		if last < 0 {
			last = u.ent
		}
	}
	return last
}

// prevWord returns the index of the first token before tok that is not a
// determiner or an apostrophe-only token, or -1.
func (fc *fieldCtx) prevWord(tok, lo int) int {
	for i := tok - 1; i >= lo; i-- {
		if fc.cls[i]&(clDet|clPoss) != 0 && fc.cls[i]&clPrep == 0 || fc.keys[i] == "" && isApos(fc.doc.Tokens[i].Text) {
			continue
		}
		return i
	}
	return -1
}

func isApos(s string) bool { return s == "'" || s == "’" }

// nextWord returns the first token at or after tok that is not a
// determiner, or len.
func (fc *fieldCtx) nextWord(tok, hi int) int {
	for i := tok; i < hi; i++ {
		if fc.cls[i]&(clDet|clPoss) != 0 && fc.cls[i]&clPrep == 0 {
			continue
		}
		return i
	}
	return hi
}
