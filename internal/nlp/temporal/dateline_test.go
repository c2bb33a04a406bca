package temporal

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestDatelineDate(t *testing.T) {
	x, err := New()
	require.NoError(t, err)
	for _, tc := range []struct {
		name, lang, text string
		near             string // received; "" = unknown
		want             string // "" = none
	}{
		{"AFP", "fr", "PARIS, 5 mars 2024 (AFP) - Le trafic sera perturbé jeudi.", "", "2024-03-05"},
		{"le", "fr", "Paris, le 12 juin 2024 - Le gouvernement a annoncé mardi.", "", "2024-06-12"},
		{"Reuters with year", "en", "WASHINGTON, June 12, 2024 (Reuters) - The Fed held rates.", "", "2024-06-12"},
		{"German", "de", "Berlin, 5. März 2024 – Die Regierung hat am Montag beschlossen.", "", "2024-03-05"},
		{"no year", "en", "WASHINGTON, Dec 12 (Reuters) - Zelenskiy met Biden on Tuesday.", "", ""},
		{"no year, received", "en", "WASHINGTON, Dec 12 (Reuters) - Zelenskiy met Biden on Tuesday.", "2023-12-12T15:04:05Z", "2023-12-12"},
		{"no year, received in the next year", "en", "WASHINGTON, Dec 31 (Reuters) - Markets closed.", "2024-01-01T02:00:00Z", "2023-12-31"},
		{"no year, received the day before (time zones)", "es", "MADRID, 11 jun (EFE).- El Gobierno aprobó el plan.", "2024-06-10T23:30:00Z", "2024-06-11"},
		{"no date", "fr", "KIEV (AFP) - Le président a réclamé des défenses le 5 mars 2024.", "", ""},
		{"a date in the text, no dateline", "fr", "Le 5 mars 2024, le trafic était perturbé, a annoncé la SNCF mardi soir et mercredi.", "", ""},
		{"after a headline", "fr", "Grève à la SNCF : le trafic sera perturbé jeudi\n\nPARIS, 5 mars 2024 (AFP) - Le trafic sera perturbé.", "", "2024-03-05"},
		{"too far down", "fr", "Titre\nChapeau\nAutre ligne\nPARIS, 5 mars 2024 (AFP) - Le trafic.", "", ""},
		{"empty", "fr", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var near time.Time
			if tc.near != "" {
				var err error
				near, err = time.Parse(time.RFC3339, tc.near)
				require.NoError(t, err)
			}
			got, ok := x.DatelineDate(tc.text, tc.lang, near)
			if tc.want == "" {
				require.False(t, ok, "got %v", got)
				return
			}
			require.True(t, ok)
			require.Equal(t, tc.want, got.Format(time.DateOnly))
		})
	}
}
