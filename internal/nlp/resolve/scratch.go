package resolve

import (
	"sync"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
)

// scratch holds the working arrays of one Resolve call, reused by the
// next calls through scratchPool: nothing in it outlives the call (the
// strings the call keeps are copies).
type scratch struct {
	named  []int    // named mentions, then value mentions (run)
	ends   []int    // end of each named mention's folded text (run)
	buf    []byte   // folded texts (run), folded tokens (fields)
	words  []string // words of the items' keys
	items  []item
	parent []int
	next   []int
	last   []int
	known  []int8
	byKey  map[string]int
	at     []int32      // fields: startAt and endAt
	flags  []bool       // fields: covered, titleFirst, det
	texts  []string     // fields: folded tokens
	folded []foldedAt   // fields: the tokens folded into buf
	maybe  []int32      // fields: tokens a Bloom filter lets through
	votes  [][4]float64 // groupTypes
	first  []int        // groupTypes
	types  []string     // groupTypes
	ints   []int        // buildNamed
	roots  []int        // buildNamed
	// members of each entity (buildNamed), pointing into ints
	members  [][]int
	weights  []float64         // score
	perm     []int             // order
	firstPos []firstPos        // order: the key of each entity
	newIdx   []int             // order
	sorted   []analysis.Entity // order
	order    []int             // groupContained
	longer   []int             // groupContained
	sigs     []uint64          // groupContained
	withInit []int             // groupAcronyms
	group    []int             // buildValues: the entity of each value mention
	count    []int             // buildValues: mentions of each value entity
	vkeys    []valueKey        // buildValues: the key of each value entity
	// placeIx indexes places by folded name (place).
	placeIx map[string]int32
	places  []placeOf
}

var scratchPool = sync.Pool{New: func() any { return &scratch{byKey: map[string]int{}} }}

// release clears what refers to the article and returns sc to the pool.
func (sc *scratch) release() {
	clear(sc.words[:cap(sc.words)])
	clear(sc.items[:cap(sc.items)])
	clear(sc.texts[:cap(sc.texts)])
	clear(sc.byKey)
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
		s.sc = &scratch{byKey: map[string]int{}}
	}
	return s.sc
}
