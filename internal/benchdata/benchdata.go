// Package benchdata holds the project's own news texts for benchmarks (a
// few wire stories in French, English, German, Spanish and Italian,
// embedded) and builds articles of a chosen length from them, and wire
// payloads of those articles in every input format the worker reads.
//
// The texts are written for this package; they are not drawn from any
// training or evaluation corpus.
package benchdata

import (
	"embed"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"
)

//go:embed texts/*.txt
var textFS embed.FS

// Standard article sizes, in words (headline and body).
const (
	Short   = 60
	Typical = 500
	Long    = 5000
)

// SizeName is "short", "typical", "long", or "<n>w" for other sizes.
func SizeName(words int) string {
	switch words {
	case Short:
		return "short"
	case Typical:
		return "typical"
	case Long:
		return "long"
	}
	return fmt.Sprintf("%dw", words)
}

// Text is one embedded story.
type Text struct {
	Name       string // file name without extension, e.g. "fr-1"
	Lang       string
	Headline   string
	Paragraphs []string
}

// Texts returns the embedded stories, sorted by name.
func Texts() ([]Text, error) {
	entries, err := fs.Glob(textFS, "texts/*.txt")
	if err != nil {
		return nil, fmt.Errorf("benchdata: %w", err)
	}
	sort.Strings(entries)
	out := make([]Text, 0, len(entries))
	for _, name := range entries {
		raw, err := textFS.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("benchdata: %w", err)
		}
		base := strings.TrimSuffix(path.Base(name), ".txt")
		lang, _, _ := strings.Cut(base, "-")
		var paras []string
		for _, p := range strings.Split(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
		if len(paras) < 2 {
			return nil, fmt.Errorf("benchdata: %s: want a headline and a body", name)
		}
		out = append(out, Text{Name: base, Lang: lang, Headline: paras[0], Paragraphs: paras[1:]})
	}
	return out, nil
}

// Languages returns the languages of the embedded texts.
func Languages() []string { return []string{"de", "en", "es", "fr", "it"} }

// Article is a built story: plain text fields ready to be enriched or
// rendered in a wire format.
type Article struct {
	ID        string
	Lang      string
	Headline  string
	Body      string
	Published time.Time
	Source    string
}

// Words counts the words of the headline and body.
func (a Article) Words() int { return len(strings.Fields(a.Headline)) + len(strings.Fields(a.Body)) }

// Corpus builds articles from the embedded texts.
type Corpus struct {
	byLang map[string][]Text
}

// New loads the corpus.
func New() (*Corpus, error) {
	texts, err := Texts()
	if err != nil {
		return nil, err
	}
	c := &Corpus{byLang: map[string][]Text{}}
	for _, t := range texts {
		c.byLang[t.Lang] = append(c.byLang[t.Lang], t)
	}
	return c, nil
}

// Build returns an article of lang with at least words words (headline
// included): the headline of the variant-th text of the language, then
// paragraphs of that text and of the following ones, in turn, until the
// length is reached. Different variants give different articles.
func (c *Corpus) Build(lang string, words, variant int) (Article, error) {
	texts := c.byLang[lang]
	if len(texts) == 0 {
		return Article{}, fmt.Errorf("benchdata: no text in %q", lang)
	}
	if variant < 0 {
		variant = -variant
	}
	first := texts[variant%len(texts)]
	a := Article{
		ID:        fmt.Sprintf("urn:wirenrich:bench:%s:%s:%d", lang, SizeName(words), variant),
		Lang:      lang,
		Headline:  first.Headline,
		Published: time.Date(2025, time.Month(1+variant%12), 1+variant%28, 8, variant%60, 0, 0, time.UTC),
		Source:    "Wirenrich bench",
	}
	n := len(strings.Fields(a.Headline))
	var body strings.Builder
	// Paragraph rotation: one offset per variant, so two variants of the
	// same language and length do not share their first paragraph order.
	for i := 0; n < words; i++ {
		t := texts[(variant+i/len(first.Paragraphs))%len(texts)]
		p := t.Paragraphs[(i+variant/len(texts))%len(t.Paragraphs)]
		if i > 0 && i%len(first.Paragraphs) == 0 && t.Name != first.Name {
			// Each new story starts with its own headline, as in a digest.
			p = t.Headline + "\n\n" + p
		}
		if body.Len() > 0 {
			body.WriteString("\n\n")
		}
		body.WriteString(p)
		n += len(strings.Fields(p))
	}
	a.Body = body.String()
	return a, nil
}

// Formats returns the wire formats Payload renders.
func Formats() []string { return []string{"text", "json", "ninjs", "newsml"} }

// Payload renders a as a wire payload in format: "text" (plain UTF-8: the
// article id must then travel in a Nats-Msg-Id header), "json" (simple
// JSON), "ninjs" (ninjs 3.x) or "newsml" (NewsML-G2 with inline XHTML).
func Payload(a Article, format string) ([]byte, error) {
	published := a.Published.UTC().Format(time.RFC3339)
	switch format {
	case "text":
		return []byte(a.Headline + "\n\n" + a.Body + "\n"), nil
	case "json":
		b, err := json.Marshal(map[string]string{
			"id": a.ID, "headline": a.Headline, "body": a.Body, "language": a.Lang,
			"published": published, "source": a.Source,
		})
		if err != nil {
			return nil, fmt.Errorf("benchdata: %w", err)
		}
		return b, nil
	case "ninjs":
		type hv struct {
			Role        string `json:"role"`
			ContentType string `json:"contentType,omitempty"`
			Value       string `json:"value"`
		}
		var html strings.Builder
		for _, p := range strings.Split(a.Body, "\n\n") {
			html.WriteString("<p>")
			_ = xml.EscapeText(&html, []byte(p))
			html.WriteString("</p>\n")
		}
		b, err := json.Marshal(map[string]any{
			"uri": a.ID, "type": "text", "version": "1", "versionCreated": published,
			"language": a.Lang, "copyrightHolder": a.Source,
			"headlines": []hv{{Role: "main", ContentType: "text/plain", Value: a.Headline}},
			"bodies":    []hv{{Role: "main", ContentType: "text/html", Value: html.String()}},
		})
		if err != nil {
			return nil, fmt.Errorf("benchdata: %w", err)
		}
		return b, nil
	case "newsml":
		var b strings.Builder
		esc := func(s string) {
			_ = xml.EscapeText(&b, []byte(s))
		}
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
		b.WriteString(`<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="`)
		esc(a.ID)
		b.WriteString(`" version="1" standard="NewsML-G2" standardversion="2.30" xml:lang="` + a.Lang + `">` + "\n")
		b.WriteString("  <itemMeta><itemClass qcode=\"ninat:text\"/><versionCreated>" + published + "</versionCreated></itemMeta>\n")
		b.WriteString("  <contentMeta><language tag=\"" + a.Lang + "\"/><headline>")
		esc(a.Headline)
		b.WriteString("</headline></contentMeta>\n")
		b.WriteString("  <contentSet><inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>\n")
		for _, p := range strings.Split(a.Body, "\n\n") {
			b.WriteString("<p>")
			esc(p)
			b.WriteString("</p>\n")
		}
		b.WriteString("</body></html></inlineXML></contentSet>\n</newsItem>\n")
		return []byte(b.String()), nil
	}
	return nil, fmt.Errorf("benchdata: unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
}

// Item is one article of a mixed set, rendered in one format.
type Item struct {
	Article Article
	Format  string
	Payload []byte
	Words   int
}

// Mixed returns n articles of about words words each, cycling through the
// languages (French and English twice as often as the others), the
// formats and the texts, each with a distinct id.
func (c *Corpus) Mixed(n, words int) ([]Item, error) {
	langs := []string{"fr", "en", "de", "fr", "en", "es", "it"}
	formats := Formats()
	out := make([]Item, 0, n)
	for i := range n {
		a, err := c.Build(langs[i%len(langs)], words, i/len(langs))
		if err != nil {
			return nil, err
		}
		a.ID = fmt.Sprintf("urn:wirenrich:bench:%d:%s", i, a.Lang)
		f := formats[i%len(formats)]
		p, err := Payload(a, f)
		if err != nil {
			return nil, err
		}
		out = append(out, Item{Article: a, Format: f, Payload: p, Words: a.Words()})
	}
	return out, nil
}
