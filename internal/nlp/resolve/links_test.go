package resolve

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestWikidataLinks resolves articles with the embedded link table: full
// names of people, organisations and places it holds get their QID; a
// surname alone, a name of another type, and names left out of the table
// as ambiguous get none.
func TestWikidataLinks(t *testing.T) {
	r := testResolver(t)
	for _, tc := range []struct {
		name     string
		lang     string
		body     string
		entity   string
		wikidata string // "" for no link
	}{
		{"person", "fr", "[Victor Hugo|PER] est mort en 1885. [Hugo|PER] avait 83 ans.", "Victor Hugo", "Q535"},
		{"person after an honorific", "fr", "[M. Jacques Chirac|PER] est arrivé.", "M. Jacques Chirac", "Q2105"},
		{"person in English", "en", "[Richard Wagner|PER] wrote operas.", "Richard Wagner", "Q1511"},
		{"surname alone", "fr", "[Chirac|PER] est arrivé.", "Chirac", ""},
		{"regnal name (which one?)", "fr", "[Frédéric III|PER] est mort.", "Frédéric III", ""},
		{"organisation", "fr", "Le [Conseil fédéral|ORG] a décidé.", "Conseil fédéral", "Q30917"},
		{"organisation by a longer name", "fr", "Le [Conseil fédéral suisse|ORG] et le [Conseil fédéral|ORG] ont décidé.", "Conseil fédéral suisse", "Q30917"},
		{"generic name of several bodies", "fr", "Le [Conseil national|ORG] a voté.", "Conseil national", ""},
		{"historical body, another one today", "fr", "L'[Assemblée nationale|ORG] a voté.", "Assemblée nationale", ""},
		{"person's name as an organisation", "fr", "[Christian Dior|ORG] a présenté sa collection.", "Christian Dior", ""},
		{"place the gazetteer does not know", "fr", "L'[Europe|LOC] et l'[Afrique|LOC].", "Europe", "Q46"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, _ := build(t, tc.lang, "", tc.body)
			r.Resolve(a)
			checkInvariants(t, a)
			e := entityOf(a, tc.entity)
			require.NotNil(t, e, "entities %+v", a.Entities)
			if tc.wikidata == "" {
				require.Empty(t, e.Links["wikidata"], "%+v", e.Links)
				return
			}
			require.Equal(t, map[string]string{"wikidata": tc.wikidata}, e.Links)
		})
	}
	// A place the gazetteer links keeps its GeoNames links.
	a, _ := build(t, "fr", "", "Le sommet s'est tenu à [Paris|LOC].")
	r.Resolve(a)
	require.Equal(t, "2988507", entityOf(a, "Paris").Links["geonames"])
}

// TestLinksMostComplete checks which name of an entity is looked up: the
// one with the most words the table holds, for the entity's type only.
func TestLinksMostComplete(t *testing.T) {
	links, err := ParseLinks(strings.NewReader("# test\nPERSON\tjean dupont\tQ1\t2\nPERSON\tdupont\tQ2\t5\nORGANIZATION\tacme\tQ3\t2\n"))
	require.NoError(t, err)
	require.Equal(t, 3, links.Len())
	r := testResolver(t).WithLinks(links)
	for _, tc := range []struct {
		name, body, entity, wikidata string
	}{
		{"full name wins", "[Dupont|PER] a parlé. [Jean Dupont|PER] est maire.", "Jean Dupont", "Q1"},
		{"short form only", "[Dupont|PER] a parlé.", "Dupont", "Q2"},
		{"type must fit", "[Acme|PER] a parlé.", "Acme", ""},
		{"organisation", "[Acme|ORG] a vendu.", "Acme", "Q3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, _ := build(t, "fr", "", tc.body)
			r.Resolve(a)
			e := entityOf(a, tc.entity)
			require.NotNil(t, e)
			require.Equal(t, tc.wikidata, e.Links["wikidata"])
		})
	}
	// The resolver it was copied from is unchanged.
	a, _ := build(t, "fr", "", "[Jean Dupont|PER] est maire.")
	testResolver(t).Resolve(a)
	require.Nil(t, entityOf(a, "Jean Dupont").Links)
}

func TestParseLinks(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		n        int
		err      string
	}{
		{"empty", "", 0, ""},
		{"comments and entries", "# c\nPERSON\ta b\tQ12\t3\nLOCATION\tx\tQ4\t2\n", 2, ""},
		{"duplicate counted once", "PERSON\ta b\tQ12\t3\nPERSON\ta b\tQ13\t3\n", 1, ""},
		{"missing QID", "PERSON\ta b\n", 0, "line 1"},
		{"bad QID", "PERSON\ta b\tP12\t3\n", 0, "QID"},
		{"zero QID", "PERSON\ta b\tQ0\t3\n", 0, "QID"},
		{"bad type", "DATE\t2024\tQ12\t3\n", 0, "type"},
		{"MISC not linked", "MISC\tx\tQ12\t3\n", 0, "type"},
		{"empty name", "PERSON\t\tQ12\t3\n", 0, "empty name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := ParseLinks(strings.NewReader(tc.in))
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.n, l.Len())
		})
	}
}

func TestLoadLinks(t *testing.T) {
	l, err := LoadLinks()
	require.NoError(t, err)
	require.Greater(t, l.Len(), 300)
	q, ok := l.Lookup(Person, "victor hugo")
	require.True(t, ok)
	require.Equal(t, "Q535", q)
	_, ok = l.Lookup(Organization, "victor hugo")
	require.False(t, ok)
}
