package temporal

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

type actKind uint8

const (
	actDate      actKind = iota + 1 // absolute date from the captured day, month, year, weekday
	actNumDate                      // numeric date d/m/y or m/d/y (the language's dateorder)
	actISODate                      // y-m-d
	actDay                          // ref ± k days
	actWeek                         // ISO week of ref ± k weeks
	actMonth                        // month of ref ± k
	actYear                         // year of ref ± k
	actAgo                          // ref − n units
	actIn                           // ref + n units
	actWeekday                      // named weekday: k=0 nearest (past-leaning), −1 last, +1 next
	actMonthRel                     // named month: −1 last, +1 next, 0 this year's
	actMonthYear                    // named month of the year ref + k
	actDecade                       // decade
	actQuarter                      // quarter k of the captured year (or ref's)
	actHalf                         // half-year k of the captured year (or ref's)
	actTime                         // time of day
	actMoney                        // amount + currency
	actQuantity                     // amount + unit (PERCENT when the unit is a percent)
	actSkip                         // consume the words, report nothing ("por la mañana")
	actSeason                       // season CODE K: 21 spring … 24 winter; K −1 last, 0 this, 1 next
	actWeekend                      // weekend K: −1 last, 0 this, 1 next
	actRange                        // interval from the first captured date to the second (<day2> …)
	actUntil                        // interval open at the start, up to the captured date
)

// actionByName returns the action written name in patterns (used at load
// time only).
func actionByName(name string) (actKind, bool) {
	k, ok := map[string]actKind{
		"date": actDate, "numdate": actNumDate, "isodate": actISODate, "day": actDay, "week": actWeek,
		"month": actMonth, "year": actYear, "ago": actAgo, "in": actIn, "weekday": actWeekday,
		"monthrel": actMonthRel, "monthyear": actMonthYear, "decade": actDecade, "quarter": actQuarter, "half": actHalf,
		"time": actTime, "money": actMoney, "quantity": actQuantity, "skip": actSkip, "season": actSeason,
		"weekend": actWeekend, "range": actRange, "until": actUntil,
	}[name]
	return k, ok
}

type action struct {
	kind     actKind
	k        int  // fixed offset
	useN     bool // offset is the captured number (times sign)
	sign     int
	fixed    dec // fixed number (ago 1, quantity 0.5)
	hasFixed bool
	// quantity: a number added to the amount ("+0.5": "two and a half
	// years") or multiplying it ("*0.01": basis points), when set.
	plus, times       dec
	hasPlus, hasTimes bool
	neg               bool   // quantity: written with a word for minus ("minus 3 degrees")
	unit              string // fixed unit (quantity … year)
	ukind             string
	ampm              int  // time: 1 am, 2 pm
	utc               bool // time: given in UTC/GMT (value ends in Z)
	hh, mm            int  // time: fixed hour and minute, hh < 0 when not fixed
}

func parseAction(s string) (action, error) {
	f := strings.Fields(s)
	a := action{hh: -1}
	if len(f) == 0 {
		return a, fmt.Errorf("no action: %w", errSyntax)
	}
	kind, ok := actionByName(f[0])
	if !ok {
		return a, fmt.Errorf("unknown action %q: %w", f[0], errSyntax)
	}
	a.kind = kind
	args := f[1:]
	switch kind {
	case actSeason:
		if len(args) != 2 {
			return a, fmt.Errorf("season: want CODE K: %w", errSyntax)
		}
		code, err1 := strconv.Atoi(args[0])
		k, err2 := strconv.Atoi(args[1])
		if err1 != nil || err2 != nil || code < 21 || code > 24 {
			return a, fmt.Errorf("season %q: want CODE (21–24) K: %w", s, errSyntax)
		}
		a.hh, a.k = code, k
	case actDay, actWeek, actMonth, actYear, actWeekday, actMonthRel, actMonthYear, actQuarter, actHalf, actWeekend, actDecade:
		if len(args) == 0 {
			break
		}
		switch args[0] {
		case "n", "+n":
			a.useN, a.sign = true, 1
		case "-n":
			a.useN, a.sign = true, -1
		default:
			k, err := strconv.Atoi(args[0])
			if err != nil {
				return a, fmt.Errorf("offset %q: %w", args[0], err)
			}
			a.k = k
		}
	case actAgo, actIn:
		if len(args) > 0 {
			d, ok := parseDec(args[0])
			if !ok {
				return a, fmt.Errorf("number %q: %w", args[0], errSyntax)
			}
			a.fixed, a.hasFixed = d, true
		}
		if len(args) > 1 {
			a.unit = args[1]
		}
	case actQuantity:
		for _, x := range args {
			if x == "neg" {
				a.neg = true
			} else if len(x) > 1 && (x[0] == '+' || x[0] == '*') {
				d, ok := parseDec(x[1:])
				if !ok {
					return a, fmt.Errorf("number %q: %w", x, errSyntax)
				}
				if x[0] == '+' {
					a.plus, a.hasPlus = d, true
				} else {
					a.times, a.hasTimes = d, true
				}
			} else if d, ok := parseDec(x); ok {
				a.fixed, a.hasFixed = d, true
			} else if a.unit == "" {
				a.unit = x
			} else {
				a.ukind = x
			}
		}
	case actTime:
		for _, x := range args {
			switch x {
			case "am":
				a.ampm = 1
			case "pm":
				a.ampm = 2
			case "Z":
				a.utc = true
			default:
				h, m, ok := strings.Cut(x, ":")
				hv, err1 := strconv.Atoi(h)
				mv, err2 := strconv.Atoi(m)
				if !ok || err1 != nil || err2 != nil {
					return a, fmt.Errorf("time %q: want HH:MM: %w", x, errSyntax)
				}
				a.hh, a.mm = hv, mv
			}
		}
	}
	return a, nil
}

// refDate is the anchor of relative expressions.
type refDate struct {
	t       time.Time
	ok      bool
	y, m, d int
	wd      int // ISO weekday, Monday = 1
	days    int // the day of t, in days from 1970-01-01 (see civilDays)
}

func newRef(t time.Time) refDate {
	if t.IsZero() {
		return refDate{}
	}
	y, m, d := t.Date()
	r := refDate{t: time.Date(y, m, d, 12, 0, 0, 0, time.UTC), ok: true, y: y, m: int(m), d: d}
	r.days = civilDays(y, int(m), d)
	r.wd = int(t.Weekday())
	if r.wd == 0 {
		r.wd = 7
	}
	return r
}

// result is an evaluated match.
type result struct {
	typ         string
	val         string
	conf        float64
	first, last int
}

// daysIn returns the number of days of month m of year y (m normalised as
// time.Date does: month 13 is January of y+1).
func daysIn(y, m int) int {
	switch m {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 1, 3, 5, 7, 8, 10, 12:
		return 31
	}
	return civilDays(y, m+1, 1) - civilDays(y, m, 1)
}

// civilDays returns the day y-m-d of the proleptic Gregorian calendar in
// days from 1970-01-01, m and d normalised as time.Date does (month 13 is
// January of y+1, day 0 the last of the month before). It is the
// arithmetic time.Date does, without its time of day and location, for the
// few dates an expression reads (Howard Hinnant's days_from_civil).
func civilDays(y, m, d int) int {
	// Months 1..12, and years to match.
	m--
	y += m / 12
	if m %= 12; m < 0 {
		m += 12
		y--
	}
	m++
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era-- // floor division
	}
	yoe := y - era*400
	mp := (m + 9) % 12 // March = 0
	doy := (153*mp + 2) / 5
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468 + d - 1
}

// civilDate returns the date of day z, in days from 1970-01-01 (the
// inverse of civilDays; Howard Hinnant's civil_from_days).
func civilDate(z int) (y, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
		y++
	}
	return y, m, d
}

// civilWeekday returns the ISO weekday (Monday = 1) of day z, in days from
// 1970-01-01 (a Thursday).
func civilWeekday(z int) int {
	return ((z%7+7)%7+3)%7 + 1
}

// fmtDay formats the day k days from ref, as ref.t.AddDate(0, 0, k)
// would give it.
func (r refDate) fmtDay(k int) string {
	y, m, d := civilDate(r.days + k)
	return fmtYMD(y, m, d)
}

func appendPad(b []byte, v, w int) []byte {
	var t [20]byte
	s := strconv.AppendInt(t[:0], int64(v), 10)
	for i := len(s); i < w; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func fmtYMD(y, m, d int) string {
	var a [16]byte
	b := appendPad(a[:0], y, 4)
	if m > 0 {
		b = append(b, '-')
		b = appendPad(b, m, 2)
		if d > 0 {
			b = append(b, '-')
			b = appendPad(b, d, 2)
		}
	}
	return string(b)
}

// chooseYear picks the year of a date written without one: the candidate
// (ref's year, the one before or after) nearest to ref, a future date
// counting double (wires mostly report the past). A weekday written with
// the date ("Tuesday, Nov. 5") picks the year where it fits, unless the
// nearest candidate lies within a month of ref: then the day number wins
// and the weekday is taken for a slip. Without a weekday, the tense of the
// clause keeps the date on its side of ref ("sales rose in September" is
// the last September, "will take effect on Jan. 1" the next January).
func (r refDate) chooseYear(m, d, wd int, tense int8) int {
	best, bestScore := r.y, int64(-1)
	fitBest, fitScore := 0, int64(-1)
	for y := r.y - 1; y <= r.y+1; y++ {
		var diff int64
		if d == 0 {
			diff = int64((y-r.y)*12 + m - r.m)
		} else {
			if d > daysIn(y, m) {
				continue
			}
			diff = int64(civilDays(y, m, d) - r.days)
		}
		if wd == 0 && (tense == tensePast && diff > 0 || tense == tenseFuture && diff < 0) {
			continue // "sales rose in September": not the one ahead
		}
		score := diff
		if score < 0 {
			score = -score
		} else {
			score *= 2
		}
		if bestScore < 0 || score < bestScore {
			best, bestScore = y, score
		}
		if wd != 0 && d != 0 && civilWeekday(civilDays(y, m, d)) == wd &&
			(fitScore < 0 || score < fitScore) {
			fitBest, fitScore = y, score
		}
	}
	if fitScore >= 0 && best != fitBest {
		near := civilDays(best, m, d) - r.days
		if near < 0 {
			near = -near
		}
		if near > 31 {
			return fitBest
		}
	}
	return best
}

// weekdayOffset returns the day offset from ref of weekday wd: k = 0 picks
// the one in [ref−4, ref+2], k = −1 the one in [ref−7, ref−1], k = +1 the
// one in [ref+1, ref+7].
func (r refDate) weekdayOffset(wd, k int) int {
	o := ((wd-r.wd)%7 + 7) % 7 // 0..6, forward
	switch {
	case k < 0:
		if o == 0 {
			return -7
		}
		return o - 7
	case k > 0:
		if o == 0 {
			return 7
		}
		return o
	}
	if o > 2 {
		return o - 7
	}
	return o
}

// bareWeekday returns the day offset from the reference of weekday wd,
// captured in c without a word that places it ("jeudi", "ce jeudi"): read
// with the tense of the words before it when they show one.
func (m *matcher) bareWeekday(wd int, c *caps) int {
	return m.ref.weekdayTense(wd, m.tenseAt(c.first, false))
}

// tenseAt is the tense of the words before token tok (tenseBefore),
// remembered for the next patterns that complete there.
func (m *matcher) tenseAt(tok int, spans bool) int8 {
	if tok < 0 || tok >= len(m.toks) || m.l.tense.empty() {
		return tenseNone
	}
	if mm := &m.tenseMemo; mm.tok == tok+1 && mm.spans == spans {
		return mm.t
	}
	t := m.l.tense.tenseBefore(m.src, int(m.toks[tok].bs), spans)
	m.tenseMemo.tok, m.tenseMemo.spans, m.tenseMemo.t = tok+1, spans, t
	return t
}

// season returns the year a season instance starts in (ISO 8601-2 season
// codes: 21 spring from March, 22 summer from June, 23 autumn from
// September, 24 winter from December): k = −1 the last one that ended
// before ref's month, 1 the next one that starts after it, 0 the one of
// ref's year (for winter, the one that began in December before a January
// or February ref).
func (r refDate) season(code, k int) int {
	start := 3 * (code - 20) // 3, 6, 9, 12
	now := r.y*12 + r.m
	switch {
	case k < 0:
		y := r.y
		for y*12+start+2 >= now {
			y--
		}
		return y
	case k > 0:
		y := r.y - 1
		for y*12+start <= now {
			y++
		}
		return y
	}
	if code == 24 && r.m <= 2 {
		return r.y - 1
	}
	return r.y
}

// weekendOffset returns the day offset from ref of the Saturday of a
// weekend: k = 0 the one in [ref−2, ref+4] ("ce week-end" read on a Monday
// is the one just past), −1 the last one ended before ref, 1 the next one
// starting after ref.
func (r refDate) weekendOffset(k int) int {
	o := 6 - r.wd // Saturday of ref's ISO week: Monday +5 … Sunday −1
	switch {
	case k < 0:
		return o - 7
	case k > 0:
		if o > 0 {
			return o
		}
		return o + 7
	}
	if o > 4 {
		return o - 7
	}
	return o
}

func (m *matcher) eval(a *action, c *caps) (result, bool) {
	r := m.ref
	date := func(v string, conf float64) (result, bool) { return result{typ: "DATE", val: v, conf: conf}, true }
	k := a.k
	if a.useN {
		if !c.hasNum || !c.num.isInt() {
			return result{}, false
		}
		n, ok := c.num.int()
		if !ok || n > 10000 {
			return result{}, false
		}
		k = a.sign * n
	}
	switch a.kind {
	case actSkip:
		return result{}, true
	case actSeason:
		if c.year != 0 {
			return date(strconv.Itoa(c.year)+"-"+strconv.Itoa(a.hh), 0.85)
		}
		if !r.ok {
			return date("", 0.8)
		}
		return date(strconv.Itoa(r.season(a.hh, k))+"-"+strconv.Itoa(a.hh), 0.8)
	case actWeekend:
		if !r.ok {
			return date("", 0.8)
		}
		sat := r.weekendOffset(k)
		return date(r.fmtDay(sat)+"/"+r.fmtDay(sat+1), 0.8)
	case actRange:
		return m.evalRange(c)
	case actUntil:
		res, ok := m.eval(&action{kind: actDate}, c)
		if !ok || res.val == "" || strings.Contains(res.val, "/") {
			return res, ok
		}
		res.val = "../" + res.val
		return res, true
	case actDate:
		y, mo, d, wd := c.year, c.month, c.day, c.wday
		switch {
		case mo == 0 && d == 0 && y == 0 && wd != 0:
			if !r.ok {
				return date("", 0.8)
			}
			return date(r.fmtDay(m.bareWeekday(wd, c)), 0.8)
		case mo == 0 && d != 0:
			return result{}, false
		case mo == 0 && y != 0:
			return date(fmtYMD(y, 0, 0), 0.9)
		case mo == 0:
			return result{}, false
		}
		if d > 31 || d > 0 && y == 0 && d > daysIn(2024, mo) {
			return result{}, false
		}
		if y == 0 {
			if !r.ok {
				return date("", 0.85)
			}
			y = r.chooseYear(mo, d, wd, m.tenseAt(c.first, false))
		}
		if d > daysIn(y, mo) {
			return result{}, false
		}
		return date(fmtYMD(y, mo, d), 0.95)
	case actNumDate, actISODate:
		var y, mo, d int
		if a.kind == actISODate {
			if c.nints != 3 || c.ints[0] < 1000 {
				return result{}, false
			}
			y, mo, d = c.ints[0], c.ints[1], c.ints[2]
		} else {
			if c.nints != 3 {
				return result{}, false
			}
			a0, a1, a2 := c.ints[0], c.ints[1], c.ints[2]
			y = a2
			d, mo = a0, a1
			if !m.l.f.dayFirst {
				d, mo = a1, a0
			}
			if mo > 12 && d <= 12 {
				d, mo = mo, d
			}
			switch {
			case y < 100 && y >= 50:
				y += 1900
			case y < 100:
				y += 2000
			case y < 1000:
				return result{}, false
			}
		}
		if mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) {
			return result{}, false
		}
		return date(fmtYMD(y, mo, d), 0.9)
	case actDay:
		if !r.ok {
			return date("", 0.85)
		}
		return date(r.fmtDay(k), 0.9)
	case actWeek:
		if !r.ok {
			return date("", 0.85)
		}
		y, w := r.t.AddDate(0, 0, 7*k).ISOWeek()
		var a [16]byte
		b := appendPad(a[:0], y, 4)
		b = append(b, '-', 'W')
		return date(string(appendPad(b, w, 2)), 0.85)
	case actMonth:
		if !r.ok {
			return date("", 0.85)
		}
		t := time.Date(r.y, time.Month(r.m), 1, 12, 0, 0, 0, time.UTC).AddDate(0, k, 0)
		return date(fmtYMD(t.Year(), int(t.Month()), 0), 0.85)
	case actYear:
		if !r.ok {
			return date("", 0.85)
		}
		return date(fmtYMD(r.y+k, 0, 0), 0.9)
	case actAgo, actIn:
		if a.kind == actIn && m.tenseAt(c.first, true) == tensePast {
			// "rose by 5% in three months", "its highest level in 23
			// years": a span of time up to the clause's past, not a date
			// ahead (the number and unit are then read as a duration).
			return result{}, false
		}
		n := c.num
		if a.hasFixed {
			n = a.fixed
		} else if !c.hasNum {
			return result{}, false
		}
		ni, ok := n.int()
		if !ok || !n.isInt() || ni > 5000 {
			return result{}, false
		}
		if a.kind == actAgo {
			ni = -ni
		}
		unit := ""
		if c.unit != 0 {
			unit = m.l.ents[c.unit-1].val
		}
		if a.unit != "" {
			unit = a.unit
		}
		if !r.ok {
			return date("", 0.8)
		}
		switch unit {
		case "day":
			return date(r.fmtDay(ni), 0.85)
		case "week":
			return date(r.fmtDay(7*ni), 0.85)
		case "month":
			t := time.Date(r.y, time.Month(r.m), 1, 12, 0, 0, 0, time.UTC).AddDate(0, ni, 0)
			return date(fmtYMD(t.Year(), int(t.Month()), 0), 0.85)
		case "year":
			return date(fmtYMD(r.y+ni, 0, 0), 0.85)
		case "decade":
			return date(fmtYMD(r.y+10*ni, 0, 0), 0.8)
		}
		// Hours and minutes ("il y a deux heures") are left to QUANTITY.
		return result{}, false
	case actWeekday:
		if c.wday == 0 {
			return result{}, false
		}
		if !r.ok {
			return date("", 0.8)
		}
		if k == 0 {
			return date(r.fmtDay(m.bareWeekday(c.wday, c)), 0.85)
		}
		return date(r.fmtDay(r.weekdayOffset(c.wday, k)), 0.85)
	case actMonthRel, actMonthYear:
		if c.month == 0 {
			return result{}, false
		}
		if !r.ok {
			return date("", 0.85)
		}
		y := r.y + k
		if a.kind == actMonthRel {
			y = r.y
			// "20 mai dernier" on 29 May is this year's; "mai dernier"
			// in May, last year's.
			same := c.month == r.m && (c.day == 0 || c.day == r.d)
			switch {
			case k < 0 && (c.month > r.m || same || c.month == r.m && c.day > r.d):
				y--
			case k > 0 && (c.month < r.m || same || c.month == r.m && c.day < r.d):
				y++
			}
		}
		if c.day > daysIn(y, c.month) {
			return result{}, false
		}
		return date(fmtYMD(y, c.month, c.day), 0.9)
	case actDecade:
		if a.k != 0 { // a fixed decade: "años noventa" = decade 199
			return date(strconv.Itoa(a.k), 0.85)
		}
		if c.decade == 0 {
			return result{}, false
		}
		return date(strconv.Itoa(c.decade/10), 0.85)
	case actQuarter, actHalf:
		part, n := "-Q", 4
		if a.kind == actHalf {
			part, n = "-H", 2
		}
		if k < 1 || k > n {
			return result{}, false
		}
		y := c.year
		if y == 0 {
			if !r.ok {
				return date("", 0.85)
			}
			y = r.y
		}
		return date(fmtYMD(y, 0, 0)+part+strconv.Itoa(k), 0.85)
	case actTime:
		hh, mm := c.hh, c.mm
		if a.hh >= 0 {
			hh, mm = a.hh, a.mm
		}
		if hh < 0 && c.nints == 1 && c.ints[0] >= 100 {
			hh, mm = c.ints[0]/100, c.ints[0]%100 // "0800 GMT"
		}
		if hh < 0 {
			return result{}, false
		}
		if mm < 0 {
			mm = 0
		}
		switch a.ampm {
		case 1:
			if hh > 12 || hh == 0 {
				return result{}, false
			}
			if hh == 12 {
				hh = 0
			}
		case 2:
			if hh > 12 || hh == 0 {
				return result{}, false
			}
			if hh < 12 {
				hh += 12
			}
		}
		if hh > 24 || mm > 59 || hh == 24 && mm > 0 {
			return result{}, false
		}
		b := append(make([]byte, 0, 6), 'T')
		b = appendPad(b, hh, 2)
		b = append(b, ':')
		b = appendPad(b, mm, 2)
		if a.utc {
			b = append(b, 'Z')
		}
		return result{typ: "TIME", val: string(b), conf: 0.9}, true
	case actMoney:
		if !c.hasNum || c.cur == 0 {
			return result{}, false
		}
		return result{typ: "MONEY", val: c.num.String() + " " + m.l.ents[c.cur-1].val, conf: 0.95}, true
	case actQuantity:
		n := c.num
		if a.hasFixed {
			n = a.fixed
		} else if !c.hasNum {
			return result{}, false
		}
		var ok bool
		if a.hasPlus {
			if n, ok = n.add(a.plus); !ok {
				return result{}, false
			}
		}
		if a.hasTimes {
			if n, ok = n.mul(a.times); !ok {
				return result{}, false
			}
		}
		var unit, kind string
		if c.unit != 0 {
			u := m.l.ents[c.unit-1]
			unit, kind = u.val, u.kind
		}
		if a.unit != "" {
			unit, kind = a.unit, a.ukind
		}
		if unit == "" {
			return result{}, false
		}
		v := n.String()
		if a.neg && !n.isZero() {
			v = "-" + v
		}
		if kind == "percent" {
			return result{typ: "PERCENT", val: v, conf: 0.95}, true
		}
		return result{typ: "QUANTITY", val: v + " " + unit, conf: 0.85}, true
	}
	return result{}, false
}

// evalRange resolves a range ("du 3 au 5 juin", "June 3-5, 2024", "entre
// 2020 et 2022") to an ISO 8601 interval, each end at the precision
// written: 2024-06-03/2024-06-05, 2020/2022. What one end leaves out comes
// from the other ("3" takes the month and year of "5 juin 2024"); a range
// without a year is placed like a single date from its start (with the
// tense of the words before it), its end moving to the next year when it
// would come first ("du 28 décembre au 3 janvier"). An end before the start, or a day that does not exist, is no
// range.
func (m *matcher) evalRange(c *caps) (result, bool) {
	y1, m1, d1 := c.year, c.month, c.day
	y2, m2, d2 := c.year2, c.month2, c.day2
	if d1 != 0 && m1 == 0 {
		m1 = m2
	}
	if d2 != 0 && m2 == 0 {
		m2 = m1
	}
	if m1 == 0 && d1 == 0 && y1 == 0 || m2 == 0 && d2 == 0 && y2 == 0 ||
		d1 != 0 && m1 == 0 || d2 != 0 && m2 == 0 || (m1 == 0) != (m2 == 0) || (d1 == 0) != (d2 == 0) {
		return result{}, false
	}
	if d1 > 31 || d2 > 31 {
		return result{}, false
	}
	key := func(y, mo, d int) int { return (y*13+mo)*32 + d }
	switch {
	case y1 == 0 && y2 == 0:
		if m1 == 0 {
			return result{}, false
		}
		if !m.ref.ok {
			return result{typ: "DATE", conf: 0.85}, true
		}
		d := d1
		if d == 0 {
			d = 1
		}
		if d > daysIn(2024, m1) {
			return result{}, false
		}
		y1 = m.ref.chooseYear(m1, d1, c.wday, m.tenseAt(c.first, false))
		y2 = y1
		if key(0, m2, d2) < key(0, m1, d1) {
			y2++
		}
	case y1 == 0:
		y1 = y2
		if key(0, m1, d1) > key(0, m2, d2) {
			y1--
		}
	case y2 == 0:
		y2 = y1
		if key(0, m2, d2) < key(0, m1, d1) {
			y2++
		}
	}
	if d1 > daysIn(y1, max(m1, 1)) || d2 > daysIn(y2, max(m2, 1)) || key(y2, m2, d2) <= key(y1, m1, d1) {
		return result{}, false
	}
	if m1 == 0 && y2-y1 > 100 {
		return result{}, false
	}
	return result{typ: "DATE", val: fmtYMD(y1, m1, d1) + "/" + fmtYMD(y2, m2, d2), conf: 0.9}, true
}
