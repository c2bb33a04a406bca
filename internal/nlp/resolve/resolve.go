// Package resolve turns an article's mentions into entities: one entity per
// real-world thing (name variants, surnames, acronyms, headline and body
// mentions, and title or demonym phrases such as "le président russe"
// grouped together), one entity per temporal or numeric value, each with a
// type decided by its mentions, a most complete name, a salience, a
// confidence and links: GeoNames (and Wikidata) for places, Wikidata for
// people, organisations and places of a small embedded table.
package resolve

import (
	"cmp"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/models"
	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/geo"
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

// Entity types of named mentions.
const (
	Person       = "PERSON"
	Organization = "ORGANIZATION"
	Location     = "LOCATION"
	Misc         = "MISC"
)

// Resolver holds the language data of the resolution stage. It is immutable
// and safe for concurrent use.
type Resolver struct {
	lex   map[string]*lexicon.Lexicon
	words map[string]*words // by language, with "" for no lexicon
	gaz   *geo.Gazetteer
	links *Links // nil: no Wikidata links but the gazetteer's
	// genders tells the gender of first names: a title phrase whose
	// determiner gives it the other gender does not attach to a person
	// ("la directrice générale" to no Gérald); nil: no such check.
	genders *Genders
}

// New returns a resolver with the given gazetteer (nil: no links) and
// lexicons (one per language; articles in other languages are grouped with
// language-neutral rules only).
func New(gaz *geo.Gazetteer, lexicons ...*lexicon.Lexicon) *Resolver {
	r := &Resolver{lex: map[string]*lexicon.Lexicon{}, words: map[string]*words{"": newWords(nil)}, gaz: gaz}
	for _, l := range lexicons {
		if l != nil {
			r.lex[l.Lang()] = l
			r.words[l.Lang()] = newWords(l)
		}
	}
	return r
}

// Load returns a resolver with the lexicons of every language that has one,
// the embedded gazetteer and the embedded table of Wikidata links (none
// when the build leaves that table out).
func Load() (*Resolver, error) {
	var lexs []*lexicon.Lexicon
	for _, lang := range lexicon.Languages() {
		l, err := lexicon.Load(lang)
		if err != nil {
			return nil, fmt.Errorf("resolve: %w", err)
		}
		lexs = append(lexs, l)
	}
	gaz, err := geo.Load()
	if err != nil {
		return nil, fmt.Errorf("resolve: %w", err)
	}
	// A build without the (non-commercial) link table links places only.
	links, err := LoadLinks()
	if err != nil && !errors.Is(err, models.ErrNotFound) {
		return nil, err
	}
	genders, err := LoadGenders()
	if err != nil {
		return nil, err
	}
	return New(gaz, lexs...).WithLinks(links).WithGenders(genders), nil
}

// named reports whether a mention type is a named-entity type.
func named(typ string) bool {
	switch typ {
	case Person, Organization, Location, Misc:
		return true
	}
	return false
}

// Resolve builds a.Entities from a.Mentions (replacing any previous
// entities), sets every Mention.Entity, and appends the nominal mentions
// ("le président russe") it can attach to a named entity. Mentions it
// cannot place (a Nominal mention given by an earlier stage that refers to
// nothing named) keep Entity -1.
func (r *Resolver) Resolve(a *analysis.Analysis) {
	if a == nil {
		return
	}
	lex := r.lex[a.Lang]
	w := r.words[a.Lang]
	if lex == nil || w == nil {
		w = r.words[""]
	}
	sc := scratchPool.Get().(*scratch)
	s := &state{r: r, a: a, lex: lex, w: w, sc: sc}
	s.run()
	sc.release()
}

// state is the working memory of one Resolve call.
type state struct {
	r   *Resolver
	a   *analysis.Analysis
	lex *lexicon.Lexicon
	w   *words // lex's lists, folded

	items  []item // named mentions
	parent []int  // union-find over items
	values int    // number of value mentions
	// members lists the items of each named entity (by index, before
	// order sorts the entities).
	members [][]int

	// keySlots index the items by key (groupExact): the first item with
	// a key, plus 1, in a table of slots by the FNV-1a hash of the key
	// (keyHash, by item), 0 for an empty slot.
	keySlots []int32
	keyHash  []uint64
	firstOf  []int  // item -> first item with its key
	next     []int  // item -> next item with its key, -1 at the end
	known    []int8 // by first item of a key: 1 a known place, -1 not, 0 not looked up

	affs    []string // affiliation of each entity, once affDone
	affDone []bool

	sc *scratch // reused arrays
}

// item is a named mention prepared for matching.
type item struct {
	m    int      // index into a.Mentions
	key  string   // folded name, honorifics and leading determiners removed
	toks []string // key split into words
	typ  string
	conf float64
}

func (s *state) run() {
	a := s.a
	a.Entities = a.Entities[:0]
	for i := range a.Mentions {
		a.Mentions[i].Entity = -1
	}
	// The named mentions, then the value mentions, in one array.
	sc := s.scratch()
	namedIdx := grow(sc.named, len(a.Mentions))[:0] // values fit too
	sc.named = namedIdx
	size := 0 // of the named mentions' texts
	for i := range a.Mentions {
		if m := &a.Mentions[i]; !m.Nominal && named(m.Type) {
			namedIdx = append(namedIdx, i)
			size += len(m.Text)
		}
	}
	values := namedIdx[len(namedIdx):]
	for i := range a.Mentions {
		m := &a.Mentions[i]
		if !m.Nominal && !named(m.Type) && m.Type != "" {
			values = append(values, i)
		}
	}
	// Fold the named mentions once, into one string, and split their
	// words into one shared array.
	buf := slices.Grow(sc.buf[:0], size)
	ends := grow(sc.ends, len(namedIdx))
	sc.ends = ends
	for k, i := range namedIdx {
		buf = lexicon.AppendFold(buf, a.Mentions[i].Text)
		ends[k] = len(buf)
	}
	all := string(buf)
	sc.buf = buf
	words := slices.Grow(sc.words[:0], len(all)/4+len(namedIdx))
	s.items = slices.Grow(sc.items[:0], len(namedIdx))
	start := 0
	for k, i := range namedIdx {
		folded := all[start:ends[k]]
		start = ends[k]
		w0 := len(words)
		// Fold leaves single inner spaces: the words are its parts.
		for rest := folded; rest != ""; {
			var w string
			w, rest, _ = strings.Cut(rest, " ")
			words = append(words, w)
		}
		s.items = append(s.items, s.newItem(i, folded, words[w0:len(words):len(words)]))
	}
	sc.words, sc.items = words, s.items
	s.parent = grow(sc.parent, len(s.items))
	sc.parent = s.parent
	for i := range s.parent {
		s.parent[i] = i
	}
	s.groupExact()
	s.groupAliases()
	s.groupAcronyms()
	s.groupContained()
	s.values = len(values)
	s.buildNamed()
	s.attachNominals()
	s.buildValues(values)
	s.score()
	s.link()
	s.order()
}

// newItem prepares mention i, given its folded text and that text's words.
func (s *state) newItem(i int, folded string, toks []string) item {
	m := &s.a.Mentions[i]
	all := len(toks)
	// A leading lower-case determiner the tagger included ("la Russie",
	// but not "Le Pen" nor "The Hague"; any leading determiner of an
	// organisation, "The Times" of "The New York Times") and, for
	// people, honorifics and titles ("M. Poutine", "President Biden") do
	// not tell names apart.
	if len(toks) > 1 && s.w.determiners.has(toks[0]) && (lowerInitial(m.Text) || m.Type == Organization) {
		toks = toks[1:] // an organisation's too: "The Times" is "Times"
	}
	for m.Type == Person && len(toks) > 1 && (s.w.honorifics.has(toks[0]) || s.w.titles.has(toks[0])) {
		toks = toks[1:]
	}
	// English possessive: "Putin's" is "Putin".
	if n := len(toks); n > 1 && toks[n-1] == "s" && (strings.HasSuffix(m.Text, "'s") || strings.HasSuffix(m.Text, "’s")) {
		toks = toks[:n-1]
	}
	changed := len(toks) != all
	if s.a.Lang == "de" && (m.Type == Organization || m.Type == Misc) && len(toks) > 1 {
		if w := s.weakForms(toks); &w[0] != &toks[0] {
			toks, changed = w, true // "Deutschen Bahn" is "Deutsche Bahn"
		}
	}
	c := m.Confidence
	if !(c > 0) || c > 1 { // 0, negative, NaN: unknown
		c = 0.5
	}
	key := folded // Fold leaves single inner spaces: the join of all its words
	if changed {
		key = strings.Join(toks, " ")
	}
	return item{m: i, key: key, toks: toks, typ: m.Type, conf: c}
}

func lowerInitial(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

func (s *state) find(i int) int {
	for s.parent[i] != i {
		s.parent[i] = s.parent[s.parent[i]]
		i = s.parent[i]
	}
	return i
}

func (s *state) union(i, j int) {
	ri, rj := s.find(i), s.find(j)
	if ri == rj {
		return
	}
	// The root is the earlier item, so groups keep a stable identity.
	if rj < ri {
		ri, rj = rj, ri
	}
	s.parent[rj] = ri
}

// groupAliases merges a short form of a name that is not its acronym
// ("the Fed": aliases.tsv of the language) with the name it stands for
// when the article writes that name too. People are left out.
func (s *state) groupAliases() {
	if len(s.w.aliases) == 0 {
		return
	}
	for i := range s.items {
		it := &s.items[i]
		if it.typ == Person {
			continue
		}
		name, ok := s.w.aliases[it.key]
		if !ok {
			continue
		}
		j, ok := s.firstWithKey(name)
		if !ok {
			continue
		}
		for ; j >= 0; j = s.next[j] {
			if s.items[j].typ != Person {
				s.union(i, j)
			}
		}
	}
}

// groupExact merges mentions whose folded names are equal, whatever the
// type the tagger gave each (type is decided by a vote later), and, in
// languages with a genitive ending, a genitive with its base form when the
// base form occurs ("Deutschlands" with "Deutschland").
func (s *state) groupExact() {
	// Items of one key, chained in item order: firstWithKey(key) is the
	// first, next[i] the one after i, -1 at the end.
	sc := s.scratch()
	n := 4
	for n < 2*len(s.items) {
		n *= 2
	}
	s.keySlots = grow(sc.keySlots, n)
	clear(s.keySlots)
	s.keyHash = grow(sc.keyHash, len(s.items))
	s.firstOf = grow(sc.firstOf, len(s.items))
	s.next = grow(sc.next, len(s.items))
	sc.keySlots, sc.keyHash, sc.firstOf, sc.next = s.keySlots, s.keyHash, s.firstOf, s.next
	last := grow(sc.last, len(s.items)) // by first item of a key: the last
	sc.last = last
	mask := uint64(n - 1)
	for i := range s.items {
		it := &s.items[i]
		s.next[i] = -1
		h := fnv1a(it.key)
		s.keyHash[i] = h
		slot := h & mask
		j := -1
		for ; s.keySlots[slot] != 0; slot = (slot + 1) & mask {
			if k := int(s.keySlots[slot] - 1); s.keyHash[k] == h && s.items[k].key == it.key {
				j = k
				break
			}
		}
		if j < 0 {
			s.keySlots[slot] = int32(i + 1)
			s.firstOf[i], last[i] = i, i
			continue
		}
		s.firstOf[i] = j
		s.next[last[j]], last[j] = i, i
		if it.key != "" {
			if k := s.exactPartner(j, i); k >= 0 {
				s.union(k, i)
			}
		}
	}
	endings := s.lex.List("genitive")
	if len(endings) == 0 {
		return
	}
	for i := range s.items {
		it := &s.items[i]
		for end := range endings {
			if base, ok := strings.CutSuffix(it.key, end); ok && len(base) > 2 {
				if j, ok := s.firstWithKey(base); ok {
					s.union(j, i)
				}
			}
		}
	}
}

// firstWithKey returns the first item with a key (groupExact's table).
func (s *state) firstWithKey(key string) (int, bool) {
	h := fnv1a(key)
	mask := uint64(len(s.keySlots) - 1)
	for slot := h & mask; s.keySlots[slot] != 0; slot = (slot + 1) & mask {
		if k := int(s.keySlots[slot] - 1); s.keyHash[k] == h && s.items[k].key == key {
			return k, true
		}
	}
	return 0, false
}

// acronymLike reports whether text is written as an acronym: 2 to 8
// letters (dots allowed), at least two of them capitals, no lower-case
// letter except one inside ("AfD" style is not accepted).
func acronymLike(text string) bool {
	letters, upper := 0, 0
	for _, r := range text {
		switch {
		case r == '.' || r == '-' || r == '&':
		case r >= 'A' && r <= 'Z' || r > 127 && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r):
			letters++
			upper++
		case r >= '0' && r <= '9':
			letters++
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 8 && upper >= 2
}

var stopFallback = map[string]bool{"de": true, "des": true, "du": true, "d": true, "la": true, "le": true, "les": true,
	"l": true, "et": true, "of": true, "the": true, "and": true, "for": true, "y": true, "del": true, "der": true, "die": true, "das": true, "und": true, "van": true}

func (s *state) stop(w string) bool {
	if s.lex != nil {
		return s.w.stopwords.has(w)
	}
	return stopFallback[w]
}

// appendInitials appends the initials of the content words of a multiword
// name ("organisation des nations unies" → "onu"), nothing for a one-word
// name or fewer than two initials.
func (s *state) appendInitials(dst []byte, toks []string) []byte {
	if len(toks) < 2 {
		return dst
	}
	start := len(dst)
	for _, t := range toks {
		if s.stop(t) || t == "" {
			continue
		}
		dst = append(dst, t[0])
	}
	if len(dst)-start < 2 {
		return dst[:start]
	}
	return dst
}

// groupAcronyms merges an acronym with its expansion: a parenthesised
// acronym right after a name ("Organisation des Nations unies (ONU)"), or
// its reverse ("ONU (Organisation des Nations unies)"), and an acronym whose
// letters are the initials of exactly one multiword name of the article
// (of its type when it has two letters).
func (s *state) groupAcronyms() {
	a := s.a
	next := s.next
	// The places of each field a parenthesis follows (nil: not read yet).
	var runs [][]parenRun
	for i := range s.items {
		it := &s.items[i]
		m := &a.Mentions[it.m]
		if m.Field < 0 || m.Field >= len(a.Fields) {
			continue
		}
		text := a.Fields[m.Field].Doc.Text
		if runs == nil {
			runs = make([][]parenRun, len(a.Fields))
		}
		if runs[m.Field] == nil {
			runs[m.Field] = parenRuns(text, make([]parenRun, 0, 4))
		}
		// parenthesisAfter of the mention's end: only from a run.
		at := -1
		for _, r := range runs[m.Field] {
			if r.lo <= m.End && m.End <= r.hi {
				at, _ = byteOffset(text, r.at, r.lo, m.End)
				break
			}
		}
		if at < 0 {
			continue
		}
		inner, ok := parenthesisAfter(text, at)
		if !ok {
			continue
		}
		k := strings.Join(strings.Fields(lexicon.Fold(inner)), " ")
		j, ok := s.firstWithKey(k)
		if !ok {
			j = -1
		}
		for ; j >= 0; j = next[j] {
			if j != i && s.bracketAlias(i, j) {
				s.union(i, j)
			}
		}
	}
	// Initials are only looked up for acronyms: none, no initials.
	acronyms := false
	for i := range s.items {
		it := &s.items[i]
		if it.typ != Person && acronymLike(a.Mentions[it.m].Text) {
			acronyms = true
			break
		}
	}
	if !acronyms {
		return
	}
	// The initials of each item but people ("" for none), in one string.
	sc := s.scratch()
	buf := sc.buf[:0]
	ends := grow(sc.ends, len(s.items))
	for i := range s.items {
		it := &s.items[i]
		if it.typ != Person {
			buf = s.appendInitials(buf, it.toks)
		}
		ends[i] = len(buf)
	}
	allInitials := string(buf)
	sc.buf, sc.ends = buf, ends
	initials := func(i int) string {
		start := 0
		if i > 0 {
			start = ends[i-1]
		}
		return allInitials[start:ends[i]]
	}
	// The items that have initials: multiword names, but people's.
	withInit := sc.withInit[:0]
	for j := range s.items {
		if initials(j) != "" {
			withInit = append(withInit, j)
		}
	}
	sc.withInit = withInit
	var rootsA [8]int
	for i := range s.items {
		it := &s.items[i]
		if it.typ == Person || !acronymLike(a.Mentions[it.m].Text) {
			continue
		}
		k := strings.ReplaceAll(it.key, " ", "")
		roots := rootsA[:0] // the groups it may join, each once
		for _, j := range withInit {
			// Two letters are the initials of many names: only of one of
			// the acronym's type ("AP", the agency, is no "Apple Pay").
			if in := initials(j); in == k && (len(k) > 2 || s.items[j].typ == it.typ) {
				if r := s.find(j); !slices.Contains(roots, r) {
					roots = append(roots, r)
				}
			}
		}
		if len(roots) == 0 && len(k) >= 3 {
			// "FAA" after "U.S. Federal Aviation Administration": the
			// acronym is the tail of the initials.
			for _, j := range withInit {
				if in := initials(j); len(in) > len(k) && len(in) <= len(k)+2 && strings.HasSuffix(in, k) {
					if r := s.find(j); !slices.Contains(roots, r) {
						roots = append(roots, r)
					}
				}
			}
		}
		if len(roots) == 1 {
			s.union(i, roots[0])
		}
	}
}

// bracketAlias reports whether item i and item j, the mention in brackets
// right after it, name one thing: an acronym and its expansion, either way
// round ("Organisation des Nations unies (ONU)", "ONU (Organisation des
// Nations unies)"), whatever types the tagger gave them, or another name
// of an organisation ("Corps des gardiens de la révolution islamique
// (Pasdaran)", a foreign acronym): anything but a person or a place the
// gazetteer knows (its seat). A place in brackets after a place is where
// it lies ("Charlotte (Caroline du Nord)"), an agency after a dateline
// place its source ("KIEV (AFP)"): other things. People are never grouped
// this way.
func (s *state) bracketAlias(i, j int) bool {
	name, inner := &s.items[i], &s.items[j]
	if name.typ == Person || inner.typ == Person {
		return false
	}
	if s.abbreviates(name.toks, inner.toks) || s.abbreviates(inner.toks, name.toks) {
		return true
	}
	if name.typ != Organization && name.typ != Misc {
		return false
	}
	return inner.typ != Location || !s.knownItem(j)
}

// abbreviates reports whether a one-word name (folded, dots dropped: "onu",
// "us", "bfv") is an acronym of a name of several words: its letters are,
// in order, the starts of the name's words, where a function word ("des",
// "of", "für") may give its initial or be skipped, a word may give its
// first few letters ("Frontières extérieures (Frontex)"), and one leading
// word ("U.S. Federal
// Aviation Administration (FAA)") may be skipped.
func (s *state) abbreviates(acronym, name []string) bool {
	if len(acronym) != 1 || len(name) < 2 || len(name) > 16 {
		return false
	}
	letters := acronym[0]
	if len(letters) < 2 || len(letters) > 12 {
		return false
	}
	return s.initialsMatch(letters, name) ||
		len(name) > 2 && len(letters) >= 3 && s.initialsMatch(letters, name[1:])
}

// initialsMatch reports whether letters are the starts of words (see
// abbreviates), function words optional.
func (s *state) initialsMatch(letters string, words []string) bool {
	if letters == "" {
		for _, w := range words {
			if !s.optionalWord(w) {
				return false
			}
		}
		return true
	}
	if len(words) == 0 {
		return false
	}
	w := words[0]
	if s.optionalWord(w) && s.initialsMatch(letters, words[1:]) {
		return true
	}
	for k := 1; k <= len(w) && k <= len(letters) && letters[k-1] == w[k-1]; k++ {
		if s.initialsMatch(letters[k:], words[1:]) {
			return true
		}
	}
	return false
}

// optionalWord reports whether a folded word may be left out of an
// acronym: a function word or a single letter (the "d" of "d'Afrique").
func (s *state) optionalWord(w string) bool { return len(w) <= 1 || s.stop(w) }

// byteOffset walks text from byte at (code point cp) to code point end,
// and returns the byte offset and code point reached: end, or fewer at
// the end of the text.
func byteOffset(text string, at, cp, end int) (int, int) {
	for cp < end && at < len(text) {
		if end-cp >= 8 && ascii8(text, at) {
			at, cp = at+8, cp+8
			continue
		}
		if text[at] < utf8.RuneSelf {
			at++
		} else {
			_, w := utf8.DecodeRuneInString(text[at:])
			at += w
		}
		cp++
	}
	return at, cp
}

// byteOffsetValid is byteOffset for valid UTF-8 text, from a code point
// boundary at: a code point is a byte other than a continuation byte, and
// those are counted 8 bytes at a time (the walk may stop inside a code
// point of the last 8 bytes, and steps to the next one).
func byteOffsetValid(text string, at, cp, end int) (int, int) {
	for cp < end && len(text)-at >= 8 {
		t := text[at : at+8]
		w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		// A continuation byte is 10xxxxxx: its high bit set, the next clear.
		n := 8 - bits.OnesCount64(w&^(w<<1)&0x8080808080808080)
		if cp+n > end {
			break
		}
		at, cp = at+8, cp+n
	}
	for at < len(text) && text[at]&0xC0 == 0x80 {
		at++ // the rest of a code point the 8 bytes cut
	}
	for cp < end && at < len(text) {
		at++
		for at < len(text) && text[at]&0xC0 == 0x80 {
			at++
		}
		cp++
	}
	return at, cp
}

// ascii8 reports whether text holds 8 bytes from i, all ASCII (8 code
// points, read in one step by the walks over a text).
func ascii8(text string, i int) bool {
	if len(text)-i < 8 {
		return false
	}
	t := text[i : i+8]
	return (t[0]|t[1]|t[2]|t[3]|t[4]|t[5]|t[6]|t[7])&0x80 == 0
}

// runeCount is utf8.RuneCountInString(text). Valid UTF-8 (the texts of
// articles) has one code point a byte but for continuation bytes, counted
// 8 bytes at a time; an invalid byte counts as one code point, as byteOffset
// walks it.
func runeCount(text string) int {
	if !utf8.ValidString(text) {
		_, n := byteOffset(text, 0, 0, len(text)) // no more code points than bytes
		return n
	}
	n, i := len(text), 0
	for ; len(text)-i >= 8; i += 8 {
		t := text[i : i+8]
		w := uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
		// A continuation byte is 10xxxxxx: its high bit set, the next clear.
		n -= bits.OnesCount64(w &^ (w << 1) & 0x8080808080808080)
	}
	for ; i < len(text); i++ {
		if text[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// parenRun is where parenthesisAfter may find a parenthesis: code points
// lo to hi of a text, the opening bracket at hi and spaces before it, lo
// at byte offset at.
type parenRun struct{ lo, hi, at int }

// parenRuns appends the runs of every opening bracket of text, in order.
func parenRuns(text string, out []parenRun) []parenRun {
	cp, b := 0, 0 // code point cp is at byte b
	for {
		k := strings.IndexByte(text[b:], '(')
		if k < 0 {
			return out
		}
		cp += runeCount(text[b : b+k])
		b += k
		// The spaces parenthesisAfter skips, back from the bracket.
		lo, at := cp, b
		for at > 0 {
			r, w := utf8.DecodeLastRuneInString(text[:at])
			if r != ' ' && r != '\u00a0' && r != '\u202f' || r == utf8.RuneError {
				break
			}
			lo, at = lo-1, at-w
		}
		out = append(out, parenRun{lo: lo, hi: cp, at: at})
		cp, b = cp+1, b+1
	}
}

// parenthesisAfter returns the text of a parenthesis that follows byte
// offset at of text, allowing spaces before it; the parenthesis holds at
// most 80 code points.
func parenthesisAfter(text string, at int) (string, bool) {
	i := at
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if r != ' ' && r != '\u00a0' && r != '\u202f' {
			break
		}
		i += w
	}
	if i >= len(text) || text[i] != '(' {
		return "", false
	}
	start := i + 1
	for j, n := start, 0; j < len(text) && n <= 80; n++ {
		r, w := utf8.DecodeRuneInString(text[j:])
		switch r {
		case ')':
			s := strings.TrimSpace(validSpan(text[start:j]))
			return s, s != ""
		case '(', '\n':
			return "", false
		}
		j += w
	}
	return "", false
}

// groupContained merges a shorter name into the one longer group whose name
// contains it: a person's surname or first name (prefix or suffix of the
// full name), another entity's head or tail ("Nations unies" →
// "Organisation des Nations unies"). A short name contained in two
// different groups (two people named Kim) stays on its own, unless it is
// a person's and the article names one of them at least twice as often as
// each other (see dominant), and so does a
// short place name the gazetteer knows on its own ("Corée" is not merged
// into "Corée du Nord") or that a longer one holds after a point of the
// compass ("Africa" is not "South Africa").
func (s *state) groupContained() {
	sc := s.scratch()
	// Longer names first, so mid-length names join their longest form
	// before the shortest are placed.
	order := s.byLength(grow(sc.order, len(s.items)))
	sc.order = order
	// The items with more words than order[k] are order[:longer[k]].
	longer := grow(sc.longer, len(order))
	sc.longer = longer
	if len(longer) > 0 {
		longer[0] = 0
	}
	for k := 1; k < len(order); k++ {
		if len(s.items[order[k]].toks) == len(s.items[order[k-1]].toks) {
			longer[k] = longer[k-1]
		} else {
			longer[k] = k
		}
	}
	types := s.groupTypes()
	s.groupInitials(types)
	// A name contains another only if it has all its words: sigs has a
	// bit for each word of each item.
	sigs := grow(sc.sigs, len(s.items))
	sc.sigs = sigs
	for i := range s.items {
		var sig uint64
		for _, t := range s.items[i].toks {
			sig |= 1 << (fnv1a(t) & 63)
		}
		sigs[i] = sig
	}
	// The signatures in the order of order, scanned for each item: the
	// longer items with all its words.
	sorted := grow(sc.sorted, len(order))
	sc.sorted = sorted
	for k, i := range order {
		sorted[k] = sigs[i]
	}
	var roots []int // the groups it may join, each once
	cands := sc.cands2[:0]
	defer func() { sc.cands2 = cands[:0] }()
	for k, i := range order {
		it := &s.items[i]
		if len(it.toks) == 0 || s.allStop(it.toks) {
			continue
		}
		// A place the gazetteer knows stays on its own, and so does a
		// known name of another type that only a surname would place; the
		// gazetteer (a table of megabytes, a cache miss or more) is only
		// read for a name that would join exactly one group.
		ri := s.find(i)
		ti := types[ri]
		known := ti == Location
		roots = roots[:0]
		other := false // a longer name holds it but names another thing
		sig := sigs[i]
		cands = cands[:0] // the longer items with all its words
		for k2, sj := range sorted[:longer[k]] {
			if sig&^sj == 0 {
				cands = append(cands, order[k2])
			}
		}
		for _, j := range cands {
			rj := s.find(j)
			if types[rj] != ti || rj == ri && ti != Person { // people with people, places with places…
				continue
			}
			if ti == Location && s.compassOf(s.items[j].toks, it.toks) {
				other = true // "Africa" is not "South Africa"
				continue
			}
			// A surname already with a full name of its own group counts
			// that group: "Obama", once with "Barack Obama", does not
			// then join "Michelle Obama".
			if contains(s.items[j].toks, it.toks, ti == Person) && !slices.Contains(roots, rj) {
				roots = append(roots, rj)
			}
		}
		if len(roots) == 0 && ti != Person {
			known = true
			// A tagger slip ("Poutine" tagged a place in a headline): a
			// surname of exactly one person of the article joins them.
			for _, j := range cands {
				jt := &s.items[j]
				rj := s.find(j)
				if rj != ri && types[rj] == Person && equal(jt.toks[len(jt.toks)-len(it.toks):], it.toks) &&
					!slices.Contains(roots, rj) {
					roots = append(roots, rj)
				}
			}
		}
		if len(roots) > 0 && ti == Person {
			roots = s.genderCompatible(i, roots)
		}
		if len(roots) > 1 && ti == Person {
			roots = s.dominant(roots)
		}
		if len(roots) > 1 && ti == Person {
			roots = s.ofHonorificGender(i, roots)
		}
		if len(roots) == 1 && roots[0] != ri && !other && !(known && s.knownItem(i)) {
			rj := roots[0]
			t := types[rj]
			s.union(i, rj)
			types[s.find(i)] = t
		}
	}
}

// compassOf reports whether the place name long is short after a point of
// the compass ("south africa", "western cape", "north korea"): another
// place, which short alone does not name.
func (s *state) compassOf(long, short []string) bool {
	if len(long) != len(short)+1 || !equal(long[1:], short) {
		return false
	}
	w := long[0]
	return s.w.compass.hasKey(w) || strings.HasSuffix(w, "ern") && s.w.compass.hasKey(w[:len(w)-3])
}

// dominant returns, of the person groups roots that a surname alone could
// join, the one the article names at least twice as often as each other
// (a one-element slice: "Obama" after "Barack Obama" twice and "Michelle
// Obama" once is the president), or roots itself when none does.
func (s *state) dominant(roots []int) []int {
	best, second, bi := 0, 0, -1
	for k, r := range roots {
		n := 0
		for i := range s.items {
			if s.find(i) == r {
				n++
			}
		}
		switch {
		case n > best:
			best, second, bi = n, best, k
		case n > second:
			second = n
		}
	}
	if bi < 0 || best < 2*second {
		return roots
	}
	return roots[bi : bi+1]
}

// byLength fills order (one entry per item) with the items sorted by
// their number of words, most first, in item order among equals (the
// order of a stable sort, by counting: names have few words).
func (s *state) byLength(order []int) []int {
	var count [maxSortWords + 1]int // by words, capped; then where each run starts
	for i := range s.items {
		it := &s.items[i]
		count[min(len(it.toks), maxSortWords)]++
	}
	if count[maxSortWords] > 0 {
		// A very long name: the general sort.
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(len(s.items[y].toks), len(s.items[x].toks)) })
		return order
	}
	at := 0
	for n := maxSortWords - 1; n >= 0; n-- {
		c := count[n]
		count[n] = at
		at += c
	}
	for i := range s.items {
		it := &s.items[i]
		n := len(it.toks)
		order[count[n]] = i
		count[n]++
	}
	return order
}

// maxSortWords bounds the names byLength sorts by counting.
const maxSortWords = 32

// groupInitials merges a person's name written with initials ("B.
// Obama", "J.-M. Le Pen") into the one person of the article whose full
// name has those first-name initials and that surname ("Barack Obama",
// "Jean-Marie Le Pen"); with two such people it stays on its own. types
// (by root) are kept up to date.
func (s *state) groupInitials(types []string) {
	var roots []int
	for i := range s.items {
		it := &s.items[i]
		n := initialCount(it.toks)
		if n == 0 || n == len(it.toks) || types[s.find(i)] != Person {
			continue
		}
		roots = roots[:0]
		ri := s.find(i)
		surname := it.toks[n:]
		for j := range s.items {
			jt := &s.items[j]
			rj := s.find(j)
			if rj == ri || types[rj] != Person || initialCount(jt.toks) > 0 || slices.Contains(roots, rj) {
				continue
			}
			first := len(jt.toks) - len(surname) // words before the surname
			if first < n || !equal(jt.toks[first:], surname) {
				continue
			}
			match := true
			for k := range n {
				match = match && jt.toks[k][0] == it.toks[k][0]
			}
			if match {
				roots = append(roots, rj)
			}
		}
		if len(roots) == 1 {
			s.union(i, roots[0])
			types[s.find(i)] = Person
		}
	}
}

// initialCount is the number of leading one-letter words of a folded name
// ("b obama", "j m le pen").
func initialCount(toks []string) int {
	n := 0
	for n < len(toks) && len(toks[n]) == 1 {
		n++
	}
	return n
}

func (s *state) allStop(toks []string) bool {
	for _, t := range toks {
		if !s.stop(t) && len(t) > 1 {
			return false
		}
	}
	return true
}

// knownItem is knownPlace of an item's key, looked up once per key.
func (s *state) knownItem(i int) bool {
	if s.known == nil {
		s.known = grow(s.scratch().known, len(s.items))
		clear(s.known)
		s.sc.known = s.known
	}
	j := s.firstOf[i] // the first item of that key
	if s.known[j] == 0 {
		s.known[j] = -1
		if s.knownPlace(s.items[j].key) {
			s.known[j] = 1
		}
	}
	return s.known[j] > 0
}

func (s *state) knownPlace(key string) bool {
	p := s.place(key)
	return p.country || p.cands.Len() > 0
}

// placeOf is what the lexicon and the gazetteer hold for a name.
type placeOf struct {
	cands   geo.Candidates // the gazetteer's places of that name
	iso     string         // the lexicon's country of that name
	country bool           // iso is set
}

// place looks a name up in the lexicon's countries and in the gazetteer,
// once per folded name and Resolve call: lex.Country(name) is
// (p.iso, p.country), gaz.Candidates(name) has p.cands's places.
func (s *state) place(name string) placeOf {
	var kb [64]byte
	return s.placeOfKey(lexicon.AppendFold(kb[:0], name), name)
}

// placeOfKey is place(name) for a name folded already: k is
// lexicon.Fold(name).
func (s *state) placeOfKey(k []byte, name string) placeOf {
	sc := s.scratch()
	if i, ok := sc.placeIx[string(k)]; ok {
		return sc.places[i]
	}
	key := name // folded already: Fold returns it as is
	if string(k) != name {
		key = string(k)
	}
	var p placeOf
	// A point of the compass alone is a part of the country the article
	// speaks of ("il divario tra Nord e Sud"), not Haiti's Nord
	// department: no place.
	if !s.w.compass.hasKey(key) {
		p.iso, p.country = s.lex.CountryFolded(key)
		p.cands = s.r.gaz.CandidatesFolded(key)
		if p.cands.Len() == 0 && p.country {
			// A country the lexicon knows by a name the gazetteer lacks
			// ("U.S.", "Britain"): the gazetteer's places of its preferred
			// name, the country first among them.
			if n, ok := s.lex.CountryName(p.iso); ok {
				p.cands = s.r.gaz.Candidates(n)
			}
		}
	}
	if sc.placeIx == nil {
		sc.placeIx = map[string]int32{}
	}
	sc.placeIx[key] = int32(len(sc.places))
	sc.places = append(sc.places, p)
	return p
}

// contains reports whether short is a prefix or a suffix of long (word
// sequences); for people, also one inner word of three letters or more
// (the surname of "Luiz Inácio Lula da Silva"); for names of other things,
// an inner run of at least two words.
func contains(long, short []string, person bool) bool {
	n, k := len(long), len(short)
	if k == 0 || k >= n {
		return false
	}
	if equal(long[:k], short) || equal(long[n-k:], short) {
		return true
	}
	if person {
		// "Lula" of "Luiz Inácio Lula da Silva", "López" of "Andrés
		// Manuel López Obrador": one inner word, not a particle.
		if k != 1 || n < 3 || utf8.RuneCountInString(short[0]) < 3 {
			return false
		}
		return slices.Contains(long[1:n-1], short[0])
	}
	if k < 2 {
		return false
	}
	for i := 1; i+k < n; i++ {
		if equal(long[i:i+k], short) {
			return true
		}
	}
	return false
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// groupTypes votes the type of each current group (indexed by root): the
// type with the largest sum of confidence × words, ties going to the type
// of the group's first mention.
func (s *state) groupTypes() []string {
	sc := s.scratch()
	votes := grow(sc.votes, len(s.items))
	clear(votes)
	first := grow(sc.first, len(s.items))
	sc.votes, sc.first = votes, first
	for i := range first {
		first[i] = -1
	}
	for i := range s.items {
		it := &s.items[i]
		r := s.find(i)
		t := analysis.NamedIndex(it.typ)
		if first[r] < 0 {
			first[r] = t
		}
		// A longer name is stronger evidence of its type ("Vladimir
		// Poutine" PERSON outweighs a headline "Poutine" LOCATION).
		votes[r][t] += it.conf * float64(max(1, len(it.toks)))
	}
	out := grow(sc.types, len(s.items))
	sc.types = out
	for r := range out {
		out[r] = ""
		if first[r] < 0 {
			continue
		}
		best := first[r]
		for t, w := range votes[r] {
			if w > votes[r][best]+1e-9 {
				best = t
			}
		}
		out[r] = analysis.NamedType(best)
	}
	return out
}

// buildNamed turns the groups into entities.
func (s *state) buildNamed() {
	a := s.a
	// The members of each group (by root), in item order; roots in order
	// of their first member.
	n := len(s.items)
	sc := s.scratch()
	ints := grow(sc.ints, 4*n)
	sc.ints = ints
	clear(ints)
	count, at, flat, fill := ints[:n:n], ints[n:2*n:2*n], ints[2*n:3*n:3*n], ints[3*n:]
	roots := sc.roots[:0]
	defer func() { sc.roots = roots }()
	for i := range s.items {
		r := s.find(i)
		if count[r] == 0 {
			roots = append(roots, r)
		}
		count[r]++
	}
	// at: where each group's members start in flat
	off := 0
	for _, r := range roots {
		at[r] = off
		off += count[r]
	}
	for i := range s.items {
		r := s.find(i)
		flat[at[r]+fill[r]] = i
		fill[r]++
	}
	types := s.groupTypes()
	if need := len(a.Entities) + len(roots) + s.values; cap(a.Entities) < need {
		a.Entities = slices.Grow(a.Entities, need-len(a.Entities))
	}
	s.members = slices.Grow(sc.members[:0], len(roots))
	defer func() { sc.members = s.members }()
	mentions := make([]int, 0, n) // every entity's, in turn
	for _, r := range roots {
		members := flat[at[r] : at[r]+count[r]]
		e := analysis.Entity{Type: types[r], Mentions: mentions[len(mentions) : len(mentions) : len(mentions)+len(members)]}
		idx := len(a.Entities)
		for _, i := range members {
			m := s.items[i].m
			a.Mentions[m].Entity = idx
			e.Mentions = append(e.Mentions, m)
		}
		mentions = mentions[:len(mentions)+len(members)]
		e.Name = s.bestName(members, e.Type)
		a.Entities = append(a.Entities, e)
		s.members = append(s.members, members)
	}
}

// bestName picks the most complete form: the most words, then the fewest
// initials, then the form written most often, then a body form over a headline one, then the form
// with most accents and hyphens, then the first.
func (s *state) bestName(members []int, typ string) string {
	a := s.a
	// freq counts the members written t (trimmed), on demand.
	var counts map[string]int
	freq := func(t string) int {
		if len(members) > 16 {
			if counts == nil {
				counts = make(map[string]int, len(members))
				for _, i := range members {
					counts[strings.TrimSpace(a.Mentions[s.items[i].m].Text)]++
				}
			}
			return counts[t]
		}
		n := 0
		for _, i := range members {
			if strings.TrimSpace(a.Mentions[s.items[i].m].Text) == t {
				n++
			}
		}
		return n
	}
	best := -1
	better := func(i, j int) bool { // is i better than j
		ii, jj := &s.items[i], &s.items[j]
		if (ii.typ == typ) != (jj.typ == typ) {
			return ii.typ == typ
		}
		if len(ii.toks) != len(jj.toks) {
			return len(ii.toks) > len(jj.toks)
		}
		if ci, cj := initialCount(ii.toks), initialCount(jj.toks); ci != cj {
			return ci < cj // "Barack Obama" over "B. Obama"
		}
		mi, mj := &a.Mentions[ii.m], &a.Mentions[jj.m]
		ti, tj := strings.TrimSpace(mi.Text), strings.TrimSpace(mj.Text)
		if ti != tj {
			if fi, fj := freq(ti), freq(tj); fi != fj {
				return fi > fj
			}
		}
		if (mi.Field == 0) != (mj.Field == 0) {
			return mj.Field == 0
		}
		if di, dj := marks(ti), marks(tj); di != dj {
			return di > dj
		}
		return false
	}
	for _, i := range members {
		if best < 0 || better(i, best) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	name := strings.TrimSpace(a.Mentions[s.items[best].m].Text)
	// Drop a leading determiner the tagger included ("la Russie").
	if lowerInitial(name) {
		if f := strings.Fields(name); len(f) > 1 && s.lex.Has("determiners", f[0]) {
			name = strings.Join(f[1:], " ")
		}
	}
	if typ == Person {
		name = s.withoutHonorifics(name)
	}
	return name
}

// withoutHonorifics drops the honorifics that open a person's name ("Me
// Rodolphe Bosselut", "Mgr Aupetit", "Dr. Anthony Fauci"): a title of
// address, not a part of the name; the mention keeps its text.
func (s *state) withoutHonorifics(name string) string {
	// Most names open with no honorific: their first word is folded and
	// looked up without splitting the name.
	first, more := firstField(name)
	if !more {
		return name // one word or none: nothing to drop
	}
	var kb [64]byte
	if !s.w.honorifics.hasFolded(lexicon.AppendFold(kb[:0], first)) {
		return name
	}
	f := strings.Fields(name)
	n := 0
	for n < len(f)-1 && s.w.honorifics.has(lexicon.Fold(f[n])) {
		n++
	}
	if n == 0 {
		return name
	}
	return strings.Join(f[n:], " ")
}

// firstField is strings.Fields(s)[0] ("" for none), and whether s has
// more fields.
func firstField(s string) (string, bool) {
	start := -1
	for i, r := range s {
		space := r < utf8.RuneSelf && asciiSpace[r] || r >= utf8.RuneSelf && unicode.IsSpace(r)
		switch {
		case start < 0 && !space:
			start = i
		case start >= 0 && space:
			rest := s[i:]
			return s[start:i], strings.TrimFunc(rest, unicode.IsSpace) != ""
		}
	}
	if start < 0 {
		return "", false
	}
	return s[start:], false
}

// asciiSpace marks the ASCII white space of unicode.IsSpace.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// marks counts non-ASCII letters and hyphens, a sign of a carefully
// written form ("États-Unis" over "Etats Unis").
func marks(s string) int {
	n := 0
	for _, r := range s {
		if r > 127 || r == '-' {
			n++
		}
	}
	return n
}

// valueKey is what groups value mentions: the type and the value, or the
// folded text (text set) when there is no value.
type valueKey struct {
	val, typ string // the value first: keys of one type are compared by it
	text     bool
}

// linearValues is the number of value entities up to which buildValues
// looks keys up by a scan rather than in a map.
const linearValues = 32

// buildValues groups temporal and numeric mentions by type and value (by
// folded text when they have no value).
func (s *state) buildValues(values []int) {
	a := s.a
	base := len(a.Entities)
	group := s.valueGroups(values)
	s.shareMentions(base, group)
	for n, i := range values {
		idx := base + group[n]
		m := &a.Mentions[i]
		e := &a.Entities[idx]
		e.Mentions = append(e.Mentions, i)
		m.Entity = idx
		t := strings.TrimSpace(m.Text)
		if len([]rune(t)) > len([]rune(e.Name)) {
			e.Name = t
		}
		c := m.Confidence
		if !(c >= 0) || c > 1 {
			c = 0
		}
		if c > e.Confidence {
			e.Confidence = c
		}
	}
}

// valueGroups appends an entity (type and value only) for each key of the
// value mentions, in the order of their first mention, and returns the
// entity of each value mention, counted from the first appended. Keys are
// looked up by a scan up to linearValues entities (most articles), in a map
// past that.
func (s *state) valueGroups(values []int) []int {
	a := s.a
	sc := s.scratch()
	group := grow(sc.group, len(values))
	keys := sc.vkeys[:0]
	var byKey map[valueKey]int
	for n, i := range values {
		m := &a.Mentions[i]
		k := valueKey{typ: m.Type, val: m.Value}
		if m.Value == "" {
			k = valueKey{typ: m.Type, val: lexicon.Fold(m.Text), text: true}
		}
		idx := -1
		if byKey != nil {
			if j, ok := byKey[k]; ok {
				idx = j
			}
		} else {
			idx = slices.Index(keys, k)
		}
		if idx < 0 {
			idx = len(keys)
			keys = append(keys, k)
			a.Entities = append(a.Entities, analysis.Entity{Type: m.Type, Value: m.Value})
			if byKey != nil {
				byKey[k] = idx
			} else if len(keys) > linearValues {
				byKey = make(map[valueKey]int, len(values))
				for j, k := range keys {
					byKey[k] = j
				}
			}
		}
		group[n] = idx
	}
	clear(keys) // no reference to the article kept
	sc.group, sc.vkeys = group, keys[:0]
	return group
}

// shareMentions gives the entities from base, the groups of the value
// mentions (group: the entity of each, counted from base), empty mention
// lists that share one array, each with the capacity of its group.
func (s *state) shareMentions(base int, group []int) {
	a := s.a
	sc := s.scratch()
	count := grow(sc.count, len(a.Entities)-base)
	clear(count)
	sc.count = count
	for _, g := range group {
		count[g]++
	}
	mentions := make([]int, 0, len(group))
	for g, c := range count {
		at := len(mentions)
		a.Entities[base+g].Mentions = mentions[at : at : at+c]
		mentions = mentions[:at+c]
	}
}
