package ruler_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestHonorificPersons checks that a MISC or LOCATION mention opened by an
// honorific is a person, and that an honorific without gender needs a
// first name or a full name after it.
func TestHonorificPersons(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	runRuleCases(t, []ruleCase{
		{
			name:  "fr M. and Mme before a surname",
			lang:  "fr",
			body:  "Il a accusé M. Macron de mentir. Mme Borne a répondu.",
			spans: []span{{Field: 1, Text: "M. Macron", Type: "MISC", Conf: 0.6}, {Field: 1, Text: "Mme Borne", Type: "MISC", Conf: 0.6}},
			want:  []got{{1, "M. Macron", "PERSON"}, {1, "Mme Borne", "PERSON"}},
		},
		{
			name:  "fr Me before a full name",
			lang:  "fr",
			body:  "Son avocate, Me Béatrice Zavarro, a parlé.",
			spans: []span{{Field: 1, Text: "Me Béatrice Zavarro", Type: "LOCATION", Conf: 0.6}},
			want:  []got{{1, "Me Béatrice Zavarro", "PERSON"}},
		},
		{
			name:  "fr Me Too is a movement",
			lang:  "fr",
			body:  "Depuis Me Too, la parole se libère.",
			spans: []span{{Field: 1, Text: "Me Too", Type: "MISC", Conf: 0.6}},
			want:  []got{{1, "Me Too", "MISC"}},
		},
	}, true)
}

// TestBracketAcronyms checks that an organisation's name runs on to its
// acronym in brackets when the acronym spells the longer name, that the
// acronym is an organisation, and that brackets after other names, or
// holding what spells no name, are left alone.
func TestBracketAcronyms(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name:  "fr name cut before et, acronym a place",
			lang:  "fr",
			body:  "Selon l'Institut national de la statistique et des études économiques (Insee), les prix montent.",
			spans: []span{{Field: 1, Text: "Institut national de la statistique", Type: "ORGANIZATION"}, {Field: 1, Text: "Insee", Type: "LOCATION", Conf: 0.6}},
			want:  []got{{1, "Institut national de la statistique et des études économiques", "ORGANIZATION"}, {1, "Insee", "ORGANIZATION"}},
		},
		{
			name:  "fr syllables, elided article",
			lang:  "fr",
			body:  "L'Etat détient 11 % via la Société de gestion de participations aéronautiques (Sogepa) et l'Union nationale des associations de parents d'enfants inadaptés (Unapei).",
			spans: []span{{Field: 1, Text: "Société de gestion", Type: "ORGANIZATION"}, {Field: 1, Text: "Sogepa", Type: "LOCATION", Conf: 0.6}, {Field: 1, Text: "Union nationale des associations", Type: "ORGANIZATION"}},
			want: []got{
				{1, "Société de gestion de participations aéronautiques", "ORGANIZATION"}, {1, "Sogepa", "ORGANIZATION"},
				{1, "Union nationale des associations de parents d'enfants inadaptés", "ORGANIZATION"}, {1, "Unapei", "ORGANIZATION"},
			},
		},
		{
			name:  "fr acronym of the NER's name, words between",
			lang:  "fr",
			body:  "Le Centre national du cinéma et de l'image animée (CNC) a publié ses chiffres.",
			spans: []span{{Field: 1, Text: "Centre national du cinéma", Type: "ORGANIZATION"}},
			want:  []got{{1, "Centre national du cinéma", "ORGANIZATION"}, {1, "CNC", "ORGANIZATION"}},
		},
		{
			name:  "pt acronym right after the name",
			lang:  "pt",
			body:  "A Confederação Geral dos Trabalhadores Portugueses (CGTP) convocou uma manifestação.",
			spans: []span{{Field: 1, Text: "Confederação Geral dos Trabalhadores Portugueses", Type: "ORGANIZATION"}},
			want:  []got{{1, "Confederação Geral dos Trabalhadores Portugueses", "ORGANIZATION"}, {1, "CGTP", "ORGANIZATION"}},
		},
		{
			name: "a place in brackets, a bracket spelling nothing, a place's name",
			lang: "fr",
			body: "La Fédération française de football (Paris) et le Conseil constitutionnel (voir ci-dessous) ont parlé à Wintzenheim (Haut-Rhin).",
			spans: []span{
				{Field: 1, Text: "Fédération française de football", Type: "ORGANIZATION"}, {Field: 1, Text: "Paris", Type: "LOCATION"},
				{Field: 1, Text: "Conseil constitutionnel", Type: "ORGANIZATION"}, {Field: 1, Text: "Wintzenheim", Type: "LOCATION"}, {Field: 1, Text: "Haut-Rhin", Type: "LOCATION"},
			},
			want: []got{
				{1, "Fédération française de football", "ORGANIZATION"}, {1, "Paris", "LOCATION"},
				{1, "Conseil constitutionnel", "ORGANIZATION"}, {1, "Wintzenheim", "LOCATION"}, {1, "Haut-Rhin", "LOCATION"},
			},
		},
	}, false)
}

// TestBracketNames checks that the name an acronym in brackets spells is
// one organisation when the NER cut it or gave it another type, that a
// name and its acronym spelling only it run on over a conjunction and a
// second organisation up to the bracket, and that laws, terms opening
// their sentence and people keep their mentions.
func TestBracketNames(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name:  "es name cut at y, a place for a word of it",
			lang:  "es",
			body:  "La Comisión Nacional de los Mercados y la Competencia (CNMC) y la Organización de Consumidores y Usuarios (OCU) hablaron.",
			spans: []span{{Field: 1, Text: "Comisión Nacional de los Mercados", Type: "ORGANIZATION"}, {Field: 1, Text: "Consumidores", Type: "LOCATION", Conf: 0.6}},
			want: []got{
				{1, "Comisión Nacional de los Mercados y la Competencia", "ORGANIZATION"}, {1, "CNMC", "ORGANIZATION"},
				{1, "Organización de Consumidores y Usuarios", "ORGANIZATION"}, {1, "OCU", "ORGANIZATION"},
			},
		},
		{
			name:  "de union taken for a MISC",
			lang:  "de",
			body:  "Die Gewerkschaft Deutscher Lokomotivführer (GDL) streikt.",
			spans: []span{{Field: 1, Text: "Gewerkschaft Deutscher Lokomotivführer", Type: "MISC", Conf: 0.6}},
			want:  []got{{1, "Gewerkschaft Deutscher Lokomotivführer", "ORGANIZATION"}, {1, "GDL", "ORGANIZATION"}},
		},
		{
			name:  "fr place for the head word, acronym an organisation",
			lang:  "fr",
			body:  "Le Medef et la Confédération des petites et moyennes entreprises (CPME) craignent un ralentissement.",
			spans: []span{{Field: 1, Text: "Medef", Type: "ORGANIZATION"}, {Field: 1, Text: "Confédération", Type: "LOCATION", Conf: 0.6}, {Field: 1, Text: "CPME", Type: "ORGANIZATION"}},
			want:  []got{{1, "Medef", "ORGANIZATION"}, {1, "Confédération des petites et moyennes entreprises", "ORGANIZATION"}, {1, "CPME", "ORGANIZATION"}},
		},
		{
			name:  "en acronym of the first of two organisations joined by and",
			lang:  "en",
			body:  "Boeing reached a deal with the International Association of Machinists and Aerospace Workers (IAM) on Tuesday.",
			spans: []span{{Field: 1, Text: "Boeing", Type: "ORGANIZATION"}, {Field: 1, Text: "International Association of Machinists", Type: "ORGANIZATION"}, {Field: 1, Text: "Aerospace Workers", Type: "ORGANIZATION"}},
			want:  []got{{1, "Boeing", "ORGANIZATION"}, {1, "International Association of Machinists and Aerospace Workers", "ORGANIZATION"}, {1, "IAM", "ORGANIZATION"}},
		},
		{
			name: "a law, a heading's term, a person",
			lang: "fr",
			body: "Syndrome coronarien aigu (SCA)\n\nLe Digital Markets Act (DMA) vise Apple. Dominique Strauss-Kahn (DSK) a parlé.",
			spans: []span{
				{Field: 1, Text: "SCA", Type: "ORGANIZATION", Conf: 0.6}, {Field: 1, Text: "Digital Markets Act", Type: "MISC"}, {Field: 1, Text: "DMA", Type: "ORGANIZATION", Conf: 0.6},
				{Field: 1, Text: "Apple", Type: "ORGANIZATION"}, {Field: 1, Text: "Dominique Strauss-Kahn", Type: "PERSON"}, {Field: 1, Text: "DSK", Type: "ORGANIZATION", Conf: 0.6},
			},
			want: []got{
				{1, "SCA", "ORGANIZATION"}, {1, "Digital Markets Act", "MISC"}, {1, "DMA", "ORGANIZATION"},
				{1, "Apple", "ORGANIZATION"}, {1, "Dominique Strauss-Kahn", "PERSON"}, {1, "DSK", "ORGANIZATION"},
			},
		},
	}, false)
}

// TestMinistryNames checks that a place or MISC mention opened by a
// capitalised ministry word is an organisation, and that one opened by a
// lower-case one or no ministry word is left alone.
func TestMinistryNames(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name:  "es ministry taken for a place",
			lang:  "es",
			body:  "Según datos del Ministerio del Interior, los homicidios aumentaron en la Comunidad de Madrid.",
			spans: []span{{Field: 1, Text: "Ministerio del Interior", Type: "LOCATION", Conf: 0.6}, {Field: 1, Text: "Comunidad de Madrid", Type: "LOCATION"}},
			want:  []got{{1, "Ministerio del Interior", "ORGANIZATION"}, {1, "Comunidad de Madrid", "LOCATION"}},
		},
		{
			name:  "fr ministry taken for a MISC",
			lang:  "fr",
			body:  "Le Ministère des Armées a confirmé.",
			spans: []span{{Field: 1, Text: "Ministère des Armées", Type: "MISC", Conf: 0.6}},
			want:  []got{{1, "Ministère des Armées", "ORGANIZATION"}},
		},
	}, false)
}

// TestRomanceCuratedNames checks curated names of Spanish, Italian,
// Portuguese and French copy the NER mistypes or cuts.
func TestRomanceCuratedNames(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name:  "es Hamás, unions and employers",
			lang:  "es",
			body:  "Sánchez acusó a Hamás. Los sindicatos CCOO y UGT y la CEOE negocian.",
			spans: []span{{Field: 1, Text: "Sánchez", Type: "PERSON"}, {Field: 1, Text: "Hamás", Type: "LOCATION", Conf: 0.7}},
			want:  []got{{1, "Sánchez", "PERSON"}, {1, "Hamás", "ORGANIZATION"}, {1, "CCOO", "ORGANIZATION"}, {1, "UGT", "ORGANIZATION"}, {1, "CEOE", "ORGANIZATION"}},
		},
		{
			name:  "it newspaper taken for a person",
			lang:  "it",
			body:  "Lo scontro con il direttore di Tuttosport, Guido Vaciago.",
			spans: []span{{Field: 1, Text: "Tuttosport", Type: "PERSON", Conf: 0.7}, {Field: 1, Text: "Guido Vaciago", Type: "PERSON"}},
			want:  []got{{1, "Tuttosport", "ORGANIZATION"}, {1, "Guido Vaciago", "PERSON"}},
		},
		{
			name:  "fr UN programme with a sentence-initial article, taken for a MISC",
			lang:  "fr",
			body:  "Le Programme alimentaire mondial (PAM) a averti mardi.",
			spans: []span{{Field: 1, Text: "Le Programme alimentaire mondial", Type: "MISC", Conf: 0.7}},
			want:  []got{{1, "Programme alimentaire mondial", "ORGANIZATION"}, {1, "PAM", "ORGANIZATION"}},
		},
		{
			name:  "pt sentence-initial article of a curated body",
			lang:  "pt",
			body:  "O Conselho de Ministros aprovou hoje a proposta.",
			spans: []span{{Field: 1, Text: "O Conselho de Ministros", Type: "MISC", Conf: 0.7}},
			want:  []got{{1, "Conselho de Ministros", "ORGANIZATION"}},
		},
		{
			name:  "fr award cut by the NER",
			lang:  "fr",
			body:  "Le film a remporté le Golden Globe du meilleur scénario.",
			spans: []span{{Field: 1, Text: "Golden", Type: "LOCATION", Conf: 0.6}},
			want:  []got{{1, "Golden Globe", "MISC"}},
		},
	}, false)
}

// TestPunctuationSplits checks that a name the NER ran over a comma or a
// colon into a full name is cut, and that lists of names and titles of
// works are left alone.
func TestPunctuationSplits(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	runRuleCases(t, []ruleCase{
		{
			name:  "fr apposition run over",
			lang:  "fr",
			body:  "La présidente du Festival de Cannes, Iris Knobloch, a salué le choix.",
			spans: []span{{Field: 1, Text: "Festival de Cannes, Iris Knobloch", Type: "MISC", Conf: 0.6}},
			want:  []got{{1, "Festival de Cannes", "MISC"}, {1, "Iris Knobloch", "PERSON"}},
		},
		{
			name:  "fr headline colon",
			lang:  "fr",
			body:  "Festival de Cannes: Greta Gerwig présidera le jury\n\nPARIS - La cinéaste a accepté.",
			spans: []span{{Field: 1, Text: "Festival de Cannes: Greta Gerwig", Type: "MISC", Conf: 0.6}},
			want:  []got{{1, "Festival de Cannes", "MISC"}, {1, "Greta Gerwig", "PERSON"}, {1, "PARIS", "LOCATION"}},
		},
		{
			name:  "en a work's title with a colon, a place with a comma",
			lang:  "en",
			body:  "He watched Star Wars: The Last Jedi in Paris, Texas.",
			spans: []span{{Field: 1, Text: "Star Wars: The Last Jedi", Type: "MISC"}, {Field: 1, Text: "Paris, Texas", Type: "LOCATION"}},
			want:  []got{{1, "Star Wars: The Last Jedi", "MISC"}, {1, "Paris, Texas", "LOCATION"}},
		},
	}, true)
}

// TestDropLetters checks that a one-letter MISC or place is dropped, but
// not the social network X nor an organisation.
func TestDropLetters(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name:  "fr holiday zone, plan, social network",
			lang:  "fr",
			body:  "La zone C part en vacances et le plan B est prêt, a-t-il écrit sur X, lundi.",
			spans: []span{{Field: 1, Text: "C", Type: "MISC", Conf: 0.6}, {Field: 1, Text: "B", Type: "LOCATION", Conf: 0.6}, {Field: 1, Text: "X", Type: "MISC", Conf: 0.6}},
			want:  []got{{1, "X", "MISC"}},
		},
	}, false)
}

// TestRomanceNotNames checks the demonyms of cities and the capitalised
// common nouns of fr, es and pt copy that are no entities alone.
func TestRomanceNotNames(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name:  "fr club by its city's demonym, a festival named before",
			lang:  "fr",
			body:  "Les Parisiens ont gagné. Le Festival, dont le budget augmente, commence.",
			spans: []span{{Field: 1, Text: "Parisiens", Type: "MISC", Conf: 0.7}, {Field: 1, Text: "Festival", Type: "LOCATION", Conf: 0.6}},
			want:  []got{},
		},
		{
			name:  "pt the president of the Republic",
			lang:  "pt",
			body:  "O Presidente da República, Marcelo Rebelo de Sousa, falou.",
			spans: []span{{Field: 1, Text: "República", Type: "LOCATION", Conf: 0.6}, {Field: 1, Text: "Marcelo Rebelo de Sousa", Type: "PERSON"}},
			want:  []got{{1, "Marcelo Rebelo de Sousa", "PERSON"}},
		},
	}, false)
}

// TestConjoinedNames checks that a mention run over a conjunction between
// two curated names is cut into both, and that other names with a
// conjunction stay whole.
func TestConjoinedNames(t *testing.T) {
	runRuleCases(t, []ruleCase{
		{
			name:  "fr two chambers",
			lang:  "fr",
			body:  "Le texte adopté par le Sénat et l'Assemblée nationale est suspendu.",
			spans: []span{{Field: 1, Text: "Sénat et l'Assemblée nationale", Type: "ORGANIZATION"}},
			want:  []got{{1, "Sénat", "ORGANIZATION"}, {1, "Assemblée nationale", "ORGANIZATION"}},
		},
		{
			name:  "es two chambers, a company's name",
			lang:  "es",
			body:  "El PP y el PSOE aprobaron la ley de Johnson y Johnson.",
			spans: []span{{Field: 1, Text: "PP y el PSOE", Type: "MISC", Conf: 0.6}, {Field: 1, Text: "Johnson y Johnson", Type: "ORGANIZATION"}},
			want:  []got{{1, "PP", "ORGANIZATION"}, {1, "PSOE", "ORGANIZATION"}, {1, "Johnson y Johnson", "ORGANIZATION"}},
		},
	}, false)
}

// TestHeadlineSurnames checks that a headline's country name that is only
// the surname of a person of the body is that person, and that one the
// body also names as a place stays a place.
func TestHeadlineSurnames(t *testing.T) {
	cases := []struct {
		name, body string
		spans      []span
		want       []got
	}{
		{
			name: "pt prime minister",
			body: "Montenegro toma posse como primeiro-ministro\n\nLISBOA - Luís Montenegro tomou posse.",
			spans: []span{
				{Field: 1, Text: "Montenegro", Type: "LOCATION", Conf: 0.9}, {Field: 1, Text: "Luís Montenegro", Type: "PERSON"},
			},
			want: []got{{1, "Montenegro", "PERSON"}, {1, "LISBOA", "LOCATION"}, {1, "Luís Montenegro", "PERSON"}},
		},
		{
			name: "the body names the country too",
			body: "Montenegro toma posse\n\nLISBOA - Luís Montenegro visitou o Montenegro.",
			spans: []span{
				{Field: 1, Text: "Montenegro", Type: "LOCATION", Conf: 0.9}, {Field: 1, Text: "Luís Montenegro", Type: "PERSON"},
				{Field: 1, Text: "Montenegro", Type: "LOCATION", Nth: 2},
			},
			want: []got{{1, "Montenegro", "LOCATION"}, {1, "LISBOA", "LOCATION"}, {1, "Luís Montenegro", "PERSON"}, {1, "Montenegro", "LOCATION"}},
		},
	}
	r := load(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := build(t, "pt", "", c.body, c.spans...)
			r.Apply(a)
			checkInvariants(t, a)
			require.Equal(t, c.want, mentions(a))
		})
	}
}

// TestShortOrgNames checks that a club named by the first word of its full
// name is the club, and that a place or a range so named stays one.
func TestShortOrgNames(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	runRuleCases(t, []ruleCase{
		{
			name: "fr club and its town",
			lang: "fr",
			body: "Le Real Madrid a gagné. Le Real est champion, comme le Paris Saint-Germain à Paris. Le Harz Club est dans le Harz.",
			spans: []span{
				{Field: 1, Text: "Real Madrid", Type: "ORGANIZATION"}, {Field: 1, Text: "Real", Type: "LOCATION", Conf: 0.6, Nth: 1},
				{Field: 1, Text: "Paris Saint-Germain", Type: "ORGANIZATION"}, {Field: 1, Text: "Paris", Type: "LOCATION", Nth: 1},
				{Field: 1, Text: "Harz Club", Type: "ORGANIZATION"}, {Field: 1, Text: "Harz", Type: "LOCATION", Nth: 1},
			},
			want: []got{
				{1, "Real Madrid", "ORGANIZATION"}, {1, "Real", "ORGANIZATION"},
				{1, "Paris Saint-Germain", "ORGANIZATION"}, {1, "Paris", "LOCATION"},
				{1, "Harz Club", "ORGANIZATION"}, {1, "Harz", "LOCATION"},
			},
		},
	}, true)
}
