package article

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// g2Item is the part of a NewsML-G2 newsItem the decoder reads. Element
// names match in any namespace.
type g2Item struct {
	GUID     string `xml:"guid,attr"`
	Version  string `xml:"version,attr"`
	Lang     string `xml:"lang,attr"` // xml:lang
	ItemMeta struct {
		VersionCreated string   `xml:"versionCreated"`
		FirstCreated   string   `xml:"firstCreated"`
		Provider       g2Party  `xml:"provider"`
		Links          []g2Link `xml:"link"`
	} `xml:"itemMeta"`
	RightsInfo []struct {
		CopyrightHolder g2Party `xml:"copyrightHolder"`
	} `xml:"rightsInfo"`
	ContentMeta struct {
		ContentCreated string    `xml:"contentCreated"`
		Language       []g2Lang  `xml:"language"`
		Headlines      []g2Inner `xml:"headline"`
	} `xml:"contentMeta"`
	ContentSet struct {
		InlineXML  []g2Inner `xml:"inlineXML"`
		InlineData []g2Inner `xml:"inlineData"`
	} `xml:"contentSet"`
}

type g2Party struct {
	QCode   string   `xml:"qcode,attr"`
	Literal string   `xml:"literal,attr"`
	Names   []string `xml:"name"`
}

type g2Link struct {
	Rel  string `xml:"rel,attr"`
	Href string `xml:"href,attr"`
}

type g2Lang struct {
	Tag string `xml:"tag,attr"`
}

// g2Inner is an element kept as its inner XML, with the attributes that
// say how to read it.
type g2Inner struct {
	Role        string `xml:"role,attr"`
	ContentType string `xml:"contenttype,attr"`
	Encoding    string `xml:"encoding,attr"`
	Inner       string `xml:",innerxml"`
	Text        string `xml:",chardata"`
}

// g2Message is a newsMessage; the decoder reads its first newsItem.
type g2Message struct {
	ItemSet struct {
		Items []g2Item `xml:"newsItem"`
	} `xml:"itemSet"`
}

// newXMLDecoder is an encoding/xml decoder that knows HTML entities (wire
// XHTML uses &nbsp;) and accepts only UTF-8 (and its subset ASCII) as
// declared encoding.
func newXMLDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(charset string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(charset) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return in, nil
		}
		return nil, fmt.Errorf("declared encoding %q is not supported, payloads must be UTF-8: %w", charset, ErrUnsupported)
	}
	return d
}

// checkXML walks the tokens once: it rejects syntax errors (with the line)
// and nesting deeper than MaxDepth, and returns the root element's local
// name.
func checkXML(data []byte) (root string, err error) {
	d := newXMLDecoder(data)
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if root == "" {
				return "", fmt.Errorf("newsml: no root element: %w", ErrMalformed)
			}
			if depth != 0 {
				return "", fmt.Errorf("newsml: unexpected end of document inside <%s>: %w", root, ErrMalformed)
			}
			return root, nil
		}
		if err != nil {
			return "", xmlError(d, data, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = t.Name.Local
			}
			depth++
			if depth > MaxDepth {
				line, col := lineCol(data, int(d.InputOffset()))
				return "", fmt.Errorf("newsml: elements nested deeper than %d levels at line %d, column %d: %w", MaxDepth, line, col, ErrMalformed)
			}
		case xml.EndElement:
			depth--
		}
	}
}

// xmlError wraps an XML error with its position.
func xmlError(d *xml.Decoder, data []byte, err error) error {
	if errors.Is(err, ErrUnsupported) {
		return fmt.Errorf("newsml: %w", err)
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("newsml: XML syntax error on line %d: %s: %w", se.Line, se.Msg, ErrMalformed)
	}
	line, col := lineCol(data, int(d.InputOffset()))
	return fmt.Errorf("newsml: at line %d, column %d: %s: %w", line, col, err.Error(), ErrMalformed)
}

// decodeNewsML reads a NewsML-G2 newsItem, or the first newsItem of a
// newsMessage.
func decodeNewsML(data []byte) (*Article, error) {
	root, err := checkXML(data)
	if err != nil {
		return nil, err
	}
	var item g2Item
	switch root {
	case "newsItem":
		if err := newXMLDecoder(data).Decode(&item); err != nil {
			return nil, fmt.Errorf("newsml: %s: %w", err.Error(), ErrMalformed)
		}
	case "newsMessage":
		var msg g2Message
		if err := newXMLDecoder(data).Decode(&msg); err != nil {
			return nil, fmt.Errorf("newsml: %s: %w", err.Error(), ErrMalformed)
		}
		if len(msg.ItemSet.Items) == 0 {
			return nil, fmt.Errorf("newsml: newsMessage has no newsItem in its itemSet: %w", ErrEmpty)
		}
		item = msg.ItemSet.Items[0]
	default:
		return nil, fmt.Errorf("newsml: root element <%s> is not a NewsML-G2 newsItem or newsMessage: %w", root, ErrUnsupported)
	}
	return item.article()
}

func (it *g2Item) article() (*Article, error) {
	a := &Article{Format: FormatNewsML, ID: it.GUID, Version: it.Version}
	if isHTTPURL(strings.TrimSpace(it.GUID)) {
		a.URL = strings.TrimSpace(it.GUID)
	}
	for _, h := range orderG2(it.ContentMeta.Headlines) {
		if t := headlineText(h); t != "" {
			a.Headline = t
			break
		}
	}
	body, err := it.body()
	if err != nil {
		return nil, err
	}
	a.Body = body
	for _, l := range it.ContentMeta.Language {
		if a.Language = strings.TrimSpace(l.Tag); a.Language != "" {
			break
		}
	}
	if a.Language == "" {
		a.Language = it.Lang
	}
	for _, s := range [...]string{it.ItemMeta.VersionCreated, it.ItemMeta.FirstCreated, it.ContentMeta.ContentCreated} {
		if t, ok := parseTime(strings.TrimSpace(s)); ok {
			a.Published = t
			break
		}
	}
	a.Source = it.ItemMeta.Provider.name()
	for _, r := range it.RightsInfo {
		if a.Source != "" {
			break
		}
		a.Source = r.CopyrightHolder.name()
	}
	if a.URL == "" {
		for _, l := range it.ItemMeta.Links {
			if isHTTPURL(strings.TrimSpace(l.Href)) {
				a.URL = strings.TrimSpace(l.Href)
				break
			}
		}
	}
	return a, nil
}

// body reads contentSet: the inlineXML or inlineData chosen by role and
// content type (plain text first), the first one with text.
func (it *g2Item) body() (string, error) {
	inline := orderG2(it.ContentSet.InlineXML)
	data := orderG2(it.ContentSet.InlineData)
	if len(inline) == 0 && len(data) == 0 {
		return "", fmt.Errorf("newsml: contentSet has no inlineXML or inlineData (remote content is not fetched): %w", ErrEmpty)
	}
	for _, p := range inline {
		if t := cleanText(htmlToText(p.Inner, false).Body); t != "" {
			return t, nil
		}
	}
	for _, p := range data {
		if enc := strings.ToLower(strings.TrimSpace(p.Encoding)); enc != "" && enc != "none" {
			return "", fmt.Errorf("newsml: inlineData encoding %q is not supported: %w", p.Encoding, ErrUnsupported)
		}
		t := p.Text
		ct := strings.ToLower(p.ContentType)
		if strings.Contains(ct, "html") || strings.Contains(ct, "xml") || (ct == "" && looksLikeHTML(t)) {
			t = htmlToText(t, false).Body
		}
		if t = cleanText(t); t != "" {
			return t, nil
		}
	}
	return "", nil
}

// orderG2 orders headlines or contents like ninjs parts: by role, then
// content type, then document order.
func orderG2(in []g2Inner) []g2Inner {
	out := append([]g2Inner(nil), in...)
	sort.SliceStable(out, func(i, j int) bool {
		ri, rj := roleRank(out[i].Role), roleRank(out[j].Role)
		if ri != rj {
			return ri < rj
		}
		return typeRank(out[i].ContentType) < typeRank(out[j].ContentType)
	})
	return out
}

// headlineText reads a headline: its character data, or its inline markup
// reduced when it has some.
func headlineText(x g2Inner) string {
	if strings.Contains(x.Inner, "<") && !strings.Contains(x.Inner, "<![CDATA[") {
		return oneLine(htmlToText(x.Inner, false).Body)
	}
	return oneLine(x.Text)
}

// name reads a party: its name, else its literal, else its qcode without
// the scheme alias ("nprov:AFP" -> "AFP").
func (p g2Party) name() string {
	for _, n := range p.Names {
		if n = strings.TrimSpace(n); n != "" {
			return n
		}
	}
	if l := strings.TrimSpace(p.Literal); l != "" {
		return l
	}
	q := strings.TrimSpace(p.QCode)
	if i := strings.IndexByte(q, ':'); i >= 0 {
		q = q[i+1:]
	}
	return q
}
