package resolve

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
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
	// linkNames, unknown names left out (and the names after the first
	// known one left unread when that one names a single place: the
	// context is not needed then).
	sc := s.scratch()
	names := sc.names[:0] // linkNames of an entity
	// cands[span[e]:span[e+1]] are entity e's.
	cands := sc.cands[:0]
	span := grow(sc.span, len(a.Entities)+1)
	own := grow(sc.own, len(a.Entities)) // country each entity adds to the context
	// The place each entity's names give without a context, nil: none.
	plain := grow(sc.plain, len(a.Entities))
	clear(own)
	clear(plain)
	var countries []countryCount // each country once
	var regions map[string]bool
	for e := range a.Entities {
		ent := &a.Entities[e]
		span[e] = int32(len(cands))
		span[e+1] = span[e]
		if ent.Type != Location {
			continue
		}
		names = s.linkNames(e, names[:0])
		for _, n := range names {
			c := s.place(n).cands
			if c.Len() == 0 {
				continue
			}
			cands = append(cands, c)
			if plain[e] == nil {
				// The first name that links decides.
				if p, ok := g.BestOf(c, geo.Context{}); ok {
					own[e], plain[e] = p.Country, p
					countries = addCountry(countries, p.Country)
					if p.Kind == geo.Region {
						if regions == nil {
							regions = map[string]bool{}
						}
						regions[p.RegionKey()] = true
					}
				}
			}
			if plain[e] != nil && cands[span[e]].Len() <= 1 {
				break // linked without a context: the other names are not read
			}
		}
		span[e+1] = int32(len(cands))
	}
	var ctx geo.Context
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
		if ctx.Countries == nil {
			ctx = geo.Context{Countries: make(map[string]bool, len(countries)), Regions: regions}
		}
		clear(ctx.Countries)
		for _, c := range countries {
			if c.iso != own[e] || c.n > 1 {
				ctx.Countries[c.iso] = true
			}
		}
		for _, c := range ec {
			if p, ok := g.BestOf(c, ctx); ok {
				a.Entities[e].Links = p.Links()
				break
			}
		}
	}
	clear(names)
	clear(cands)
	clear(plain) // no reference to the gazetteer's places kept
	clear(own)
	sc.names, sc.cands, sc.span, sc.own, sc.plain = names[:0], cands[:0], span, own, plain
}

// countryCount is a country of the places of an article and the number
// of its LOCATION entities in it (linkPlaces).
type countryCount struct {
	iso string
	n   int
}

// addCountry counts one more entity in country iso.
func addCountry(cs []countryCount, iso string) []countryCount {
	for i := range cs {
		if cs[i].iso == iso {
			cs[i].n++
			return cs
		}
	}
	return append(cs, countryCount{iso: iso, n: 1})
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
	// The named entities come in the order of their first names, then
	// the values in theirs: two sorted runs, merged rather than sorted.
	run := 1
	for run < len(perm) && byFirst(run-1, run) <= 0 {
		run++
	}
	if run >= len(perm) {
		return // in order already: perm is the identity
	}
	if slices.IsSortedFunc(perm[run:], byFirst) {
		merged := grow(sc.merged, len(perm))
		sc.merged = mergeRuns(merged, perm[:run], perm[run:], byFirst)
		perm = merged
	} else {
		slices.SortStableFunc(perm, byFirst)
	}
	newIdx := grow(sc.newIdx, len(perm))
	sc.newIdx = newIdx
	for to, from := range perm {
		newIdx[from] = to
	}
	permute(a.Entities, perm)
	for i := range a.Mentions {
		if e := a.Mentions[i].Entity; e >= 0 && e < len(newIdx) {
			a.Mentions[i].Entity = newIdx[e]
		}
	}
}

// permute moves es[perm[i]] to es[i] for every i, in place (a cycle at
// a time, rather than through a copy of the entities), and leaves perm
// the identity.
func permute(es []analysis.Entity, perm []int) {
	for i := range perm {
		if perm[i] == i {
			continue
		}
		tmp := es[i]
		for cur := i; ; {
			from := perm[cur]
			perm[cur] = cur
			if from == i {
				es[cur] = tmp
				break
			}
			es[cur] = es[from]
			cur = from
		}
	}
}

// mergeRuns writes into dst (of len(x)+len(y)) the merge of two sorted
// runs, x before y among equals: what a stable sort of x then y gives.
func mergeRuns(dst, x, y []int, cmp func(i, j int) int) []int {
	k := 0
	for len(x) > 0 && len(y) > 0 {
		if cmp(y[0], x[0]) < 0 {
			dst[k], y = y[0], y[1:]
		} else {
			dst[k], x = x[0], x[1:]
		}
		k++
	}
	k += copy(dst[k:], x)
	copy(dst[k:], y)
	return dst
}
