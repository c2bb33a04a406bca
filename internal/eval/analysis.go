package eval

import (
	"fmt"

	"github.com/wirenrich/wirenrich/internal/enrich"
	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
)

// FromAnalysis converts an analysis to the entities and relations of a
// document (ids e1, e2, … in entity order), so that a stage can be scored
// without the whole enricher.
func FromAnalysis(an *analysis.Analysis) *enrich.Document {
	doc := &enrich.Document{}
	if an == nil {
		return doc
	}
	id := func(i int) string { return fmt.Sprintf("e%d", i+1) }
	for i, e := range an.Entities {
		out := enrich.Entity{ID: id(i), Type: e.Type, Name: e.Name, Value: e.Value}
		for _, mi := range e.Mentions {
			if mi >= 0 && mi < len(an.Mentions) {
				m := an.Mentions[mi]
				out.Mentions = append(out.Mentions, enrich.Mention{Start: m.Start, End: m.End, Text: m.Text, Sentence: m.Sent})
			}
		}
		doc.Entities = append(doc.Entities, out)
	}
	for _, r := range an.Relations {
		if r.Subject < 0 || r.Subject >= len(an.Entities) {
			continue
		}
		out := enrich.Relation{Type: r.Type, Subject: id(r.Subject), Value: r.Value, Cameo: r.Cameo, Confidence: r.Confidence,
			Evidence: enrich.Evidence{Start: r.Start, End: r.End, Sentence: r.Sent}}
		if r.Object >= 0 && r.Object < len(an.Entities) {
			out.Object = id(r.Object)
		}
		doc.Relations = append(doc.Relations, out)
	}
	return doc
}
