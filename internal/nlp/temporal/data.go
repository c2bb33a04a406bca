package temporal

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
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
	// mask, on a root, has the bits keyBit of the keys in next: a token
	// whose bit is clear starts no phrase, without a map lookup.
	mask *keyMask
}

// keyMask is a filter on token keys: for each first byte, the set of key
// lengths (lengths from 63 on share one bit).
type keyMask [256]uint64

func keyBit(k string) (byte, uint64) {
	n := len(k)
	if n > 63 {
		n = 63
	}
	if n == 0 {
		return 0, 1
	}
	return k[0], 1 << n
}

func (m *keyMask) add(k string) {
	b, bit := keyBit(k)
	m[b] |= bit
}

// may reports whether k may be one of the keys added.
func (m *keyMask) may(k string) bool {
	b, bit := keyBit(k)
	return m[b]&bit != 0
}

// setMask fills the root's mask from its keys.
func (t *trie) setMask() {
	t.mask = &keyMask{}
	for k := range t.next {
		t.mask.add(k)
	}
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

// lookup returns the phrases of t starting at token i, longest first.
func (t *trie) lookup(toks []token, keys string, i int, out *[4]lexMatch) int {
	var found [8]lexMatch
	nf := 0
	if i < len(toks) && t.mask != nil && !t.mask.may(toks[i].key(keys)) {
		return 0
	}
	n := t
	for k := i; k < len(toks) && k-i < 8; k++ {
		if k > i && (toks[k].nl || toks[k].space && (toks[k].kind == kPunct || toks[k-1].kind == kPunct)) {
			break // a symbol is glued to its phrase: "US$", "km/h", not "A $"
		}
		c := n.next[toks[k].key(keys)]
		if c == nil {
			break
		}
		n = c
		if n.ent != nil {
			found[nf] = lexMatch{end: k + 1, e: n.ent}
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

// has reports whether some phrase of t starts with key.
func (t *trie) has(key string) bool {
	if t.mask != nil && !t.mask.may(key) {
		return false
	}
	_, ok := t.next[key]
	return ok
}

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
	// firstC and numC are first (by the vocabulary id of the key) and
	// numFirst with their gates and follow tests, built last by finish;
	// they are what the matcher walks.
	firstC []*startList
	numC   startList
	// vocab numbers, from 1, every key the data can match: the keys of the
	// lexicons, of the patterns and of the format's word lists. A token
	// outside it matches no literal and starts no phrase; filters hold
	// ids. vocabMask filters its keys.
	vocab     map[string]int32
	vocabMask keyMask
	// numFirst lists the patterns that may start at a number token.
	numFirst []start
	// ents lists every entry, so that captures refer to one by number
	// (entry.id) and hold no pointer.
	ents []*entry
	// loadingCommon is set while the files of common/ load (build time
	// only).
	loadingCommon bool
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
	for _, t := range []*trie{&l.months, &l.weekdays, &l.numbers, &l.magnitudes, &l.currencies, &l.units, &l.ordinals} {
		t.setMask()
	}
	for pi := range l.pats {
		for ei := range l.pats[pi].elems {
			e := &l.pats[pi].elems[ei]
			e.may = l.elemFilter(e, lex)
		}
	}
	gates := map[gateKey]int32{}
	memo := followMemo{}
	l.firstC = make([]*startList, len(l.vocab)+1)
	for k, idx := range l.first {
		cands, fol := l.gated(idx, gates, k, memo)
		l.firstC[l.id(k)] = &startList{cands: cands, fol: fol}
	}
	cands, fol := l.gated(l.numFirst, gates, "", memo)
	l.numC = startList{cands: cands, fol: fol}
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
	l.vocab = make(map[string]int32, len(keys))
	for i, k := range keys {
		l.vocab[k] = int32(i + 1)
		l.vocabMask.add(k)
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

// cand is an entry of a start list with its gate, the quick test that
// decides for a run of entries at once: the entries with the same gate are
// adjacent, and when the test fails the skip entries after it are passed.
type cand struct {
	st   start
	gate int32 // -1: none (the pattern opens with a literal to check)
	skip int32
	// fol is the follow test of this pattern alone, nil when it checks
	// nothing: passed the gate, a pattern still needs its next few tokens.
	fol *follow
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
// the follow tests of its entries, and returns the follow test of the
// whole list. key is the list's ("" for numC).
func (l *language) gated(idx []start, gates map[gateKey]int32, key string, memo followMemo) ([]cand, follow) {
	out := make([]cand, len(idx))
	var all followClasses // the whole list's: the union of its patterns'
	for j, st := range idx {
		p := &l.pats[st.pat()]
		out[j] = cand{st: st, gate: -1}
		fc := l.followOf(st, key, memo)
		all.merge(&fc)
		if fo := fc.follow(); len(fo.f) > 0 {
			out[j].fol = &fo
		}
		k := gateKey{matched: st.matched(), end: len(p.elems) == 1}
		if !k.matched {
			if p.elems[0].slot == slotNone {
				continue
			}
			k.slot = p.elems[0].slot.base()
		}
		if !k.end {
			k.f = p.elems[1].may
		}
		id, ok := gates[k]
		if !ok {
			id = int32(len(gates))
			gates[k] = id
		}
		out[j].gate = id
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].gate < out[b].gate })
	for j := len(out) - 2; j >= 0; j-- {
		if out[j].gate >= 0 && out[j].gate == out[j+1].gate {
			out[j].skip = out[j+1].skip + 1
		}
	}
	return out, all.follow()
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
