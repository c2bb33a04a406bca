package article

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// sniffMarkup tells NewsML-G2, HTML and other XML apart for a payload that
// starts with '<': it reads tokens up to the root element.
func sniffMarkup(t []byte) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(t))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil } // checked by the decoder proper
	declared := bytes.HasPrefix(t, []byte("<?xml"))                                      // an XML declaration
	for range 64 {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.ProcInst:
			declared = declared || tok.Target == "xml"
		case xml.Directive:
			if bytes.HasPrefix(bytes.ToLower(bytes.TrimSpace(tok)), []byte("doctype html")) {
				return FormatHTML, nil
			}
		case xml.StartElement:
			local := tok.Name.Local
			switch {
			case local == "newsItem" || local == "newsMessage":
				return FormatNewsML, nil
			case isHTMLRoot(strings.ToLower(local)):
				return FormatHTML, nil
			case declared || tok.Name.Space != "" || hasXMLNS(tok):
				return "", fmt.Errorf("xml: root element <%s> is not a NewsML-G2 newsItem or newsMessage: %w", local, ErrUnsupported)
			}
			return FormatHTML, nil
		}
	}
	if declared {
		return FormatNewsML, nil // let the XML decoder say what is wrong
	}
	return FormatText, nil
}

func hasXMLNS(se xml.StartElement) bool {
	for _, a := range se.Attr {
		if a.Name.Local == "xmlns" || a.Name.Space == "xmlns" {
			return true
		}
	}
	return false
}

// isHTMLRoot reports whether an element opening a document is HTML.
func isHTMLRoot(name string) bool {
	switch name {
	case "html", "head", "body", "title", "meta", "p", "div", "article", "section",
		"main", "header", "h1", "h2", "h3", "span", "a", "b", "i", "em", "strong",
		"br", "ul", "ol", "table", "link", "style", "script", "figure", "blockquote":
		return true
	}
	return false
}

// decodeHTMLDocument reads an HTML page: the first <h1> (else <title>) is
// the headline, the rest of the page's text the body.
func decodeHTMLDocument(data []byte) *Article {
	t := htmlToText(string(data), true)
	a := &Article{Format: FormatHTML, Headline: t.Headline, Body: t.Body}
	a.Language = htmlLang(data)
	return a
}

// htmlLang reads the lang attribute of the <html> element, if any.
func htmlLang(data []byte) string {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	for range 64 {
		tok, err := d.RawToken()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			if !strings.EqualFold(se.Name.Local, "html") {
				return ""
			}
			for _, a := range se.Attr {
				if strings.EqualFold(a.Name.Local, "lang") {
					return a.Value
				}
			}
			return ""
		}
	}
	return ""
}
