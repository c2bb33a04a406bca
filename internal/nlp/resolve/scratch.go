package resolve

import (
	"sync"

	"github.com/wirenrich/wirenrich/internal/nlp/geo"
)

// scratch holds the working arrays of one Resolve call, reused by the
// next calls through scratchPool: nothing in it outlives the call (the
// strings the call keeps are copies).
type scratch struct {
	named    []int    // named mentions, then value mentions (run)
	ends     []int    // end of each named mention's folded text (run)
	buf      []byte   // folded texts (run), folded tokens (fields)
	words    []string // words of the items' keys
	items    []item
	parent   []int
	next     []int
	last     []int
	known    []int8
	keySlots []int32      // groupExact
	keyHash  []uint64     // groupExact
	firstOf  []int        // groupExact
	infos    []fieldInfo  // fields
	at       []int32      // fields: startAt and endAt
	flags    []uint8      // fields: the flags of each token
	tx       []textAt     // fields: where the folded tokens are
	maybe    []maybeAt    // fields: tokens a Bloom filter lets through
	votes    [][4]float64 // groupTypes
	first    []int        // groupTypes
	types    []string     // groupTypes
	ints     []int        // buildNamed
	roots    []int        // buildNamed
	// members of each entity (buildNamed), pointing into ints
	members  [][]int
	weights  []float64        // score
	perm     []int            // order
	merged   []int            // order: perm merged
	firstPos []firstPos       // order: the key of each entity
	newIdx   []int            // order
	order    []int            // groupContained
	longer   []int            // groupContained
	sigs     []uint64         // groupContained
	sorted   []uint64         // groupContained: sigs in order
	cands2   []int            // groupContained: the candidates of an item
	withInit []int            // groupAcronyms
	group    []int            // buildValues: the entity of each value mention
	count    []int            // buildValues: mentions of each value entity
	vkeys    []valueKey       // buildValues: the key of each value entity
	names    []string         // linkPlaces: the names of an entity
	cands    []geo.Candidates // linkPlaces: the places of each name
	span     []int32          // linkPlaces: each entity's cands
	own      []string         // linkPlaces: each entity's country
	plain    []*geo.Place     // linkPlaces: each entity's place without a context
	people   []*person        // attachNominals: by entity
	persons  []person         // attachNominals: the people, their sets reused
	affs     []string         // affiliation: by entity
	affDone  []bool           // affiliation: by entity
	// placeIx indexes places by folded name (place).
	placeIx map[string]int32
	places  []placeOf
}

var scratchPool = sync.Pool{New: func() any { return &scratch{} }}

// release clears what refers to the article and returns sc to the pool.
func (sc *scratch) release() {
	// Each call leaves the arrays clear past the lengths it used.
	clear(sc.words)
	clear(sc.items)
	clear(sc.infos)
	sc.words, sc.items, sc.infos = sc.words[:0], sc.items[:0], sc.infos[:0]
	for i := range sc.persons {
		p := &sc.persons[i]
		clear(p.affs)
		clear(p.titles)
		p.affs, p.titles = p.affs[:0], p.titles[:0]
	}
	clear(sc.people)
	clear(sc.affs)
	clear(sc.placeIx)
	clear(sc.places)
	sc.places = sc.places[:0]
	scratchPool.Put(sc)
}

// grow returns s with length n, reusing its array when it is large
// enough; the contents are not cleared.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}

// scratch returns the state's arrays (new ones for a state made without).
func (s *state) scratch() *scratch {
	if s.sc == nil {
		s.sc = &scratch{}
	}
	return s.sc
}
