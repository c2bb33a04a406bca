package temporal

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExtract checks the invariants of Extract on any input: no panic,
// spans within bounds, in order and not overlapping, Text equal to the
// span. Seeds are in testdata/fuzz/FuzzExtract.
func FuzzExtract(f *testing.F) {
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Vladimir Poutine et Kim Jong-un ont signé, mercredi 18 juin, un accord de 3,5 milliards d’euros.", "fr", int64(1718784000))
	f.Add("The deal, worth $1.2bn, was signed on March 3, 2021 at 2:30 pm; shares rose 12%.", "en", int64(0))
	f.Fuzz(func(t *testing.T, s, lang string, unix int64) {
		var ref time.Time
		if unix != 0 {
			ref = time.Unix(unix%(1<<40), 0).UTC()
		}
		got := x.Extract(s, lang, ref)
		if !utf8.ValidString(s) {
			// Offsets count code points as Go decodes them (an invalid
			// byte is one code point); the text still must not panic.
			for _, e := range got {
				if e.Start < 0 || e.End <= e.Start {
					t.Fatalf("bad span %+v", e)
				}
			}
			return
		}
		checkSpans(t, s, got)
	})
}
