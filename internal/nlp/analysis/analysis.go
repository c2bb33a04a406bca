// Package analysis holds the analysed form of an article that the NLP
// stages read and extend in turn: segmented fields, then mentions (named
// entities, temporal and numeric expressions), then entities that group
// mentions, then relations between entities.
package analysis

import (
	"time"

	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// Analysis is one article under analysis. Stages append to it in order:
// ner and temporal add Mentions, resolve builds Entities (setting
// Mention.Entity), relate adds Relations.
type Analysis struct {
	// Lang is the language code (ISO 639-1) the stages run in.
	Lang string
	// Published anchors relative dates; zero when unknown.
	Published time.Time
	// Fields are the segmented texts: Fields[0] is the headline (possibly
	// empty), Fields[1] the body.
	Fields    []Field
	Mentions  []Mention
	Entities  []Entity
	Relations []Relation
}

// Field is one text field of the article ("headline" or "body").
type Field struct {
	Name string
	Doc  text.Doc
}

// Mention is one span of a field that names or expresses something.
type Mention struct {
	Field int // index into Analysis.Fields
	Sent  int // sentence index within the field
	// TokStart, TokEnd: token range [TokStart, TokEnd) in the field's Doc.
	TokStart, TokEnd int
	// Start, End: code-point offsets into the field's text, End exclusive.
	Start, End int
	Text       string
	Type       string  // PERSON, ORGANIZATION, LOCATION, MISC, DATE, TIME, MONEY, PERCENT, QUANTITY
	Confidence float64 // in [0,1]
	// Value is the normalised value of a temporal or numeric mention.
	Value string
	// Nominal marks a mention that refers to an entity by a title or
	// description ("le président russe") rather than by name.
	Nominal bool
	// Entity is the index into Analysis.Entities this mention belongs to,
	// -1 until resolve has run.
	Entity int
}

// Entity is one real-world thing (or one temporal/numeric value) of the
// article, grouping its mentions.
type Entity struct {
	Type       string
	Name       string // most complete form
	Value      string
	Mentions   []int // indexes into Analysis.Mentions, in text order
	Salience   float64
	Confidence float64
	Links      map[string]string // "wikidata": "Q…", "geonames": "…", "country": "FR", "lat"/"lon"
}

// Relation is a relation between two entities of the article, or between
// an entity and a literal Value.
type Relation struct {
	Type       string // title, nationality, member_of, located_in, met, visited, agreement, said, supports, opposes
	Subject    int    // index into Entities
	Object     int    // index into Entities, -1 when the relation has only a Value
	Value      string
	Cameo      string
	Confidence float64
	// Evidence: the span the relation was read from.
	Field, Sent int
	Start, End  int
}

// Named-entity types, in the order NamedIndex numbers them.
const (
	Person       = "PERSON"
	Organization = "ORGANIZATION"
	Location     = "LOCATION"
	Misc         = "MISC"
)

// NamedIndex numbers the named-entity types for voting: PERSON 0,
// ORGANIZATION 1, LOCATION 2, anything else 3 (MISC).
func NamedIndex(t string) int {
	switch t {
	case Person:
		return 0
	case Organization:
		return 1
	case Location:
		return 2
	}
	return 3
}

// NamedType is the type numbered i by NamedIndex (MISC for i out of range).
func NamedType(i int) string {
	switch i {
	case 0:
		return Person
	case 1:
		return Organization
	case 2:
		return Location
	}
	return Misc
}
