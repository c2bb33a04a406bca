package resolve

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/nlp/geo"
)

// Salience weights of one mention: every mention counts 1 plus 1/(1+s)
// for its sentence index s, a headline mention HeadlineBonus more, a
// mention in the body's lead paragraph LeadBonus more; a nominal mention
// counts half.
const (
	HeadlineBonus = 1.5
	LeadBonus     = 0.5
	nominalWeight = 0.5
	maxConfidence = 0.99
)

// score sets salience (named entities only, normalised to sum to 1, floored
// to 4 decimals so that rounding never lifts the sum above 1) and
// confidence (noisy-or of the named mentions' confidences, capped).
func (s *state) score() {
	a := s.a
	lead := -1
	if len(a.Fields) > 1 {
		lead = leadEnd(a.Fields[1].Doc.Text)
	}
	sc := s.scratch()
	weights := grow(sc.weights, len(a.Entities))
	sc.weights = weights
	clear(weights)
	total := 0.0
	for e := range a.Entities {
		ent := &a.Entities[e]
		if !named(ent.Type) {
			continue
		}
		miss := 1.0
		for _, mi := range ent.Mentions {
			m := &a.Mentions[mi]
			w := 1 + 1/(1+math.Max(0, float64(m.Sent)))
			if m.Field == 0 {
				w += HeadlineBonus
			} else if m.Field == 1 && m.Start < lead {
				w += LeadBonus
			}
			if m.Nominal {
				w *= nominalWeight
			} else {
				c := m.Confidence
				if !(c > 0) || c > 1 {
					c = 0.5
				}
				miss *= 1 - c
			}
			weights[e] += w
		}
		ent.Confidence = floor(math.Min(maxConfidence, 1-miss), 3)
		total += weights[e]
	}
	for e := range a.Entities {
		if total > 0 && weights[e] > 0 {
			a.Entities[e].Salience = floor(weights[e]/total, 4)
		} else {
			a.Entities[e].Salience = 0
		}
	}
}

func floor(x float64, digits int) float64 {
	var p float64
	switch digits {
	case 3:
		p = 1e3 // math.Pow(10, 3), exactly
	case 4:
		p = 1e4
	default:
		p = math.Pow(10, float64(digits))
	}
	return math.Floor(x*p) / p
}

// leadEnd returns the code-point offset where the first paragraph of a
// body ends (its first line break after some text).
func leadEnd(body string) int {
	// The white space before the text is ASCII: a code point a byte.
	i := 0
	for i < len(body) && (body[i] == '\n' || body[i] == ' ' || body[i] == '\t' || body[i] == '\r') {
		i++
	}
	j := strings.IndexByte(body[i:], '\n')
	if j < 0 {
		return i + runeCount(body[i:])
	}
	return i + runeCount(body[i:i+j])
}

// link sets GeoNames links on LOCATION entities, choosing among places of
// the same name the one that fits the other places of the article: the
// countries of its other places (each place's default reading) and the
// regions it names; then Wikidata links of the link table on the named
// entities left without links.
func (s *state) link() {
	s.linkPlaces()
	s.linkWikidata()
}

// linkWikidata gives a named entity without links the QID of the link
// table for its type and the most complete of its names that the table
// holds (names as matched: folded, without honorifics or a leading
// determiner).
func (s *state) linkWikidata() {
	a := s.a
	if s.r.links == nil {
		return
	}
	for e, members := range s.members {
		ent := &a.Entities[e]
		if ent.Links != nil {
			continue
		}
		best, qid := -1, ""
		for _, i := range members {
			it := &s.items[i]
			if best >= 0 && len(it.toks) <= len(s.items[best].toks) {
				continue
			}
			if q, ok := s.r.links.Lookup(ent.Type, it.key); ok {
				best, qid = i, q
			}
		}
		if best >= 0 {
			ent.Links = map[string]string{"wikidata": qid}
		}
	}
}

// linkPlaces sets GeoNames links on LOCATION entities (see link).
func (s *state) linkPlaces() {
	a := s.a
	g := s.r.gaz
	if g == nil {
		return
	}
	// The places of each name of each LOCATION entity, in the order of
	// linkNames, unknown names left out.
	var names []string // linkNames of an entity
	// cands[span[e]:span[e+1]] are entity e's.
	var cands []geo.Candidates
	span := make([]int32, len(a.Entities)+1)
	own := make([]string, len(a.Entities)) // country each entity adds to the context
	// The place each entity's names give without a context, nil: none.
	plain := make([]*geo.Place, len(a.Entities))
	countries := map[string]int{}
	regions := map[string]bool{}
	for e := range a.Entities {
		ent := &a.Entities[e]
		span[e] = int32(len(cands))
		span[e+1] = span[e]
		if ent.Type != Location {
			continue
		}
		names = s.linkNames(e, names[:0])
		for _, n := range names {
			if c := s.place(n).cands; c.Len() > 0 {
				cands = append(cands, c)
			}
		}
		span[e+1] = int32(len(cands))
		for _, c := range cands[span[e]:] {
			p, ok := g.BestOf(c, geo.Context{})
			if !ok {
				continue
			}
			own[e], plain[e] = p.Country, p
			countries[p.Country]++
			if p.Kind == geo.Region {
				regions[p.RegionKey()] = true
			}
			break // the first name that links decides
		}
	}
	for e := range a.Entities {
		ec := cands[span[e]:span[e+1]]
		if len(ec) == 0 {
			continue
		}
		// The context only tells homonyms apart: the name of one place
		// links without it (the first name always links then).
		if ec[0].Len() <= 1 {
			// Without a context, as read above.
			if p := plain[e]; p != nil {
				a.Entities[e].Links = p.Links()
			}
			continue
		}
		ctx := geo.Context{Countries: make(map[string]bool, len(countries)), Regions: regions}
		for c, n := range countries {
			if c != own[e] || n > 1 {
				ctx.Countries[c] = true
			}
		}
		for _, c := range ec {
			if p, ok := g.BestOf(c, ctx); ok {
				a.Entities[e].Links = p.Links()
				break
			}
		}
	}
}

// linkNames lists the names to look an entity up by: its name, then its
// other named forms, each once whatever its case, appended to out.
func (s *state) linkNames(e int, out []string) []string {
	a := s.a
	ent := &a.Entities[e]
	out = append(out, ent.Name)
	var rawA [8]string
	raw := append(rawA[:0], ent.Name) // forms seen
	for _, mi := range ent.Mentions {
		m := &a.Mentions[mi]
		if m.Nominal {
			continue
		}
		t := strings.TrimSpace(m.Text)
		if slices.Contains(raw, t) {
			continue
		}
		seen := false // in another case
		for _, r := range raw {
			if lowerEqual(r, t) {
				seen = true
				break
			}
		}
		raw = append(raw, t)
		if !seen {
			out = append(out, t)
		}
	}
	return out
}

// lowerEqual reports whether strings.ToLower(x) == strings.ToLower(y)
// without building either: ToLower maps every code point (an invalid byte
// reads as U+FFFD) through unicode.ToLower.
func lowerEqual(x, y string) bool {
	if x == y {
		return true
	}
	for x != "" && y != "" {
		rx, wx := utf8.DecodeRuneInString(x)
		ry, wy := utf8.DecodeRuneInString(y)
		if rx != ry && unicode.ToLower(rx) != unicode.ToLower(ry) {
			return false
		}
		x, y = x[wx:], y[wy:]
	}
	return x == "" && y == ""
}

// firstPos is where an entity's first mention stands (field, start), none
// 1 for an entity without mentions (order).
type firstPos struct{ none, field, start int }

// order sorts each entity's mentions in text order and the entities by
// their first mention (headline first), renumbering Mention.Entity.
func (s *state) order() {
	a := s.a
	// byPos orders mentions by (field, start), as before does.
	byPos := func(x, y int) int {
		mx, my := &a.Mentions[x], &a.Mentions[y]
		if c := cmp.Compare(mx.Field, my.Field); c != 0 {
			return c
		}
		return cmp.Compare(mx.Start, my.Start)
	}
	for e := range a.Entities {
		// Mentions mostly come in text order: a sorted list is kept as
		// it is, as the stable sort would.
		if ms := a.Entities[e].Mentions; !slices.IsSortedFunc(ms, byPos) {
			slices.SortStableFunc(ms, byPos)
		}
	}
	// The key of each entity, its first mention's position (entities
	// with mentions first), read once rather than at each comparison.
	sc := s.scratch()
	keys := grow(sc.firstPos, len(a.Entities))
	sc.firstPos = keys
	for e := range a.Entities {
		keys[e] = firstPos{none: 1}
		if ms := a.Entities[e].Mentions; len(ms) > 0 {
			m := &a.Mentions[ms[0]]
			keys[e] = firstPos{field: m.Field, start: m.Start}
		}
	}
	byFirst := func(i, j int) int {
		ki, kj := &keys[i], &keys[j]
		if c := cmp.Compare(ki.none, kj.none); c != 0 || ki.none == 1 {
			return c
		}
		if c := cmp.Compare(ki.field, kj.field); c != 0 {
			return c
		}
		return cmp.Compare(ki.start, kj.start)
	}
	perm := grow(sc.perm, len(a.Entities))
	sc.perm = perm
	for i := range perm {
		perm[i] = i
	}
	if slices.IsSortedFunc(perm, byFirst) {
		return // in order already: perm is the identity
	}
	slices.SortStableFunc(perm, byFirst)
	newIdx := grow(sc.newIdx, len(perm))
	sorted := grow(sc.sorted, len(perm))
	sc.newIdx, sc.sorted = newIdx, sorted
	for to, from := range perm {
		newIdx[from] = to
		sorted[to] = a.Entities[from]
	}
	copy(a.Entities, sorted)
	clear(sorted) // no reference to the article kept
	for i := range a.Mentions {
		if e := a.Mentions[i].Entity; e >= 0 && e < len(newIdx) {
			a.Mentions[i].Entity = newIdx[e]
		}
	}
}
