package pipeline

import (
	"errors"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/enrich"
)

// NinjsEncoder writes the input as ninjs 3.x with the extracted entities in
// its people, organisations, places and subjects.
type NinjsEncoder struct{}

// ErrNinjsUnavailable is returned until the ninjs writer exists.
var ErrNinjsUnavailable = errors.New("ninjs output not available in this build")

// Encode renders the article as ninjs.
func (NinjsEncoder) Encode(a *article.Article, doc *enrich.Document) ([]byte, error) {
	return nil, ErrNinjsUnavailable
}

// Schema is ninjs/3.2.
func (NinjsEncoder) Schema() string { return SchemaNinjs }
