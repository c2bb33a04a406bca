package enrich

// Schema is the value of Document.Schema for this version of the contract.
const Schema = "enriched-article/v1"

// Document is the enriched output of one article, as ../shared/CONTRACT.md
// specifies it. Offsets count Unicode code points into the named field.
type Document struct {
	Schema     string     `json:"schema"`
	ID         string     `json:"id"`
	Source     *Source    `json:"source,omitempty"`
	Article    ArticleOut `json:"article"`
	Language   Language   `json:"language"`
	Entities   []Entity   `json:"entities"`
	Relations  []Relation `json:"relations"`
	Enrichment Enrichment `json:"enrichment"`
}

// Source says where the input came from on the bus; the pipeline fills it.
type Source struct {
	Subject    string `json:"subject"`
	StreamSeq  uint64 `json:"stream_seq,omitempty"`
	ReceivedAt string `json:"received_at,omitempty"`
}

// ArticleOut is the article as read, with the fields kept from the input.
type ArticleOut struct {
	Headline  string         `json:"headline,omitempty"`
	Body      string         `json:"body"`
	Language  string         `json:"language,omitempty"`
	Published string         `json:"published,omitempty"`
	Source    string         `json:"source,omitempty"`
	URL       string         `json:"url,omitempty"`
	Extra     map[string]any `json:"extra,omitempty"`
}

// Language is the detected (or declared) language of the article.
type Language struct {
	Code       string  `json:"code"`
	Confidence float64 `json:"confidence"`
}

// Entity is one real-world thing named in the article, or one temporal or
// numeric expression, with all its mentions.
type Entity struct {
	ID         string            `json:"id"`
	Type       string            `json:"type"`
	Name       string            `json:"name"`
	Value      string            `json:"value,omitempty"`
	Salience   float64           `json:"salience,omitempty"`
	Confidence float64           `json:"confidence,omitempty"`
	Mentions   []Mention         `json:"mentions"`
	Links      map[string]string `json:"links,omitempty"`
}

// Mention is one occurrence of an entity in a field of the article.
type Mention struct {
	Field    string `json:"field"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
}

// Relation links two entities of the article (or an entity and a literal
// value), with the evidence it was read from.
type Relation struct {
	Type       string   `json:"type"`
	Subject    string   `json:"subject"`
	Object     string   `json:"object,omitempty"`
	Value      string   `json:"value,omitempty"`
	Cameo      string   `json:"cameo,omitempty"`
	Confidence float64  `json:"confidence"`
	Evidence   Evidence `json:"evidence"`
}

// Evidence is the span a relation was read from.
type Evidence struct {
	Field    string `json:"field"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence int    `json:"sentence"`
}

// Enrichment records what produced the document.
type Enrichment struct {
	Version string            `json:"version"`
	Models  map[string]string `json:"models,omitempty"`
	TookMS  float64           `json:"took_ms"`
	At      string            `json:"at"`
}

// Entity and relation type names of the contract.
const (
	Person       = "PERSON"
	Organization = "ORGANIZATION"
	Location     = "LOCATION"
	Misc         = "MISC"
	Date         = "DATE"
	Time         = "TIME"
	Money        = "MONEY"
	Percent      = "PERCENT"
	Quantity     = "QUANTITY"
)
