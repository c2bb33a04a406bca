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

// TestByteOffsetValid checks the walk over valid UTF-8 against byteOffset,
// from every code point boundary to every code point.
func TestByteOffsetValid(t *testing.T) {
	for _, txt := range []string{
		"", "abc", "Le président russe, Vladimir Poutine, a été reçu à Pyongyang.\n«\u00a0Très bien\u00a0», a-t-il dit.",
		strings.Repeat("é", 20) + strings.Repeat("a", 17) + "日本語" + strings.Repeat("ß", 9) + "x",
	} {
		n := utf8.RuneCountInString(txt)
		for from := 0; from <= n; from++ {
			at, _ := byteOffset(txt, 0, 0, from)
			for end := from; end <= n+2; end++ {
				wantAt, wantCP := byteOffset(txt, at, from, end)
				gotAt, gotCP := byteOffsetValid(txt, at, from, end)
				if gotAt != wantAt || gotCP != wantCP {
					t.Fatalf("%q from %d to %d: %d %d, want %d %d", txt, from, end, gotAt, gotCP, wantAt, wantCP)
				}
			}
		}
	}
}

// TestFirstField checks firstField against strings.Fields.
func TestFirstField(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a ", "Me Rodolphe Bosselut", "Dr.\u00a0Fauci", "x\u2003 ", "\xff y", "\tJean\n", "a b c"} {
		f := strings.Fields(s)
		first, more := firstField(s)
		want := ""
		if len(f) > 0 {
			want = f[0]
		}
		if first != want || more != (len(f) > 1) {
			t.Fatalf("%q: %q %v, want %q %v", s, first, more, want, len(f) > 1)
		}
	}
}
