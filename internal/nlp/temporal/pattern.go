package temporal

import (
	"fmt"
	"strings"
)

// slot is a typed hole of a pattern, filled by a recogniser of the engine.
type slot uint8

const (
	slotNone     slot = iota
	slotNum           // <num>: a number in digits or words
	slotAmount        // <amount>: a number with an optional magnitude (million, bn)
	slotInt           // <int>: a plain run of 1 to 4 digits
	slotDay           // <day>: 1–31, with an optional ordinal suffix (1er, 3rd)
	slotMonth         // <month>: a month name
	slotWeekday       // <weekday>: a weekday name
	slotYear          // <year>: a four-digit year
	slotDecade        // <decade>: a year ending in 0 (1990) or two digits (90)
	slotHour          // <hh>: 0–24
	slotMinute        // <mm>: two digits 00–59
	slotCurrency      // <currency>: any currency name, symbol or code
	slotCurSym        // <cursym>: a currency symbol or code, which may precede the amount
	slotUnit          // <unit>: a unit of measure (or %)
	slotTUnit         // <tunit>: a unit of time (day, week, month, year, …)
	// The end of a range: <day2>, <month2>, <year2>, <weekday2> read as
	// their first forms and fill the second date of the captures.
	slotDay2
	slotMonth2
	slotYear2
	slotWeekday2
	// <yearfrom>: a year that may open a range written with a dash
	// ("2020-2022"), which <year> refuses (part of a numeric date).
	slotYearFrom
	// <hhmm>: a time written as one number, hours and two-digit minutes
	// apart by a point or comma ("18.30 Uhr", "9,15 uur").
	slotHourMinute
	// <num2>: a number read like <num> but captured by nothing, as the end
	// of a range of amounts that lends its unit to the start ("6 [to]
	// [<num2>] [<unit>]": "6 to 8 degrees").
	slotNum2
	numSlots
)

// base returns the slot whose recogniser s uses.
func (s slot) base() slot {
	switch s {
	case slotDay2:
		return slotDay
	case slotMonth2:
		return slotMonth
	case slotYear2:
		return slotYear
	case slotWeekday2:
		return slotWeekday
	case slotNum2:
		return slotNum
	}
	return s
}

// slotByName returns the slot written <name> in patterns (used at load
// time only).
func slotByName(name string) (slot, bool) {
	s, ok := map[string]slot{
		"num": slotNum, "amount": slotAmount, "int": slotInt, "day": slotDay, "month": slotMonth,
		"weekday": slotWeekday, "year": slotYear, "decade": slotDecade, "hh": slotHour, "mm": slotMinute,
		"currency": slotCurrency, "cursym": slotCurSym, "unit": slotUnit, "tunit": slotTUnit,
		"day2": slotDay2, "month2": slotMonth2, "year2": slotYear2, "weekday2": slotWeekday2,
		"yearfrom": slotYearFrom, "hhmm": slotHourMinute, "num2": slotNum2,
	}[name]
	return s, ok
}

// elem is one element of a pattern: literal alternatives or a slot. What
// the matcher reads of it holds in 64 bytes, as a pattern's elements are
// read one after the other.
type elem struct {
	alts [][]string // the alternatives' keys (the matcher reads one and rest)
	// rest holds, as vocabulary ids, the alternatives that one does not
	// (all of them when one is unused); built by finish.
	rest [][]int32
	// one, when there are more than two one-token alternatives ("en|
	// depuis|dès|…"), is the index of their set in language.oneSets, for a
	// bit test instead of a scan; -1 otherwise. Built by finish.
	one  int32
	slot slot
	ctx  bool // context: must match but stays outside the span
	// mayF is a quick test that a token can start this element, built by
	// finish: it never refuses a token the element could match. It
	// numbers a filter of language.filters, tested on the memberships.
	mayF fidx
}

// filter is a set of token keys, by their ids in the language's vocabulary
// (see language.vocab), plus whether any number token passes (bit 0: no key
// has id 0): a cheap first test before the full match of an element, one
// cache line. Ids from filterIDs on are not held: they always pass.
type filter struct {
	bits [filterIDs / 64]uint64
}

// filterIDs bounds the vocabulary ids a filter holds.
const filterIDs = 1024

func (f *filter) add(id int32) {
	if id > 0 && id < filterIDs {
		f.bits[id>>6] |= 1 << (id & 63)
	}
}

// setNum lets every number token pass.
func (f *filter) setNum() { f.bits[0] |= 1 }

// accept reports whether t may start the element.
func (f *filter) accept(t *token) bool {
	if t.kind == kNum && f.bits[0]&1 != 0 {
		return true
	}
	id := t.id
	return id >= filterIDs || id > 0 && f.bits[id>>6]&(1<<(id&63)) != 0
}

type pattern struct {
	elems []elem
	act   action
	src   string
	idx   int32
	// rank orders patterns on a tie (lower wins): the language's own
	// patterns in file order, then those of common/.
	rank int32
}

// commonRank puts the patterns of common/ after the language's own on a tie.
const commonRank = 1 << 24

// addPattern compiles "elements = action" and its expansions of optional
// elements.
func (l *language) addPattern(lhs, rhs string) error {
	act, err := parseAction(rhs)
	if err != nil {
		return fmt.Errorf("%q: %w", rhs, err)
	}
	type optElem struct {
		e   elem
		opt bool
	}
	var es []optElem
	for _, w := range strings.Fields(lhs) {
		e := elem{one: -1}
		opt := false
		if len(w) > 1 && strings.HasSuffix(w, "?") {
			opt, w = true, w[:len(w)-1]
		}
		if len(w) > 2 && w[0] == '[' && w[len(w)-1] == ']' {
			e.ctx, w = true, w[1:len(w)-1]
		}
		if len(w) > 2 && w[0] == '<' && w[len(w)-1] == '>' {
			s, ok := slotByName(w[1 : len(w)-1])
			if !ok {
				return fmt.Errorf("unknown slot %s: %w", w, errSyntax)
			}
			e.slot = s
		} else {
			for _, a := range strings.Split(w, "|") {
				keys := phraseKeys(a)
				if len(keys) == 0 {
					return fmt.Errorf("empty alternative in %q: %w", w, errSyntax)
				}
				e.alts = append(e.alts, keys)
			}
		}
		es = append(es, optElem{e, opt})
	}
	nopt := 0
	for _, e := range es {
		if e.opt {
			nopt++
		}
	}
	if nopt > 6 {
		return fmt.Errorf("too many optional elements: %w", errSyntax)
	}
	for mask := 0; mask < 1<<nopt; mask++ {
		var elems []elem
		bit := 0
		for _, e := range es {
			if e.opt {
				keep := mask&(1<<bit) == 0
				bit++
				if !keep {
					continue
				}
			}
			elems = append(elems, e.e)
		}
		if len(elems) == 0 {
			continue
		}
		core := false
		for _, e := range elems {
			if !e.ctx {
				core = true
			}
		}
		if !core {
			continue
		}
		p := pattern{elems: elems, act: act, src: lhs, idx: int32(len(l.pats)), rank: int32(len(l.pats))}
		if l.loadingCommon {
			p.rank += commonRank
		}
		l.pats = append(l.pats, p)
		if elems[0].slot != slotNone {
			l.bySlot[elems[0].slot] = append(l.bySlot[elems[0].slot], startAt(p.idx, false))
			continue
		}
		// A key that is a whole one-token alternative of the first element
		// (and starts no longer one) needs no second look at match time.
		single, multi := map[string]bool{}, map[string]bool{}
		for _, a := range elems[0].alts {
			if len(a) == 1 {
				single[a[0]] = true
			} else {
				multi[a[0]] = true
			}
		}
		for k := range single {
			l.byKey[k] = append(l.byKey[k], startAt(p.idx, !multi[k]))
		}
		for k := range multi {
			l.byKey[k] = append(l.byKey[k], startAt(p.idx, false))
		}
	}
	return nil
}

func countSingle(alts [][]string) int {
	n := 0
	for _, a := range alts {
		if len(a) == 1 {
			n++
		}
	}
	return n
}

// start is an entry of the start index: a pattern index and whether its
// first element is known to match the token it is indexed under.
type start int32

func startAt(idx int32, matched bool) start {
	if matched {
		return start(idx<<1 | 1)
	}
	return start(idx << 1)
}

func (s start) pat() int32    { return int32(s >> 1) }
func (s start) matched() bool { return s&1 == 1 }

// caps holds what the slots of a match captured.
type caps struct {
	day, month, year, wday int
	// the end of a range
	day2, month2, year2, wday2 int
	decade                     int
	hh, mm                     int // -1 when absent
	num                        dec
	hasNum                     bool
	unit, cur                  int32 // entry.id, 0 when absent: caps hold no pointer, they are copied often
	ints                       [3]int
	nints                      int
	first, last                int // span: first and last non-context tokens, -1 when none
}

// slotRes is one filling of a slot: where it ends and what it captured.
// It holds no pointer (see fillMemo).
type slotRes struct {
	end int
	n   int   // day, month, weekday, year, decade, hour, minute or int
	d   dec   // number
	eid int32 // unit or currency: entry.id
}

// matcher runs the patterns of one language over one text.
type matcher struct {
	l    *language
	src  string // the text of toks
	toks []token
	// tenseMemo holds the last tense read (tenseAt): the patterns that
	// complete at a token ask for it once each.
	tenseMemo struct {
		tok   int // token + 1 (0: none)
		spans bool
		t     int8
	}
	keys keyText // the key text of toks
	ref  refDate

	best     result
	bestEnd  int
	bestPat  int32
	haveBest bool

	// memo keeps, for each slot, its fillings at the last token it was
	// tried on: the patterns starting at a token mostly open with the same
	// few slots. It lives in the scratch of the call, so that a matcher,
	// built on the stack for each text, does not clear its 4 KB each time
	// (inside Enrich, lines out of the caches): extract clears the at of
	// each slot, and the fillings are written only where they are used.
	memo *[numSlots]fillMemo
}

// fillMemo is the fillings of one slot at token at-1 (at = 0: none). It
// holds no pointer, so that the memo, on the heap, is written without
// write barriers.
type fillMemo struct {
	at  int
	n   int
	res [4]slotRes
}

// fillN returns the number of fillings of slot s at token ti, through the
// memo. A filling depends only on the slot and the token, except for
// <int>, which depends on the ints already captured.
func (m *matcher) fillN(s slot, ti int, c *caps) int {
	return m.memoAt(s, ti, c).n
}

// fillAt returns filling r of slot s at token ti (r < fillN).
func (m *matcher) fillAt(s slot, ti int, c *caps, r int) slotRes {
	return m.memoAt(s, ti, c).res[r]
}

func (m *matcher) memoAt(s slot, ti int, c *caps) *fillMemo {
	s = s.base()
	f := &m.memo[s]
	if f.at != ti+1 || s == slotInt {
		f.n = m.fill(s, ti, c, &f.res)
		f.at = ti + 1
	}
	return f
}

// dfs matches p.elems[ei:] from token ti, calling complete for each full
// match. c is restored before it returns.
func (m *matcher) dfs(p *pattern, ei, ti int, c *caps) {
	if ei == len(p.elems) {
		m.complete(p, ti, c)
		return
	}
	if ti >= len(m.toks) || (ei > 0 && m.toks[ti].nl) {
		return
	}
	e := &p.elems[ei]
	if e.slot == slotNone {
		first, last := c.first, c.last
		if e.one >= 0 {
			if m.l.inOne(e.one, m.toks[ti].id) && m.next(p, ei+1, ti+1) {
				if !e.ctx {
					c.mark(ti, ti)
				}
				m.dfs(p, ei+1, ti+1, c)
				c.first, c.last = first, last
			}
		}
		for _, alt := range e.rest {
			k := ti
			ok := true
			for ai, id := range alt {
				if k >= len(m.toks) || m.toks[k].id != id || (ai > 0 && m.toks[k].nl) {
					ok = false
					break
				}
				k++
			}
			if ok && m.next(p, ei+1, k) {
				if !e.ctx {
					c.mark(ti, k-1)
				}
				m.dfs(p, ei+1, k, c)
				c.first, c.last = first, last
			}
		}
		return
	}
	if e.slot == slotNum2 && m.signed(ti) {
		return // "un -0,3 %": a sign, not the dash of a range
	}
	n := m.fillN(e.slot, ti, c)
	if n == 0 {
		return
	}
	saved := *c
	for r := 0; r < n; r++ {
		// The memo may have been reused deeper down (a pattern with the
		// same slot twice): fillAt fills it again then.
		res := m.fillAt(e.slot, ti, c, r)
		if !m.next(p, ei+1, res.end) {
			continue
		}
		c.apply(e.slot, &res)
		if !e.ctx {
			c.mark(ti, res.end-1)
		}
		m.dfs(p, ei+1, res.end, c)
		*c = saved
	}
}

// slotStart is a quick test of a pattern that opens with slot s: some
// filling of the slot at ti is followed by a token that passes next, the
// filter of the pattern's second element. Patterns opening with a literal
// pass.
func (m *matcher) slotStart(s slot, next fidx, ti int, c *caps) bool {
	if s == slotNone {
		return true
	}
	f := m.memoAt(s, ti, c)
	for r := 0; r < f.n; r++ {
		if m.nextF(next, f.res[r].end) {
			return true
		}
	}
	return false
}

// next reports whether element ei of p may match from token ti: true at
// the end of the pattern, false past the end of the text, else the
// element's filter.
func (m *matcher) next(p *pattern, ei, ti int) bool {
	if ei == len(p.elems) {
		return true
	}
	return ti < len(m.toks) && m.l.vindex.accept(&m.toks[ti], p.elems[ei].mayF)
}

// nextF is next for an element known by its filter f (passAll past the
// end of the pattern).
func (m *matcher) nextF(f fidx, ti int) bool {
	return f == passAll || ti < len(m.toks) && m.l.vindex.accept(&m.toks[ti], f)
}

// signed reports whether the number at token ti is written with a sign: a
// dash glued to it but apart from the word before ("un -0,3 %").
func (m *matcher) signed(ti int) bool {
	if ti == 0 || m.toks[ti].space {
		return false
	}
	p := &m.toks[ti-1]
	k := m.key(ti - 1)
	return p.space && (k == "-" || k == "–")
}

// key returns the key of token i.
func (m *matcher) key(i int) string { return m.toks[i].key(m.keys) }

func (c *caps) mark(first, last int) {
	if c.first < 0 {
		c.first = first
	}
	c.last = last
}

// complete evaluates the action of a full match and keeps it when it is the
// longest so far at this position.
func (m *matcher) complete(p *pattern, end int, c *caps) {
	// Separators an optional element left at an edge stay out of the span.
	first, last := c.first, c.last
	for first >= 0 && first <= last && isEdgePunct(m.key(first)) {
		first++
	}
	for last >= first && first >= 0 && isEdgePunct(m.key(last)) {
		last--
	}
	if first < 0 || first > last {
		return
	}
	if m.haveBest && (end < m.bestEnd || end == m.bestEnd && p.rank > m.bestPat) {
		return
	}
	r, ok := m.eval(&p.act, c)
	if !ok {
		return
	}
	r.first, r.last = first, last
	m.best, m.bestEnd, m.bestPat, m.haveBest = r, end, p.rank, true
}

func isEdgePunct(k string) bool { return k == "," || k == ";" || k == "-" || k == "/" }
