package pipeline_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/enrich"
	"github.com/wirenrich/wirenrich/internal/pipeline"
)

func TestNinjsEncoderWritesEntitiesIntoTheInput(t *testing.T) {
	in := []byte(`{"uri":"urn:newsml:afp.com:1","version":"2","language":"fr",
		"headlines":[{"role":"main","value":"Sommet"}],
		"bodies":[{"role":"main","contentType":"text/plain","value":"Vladimir Poutine est à Pyongyang."}],
		"x-custom":"kept"}`)
	a, err := article.Decode(in, article.DecodeOptions{})
	require.NoError(t, err)
	doc := &enrich.Document{
		Enrichment: enrich.Enrichment{Version: "1.2.3"},
		Entities: []enrich.Entity{
			{Type: enrich.Person, Name: "Vladimir Poutine", Confidence: 0.97, Links: map[string]string{"wikidata": "Q7747"}},
			{Type: enrich.Location, Name: "Pyongyang", Confidence: 0.9},
			{Type: enrich.Organization, Name: "Kremlin", Confidence: 0.8},
			{Type: enrich.Misc, Name: "Jeux olympiques", Confidence: 0.5},
			{Type: enrich.Date, Name: "mercredi", Value: "2024-06-19"},
		},
	}
	tags := pipeline.NinjsTags(doc)
	require.Len(t, tags, 4, "dates have no ninjs array")
	require.Equal(t, article.NinjsTag{Kind: "person", Name: "Vladimir Poutine", URI: "http://www.wikidata.org/entity/Q7747",
		Confidence: 97, Creator: "wirenrich/1.2.3"}, tags[0])

	enc := pipeline.NinjsEncoder{}
	require.Equal(t, "ninjs/3.2", enc.Schema())
	out, err := enc.Encode(a, doc)
	require.NoError(t, err)
	var got map[string]any
	require.NoError(t, json.Unmarshal(out, &got))
	require.Equal(t, "urn:newsml:afp.com:1", got["uri"])
	require.Equal(t, "kept", got["x-custom"], "unknown input fields pass through")
	for _, arr := range []string{"people", "places", "organisations", "subjects"} {
		require.NotEmpty(t, got[arr], arr)
	}
	require.Contains(t, string(out), "Vladimir Poutine")
	require.Contains(t, string(out), "Q7747")
}
