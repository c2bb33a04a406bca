package article

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// htmlText is the text read from an HTML (or XHTML) fragment or document.
type htmlText struct {
	// Headline is the first <h1> of a document, else its <title>; only
	// filled when asked for (whole documents), and that <h1> is then left
	// out of Body.
	Headline string
	// Body is the text: one paragraph per block element, paragraphs
	// separated by a blank line, <br> as a line break, white space
	// collapsed within a paragraph and entities decoded.
	Body string
}

// htmlToText reduces HTML to text with the streaming tokenizer of
// golang.org/x/net/html: linear time, no tree, so neither deep nesting nor
// pathological markup can make it slow. Markup that is not content
// (script, style, navigation, forms, embedded media…) is dropped with
// everything inside it.
func htmlToText(src string, withHeadline bool) htmlText {
	z := html.NewTokenizer(strings.NewReader(src))
	var (
		w        textWriter
		skip     int // depth inside dropped elements
		title    strings.Builder
		inTitle  bool
		h1       strings.Builder
		inH1     bool
		h1Done   bool
		headline string
	)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			// io.EOF or a tokenizer error: the tokenizer is lenient, so
			// either way this is the end of the input.
			var out htmlText
			out.Body = cleanText(w.finish())
			if withHeadline {
				headline = oneLine(h1.String())
				if headline == "" {
					headline = oneLine(title.String())
				}
				out.Headline = headline
			}
			return out
		case html.TextToken:
			if skip > 0 {
				continue
			}
			switch {
			case inTitle:
				title.Write(z.Text())
			case inH1:
				h1.Write(z.Text())
			default:
				w.text(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name := localName(z)
			if _, ok := droppedTags[name]; ok {
				if tt == html.StartTagToken {
					skip++
				}
				continue
			}
			if skip > 0 {
				continue
			}
			switch {
			case name == "br":
				w.newline()
			case name == "title" && tt == html.StartTagToken:
				inTitle = true
			case name == "h1" && withHeadline && !h1Done && tt == html.StartTagToken:
				w.paragraph()
				inH1 = true
			case isBlock(name):
				w.paragraph()
			case name == "td" || name == "th":
				w.space()
			}
		case html.EndTagToken:
			name := localName(z)
			if _, ok := droppedTags[name]; ok {
				if skip > 0 {
					skip--
				}
				continue
			}
			if name == "body" || name == "html" {
				skip = 0 // an unclosed <nav> must not swallow the rest
			}
			if skip > 0 {
				continue
			}
			switch {
			case name == "title":
				inTitle = false
			case name == "h1" && inH1:
				inH1 = false
				h1Done = true
			case name == "br":
				w.newline()
			case isBlock(name):
				w.paragraph()
			case name == "td" || name == "th":
				w.space()
			}
		}
	}
}

// localName is the lower-case tag name without a namespace prefix
// ("h:p" -> "p"), as XHTML inside NewsML-G2 may carry one.
func localName(z *html.Tokenizer) string {
	name, _ := z.TagName()
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return string(name)
}

func isBlock(name string) bool {
	if len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' {
		return true
	}
	_, ok := blockTags[name]
	return ok
}

// droppedTags are elements whose whole content is not article text.
var droppedTags = map[string]struct{}{
	"script": {}, "style": {}, "noscript": {}, "template": {}, "nav": {}, "aside": {},
	"footer": {}, "form": {}, "iframe": {}, "object": {}, "svg": {}, "math": {},
	"canvas": {}, "button": {}, "select": {}, "textarea": {}, "video": {}, "audio": {},
	"map": {}, "figcaption": {},
}

// blockTags are elements that begin and end a paragraph.
var blockTags = map[string]struct{}{
	"p": {}, "div": {}, "li": {}, "ul": {}, "ol": {}, "dl": {}, "dt": {}, "dd": {},
	"blockquote": {}, "pre": {}, "table": {}, "thead": {}, "tbody": {}, "tfoot": {},
	"tr": {}, "caption": {}, "section": {}, "article": {}, "main": {}, "header": {},
	"address": {}, "figure": {}, "hr": {}, "details": {}, "summary": {}, "center": {},
	"fieldset": {}, "legend": {}, "body": {}, "html": {}, "hgroup": {},
	// NITF (inside NewsML-G2 inlineXML)
	"hedline": {}, "hl1": {}, "hl2": {}, "block": {}, "body.content": {}, "body.head": {},
	"byline": {}, "dateline": {}, "abstract": {},
}

// textWriter accumulates text into lines and paragraphs, collapsing HTML
// white space (space, tab, CR, LF, FF) within a line. No-break spaces are
// content and kept.
type textWriter struct {
	paras   []string
	lines   []string
	cur     strings.Builder
	pending bool // a collapsed space is due before the next character
}

func (w *textWriter) text(b []byte) {
	for len(b) > 0 {
		// HTML white space is ASCII, so UTF-8 text can be cut byte-wise.
		i := 0
		for i < len(b) && isHTMLSpace(b[i]) {
			i++
		}
		if i > 0 {
			if w.cur.Len() > 0 {
				w.pending = true
			}
			b = b[i:]
			continue
		}
		for i < len(b) && !isHTMLSpace(b[i]) {
			i++
		}
		if w.pending {
			w.cur.WriteByte(' ')
			w.pending = false
		}
		w.cur.Write(b[:i])
		b = b[i:]
	}
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// space separates table cells.
func (w *textWriter) space() {
	if w.cur.Len() > 0 {
		w.pending = true
	}
}

func (w *textWriter) newline() {
	w.lines = append(w.lines, w.cur.String())
	w.cur.Reset()
	w.pending = false
}

func (w *textWriter) paragraph() {
	if w.cur.Len() > 0 {
		w.newline()
	}
	if len(w.lines) == 0 {
		return
	}
	p := strings.TrimSpace(strings.Join(w.lines, "\n"))
	w.lines = w.lines[:0]
	if p != "" {
		w.paras = append(w.paras, p)
	}
}

func (w *textWriter) finish() string {
	w.paragraph()
	return strings.Join(w.paras, "\n\n")
}
