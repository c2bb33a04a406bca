package ruler_test

import "testing"

// TestAuthorityNames checks that an authority's head, a link word and the
// place the NER found make one name of the head's type, that a whole name
// of another type is retyped, and that lower-case heads and heads before
// no place are left alone.
func TestAuthorityNames(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name: "es town hall, region, government delegation, island council",
			lang: "es",
			body: "El Ayuntamiento de Madrid y la Comunidad de Madrid discrepan. La Delegación del Gobierno en Cataluña lo prohibió. El Cabildo de Tenerife decretó la alerta.",
			spans: []span{
				{Field: 1, Text: "Madrid", Type: "LOCATION"}, {Field: 1, Text: "Madrid", Type: "LOCATION", Nth: 1},
				{Field: 1, Text: "Cataluña", Type: "LOCATION"}, {Field: 1, Text: "Cabildo de Tenerife", Type: "LOCATION", Conf: 0.8},
			},
			want: []got{
				{1, "Ayuntamiento de Madrid", "ORGANIZATION"}, {1, "Comunidad de Madrid", "LOCATION"},
				{1, "Delegación del Gobierno en Cataluña", "ORGANIZATION"}, {1, "Cabildo de Tenerife", "ORGANIZATION"},
			},
		},
		{
			name:  "it prosecutors, the head taken alone",
			lang:  "it",
			body:  "La Procura di Milano ha aperto un fascicolo.",
			spans: []span{{Field: 1, Text: "Procura", Type: "ORGANIZATION", Conf: 0.6}, {Field: 1, Text: "Milano", Type: "LOCATION"}},
			want:  []got{{1, "Procura di Milano", "ORGANIZATION"}},
		},
		{
			name:  "pt town council, two-word head",
			lang:  "pt",
			body:  "A Câmara Municipal de Lisboa aprovou o orçamento.",
			spans: []span{{Field: 1, Text: "Lisboa", Type: "LOCATION"}},
			want:  []got{{1, "Câmara Municipal de Lisboa", "ORGANIZATION"}},
		},
		{
			name:  "fr lower-case court, head before a person",
			lang:  "fr",
			body:  "Le tribunal correctionnel de Lyon a jugé la Ville de Jacques Chirac.",
			spans: []span{{Field: 1, Text: "Lyon", Type: "LOCATION"}, {Field: 1, Text: "Jacques Chirac", Type: "PERSON"}},
			want:  []got{{1, "Lyon", "LOCATION"}, {1, "Jacques Chirac", "PERSON"}},
		},
	}, false)
}
