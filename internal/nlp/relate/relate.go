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
// quote_verbs.txt, sources.txt, agreement_nouns.txt, function.tsv) and in
// internal/nlp/lexicon (titles, demonyms, countries): a language is added
// by adding a folder.
package relate

import (
	"fmt"
	"sort"
	"strings"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
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
	langs map[string]*langData
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
	st := &state{a: a, d: d, seen: map[relKey]int{}}
	st.countries()
	for f := range a.Fields {
		fc := st.field(f)
		if fc == nil {
			continue
		}
		st.titles(fc)
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
	named []unit // every named mention (overlaps allowed), in text order
	unit  []int  // per token: index into units, -1
	quote []int  // per token inside a statement quote: the quote index, else -1
	runes []rune
	qs    []quoteSpan
}

type quoteSpan struct{ open, close int } // tokens of the quote marks

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
	fc := &fieldCtx{f: f, doc: doc, keys: make([]string, n), cls: make([]uint32, n), unit: make([]int, n), quote: make([]int, n)}
	for i, t := range doc.Tokens {
		k := lexicon.Fold(t.Norm)
		if t.Norm == "" {
			k = lexicon.Fold(t.Text)
		}
		fc.keys[i] = k
		if k == "" {
			fc.cls[i] = st.d.classes[t.Text]
		} else {
			fc.cls[i] = st.d.classes[k]
		}
		if st.d.quoteVerbs[k] {
			fc.cls[i] |= clQuoteVerb
		}
		fc.unit[i] = -1
		fc.quote[i] = -1
	}
	var all []unit
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
	sort.Slice(all, func(i, j int) bool {
		if all[i].s != all[j].s {
			return all[i].s < all[j].s
		}
		return all[i].e > all[j].e
	})
	end := -1
	for _, u := range all {
		if !u.nominal {
			fc.named = append(fc.named, u)
		}
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
	if typ == Title || typ == MemberOf {
		// One role per person and title: keep the object when one is known.
		k.obj, k.val = -1, value
		if i, dup := st.seen[k]; dup {
			if st.a.Relations[i].Object < 0 && obj >= 0 {
				st.a.Relations[i].Object = obj
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
	st.a.Relations = append(st.a.Relations, analysis.Relation{
		Type: typ, Subject: subj, Object: obj, Value: value, Cameo: cameo, Confidence: conf,
		Field: fc.f, Sent: sentenceOf(fc.doc, t0),
		Start: fc.doc.Tokens[t0].Start, End: fc.doc.Tokens[t1-1].End,
	})
}

// span returns the text of tokens [s, e).
func (fc *fieldCtx) span(s, e int) string {
	if s >= e || e > len(fc.doc.Tokens) {
		return ""
	}
	if fc.runes == nil {
		fc.runes = []rune(fc.doc.Text)
	}
	a, b := fc.doc.Tokens[s].Start, fc.doc.Tokens[e-1].End
	if a < 0 || b > len(fc.runes) || a >= b {
		var parts []string
		for _, t := range fc.doc.Tokens[s:e] {
			parts = append(parts, t.Text)
		}
		return strings.Join(parts, " ")
	}
	return string(fc.runes[a:b])
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
// pronoun; else the last PERSON.
func (fc *fieldCtx) recentSubject(tok, not int) int {
	for i := len(fc.units) - 1; i >= 0; i-- {
		u := fc.units[i]
		if u.e <= tok && u.typ == "PERSON" && u.ent != not && !fc.blocked(u, 0) {
			return u.ent
		}
	}
	return fc.recentPerson(tok, not)
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
