package eval

import (
	"fmt"
	"sort"

	"github.com/wirenrich/wirenrich/internal/enrich"
)

// NamedTypes are the entity types of the overall entity score; the others
// (DATE, TIME, MONEY, PERCENT, QUANTITY) are reported apart.
var NamedTypes = []string{"PERSON", "ORGANIZATION", "LOCATION", "MISC"}

// RelationTypes are the relation types of the contract.
var RelationTypes = []string{"title", "nationality", "member_of", "located_in", "met", "visited", "agreement", "said", "supports", "opposes"}

// Symmetric reports whether a relation type holds in both directions.
func Symmetric(typ string) bool { return typ == "met" || typ == "agreement" }

// Counts are true positives, false positives and false negatives.
type Counts struct{ TP, FP, FN int }

// Add adds o to c.
func (c *Counts) Add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Precision is TP/(TP+FP), 0 when nothing was output.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 0 when nothing was expected.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores are counts per entity type and per relation type.
type Scores struct {
	Entities  map[string]Counts
	Relations map[string]Counts
}

// NewScores returns empty scores.
func NewScores() Scores {
	return Scores{Entities: map[string]Counts{}, Relations: map[string]Counts{}}
}

// Add adds the counts of o to s.
func (s Scores) Add(o Scores) {
	for k, c := range o.Entities {
		x := s.Entities[k]
		x.Add(c)
		s.Entities[k] = x
	}
	for k, c := range o.Relations {
		x := s.Relations[k]
		x.Add(c)
		s.Relations[k] = x
	}
}

// EntityOverall sums the named entity types (PERSON, ORGANIZATION,
// LOCATION, MISC).
func (s Scores) EntityOverall() Counts {
	var c Counts
	for _, t := range NamedTypes {
		c.Add(s.Entities[t])
	}
	return c
}

// ValueOverall sums the temporal and numeric entity types.
func (s Scores) ValueOverall() Counts {
	var c Counts
	for t, x := range s.Entities {
		if !isNamed(t) {
			c.Add(x)
		}
	}
	return c
}

// RelationOverall sums every relation type.
func (s Scores) RelationOverall() Counts {
	var c Counts
	for _, x := range s.Relations {
		c.Add(x)
	}
	return c
}

func isNamed(t string) bool {
	for _, n := range NamedTypes {
		if n == t {
			return true
		}
	}
	return false
}

// Result is the score of one article with what was missed or wrong.
type Result struct {
	Scores
	// Errors describe the false positives ("FP ...") and false negatives
	// ("FN ...") in a readable form.
	Errors []string
}

func (r *Result) count(entities bool, typ string, tp, fp, fn int) {
	m := r.Relations
	if entities {
		m = r.Entities
	}
	c := m[typ]
	c.Add(Counts{tp, fp, fn})
	m[typ] = c
}

// names is a set of normalised names.
type names map[string]bool

func (n names) add(ss ...string) {
	for _, s := range ss {
		if k := Normalize(s); k != "" {
			n[k] = true
		}
	}
}

func (n names) meets(o names) bool {
	for k := range n {
		if o[k] {
			return true
		}
	}
	return false
}

// Score compares one enriched document with its gold annotation; lang
// chooses how head words of values are found.
func Score(g *Gold, lang string, doc *enrich.Document) *Result {
	res := &Result{Scores: NewScores()}
	if g == nil || doc == nil {
		return res
	}
	// Output entities and their names.
	outNames := make([]names, len(doc.Entities))
	byID := map[string]int{}
	for i, e := range doc.Entities {
		n := names{}
		n.add(e.Name)
		for _, m := range e.Mentions {
			n.add(m.Text)
		}
		outNames[i] = n
		byID[e.ID] = i
	}
	goldNames := make([]names, len(g.Entities))
	for i, e := range g.Entities {
		n := names{}
		n.add(e.Name)
		n.add(e.Aliases...)
		goldNames[i] = n
	}

	// Entities: a maximum matching of output entities to required gold
	// entities of the same type.
	var req []int
	for i, e := range g.Entities {
		if !e.Optional {
			req = append(req, i)
		}
	}
	entMatch := func(o, gi int) bool {
		return doc.Entities[o].Type == g.Entities[gi].Type && outNames[o].meets(goldNames[gi])
	}
	outTo, goldTo := match(len(doc.Entities), len(req), func(o, k int) bool { return entMatch(o, req[k]) })
	for k, o := range goldTo {
		ge := g.Entities[req[k]]
		if o >= 0 {
			res.count(true, ge.Type, 1, 0, 0)
		} else {
			res.count(true, ge.Type, 0, 0, 1)
			res.Errors = append(res.Errors, fmt.Sprintf("FN entity %s %q", ge.Type, ge.Name))
		}
	}
	for o, k := range outTo {
		if k >= 0 {
			continue
		}
		optional := false
		for gi, ge := range g.Entities {
			if ge.Optional && entMatch(o, gi) {
				optional = true
				break
			}
		}
		if !optional {
			e := doc.Entities[o]
			res.count(true, e.Type, 0, 1, 0)
			res.Errors = append(res.Errors, fmt.Sprintf("FP entity %s %q", e.Type, e.Name))
		}
	}

	// Relations: the names a gold argument stands for, widened by the
	// aliases of the gold entity of that name.
	expand := func(name string, aliases []string) names {
		n := names{}
		n.add(name)
		n.add(aliases...)
		for i := range g.Entities {
			if goldNames[i].meets(n) {
				for k := range goldNames[i] {
					n[k] = true
				}
			}
		}
		return n
	}
	type goldArgs struct{ subj, obj names }
	args := make([]goldArgs, len(g.Relations))
	for i, r := range g.Relations {
		args[i].subj = expand(r.Subject, r.SubjectAliases)
		if r.Object != "" {
			args[i].obj = expand(r.Object, r.ObjectAliases)
		}
	}
	entNames := func(id string) names {
		if i, ok := byID[id]; ok && id != "" {
			return outNames[i]
		}
		return nil
	}
	relMatch := func(o, gi int) bool {
		r, gr := doc.Relations[o], g.Relations[gi]
		if r.Type != gr.Type {
			return false
		}
		s, ob := entNames(r.Subject), entNames(r.Object)
		a := args[gi]
		if gr.Object == "" {
			if !s.meets(a.subj) {
				return false
			}
			if gr.Value != "" {
				return valueMatches(gr.Type, gr.Value, r.Value, lang)
			}
			return true
		}
		if s.meets(a.subj) && ob.meets(a.obj) {
			return true
		}
		return Symmetric(gr.Type) && s.meets(a.obj) && ob.meets(a.subj)
	}
	var reqR []int
	for i, r := range g.Relations {
		if !r.Optional {
			reqR = append(reqR, i)
		}
	}
	rOutTo, rGoldTo := match(len(doc.Relations), len(reqR), func(o, k int) bool { return relMatch(o, reqR[k]) })
	for k, o := range rGoldTo {
		gr := g.Relations[reqR[k]]
		if o >= 0 {
			res.count(false, gr.Type, 1, 0, 0)
		} else {
			res.count(false, gr.Type, 0, 0, 1)
			res.Errors = append(res.Errors, fmt.Sprintf("FN %s %q -> %q %q", gr.Type, gr.Subject, gr.Object, gr.Value))
		}
	}
	entName := func(id string) string {
		if i, ok := byID[id]; ok && id != "" {
			return doc.Entities[i].Name
		}
		return ""
	}
	for o, k := range rOutTo {
		if k >= 0 {
			continue
		}
		optional := false
		for gi, gr := range g.Relations {
			if gr.Optional && relMatch(o, gi) {
				optional = true
				break
			}
		}
		if !optional {
			r := doc.Relations[o]
			res.count(false, r.Type, 0, 1, 0)
			res.Errors = append(res.Errors, fmt.Sprintf("FP %s %q -> %q %q", r.Type, entName(r.Subject), entName(r.Object), r.Value))
		}
	}
	sort.Strings(res.Errors)
	return res
}

// match finds a maximum bipartite matching between n outputs and m gold
// items (augmenting paths); it returns, for each output, its gold item or
// -1, and for each gold item, its output or -1.
func match(n, m int, ok func(o, g int) bool) (outTo, goldTo []int) {
	outTo = make([]int, n)
	goldTo = make([]int, m)
	for i := range outTo {
		outTo[i] = -1
	}
	for i := range goldTo {
		goldTo[i] = -1
	}
	adj := make([][]int, n)
	for o := range n {
		for g := range m {
			if ok(o, g) {
				adj[o] = append(adj[o], g)
			}
		}
	}
	var try func(o int, seen []bool) bool
	try = func(o int, seen []bool) bool {
		for _, g := range adj[o] {
			if seen[g] {
				continue
			}
			seen[g] = true
			if goldTo[g] < 0 || try(goldTo[g], seen) {
				goldTo[g], outTo[o] = o, g
				return true
			}
		}
		return false
	}
	for o := range n {
		if len(adj[o]) > 0 {
			try(o, make([]bool, m))
		}
	}
	return outTo, goldTo
}
