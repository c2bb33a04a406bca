package article

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// encodeDecoded decodes a testdata file, encodes it with tags and parses
// the result.
func encodeDecoded(t *testing.T, file string, tags []NinjsTag) (*Article, map[string]any) {
	t.Helper()
	a, err := Decode(readTestdata(t, file), DecodeOptions{})
	require.NoError(t, err)
	out, err := EncodeNinjs(a, tags)
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(out, &doc))
	return a, doc
}

var testTags = []NinjsTag{
	{Kind: "person", Name: "Vladimir Poutine", URI: "http://www.wikidata.org/entity/Q7747", Confidence: 97, Creator: "wirenrich/1.0.0", Rel: "mentioned"},
	{Kind: "person", Name: "Kim Jong-un", Confidence: 95, Creator: "wirenrich/1.0.0"},
	{Kind: "organisation", Name: "KCNA", Confidence: 80, Creator: "wirenrich/1.0.0"},
	{Kind: "place", Name: "Corée du Nord", URI: "http://sws.geonames.org/1873107/", Confidence: 99, Creator: "wirenrich/1.0.0"},
	{Kind: "subject", Name: "diplomatie bilatérale", Confidence: 140, Creator: "wirenrich/1.0.0", Rel: "about"},
}

func TestEncodeNinjsEveryFormat(t *testing.T) {
	for _, file := range []string{"ninjs1.json", "ninjs2.json", "ninjs3.json", "simple.json", "article.txt", "newsml.xml", "newsmessage.xml", "article.html"} {
		t.Run(file, func(t *testing.T) {
			a, doc := encodeDecoded(t, file, testTags)
			require.Equal(t, map[string]any{
				"name": "ninjs", "version": "3.2", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.2.json#",
			}, doc["standard"])
			require.NotEmpty(t, doc["uri"])
			require.IsType(t, []any{}, doc["bodies"])
			require.NotEmpty(t, doc["bodies"])

			people := doc["people"].([]any)
			last := people[len(people)-1].(map[string]any)
			require.Equal(t, map[string]any{"name": "Kim Jong-un", "confidence": float64(95), "creator": "wirenrich/1.0.0"}, last, "people items carry confidence and creator")
			if file == "ninjs3.json" {
				// already in the input's people[] under the same uri: kept as it was, not added twice
				require.Equal(t, map[string]any{"name": "Vladimir Poutine", "uri": "http://www.wikidata.org/entity/Q7747", "rel": "about"}, people[0])
				require.Len(t, people, 2)
			} else {
				require.Contains(t, people, map[string]any{"name": "Vladimir Poutine", "uri": "http://www.wikidata.org/entity/Q7747", "rel": "mentioned", "confidence": float64(97), "creator": "wirenrich/1.0.0"})
			}
			require.Contains(t, doc["organisations"], map[string]any{"name": "KCNA", "confidence": float64(80), "creator": "wirenrich/1.0.0"})
			require.Contains(t, doc["places"], map[string]any{"name": "Corée du Nord", "uri": "http://sws.geonames.org/1873107/", "confidence": float64(99), "creator": "wirenrich/1.0.0"})
			require.Contains(t, doc["subjects"], map[string]any{
				"name": "diplomatie bilatérale", "rel": "about", "confidence": float64(100), "creator": "wirenrich/1.0.0",
			}, "subjects carry confidence (clamped to 100) and creator")

			if a.Format != FormatNinjs {
				require.Equal(t, "text", doc["type"])
				require.Equal(t, a.Version, doc["version"])
				require.Equal(t, []any{map[string]any{"role": "main", "contentType": "text/plain", "value": a.Body}}, doc["bodies"])
			}
		})
	}
}

func TestEncodeNinjsUpgrades1x(t *testing.T) {
	_, doc := encodeDecoded(t, "ninjs1.json", nil)
	for _, old := range []string{"headline", "body_html", "versioncreated", "firstcreated", "pubstatus", "copyrightholder", "byline", "subject"} {
		require.NotContains(t, doc, old)
	}
	require.Equal(t, "urn:newsml:example.fr:20240619:ukraine-sommet-suisse", doc["uri"])
	require.Equal(t, "2", doc["version"])
	require.Equal(t, "2024-06-16T18:42:00Z", doc["versionCreated"])
	require.Equal(t, "2024-06-16T16:05:00Z", doc["firstCreated"])
	require.Equal(t, "usable", doc["pubStatus"])
	require.Equal(t, "Agence Exemple", doc["copyrightHolder"])
	require.Equal(t, "Claire Dumont, envoyée spéciale", doc["by"])
	require.Equal(t, "Bürgenstock", doc["located"])
	require.Equal(t, json.Number("3"), json.Number(jsonString(t, doc["urgency"])))
	require.Equal(t, []any{map[string]any{"role": "main", "value": "Sommet pour la paix en Ukraine : quatre-vingts pays signent la déclaration finale"}}, doc["headlines"])
	bodies := doc["bodies"].([]any)
	require.Len(t, bodies, 1)
	require.Equal(t, "text/html", bodies[0].(map[string]any)["contentType"])
	require.Contains(t, bodies[0].(map[string]any)["value"], "<p>Quatre-vingts pays")
	require.Equal(t, []any{map[string]any{"name": "conflit armé", "code": "16009000", "scheme": "http://cv.iptc.org/newscodes/mediatopic/"}}, doc["subjects"])
	require.Equal(t, []any{map[string]any{"name": "web", "href": "https://www.example.fr/monde/sommet-ukraine", "mimetype": "text/html"}}, doc["renditions"])
}

func TestEncodeNinjsUpgrades2x(t *testing.T) {
	_, doc := encodeDecoded(t, "ninjs2.json", []NinjsTag{
		{Kind: "person", Name: "Jimmy Modin", Confidence: 90},                       // already there: not added twice
		{Kind: "place", Name: "Malmö", URI: "http://sws.geonames.org/2692969/"},     // same uri: not added twice
		{Kind: "organization", Name: "European Broadcasting Union", Confidence: 88}, // US spelling accepted
		{Kind: "subject", Name: "", URI: ""},                                        // nothing to write: skipped
	})
	bodies := doc["bodies"].([]any)
	require.Len(t, bodies, 2)
	plain := bodies[1].(map[string]any)
	require.Equal(t, "text/plain", plain["contentType"])
	require.Equal(t, float64(472), plain["charCount"])
	require.NotContains(t, plain, "contenttype")
	require.Equal(t, []any{map[string]any{"role": "guid", "value": "EW-2024-0508-1127"}}, doc["altIds"])
	require.Equal(t, "europe", doc["x-example-desk"], "unknown fields pass through")
	require.Len(t, doc["people"], 1)
	require.Len(t, doc["places"], 1)
	require.Equal(t, []any{map[string]any{"name": "European Broadcasting Union", "confidence": float64(88)}}, doc["organisations"])
	require.Len(t, doc["subjects"], 1)
}

func TestEncodeNinjsKeeps3x(t *testing.T) {
	a, err := Decode(readTestdata(t, "ninjs3.json"), DecodeOptions{})
	require.NoError(t, err)
	out, err := EncodeNinjs(a, nil)
	require.NoError(t, err)
	var in, got map[string]any
	require.NoError(t, json.Unmarshal(readTestdata(t, "ninjs3.json"), &in))
	require.NoError(t, json.Unmarshal(out, &got))
	require.Equal(t, in["standard"], nil)
	delete(got, "standard")
	require.Equal(t, in, got, "a 3.x document is written back as it was")
	require.NotContains(t, string(out), `\u003c`, "HTML is not escaped")
}

func TestEncodeNinjsFromOtherFormats(t *testing.T) {
	a, doc := encodeDecoded(t, "simple.json", nil)
	require.Equal(t, a.ID, doc["uri"])
	require.Equal(t, "2024-06-02T12:35:00Z", doc["versionCreated"])
	require.Equal(t, "en", doc["language"])
	require.Equal(t, []any{map[string]any{"role": "main", "contentType": "text/plain", "value": a.Headline}}, doc["headlines"])
	require.Equal(t, []any{map[string]any{"name": "Example Wire"}}, doc["infoSources"])
	require.Equal(t, []any{map[string]any{"role": "url", "value": "https://news.example.com/world/2024/06/02/germany-floods"}}, doc["altIds"])
	require.Equal(t, float64(2), doc["priority"], "extra fields pass through")
	require.Equal(t, []any{"floods", "Germany", "weather"}, doc["keywords"])

	a, err := Decode([]byte(`{"id": "dépêche 42", "body": "Texte."}`), DecodeOptions{})
	require.NoError(t, err)
	out, err := EncodeNinjs(a, nil)
	require.NoError(t, err)
	require.Contains(t, string(out), `"uri":"urn:wirenrich:d%C3%A9p%C3%AAche%2042"`)
	require.NotContains(t, string(out), `"headlines"`)
}

func TestEncodeNinjsErrors(t *testing.T) {
	a, err := Decode([]byte("Texte."), DecodeOptions{})
	require.NoError(t, err)
	_, err = EncodeNinjs(a, []NinjsTag{{Kind: "event", Name: "Jeux olympiques"}})
	require.ErrorIs(t, err, ErrUnsupported)
	require.Contains(t, err.Error(), `ninjs: tag 0 ("Jeux olympiques"): kind "event" is not person, organisation, place or subject`)

	_, err = EncodeNinjs(nil, nil)
	require.Error(t, err)

	bad := &Article{Format: FormatNinjs, Raw: []byte(`[1]`)}
	_, err = EncodeNinjs(bad, nil)
	require.ErrorIs(t, err, ErrMalformed)
}

func jsonString(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func TestEncodeNinjsUpgradeShapes(t *testing.T) {
	in := `{"uri": "urn:x:1", "headline": "Titre", "body_text": "Texte.", "description_text": "Résumé",
		"person": [{"name": "Viola Amherd", "contactinfo": [{"type": "email", "value": "x@example.ch"}]}],
		"infosource": [{"name": "Agence Exemple", "uri": "http://example.ch/"}],
		"altids": {"internal": "42"},
		"associations": {"photo1": {"uri": "urn:x:photo", "type": "picture", "versioncreated": "2024-06-16T10:00:00Z",
		                            "renditions": {"thumb": {"href": "https://example.ch/t.jpg", "sizeinbytes": 1024}}}}}`
	a, err := Decode([]byte(in), DecodeOptions{})
	require.NoError(t, err)
	out, err := EncodeNinjs(a, nil)
	require.NoError(t, err)
	var doc map[string]any
	require.NoError(t, json.Unmarshal(out, &doc))
	require.Equal(t, []any{map[string]any{"contentType": "text/plain", "value": "Résumé"}}, doc["descriptions"])
	require.Equal(t, []any{map[string]any{"name": "Viola Amherd", "contactInfo": []any{map[string]any{"type": "email", "value": "x@example.ch"}}}}, doc["people"])
	require.Equal(t, []any{map[string]any{"name": "Agence Exemple", "uri": "http://example.ch/"}}, doc["infoSources"])
	require.Equal(t, []any{map[string]any{"role": "internal", "value": "42"}}, doc["altIds"])
	require.Equal(t, []any{map[string]any{
		"name": "photo1", "uri": "urn:x:photo", "type": "picture", "versionCreated": "2024-06-16T10:00:00Z",
		"renditions": []any{map[string]any{"name": "thumb", "href": "https://example.ch/t.jpg", "sizeInBytes": float64(1024)}},
	}}, doc["associations"])
	require.Equal(t, []any{map[string]any{"role": "main", "contentType": "text/plain", "value": "Texte."}}, doc["bodies"])
}
