package article

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// jsonObject is a JSON object with its values still raw.
type jsonObject map[string]json.RawMessage

// decodeJSONObject parses a JSON object and hands it to the ninjs or the
// simple JSON decoder (format formatJSONAuto chooses by its fields).
func decodeJSONObject(data []byte, format string) (*Article, error) {
	if err := checkJSONDepth(data, MaxDepth); err != nil {
		return nil, err
	}
	t := bytes.TrimLeft(data, " \t\r\n")
	if len(t) > 0 && t[0] != '{' {
		if !json.Valid(data) {
			return nil, jsonSyntaxError(data, json.Unmarshal(data, new(any)))
		}
		return nil, fmt.Errorf("json: top-level value is %s, want an object: %w", jsonKind(t), ErrMalformed)
	}
	var obj jsonObject
	if err := json.Unmarshal(data, &obj); err != nil {
		return nil, jsonSyntaxError(data, err)
	}
	if format == formatJSONAuto {
		format = FormatJSON
		if isNinjs(obj) {
			format = FormatNinjs
		}
	}
	if format == FormatNinjs {
		return decodeNinjs(obj)
	}
	return decodeSimpleJSON(obj)
}

// jsonSyntaxError turns a parse error into ErrMalformed with the position.
func jsonSyntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Offset counts the bytes read, the offending one included; at the
		// end of the input it is the length.
		off := int(se.Offset)
		if off > 0 && off <= len(data) && !strings.HasPrefix(se.Error(), "unexpected end") {
			off--
		}
		line, col := lineCol(data, off)
		return fmt.Errorf("json: syntax error at byte offset %d (line %d, column %d): %s: %w", off, line, col, se.Error(), ErrMalformed)
	}
	return fmt.Errorf("json: %s: %w", err.Error(), ErrMalformed)
}

// lineCol gives the 1-based line and column (in bytes) of a byte offset.
func lineCol(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	col = off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// checkJSONDepth rejects JSON nested deeper than max, in one linear pass
// that knows strings and escapes (brackets inside strings do not count).
func checkJSONDepth(data []byte, maxDepth int) error {
	depth, inString, escaped := 0, false, false
	for i, c := range data {
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{', '[':
			depth++
			if depth > maxDepth {
				return fmt.Errorf("json: nesting deeper than %d levels at byte offset %d: %w", maxDepth, i, ErrMalformed)
			}
		case '}', ']':
			depth--
		}
	}
	return nil
}

// jsonKind names the kind of the JSON value that t starts with.
func jsonKind(t []byte) string {
	if len(t) == 0 {
		return "empty"
	}
	switch t[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// isNull reports whether a raw value is absent or JSON null.
func isNull(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) == 0 || string(t) == "null"
}

// field returns the first of the given keys present (and not null) in o.
func (o jsonObject) field(keys ...string) (key string, raw json.RawMessage, ok bool) {
	for _, k := range keys {
		if v, found := o[k]; found && !isNull(v) {
			return k, v, true
		}
	}
	return "", nil, false
}

// str decodes a raw string value; path names it in errors.
func str(format, path string, raw json.RawMessage) (string, error) {
	if isNull(raw) {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("%s: field %q: not a string (%s): %w", format, path, jsonKind(bytes.TrimSpace(raw)), ErrMalformed)
	}
	return s, nil
}

// strOrNumber decodes a string, or a number kept as written (ids and
// versions are sometimes sent as numbers).
func strOrNumber(format, path string, raw json.RawMessage) (string, error) {
	t := bytes.TrimSpace(raw)
	if len(t) > 0 && (t[0] == '-' || (t[0] >= '0' && t[0] <= '9')) {
		var n json.Number
		if err := json.Unmarshal(t, &n); err == nil {
			return n.String(), nil
		}
	}
	if isNull(t) {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(t, &s); err != nil {
		return "", fmt.Errorf("%s: field %q: not a string or number (%s): %w", format, path, jsonKind(t), ErrMalformed)
	}
	return s, nil
}

// array decodes a raw array value.
func array(format, path string, raw json.RawMessage) ([]json.RawMessage, error) {
	if isNull(raw) {
		return nil, nil
	}
	var a []json.RawMessage
	if err := json.Unmarshal(raw, &a); err != nil {
		return nil, fmt.Errorf("%s: field %q: not an array (%s): %w", format, path, jsonKind(bytes.TrimSpace(raw)), ErrMalformed)
	}
	return a, nil
}

// object decodes a raw object value.
func object(format, path string, raw json.RawMessage) (jsonObject, error) {
	if isNull(raw) {
		return nil, nil
	}
	var o jsonObject
	if err := json.Unmarshal(raw, &o); err != nil {
		return nil, fmt.Errorf("%s: field %q: not an object (%s): %w", format, path, jsonKind(bytes.TrimSpace(raw)), ErrMalformed)
	}
	return o, nil
}

// nameOf reads a party that is either a string or an object with a
// "name" (ninjs infoSources, a simple JSON "source": {"name": "AFP"}).
func nameOf(format, path string, raw json.RawMessage) (string, error) {
	t := bytes.TrimSpace(raw)
	if len(t) > 0 && t[0] == '{' {
		o, err := object(format, path, t)
		if err != nil {
			return "", err
		}
		_, v, ok := o.field("name", "literal")
		if !ok {
			return "", nil
		}
		return str(format, path+".name", v)
	}
	return str(format, path, t)
}

// timeField parses a date field: a string in one of the accepted layouts,
// or a number of Unix seconds (milliseconds when over 1e11).
func timeField(format, path string, raw json.RawMessage) (t timeValue, err error) {
	r := bytes.TrimSpace(raw)
	if len(r) > 0 && (r[0] == '-' || (r[0] >= '0' && r[0] <= '9')) {
		f, perr := strconv.ParseFloat(string(r), 64)
		if perr != nil {
			return t, fmt.Errorf("%s: field %q: not a date (%s): %w", format, path, jsonKind(r), ErrMalformed)
		}
		return timeValue{t: unixTime(f), ok: true}, nil
	}
	s, err := str(format, path, r)
	if err != nil {
		return t, err
	}
	pt, ok := parseTime(strings.TrimSpace(s))
	return timeValue{t: pt, ok: ok}, nil
}
