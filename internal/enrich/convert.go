package enrich

import (
	"fmt"
	"math"
	"sort"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
)

// fillDocument writes the entities and relations of an analysis into doc,
// numbering entities e1, e2, … in order of first mention.
func fillDocument(doc *Document, an *analysis.Analysis) {
	order := make([]int, 0, len(an.Entities))
	first := make([]int, len(an.Entities))
	for i, e := range an.Entities {
		if len(e.Mentions) == 0 {
			continue
		}
		first[i] = mentionKey(an, e.Mentions[0])
		order = append(order, i)
	}
	sort.SliceStable(order, func(x, y int) bool { return first[order[x]] < first[order[y]] })

	ids := make([]string, len(an.Entities))
	doc.Entities = make([]Entity, 0, len(order))
	for n, i := range order {
		e := an.Entities[i]
		ids[i] = fmt.Sprintf("e%d", n+1)
		out := Entity{
			ID:         ids[i],
			Type:       e.Type,
			Name:       e.Name,
			Value:      e.Value,
			Salience:   round(e.Salience, 4),
			Confidence: round(e.Confidence, 4),
			Mentions:   make([]Mention, 0, len(e.Mentions)),
			Links:      e.Links,
		}
		for _, mi := range e.Mentions {
			m := an.Mentions[mi]
			out.Mentions = append(out.Mentions, Mention{
				Field:    an.Fields[m.Field].Name,
				Start:    m.Start,
				End:      m.End,
				Text:     m.Text,
				Sentence: m.Sent,
			})
		}
		doc.Entities = append(doc.Entities, out)
	}

	doc.Relations = make([]Relation, 0, len(an.Relations))
	for _, r := range an.Relations {
		if r.Subject < 0 || r.Subject >= len(ids) || ids[r.Subject] == "" {
			continue
		}
		out := Relation{
			Type:       r.Type,
			Subject:    ids[r.Subject],
			Value:      r.Value,
			Cameo:      r.Cameo,
			Confidence: round(r.Confidence, 4),
			Evidence: Evidence{
				Field:    an.Fields[r.Field].Name,
				Start:    r.Start,
				End:      r.End,
				Sentence: r.Sent,
			},
		}
		if r.Object >= 0 && r.Object < len(ids) {
			out.Object = ids[r.Object]
		}
		doc.Relations = append(doc.Relations, out)
	}
}

// mentionKey orders mentions by field then offset.
func mentionKey(an *analysis.Analysis, mi int) int {
	m := an.Mentions[mi]
	return m.Field<<40 | m.Start
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}
