package resolve

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseGenders(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		err      string
		want     map[string]gender
	}{
		{"names and comments", "# c\nmarie\tf\npierre\tm\n\n", "", map[string]gender{"marie": genderFemale, "pierre": genderMale}},
		{"no tab", "marie f\n", "line 1", nil},
		{"bad gender", "# c\nmarie\tx\n", "line 2", nil},
		{"empty name", "\tm\n", "line 1", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := ParseGenders(strings.NewReader(tc.in))
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, g.names)
		})
	}
}

// TestEmbeddedGenders checks the shipped table: names of one gender in
// every list, read in any case and with accents; names of both, initials
// and East Asian family names are unknown.
func TestEmbeddedGenders(t *testing.T) {
	g, err := LoadGenders()
	require.NoError(t, err)
	require.Greater(t, g.Len(), 9000)
	for _, tc := range []struct {
		name string
		want gender
	}{
		{"Gérald", genderMale},
		{"Léa", genderFemale},
		{"LÉA", genderFemale},
		{"Meg", genderFemale},
		{"Pierre", genderMale},
		{"Camille", genderUnknown}, // both
		{"Jean", genderUnknown},    // a man in French lists, a woman in English ones
		{"Park", genderUnknown},    // Park Geun-hye
		{"J.", genderUnknown},
		{"Zorbanu", genderUnknown},
	} {
		require.Equal(t, tc.want, g.of(tc.name), tc.name)
	}
	var none *Genders
	require.Equal(t, genderUnknown, none.of("Marie"))
}

func TestDeterminerAndHonorificGender(t *testing.T) {
	for _, tc := range []struct {
		lang, det string
		want      gender
	}{
		{"fr", "la", genderFemale},
		{"fr", "le", genderMale},
		{"fr", "l'", genderUnknown},
		{"fr", "les", genderUnknown},
		{"es", "el", genderMale},
		{"it", "la", genderFemale},
		{"pt", "o", genderMale},
		{"en", "the", genderUnknown},
		{"de", "die", genderUnknown},
	} {
		require.Equal(t, tc.want, determinerGender(tc.lang, tc.det), "%s %s", tc.lang, tc.det)
	}
	for w, want := range map[string]gender{"mme": genderFemale, "m.": genderMale, "mrs": genderFemale, "herr": genderMale, "dr": genderUnknown} {
		require.Equal(t, want, honorificGender(w), w)
	}
}
