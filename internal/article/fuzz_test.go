package article

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDecode checks Decode's invariants on any input: it never panics; it
// either fails with an error wrapping one of the sentinels, or returns an
// article with a non-empty, valid UTF-8, normalised body, an ID and a
// version, the same on a second decode, that EncodeNinjs can write.
func FuzzDecode(f *testing.F) {
	for _, file := range []string{"ninjs1.json", "ninjs2.json", "ninjs3.json", "simple.json", "article.txt", "newsml.xml", "newsmessage.xml", "article.html", "bad-truncated.json", "bad-newsml.xml"} {
		f.Add(readTestdata(f, file), "")
	}
	f.Add([]byte(`{"uri": "u", "bodies": [{"value": "<p>x</p>"}]}`), "application/ninjs+json")
	f.Add([]byte("<p>Un</p>"), "text/html")
	f.Fuzz(func(t *testing.T, payload []byte, contentType string) {
		a, err := Decode(payload, DecodeOptions{ContentType: contentType, MaxSize: 1 << 20})
		if err != nil {
			if !isSentinel(err) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			if a != nil {
				t.Fatalf("article returned with error %v", err)
			}
			return
		}
		if a.Body == "" || strings.TrimSpace(a.Body) != a.Body {
			t.Fatalf("body empty or not trimmed: %q", a.Body)
		}
		for _, s := range []string{a.Body, a.Headline, a.Source, a.ID, a.Version, a.Language} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8: %q", s)
			}
		}
		if strings.ContainsFunc(a.Body, func(r rune) bool {
			return (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7F && r <= 0x9F) || r == '\u00AD' || r == '\uFEFF'
		}) {
			t.Fatalf("control character left in body: %q", a.Body)
		}
		if strings.ContainsAny(a.Headline, "\n\r\t") {
			t.Fatalf("headline not one line: %q", a.Headline)
		}
		if a.ID == "" || a.Version == "" {
			t.Fatalf("no id or version: %q %q", a.ID, a.Version)
		}
		b, err := Decode(payload, DecodeOptions{ContentType: contentType, MaxSize: 1 << 20})
		if err != nil || b.MsgID() != a.MsgID() || b.Body != a.Body {
			t.Fatalf("second decode differs: %v", err)
		}
		out, err := EncodeNinjs(a, []NinjsTag{{Kind: "person", Name: "X", Confidence: 50}})
		if err != nil {
			t.Fatalf("EncodeNinjs: %v", err)
		}
		if !json.Valid(out) {
			t.Fatalf("EncodeNinjs wrote invalid JSON: %s", out)
		}
	})
}
