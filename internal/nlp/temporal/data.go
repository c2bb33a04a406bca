package temporal

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed data
var embedded embed.FS

// commonDir holds the data shared by every language (symbols, ISO dates,
// units written the same way everywhere). It is loaded under each
// language and is the whole of the data for a language without a folder.
const commonDir = "common"

// entry flags.
const (
	flagAmb       = 1 << iota // ambiguous word: needs context (May, Mars)
	flagAbbr                  // abbreviation (magnitudes: only attached to the number)
	flagSym                   // currency symbol or code: may precede the amount
	flagBeforeMag             // number word that counts only before a magnitude ("a million")
	flagAfterYear             // unit that is also the noun of a year after it ("2014 года": of 2014)
)

type entry struct {
	val   string // normalised value (currency code, unit, …)
	n     int    // integer value (month, weekday, day)
	d     dec    // numeric value (numbers, magnitudes)
	kind  string // unit kind (duration, length, percent, …)
	flags uint8
	id    int32 // 1 + index in language.ents
}

// trie maps phrases (sequences of token keys) to entries.
type trie struct {
	next map[string]*trie
	ent  *entry
	// bit, on a root, is the lexicon's bit in token.lex (see
	// tokenRec.lex): a token whose bit is clear starts no phrase,
	// with no lookup.
	bit uint16
	// flat, on a root, is the trie as the matcher reads it (built by
	// finish).
	flat flatTrie
}

// flatTrie is a trie laid out for lookups by token id: its nodes in one
// slice (the root first), the edges of each node in another, sorted by
// id. A lookup reads a few contiguous lines where the maps of strings of
// the trie read the map's groups, the keys' bytes and the child, each
// elsewhere in the heap (and, inside Enrich, out of the caches).
type flatTrie struct {
	nodes []flatNode
	edges []flatEdge
}

// flatNode is a node of a flatTrie: its entry and its edges edges[lo:hi].
type flatNode struct {
	ent    *entry
	lo, hi int32
}

// flatEdge leads to node by the token id id.
type flatEdge struct {
	id, node int32
}

// flatten builds t.flat from the maps of t, numbering keys with l.id
// (every key of a lexicon is in the vocabulary, so that a token's key
// leads somewhere exactly when its id does).
func (l *language) flatten(t *trie) {
	f := flatTrie{nodes: []flatNode{{ent: t.ent}}}
	queue := []*trie{t}
	for qi := 0; qi < len(queue); qi++ {
		n := queue[qi]
		lo := int32(len(f.edges))
		for k, c := range n.next {
			f.edges = append(f.edges, flatEdge{id: l.id(k), node: int32(len(f.nodes))})
			f.nodes = append(f.nodes, flatNode{ent: c.ent})
			queue = append(queue, c)
		}
		// Sort the new edges and their nodes by id: nodes are numbered
		// in queue order, so reorder the queue's new part alike.
		es := f.edges[lo:]
		qs := queue[len(queue)-len(es):]
		ns := f.nodes[len(f.nodes)-len(es):]
		idx := make([]int, len(es))
		for j := range idx {
			idx[j] = j
		}
		sort.Slice(idx, func(a, b int) bool { return es[idx[a]].id < es[idx[b]].id })
		es2, qs2, ns2 := make([]flatEdge, len(es)), make([]*trie, len(es)), make([]flatNode, len(es))
		for j, o := range idx {
			es2[j], qs2[j], ns2[j] = flatEdge{id: es[o].id, node: es[j].node}, qs[o], ns[o]
		}
		copy(es, es2)
		copy(qs, qs2)
		copy(ns, ns2)
		f.nodes[qi].lo, f.nodes[qi].hi = lo, int32(len(f.edges))
	}
	t.flat = f
}

// child returns the node reached from node n by the token id id, -1 when
// none.
func (f *flatTrie) child(n int32, id int32) int32 {
	nd := &f.nodes[n]
	lo, hi := nd.lo, nd.hi
	for lo < hi {
		mid := int32(uint32(lo+hi) >> 1)
		if f.edges[mid].id < id {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < nd.hi && f.edges[lo].id == id {
		return f.edges[lo].node
	}
	return -1
}

func (t *trie) insert(keys []string, e *entry) {
	n := t
	for _, k := range keys {
		if n.next == nil {
			n.next = map[string]*trie{}
		}
		c := n.next[k]
		if c == nil {
			c = &trie{}
			n.next[k] = c
		}
		n = c
	}
	n.ent = e // a later file (the language's own) overrides
}

// lexMatch is one phrase found at a position: tokens [i, end).
type lexMatch struct {
	end int
	e   *entry
}

// lookup returns the phrases of the root t starting at token i, longest
// first.
func (t *trie) lookup(toks []token, i int, out *[4]lexMatch) int {
	var found [8]lexMatch
	nf := 0
	if i >= len(toks) || toks[i].lex&t.bit == 0 {
		return 0
	}
	f := &t.flat
	n := int32(0)
	for k := i; k < len(toks) && k-i < 8; k++ {
		if k > i && (toks[k].nl || toks[k].space && (toks[k].kind == kPunct || toks[k-1].kind == kPunct)) {
			break // a symbol is glued to its phrase: "US$", "km/h", not "A $"
		}
		if n = f.child(n, toks[k].id); n < 0 {
			break
		}
		if e := f.nodes[n].ent; e != nil {
			found[nf] = lexMatch{end: k + 1, e: e}
			nf++
		}
	}
	m := 0
	for k := nf - 1; k >= 0 && m < len(out); k-- {
		out[m] = found[k]
		m++
	}
	return m
}

// has reports whether some phrase of the root t starts with the key of
// tok, a token of the text.
func (t *trie) has(tok *token) bool { return tok.lex&t.bit != 0 }

// format is a language's written conventions (format.txt).
type format struct {
	decimal      byte // decimal mark: ',' or '.'
	spaceGroup   bool // digits grouped by spaces ("1 000")
	dayFirst     bool // numeric dates read day first (dd/mm)
	monthLower   bool // month names are written in lower case
	monthUpper   bool // month names are capitalised
	monthContext map[string]bool
	monthAfter   map[string]bool
	ordSuffix    map[string]bool
	numberJoin   map[string]bool // words joining number words ("et", "and")
	nameCheck    bool            // a month before a capitalised word is a first name ("June Carter")
}

// language is the compiled data of one language.
type language struct {
	code       string
	f          format
	months     trie
	weekdays   trie
	numbers    trie
	magnitudes trie
	currencies trie
	units      trie
	ordinals   trie
	pats       []pattern
	byKey      map[string][]start
	bySlot     [numSlots][]start
	// first indexes, by the key of a token, the patterns that may start
	// there: those opening with that literal, and those opening with a slot
	// whose lexicon has a phrase starting with it. Built by finish.
	first map[string][]start
	// cands holds the entries of the start lists (tokenRec.sl: first, by
	// the id of a token (see extract), and numFirst at numID, with their
	// gates and follow tests, built last by finish; they are what the
	// matcher walks), a start list after the other.
	cands []cand
	// numID is the id of a number token outside the vocabulary.
	numID int32
	// filters numbers the filters of the elements and follow tests (the
	// matcher tests them through the records of vindex).
	filters filterTable
	// oneSets holds the sets of one-token alternatives of elements
	// (elem.one), bitsets of oneW words over the token ids.
	oneSets []uint64
	oneW    int
	// vocab numbers every key the data can match: the keys of the
	// lexicons, of the patterns and of the format's word lists. A token
	// outside it matches no literal and starts no phrase; filters hold
	// ids. The matcher finds the ids of tokens, and their records, with
	// vindex (the map serves the build).
	vocab  map[string]int32
	vindex vocabIndex
	// numFirst lists the patterns that may start at a number token.
	numFirst []start
	// ents lists every entry, so that captures refer to one by number
	// (entry.id) and hold no pointer.
	ents []*entry
	// loadingCommon is set while the files of common/ load (build time
	// only).
	loadingCommon bool
	// tense reads the tense of the words before a bare weekday
	// (tense.txt).
	tense tenseLexicon
}

// finish builds the start index once all files are loaded.
func (l *language) finish() {
	l.first = map[string][]start{}
	add := func(key string, idx []start) {
		l.first[key] = append(l.first[key], idx...)
	}
	for k, idx := range l.byKey {
		add(k, idx)
	}
	lex := map[slot][]*trie{
		slotNum: {&l.numbers}, slotAmount: {&l.numbers}, slotDay: {&l.ordinals}, slotMonth: {&l.months},
		slotWeekday: {&l.weekdays}, slotCurrency: {&l.currencies}, slotCurSym: {&l.currencies},
		slotUnit: {&l.units}, slotTUnit: {&l.units},
	}
	for s := slot(1); s < numSlots; s++ {
		if len(l.bySlot[s]) == 0 {
			continue
		}
		for _, t := range lex[s.base()] {
			for k := range t.next {
				add(k, l.bySlot[s])
			}
		}
		switch s.base() {
		case slotNum, slotAmount, slotInt, slotDay, slotYear, slotDecade, slotHour, slotMinute, slotYearFrom, slotHourMinute:
			l.numFirst = append(l.numFirst, l.bySlot[s]...)
		}
	}
	// Keep pattern order (ties go to the earlier pattern) and drop repeats.
	// A pattern indexed twice under a key keeps its unmatched entry (sorted
	// first), which checks the whole first element.
	norm := func(idx []start) []start {
		sort.Slice(idx, func(i, j int) bool { return idx[i] < idx[j] })
		out := idx[:0]
		for i, v := range idx {
			if i == 0 || v.pat() != idx[i-1].pat() {
				out = append(out, v)
			}
		}
		return out
	}
	l.numFirst = norm(l.numFirst)
	for k, idx := range l.first {
		if digitKey(k) {
			// A literal number ("1er trimestre") also starts number slots.
			idx = append(idx, l.numFirst...)
		}
		l.first[k] = norm(idx)
	}
	l.buildVocab()
	for pi := range l.pats {
		for ei := range l.pats[pi].elems {
			e := &l.pats[pi].elems[ei]
			e.mayF = l.filters.intern(l.elemFilter(e, lex))
		}
	}
	keys := l.vocabKeys()
	l.literalIDs()
	gates := map[gateKey]int32{}
	memo := followMemo{}
	recs := l.vindex.recs
	l.cands = nil
	// In id order, so that the layout does not depend on map order.
	for id := int32(1); id < l.numID; id++ {
		if idx, ok := l.first[keys[id]]; ok && keys[id] != "" {
			recs[id].sl = l.gated(idx, gates, keys[id], memo)
		}
	}
	recs[l.numID].sl = l.gated(l.numFirst, gates, "", memo)
	// A number token in the vocabulary that starts nothing of its own
	// starts what any number starts.
	for id := int32(1); id < l.numID; id++ {
		if _, ok := l.first[keys[id]]; !ok && digitKey(keys[id]) {
			recs[id].sl = recs[l.numID].sl
		}
	}
	buildMemberships(&l.vindex, &l.filters, keys)
	for i, t := range l.lexicons() {
		t.bit = 1 << i
		l.flatten(t)
		for k := range t.next {
			recs[l.id(k)].lex |= t.bit
		}
	}
	for _, fl := range []struct {
		set map[string]bool
		bit uint16
	}{
		{l.f.ordSuffix, lexOrdSuffix}, {l.f.monthContext, lexMonthContext},
		{l.f.monthAfter, lexMonthAfter}, {l.f.numberJoin, lexNumberJoin},
	} {
		for k := range fl.set {
			recs[l.id(k)].lex |= fl.bit
		}
	}
}

// Bits of token.lex for the format's word lists (the lexicons take the
// bits below, trie.bit).
const (
	lexOrdSuffix    uint16 = 1 << (iota + 8) // format.ordSuffix
	lexMonthContext                          // format.monthContext
	lexMonthAfter                            // format.monthAfter
	lexNumberJoin                            // format.numberJoin
)

// lexicons lists the lexicons of l (7, one bit of token.lex each).
func (l *language) lexicons() []*trie {
	return []*trie{&l.months, &l.weekdays, &l.numbers, &l.magnitudes, &l.currencies, &l.units, &l.ordinals}
}

// literalIDs sets the ids of the literal elements' alternatives (elem.one
// and elem.rest): a token's key is that of an alternative exactly when its
// id is, every key of the patterns being in the vocabulary.
func (l *language) literalIDs() {
	w := int(l.numID/64 + 1)
	l.oneW = w
	for pi := range l.pats {
		for ei := range l.pats[pi].elems {
			e := &l.pats[pi].elems[ei]
			e.one, e.rest = -1, nil
			if e.slot != slotNone {
				continue
			}
			var one []uint64
			if countSingle(e.alts) > 2 {
				one = make([]uint64, w)
			}
			for _, a := range e.alts {
				if one != nil && len(a) == 1 {
					id := l.id(a[0])
					one[id>>6] |= 1 << (id & 63)
					continue
				}
				ids := make([]int32, len(a))
				for j, k := range a {
					ids[j] = l.id(k)
				}
				e.rest = append(e.rest, ids)
			}
			if one != nil {
				e.one = int32(len(l.oneSets) / w)
				l.oneSets = append(l.oneSets, one...)
			}
		}
	}
}

// inOne reports whether a token of id id is in the one-token set set of an
// element (elem.one).
func (l *language) inOne(set, id int32) bool {
	return l.oneSets[int(set)*l.oneW+int(id>>6)]&(1<<(id&63)) != 0
}

// vocabKeys returns the vocabulary by id, "" for the ids of no key (build
// time only).
func (l *language) vocabKeys() []string {
	keys := make([]string, l.numID)
	for k, id := range l.vocab {
		keys[id] = k
	}
	return keys
}

// buildVocab numbers the keys the data can match (sorted, so that ids do
// not depend on map order).
func (l *language) buildVocab() {
	set := map[string]bool{}
	var walk func(t *trie)
	walk = func(t *trie) {
		for k, c := range t.next {
			set[k] = true
			walk(c)
		}
	}
	for _, t := range []*trie{&l.months, &l.weekdays, &l.numbers, &l.magnitudes, &l.currencies, &l.units, &l.ordinals} {
		walk(t)
	}
	for _, p := range l.pats {
		for _, e := range p.elems {
			for _, a := range e.alts {
				for _, k := range a {
					set[k] = true
				}
			}
		}
	}
	for _, m := range []map[string]bool{l.f.monthContext, l.f.monthAfter, l.f.ordSuffix, l.f.numberJoin} {
		for k := range m {
			set[k] = true
		}
	}
	for k := range l.first {
		set[k] = true
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var ids []int32
	l.vindex, ids = newVocabIndex(keys)
	l.numID = l.vindex.numID()
	l.vocab = make(map[string]int32, len(keys))
	for i, k := range keys {
		l.vocab[k] = ids[i]
	}
}

// id returns the vocabulary id of key, which the vocabulary holds (build
// time only).
func (l *language) id(key string) int32 {
	id, ok := l.vocab[key]
	if !ok {
		panic("temporal: key outside the vocabulary: " + key)
	}
	return id
}

// cand is an entry of a start list, 16 bytes. Its quick tests are kept in
// it, so that the matcher reads the pattern only for the entries that pass
// them: the filter of the pattern's second element, and the follow test of
// the pattern alone (passed the gate, a pattern still needs its next few
// tokens). skip is the number of entries after it with the same gate, the
// quick test that decides for a run of entries at once: when the test
// fails they are passed. It is capped at 255: a shorter skip only tests
// again entries that fail the same way.
type cand struct {
	st   start
	next fidx // the filter of the second element; passAll for a pattern of one element
	fol  follow
	skip uint8
	slot slot // the slot the pattern opens with, slotNone for a literal
}

// gateKey identifies the quick test of a start entry: for a pattern whose
// first element is known to match, the filter of its second element; for
// one that opens with a slot, the slot and that filter.
type gateKey struct {
	matched bool
	slot    slot
	end     bool // the pattern has one element: the test passes
	f       filter
}

// gated orders a start list by gate (keeping pattern order within a gate:
// ties between patterns go by rank, not by this order), sets the skips and
// the follow tests of its entries, appends them to l.cands, and returns the
// list with the follow test of the whole list. key is the list's ("" for
// the number tokens).
func (l *language) gated(idx []start, gates map[gateKey]int32, key string, memo followMemo) startList {
	out := make([]cand, len(idx))
	gate := make([]int32, len(idx)) // -1: none (the pattern opens with a literal to check)
	// all is the whole list's follow classes: the union of its patterns'.
	var all followClasses
	for j, st := range idx {
		p := &l.pats[st.pat()]
		out[j] = cand{st: st, next: passAll}
		gate[j] = -1
		fc := l.followOf(st, key, memo)
		all.merge(&fc)
		out[j].fol = fc.follow(&l.filters)
		if len(p.elems) > 1 {
			out[j].next = p.elems[1].mayF
		}
		if !st.matched() {
			out[j].slot = p.elems[0].slot
		}
		k := gateKey{matched: st.matched(), end: len(p.elems) == 1}
		if !k.matched {
			if p.elems[0].slot == slotNone {
				continue
			}
			k.slot = p.elems[0].slot.base()
		}
		if !k.end {
			k.f = l.filters.list[p.elems[1].mayF]
		}
		id, ok := gates[k]
		if !ok {
			id = int32(len(gates))
			gates[k] = id
		}
		gate[j] = id
	}
	order := make([]int, len(out))
	for j := range order {
		order[j] = j
	}
	sort.SliceStable(order, func(a, b int) bool { return gate[order[a]] < gate[order[b]] })
	if len(out) > math.MaxUint16 {
		panic("temporal: a start list of more than 65535 patterns")
	}
	sl := startList{off: uint32(len(l.cands)), n: uint16(len(out)), fol: all.follow(&l.filters)}
	sorted := make([]cand, len(out))
	for j, o := range order {
		sorted[j] = out[o]
	}
	for j := len(sorted) - 2; j >= 0; j-- {
		if g := gate[order[j]]; g >= 0 && g == gate[order[j+1]] {
			sorted[j].skip = uint8(min(int(sorted[j+1].skip)+1, math.MaxUint8))
		}
	}
	l.cands = append(l.cands, sorted...)
	return sl
}

// elemFilter builds the quick test of element e: the first keys of its
// literals, or of its slot's lexicon, and numbers for the number slots.
func (l *language) elemFilter(e *elem, lex map[slot][]*trie) filter {
	var f filter
	if e.slot == slotNone {
		for _, a := range e.alts {
			f.add(l.id(a[0]))
		}
		return f
	}
	s := e.slot.base()
	for _, t := range lex[s] {
		for k := range t.next {
			f.add(l.id(k))
		}
	}
	switch s {
	case slotNum, slotAmount, slotInt, slotDay, slotYear, slotDecade, slotHour, slotMinute, slotYearFrom, slotHourMinute:
		f.setNum()
	}
	return f
}

func newLanguage(code string) *language {
	return &language{
		code: code,
		f: format{
			decimal: '.', monthContext: map[string]bool{}, monthAfter: map[string]bool{},
			ordSuffix: map[string]bool{}, numberJoin: map[string]bool{},
		},
		byKey: map[string][]start{},
	}
}

// load reads the files of one data folder into l.
func (l *language) load(fsys fs.FS, dir string) error {
	l.loadingCommon = dir == commonDir
	defer func() { l.loadingCommon = false }()
	files, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return fmt.Errorf("temporal: reading %s: %w", dir, err)
	}
	names := make([]string, 0, len(files))
	for _, f := range files {
		if !f.IsDir() && strings.HasSuffix(f.Name(), ".txt") {
			names = append(names, f.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		p := path.Join(dir, name)
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("temporal: reading %s: %w", p, err)
		}
		if err := l.loadFile(strings.TrimSuffix(name, ".txt"), string(b)); err != nil {
			return fmt.Errorf("temporal: %s: %w", p, err)
		}
	}
	return nil
}

var errSyntax = errors.New("syntax error")

func (l *language) loadFile(kind, content string) error {
	sc := bufio.NewScanner(strings.NewReader(content))
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if i := strings.Index(s, " #"); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimSpace(s)
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		lhs, rhs, ok := strings.Cut(s, " = ")
		if !ok {
			return fmt.Errorf("line %d: %q: want \"phrase = value\": %w", line, s, errSyntax)
		}
		lhs, rhs = strings.TrimSpace(lhs), strings.TrimSpace(rhs)
		var err error
		switch kind {
		case "format":
			err = l.setFormat(lhs, rhs)
		case "patterns":
			err = l.addPattern(lhs, rhs)
		case "tense":
			err = l.tense.add(lhs, rhs)
		default:
			err = l.addEntry(kind, lhs, rhs)
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	return sc.Err()
}

func (l *language) setFormat(key, val string) error {
	words := strings.Fields(val)
	set := func(m map[string]bool) {
		for _, w := range words {
			for _, k := range phraseKeys(w) {
				m[k] = true
			}
		}
	}
	switch key {
	case "decimal":
		if val != "," && val != "." {
			return fmt.Errorf("decimal %q: %w", val, errSyntax)
		}
		l.f.decimal = val[0]
	case "group":
		l.f.spaceGroup = false
		for _, w := range words {
			if w == "space" {
				l.f.spaceGroup = true
			}
		}
	case "dateorder":
		switch val {
		case "dmy":
			l.f.dayFirst = true
		case "mdy":
			l.f.dayFirst = false
		default:
			return fmt.Errorf("dateorder %q: %w", val, errSyntax)
		}
	case "monthcase":
		l.f.monthLower, l.f.monthUpper = val == "lower", val == "upper"
	case "monthcontext":
		set(l.f.monthContext)
	case "monthafter":
		set(l.f.monthAfter)
	case "ordinal":
		set(l.f.ordSuffix)
	case "numberjoin":
		set(l.f.numberJoin)
	case "namecheck":
		l.f.nameCheck = val == "yes"
	default:
		return fmt.Errorf("unknown setting %q: %w", key, errSyntax)
	}
	return nil
}

// phraseKeys returns the keys of the tokens of p (load time).
func phraseKeys(p string) []string {
	toks, keys := scan(p, nil)
	out := make([]string, len(toks))
	for i := range toks {
		out[i] = toks[i].key(keys)
	}
	return out
}

func (l *language) addEntry(kind, lhs, rhs string) error {
	f := strings.Fields(rhs)
	if len(f) == 0 {
		return fmt.Errorf("%q: no value: %w", lhs, errSyntax)
	}
	e := entry{val: f[0]}
	rest := f[1:]
	var t *trie
	switch kind {
	case "months", "weekdays", "ordinals":
		n, err := strconv.Atoi(f[0])
		if err != nil {
			return fmt.Errorf("%q: %w", rhs, err)
		}
		e.n = n
		t = map[string]*trie{"months": &l.months, "weekdays": &l.weekdays, "ordinals": &l.ordinals}[kind]
	case "numbers", "magnitudes":
		d, ok := parseDec(f[0])
		if !ok {
			return fmt.Errorf("%q: not a number: %w", rhs, errSyntax)
		}
		e.d = d
		t = &l.numbers
		if kind == "magnitudes" {
			t = &l.magnitudes
		}
	case "currencies":
		t = &l.currencies
	case "units":
		if len(f) < 2 {
			return fmt.Errorf("%q: want \"unit kind\": %w", rhs, errSyntax)
		}
		e.kind = f[1]
		rest = f[2:]
		t = &l.units
	default:
		return fmt.Errorf("unknown data file %q: %w", kind, errSyntax)
	}
	for _, fl := range rest {
		switch fl {
		case "amb":
			e.flags |= flagAmb
		case "abbr":
			e.flags |= flagAbbr
		case "sym":
			e.flags |= flagSym
		case "beforemag":
			e.flags |= flagBeforeMag
		case "afteryear":
			e.flags |= flagAfterYear
		default:
			return fmt.Errorf("unknown flag %q: %w", fl, errSyntax)
		}
	}
	keys := phraseKeys(lhs)
	if len(keys) == 0 {
		return fmt.Errorf("empty phrase: %w", errSyntax)
	}
	ep := &e
	l.ents = append(l.ents, ep)
	ep.id = int32(len(l.ents))
	t.insert(keys, ep)
	return nil
}
