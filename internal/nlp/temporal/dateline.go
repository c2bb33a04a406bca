package temporal

import (
	"strings"
	"time"
)

// datelineBytes bounds the start of a text read for a dateline.
const datelineBytes = 120

// datelineLines is how many non-empty lines may come before the
// dateline's (a headline, a standfirst).
const datelineLines = 3

// DatelineDate returns the date a wire dateline gives in full (day, month
// and year: "PARIS, 5 mars 2024 (AFP) -"), at noon UTC, so that an article
// without a publication date can still have its relative dates ("jeudi",
// "last month") resolved. The dateline opens one of the first non-empty
// lines of text (after a headline); only that line's start up to the
// dateline's end mark is read; a dateline without a year gives nothing.
func (x *Extractor) DatelineDate(text, lang string) (time.Time, bool) {
	for n := 0; n < datelineLines && text != ""; {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		n++
		if t, ok := x.datelineDate(strings.TrimSpace(line), lang); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// datelineDate reads a dateline at the start of one line.
func (x *Extractor) datelineDate(line, lang string) (time.Time, bool) {
	head := line
	if len(head) > datelineBytes {
		head = head[:datelineBytes]
	}
	end := -1
	// The marks that end a dateline's place and date: its dash, or the
	// bracket of its agency ("PARIS, 5 mars 2024 (AFP) - ", "MADRID, 11
	// jun (EFE).- ", "Berlin, 5. März 2024 – ").
	for _, mark := range [...]string{" - ", " – ", " — ", "("} {
		if i := strings.Index(head, mark); i >= 0 && (end < 0 || i < end) {
			end = i
		}
	}
	if end <= 0 {
		return time.Time{}, false
	}
	for _, e := range x.Extract(head[:end], lang, time.Time{}) {
		if e.Type != "DATE" || len(e.Value) != len("2006-01-02") {
			continue
		}
		t, err := time.Parse("2006-01-02", e.Value)
		if err != nil {
			continue
		}
		return t.Add(12 * time.Hour), true
	}
	return time.Time{}, false
}
