package ner

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseFeatures(t *testing.T) {
	cases := []struct {
		names   []string
		want    uint32
		wantErr bool
	}{
		{nil, 0, false},
		{[]string{"affix6"}, ExtAffix6, false},
		{[]string{"stems", "affix6"}, ExtAffix6 | ExtStems, false},
		{[]string{"stems", "affix6", "stems"}, ExtAffix6 | ExtStems, false},
		{[]string{"quotes"}, 0, true},
		{[]string{"paths"}, 0, true},
		{[]string{"affix7"}, 0, true},
		{[]string{""}, 0, true},
	}
	for _, c := range cases {
		got, err := ParseFeatures(c.names)
		if c.wantErr {
			require.Error(t, err, "%v", c.names)
			continue
		}
		require.NoError(t, err, "%v", c.names)
		require.Equal(t, c.want, got, "%v", c.names)
		back, err := ParseFeatures(FeatureNames(got))
		require.NoError(t, err)
		require.Equal(t, got, back, "round trip %v", c.names)
	}
}

func TestStemsAndAffix6(t *testing.T) {
	cases := []struct {
		word         string
		stem1, stem2 string // "" for none
		p6           string
	}{
		{"Warszawie", "warszawi", "warszaw", "warsza"},
		{"Москве", "москв", "моск", ""},
		{"Rzym", "", "", ""},
		{"Paris", "pari", "", ""},
		{"Hamburgo", "hamburg", "hambur", "hambur"},
	}
	f := featurizer{bits: 18, ext: ExtAffix6 | ExtStems}
	for _, c := range cases {
		sc := &scratch{words: []string{c.word}}
		f.analyse(sc)
		ti := sc.info[0]
		h := func(s string) uint64 {
			if s == "" {
				return 0
			}
			return hashString(s)
		}
		require.Equal(t, h(c.stem1), ti.stem[0], "%s stem1", c.word)
		require.Equal(t, h(c.stem2), ti.stem[1], "%s stem2", c.word)
		require.Equal(t, h(c.p6), ti.p[4], "%s prefix6", c.word)
	}
	// without the option nothing is computed
	sc := &scratch{words: []string{"Warszawie"}}
	(&featurizer{bits: 18}).analyse(sc)
	require.Zero(t, sc.info[0].stem)
	require.Zero(t, sc.info[0].p[4])
}

func TestTrainWithFeatureGroupsRoundTrip(t *testing.T) {
	data := synthetic()
	for _, ext := range []uint32{ExtAffix6, ExtStems, extAll} {
		cfg := TrainConfig{Bits: 14, Epochs: 3, Seed: 7, Features: ext, Runs: 2, PA: 1}
		m1, err := Train(cfg, data, data)
		require.NoError(t, err)
		m2, err := Train(cfg, data, data)
		require.NoError(t, err)
		var b1, b2 bytes.Buffer
		require.NoError(t, m1.Save(&b1))
		require.NoError(t, m2.Save(&b2))
		require.Equal(t, b1.Bytes(), b2.Bytes(), "training is deterministic")
		require.Equal(t, FeatureNames(ext), m1.Header.Features)
		m3, err := ReadModel(bytes.NewReader(b1.Bytes()))
		require.NoError(t, err)
		require.Equal(t, m1.feat.ext, m3.feat.ext)
		sent := []string{"Carol", "Smith", "went", "to", "Rome", "."}
		require.Equal(t, NewTagger(m1).TagWords(sent), NewTagger(m3).TagWords(sent))
		var b3 bytes.Buffer
		require.NoError(t, m3.Save(&b3))
		require.Equal(t, b1.Bytes(), b3.Bytes(), "re-saving gives the same bytes")
	}
}

func TestModelWithUnknownFeatureGroupFailsToLoad(t *testing.T) {
	m, err := Train(TrainConfig{Bits: 12, Epochs: 1, Seed: 1, Features: ExtStems}, synthetic(), nil)
	require.NoError(t, err)
	m.Header.Features = []string{"stems", "telepathy"}
	var b bytes.Buffer
	require.NoError(t, m.Save(&b))
	_, err = ReadModel(&b)
	require.ErrorContains(t, err, `unknown feature group "telepathy"`)
}
