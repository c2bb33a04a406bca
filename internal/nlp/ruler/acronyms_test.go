package ruler_test

import "testing"

// TestParenAcronyms checks that an acronym in brackets right after a name
// is added (with the name's words when the NER saw none, and the acronym
// used later), and that people, dateline places and acronyms that
// abbreviate nothing there are left alone.
func TestParenAcronyms(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	runRuleCases(t, []ruleCase{
		{
			name:  "en agency, acronym used again",
			lang:  "en",
			body:  "The U.S. National Hurricane Center (NHC) said the storm grew. NHC Director Michael Brennan spoke.",
			spans: []span{{Field: 1, Text: "U.S. National Hurricane Center", Type: "ORGANIZATION", Conf: 0.9}, {Field: 1, Text: "Michael Brennan", Type: "PERSON", Conf: 0.9}},
			want: []got{
				{1, "U.S. National Hurricane Center", "ORGANIZATION"}, {1, "NHC", "ORGANIZATION"},
				{1, "NHC", "ORGANIZATION"}, {1, "Michael Brennan", "PERSON"},
			},
		},
		{
			name:  "en command the NER took for a place, seven letters",
			lang:  "en",
			body:  "The crew was rescued, Central Command (CENTCOM) said.",
			spans: []span{{Field: 1, Text: "Central Command", Type: "LOCATION", Conf: 0.6}},
			want:  []got{{1, "Central Command", "ORGANIZATION"}, {1, "CENTCOM", "ORGANIZATION"}},
		},
		{
			name:  "en law keeps its type",
			lang:  "en",
			body:  "It faces scrutiny under the Digital Markets Act (DMA) in Europe.",
			spans: []span{{Field: 1, Text: "Digital Markets Act", Type: "MISC", Conf: 0.9}, {Field: 1, Text: "Europe", Type: "LOCATION", Conf: 0.9}},
			want:  []got{{1, "Digital Markets Act", "MISC"}, {1, "DMA", "MISC"}, {1, "Europe", "LOCATION"}},
		},
		{
			name: "de no name before the bracket: the initials make one",
			lang: "de",
			body: "Der Gesamtverband der Deutschen Versicherungswirtschaft (GDV) schätzte die Schäden.",
			want: []got{{1, "Gesamtverband der Deutschen Versicherungswirtschaft", "ORGANIZATION"}, {1, "GDV", "ORGANIZATION"}},
		},
		{
			name:  "de union the NER took for a MISC",
			lang:  "de",
			body:  "Die Gewerkschaft Deutscher Lokomotivführer (GDL) streikt.",
			spans: []span{{Field: 1, Text: "Gewerkschaft Deutscher Lokomotivführer", Type: "MISC", Conf: 0.6}},
			want:  []got{{1, "Gewerkschaft Deutscher Lokomotivführer", "ORGANIZATION"}, {1, "GDL", "ORGANIZATION"}},
		},
		{
			name:  "de name cut short before a function word grows to the bracket",
			lang:  "de",
			body:  "Das Deutsche Institut für Wirtschaftsforschung (DIW) warnte.",
			spans: []span{{Field: 1, Text: "Deutsche Institut", Type: "ORGANIZATION", Conf: 0.8}},
			want:  []got{{1, "Deutsche Institut für Wirtschaftsforschung", "ORGANIZATION"}, {1, "DIW", "ORGANIZATION"}},
		},
		{
			name: "en two letters after a title: no name",
			lang: "en",
			body: "Since 1999 he has been Deputy Lieutenant (DL) in West Sussex.",
			want: []got{},
		},
		{
			name: "en person, place, product: nothing added",
			lang: "en",
			body: "John Smith (JS) met in Paris (XYZ) about the Galaxy Phone (ABC) and Stock Prices (TBD).",
			spans: []span{
				{Field: 1, Text: "John Smith", Type: "PERSON", Conf: 0.9}, {Field: 1, Text: "Paris", Type: "LOCATION", Conf: 0.9},
				{Field: 1, Text: "Galaxy Phone", Type: "MISC", Conf: 0.9},
			},
			want: []got{{1, "John Smith", "PERSON"}, {1, "Paris", "LOCATION"}, {1, "Galaxy Phone", "MISC"}},
		},
	}, true)
}
