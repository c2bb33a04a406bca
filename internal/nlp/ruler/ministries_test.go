package ruler_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMinistries checks that a ministry's portfolio is no name: a mention
// inside it is dropped, one running on past it keeps what follows.
func TestMinistries(t *testing.T) {
	cases := []struct {
		name, lang, body string
		spans            []span
		want             []got
	}{
		{
			name:  "the portfolio and the organisation it belongs to",
			lang:  "fr",
			body:  "Selon le ministère de la Santé du Hamas, 30 personnes ont été tuées.",
			spans: []span{{Field: 1, Text: "Santé du Hamas", Type: "LOCATION", Conf: 0.7}},
			want:  []got{{1, "Hamas", "ORGANIZATION"}}, // the curated list types it
		},
		{
			name:  "a portfolio alone",
			lang:  "fr",
			body:  "Les ministères des Affaires étrangères et de la Défense n'ont pas commenté.",
			spans: []span{{Field: 1, Text: "Affaires étrangères", Type: "LOCATION", Conf: 0.7}},
			want:  []got{},
		},
		{
			name:  "the NER took the ministry whole: kept",
			lang:  "en",
			body:  "The Ministry of Defence said on Monday.",
			spans: []span{{Field: 1, Text: "Ministry of Defence", Type: "ORGANIZATION", Conf: 0.9}},
			want:  []got{{1, "Ministry of Defence", "ORGANIZATION"}},
		},
		{
			name:  "no ministry word before",
			lang:  "fr",
			body:  "Il a parlé de la Santé du Hamas hier.",
			spans: []span{{Field: 1, Text: "Santé du Hamas", Type: "LOCATION", Conf: 0.7}},
			want:  []got{{1, "Santé du Hamas", "LOCATION"}},
		},
	}
	r := load(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := build(t, c.lang, "", c.body, c.spans...)
			r.Apply(a)
			checkInvariants(t, a)
			require.Equal(t, c.want, mentions(a))
		})
	}
}
