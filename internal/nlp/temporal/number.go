package temporal

import "strconv"

// maxMant bounds the mantissa of a dec so that products and sums of two
// mantissas are detected before they overflow.
const maxMant = 999_999_999_999_999_999

// dec is an exact decimal number m × 10^e, used so that "3,5 milliards"
// becomes 3500000000 without binary floating-point error.
type dec struct {
	m uint64
	e int
}

func decInt(v uint64) dec { return dec{m: v}.norm() }

func (d dec) norm() dec {
	if d.m == 0 {
		return dec{}
	}
	for d.m%10 == 0 {
		d.m /= 10
		d.e++
	}
	return d
}

func (d dec) isZero() bool { return d.m == 0 }

// isInt reports whether d is a whole number.
func (d dec) isInt() bool { return d.e >= 0 }

// int returns d as an int when it is a whole number below 1e9.
func (d dec) int() (int, bool) {
	if d.e < 0 || d.e > 9 {
		return 0, d.m == 0
	}
	v := d.m
	for i := 0; i < d.e; i++ {
		v *= 10
	}
	if v > 1_000_000_000 {
		return 0, false
	}
	return int(v), true
}

func mulOK(a, b uint64) (uint64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	if a > maxMant/b {
		return 0, false
	}
	return a * b, true
}

func (d dec) mul(o dec) (dec, bool) {
	m, ok := mulOK(d.m, o.m)
	if !ok {
		return dec{}, false
	}
	r := dec{m: m, e: d.e + o.e}.norm()
	if r.e > 30 || r.e < -18 {
		return dec{}, false
	}
	return r, true
}

func (d dec) add(o dec) (dec, bool) {
	if d.m == 0 {
		return o, true
	}
	if o.m == 0 {
		return d, true
	}
	for d.e > o.e {
		m, ok := mulOK(d.m, 10)
		if !ok {
			return dec{}, false
		}
		d.m, d.e = m, d.e-1
	}
	for o.e > d.e {
		m, ok := mulOK(o.m, 10)
		if !ok {
			return dec{}, false
		}
		o.m, o.e = m, o.e-1
	}
	if d.m > maxMant-o.m {
		return dec{}, false
	}
	return dec{m: d.m + o.m, e: d.e}.norm(), true
}

// String formats d in plain decimal notation ("3500000000", "0.5").
func (d dec) String() string {
	if d.m == 0 {
		return "0"
	}
	s := strconv.FormatUint(d.m, 10)
	if d.e >= 0 {
		b := make([]byte, 0, len(s)+d.e)
		b = append(b, s...)
		for i := 0; i < d.e; i++ {
			b = append(b, '0')
		}
		return string(b)
	}
	k := -d.e
	if k >= len(s) {
		b := make([]byte, 0, k+2)
		b = append(b, '0', '.')
		for i := 0; i < k-len(s); i++ {
			b = append(b, '0')
		}
		return string(append(b, s...))
	}
	return s[:len(s)-k] + "." + s[len(s)-k:]
}

// parseDec parses a plain decimal literal as written in the data files
// ("12", "0.5", "1000000000").
func parseDec(s string) (dec, bool) {
	var d dec
	seenDot, digits := false, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' && !seenDot:
			seenDot = true
		case c >= '0' && c <= '9':
			m, ok := mulOK(d.m, 10)
			if !ok || m > maxMant-uint64(c-'0') {
				return dec{}, false
			}
			d.m = m + uint64(c-'0')
			if seenDot {
				d.e--
			}
			digits++
		default:
			return dec{}, false
		}
	}
	if digits == 0 {
		return dec{}, false
	}
	return d.norm(), true
}

// digitsDec builds a dec from the ASCII digits of raw, skipping any other
// byte, with frac digits after the decimal mark. ok is false when the
// number has more significant digits than a dec holds.
func digitsDec(raw string, frac int) (dec, bool) {
	var d dec
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c < '0' || c > '9' {
			continue
		}
		if d.m == 0 && c == '0' {
			continue
		}
		m, ok := mulOK(d.m, 10)
		if !ok || m > maxMant-uint64(c-'0') {
			return dec{}, false
		}
		d.m = m + uint64(c-'0')
	}
	d.e = -frac
	return d.norm(), true
}
