package pipeline

import (
	"context"
	"time"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/enrich"
)

// Passthrough is the simplest honest Enricher: a document holding the
// article and its declared language, with no entities and no relations. It
// measures and tests the bus without the cost of the NLP stages.
type Passthrough struct{}

// Enrich builds the document of a.
func (Passthrough) Enrich(ctx context.Context, a *article.Article) (*enrich.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc := &enrich.Document{
		Schema: enrich.Schema,
		ID:     a.ID,
		Article: enrich.ArticleOut{
			Headline: a.Headline, Body: a.Body, Language: a.Language, Source: a.Source, URL: a.URL,
		},
		Language:   enrich.Language{Code: a.Language},
		Entities:   []enrich.Entity{},
		Relations:  []enrich.Relation{},
		Enrichment: enrich.Enrichment{Version: enrich.Version, At: time.Now().UTC().Format(time.RFC3339Nano)},
	}
	if !a.Published.IsZero() {
		doc.Article.Published = a.Published.UTC().Format(time.RFC3339)
	}
	if a.Language != "" {
		doc.Language.Confidence = 1
	}
	return doc, nil
}
