package ner

import (
	"bytes"
	"maps"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func phraseKey(p string) uint64 {
	var ks []uint64
	for _, w := range strings.Fields(p) {
		ks = append(ks, WordKey(w))
	}
	return PhraseKey(ks)
}

// testGazetteer maps a few phrases (and the prefixes of multi-word ones).
func testGazetteer(phrases map[string]int) map[uint64]uint32 {
	out := map[uint64]uint32{}
	for p, c := range phrases {
		ws := strings.Fields(p)
		for i := 1; i < len(ws); i++ {
			out[phraseKey(strings.Join(ws[:i], " "))] |= gazPrefix
		}
		out[phraseKey(p)] |= 1 << c
	}
	return out
}

var basePhrases = map[string]int{"rome": GazCity, "paris": GazCity, "carol smith": GazPerson, "bob": GazFirstName, "acme corp": GazOrg, "new york": GazCity}

func trainWithGazetteer(t *testing.T, gaz map[uint64]uint32) *Model {
	t.Helper()
	data := synthetic()
	m, err := Train(TrainConfig{Bits: 14, Epochs: 3, Seed: 7, Gazetteer: gaz, GazMax: 3, Lexicon: map[uint64]uint32{}}, data, data)
	require.NoError(t, err)
	return m
}

func sharedGaz(t *testing.T, phrases map[string]int) *Gazetteer {
	t.Helper()
	g, err := NewGazetteer(GazetteerHeader{Phrases: len(phrases), Command: "test"}, testGazetteer(phrases))
	require.NoError(t, err)
	return g
}

func TestModelStoredAgainstSharedGazetteer(t *testing.T) {
	with := func(extra map[string]int) map[string]int {
		out := maps.Clone(basePhrases)
		maps.Copy(out, extra)
		return out
	}
	without := func(drop ...string) map[string]int {
		out := maps.Clone(basePhrases)
		for _, d := range drop {
			delete(out, d)
		}
		return out
	}
	cases := []struct {
		name   string
		model  map[string]int // the model's own gazetteer
		shared map[string]int
		same   bool // no slot differs
	}{
		{"identical", basePhrases, basePhrases, true},
		{"model drops words", without("bob", "paris"), basePhrases, false},
		{"model has more phrases", with(map[string]int{"berlin": GazCity}), basePhrases, false},
	}
	sentence := []string{"Carol", "Smith", "went", "to", "Rome", "and", "New", "York", "."}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := trainWithGazetteer(t, testGazetteer(c.model))
			var self bytes.Buffer
			require.NoError(t, m.Save(&self))
			g := sharedGaz(t, c.shared)
			require.NoError(t, m.ShareGazetteer(g))
			require.Equal(t, g.Hash, m.Header.Gazetteer)
			require.Equal(t, c.same, m.GazetteerPatch() == 0)
			var split bytes.Buffer
			require.NoError(t, m.Save(&split))
			require.True(t, bytes.HasPrefix(split.Bytes(), []byte(magicShared)))

			// the gazetteer file round-trips to the same hash
			var gb bytes.Buffer
			require.NoError(t, g.Write(&gb))
			g2, err := ReadGazetteer(&gb)
			require.NoError(t, err)
			require.Equal(t, g.Hash, g2.Hash)
			require.Equal(t, g.Header, g2.Header)

			a, err := ReadModel(bytes.NewReader(self.Bytes()))
			require.NoError(t, err)
			b, err := ReadModelWith(bytes.NewReader(split.Bytes()), func() (*Gazetteer, error) { return g2, nil })
			require.NoError(t, err)
			require.Equal(t, a.feat, b.feat)
			require.Equal(t, a.w, b.w)
			require.Equal(t, a.trans, b.trans)
			require.Equal(t, NewTagger(a).TagWords(sentence), NewTagger(b).TagWords(sentence))

			// re-saving a read model gives the same bytes
			var again bytes.Buffer
			require.NoError(t, b.Save(&again))
			require.Equal(t, split.Bytes(), again.Bytes())
		})
	}
}

func TestSharedGazetteerMismatch(t *testing.T) {
	m := trainWithGazetteer(t, testGazetteer(basePhrases))
	g := sharedGaz(t, basePhrases)
	require.NoError(t, m.ShareGazetteer(g))
	var b bytes.Buffer
	require.NoError(t, m.Save(&b))
	other := sharedGaz(t, map[string]int{"rome": GazCity, "oslo": GazCity})
	cases := []struct {
		name string
		gaz  *Gazetteer
		msg  string
	}{
		{"other content", other, "needs gazetteer " + g.Hash[:16]},
		{"other header", func() *Gazetteer {
			o, err := NewGazetteer(GazetteerHeader{Command: "other"}, testGazetteer(basePhrases))
			require.NoError(t, err)
			return o
		}(), "got "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.NotEqual(t, g.Hash, c.gaz.Hash)
			_, err := ReadModelWith(bytes.NewReader(b.Bytes()), func() (*Gazetteer, error) { return c.gaz, nil })
			require.ErrorIs(t, err, ErrGazetteerMismatch)
			require.ErrorContains(t, err, c.msg)
		})
	}
	// tables of different sizes cannot be shared
	big := map[string]int{}
	for i := range 200 {
		big[strings.Repeat("x", i+3)] = GazCity
	}
	require.ErrorContains(t, m.ShareGazetteer(sharedGaz(t, big)), "table sizes differ")
}

func TestEmbeddedModelsShareOneGazetteer(t *testing.T) {
	require.NotContains(t, Languages(), "gazetteer")
	_, err := Load("gazetteer")
	require.ErrorIs(t, err, ErrNoModel)
	var c Cache
	for _, l := range []string{"fr", "en"} {
		tg, err := c.Get(l)
		require.NoError(t, err)
		g, err := c.gaz.get()
		require.NoError(t, err)
		require.Equal(t, g.Hash, tg.Model().Header.Gazetteer, l)
		g2, err := c.gaz.get()
		require.NoError(t, err)
		require.Same(t, g, g2, "the cache reads the shared gazetteer once")
	}
}
