package lexicon

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/ner"
)

func TestTokenize(t *testing.T) {
	cases := map[string][]string{
		"Côte d'Ivoire":            {"Côte", "d'", "Ivoire"},
		"Bosnia (Herzegovina)":     {"Bosnia", "(", "Herzegovina", ")"},
		"U.S.":                     {"U.S."},
		"Etats-Unis":               {"Etats-Unis"},
		"L’Haÿ-les-Roses":          {"L’", "Haÿ-les-Roses"},
		"Acme Inc.":                {"Acme", "Inc", "."},
		"  ":                       nil,
		"Smith, John":              {"Smith", ",", "John"},
		"O'Brien":                  {"O'Brien"},
		"Trinidad and Tobago":      {"Trinidad", "and", "Tobago"},
		"«Le Monde»":               {"«", "Le", "Monde", "»"},
		"Saint-Pierre-et-Miquelon": {"Saint-Pierre-et-Miquelon"},
	}
	for in, want := range cases {
		require.Equal(t, want, Tokenize(in), in)
	}
}

func TestGazetteerTable(t *testing.T) {
	g := NewGazetteer()
	g.Add("New York City", ner.GazCity)
	g.Add("New York", ner.GazCity)
	g.Add("new", ner.GazOrg)
	g.Add("1234", ner.GazCity) // no letters: dropped
	require.Equal(t, 3, g.Len())
	tab, maxLen := g.Table()
	require.Equal(t, 3, maxLen)
	k := func(ws ...string) uint64 {
		keys := make([]uint64, len(ws))
		for i, w := range ws {
			keys[i] = ner.WordKey(w)
		}
		return ner.PhraseKey(keys)
	}
	require.Equal(t, uint32(1<<31|1<<ner.GazOrg), tab[k("NEW")])
	require.Equal(t, uint32(1<<31|1<<ner.GazCity), tab[k("New", "York")])
	require.Equal(t, uint32(1<<ner.GazCity), tab[k("new", "york", "city")])
	dropped := g.Filter(func(w string, _ uint32) bool { return w == "new" })
	require.Equal(t, 1, dropped)
}

func TestLearnClusters(t *testing.T) {
	var sents [][]string
	for i := 0; i < 50; i++ {
		sents = append(sents,
			[]string{"the", "cat", "sat", "in", "Paris", "."},
			[]string{"the", "dog", "sat", "in", "Rome", "."},
			[]string{"a", "cat", "ran", "to", "Oslo", "."},
		)
	}
	a := Learn(sents, ClusterConfig{Seed: 3, MinFreq: 2, Contexts: 10})
	b := Learn(sents, ClusterConfig{Seed: 3, MinFreq: 2, Contexts: 10})
	require.Equal(t, a.Words, b.Words, "deterministic")
	require.Equal(t, a.Table(), b.Table())
	require.Contains(t, a.Words, "paris")
	require.True(t, a.MostlyLower("cat", 10))
	require.False(t, a.MostlyLower("paris", 10))
}
