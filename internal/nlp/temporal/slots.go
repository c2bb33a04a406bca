package temporal

// fill runs the recogniser of slot s at token ti, writing up to four
// alternative fillings (longest first) into res.
func (m *matcher) fill(s slot, ti int, c *caps, res *[4]slotRes) int {
	toks := m.toks
	t := &toks[ti]
	l := m.l
	one := func(end int, c2 caps) int {
		res[0] = slotRes{end: end, c: c2}
		return 1
	}
	switch s {
	case slotNum:
		d, end, ok := m.number(ti)
		if !ok {
			return 0
		}
		c2 := *c
		c2.num, c2.hasNum = d, true
		return one(end, c2)
	case slotAmount:
		return m.amount(ti, c, res)
	case slotInt:
		if t.kind != kNum || t.plain == 0 || t.plain > 4 || c.nints >= len(c.ints) {
			return 0
		}
		c2 := *c
		c2.ints[c2.nints] = t.ival
		c2.nints++
		return one(ti+1, c2)
	case slotDay:
		if t.kind == kNum {
			if t.plain == 0 || t.plain > 2 || t.ival < 1 || t.ival > 31 {
				return 0
			}
			end := ti + 1
			if end < len(toks) && !toks[end].space && l.f.ordSuffix[toks[end].key] {
				end++
			}
			if end < len(toks) && toks[end].kind == kNum && !toks[end].space {
				return 0
			}
			c2 := *c
			c2.day = t.ival
			return one(end, c2)
		}
		var lm [4]lexMatch
		if l.ordinals.lookup(toks, ti, &lm) == 0 {
			return 0
		}
		c2 := *c
		c2.day = lm[0].e.n
		return one(lm[0].end, c2)
	case slotMonth:
		var lm [4]lexMatch
		n := l.months.lookup(toks, ti, &lm)
		k := 0
		for j := 0; j < n; j++ {
			if !m.monthOK(ti, lm[j].end, lm[j].e) {
				continue
			}
			c2 := *c
			c2.month = lm[j].e.n
			res[k] = slotRes{end: lm[j].end, c: c2}
			k++
		}
		return k
	case slotWeekday:
		var lm [4]lexMatch
		n := l.weekdays.lookup(toks, ti, &lm)
		k := 0
		for j := 0; j < n; j++ {
			if !m.weekdayOK(ti, lm[j].end, lm[j].e) {
				continue
			}
			c2 := *c
			c2.wday = lm[j].e.n
			res[k] = slotRes{end: lm[j].end, c: c2}
			k++
		}
		return k
	case slotYear:
		if t.kind != kNum || t.plain != 4 || t.ival < 1000 || t.ival > 2999 || !m.yearFollowOK(ti+1) {
			return 0
		}
		c2 := *c
		c2.year = t.ival
		return one(ti+1, c2)
	case slotDecade:
		if t.kind != kNum || t.ival%10 != 0 {
			return 0
		}
		c2 := *c
		switch {
		case t.plain == 4 && t.ival >= 1000 && t.ival <= 2990:
			c2.decade = t.ival
		case t.plain == 2:
			c2.decade = 1900 + t.ival
		default:
			return 0
		}
		return one(ti+1, c2)
	case slotHour:
		if t.kind != kNum || t.plain == 0 || t.plain > 2 || t.ival > 24 {
			return 0
		}
		c2 := *c
		c2.hh = t.ival
		return one(ti+1, c2)
	case slotMinute:
		if t.kind != kNum || t.plain != 2 || t.ival > 59 {
			return 0
		}
		c2 := *c
		c2.mm = t.ival
		return one(ti+1, c2)
	case slotCurrency, slotCurSym:
		var lm [4]lexMatch
		n := l.currencies.lookup(toks, ti, &lm)
		k := 0
		for j := 0; j < n; j++ {
			if s == slotCurSym && lm[j].e.flags&flagSym == 0 {
				continue
			}
			c2 := *c
			c2.cur = lm[j].e.val
			res[k] = slotRes{end: lm[j].end, c: c2}
			k++
		}
		return k
	case slotUnit, slotTUnit:
		var lm [4]lexMatch
		n := l.units.lookup(toks, ti, &lm)
		k := 0
		for j := 0; j < n; j++ {
			if s == slotTUnit && lm[j].e.kind != "duration" {
				continue
			}
			c2 := *c
			c2.unit, c2.ukind = lm[j].e.val, lm[j].e.kind
			res[k] = slotRes{end: lm[j].end, c: c2}
			k++
		}
		return k
	}
	return 0
}

// number reads a number in digits or in words at token ti.
func (m *matcher) number(ti int) (dec, int, bool) {
	t := &m.toks[ti]
	if t.kind == kNum {
		if !t.numOK {
			return dec{}, 0, false
		}
		// A digit run glued to a following digit run ("18.06") is not a
		// plain number.
		if ti+1 < len(m.toks) && !m.toks[ti+1].space && m.toks[ti+1].kind == kPunct &&
			ti+2 < len(m.toks) && m.toks[ti+2].kind == kNum && !m.toks[ti+2].space &&
			(m.toks[ti+1].key == "." || m.toks[ti+1].key == ",") {
			return dec{}, 0, false
		}
		return t.num, ti + 1, true
	}
	return m.numberWords(ti)
}

// numberWords composes a run of number words ("vingt-quatre", "two
// hundred and five", "deux mille").
func (m *matcher) numberWords(ti int) (dec, int, bool) {
	toks := m.toks
	l := m.l
	var total, cur dec
	prev := 0.0
	end := -1
	i := ti
	for count := 0; i < len(toks) && count < 12; count++ {
		if count > 0 && toks[i].nl {
			break
		}
		var lm [4]lexMatch
		if l.numbers.lookup(toks, i, &lm) == 0 {
			break
		}
		e := lm[0].e
		if e.flags&flagBeforeMag != 0 {
			break
		}
		v := e.d
		fv := approx(v)
		if count > 0 && !(fv < prev || fv >= 100 && fv > prev) {
			break
		}
		var ok bool
		switch {
		case fv >= 1000:
			if cur.isZero() {
				cur = decInt(1)
			}
			if cur, ok = cur.mul(v); !ok {
				return dec{}, 0, false
			}
			if total, ok = total.add(cur); !ok {
				return dec{}, 0, false
			}
			cur = dec{}
		case fv >= 100:
			if cur.isZero() {
				cur = decInt(1)
			}
			if cur, ok = cur.mul(v); !ok {
				return dec{}, 0, false
			}
		default:
			if cur, ok = cur.add(v); !ok {
				return dec{}, 0, false
			}
		}
		prev = fv
		end = lm[0].end
		i = end
		// Joiners: "vingt-quatre", "vingt et un", "hundred and five".
		if i+1 < len(toks) && (toks[i].key == "-" && !toks[i].space || l.f.numberJoin[toks[i].key]) &&
			l.numbers.has(toks[i+1].key) {
			i++
		}
	}
	if end < 0 {
		return dec{}, 0, false
	}
	r, ok := total.add(cur)
	return r, end, ok
}

func approx(d dec) float64 {
	f := float64(d.m)
	for e := d.e; e > 0; e-- {
		f *= 10
	}
	for e := d.e; e < 0; e++ {
		f /= 10
	}
	return f
}

// amount reads a number with an optional magnitude ("3,5 milliards",
// "1.2bn", "a million").
func (m *matcher) amount(ti int, c *caps, res *[4]slotRes) int {
	toks := m.toks
	l := m.l
	base, end, ok := m.number(ti)
	onlyMag := false
	if !ok {
		var lm [4]lexMatch
		if l.numbers.lookup(toks, ti, &lm) == 0 || lm[0].e.flags&flagBeforeMag == 0 {
			return 0
		}
		base, end, onlyMag = lm[0].e.d, lm[0].end, true
	}
	k := 0
	if end < len(toks) {
		var lm [4]lexMatch
		n := l.magnitudes.lookup(toks, end, &lm)
		for j := 0; j < n && k < 3; j++ {
			if lm[j].e.flags&flagAbbr != 0 && toks[end].space {
				// "4,5 Mds €": a spaced abbreviation needs a currency after it.
				var cm [4]lexMatch
				if l.currencies.lookup(toks, lm[j].end, &cm) == 0 {
					continue
				}
			}
			v, ok := base.mul(lm[j].e.d)
			if !ok {
				continue
			}
			c2 := *c
			c2.num, c2.hasNum = v, true
			res[k] = slotRes{end: lm[j].end, c: c2}
			k++
		}
	}
	if !onlyMag {
		c2 := *c
		c2.num, c2.hasNum = base, true
		res[k] = slotRes{end: end, c: c2}
		k++
	}
	return k
}

// contextOK reports whether a month or weekday name at tokens [ti, end) has
// dating context: a day or year number next to it, or a context word.
func (m *matcher) contextOK(ti, end int) bool {
	toks := m.toks
	f := &m.l.f
	if end < len(toks) && !toks[end].nl {
		n := &toks[end]
		if n.kind == kNum && (n.plain == 4 || n.plain > 0 && n.plain <= 2 && n.ival >= 1 && n.ival <= 31) {
			return true
		}
		if f.monthAfter[n.key] {
			return true
		}
	}
	p := ti - 1
	if p >= 0 && !toks[ti].nl && toks[p].key == "-" && !toks[ti].space && !toks[p].space {
		p--
	}
	if p >= 0 && !toks[ti].nl {
		q := &toks[p]
		if q.kind == kNum && q.plain > 0 && q.plain <= 2 && q.ival >= 1 && q.ival <= 31 {
			return true
		}
		if p+1 < len(toks) && toks[p+1].kind == kWord && l2(f.ordSuffix, q, toks, p) {
			return true
		}
		if f.monthContext[q.key] {
			return true
		}
	}
	return false
}

// l2 reports whether token p is an ordinal suffix glued to a day number
// ("1er", "3rd").
func l2(suffix map[string]bool, q *token, toks []token, p int) bool {
	return suffix[q.key] && !q.space && p > 0 && toks[p-1].kind == kNum && toks[p-1].plain <= 2
}

func (m *matcher) monthOK(ti, end int, e *entry) bool {
	t := &m.toks[ti]
	f := &m.l.f
	if f.monthUpper && !t.upper {
		return false
	}
	need := e.flags&flagAmb != 0 || f.monthLower && t.upper
	if !need {
		return true
	}
	return m.contextOK(ti, end)
}

func (m *matcher) weekdayOK(ti, end int, e *entry) bool {
	t := &m.toks[ti]
	f := &m.l.f
	if f.monthUpper && !t.upper {
		return false
	}
	if e.flags&flagAmb == 0 {
		return true
	}
	if end < len(m.toks) {
		n := &m.toks[end]
		if n.key == "," && end+1 < len(m.toks) {
			n = &m.toks[end+1]
		}
		if n.kind == kNum && n.plain > 0 && n.plain <= 2 || m.l.months.has(n.key) {
			return true
		}
	}
	return false
}

// yearFollowOK rejects a year reading when the number is followed by a
// unit, a currency or a magnitude ("2000 euros", "1500 km").
func (m *matcher) yearFollowOK(i int) bool {
	if i >= len(m.toks) {
		return true
	}
	t := &m.toks[i]
	if t.nl {
		return true
	}
	l := m.l
	var lm [4]lexMatch
	if l.currencies.lookup(m.toks, i, &lm) > 0 || l.magnitudes.lookup(m.toks, i, &lm) > 0 ||
		l.units.lookup(m.toks, i, &lm) > 0 {
		return false
	}
	if t.kind == kNum && t.space {
		return false
	}
	// "2024-06-18", "2024/25": part of a numeric date or range.
	if !t.space && t.kind == kPunct && (t.key == "-" || t.key == "/" || t.key == ".") &&
		i+1 < len(m.toks) && m.toks[i+1].kind == kNum && !m.toks[i+1].space {
		return false
	}
	return true
}
