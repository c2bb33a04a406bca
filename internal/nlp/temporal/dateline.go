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

// DatelineDate returns the date a wire dateline gives (day, month and year:
// "PARIS, 5 mars 2024 (AFP) -"), at noon UTC, so that an article without a
// publication date can still have its relative dates ("jeudi", "last
// month") resolved. The dateline opens one of the first non-empty lines of
// text (after a headline); only that line's start up to the dateline's end
// mark is read. A dateline without a year ("WASHINGTON, Dec 12 (Reuters)")
// takes the year that puts it on or before near, give or take a day (near:
// when the article was received; a dateline is never in the future), and
// gives nothing when near is zero.
func (x *Extractor) DatelineDate(text, lang string, near time.Time) (time.Time, bool) {
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
		if t, ok := x.datelineDate(strings.TrimSpace(line), lang, near); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// datelineDate reads a dateline at the start of one line.
func (x *Extractor) datelineDate(line, lang string, near time.Time) (time.Time, bool) {
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
	dateline := head[:end]
	if t, ok := x.day(dateline, lang, time.Time{}); ok {
		return t, true // day, month and year written
	}
	if near.IsZero() {
		return time.Time{}, false
	}
	t, ok := x.day(dateline, lang, near)
	if ok && t.After(near.Add(36*time.Hour)) {
		t = t.AddDate(-1, 0, 0) // a dateline is never in the future
	}
	return t, ok
}

// day returns the first date of one day text gives, read against ref (a
// date without a year has no value against a zero ref), at noon UTC.
func (x *Extractor) day(text, lang string, ref time.Time) (time.Time, bool) {
	for _, e := range x.Extract(text, lang, ref) {
		if e.Type != "DATE" || len(e.Value) != len("2006-01-02") {
			continue
		}
		if t, err := time.Parse("2006-01-02", e.Value); err == nil {
			return t.Add(12 * time.Hour), true
		}
	}
	return time.Time{}, false
}
