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

// TestMinisterPortfolios checks that after a minister's title only an
// unknown place or MISC inside the portfolio is dropped, with the
// gazetteer of the language's real tagger.
func TestMinisterPortfolios(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	cases := []ruleCase{
		{
			name:  "the portfolio read as a place",
			lang:  "es",
			body:  "La ministra de Hacienda, María Jesús Montero, celebró la decisión.",
			spans: []span{{Field: 1, Text: "Hacienda", Type: "LOCATION", Conf: 0.7}, {Field: 1, Text: "María Jesús Montero", Type: "PERSON", Conf: 0.9}},
			want:  []got{{1, "María Jesús Montero", "PERSON"}},
		},
		{
			name:  "a known place after the title stays",
			lang:  "en",
			body:  "She was Chief Minister of Rajasthan from 2013.",
			spans: []span{{Field: 1, Text: "Rajasthan", Type: "LOCATION", Conf: 0.9}},
			want:  []got{{1, "Rajasthan", "LOCATION"}},
		},
		{
			name:  "a person after the title stays",
			lang:  "fr",
			body:  "Le ministre de Macron a parlé.",
			spans: []span{{Field: 1, Text: "Macron", Type: "PERSON", Conf: 0.9}},
			want:  []got{{1, "Macron", "PERSON"}},
		},
	}
	runRuleCases(t, cases, true)
}
