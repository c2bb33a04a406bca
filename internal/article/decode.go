package article

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"strings"
)

// Sentinel decode errors, checked with errors.Is. Every error Decode
// returns wraps exactly one of them, with a precise human reason in front.
var (
	ErrEmpty       = errors.New("empty article")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLarge    = errors.New("payload too large")
	ErrMalformed   = errors.New("malformed payload")
	ErrUnsupported = errors.New("unsupported format")
)

// MaxDepth is the deepest nesting of JSON objects and arrays, or of XML
// elements, that Decode accepts; deeper payloads are ErrMalformed.
const MaxDepth = 64

// Format names, as found in Article.Format and accepted by
// DecodeOptions.Format.
const (
	FormatNinjs  = "ninjs"
	FormatJSON   = "json" // simple JSON
	FormatText   = "text"
	FormatNewsML = "newsml"
	FormatHTML   = "html"

	// formatJSONAuto is a JSON object whose fields decide between ninjs
	// and simple JSON.
	formatJSONAuto = "json?"
)

// DecodeOptions tell Decode what it knows of the payload besides its bytes.
type DecodeOptions struct {
	// ContentType is the message's Content-Type header, if any.
	ContentType string
	// MsgID is the message's Nats-Msg-Id header, if any; it becomes the
	// article ID.
	MsgID string
	// Format forces a decoder: "", "auto", "ninjs", "json", "text",
	// "newsml", "html". It wins over ContentType.
	Format string
	// MaxSize is the largest payload accepted in bytes; 0 means no limit.
	MaxSize int
}

// Decode reads one wire payload into an Article: it checks size and
// encoding, picks the format (DecodeOptions.Format, else the Content-Type,
// else sniffing), decodes, normalises the text and sets ID and Version.
// See the package documentation for the rules.
func Decode(payload []byte, opts DecodeOptions) (*Article, error) {
	if opts.MaxSize > 0 && len(payload) > opts.MaxSize {
		return nil, fmt.Errorf("payload of %d bytes is over the limit of %d bytes: %w", len(payload), opts.MaxSize, ErrTooLarge)
	}
	if i := invalidUTF8Offset(payload); i >= 0 {
		return nil, fmt.Errorf("payload: byte 0x%02x at offset %d is not valid UTF-8: %w", payload[i], i, ErrInvalidUTF8)
	}
	data := trimBOM(payload)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("payload is blank: %w", ErrEmpty)
	}
	format, err := chooseFormat(data, opts)
	if err != nil {
		return nil, err
	}
	var a *Article
	switch format {
	case FormatNinjs, FormatJSON, formatJSONAuto:
		a, err = decodeJSONObject(data, format)
	case FormatNewsML:
		a, err = decodeNewsML(data)
	case FormatHTML:
		a = decodeHTMLDocument(data)
	default:
		a = &Article{Body: string(data)}
		format = FormatText
	}
	if err != nil {
		return nil, err
	}
	if a.Format == "" {
		a.Format = format
	}
	a.Raw = payload
	if err := a.finish(opts.MsgID); err != nil {
		return nil, err
	}
	return a, nil
}

// finish normalises the decoded fields and sets ID and Version.
func (a *Article) finish(msgID string) error {
	a.Headline = oneLine(a.Headline)
	a.Body = cleanText(a.Body)
	a.Source = oneLine(a.Source)
	a.URL = strings.TrimSpace(a.URL)
	a.Language = normLanguage(a.Language)
	if a.Body == "" {
		if a.Headline != "" {
			return fmt.Errorf("%s: article has a headline but no body text: %w", a.Format, ErrEmpty)
		}
		return fmt.Errorf("%s: no body text after decoding: %w", a.Format, ErrEmpty)
	}
	// IDs and versions end up in a Nats-Msg-Id header: one line, no
	// control characters.
	if id := oneLine(msgID); id != "" {
		a.ID = id
	} else if a.ID = oneLine(a.ID); a.ID == "" {
		sum := sha256.Sum256([]byte(a.Body))
		a.ID = "sha256:" + hex.EncodeToString(sum[:])
	}
	if a.Version = oneLine(a.Version); a.Version == "" {
		a.Version = contentVersion(a.Headline, a.Body)
	}
	return nil
}

// contentVersion is the version of an input that declares none: the first
// 8 bytes (16 hex digits) of the SHA-256 of its headline and body, so a
// corrected text gets a new version and the same text always the same one.
func contentVersion(headline, body string) string {
	h := sha256.New()
	h.Write([]byte(headline))
	h.Write([]byte{0})
	h.Write([]byte(body))
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// chooseFormat applies DecodeOptions.Format, then the Content-Type, then
// sniffing.
func chooseFormat(data []byte, opts DecodeOptions) (string, error) {
	switch f := strings.ToLower(strings.TrimSpace(opts.Format)); f {
	case "", "auto":
	case FormatNinjs, FormatJSON, FormatText, FormatNewsML, FormatHTML:
		return f, nil
	default:
		return "", fmt.Errorf("decode option format %q is not one of auto, ninjs, json, text, newsml, html: %w", opts.Format, ErrUnsupported)
	}
	if ct := strings.TrimSpace(opts.ContentType); ct != "" {
		f, err := formatOfContentType(ct, data)
		if err != nil || f != "" {
			return f, err
		}
	}
	return sniff(data)
}

// formatOfContentType maps a Content-Type header to a format; "" means the
// type says nothing useful (application/octet-stream, unknown types) and
// the payload is sniffed.
func formatOfContentType(ct string, data []byte) (string, error) {
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		// Be lenient with sloppy headers: keep the part before ';'.
		mt, _, _ = strings.Cut(ct, ";")
		mt = strings.ToLower(strings.TrimSpace(mt))
		params = nil
	}
	if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "utf8" && cs != "us-ascii" {
		return "", fmt.Errorf("content-type %q: charset %q is not supported, payloads must be UTF-8: %w", ct, params["charset"], ErrUnsupported)
	}
	switch {
	case strings.Contains(mt, "ninjs"):
		return FormatNinjs, nil
	case mt == "application/json" || mt == "text/json" || strings.HasSuffix(mt, "+json"):
		return formatJSONAuto, nil
	case mt == "text/html" || mt == "application/xhtml+xml":
		return FormatHTML, nil
	case mt == "application/xml" || mt == "text/xml" || strings.HasSuffix(mt, "+xml"):
		return FormatNewsML, nil
	case mt == "text/plain":
		return FormatText, nil
	case strings.HasPrefix(mt, "image/"), strings.HasPrefix(mt, "audio/"), strings.HasPrefix(mt, "video/"),
		strings.HasPrefix(mt, "font/"), mt == "application/pdf", mt == "application/zip", mt == "application/gzip":
		return "", fmt.Errorf("content-type %q is not a text article: %w", mt, ErrUnsupported)
	}
	return "", nil
}

// sniff guesses the format from the payload's first bytes.
func sniff(data []byte) (string, error) {
	t := bytes.TrimLeft(data, " \t\r\n")
	switch {
	case len(t) == 0:
		return FormatText, nil
	case t[0] == '{':
		return formatJSONAuto, nil
	case t[0] == '[' && looksLikeJSONArray(t):
		return "", fmt.Errorf("json: top-level value is an array, want an object: %w", ErrMalformed)
	case t[0] == '<':
		return sniffMarkup(t)
	}
	return FormatText, nil
}

// looksLikeJSONArray tells a JSON array from text that starts with a
// bracket ("[EMBARGO] …").
func looksLikeJSONArray(t []byte) bool {
	rest := bytes.TrimLeft(t[1:], " \t\r\n")
	return len(rest) == 0 || rest[0] == '{' || rest[0] == '"' || rest[0] == '[' || rest[0] == ']'
}
