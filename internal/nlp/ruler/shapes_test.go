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
