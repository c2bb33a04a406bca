package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// invalidUTF8Offset returns the byte offset of the first byte of b that is
// not part of a valid UTF-8 sequence, or -1 when b is valid UTF-8.
func invalidUTF8Offset(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// trimBOM drops a leading UTF-8 byte order mark.
func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}

// cleanText normalises decoded text:
//   - line endings CRLF and lone CR become LF; U+2028 LINE SEPARATOR becomes
//     LF and U+2029 PARAGRAPH SEPARATOR a blank line;
//   - control characters other than TAB and LF (C0, DEL, C1, including NUL)
//     are stripped, as are the invisible U+00AD SOFT HYPHEN and U+FEFF
//     (byte order mark / zero-width no-break space), which would otherwise
//     split words in two for the analysis;
//   - surrounding white space is trimmed.
//
// It returns s itself when nothing changes, so clean input costs no copy.
func cleanText(s string) string {
	if !needsCleaning(s) {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\u2028':
			b.WriteByte('\n')
		case r == '\u2029':
			b.WriteString("\n\n")
		case r < 0x20 || (r >= 0x7F && r <= 0x9F) || r == '\u00AD' || r == '\uFEFF':
			// stripped
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// needsCleaning reports whether cleanText has anything to change besides
// trimming.
func needsCleaning(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n' || c == '\t':
		case c < 0x20 || c == 0x7F:
			return true
		case c >= 0x80:
			// Multi-byte: C1 controls (0xC2 0x80-0x9F), soft hyphen (0xC2 0xAD),
			// U+2028/2029 (0xE2 0x80 0xA8/A9), U+FEFF (0xEF 0xBB 0xBF).
			if c == 0xC2 || c == 0xE2 || c == 0xEF {
				r, _ := utf8.DecodeRuneInString(s[i:])
				if (r >= 0x80 && r <= 0x9F) || r == '\u00AD' || r == '\u2028' || r == '\u2029' || r == '\uFEFF' {
					return true
				}
			}
		}
	}
	return false
}

// oneLine cleans s and collapses every run of white space (including line
// breaks) into a single space: headlines are one line.
func oneLine(s string) string {
	s = cleanText(s)
	if !strings.ContainsFunc(s, func(r rune) bool { return r != ' ' && unicode.IsSpace(r) }) && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, isCollapsibleSpace), " ")
}

// isCollapsibleSpace is white space that may be collapsed; the no-break
// spaces of French typography (U+00A0, U+202F) are kept as they are.
func isCollapsibleSpace(r rune) bool {
	return r != '\u00A0' && r != '\u202F' && r != '\u2007' && unicode.IsSpace(r)
}

// normLanguage reduces a BCP 47 tag ("fr-FR", "EN_gb", "fr") to its primary
// language subtag in lower case; it returns "" for tags that name no
// language ("und", "mul", "zxx") or are not 2-3 ASCII letters.
func normLanguage(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for i := 0; i < len(tag); i++ {
		c := tag[i]
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return ""
		}
	}
	tag = strings.ToLower(tag)
	switch tag {
	case "und", "mul", "zxx", "mis":
		return ""
	}
	return tag
}

// isHTTPURL reports whether s is an absolute http or https URL.
func isHTTPURL(s string) bool {
	l := strings.ToLower(s)
	return (strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")) && len(s) > len("http://") && !strings.ContainsAny(s, " \t\n")
}

// looksLikeHTML reports whether a text value (of a field without a declared
// content type) carries HTML markup that must be reduced.
func looksLikeHTML(s string) bool {
	if !strings.Contains(s, "<") {
		return false
	}
	l := strings.ToLower(s)
	for _, m := range htmlMarkers {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

// htmlMarkers are the tags whose presence makes a text value HTML.
var htmlMarkers = [...]string{"<p>", "<p ", "</p>", "<br", "<div", "</div>", "<html", "<body", "<h1", "<h2", "<ul", "<li>", "<span", "<a href", "<strong>", "<em>", "<b>", "<i>"}
