package ruler_test

import "testing"

// TestOrgAppositions checks that an apposition naming a kind of
// organisation, closed by punctuation, makes the name before it an
// ORGANIZATION (adding it when the NER saw nothing), and that appositions
// that are not one, or sentence openers, change nothing.
func TestOrgAppositions(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	runRuleCases(t, []ruleCase{
		{
			name: "en name the NER missed, demonym before the head",
			lang: "en",
			body: "Infineon, the German chipmaker, welcomed the investment.",
			want: []got{{1, "Infineon", "ORGANIZATION"}},
		},
		{
			name:  "en mention retyped",
			lang:  "en",
			body:  "Bavarian Nordic, the Danish drugmaker, said it would ship doses.",
			spans: []span{{Field: 1, Text: "Bavarian Nordic", Type: "MISC", Conf: 0.9}},
			want:  []got{{1, "Bavarian Nordic", "ORGANIZATION"}},
		},
		{
			name:  "fr adjectives after the head",
			lang:  "fr",
			body:  "Le rachat d'Arkéa, la banque mutualiste bretonne, a été annoncé.",
			spans: []span{{Field: 1, Text: "Arkéa", Type: "LOCATION", Conf: 0.9}},
			want:  []got{{1, "Arkéa", "ORGANIZATION"}},
		},
		{
			name:  "de compound heads, a town's adjective",
			lang:  "de",
			body:  "Infineon, der Münchner Chipkonzern, profitiert. Die Regierungspartei Zorbal und der Bauer Müller klagten.",
			spans: []span{{Field: 1, Text: "Zorbal", Type: "LOCATION", Conf: 0.7}, {Field: 1, Text: "Müller", Type: "PERSON", Conf: 0.9}},
			want:  []got{{1, "Infineon", "ORGANIZATION"}, {1, "Zorbal", "ORGANIZATION"}, {1, "Müller", "PERSON"}},
		},
		{
			name:  "es apposition; a preposition is no adjective after a head",
			lang:  "es",
			body:  "Telefónica, la operadora española, ganó. Habló la agencia con Zorbal Pérez.",
			spans: []span{{Field: 1, Text: "Telefónica", Type: "LOCATION", Conf: 0.8}, {Field: 1, Text: "Zorbal Pérez", Type: "PERSON", Conf: 0.9}},
			want:  []got{{1, "Telefónica", "ORGANIZATION"}, {1, "Zorbal Pérez", "PERSON"}},
		},
		{
			name:  "en person with a first name stays",
			lang:  "en",
			body:  "Paul Smith, a union organiser, said the strike would go on. He met Mary Jones, the party.",
			spans: []span{{Field: 1, Text: "Paul Smith", Type: "PERSON", Conf: 0.9}, {Field: 1, Text: "Mary Jones", Type: "PERSON", Conf: 0.9}},
			want:  []got{{1, "Paul Smith", "PERSON"}, {1, "Mary Jones", "PERSON"}},
		},
		{
			name:  "fr sure PERSON after a head, with no first name",
			lang:  "fr",
			body:  "En juin, le groupe islandais Sigur Rós a joué. Le président de groupe M. Barón Crespo a parlé.",
			spans: []span{{Field: 1, Text: "Sigur Rós", Type: "PERSON", Conf: 0.9}, {Field: 1, Text: "M. Barón Crespo", Type: "PERSON", Conf: 0.9}},
			want:  []got{{1, "Sigur Rós", "ORGANIZATION"}, {1, "M. Barón Crespo", "PERSON"}},
		},
		{
			name: "en sentence openers are no names",
			lang: "en",
			body: "However, the company, which is based in Munich, declined. On Monday, the group, a lender, said nothing.",
			want: []got{},
		},
		{
			name: "en apposition not closed",
			lang: "en",
			body: "Yesterday Acme, the company behind the deal, said nothing. Then Zorblax, the bank manager, left.",
			want: []got{},
		},
	}, true)
}

// TestTrimPunctuation checks that punctuation and elided words are cut off
// the ends of names, but a work's title and a brand keep their "!".
func TestTrimPunctuation(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name:  "fr spaced exclamation after a first name",
			lang:  "fr",
			body:  "« Eh oui, mon petit Jean-Mimi ! » lança-t-il.",
			spans: []span{{Field: 1, Text: "Jean-Mimi !", Type: "PERSON", Conf: 0.8}},
			want:  []got{{1, "Jean-Mimi", "PERSON"}},
		},
		{
			name:  "fr elided word and leading dash",
			lang:  "fr",
			body:  "La Commission n'a rien dit. - Salam Daher est arrivé.",
			spans: []span{{Field: 1, Text: "Commission n'", Type: "ORGANIZATION", Conf: 0.8}, {Field: 1, Text: "- Salam Daher", Type: "PERSON", Conf: 0.8}},
			want:  []got{{1, "Commission", "ORGANIZATION"}, {1, "Salam Daher", "PERSON"}},
		},
		{
			name:  "work title and brand keep their mark, a spaced one after an organisation does not",
			lang:  "fr",
			body:  "Il a vu Mamma Mia ! puis lu Yahoo! et Bourse ! dans notre Assemblée !",
			spans: []span{{Field: 1, Text: "Mamma Mia !", Type: "MISC", Conf: 0.8}, {Field: 1, Text: "Yahoo!", Type: "ORGANIZATION", Conf: 0.8}, {Field: 1, Text: "Bourse !", Type: "ORGANIZATION", Conf: 0.8}, {Field: 1, Text: "Assemblée !", Type: "MISC", Conf: 0.8}},
			want:  []got{{1, "Mamma Mia !", "MISC"}, {1, "Yahoo!", "ORGANIZATION"}, {1, "Bourse", "ORGANIZATION"}, {1, "Assemblée", "ORGANIZATION"}},
		},
	}, false)
}

// TestLeadingPreposition checks that a capitalised preposition opening a
// sentence is cut off a place the NER ran back into it, and that places
// whose names open with a function word keep it.
func TestLeadingPreposition(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	runRuleCases(t, []ruleCase{
		{
			name:  "fr after a dateline dash",
			lang:  "fr",
			body:  "22 juin 2012. - À Porto, dans le nord du Portugal, le code est en place.",
			spans: []span{{Field: 1, Text: "À Porto", Type: "LOCATION", Conf: 0.8}, {Field: 1, Text: "Portugal", Type: "LOCATION", Conf: 0.9}},
			want:  []got{{1, "Porto", "LOCATION"}, {1, "Portugal", "LOCATION"}},
		},
		{
			name:  "fr place named with an article, en one",
			lang:  "fr",
			body:  "Le Havre a battu Lens. Los Angeles attend.",
			spans: []span{{Field: 1, Text: "Le Havre", Type: "LOCATION", Conf: 0.8}, {Field: 1, Text: "Lens", Type: "LOCATION", Conf: 0.8}, {Field: 1, Text: "Los Angeles", Type: "LOCATION", Conf: 0.9}},
			want:  []got{{1, "Le Havre", "LOCATION"}, {1, "Lens", "LOCATION"}, {1, "Los Angeles", "LOCATION"}},
		},
		{
			name:  "en inside a sentence: no cut",
			lang:  "en",
			body:  "Flights to In Amenas resumed.",
			spans: []span{{Field: 1, Text: "In Amenas", Type: "LOCATION", Conf: 0.8}},
			want:  []got{{1, "In Amenas", "LOCATION"}},
		},
	}, true)
}

// TestMiscNames checks that a name ending in a law or treaty word is a
// MISC in any language, and that the word alone or inside a name changes
// nothing.
func TestMiscNames(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name:  "fr copy naming US bills",
			lang:  "fr",
			body:  "Le Stop Online Piracy Act et le PROTECT IP Act ont été retirés.",
			spans: []span{{Field: 1, Text: "Stop Online Piracy Act", Type: "PERSON", Conf: 0.8}, {Field: 1, Text: "PROTECT IP Act", Type: "ORGANIZATION", Conf: 0.8}},
			want:  []got{{1, "Stop Online Piracy Act", "MISC"}, {1, "PROTECT IP Act", "MISC"}},
		},
		{
			name:  "en the word not last",
			lang:  "en",
			body:  "Act Now Ltd and the Treaty Oak Foundation signed.",
			spans: []span{{Field: 1, Text: "Act Now Ltd", Type: "ORGANIZATION", Conf: 0.8}, {Field: 1, Text: "Treaty Oak Foundation", Type: "ORGANIZATION", Conf: 0.8}},
			want:  []got{{1, "Act Now Ltd", "ORGANIZATION"}, {1, "Treaty Oak Foundation", "ORGANIZATION"}},
		},
		{
			name: "en bills, plans, summits and shows",
			lang: "en",
			body: "The Online Safety Bill, the Marshall Plan, the G20 Summit and the Farnborough International Airshow were cited.",
			spans: []span{
				{Field: 1, Text: "Online Safety Bill", Type: "ORGANIZATION", Conf: 0.7}, {Field: 1, Text: "Marshall Plan", Type: "LOCATION", Conf: 0.7},
				{Field: 1, Text: "G20 Summit", Type: "LOCATION", Conf: 0.7}, {Field: 1, Text: "Farnborough International Airshow", Type: "LOCATION", Conf: 0.7},
			},
			want: []got{
				{1, "Online Safety Bill", "MISC"}, {1, "Marshall Plan", "MISC"},
				{1, "G20 Summit", "MISC"}, {1, "Farnborough International Airshow", "MISC"},
			},
		},
		{
			name: "fr treaties, accords and prizes opened by their word",
			lang: "fr",
			body: "Le traité de Lisbonne, l'Accord de Paris et le Prix Goncourt, selon le Conseil de l'Europe.",
			spans: []span{
				{Field: 1, Text: "traité de Lisbonne", Type: "ORGANIZATION", Conf: 0.7}, {Field: 1, Text: "Accord de Paris", Type: "ORGANIZATION", Conf: 0.7},
				{Field: 1, Text: "Prix Goncourt", Type: "ORGANIZATION", Conf: 0.7}, {Field: 1, Text: "Conseil de l'Europe", Type: "ORGANIZATION", Conf: 0.9},
			},
			want: []got{
				{1, "traité de Lisbonne", "MISC"}, {1, "Accord de Paris", "MISC"},
				{1, "Prix Goncourt", "MISC"}, {1, "Conseil de l'Europe", "ORGANIZATION"},
			},
		},
		{
			name: "the event word and link the NER left out go into the name; lower case and organisations stay",
			lang: "fr",
			body: "Salon du Bourget : Airbus signe. Le Festival de Cannes ouvre, le salon de Marc Dupont ferme et le Sommet de l'Otan suit.",
			spans: []span{
				{Field: 1, Text: "Bourget", Type: "LOCATION", Conf: 0.7}, {Field: 1, Text: "Airbus", Type: "ORGANIZATION", Conf: 0.9},
				{Field: 1, Text: "Cannes", Type: "LOCATION", Conf: 0.9}, {Field: 1, Text: "Marc Dupont", Type: "PERSON", Conf: 0.9},
				{Field: 1, Text: "Otan", Type: "ORGANIZATION", Conf: 0.9},
			},
			want: []got{
				{1, "Salon du Bourget", "MISC"}, {1, "Airbus", "ORGANIZATION"}, {1, "Festival de Cannes", "MISC"},
				{1, "Marc Dupont", "PERSON"}, {1, "Otan", "ORGANIZATION"},
			},
		},
		{
			name:  "es summit and cup, a person named like a head left alone",
			lang:  "es",
			body:  "La Cumbre de la OTAN y la Copa del Rey, dijo Guerra Martínez.",
			spans: []span{{Field: 1, Text: "Cumbre de la OTAN", Type: "LOCATION", Conf: 0.7}, {Field: 1, Text: "Copa del Rey", Type: "ORGANIZATION", Conf: 0.7}, {Field: 1, Text: "Guerra Martínez", Type: "PERSON", Conf: 0.9}},
			want:  []got{{1, "Cumbre de la OTAN", "MISC"}, {1, "Copa del Rey", "MISC"}, {1, "Guerra Martínez", "PERSON"}},
		},
	}, false)
}

// TestRomanOrdinals checks that a century or rank in Roman numerals is no
// name, and that a name holding one keeps it.
func TestRomanOrdinals(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name: "fr centuries",
			lang: "fr",
			body: "Au XIXe siècle puis au XXe, François Ier régnait déjà plus.",
			spans: []span{
				{Field: 1, Text: "XIXe siècle", Type: "LOCATION", Conf: 0.7},
				{Field: 1, Text: "XXe", Type: "LOCATION", Conf: 0.7},
				{Field: 1, Text: "François Ier", Type: "PERSON", Conf: 0.9},
			},
			want: []got{{1, "François Ier", "PERSON"}},
		},
	}, false)
}

// TestOrgTails checks that a PERSON ending in an organisation word is an
// organisation in any language, and that a person whose surname is such a
// word elsewhere ("Royal") stays one.
func TestOrgTails(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name:  "fr copy naming an American foundation",
			lang:  "fr",
			body:  "La Gordon and Betty Moore Foundation a donné, dit Ségolène Royal.",
			spans: []span{{Field: 1, Text: "Gordon and Betty Moore Foundation", Type: "PERSON", Conf: 0.8}, {Field: 1, Text: "Ségolène Royal", Type: "PERSON", Conf: 0.9}},
			want:  []got{{1, "Gordon and Betty Moore Foundation", "ORGANIZATION"}, {1, "Ségolène Royal", "PERSON"}},
		},
		{
			name:  "en legal forms end companies of any type",
			lang:  "en",
			body:  "Airbus SE and Stellantis NV rose, while Rio Tinto Plc fell.",
			spans: []span{{Field: 1, Text: "Airbus SE", Type: "MISC", Conf: 0.7}, {Field: 1, Text: "Stellantis NV", Type: "LOCATION", Conf: 0.7}, {Field: 1, Text: "Rio Tinto Plc", Type: "LOCATION", Conf: 0.7}},
			want:  []got{{1, "Airbus SE", "ORGANIZATION"}, {1, "Stellantis NV", "ORGANIZATION"}, {1, "Rio Tinto Plc", "ORGANIZATION"}},
		},
		{
			name: "en institute and university opening a place or MISC, a legal form opening one",
			lang: "en",
			body: "The Institute for the Study of War and the University of Zambia said Google Inc. of Mountain View agreed.",
			spans: []span{
				{Field: 1, Text: "Institute for the Study of War", Type: "MISC", Conf: 0.7}, {Field: 1, Text: "University of Zambia", Type: "LOCATION", Conf: 0.7},
				{Field: 1, Text: "Google", Type: "ORGANIZATION", Conf: 0.9}, {Field: 1, Text: "Inc. of Mountain View", Type: "LOCATION", Conf: 0.6},
			},
			want: []got{
				{1, "Institute for the Study of War", "ORGANIZATION"}, {1, "University of Zambia", "ORGANIZATION"},
				{1, "Google", "ORGANIZATION"}, {1, "Inc. of Mountain View", "LOCATION"},
			},
		},
	}, false)
}

// TestEventLongerNames checks that a mention opening with a curated event
// is that event (a MISC) and that other curated names inside a longer
// mention leave it alone.
func TestEventLongerNames(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name: "fr Olympic Games of a city, a place holding a curated organisation",
			lang: "fr",
			body: "Aux Jeux olympiques de Londres, il a gagné. Il vit rue de la Banque de France.",
			spans: []span{
				{Field: 1, Text: "Jeux olympiques de Londres", Type: "LOCATION", Conf: 0.8},
				{Field: 1, Text: "rue de la Banque de France", Type: "LOCATION", Conf: 0.8},
			},
			want: []got{{1, "Jeux olympiques de Londres", "MISC"}, {1, "rue de la Banque de France", "LOCATION"}},
		},
	}, false)
}

// TestAcronymTails checks that a curated acronym after a link word is cut
// off the organisation that ends in it when the article names the rest
// alone, and only then.
func TestAcronymTails(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name: "fr UN Security Council, named alone later",
			lang: "fr",
			body: "L'ONG a saisi le Conseil de sécurité de l'ONU. Le Conseil de sécurité est divisé.",
			spans: []span{
				{Field: 1, Text: "Conseil de sécurité de l'ONU", Type: "ORGANIZATION", Conf: 0.9},
				{Field: 1, Text: "Conseil de sécurité", Type: "ORGANIZATION", Conf: 0.9, Nth: 1},
			},
			want: []got{{1, "Conseil de sécurité", "ORGANIZATION"}, {1, "ONU", "ORGANIZATION"}, {1, "Conseil de sécurité", "ORGANIZATION"}},
		},
		{
			name:  "fr orchestra named after its broadcaster",
			lang:  "fr",
			body:  "L'Orchestre symphonique national de la RAI a joué.",
			spans: []span{{Field: 1, Text: "Orchestre symphonique national de la RAI", Type: "ORGANIZATION", Conf: 0.9}},
			want:  []got{{1, "Orchestre symphonique national de la RAI", "ORGANIZATION"}},
		},
	}, false)
}

// TestAcronymLists checks that an acronym coordinated with an
// organisation's acronym is one, and that Roman numerals, titles and words
// not next to one are left alone.
func TestAcronymLists(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	runRuleCases(t, []ruleCase{
		{
			name:  "fr services in brackets",
			lang:  "fr",
			body:  "Tous les services (DCRI et DGSE notamment) enquêtent.",
			spans: []span{{Field: 1, Text: "DGSE", Type: "ORGANIZATION", Conf: 0.9}},
			want:  []got{{1, "DCRI", "ORGANIZATION"}, {1, "DGSE", "ORGANIZATION"}},
		},
		{
			name:  "en numeral, title, far acronym",
			lang:  "en",
			body:  "The FBI and CEO met, then XIV and the FBI. The NSA was silent about XYZ.",
			spans: []span{{Field: 1, Text: "FBI", Type: "ORGANIZATION", Conf: 0.9}, {Field: 1, Text: "FBI", Type: "ORGANIZATION", Conf: 0.9, Nth: 1}, {Field: 1, Text: "NSA", Type: "ORGANIZATION", Conf: 0.9}},
			want:  []got{{1, "FBI", "ORGANIZATION"}, {1, "FBI", "ORGANIZATION"}, {1, "NSA", "ORGANIZATION"}},
		},
	}, true)
}

// TestCuratedCompaniesProducts checks curated companies, clubs, products
// and awards the NER takes for people, places or MISC.
func TestCuratedCompaniesProducts(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name: "en companies, club, spacecraft and award",
			lang: "en",
			body: "Raytheon, Anthropic and Aston Villa said the Starliner capsule and the Ballon d'Or were safe.",
			spans: []span{
				{Field: 1, Text: "Raytheon", Type: "PERSON", Conf: 0.7}, {Field: 1, Text: "Anthropic", Type: "MISC", Conf: 0.7},
				{Field: 1, Text: "Aston Villa", Type: "LOCATION", Conf: 0.7}, {Field: 1, Text: "Starliner", Type: "PERSON", Conf: 0.7},
				{Field: 1, Text: "Ballon", Type: "LOCATION", Conf: 0.6},
			},
			want: []got{
				{1, "Raytheon", "ORGANIZATION"}, {1, "Anthropic", "ORGANIZATION"}, {1, "Aston Villa", "ORGANIZATION"},
				{1, "Starliner", "MISC"}, {1, "Ballon d'Or", "MISC"},
			},
		},
		{
			name: "fr Warner Bros. and Warner Bros. Discovery taken for people",
			lang: "fr",
			body: "Warner Bros. a produit le film. Warner Bros. Discovery a annoncé des suppressions.",
			spans: []span{
				{Field: 1, Text: "Warner Bros.", Type: "PERSON", Conf: 0.7},
				{Field: 1, Text: "Warner Bros. Discovery", Type: "PERSON", Conf: 0.7},
			},
			want: []got{{1, "Warner Bros.", "ORGANIZATION"}, {1, "Warner Bros. Discovery", "ORGANIZATION"}},
		},
		{
			name: "drug makers, drugs, a launcher and software",
			lang: "en",
			body: "Eli Lilly, Biogen and Warner Bros. said Zepbound, Leqembi, Starship and Android sold well.",
			spans: []span{
				{Field: 1, Text: "Eli Lilly", Type: "PERSON", Conf: 0.7}, {Field: 1, Text: "Biogen", Type: "LOCATION", Conf: 0.7},
				{Field: 1, Text: "Warner", Type: "PERSON", Conf: 0.7}, {Field: 1, Text: "Zepbound", Type: "LOCATION", Conf: 0.7},
				{Field: 1, Text: "Leqembi", Type: "PERSON", Conf: 0.7}, {Field: 1, Text: "Starship", Type: "ORGANIZATION", Conf: 0.7},
				{Field: 1, Text: "Android", Type: "LOCATION", Conf: 0.7},
			},
			want: []got{
				{1, "Eli Lilly", "ORGANIZATION"}, {1, "Biogen", "ORGANIZATION"}, {1, "Warner Bros.", "ORGANIZATION"},
				{1, "Zepbound", "MISC"}, {1, "Leqembi", "MISC"}, {1, "Starship", "MISC"}, {1, "Android", "MISC"},
			},
		},
		{
			name:  "es companies and a party taken for places and a person",
			lang:  "es",
			body:  "Iberdrola y Renfe cayeron, dijo Junts per Catalunya.",
			spans: []span{{Field: 1, Text: "Iberdrola", Type: "LOCATION", Conf: 0.7}, {Field: 1, Text: "Renfe", Type: "LOCATION", Conf: 0.7}, {Field: 1, Text: "Junts per Catalunya", Type: "PERSON", Conf: 0.7}},
			want:  []got{{1, "Iberdrola", "ORGANIZATION"}, {1, "Renfe", "ORGANIZATION"}, {1, "Junts per Catalunya", "ORGANIZATION"}},
		},
		{
			name: "en bodies whose name holds a conjunction, cut by the NER",
			lang: "en",
			body: "The International Federation of Red Cross and Red Crescent Societies and the England and Wales Cricket Board met.",
			spans: []span{
				{Field: 1, Text: "International Federation of Red Cross", Type: "ORGANIZATION", Conf: 0.8}, {Field: 1, Text: "Red Crescent Societies", Type: "ORGANIZATION", Conf: 0.8},
				{Field: 1, Text: "England", Type: "LOCATION", Conf: 0.9}, {Field: 1, Text: "Wales Cricket Board", Type: "ORGANIZATION", Conf: 0.8},
			},
			want: []got{{1, "International Federation of Red Cross and Red Crescent Societies", "ORGANIZATION"}, {1, "England and Wales Cricket Board", "ORGANIZATION"}},
		},
	}, false)
}

// TestHyphenOrgs checks that a hyphenated word opened by a curated
// organisation is its branch, and that one whose second part is a place
// is left alone.
func TestHyphenOrgs(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name: "fr union federations, a council with a country",
			lang: "fr",
			body: "L'Unsa-Ferroviaire et la CFDT-Cheminots ont levé leur appel, avant le conseil OTAN-Russie.",
			spans: []span{
				{Field: 1, Text: "Unsa-Ferroviaire", Type: "LOCATION", Conf: 0.6}, {Field: 1, Text: "CFDT-Cheminots", Type: "LOCATION", Conf: 0.6},
				{Field: 1, Text: "OTAN-Russie", Type: "MISC", Conf: 0.6},
			},
			want: []got{{1, "Unsa-Ferroviaire", "ORGANIZATION"}, {1, "CFDT-Cheminots", "ORGANIZATION"}, {1, "OTAN-Russie", "MISC"}},
		},
		{
			name:  "de compound opened by an organisation",
			lang:  "de",
			body:  "Der UEFA-Pokal ging an Sevilla.",
			spans: []span{{Field: 1, Text: "UEFA-Pokal", Type: "MISC", Conf: 0.6}, {Field: 1, Text: "Sevilla", Type: "LOCATION"}},
			want:  []got{{1, "UEFA-Pokal", "MISC"}, {1, "Sevilla", "LOCATION"}},
		},
	}, true)
}

// TestProductNames checks that a person or place named right after a
// product head, or opened by one, is a product (a MISC), and that an
// organisation after one stays an organisation.
func TestProductNames(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name: "fr launcher, satellites, ship; a maker's vaccine",
			lang: "fr",
			body: "La fusée Ariane 6, la constellation Galileo et le navire Charles-de-Gaulle, puis le vaccin Pfizer.",
			spans: []span{
				{Field: 1, Text: "Ariane 6", Type: "PERSON", Conf: 0.7}, {Field: 1, Text: "constellation Galileo", Type: "LOCATION", Conf: 0.6},
				{Field: 1, Text: "Charles-de-Gaulle", Type: "PERSON", Conf: 0.7}, {Field: 1, Text: "Pfizer", Type: "ORGANIZATION", Conf: 0.9},
			},
			want: []got{{1, "Ariane 6", "MISC"}, {1, "Galileo", "MISC"}, {1, "Charles-de-Gaulle", "MISC"}, {1, "Pfizer", "ORGANIZATION"}},
		},
		{
			name:  "es ship after an adjective",
			lang:  "es",
			body:  "El submarino nuclear Kursk se hundió.",
			spans: []span{{Field: 1, Text: "Kursk", Type: "LOCATION", Conf: 0.7}},
			want:  []got{{1, "Kursk", "MISC"}},
		},
		{
			name:  "fr a politician's programme, a pitcher",
			lang:  "fr",
			body:  "Jordan Bardella a présenté le programme Bardella. Le lanceur Kyle Drabek a gagné.",
			spans: []span{{Field: 1, Text: "Jordan Bardella", Type: "PERSON"}, {Field: 1, Text: "Bardella", Nth: 1, Type: "PERSON"}, {Field: 1, Text: "Kyle Drabek", Type: "PERSON"}},
			want:  []got{{1, "Jordan Bardella", "PERSON"}, {1, "Bardella", "PERSON"}, {1, "Kyle Drabek", "PERSON"}},
		},
	}, false)
}
