// Package enrich runs the NLP stages over an Article and builds the
// enriched Document of the contract: segmentation, language
// identification, named entities, temporal and numeric expressions,
// entity resolution and linking, then relations.
package enrich

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/lang"
	"github.com/wirenrich/wirenrich/internal/nlp/ner"
	"github.com/wirenrich/wirenrich/internal/nlp/relate"
	"github.com/wirenrich/wirenrich/internal/nlp/resolve"
	"github.com/wirenrich/wirenrich/internal/nlp/ruler"
	"github.com/wirenrich/wirenrich/internal/nlp/temporal"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// Version is the enrichment version written into every document and into
// the Enrich-Version header.
const Version = "0.2.0"

// Options configure an Enricher.
type Options struct {
	// Now returns the current time (for Enrichment.At); time.Now if nil.
	Now func() time.Time
	// Language, when set, overrides both the declared and the detected
	// language of every article.
	Language string
}

// Enricher turns articles into enriched documents. It is safe for
// concurrent use.
type Enricher struct {
	now      func() time.Time
	force    string
	ident    *lang.Identifier
	ner      ner.Cache
	temporal *temporal.Extractor
	resolver *resolve.Resolver
	relater  *relate.Relater
	ruler    *ruler.Ruler
	// skip leaves stages out of Enrich: set by benchmarks that measure
	// what those stages cost, always zero otherwise.
	skip stageSet

	mu   sync.Mutex
	toks map[string]*text.Tokenizer
}

// New builds an Enricher, loading the embedded models (NER models are
// loaded lazily, per language, on first use).
func New(opts Options) (*Enricher, error) {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	ident, err := lang.Load()
	if err != nil {
		return nil, fmt.Errorf("enrich: %w", err)
	}
	tx, err := temporal.New()
	if err != nil {
		return nil, fmt.Errorf("enrich: %w", err)
	}
	res, err := resolve.Load()
	if err != nil {
		return nil, fmt.Errorf("enrich: %w", err)
	}
	rel, err := relate.Load()
	if err != nil {
		return nil, fmt.Errorf("enrich: %w", err)
	}
	rel = rel.WithGenders(res.Genders())
	rul, err := ruler.Load()
	if err != nil {
		return nil, fmt.Errorf("enrich: %w", err)
	}
	return &Enricher{
		now:      now,
		force:    opts.Language,
		ident:    ident,
		temporal: tx,
		resolver: res,
		relater:  rel,
		ruler:    rul,
		toks:     map[string]*text.Tokenizer{},
	}, nil
}

// stageSet is a set of stages of Enrich.
type stageSet uint8

// Stages a benchmark may leave out.
const (
	skipTemporal stageSet = 1 << iota
	skipResolve
)

// tokenizer returns the (shared, concurrency-safe) tokenizer of a language.
func (e *Enricher) tokenizer(code string) *text.Tokenizer {
	e.mu.Lock()
	defer e.mu.Unlock()
	t := e.toks[code]
	if t == nil {
		t = text.NewTokenizer(code)
		e.toks[code] = t
	}
	return t
}

// language decides the language of an article: forced, declared, or
// detected, in that order.
func (e *Enricher) language(a *article.Article) Language {
	if e.force != "" {
		return Language{Code: e.force, Confidence: 1}
	}
	if a.Language != "" {
		return Language{Code: a.Language, Confidence: 1}
	}
	sample := a.Body
	if a.Headline != "" {
		sample = a.Headline + "\n\n" + a.Body
	}
	code, conf := e.ident.Detect(sample)
	return Language{Code: code, Confidence: round(conf, 4)}
}

// Enrich analyses one article. It honours ctx cancellation between stages.
func (e *Enricher) Enrich(ctx context.Context, a *article.Article) (*Document, error) {
	start := time.Now()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	doc := &Document{
		Schema:    Schema,
		ID:        a.ID,
		Article:   articleOut(a),
		Language:  e.language(a),
		Entities:  []Entity{},
		Relations: []Relation{},
	}
	models := map[string]string{"lang": lang.ModelName}

	code := doc.Language.Code
	tok := e.tokenizer(code)
	ref := a.Published
	if ref.IsZero() {
		// No publication date: a dated wire dateline ("PARIS, 5 mars 2024
		// (AFP) -", or "WASHINGTON, Dec 12 (Reuters) -" in the year of its
		// receipt) anchors the relative dates instead, else the time the
		// bus received the article.
		var ok bool
		if ref, ok = e.temporal.DatelineDate(a.Body, code, a.Received); !ok {
			ref = a.Received
		}
	}
	an := &analysis.Analysis{
		Lang:      code,
		Published: ref,
		Fields: []analysis.Field{
			{Name: "headline", Doc: tok.Segment(a.Headline)},
			{Name: "body", Doc: tok.Segment(a.Body)},
		},
	}

	tagger, err := e.ner.Get(code)
	switch {
	case err == nil:
		tagger.Annotate(an)
		e.ruler.ApplyWith(an, tagger)
		models["ner"] = tagger.Name()
	case errors.Is(err, ner.ErrNoModel):
		// A language without a model is reported, not guessed.
		models["ner"] = "none (no model for " + code + ")"
	default:
		return nil, fmt.Errorf("enrich: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if e.skip&skipTemporal == 0 {
		e.temporal.Annotate(an)
	}
	if e.skip&skipResolve == 0 {
		e.resolver.Resolve(an)
	}
	e.relater.Relate(an)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	fillDocument(doc, an)

	doc.Enrichment = Enrichment{
		Version: Version,
		Models:  models,
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
