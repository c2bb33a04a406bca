package article

import (
	"math"
	"time"
)

// timeValue is a parsed date; ok is false when the text was not a date in
// any accepted layout.
type timeValue struct {
	t  time.Time
	ok bool
}

// timeLayouts are the accepted date layouts, tried in order. A layout
// without a zone is read as UTC.
var timeLayouts = [...]string{
	time.RFC3339Nano,                   // 2024-06-19T07:58:00.123+02:00
	"2006-01-02T15:04:05Z0700",         // 2024-06-19T07:58:00+0200
	"2006-01-02T15:04Z07:00",           // 2024-06-19T07:58Z
	"2006-01-02T15:04:05.999999999",    // 2024-06-19T07:58:00 (no zone)
	"2006-01-02T15:04",                 // 2024-06-19T07:58
	"2006-01-02 15:04:05Z07:00",        // 2024-06-19 07:58:00+02:00
	"2006-01-02 15:04:05 -0700",        // 2024-06-19 07:58:00 +0200
	"2006-01-02 15:04:05.999999999",    // 2024-06-19 07:58:00
	"2006-01-02 15:04",                 // 2024-06-19 07:58
	"2006-01-02",                       // 2024-06-19
	"20060102T150405Z0700",             // 20240619T075800+0200 (IPTC 7901, NewsML 1)
	"20060102T150405Z",                 // 20240619T075800Z
	"20060102T150405",                  // 20240619T075800
	"20060102",                         // 20240619
	time.RFC1123Z,                      // Wed, 19 Jun 2024 07:58:00 +0200 (RSS)
	time.RFC1123,                       // Wed, 19 Jun 2024 07:58:00 GMT
	"Mon, 2 Jan 2006 15:04:05 -0700",   // single-digit day
	"Mon, 2 Jan 2006 15:04:05 MST",     //
	"2 Jan 2006 15:04:05 -0700",        // no weekday
	"02 Jan 2006 15:04 -0700",          //
	time.RFC850,                        // Wednesday, 19-Jun-24 07:58:00 UTC
	time.ANSIC,                         // Wed Jun 19 07:58:00 2024
	"January 2, 2006 15:04 MST",        // AP style
	"January 2, 2006",                  //
	"02/01/2006 15:04",                 // French wires: 19/06/2024 07:58
	"02/01/2006",                       // 19/06/2024
	"2006-01-02T15:04:05.999999999Z07", // +02 short offset
}

// parseTime reads a date in one of timeLayouts; the result is in UTC.
func parseTime(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// unixTime reads Unix seconds, or milliseconds when the number is too big
// to be seconds (after the year 5138).
func unixTime(f float64) time.Time {
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e15 {
		return time.Time{}
	}
	if math.Abs(f) > 1e11 {
		f /= 1000
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)).UTC()
}
