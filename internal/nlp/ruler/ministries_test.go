package ruler_test

import "testing"

// TestMinistries checks that a ministry's portfolio is no name: a mention
// inside it is dropped, one running on past it keeps what follows.
func TestMinistries(t *testing.T) {
	cases := []ruleCase{
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
	runRuleCases(t, cases, false)
}
