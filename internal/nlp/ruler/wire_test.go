package ruler_test

import "testing"

// TestWireEnDe checks English and German wire-copy names: a demonym joined
// to a participle is no name, and German institutions and parties are
// organisations in their inflected forms.
func TestWireEnDe(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name: "en demonym compounds and adjectives dropped, a country compound kept",
			lang: "en",
			body: "A Greek-owned, Liberian-flagged ship sank. Philippine Foreign Secretary Enrique Manalo and the Scots spoke of the US-backed plan. Franco-German and Sino-American ties held.",
			spans: []span{
				{Field: 1, Text: "Franco-German", Type: "LOCATION", Conf: 0.7}, {Field: 1, Text: "Sino-American", Type: "MISC", Conf: 0.7},
				{Field: 1, Text: "Greek-owned", Type: "MISC", Conf: 0.9}, {Field: 1, Text: "Liberian-flagged", Type: "MISC", Conf: 0.9},
				{Field: 1, Text: "Philippine", Type: "MISC", Conf: 0.9}, {Field: 1, Text: "Enrique Manalo", Type: "PERSON", Conf: 0.9},
				{Field: 1, Text: "Scots", Type: "MISC", Conf: 0.9}, {Field: 1, Text: "US-backed", Type: "MISC", Conf: 0.9},
			},
			want: []got{{1, "Enrique Manalo", "PERSON"}, {1, "US-backed", "MISC"}},
		},
		{
			name: "de inflected institutions, parties, media",
			lang: "de",
			body: "Helfer vom Deutschen Roten Kreuz und vom Technischen Hilfswerk waren im Einsatz. Habeck (Grüne) sagte dem Handelsblatt, der Deutsche Wetterdienst warne. Die Freien Wähler und Die Linke widersprachen im Auswärtigen Amt. Die Deutschen Bahn klagte vor dem EuGH.",
			spans: []span{
				{Field: 1, Text: "Deutschen Roten Kreuz", Type: "PERSON", Conf: 0.6}, {Field: 1, Text: "Technischen Hilfswerk", Type: "MISC", Conf: 0.6},
				{Field: 1, Text: "Habeck", Type: "PERSON", Conf: 0.9},
			},
			want: []got{
				{1, "Deutschen Roten Kreuz", "ORGANIZATION"}, {1, "Technischen Hilfswerk", "ORGANIZATION"}, {1, "Habeck", "PERSON"},
				{1, "Grüne", "ORGANIZATION"}, {1, "Handelsblatt", "ORGANIZATION"}, {1, "Deutsche Wetterdienst", "ORGANIZATION"},
				{1, "Freien Wähler", "ORGANIZATION"}, {1, "Die Linke", "ORGANIZATION"}, {1, "Auswärtigen Amt", "ORGANIZATION"},
				{1, "Deutschen Bahn", "ORGANIZATION"}, {1, "EuGH", "ORGANIZATION"},
			},
		},
	}, false)
}

// TestCourtNames checks that a German court compound with its seat, its
// state's adjective or a federal prefix is an organisation, and that the
// bare court word, or a dish ("Gericht"), is none; that an English court
// takes in its district or circuit and a body the place after "of"; and
// that curated bodies the NER cuts are whole.
func TestCourtNames(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	runRuleCases(t, []ruleCase{
		{
			name: "de courts",
			lang: "de",
			body: "Das Landgericht Berlin gab statt, das Hessische Landesarbeitsgericht nicht. Das Arbeitsgericht Frankfurt und das Bundessozialgericht schwiegen. Das Landgericht vertagte. Stockfisch ist ein Nationalgericht Portugals.",
			spans: []span{
				{Field: 1, Text: "Berlin", Type: "LOCATION", Conf: 0.9}, {Field: 1, Text: "Arbeitsgericht Frankfurt", Type: "LOCATION", Conf: 0.7},
				{Field: 1, Text: "Portugals", Type: "LOCATION", Conf: 0.9},
			},
			want: []got{
				{1, "Landgericht Berlin", "ORGANIZATION"}, {1, "Hessische Landesarbeitsgericht", "ORGANIZATION"},
				{1, "Arbeitsgericht Frankfurt", "ORGANIZATION"}, {1, "Bundessozialgericht", "ORGANIZATION"},
				{1, "Portugals", "LOCATION"},
			},
		},
		{
			name: "en a body and the place cut off after of, a court and its district",
			lang: "en",
			body: "At the Economic Club of New York, a judge of the U.S. District Court for the Eastern District of Virginia and the Court of Appeals for the Ninth Circuit spoke. Apple of Cupertino did not.",
			spans: []span{
				{Field: 1, Text: "Economic Club", Type: "ORGANIZATION", Conf: 0.9}, {Field: 1, Text: "New York", Type: "LOCATION", Conf: 0.9},
				{Field: 1, Text: "U.S. District Court", Type: "ORGANIZATION", Conf: 0.9}, {Field: 1, Text: "Eastern District", Type: "LOCATION", Conf: 0.7},
				{Field: 1, Text: "Virginia", Type: "LOCATION", Conf: 0.9}, {Field: 1, Text: "Court of Appeals", Type: "ORGANIZATION", Conf: 0.9},
				{Field: 1, Text: "Ninth Circuit", Type: "MISC", Conf: 0.7}, {Field: 1, Text: "Apple", Type: "ORGANIZATION", Conf: 0.9},
				{Field: 1, Text: "Cupertino", Type: "LOCATION", Conf: 0.9},
			},
			want: []got{
				{1, "Economic Club of New York", "ORGANIZATION"},
				{1, "U.S. District Court for the Eastern District of Virginia", "ORGANIZATION"},
				{1, "Court of Appeals for the Ninth Circuit", "ORGANIZATION"},
				{1, "Apple", "ORGANIZATION"}, {1, "Cupertino", "LOCATION"},
			},
		},
		{
			name: "curated bodies the NER cuts at a conjunction or takes a word of",
			lang: "fr",
			body: "L'armée de l'Air et de l'Espace a défilé.",
			spans: []span{
				{Field: 1, Text: "Air", Type: "LOCATION", Conf: 0.7},
			},
			want: []got{{1, "armée de l'Air et de l'Espace", "ORGANIZATION"}},
		},
		{
			name: "en curated agency cut at its conjunction",
			lang: "en",
			body: "The Centers for Medicare and Medicaid Services agreed.",
			spans: []span{
				{Field: 1, Text: "Medicare", Type: "ORGANIZATION", Conf: 0.7}, {Field: 1, Text: "Medicaid Services", Type: "ORGANIZATION", Conf: 0.7},
			},
			want: []got{{1, "Centers for Medicare and Medicaid Services", "ORGANIZATION"}},
		},
	}, true)
}

// TestGermanOrgHeads checks that a broadcaster, an association or a maker
// before a name, alone or ending a compound, makes it an organisation.
func TestGermanOrgHeads(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name: "de heads",
			lang: "de",
			body: "Er sagte dem Nachrichtensender Phoenix, der Autobauer Tesla und der Versicherer Allianz schwiegen.",
			spans: []span{
				{Field: 1, Text: "Phoenix", Type: "LOCATION", Conf: 0.8}, {Field: 1, Text: "Tesla", Type: "PERSON", Conf: 0.5},
				{Field: 1, Text: "Allianz", Type: "MISC", Conf: 0.8},
			},
			want: []got{{1, "Phoenix", "ORGANIZATION"}, {1, "Tesla", "ORGANIZATION"}, {1, "Allianz", "ORGANIZATION"}},
		},
	}, false)
}

// TestEnglishOrgHeads checks that an operator before a name, and an
// apposition opened by a place's possessive, make it an organisation.
func TestEnglishOrgHeads(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	runRuleCases(t, []ruleCase{
		{
			name: "en operator, possessive apposition; a person's apposition without a head",
			lang: "en",
			body: "State grid operator Ukrenergo cut power. DTEK, Ukraine's largest private energy company, was hit. Oleh Syniehubov, Kharkiv's governor, spoke.",
			spans: []span{
				{Field: 1, Text: "Ukrenergo", Type: "PERSON", Conf: 0.5}, {Field: 1, Text: "Ukraine", Type: "LOCATION", Conf: 0.9},
				{Field: 1, Text: "Oleh Syniehubov", Type: "PERSON", Conf: 0.9}, {Field: 1, Text: "Kharkiv", Type: "LOCATION", Conf: 0.9},
			},
			want: []got{
				{1, "Ukrenergo", "ORGANIZATION"}, {1, "DTEK", "ORGANIZATION"}, {1, "Ukraine", "LOCATION"},
				{1, "Oleh Syniehubov", "PERSON"}, {1, "Kharkiv", "LOCATION"},
			},
		},
	}, true)
}

// TestMinistryCompounds checks that a German one-word ministry compound
// is an organisation, with the portfolio after it, and that the bare word
// is none.
func TestMinistryCompounds(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name:  "de compounds added or retyped, the bare word left alone",
			lang:  "de",
			body:  "Das Finanzministerium widersprach dem Bundesinnenministerium. Das Ministerium schwieg, das Bundesministerium für Bildung und Forschung und das Verteidigungsministerium nicht.",
			spans: []span{{Field: 1, Text: "Bundesinnenministerium", Type: "LOCATION", Conf: 0.5}},
			want: []got{
				{1, "Finanzministerium", "ORGANIZATION"}, {1, "Bundesinnenministerium", "ORGANIZATION"},
				{1, "Bundesministerium für Bildung und Forschung", "ORGANIZATION"}, {1, "Verteidigungsministerium", "ORGANIZATION"},
			},
		},
	}, false)
}

// TestMiscHeads checks that a ship or drug word before a name, and a
// ship prefix opening it, make it a MISC, that a name that merely starts
// with such a word keeps its type, and that an index word before a curated
// index is no part of its name.
func TestMiscHeads(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name: "en ships and drugs",
			lang: "en",
			body: "The tanker Sounion burned and the USS Carney fired. Sales of the drug Mounjaro rose. The Drug Enforcement Administration and the carrier Lufthansa were not involved.",
			spans: []span{
				{Field: 1, Text: "Sounion", Type: "LOCATION", Conf: 0.7}, {Field: 1, Text: "USS Carney", Type: "LOCATION", Conf: 0.7},
				{Field: 1, Text: "Mounjaro", Type: "PERSON", Conf: 0.6}, {Field: 1, Text: "Drug Enforcement Administration", Type: "ORGANIZATION", Conf: 0.9},
				{Field: 1, Text: "Lufthansa", Type: "ORGANIZATION", Conf: 0.9},
			},
			want: []got{
				{1, "Sounion", "MISC"}, {1, "USS Carney", "MISC"}, {1, "Mounjaro", "MISC"},
				{1, "Drug Enforcement Administration", "ORGANIZATION"}, {1, "Lufthansa", "ORGANIZATION"},
			},
		},
		{
			name:  "de index word before a curated index",
			lang:  "de",
			body:  "Der Leitindex DAX stieg, der Nebenwerteindex MDax auch.",
			spans: []span{{Field: 1, Text: "Leitindex DAX", Type: "ORGANIZATION", Conf: 0.7}, {Field: 1, Text: "Nebenwerteindex MDax", Type: "MISC", Conf: 0.7}},
			want:  []got{{1, "DAX", "MISC"}, {1, "MDax", "MISC"}},
		},
		{
			name:  "de ship",
			lang:  "de",
			body:  "Der Frachter Rubymar sank im Roten Meer.",
			spans: []span{{Field: 1, Text: "Rubymar", Type: "LOCATION", Conf: 0.7}, {Field: 1, Text: "Roten Meer", Type: "LOCATION", Conf: 0.9}},
			want:  []got{{1, "Rubymar", "MISC"}, {1, "Roten Meer", "LOCATION"}},
		},
	}, false)
}

// TestCompanyNames checks that a legal form, an ampersand between names and
// a following "and Co" make a company, and that a disease eponym alone is

// TestProductsAndWorks checks that a product noun after a name (en) makes
// it a MISC, an organisation only behind a possessive determiner and a
// known place never, that a work head before a name (fr) does the same but
// not after a bare "de", and that a curated company before its possessive
// is cut off the name the NER ran on from it.
func TestProductsAndWorks(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	runRuleCases(t, []ruleCase{
		{
			name: "en product tails",
			lang: "en",
			body: "SpaceX flew its Zorbship rocket. The Quarra Heavy booster was caught as the Gaza rocket fire went on. The SpaceX rocket rose.",
			spans: []span{
				{Field: 1, Text: "SpaceX", Type: "ORGANIZATION", Conf: 0.9}, {Field: 1, Text: "Zorbship", Type: "ORGANIZATION", Conf: 0.7},
				{Field: 1, Text: "Quarra Heavy", Type: "PERSON", Conf: 0.7}, {Field: 1, Text: "Gaza", Type: "LOCATION", Conf: 0.9},
				{Field: 1, Text: "SpaceX", Nth: 1, Type: "ORGANIZATION", Conf: 0.9},
			},
			want: []got{
				{1, "SpaceX", "ORGANIZATION"}, {1, "Zorbship", "MISC"}, {1, "Quarra Heavy", "MISC"},
				{1, "Gaza", "LOCATION"}, {1, "SpaceX", "ORGANIZATION"},
			},
		},
		{
			name:  "en treatment before a name",
			lang:  "en",
			body:  "Regulators approved its Alzheimer's treatment Dorvexa on Monday.",
			spans: []span{{Field: 1, Text: "Dorvexa", Type: "ORGANIZATION", Conf: 0.7}},
			want:  []got{{1, "Dorvexa", "MISC"}},
		},
		{
			name: "en curated company before its possessive",
			lang: "en",
			body: "Alphabet's Google launched a phone, and Microsoft's Satya Nadella spoke.",
			spans: []span{
				{Field: 1, Text: "Alphabet's Google", Type: "LOCATION", Conf: 0.7},
				{Field: 1, Text: "Microsoft's Satya Nadella", Type: "PERSON", Conf: 0.7},
			},
			want: []got{
				{1, "Alphabet", "ORGANIZATION"}, {1, "Google", "ORGANIZATION"},
				{1, "Microsoft", "ORGANIZATION"}, {1, "Satya Nadella", "PERSON"},
			},
		},
		{
			name: "en model numbers and suffixes, not a dose nor a year",
			lang: "en",
			body: "The Boeing 737 MAX and the iPhone 16 Pro sold, as did the iPhone 15. Wegovy 2 mg and the World Cup 2026 followed.",
			spans: []span{
				{Field: 1, Text: "Boeing 737", Type: "MISC", Conf: 0.8}, {Field: 1, Text: "MAX", Type: "MISC", Conf: 0.6},
				{Field: 1, Text: "iPhone", Type: "MISC", Conf: 0.8}, {Field: 1, Text: "iPhone", Nth: 1, Type: "MISC", Conf: 0.8},
				{Field: 1, Text: "Wegovy", Type: "MISC", Conf: 0.8}, {Field: 1, Text: "World Cup", Type: "MISC", Conf: 0.8},
			},
			want: []got{
				{1, "Boeing 737 MAX", "MISC"}, {1, "iPhone 16 Pro", "MISC"}, {1, "iPhone 15", "MISC"},
				{1, "Wegovy", "MISC"}, {1, "World Cup", "MISC"},
			},
		},
		{
			name: "fr works and drugs, not seeds",
			lang: "fr",
			body: "Le film Barbie triomphe, comme la série télévisée Amir Kabir et le médicament Dorvexa. La tête de série Sara Errani a perdu.",
			spans: []span{
				{Field: 1, Text: "Barbie", Type: "PERSON", Conf: 0.7}, {Field: 1, Text: "Amir Kabir", Type: "PERSON", Conf: 0.7},
				{Field: 1, Text: "Dorvexa", Type: "LOCATION", Conf: 0.7}, {Field: 1, Text: "Sara Errani", Type: "PERSON", Conf: 0.9},
			},
			want: []got{
				{1, "Barbie", "MISC"}, {1, "Amir Kabir", "MISC"}, {1, "Dorvexa", "MISC"}, {1, "Sara Errani", "PERSON"},
			},
		},
	}, true)
}

// no name.
func TestCompanyNames(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name: "en legal forms and ampersands",
			lang: "en",
			body: "Eli Lilly and Co's Alzheimer's drug rose. Procter & Gamble Co and Johnson & Johnson fell, said Tom Smith. Eli Lilly gained, Airbus SE too.",
			spans: []span{
				{Field: 1, Text: "Eli Lilly", Type: "PERSON", Conf: 0.9}, {Field: 1, Text: "Co's Alzheimer", Type: "ORGANIZATION", Conf: 0.6},
				{Field: 1, Text: "Procter & Gamble Co", Type: "LOCATION", Conf: 0.6}, {Field: 1, Text: "Johnson & Johnson", Type: "PERSON", Conf: 0.7},
				{Field: 1, Text: "Tom Smith", Type: "PERSON", Conf: 0.9}, {Field: 1, Text: "Eli Lilly", Nth: 1, Type: "PERSON", Conf: 0.9},
				{Field: 1, Text: "Airbus SE", Type: "LOCATION", Conf: 0.6},
			},
			want: []got{
				{1, "Eli Lilly and Co", "ORGANIZATION"}, {1, "Procter & Gamble Co", "ORGANIZATION"},
				{1, "Johnson & Johnson", "ORGANIZATION"}, {1, "Tom Smith", "PERSON"}, {1, "Eli Lilly", "ORGANIZATION"},
				{1, "Airbus SE", "ORGANIZATION"},
			},
		},
	}, false)
}

// TestPossessiveFacilities checks that a known place and its possessive
// are cut off a building or place named after them, and an organisation
// and its possessive off a body of it, and only then.
func TestPossessiveFacilities(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	runRuleCases(t, []ruleCase{
		{
			name: "en airport and stadium after a city, not after a person",
			lang: "en",
			body: "Flights at London's Heathrow Airport were cut. Fans met at McDonald's Memorial Stadium and watched Australia's Greatest Athlete.",
			spans: []span{
				{Field: 1, Text: "London's Heathrow Airport", Type: "LOCATION", Conf: 0.8},
				{Field: 1, Text: "McDonald's Memorial Stadium", Type: "LOCATION", Conf: 0.8},
				{Field: 1, Text: "Australia's Greatest Athlete", Type: "MISC", Conf: 0.8},
			},
			want: []got{
				{1, "London", "LOCATION"}, {1, "Heathrow Airport", "LOCATION"},
				{1, "McDonald's Memorial Stadium", "LOCATION"}, {1, "Australia's Greatest Athlete", "MISC"},
			},
		},
		{
			name: "en a department's bureau, a person's company",
			lang: "en",
			body: "The Labor Department's Bureau of Labor Statistics and John Smith's Acme Tool Company reported.",
			spans: []span{
				{Field: 1, Text: "Labor Department's Bureau of Labor Statistics", Type: "ORGANIZATION", Conf: 0.8},
				{Field: 1, Text: "John Smith's Acme Tool Company", Type: "ORGANIZATION", Conf: 0.8},
			},
			want: []got{
				{1, "Labor Department", "ORGANIZATION"}, {1, "Bureau of Labor Statistics", "ORGANIZATION"},
				{1, "John Smith's Acme Tool Company", "ORGANIZATION"},
			},
		},
	}, true)
}

// TestPlacePairs checks that a one-word PERSON joining known places by a
// hyphen is a LOCATION, and that other types and people's double names
// stay.
func TestPlacePairs(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	runRuleCases(t, []ruleCase{
		{
			name: "en route, race, double surname",
			lang: "en",
			body: "Rates on the Shanghai-Rotterdam route rose before the Paris-Brest race, said Kramp-Karrenbauer.",
			spans: []span{
				{Field: 1, Text: "Shanghai-Rotterdam", Type: "PERSON", Conf: 0.6}, {Field: 1, Text: "Paris-Brest", Type: "MISC", Conf: 0.7},
				{Field: 1, Text: "Kramp-Karrenbauer", Type: "PERSON", Conf: 0.9},
			},
			want: []got{{1, "Shanghai-Rotterdam", "LOCATION"}, {1, "Paris-Brest", "MISC"}, {1, "Kramp-Karrenbauer", "PERSON"}},
		},
	}, true)
}

// TestCompanyShortNames checks that the first word of a company's name
// with a legal form, alone, names the company, and that a demonym or a
// place that opens one does not.
func TestCompanyShortNames(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	runRuleCases(t, []ruleCase{
		{
			name: "en short names",
			lang: "en",
			body: "Boeing will buy Spirit AeroSystems Holdings Inc, and American Airlines Group Inc and Airbus will take over Spirit's plants, American officials said.",
			spans: []span{
				{Field: 1, Text: "Boeing", Type: "ORGANIZATION", Conf: 0.9}, {Field: 1, Text: "Spirit AeroSystems Holdings Inc", Type: "ORGANIZATION", Conf: 0.9},
				{Field: 1, Text: "American Airlines Group Inc", Type: "ORGANIZATION", Conf: 0.9}, {Field: 1, Text: "Airbus", Type: "ORGANIZATION", Conf: 0.9},
				{Field: 1, Text: "Spirit", Nth: 1, Type: "MISC", Conf: 0.6}, {Field: 1, Text: "American", Nth: 1, Type: "MISC", Conf: 0.6},
			},
			want: []got{
				{1, "Boeing", "ORGANIZATION"}, {1, "Spirit AeroSystems Holdings Inc", "ORGANIZATION"},
				{1, "American Airlines Group Inc", "ORGANIZATION"}, {1, "Airbus", "ORGANIZATION"}, {1, "Spirit", "ORGANIZATION"},
			},
		},
		{
			name: "de adjective opening a company's name",
			lang: "de",
			body: "Die Deutsche Bahn AG streikt, der Deutsche Industrie- und Handelskammertag warnt.",
			spans: []span{
				{Field: 1, Text: "Deutsche Bahn AG", Type: "ORGANIZATION", Conf: 0.9}, {Field: 1, Text: "Deutsche", Nth: 1, Type: "MISC", Conf: 0.6},
			},
			want: []got{{1, "Deutsche Bahn AG", "ORGANIZATION"}, {1, "Deutsche", "MISC"}},
		},
	}, true)
}
