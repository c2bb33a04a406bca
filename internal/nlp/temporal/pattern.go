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
	numSlots
)

// slotByName returns the slot written <name> in patterns (used at load
// time only).
func slotByName(name string) (slot, bool) {
	s, ok := map[string]slot{
		"num": slotNum, "amount": slotAmount, "int": slotInt, "day": slotDay, "month": slotMonth,
		"weekday": slotWeekday, "year": slotYear, "decade": slotDecade, "hh": slotHour, "mm": slotMinute,
		"currency": slotCurrency, "cursym": slotCurSym, "unit": slotUnit, "tunit": slotTUnit,
	}[name]
	return s, ok
}

// elem is one element of a pattern: literal alternatives or a slot.
type elem struct {
	alts [][]string
	// one holds the one-token alternatives when there are several ("en|
	// depuis|dès|…"), for a lookup instead of a scan; rest the others.
	one  map[string]struct{}
	rest [][]string
	slot slot
	ctx  bool // context: must match but stays outside the span
}

type pattern struct {
	elems []elem
	act   action
	src   string
	idx   int32
}

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
		var e elem
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
			e.rest = e.alts
			if n := countSingle(e.alts); n > 2 {
				e.one, e.rest = map[string]struct{}{}, nil
				for _, a := range e.alts {
					if len(a) == 1 {
						e.one[a[0]] = struct{}{}
					} else {
						e.rest = append(e.rest, a)
					}
				}
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
		p := pattern{elems: elems, act: act, src: lhs, idx: int32(len(l.pats))}
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
	decade                 int
	hh, mm                 int // -1 when absent
	num                    dec
	hasNum                 bool
	unit, cur              *entry
	ints                   [3]int
	nints                  int
	first, last            int // span: first and last non-context tokens, -1 when none
}

// slotRes is one filling of a slot: where it ends and what it captured.
type slotRes struct {
	end int
	n   int    // day, month, weekday, year, decade, hour, minute or int
	d   dec    // number
	e   *entry // unit or currency
}

// matcher runs the patterns of one language over one text.
type matcher struct {
	l    *language
	toks []token
	ref  refDate

	best     result
	bestEnd  int
	bestPat  int32
	haveBest bool
}

// dfs matches p.elems[ei:] from token ti, calling complete for each full
// match.
func (m *matcher) dfs(p *pattern, ei, ti int, c caps) {
	if ei == len(p.elems) {
		m.complete(p, ti, &c)
		return
	}
	if ti >= len(m.toks) || (ei > 0 && m.toks[ti].nl) {
		return
	}
	e := &p.elems[ei]
	if e.slot == slotNone {
		if e.one != nil {
			if _, ok := e.one[m.toks[ti].key]; ok {
				c2 := c
				if !e.ctx {
					c2.mark(ti, ti)
				}
				m.dfs(p, ei+1, ti+1, c2)
			}
		}
		for _, alt := range e.rest {
			k := ti
			ok := true
			for ai, key := range alt {
				if k >= len(m.toks) || m.toks[k].key != key || (ai > 0 && m.toks[k].nl) {
					ok = false
					break
				}
				k++
			}
			if ok {
				c2 := c
				if !e.ctx {
					c2.mark(ti, k-1)
				}
				m.dfs(p, ei+1, k, c2)
			}
		}
		return
	}
	var res [4]slotRes
	n := m.fill(e.slot, ti, &c, &res)
	for r := 0; r < n; r++ {
		c2 := c
		c2.apply(e.slot, &res[r])
		if !e.ctx {
			c2.mark(ti, res[r].end-1)
		}
		m.dfs(p, ei+1, res[r].end, c2)
	}
}

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
	for c.first >= 0 && c.first <= c.last && isEdgePunct(m.toks[c.first].key) {
		c.first++
	}
	for c.last >= c.first && c.first >= 0 && isEdgePunct(m.toks[c.last].key) {
		c.last--
	}
	if c.first < 0 || c.first > c.last {
		return
	}
	if m.haveBest && (end < m.bestEnd || end == m.bestEnd && p.idx > m.bestPat) {
		return
	}
	r, ok := m.eval(&p.act, c)
	if !ok {
		return
	}
	r.first, r.last = c.first, c.last
	m.best, m.bestEnd, m.bestPat, m.haveBest = r, end, p.idx, true
}

func isEdgePunct(k string) bool { return k == "," || k == ";" || k == "-" || k == "/" }
