// Package enrich runs the NLP stages over an Article and builds the
// enriched Document of the contract.
package enrich

import (
	"context"
	"time"

	"github.com/wirenrich/wirenrich/internal/article"
)

// Version is the enrichment version written into every document and into
// the Enrich-Version header.
const Version = "0.1.0"

// Options configure an Enricher.
type Options struct {
	// Now returns the current time (for Enrichment.At); time.Now if nil.
	Now func() time.Time
}

// Enricher turns articles into enriched documents. It is safe for
// concurrent use.
type Enricher struct {
	now func() time.Time
}

// New builds an Enricher, loading the embedded models.
func New(opts Options) (*Enricher, error) {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	return &Enricher{now: now}, nil
}

// Enrich analyses one article. It honours ctx cancellation between stages.
//
// Until the NLP stages land it is the simplest honest enricher: the article
// and its declared language, no entities and no relations.
func (e *Enricher) Enrich(ctx context.Context, a *article.Article) (*Document, error) {
	start := time.Now()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc := &Document{
		Schema:    Schema,
		ID:        a.ID,
		Article:   articleOut(a),
		Language:  Language{Code: a.Language},
		Entities:  []Entity{},
		Relations: []Relation{},
	}
	if a.Language != "" {
		doc.Language.Confidence = 1
	}
	doc.Enrichment = Enrichment{
		Version: Version,
		TookMS:  float64(time.Since(start).Microseconds()) / 1000,
		At:      e.now().UTC().Format(time.RFC3339Nano),
	}
	return doc, nil
}

func articleOut(a *article.Article) ArticleOut {
	out := ArticleOut{
		Headline: a.Headline,
		Body:     a.Body,
		Language: a.Language,
		Source:   a.Source,
		URL:      a.URL,
	}
	if !a.Published.IsZero() {
		out.Published = a.Published.UTC().Format(time.RFC3339)
	}
	if len(a.Extra) > 0 {
		out.Extra = make(map[string]any, len(a.Extra))
		for k, v := range a.Extra {
			out.Extra[k] = v
		}
	}
	return out
}
