package enrich_test

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/benchdata"
	"github.com/wirenrich/wirenrich/internal/enrich"
)

// TestAppendJSONMatchesMarshal checks that the hand-written encoder writes
// byte for byte what json.Marshal writes, on real documents and on edge
// cases of escaping, numbers and empty fields.
func TestAppendJSONMatchesMarshal(t *testing.T) {
	e := newEnricher(t)
	var docs []*enrich.Document
	corpus, err := benchdata.New()
	require.NoError(t, err)
	for _, lg := range []string{"fr", "en"} { // one NER model each: quick under -race
		for _, size := range []int{benchdata.Short, benchdata.Typical} {
			art, err := corpus.Build(lg, size, 1)
			require.NoError(t, err)
			p, err := benchdata.Payload(art, "ninjs")
			require.NoError(t, err)
			a, err := article.Decode(p, article.DecodeOptions{})
			require.NoError(t, err)
			doc, err := e.Enrich(context.Background(), a)
			require.NoError(t, err)
			docs = append(docs, doc)
		}
	}
	if raw, err := os.ReadFile(seedPath); err == nil {
		a, err := article.Decode(raw, article.DecodeOptions{})
		require.NoError(t, err)
		doc, err := e.Enrich(context.Background(), a)
		require.NoError(t, err)
		doc.Source = &enrich.Source{Subject: "articles.raw.afp.fr", StreamSeq: 42, ReceivedAt: "2024-06-19T08:00:01Z"}
		docs = append(docs, doc)
	}
	docs = append(docs,
		&enrich.Document{}, // nil slices and maps, zero numbers
		&enrich.Document{
			Schema: enrich.Schema, ID: "a\"b\\c</script>&\u2028\u2029\x00\x1f\b\f\n\r\t\x7f",
			Source:   &enrich.Source{Subject: "s"},
			Article:  enrich.ArticleOut{Headline: "bad \xff\xfe utf8 é 日本", Body: "", URL: "http://x/?a=1&b=<2>", Extra: map[string]any{"z": json.RawMessage(`{ "b" : [1, 2] }`), "a": "x<y"}},
			Language: enrich.Language{Code: "fr", Confidence: 1e-7},
			Entities: []enrich.Entity{
				{ID: "e1", Salience: 1e21, Confidence: -0.000001, Mentions: []enrich.Mention{}, Links: map[string]string{"wikidata": "Q1", "country": "FR", "lat": "1.5"}},
				{ID: "e2", Salience: 123456789.125, Confidence: 0.1 + 0.2, Value: "2024-06-18", Mentions: []enrich.Mention{{Field: "body", Start: -1, End: 1 << 40, Text: "x", Sentence: 3}}, Links: map[string]string{}},
			},
			Relations: []enrich.Relation{
				{Type: "title", Subject: "e1", Object: "e2", Value: "président", Cameo: "057", Confidence: 5e-324, Evidence: enrich.Evidence{Field: "headline", End: 9}},
				{Type: "said", Subject: "e2", Confidence: 1.5e-10},
			},
			Enrichment: enrich.Enrichment{Version: enrich.Version, Models: map[string]string{"ner": "fr", "lang": "x"}, TookMS: 12.345, At: "2024"},
		},
	)
	for i, doc := range docs {
		want, err := json.Marshal(doc)
		require.NoError(t, err)
		got, err := doc.AppendJSON(nil)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got), "document %d", i)
		// Appends after what is already there.
		got, err = doc.AppendJSON([]byte("prefix"))
		require.NoError(t, err)
		require.Equal(t, "prefix"+string(want), string(got))
	}
}

func TestAppendJSONRejectsNaN(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		doc := &enrich.Document{Enrichment: enrich.Enrichment{TookMS: f}}
		_, wantErr := json.Marshal(doc)
		require.Error(t, wantErr)
		_, err := doc.AppendJSON(nil)
		require.Error(t, err)
	}
}

func BenchmarkAppendJSON(b *testing.B) {
	corpus, err := benchdata.New()
	require.NoError(b, err)
	art, err := corpus.Build("fr", benchdata.Typical, 0)
	require.NoError(b, err)
	e, err := enrich.New(enrich.Options{})
	require.NoError(b, err)
	doc, err := e.Enrich(context.Background(), &article.Article{ID: art.ID, Headline: art.Headline, Body: art.Body})
	require.NoError(b, err)
	b.Run("AppendJSON", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := doc.AppendJSON(nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json.Marshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(doc); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestAppendJSONEveryByte compares the escaping of every single byte and
// of every ASCII pair with encoding/json.
func TestAppendJSONEveryByte(t *testing.T) {
	for c := 0; c < 256; c++ {
		for _, s := range []string{string([]byte{byte(c)}), "a" + string([]byte{byte(c)}) + "é"} {
			doc := &enrich.Document{ID: s}
			want, err := json.Marshal(doc)
			require.NoError(t, err)
			got, err := doc.AppendJSON(nil)
			require.NoError(t, err)
			require.Equal(t, string(want), string(got), "byte %#x", c)
		}
	}
}
