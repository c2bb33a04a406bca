package resolve

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

// TestParenRuns checks the runs groupAcronyms looks parentheses up in
// against a walk of the text to every code point.
func TestParenRuns(t *testing.T) {
	pieces := []string{"a", "é", " ", "\u00a0", "\u202f", "(", ")", "x", "\xff", "\xe2\x80", "\xc2", "\n", "ONU", "€"}
	rng := rand.New(rand.NewSource(1))
	texts := []string{"L'Organisation des Nations unies (ONU) a réagi.", "KIEV\u00a0(AFP) - Kiev\u202f( Kyiv ) et Charlotte (Caroline du Nord)", "(", ""}
	for n := 0; n < 5000; n++ {
		var b strings.Builder
		for k := rng.Intn(20); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, txt := range texts {
		runs := parenRuns(txt, nil)
		for end := 0; end <= len(txt)+2; end++ {
			at, cp := byteOffset(txt, 0, 0, end)
			wantInner, wantOK := "", false
			if cp == end {
				wantInner, wantOK = parenthesisAfter(txt, at)
			}
			got := -1
			for _, r := range runs {
				if r.lo <= end && end <= r.hi {
					got, _ = byteOffset(txt, r.at, r.lo, end)
					break
				}
			}
			gotInner, gotOK := "", false
			if got >= 0 {
				gotInner, gotOK = parenthesisAfter(txt, got)
			}
			if gotOK != wantOK || gotInner != wantInner {
				t.Fatalf("%q end %d: got %q %v want %q %v", txt, end, gotInner, gotOK, wantInner, wantOK)
			}
		}
	}
}

// TestFoldHashToken checks foldHashToken against lexicon.Fold and the
// hash of the folded form.
func TestFoldHashToken(t *testing.T) {
	pieces := []string{"a", "É", "é", " ", "\u00a0", "Z", "9", "'", "’", ".", "-", "\xff", "ß", "Œ", "x", "A"}
	rng := rand.New(rand.NewSource(3))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := rng.Intn(6); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		want := lexicon.Fold(s)
		out, same, spaced, h := foldHashToken([]byte("<"), s)
		if spaced != strings.Contains(want, " ") {
			t.Fatalf("%q spaced", s)
		}
		got := string(out[1:])
		if same {
			if got != "" && got != s {
				t.Fatalf("%q: same but appended %q", s, got)
			}
			got = s
		}
		if got != want || same != (want == s) {
			t.Fatalf("%q: %q %v want %q", s, got, same, want)
		}
		if fnv1a(want) != h {
			t.Fatalf("%q: hash", s)
		}
	}
}
