package resolve

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestRuneCount checks runeCount (continuation bytes counted 8 at a time
// in valid UTF-8) against utf8.RuneCountInString, invalid bytes included.
func TestRuneCount(t *testing.T) {
	pieces := []string{"a", "é", "€", "𝄞", "\xff", "\xc3", "\x80", " ", "(", "abcdefgh", "ééé"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 100000; n++ {
		var b strings.Builder
		for k := rng.Intn(30); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("%q: %d want %d", s, got, want)
		}
	}
}
