package pipeline

import (
	"fmt"
	"math"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/enrich"
)

// NinjsEncoder writes the input as ninjs 3.x with the extracted named
// entities in its people, organisations, places and subjects (MISC
// entities: named events, works, laws). Dates and amounts have no ninjs
// array and are left out.
type NinjsEncoder struct{}

// Encode renders the article as ninjs.
func (NinjsEncoder) Encode(a *article.Article, doc *enrich.Document) ([]byte, error) {
	return article.EncodeNinjs(a, NinjsTags(doc))
}

// Schema is ninjs/3.2.
func (NinjsEncoder) Schema() string { return SchemaNinjs }

// ninjsKinds maps entity types to NinjsTag kinds.
var ninjsKinds = map[string]string{
	enrich.Person:       "person",
	enrich.Organization: "organisation",
	enrich.Location:     "place",
	enrich.Misc:         "subject",
}

// NinjsTags converts a document's named entities to ninjs tags: the
// confidence as 0-100, Wikidata or GeoNames links as URIs, and
// "wirenrich/<version>" as creator.
func NinjsTags(doc *enrich.Document) []article.NinjsTag {
	creator := "wirenrich/" + doc.Enrichment.Version
	tags := make([]article.NinjsTag, 0, len(doc.Entities))
	for _, e := range doc.Entities {
		kind, ok := ninjsKinds[e.Type]
		if !ok || e.Name == "" {
			continue
		}
		tags = append(tags, article.NinjsTag{
			Kind:       kind,
			Name:       e.Name,
			URI:        entityURI(e.Links),
			Confidence: int(math.Round(math.Max(0, math.Min(1, e.Confidence)) * 100)),
			Creator:    creator,
		})
	}
	return tags
}

func entityURI(links map[string]string) string {
	if q := links["wikidata"]; q != "" {
		return "http://www.wikidata.org/entity/" + q
	}
	if g := links["geonames"]; g != "" {
		return fmt.Sprintf("https://sws.geonames.org/%s/", g)
	}
	return ""
}
