package ruler_test

import "testing"

// TestPlaceHeads checks that a place word before a name makes one
// LOCATION of both, adjacent ("place Kim Il-sung") or, for a street word,
// over a link word ("rue d'Aubagne"), and that "à la place de" does not.
func TestPlaceHeads(t *testing.T) {
	cases := []ruleCase{
		{
			name:  "a place word right before the name",
			lang:  "fr",
			body:  "La place Kim Il-sung était vide.",
			spans: []span{{Field: 1, Text: "Kim Il-sung", Type: "PERSON", Conf: 0.9}},
			want:  []got{{1, "place Kim Il-sung", "LOCATION"}},
		},
		{
			name:  "a street word and a link word",
			lang:  "fr",
			body:  "L'effondrement de deux immeubles rue d'Aubagne avait fait huit morts.",
			spans: []span{{Field: 1, Text: "Aubagne", Type: "LOCATION", Conf: 0.9}},
			want:  []got{{1, "rue d'Aubagne", "LOCATION"}},
		},
		{
			name:  "à la place de: no street",
			lang:  "fr",
			body:  "A la place de Marine Le Pen, Jordan Bardella a parlé.",
			spans: []span{{Field: 1, Text: "Marine Le Pen", Type: "PERSON", Conf: 0.9}, {Field: 1, Text: "Jordan Bardella", Type: "PERSON", Conf: 0.9}},
			want:  []got{{1, "Marine Le Pen", "PERSON"}, {1, "Jordan Bardella", "PERSON"}},
		},
	}
	runRuleCases(t, cases, false)
}
