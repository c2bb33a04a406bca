package enrich

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends the JSON encoding of d to dst. The bytes are exactly
// those of json.Marshal(d) (same field order, escaping — HTML characters
// included — and number formatting), produced without reflection: the
// document is encoded once per article on the hot path.
func (d *Document) AppendJSON(dst []byte) ([]byte, error) {
	b := slices.Grow(dst, d.sizeHint())
	b = append(b, `{"schema":`...)
	b = appendString(b, d.Schema)
	b = append(b, `,"id":`...)
	b = appendString(b, d.ID)
	if d.Source != nil {
		b = append(b, `,"source":{"subject":`...)
		b = appendString(b, d.Source.Subject)
		if d.Source.StreamSeq != 0 {
			b = append(b, `,"stream_seq":`...)
			b = strconv.AppendUint(b, d.Source.StreamSeq, 10)
		}
		if d.Source.ReceivedAt != "" {
			b = append(b, `,"received_at":`...)
			b = appendString(b, d.Source.ReceivedAt)
		}
		b = append(b, '}')
	}
	var err error
	if b, err = d.Article.appendJSON(append(b, `,"article":`...)); err != nil {
		return dst, err
	}
	b = append(b, `,"language":{"code":`...)
	b = appendString(b, d.Language.Code)
	b = append(b, `,"confidence":`...)
	if b, err = appendFloat(b, d.Language.Confidence); err != nil {
		return dst, err
	}
	b = append(b, `},"entities":`...)
	if d.Entities == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range d.Entities {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = d.Entities[i].appendJSON(b); err != nil {
				return dst, err
			}
		}
		b = append(b, ']')
	}
	b = append(b, `,"relations":`...)
	if d.Relations == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range d.Relations {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = d.Relations[i].appendJSON(b); err != nil {
				return dst, err
			}
		}
		b = append(b, ']')
	}
	e := &d.Enrichment
	b = append(b, `,"enrichment":{"version":`...)
	b = appendString(b, e.Version)
	if len(e.Models) > 0 {
		b = appendStringMap(append(b, `,"models":`...), e.Models)
	}
	b = append(b, `,"took_ms":`...)
	if b, err = appendFloat(b, e.TookMS); err != nil {
		return dst, err
	}
	b = append(b, `,"at":`...)
	b = appendString(b, e.At)
	b = append(b, "}}"...)
	return b, nil
}

// sizeHint is a generous estimate of the encoded size, so that the
// buffer grows once.
func (d *Document) sizeHint() int {
	n := 1024 + len(d.Article.Headline) + len(d.Article.Body) + 256*len(d.Relations)
	for i := range d.Entities {
		e := &d.Entities[i]
		n += 160 + len(e.Name) + len(e.Value) + 48*len(e.Links)
		for j := range e.Mentions {
			n += 80 + len(e.Mentions[j].Text)
		}
	}
	return n + n/8
}

func (a *ArticleOut) appendJSON(b []byte) ([]byte, error) {
	b = append(b, '{')
	if a.Headline != "" {
		b = appendString(append(b, `"headline":`...), a.Headline)
		b = append(b, ',')
	}
	b = appendString(append(b, `"body":`...), a.Body)
	for _, f := range [...]struct{ key, val string }{
		{`,"language":`, a.Language}, {`,"published":`, a.Published}, {`,"source":`, a.Source}, {`,"url":`, a.URL},
	} {
		if f.val != "" {
			b = appendString(append(b, f.key...), f.val)
		}
	}
	if len(a.Extra) > 0 {
		// Rare and free-form: the standard encoder, as json.Marshal would.
		extra, err := json.Marshal(a.Extra)
		if err != nil {
			return b, fmt.Errorf("article extra: %w", err)
		}
		b = append(append(b, `,"extra":`...), extra...)
	}
	return append(b, '}'), nil
}

func (e *Entity) appendJSON(b []byte) ([]byte, error) {
	var err error
	b = appendString(append(b, `{"id":`...), e.ID)
	b = appendString(append(b, `,"type":`...), e.Type)
	b = appendString(append(b, `,"name":`...), e.Name)
	if e.Value != "" {
		b = appendString(append(b, `,"value":`...), e.Value)
	}
	if e.Salience != 0 {
		if b, err = appendFloat(append(b, `,"salience":`...), e.Salience); err != nil {
			return b, err
		}
	}
	if e.Confidence != 0 {
		if b, err = appendFloat(append(b, `,"confidence":`...), e.Confidence); err != nil {
			return b, err
		}
	}
	b = append(b, `,"mentions":`...)
	if e.Mentions == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range e.Mentions {
			m := &e.Mentions[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(append(b, `{"field":`...), m.Field)
			b = strconv.AppendInt(append(b, `,"start":`...), int64(m.Start), 10)
			b = strconv.AppendInt(append(b, `,"end":`...), int64(m.End), 10)
			b = appendString(append(b, `,"text":`...), m.Text)
			b = strconv.AppendInt(append(b, `,"sentence":`...), int64(m.Sentence), 10)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(e.Links) > 0 {
		b = appendStringMap(append(b, `,"links":`...), e.Links)
	}
	return append(b, '}'), nil
}

func (r *Relation) appendJSON(b []byte) ([]byte, error) {
	var err error
	b = appendString(append(b, `{"type":`...), r.Type)
	b = appendString(append(b, `,"subject":`...), r.Subject)
	for _, f := range [...]struct{ key, val string }{
		{`,"object":`, r.Object}, {`,"value":`, r.Value}, {`,"cameo":`, r.Cameo},
	} {
		if f.val != "" {
			b = appendString(append(b, f.key...), f.val)
		}
	}
	if b, err = appendFloat(append(b, `,"confidence":`...), r.Confidence); err != nil {
		return b, err
	}
	ev := &r.Evidence
	b = appendString(append(b, `,"evidence":{"field":`...), ev.Field)
	b = strconv.AppendInt(append(b, `,"start":`...), int64(ev.Start), 10)
	b = strconv.AppendInt(append(b, `,"end":`...), int64(ev.End), 10)
	b = strconv.AppendInt(append(b, `,"sentence":`...), int64(ev.Sentence), 10)
	return append(b, "}}"...), nil
}

// appendStringMap writes a map with its keys sorted, as encoding/json does.
func appendStringMap(b []byte, m map[string]string) []byte {
	var small [8]string
	keys := small[:0]
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		b = appendString(b, m[k])
	}
	return append(b, '}')
}

// errUnsupportedFloat is returned for NaN and infinities, which JSON
// cannot represent (json.Marshal fails on them too).
var errUnsupportedFloat = errors.New("json: unsupported float value")

// appendFloat formats like encoding/json: the shortest representation, in
// exponent form only below 1e-6 or from 1e21, with a one-digit negative
// exponent written without its leading zero.
func appendFloat(b []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, fmt.Errorf("%w: %v", errUnsupportedFloat, f)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

const hexDigits = "0123456789abcdef"

// safeASCII[c] is '1' when the ASCII byte c is written as is in a JSON
// string with HTML escaping (not a control character, quote, backslash,
// '<', '>' or '&').
const safeASCII = "00000000000000000000000000000000110111011111111111111111111101011111111111111111111111111111011111111111111111111111111111111111"

// appendString writes s as a JSON string, escaping exactly as
// encoding/json with HTML escaping on: quotes, backslashes and control
// characters, '<', '>' and '&', U+2028 and U+2029; invalid UTF-8 becomes
// U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if safeASCII[c] == '1' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
