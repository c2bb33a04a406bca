package temporal

// followDepth is how many tokens after a start token a follow test looks at.
const followDepth = 3

// follow is the quick test of a start list: for the tokens just after the
// start token, what every pattern of the list needs there. A token that
// fails one of the checks starts no match, and its whole start list is
// passed at once. Most tokens that start patterns are frequent words ("de",
// "le", "d'", "un") and numbers that no date follows; this spares them the
// walk over their start list. Built by finish; it never refuses a token
// where a pattern of the list could match.
//
// It is a value of a few bytes, kept inside the start list or entry it
// tests: the filters are numbers, tested on the memberships of the tokens.
type follow struct {
	// The token at each offset d after the start whose bit 1<<(d-1) is
	// set in at, in order, must pass the next filter of f (or exist at
	// all).
	at uint8
	f  [followDepth]fidx
}

// pass reports whether the tokens after toks[i] may continue some pattern
// of the list: at once for a test that checks nothing.
func (fo *follow) pass(x *vocabIndex, toks []token, i int) bool {
	return fo.at == 0 || fo.check(x, toks, i)
}

// check is pass for a test that checks some offset.
func (fo *follow) check(x *vocabIndex, toks []token, i int) bool {
	k := 0
	for d := 1; d <= followDepth; d++ {
		if fo.at&(1<<(d-1)) == 0 {
			continue
		}
		j := i + d
		if j >= len(toks) || !x.accept(&toks[j], fo.f[k]) {
			return false
		}
		k++
	}
	return true
}

// startList is the start list of a key (or of number tokens) with its
// follow test: the entries cands[off:off+n] of its language.
type startList struct {
	off uint32
	n   uint16
	fol follow
}

// posClass is what may stand at one offset after the start token: any
// token, or the tokens of a filter.
type posClass struct {
	any bool
	f   filter
}

func (f *filter) union(o *filter) {
	for i := range f.bits {
		f.bits[i] |= o.bits[i]
	}
}

// followClasses is what may stand at offsets 1..followDepth after a start
// token.
type followClasses [followDepth + 1]posClass

// merge adds what o allows.
func (c *followClasses) merge(o *followClasses) {
	for d := 1; d <= followDepth; d++ {
		c[d].any = c[d].any || o[d].any
		c[d].f.union(&o[d].f)
	}
}

// follow returns the test of c: a check at each offset where not anything
// may stand, its filters numbered in ft.
func (c *followClasses) follow(ft *filterTable) follow {
	var fo follow
	k := 0
	for d := 1; d <= followDepth; d++ {
		if !c[d].any {
			fo.at |= 1 << (d - 1)
			fo.f[k] = ft.intern(c[d].f)
			k++
		}
	}
	return fo
}

// followMemo keeps, by pattern and offset, the classes of the rest of a
// pattern after its first element (they do not depend on the start key).
type followMemo map[[2]int32]*followClasses

// followOf returns the follow classes of the start entry st of key (empty
// for numC: any number token).
func (l *language) followOf(st start, key string, memo followMemo) followClasses {
	num := key == "" || digitKey(key) // the start token is a number
	var all followClasses
	cls := &all // where the walks below add
	anyFrom := func(pos int) {
		for d := max(pos, 1); d <= followDepth; d++ {
			cls[d].any = true
		}
	}
	addKey := func(pos int, k string) {
		if pos >= 1 && pos <= followDepth {
			cls[pos].f.add(l.id(k))
		}
	}
	addFilter := func(pos int, f *filter) {
		if pos >= 1 && pos <= followDepth {
			cls[pos].f.union(f)
		}
	}
	var walk func(p *pattern, ei, pos int)
	// walked holds the (element, offset) pairs walk has been through for
	// the memo entry being built: a second walk from there adds nothing.
	var walked map[[2]int]bool
	// walkTrie follows the phrases of a lexicon from node n, whose next
	// token stands at pos, and goes on with cont after each phrase (from
	// a root, which holds no phrase: every phrase of the lexicon).
	var walkTrie func(n *trie, pos int, cont func(pos int))
	walkTrie = func(n *trie, pos int, cont func(pos int)) {
		if n == nil {
			return
		}
		if n.ent != nil {
			cont(pos)
		}
		if pos > followDepth {
			return
		}
		for k, c := range n.next {
			addKey(pos, k)
			walkTrie(c, pos+1, cont)
		}
	}
	walk = func(p *pattern, ei, pos int) {
		if pos > followDepth || walked[[2]int{ei, pos}] {
			return
		}
		walked[[2]int{ei, pos}] = true
		if ei == len(p.elems) {
			anyFrom(pos) // the pattern ends: anything may follow
			return
		}
		e := &p.elems[ei]
		if e.slot == slotNone {
			for _, a := range e.alts {
				for j, k := range a {
					addKey(pos+j, k)
				}
				walk(p, ei+1, pos+len(a))
			}
			return
		}
		next := func(pos int) { walk(p, ei+1, pos) }
		switch s := e.slot.base(); {
		case oneToken(s):
			addFilter(pos, &l.filters.list[e.mayF])
			next(pos + 1)
		case s == slotDay:
			// A day number, with an ordinal suffix or not, or an ordinal word.
			addFilter(pos, &l.filters.list[e.mayF])
			next(pos + 1)
			for k := range l.f.ordSuffix {
				addKey(pos+1, k)
			}
			next(pos + 2)
			walkTrie(&l.ordinals, pos, next)
		case l.lexOf(s) != nil:
			walkTrie(l.lexOf(s), pos, next)
		default:
			addFilter(pos, &l.filters.list[e.mayF])
			anyFrom(pos + 1)
		}
	}
	// rest adds the classes of p from its second element at pos, through
	// the memo.
	rest := func(p *pattern, pos int) {
		if pos > followDepth {
			return
		}
		k := [2]int32{p.idx, int32(pos)}
		r := memo[k]
		if r == nil {
			r = new(followClasses)
			saved := cls
			cls = r
			walked = map[[2]int]bool{}
			walk(p, 1, pos)
			cls = saved
			memo[k] = r
		}
		cls.merge(r)
	}
	p := &l.pats[st.pat()]
	e0 := &p.elems[0]
	next := func(pos int) { rest(p, pos) }
	switch {
	case st.matched():
		next(1)
	case e0.slot == slotNone:
		for _, a := range e0.alts {
			if a[0] != key {
				continue
			}
			for j := 1; j < len(a); j++ {
				addKey(j, a[j])
			}
			next(len(a))
		}
	default:
		s := e0.slot.base()
		switch {
		case oneToken(s):
			if num {
				next(1)
			}
		case s == slotNum && num:
			next(1)
		case s == slotAmount && num:
			if l.numbers.hasDigitKey() {
				anyFrom(1) // a number word written in digits
				break
			}
			next(1)
			walkTrie(&l.magnitudes, 1, next)
		case s == slotDay && num:
			next(1)
			for k := range l.f.ordSuffix {
				addKey(1, k)
			}
			next(2)
		case s == slotNum || s == slotAmount:
			anyFrom(1) // number words: any length
		case num && key == "":
			anyFrom(1) // a lexicon slot at an unknown number
		default:
			t := l.lexOf(s)
			if s == slotDay {
				t = &l.ordinals
			}
			if t == nil {
				anyFrom(1)
				break
			}
			walkTrie(t.next[key], 1, next)
		}
	}
	return all
}

// lexOf returns the lexicon of a slot filled by a phrase of it alone.
func (l *language) lexOf(s slot) *trie {
	switch s.base() {
	case slotMonth:
		return &l.months
	case slotWeekday:
		return &l.weekdays
	case slotCurrency, slotCurSym:
		return &l.currencies
	case slotUnit, slotTUnit:
		return &l.units
	}
	return nil
}

// oneToken reports whether slot s always fills exactly one token (a number
// token).
func oneToken(s slot) bool {
	switch s.base() {
	case slotInt, slotYear, slotYearFrom, slotHour, slotMinute, slotDecade, slotHourMinute:
		return true
	}
	return false
}

// hasDigitKey reports whether some phrase of t starts with a digit.
func (t *trie) hasDigitKey() bool {
	for k := range t.next {
		if digitKey(k) {
			return true
		}
	}
	return false
}

// digitKey reports whether key starts with a digit.
func digitKey(key string) bool {
	return key != "" && key[0] >= '0' && key[0] <= '9'
}
