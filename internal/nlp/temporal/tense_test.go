package temporal

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTenseBefore(t *testing.T) {
	var tl tenseLexicon
	for _, l := range [][2]string{
		{"a", "past"}, {"est", "past s se"}, {"prévu", "future"}, {"*dra", "future"},
		{"*ed", "past !be"}, {"need", "none"}, {"will", "future"}, {"highest", "span"},
	} {
		require.NoError(t, tl.add(l[0], l[1]))
	}
	for _, tc := range []struct {
		name, text string
		want       int8
		spans      bool
	}{
		{"auxiliary", "Le ministre a annoncé ", tensePast, false},
		{"preposition is not the auxiliary", "Il se rendra à ", tenseFuture, false},
		{"nearest word decides", "Le vote a été prévu ", tenseFuture, false},
		{"only after", "Le sommet s'est tenu ", tensePast, false},
		{"not after", "Le sommet est ", tenseNone, false},
		{"suffix", "Police arrested him on ", tensePast, false},
		{"none stops the suffix", "They need ", tenseNone, false},
		{"capitalised words passed over", "a déclaré l'agence KCNA ", tensePast, false},
		{"capitalised words not counted", "Blinken a reçu le ministre Wang Yi de la Chine Populaire Unie ", tensePast, false},
		{"clause boundary", "Il a dit. Le sommet ", tenseNone, false},
		{"quotation boundary", "a-t-il dit « Le sommet ", tenseNone, false},
		{"window", "a un deux trois quatre cinq six sept ", tenseNone, false},
		{"short words have no suffix", "the bed ", tenseNone, false},
		{"empty", "", tenseNone, false},
		{"not after", "It will be published ", tenseFuture, false},
		{"superlative passed over for a weekday", "prices climbed to the highest ", tensePast, false},
		{"superlative for in", "prices are at the highest ", tensePast, true},
		{"superlative without spans", "prices are at the highest ", tenseNone, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, tl.tenseBefore(tc.text, len(tc.text), tc.spans))
		})
	}
	require.Error(t, tl.add("deux mots", "past"))
	require.Error(t, tl.add("x", "present"))
	require.Error(t, tl.add("*", "past"))
	require.Error(t, tl.add("*ed", "past be"))
}

func TestWeekdayTense(t *testing.T) {
	r := newRef(ymd(2024, 6, 19)) // a Wednesday
	for _, tc := range []struct {
		name  string
		wd    int
		tense int8
		want  int
	}{
		{"no tense: Thursday is tomorrow", 4, tenseNone, 1},
		{"no tense: Saturday is past", 6, tenseNone, -4},
		{"past: Thursday a week ago less a day", 4, tensePast, -6},
		{"past: today", 3, tensePast, 0},
		{"future: Saturday", 6, tenseFuture, 3},
		{"future: today", 3, tenseFuture, 0},
		{"future: Tuesday", 2, tenseFuture, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, r.weekdayTense(tc.wd, tc.tense))
		})
	}
}
