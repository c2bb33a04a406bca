package temporal

import "math"

// fidx numbers a filter of a language (see filterTable): the matcher tests
// a token against a filter through its row of the language's memberships.
type fidx uint16

// passAll is the test of a pattern's end: any token, or none, may follow.
const passAll fidx = math.MaxUint16

// filterTable numbers the distinct filters of a language while it is
// built (build time only).
type filterTable struct {
	idx  map[filter]fidx
	list []filter
}

// intern returns the number of f, adding it when new.
func (ft *filterTable) intern(f filter) fidx {
	if ft.idx == nil {
		ft.idx = map[filter]fidx{}
	}
	if i, ok := ft.idx[f]; ok {
		return i
	}
	if len(ft.list) >= int(passAll) {
		panic("temporal: too many distinct filters")
	}
	i := fidx(len(ft.list))
	ft.idx[f] = i
	ft.list = append(ft.list, f)
	return i
}

// buildMemberships turns the filters of ft around into the records of x:
// for each token id, the filters that let the token pass, so that the
// matcher tests the tokens after a start token against several filters
// by reading one record, which it reads for the token anyway. (With one
// bitset per filter, each test read a cache line of its own: inside
// Enrich, where the NER tagger has pushed this data out of the caches just
// before, the lines a call touches cost more than its instructions.)
//
// keys lists the vocabulary by id ("" where no key has the id). A record
// says exactly what filter.accept says of a token with that id: ids from
// filterIDs on pass every filter, and a number token (a key starting with
// a digit, or numID) passes the filters that let numbers pass. Filters
// past the records' memberships are not held: they always pass.
func buildMemberships(x *vocabIndex, ft *filterTable, keys []string) {
	numID := x.numID()
	for fi, f := range ft.list {
		if fi >= membWords*64 {
			break
		}
		for id := int32(1); id <= numID; id++ {
			if id < numID && keys[id] == "" {
				continue
			}
			tok := token{id: id, kind: kWord}
			if id == numID || digitKey(keys[id]) {
				tok.kind = kNum
			}
			if id == numID {
				tok.id = 0
			}
			if f.accept(&tok) {
				x.recs[id].memb[fi>>6] |= 1 << (fi & 63)
			}
		}
	}
}
