package temporal

// fill runs the recogniser of slot s at token ti and writes up to four
// alternative fillings (longest first) into res; apply adds one to caps.
func (m *matcher) fill(s slot, ti int, c *caps, res *[4]slotRes) int {
	toks := m.toks
	t := &toks[ti]
	l := m.l
	switch s {
	case slotNum:
		d, end, ok := m.number(ti)
		if !ok {
			return 0
		}
		res[0] = slotRes{end: end, d: d}
		return 1
	case slotAmount:
		return m.amount(ti, res)
	case slotInt:
		if t.kind != kNum || t.plain == 0 || t.plain > 4 || c.nints >= len(c.ints) {
			return 0
		}
		res[0] = slotRes{end: ti + 1, n: int(t.ival)}
		return 1
	case slotDay:
		if t.kind == kNum {
			if t.plain == 0 || t.plain > 2 || t.ival < 1 || t.ival > 31 {
				return 0
			}
			end := ti + 1
			if end < len(toks) && !toks[end].space && toks[end].lex&lexOrdSuffix != 0 {
				end++
			}
			if end < len(toks) && toks[end].kind == kNum && !toks[end].space {
				return 0
			}
			res[0] = slotRes{end: end, n: int(t.ival)}
			return 1
		}
		var lm [4]lexMatch
		if l.ordinals.lookup(toks, ti, &lm) == 0 {
			return 0
		}
		res[0] = slotRes{end: lm[0].end, n: lm[0].e.n}
		return 1
	case slotMonth, slotWeekday:
		var lm [4]lexMatch
		tr, ok := &l.months, m.monthOK
		if s == slotWeekday {
			tr, ok = &l.weekdays, m.weekdayOK
		}
		n := tr.lookup(toks, ti, &lm)
		k := 0
		for j := 0; j < n; j++ {
			if ok(ti, lm[j].end, lm[j].e) {
				res[k] = slotRes{end: lm[j].end, n: lm[j].e.n}
				k++
			}
		}
		return k
	case slotYear:
		if t.kind != kNum || t.plain != 4 || t.ival < 1000 || t.ival > 2999 || !m.yearFollowOK(ti+1) {
			return 0
		}
		res[0] = slotRes{end: ti + 1, n: int(t.ival)}
		return 1
	case slotYearFrom:
		if t.kind != kNum || t.plain != 4 || t.ival < 1000 || t.ival > 2999 || !m.yearDash(ti+1) {
			return 0
		}
		res[0] = slotRes{end: ti + 1, n: int(t.ival)}
		return 1
	case slotHourMinute:
		k := m.key(ti)
		if t.kind != kNum || t.plain != 0 || len(k) < 4 || len(k) > 5 || k[len(k)-3] != '.' && k[len(k)-3] != ',' {
			return 0
		}
		h, mm := 0, 0
		for _, c := range k[:len(k)-3] {
			if c < '0' || c > '9' {
				return 0
			}
			h = h*10 + int(c-'0')
		}
		for _, c := range k[len(k)-2:] {
			if c < '0' || c > '9' {
				return 0
			}
			mm = mm*10 + int(c-'0')
		}
		if h > 24 || mm > 59 {
			return 0
		}
		res[0] = slotRes{end: ti + 1, n: h*100 + mm}
		return 1
	case slotDecade:
		if t.kind != kNum || t.ival%10 != 0 {
			return 0
		}
		switch {
		case t.plain == 4 && t.ival >= 1000 && t.ival <= 2990:
			res[0] = slotRes{end: ti + 1, n: int(t.ival)}
		case t.plain == 2:
			res[0] = slotRes{end: ti + 1, n: 1900 + int(t.ival)}
		default:
			return 0
		}
		return 1
	case slotHour:
		if t.kind != kNum || t.plain == 0 || t.plain > 2 || t.ival > 24 {
			return 0
		}
		res[0] = slotRes{end: ti + 1, n: int(t.ival)}
		return 1
	case slotMinute:
		if t.kind != kNum || t.plain != 2 || t.ival > 59 {
			return 0
		}
		res[0] = slotRes{end: ti + 1, n: int(t.ival)}
		return 1
	case slotCurrency, slotCurSym, slotUnit, slotTUnit:
		var lm [4]lexMatch
		tr := &l.currencies
		if s == slotUnit || s == slotTUnit {
			tr = &l.units
		}
		n := tr.lookup(toks, ti, &lm)
		k := 0
		for j := 0; j < n; j++ {
			e := lm[j].e
			if s == slotCurSym && e.flags&flagSym == 0 || s == slotTUnit && e.kind != "duration" ||
				e.flags&flagAbbr != 0 && t.space {
				continue // an abbreviated unit is glued to its number: "40C"
			}
			res[k] = slotRes{end: lm[j].end, eid: e.id}
			k++
		}
		return k
	}
	return 0
}

// apply records the filling r of slot s.
func (c *caps) apply(s slot, r *slotRes) {
	switch s {
	case slotNum, slotAmount:
		c.num, c.hasNum = r.d, true
	case slotInt:
		c.ints[c.nints] = r.n
		c.nints++
	case slotDay:
		c.day = r.n
	case slotMonth:
		c.month = r.n
	case slotWeekday:
		c.wday = r.n
	case slotYear, slotYearFrom:
		c.year = r.n
	case slotDay2:
		c.day2 = r.n
	case slotMonth2:
		c.month2 = r.n
	case slotWeekday2:
		c.wday2 = r.n
	case slotYear2:
		c.year2 = r.n
	case slotDecade:
		c.decade = r.n
	case slotHour:
		c.hh = r.n
	case slotHourMinute:
		c.hh, c.mm = r.n/100, r.n%100
	case slotMinute:
		c.mm = r.n
	case slotCurrency, slotCurSym:
		c.cur = r.eid
	case slotUnit, slotTUnit:
		c.unit = r.eid
	}
}

// number reads a number in digits or in words at token ti.
func (m *matcher) number(ti int) (dec, int, bool) {
	t := &m.toks[ti]
	if t.kind == kNum {
		// The value of its digits (and separators), frac of them after
		// the decimal mark.
		d, ok := digitsDec(m.keys.s[t.bs:t.be], int(t.frac))
		if !ok {
			return dec{}, 0, false
		}
		// A digit run glued to a following digit run ("18.06") is not a
		// plain number.
		if ti+1 < len(m.toks) && !m.toks[ti+1].space && m.toks[ti+1].kind == kPunct &&
			ti+2 < len(m.toks) && m.toks[ti+2].kind == kNum && !m.toks[ti+2].space &&
			(m.key(ti+1) == "." || m.key(ti+1) == ",") {
			return dec{}, 0, false
		}
		return d, ti + 1, true
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
		if i+1 < len(toks) && (m.key(i) == "-" && !toks[i].space || toks[i].lex&lexNumberJoin != 0) &&
			l.numbers.has(&toks[i+1]) {
			i++
		}
	}
	if end < 0 {
		return dec{}, 0, false
	}
	r, ok := total.add(cur)
	return r, end, ok
}

// approx returns d as a float64, for ordering number words only.
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
func (m *matcher) amount(ti int, res *[4]slotRes) int {
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
			res[k] = slotRes{end: lm[j].end, d: v}
			k++
		}
	}
	if !onlyMag {
		res[k] = slotRes{end: end, d: base}
		k++
	}
	return k
}

// nextContext reports whether the token at end dates the month or weekday
// before it: a day or year number, or a word such as "dernier", "last".
func (m *matcher) nextContext(end int) bool {
	if end >= len(m.toks) || m.toks[end].nl {
		return false
	}
	n := &m.toks[end]
	if n.kind == kNum && (n.plain == 4 || n.plain > 0 && n.plain <= 2 && n.ival >= 1 && n.ival <= 31) {
		return true
	}
	return n.lex&lexMonthAfter != 0
}

// prevContext reports whether the tokens before ti date the month or
// weekday at ti: a day number ("3 mars", "3rd May") or a context word ("en
// mars", "in May", "mi-mars").
func (m *matcher) prevContext(ti int) bool {
	toks := m.toks
	if ti == 0 || toks[ti].nl {
		return false
	}
	p := ti - 1
	if m.key(p) == "-" && !toks[ti].space && !toks[p].space && p > 0 {
		p--
	}
	q := &toks[p]
	if q.kind == kNum && q.plain > 0 && q.plain <= 2 && q.ival >= 1 && q.ival <= 31 {
		return true
	}
	if q.lex&lexOrdSuffix != 0 && !q.space && p > 0 && toks[p-1].kind == kNum && toks[p-1].plain <= 2 {
		return true
	}
	return q.lex&lexMonthContext != 0
}

func (m *matcher) monthOK(ti, end int, e *entry) bool {
	t := &m.toks[ti]
	f := &m.l.f
	if f.monthUpper && !t.upper {
		return false
	}
	if f.nameCheck && end < len(m.toks) && !m.toks[end].nl && m.toks[end].kind == kWord && m.toks[end].upper &&
		!m.l.months.has(&m.toks[end]) && !m.l.weekdays.has(&m.toks[end]) && !m.prevContext(ti) {
		return false // a first name: "April Ryan", "June Carter"
	}
	need := e.flags&flagAmb != 0 || f.monthLower && t.upper
	return !need || m.nextContext(end) || m.prevContext(ti)
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
		ni := end
		if m.key(ni) == "," && end+1 < len(m.toks) {
			ni = end + 1
		}
		n := &m.toks[ni]
		if n.kind == kNum && n.plain > 0 && n.plain <= 2 || m.l.months.has(&m.toks[ni]) {
			return true
		}
	}
	return false
}

// yearFollowOK rejects a year reading when the number is followed by a
// unit, a currency or a magnitude ("2000 euros", "1500 km"), but for a
// unit flagged afteryear, also the noun of a year ("2014 года").
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
	if l.currencies.lookup(m.toks, i, &lm) > 0 || l.magnitudes.lookup(m.toks, i, &lm) > 0 {
		return false
	}
	n := l.units.lookup(m.toks, i, &lm)
	for j := 0; j < n; j++ {
		if lm[j].e.flags&flagAfterYear != 0 {
			continue // "2014 года": the year's own noun, not a measure of it
		}
		if lm[j].e.flags&flagAbbr == 0 || !t.space {
			return false // an abbreviated unit counts glued only ("2021 ha": has)
		}
	}
	if t.kind == kNum && t.space {
		return false
	}
	// "2024-06-18", "2024/25": part of a numeric date or range.
	if !t.space && t.kind == kPunct && (m.key(i) == "-" || m.key(i) == "–" || m.key(i) == "/" || m.key(i) == ".") &&
		i+1 < len(m.toks) && m.toks[i+1].kind == kNum && !m.toks[i+1].space {
		return false
	}
	return true
}

// yearDash reports whether a dash and a four-digit number follow at i,
// glued ("2020-2022", "1914–1918").
func (m *matcher) yearDash(i int) bool {
	if i+1 >= len(m.toks) {
		return false
	}
	d, n := &m.toks[i], &m.toks[i+1]
	return (m.key(i) == "-" || m.key(i) == "–") && !d.space && !n.space && n.kind == kNum && n.plain == 4
}
