package enrich_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/enrich"
)

const seedPath = "../../../shared/fixtures/seed-article.fr.txt"

func newEnricher(t *testing.T) *enrich.Enricher {
	t.Helper()
	e, err := enrich.New(enrich.Options{})
	require.NoError(t, err)
	return e
}

func seedArticle(t *testing.T) *article.Article {
	t.Helper()
	raw, err := os.ReadFile(seedPath)
	require.NoError(t, err)
	a, err := article.Decode(raw, article.DecodeOptions{})
	require.NoError(t, err)
	a.Published = time.Date(2024, 6, 19, 8, 0, 0, 0, time.UTC)
	return a
}

// checkInvariants asserts what every document must satisfy whatever the
// models find: offsets that point at the mention text, unique ids,
// relations between existing entities, salience that sums to at most 1.
func checkInvariants(t *testing.T, a *article.Article, doc *enrich.Document) {
	t.Helper()
	fields := map[string][]rune{"headline": []rune(a.Headline), "body": []rune(a.Body)}
	ids := map[string]bool{}
	sal := 0.0
	for _, e := range doc.Entities {
		require.False(t, ids[e.ID], "duplicate entity id %s", e.ID)
		ids[e.ID] = true
		require.NotEmpty(t, e.Mentions, e.ID)
		require.GreaterOrEqual(t, e.Confidence, 0.0)
		require.LessOrEqual(t, e.Confidence, 1.0)
		sal += e.Salience
		for _, m := range e.Mentions {
			txt := fields[m.Field]
			require.NotNil(t, txt, "field %q", m.Field)
			require.True(t, m.Start >= 0 && m.Start < m.End && m.End <= len(txt), "%+v", m)
			require.Equal(t, string(txt[m.Start:m.End]), m.Text)
		}
	}
	require.LessOrEqual(t, sal, 1.0001)
	for _, r := range doc.Relations {
		require.True(t, ids[r.Subject], "relation subject %s", r.Subject)
		if r.Object != "" {
			require.True(t, ids[r.Object], "relation object %s", r.Object)
		}
	}
	_, err := json.Marshal(doc)
	require.NoError(t, err)
}

func TestEnrichSeedArticle(t *testing.T) {
	a := seedArticle(t)
	doc, err := newEnricher(t).Enrich(context.Background(), a)
	require.NoError(t, err)
	checkInvariants(t, a, doc)

	require.Equal(t, enrich.Schema, doc.Schema)
	require.Equal(t, "fr", doc.Language.Code)
	require.NotEmpty(t, doc.Enrichment.Models["ner"])

	byName := map[string]enrich.Entity{}
	for _, e := range doc.Entities {
		byName[e.Name] = e
	}
	for name, typ := range map[string]string{
		"Vladimir Poutine": enrich.Person,
		"Kim Jong-un":      enrich.Person,
		"Corée du Nord":    enrich.Location,
		"Pyongyang":        enrich.Location,
		"Ukraine":          enrich.Location,
	} {
		e, ok := byName[name]
		require.True(t, ok, "entity %q not found", name)
		require.Equal(t, typ, e.Type, name)
	}
	// One entity per person: no separate "Poutine".
	_, split := byName["Poutine"]
	require.False(t, split)
	require.GreaterOrEqual(t, len(byName["Vladimir Poutine"].Mentions), 4)

	var sawDate bool
	for _, e := range doc.Entities {
		if e.Type == enrich.Date && e.Value == "2024-06-18" {
			sawDate = true
		}
	}
	require.True(t, sawDate, "mercredi 18 juin resolved to 2024-06-18")
}

func TestEnrichLanguage(t *testing.T) {
	e := newEnricher(t)
	tests := []struct {
		name, declared, body, want string
	}{
		{"detected en", "", "The German chancellor met the French president in Berlin on Monday to discuss the budget.", "en"},
		{"detected fr", "", "Le chancelier allemand a rencontré lundi à Berlin le président français pour parler du budget.", "fr"},
		{"declared wins", "de", "The German chancellor met the French president in Berlin on Monday.", "de"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &article.Article{ID: "x", Body: tt.body, Language: tt.declared}
			doc, err := e.Enrich(context.Background(), a)
			require.NoError(t, err)
			require.Equal(t, tt.want, doc.Language.Code)
			checkInvariants(t, a, doc)
		})
	}
}

// TestEnrichDatelineReference checks the reference date of relative
// dates: the publication date when the article has one, else the date of
// a dated wire dateline (a dateline without a year in the year of the
// article's receipt), else the time of receipt, else none (no value).
func TestEnrichDatelineReference(t *testing.T) {
	e := newEnricher(t)
	body := "Grève à la SNCF\n\nPARIS, 5 mars 2024 (AFP) - Le trafic sera très perturbé jeudi, a annoncé la SNCF."
	noYear := "Grève à la SNCF\n\nPARIS, 5 mars (AFP) - Le trafic sera très perturbé jeudi, a annoncé la SNCF."
	noDate := "PARIS (AFP) - Le trafic sera très perturbé jeudi, a annoncé la SNCF."
	received := time.Date(2025, 3, 5, 9, 30, 0, 0, time.UTC) // a Wednesday
	for _, tc := range []struct {
		name                string
		body                string
		published, received time.Time
		want                string // value of "jeudi"
	}{
		{"dateline", body, time.Time{}, time.Time{}, "2024-03-07"},
		{"dateline before receipt", body, time.Time{}, received, "2024-03-07"},
		{"published wins", body, time.Date(2024, 6, 19, 8, 0, 0, 0, time.UTC), received, "2024-06-20"},
		{"dateline without a year, in the year of receipt", noYear, time.Time{}, received, "2025-03-06"},
		{"dateline without a year, not received", noYear, time.Time{}, time.Time{}, ""},
		{"receipt", noDate, time.Time{}, received, "2025-03-06"},
		{"no date at all", noDate, time.Time{}, time.Time{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &article.Article{ID: "x", Body: tc.body, Language: "fr", Published: tc.published, Received: tc.received}
			doc, err := e.Enrich(context.Background(), a)
			require.NoError(t, err)
			checkInvariants(t, a, doc)
			found := false
			for _, ent := range doc.Entities {
				for _, m := range ent.Mentions {
					if m.Text == "jeudi" {
						found = true
						require.Equal(t, tc.want, ent.Value)
					}
				}
			}
			require.True(t, found, "no mention of jeudi")
			require.Equal(t, tc.published.IsZero(), doc.Article.Published == "", "the output keeps the input's publication date")
		})
	}
}

func TestEnrichUnknownLanguageReported(t *testing.T) {
	e, err := enrich.New(enrich.Options{Language: "xx"})
	require.NoError(t, err)
	a := &article.Article{ID: "x", Body: "Anything at all, Somewhere Capitalised."}
	doc, err := e.Enrich(context.Background(), a)
	require.NoError(t, err)
	require.Contains(t, doc.Enrichment.Models["ner"], "no model")
	checkInvariants(t, a, doc)
}

func TestEnrichCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := newEnricher(t).Enrich(ctx, &article.Article{ID: "x", Body: "Text."})
	require.ErrorIs(t, err, context.Canceled)
}

func BenchmarkEnrichSeed(b *testing.B) {
	raw, err := os.ReadFile(seedPath)
	require.NoError(b, err)
	a, err := article.Decode(raw, article.DecodeOptions{})
	require.NoError(b, err)
	e, err := enrich.New(enrich.Options{})
	require.NoError(b, err)
	ctx := context.Background()
	_, err = e.Enrich(ctx, a) // load models
	require.NoError(b, err)
	words := len(strings.Fields(a.Headline)) + len(strings.Fields(a.Body))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Enrich(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
