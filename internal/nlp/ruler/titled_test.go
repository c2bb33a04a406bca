package ruler_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/ner"
)

// ruleCase is one article of the rule tables: the NER mentions given and
// the mentions the ruler leaves.
type ruleCase struct {
	name, lang, body string
	spans            []span
	want             []got
}

// runRuleCases runs each case through the ruler, with the first names and
// gazetteer of the language's real tagger when names is set.
func runRuleCases(t *testing.T, cases []ruleCase, names bool) {
	t.Helper()
	r := load(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := build(t, c.lang, "", c.body, c.spans...)
			if names {
				tagger, err := ner.Load(c.lang)
				require.NoError(t, err)
				r.ApplyWith(a, tagger)
			} else {
				r.Apply(a)
			}
			checkInvariants(t, a)
			require.Equal(t, c.want, mentions(a))
		})
	}
}

// TestTitledHeads checks that the full name of an organisation's head is
// cut off the organisation the NER ran on into it after a title and a link
// word, with the first names of the language's real tagger, and that
// places and foundations named after a person keep their names.
func TestTitledHeads(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	cases := []ruleCase{
		{
			name:  "fr party and its president",
			lang:  "fr",
			body:  "Le président du Rassemblement national Jordan Bardella a réagi.",
			spans: []span{{Field: 1, Text: "Rassemblement national Jordan Bardella", Type: "ORGANIZATION", Conf: 0.8}},
			want:  []got{{1, "Rassemblement national", "ORGANIZATION"}, {1, "Jordan Bardella", "PERSON"}},
		},
		{
			name:  "it two-word title link, span typed PERSON",
			lang:  "it",
			body:  "La segretaria del Partito Democratico Elly Schlein ha criticato il governo.",
			spans: []span{{Field: 1, Text: "Partito Democratico Elly Schlein", Type: "PERSON", Conf: 0.7}},
			want:  []got{{1, "Partito Democratico", "ORGANIZATION"}, {1, "Elly Schlein", "PERSON"}},
		},
		{
			name:  "de bank whose name holds a first name",
			lang:  "de",
			body:  "Der Chef der Deutschen Bank Christian Sewing warnte am Dienstag.",
			spans: []span{{Field: 1, Text: "Deutschen Bank Christian Sewing", Type: "ORGANIZATION", Conf: 0.8}},
			want:  []got{{1, "Deutschen Bank", "ORGANIZATION"}, {1, "Christian Sewing", "PERSON"}},
		},
		{
			name:  "fr name with particles",
			lang:  "fr",
			body:  "La présidente de la Commission européenne Ursula von der Leyen est arrivée.",
			spans: []span{{Field: 1, Text: "Commission européenne Ursula von der Leyen", Type: "ORGANIZATION", Conf: 0.8}},
			want:  []got{{1, "Commission européenne", "ORGANIZATION"}, {1, "Ursula von der Leyen", "PERSON"}},
		},
		{
			name:  "fr acronym",
			lang:  "fr",
			body:  "Le premier secrétaire du PS Olivier Faure a voté contre.",
			spans: []span{{Field: 1, Text: "PS Olivier Faure", Type: "ORGANIZATION", Conf: 0.8}},
			want:  []got{{1, "PS", "ORGANIZATION"}, {1, "Olivier Faure", "PERSON"}},
		},
		{
			name:  "es a one-word organisation of the curated lists",
			lang:  "es",
			body:  "El presidente de la Generalitat Salvador Illa habló el lunes.",
			spans: []span{{Field: 1, Text: "Generalitat Salvador Illa", Type: "ORGANIZATION", Conf: 0.8}},
			want:  []got{{1, "Generalitat", "ORGANIZATION"}, {1, "Salvador Illa", "PERSON"}},
		},
		{
			name:  "fr one capitalised word is not an acronym",
			lang:  "fr",
			body:  "Le maire de Paris Anne Hidalgo a inauguré la piscine.",
			spans: []span{{Field: 1, Text: "Paris Anne Hidalgo", Type: "PERSON", Conf: 0.8}},
			want:  []got{{1, "Paris Anne Hidalgo", "PERSON"}},
		},
		{
			name:  "no title before: left alone",
			lang:  "fr",
			body:  "Hier, Rassemblement national Jordan Bardella a réagi.",
			spans: []span{{Field: 1, Text: "Rassemblement national Jordan Bardella", Type: "ORGANIZATION", Conf: 0.8}},
			want:  []got{{1, "Rassemblement national Jordan Bardella", "ORGANIZATION"}},
		},
		{
			name:  "one common word before the name: a place named after a person",
			lang:  "fr",
			body:  "Le directeur du Centre Georges Pompidou a démissionné.",
			spans: []span{{Field: 1, Text: "Centre Georges Pompidou", Type: "ORGANIZATION", Conf: 0.8}},
			want:  []got{{1, "Centre Georges Pompidou", "ORGANIZATION"}},
		},
		{
			name:  "a conjunction before the name",
			lang:  "fr",
			body:  "La présidente de la Fondation Bill et Melinda Gates est arrivée.",
			spans: []span{{Field: 1, Text: "Fondation Bill et Melinda Gates", Type: "ORGANIZATION", Conf: 0.8}},
			want:  []got{{1, "Fondation Bill et Melinda Gates", "ORGANIZATION"}},
		},
		{
			name:  "an organisation word ends the name",
			lang:  "en",
			body:  "The director of the Bill & Melinda Gates Foundation spoke.",
			spans: []span{{Field: 1, Text: "Bill & Melinda Gates Foundation", Type: "ORGANIZATION", Conf: 0.8}},
			want:  []got{{1, "Bill & Melinda Gates Foundation", "ORGANIZATION"}},
		},
	}
	runRuleCases(t, cases, true)
	r := load(t)
	for _, c := range cases {
		a := build(t, c.lang, "", c.body, c.spans...)
		r.Apply(a) // no first names known: nothing cut
		require.Equal(t, c.spans[0].Text, mentions(a)[0].Text, c.name)
	}
}

// TestEmployers checks that an unknown name the NER read as a place after
// a role and an employer link becomes an organisation, with the gazetteer
// of the language's real tagger, and that a known place stays one.
func TestEmployers(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	cases := []ruleCase{
		{
			name:  "en firm after at",
			lang:  "en",
			body:  "Ivana Delevska, chief investment officer at Spear Invest, said so.",
			spans: []span{{Field: 1, Text: "Ivana Delevska", Type: "PERSON", Conf: 0.9}, {Field: 1, Text: "Spear Invest", Type: "LOCATION", Conf: 0.7}},
			want:  []got{{1, "Ivana Delevska", "PERSON"}, {1, "Spear Invest", "ORGANIZATION"}},
		},
		{
			name:  "en a known place after at stays a place",
			lang:  "en",
			body:  "John Smith, a professor at Oxford, said so.",
			spans: []span{{Field: 1, Text: "John Smith", Type: "PERSON", Conf: 0.9}, {Field: 1, Text: "Oxford", Type: "LOCATION", Conf: 0.7}},
			want:  []got{{1, "John Smith", "PERSON"}, {1, "Oxford", "LOCATION"}},
		},
		{
			name:  "en no role before at",
			lang:  "en",
			body:  "The talks at Spear Invest ended.",
			spans: []span{{Field: 1, Text: "Spear Invest", Type: "LOCATION", Conf: 0.7}},
			want:  []got{{1, "Spear Invest", "LOCATION"}},
		},
		{
			name:  "de a determiner after the link",
			lang:  "de",
			body:  "Jörg Krämer, Analyst bei der Helaba, sagte das.",
			spans: []span{{Field: 1, Text: "Jörg Krämer", Type: "PERSON", Conf: 0.9}, {Field: 1, Text: "Helaba", Type: "MISC", Conf: 0.6}},
			want:  []got{{1, "Jörg Krämer", "PERSON"}, {1, "Helaba", "ORGANIZATION"}},
		},
	}
	runRuleCases(t, cases, true)
}

// TestPossessivePlaces checks that a country and its possessive are cut
// off a name the NER ran on from it when the article names the rest
// elsewhere, and that other names holding a possessive keep it.
func TestPossessivePlaces(t *testing.T) {
	cases := []ruleCase{
		{
			lang:  "en",
			name:  "country, possessive, and a party the article names",
			body:  "UK's Labour wins. The Labour Party won 412 seats.",
			spans: []span{{Field: 1, Text: "UK's Labour", Type: "MISC", Conf: 0.7}, {Field: 1, Text: "Labour Party", Type: "ORGANIZATION", Conf: 0.9}},
			// Resolution then groups Labour with the Labour Party.
			want: []got{{1, "UK", "LOCATION"}, {1, "Labour", "MISC"}, {1, "Labour Party", "ORGANIZATION"}},
		},
		{
			lang:  "en",
			name:  "the rest named nowhere else",
			body:  "He won Australia's Greatest Athlete twice.",
			spans: []span{{Field: 1, Text: "Australia's Greatest Athlete", Type: "MISC", Conf: 0.7}},
			want:  []got{{1, "Australia's Greatest Athlete", "MISC"}},
		},
		{
			lang:  "en",
			name:  "no country before the possessive",
			body:  "Ray's Pizza opened. Pizza was served.",
			spans: []span{{Field: 1, Text: "Ray's Pizza", Type: "LOCATION", Conf: 0.7}},
			want:  []got{{1, "Ray's Pizza", "LOCATION"}},
		},
	}
	runRuleCases(t, cases, false)
}

// TestConjoinedPersons checks that a PERSON mention run over a
// conjunction is cut into two people only when both parts open with a
// first name of the language's real tagger.
func TestConjoinedPersons(t *testing.T) {
	if testing.Short() {
		t.Skip("loads NER models")
	}
	cases := []ruleCase{
		{
			name:  "es two people",
			lang:  "es",
			body:  "Los reyes Felipe VI y Letizia fueron increpados.",
			spans: []span{{Field: 1, Text: "Felipe VI y Letizia", Type: "PERSON", Conf: 0.8}},
			want:  []got{{1, "Felipe VI", "PERSON"}, {1, "Letizia", "PERSON"}},
		},
		{
			name:  "es a surname joined by y",
			lang:  "es",
			body:  "El filósofo José Ortega y Gasset escribió.",
			spans: []span{{Field: 1, Text: "José Ortega y Gasset", Type: "PERSON", Conf: 0.8}},
			want:  []got{{1, "José Ortega y Gasset", "PERSON"}},
		},
		{
			name:  "pt has no conjunction rule",
			lang:  "pt",
			body:  "O marechal Costa e Silva governou.",
			spans: []span{{Field: 1, Text: "Costa e Silva", Type: "PERSON", Conf: 0.8}},
			want:  []got{{1, "Costa e Silva", "PERSON"}},
		},
	}
	runRuleCases(t, cases, true)
}
