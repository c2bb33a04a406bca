package temporal

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
)

// TestVocabIndex checks that the index of every language finds each key of
// its vocabulary (the Bloom filter never refuses one) and gives every other
// key 0: near misses of the keys (a byte more or less, changed, upper
// case, past the slot's prefix) and random tokens.
func TestVocabIndex(t *testing.T) {
	x := newTest(t)
	langs := map[string]*language{"": x.common}
	for code, l := range x.langs {
		langs[code] = l
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcdefghijklmnopqrstuvwxyzéèàçüöñ'-0123456789.,%$€")
	for code, l := range langs {
		t.Run("lang="+code, func(t *testing.T) {
			require.NotEmpty(t, l.vocab)
			probes := 0
			check := func(k string) {
				probes++
				require.Equal(t, l.vocab[k], l.vindex.id(k), "key %q", k)
			}
			for k, id := range l.vocab {
				require.True(t, l.vindex.may(vocabHash(k)), "Bloom filter refuses %q", k)
				require.Equal(t, id, l.vindex.id(k), "key %q", k)
				check(k + "s")
				check(k + strings.Repeat("x", vocabPrefix))
				check(strings.ToUpper(k))
				if len(k) > 1 {
					check(k[:len(k)-1])
					check(k[1:])
					b := []byte(k)
					b[len(b)-1]++
					check(string(b))
				}
			}
			for range 20000 {
				n := 1 + rng.IntN(14)
				r := make([]rune, n)
				for i := range r {
					r[i] = alphabet[rng.IntN(len(alphabet))]
				}
				check(string(r))
			}
			check("")
			require.Greater(t, probes, 20000)
		})
	}
}

// TestVocabIndexTable checks the index on small vocabularies, with keys
// sharing their prefix past vocabPrefix bytes.
func TestVocabIndexTable(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string
		miss []string
	}{
		{"one key", []string{"de"}, []string{"d", "des", "", "DE"}},
		{"long keys", []string{"kilowattheure", "kilowattheures", "kilowatthxure", "kilo"},
			[]string{"kilowatthe", "kilowattheur", "kilowattheuress", "kilowatt"}},
		{"accents", []string{"décembre", "dès", "des", "à", "a"}, []string{"decembre", "dés", "â"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, ids := newVocabIndex(tc.keys)
			seen := map[int32]bool{}
			for j, k := range tc.keys {
				require.Positive(t, ids[j])
				require.Less(t, ids[j], x.numID())
				require.False(t, seen[ids[j]], "id %d twice", ids[j])
				seen[ids[j]] = true
				require.Equal(t, ids[j], x.id(k), "key %q", k)
			}
			for _, k := range tc.miss {
				require.Zero(t, x.id(k), "key %q", k)
			}
		})
	}
}

// TestMemberships checks that the records answer what the filters they
// were built from answer, for every filter and token id of every language,
// words and numbers (the number tokens outside the vocabulary at numID).
func TestMemberships(t *testing.T) {
	x := newTest(t)
	for code, l := range x.langs {
		t.Run("lang="+code, func(t *testing.T) {
			keys := l.vocabKeys()
			require.Equal(t, l.vindex.numID(), l.numID)
			require.Len(t, keys, int(l.numID))
			require.LessOrEqual(t, len(l.filters.list), membWords*64, "filters past the records pass every token")
			for fi, f := range l.filters.list {
				for id := int32(0); id <= l.numID; id++ {
					if id > 0 && id < l.numID && keys[id] == "" {
						continue // no token has the id
					}
					tok, orig := token{id: id, kind: kWord}, token{id: id, kind: kWord}
					if id == l.numID || digitKey(keys[id]) {
						tok.kind, orig.kind = kNum, kNum
					}
					if id == l.numID {
						orig.id = 0
					}
					require.Equal(t, f.accept(&orig), l.vindex.accept(&tok, fidx(fi)), "filter %d id %d", fi, id)
				}
			}
		})
	}
}

// TestRecordSize checks that a token's record fills one cache line.
func TestRecordSize(t *testing.T) {
	require.Equal(t, uintptr(64), unsafe.Sizeof(tokenRec{}))
	require.Equal(t, uintptr(16), unsafe.Sizeof(cand{}))
	require.LessOrEqual(t, unsafe.Sizeof(elem{}), uintptr(64))
}

// TestLiteralIDs checks that the ids of the literal elements select the
// keys of their alternatives: a one-token alternative is in the element's
// set exactly when it is one of the element's, and the others keep their
// keys as ids, in order.
func TestLiteralIDs(t *testing.T) {
	x := newTest(t)
	for code, l := range x.langs {
		t.Run("lang="+code, func(t *testing.T) {
			keys := l.vocabKeys()
			for _, p := range l.pats {
				for _, e := range p.elems {
					if e.slot != slotNone {
						require.Equal(t, int32(-1), e.one)
						continue
					}
					single := map[string]bool{}
					var rest [][]string
					for _, a := range e.alts {
						if e.one >= 0 && len(a) == 1 {
							single[a[0]] = true
						} else {
							rest = append(rest, a)
						}
					}
					if e.one >= 0 {
						for id := int32(1); id <= l.numID; id++ {
							k := ""
							if id < l.numID {
								k = keys[id]
							}
							require.Equal(t, single[k] && k != "", l.inOne(e.one, id), "%q: key %q", p.src, k)
						}
						require.False(t, l.inOne(e.one, 0))
					}
					require.Len(t, e.rest, len(rest))
					for j, a := range rest {
						for i, k := range a {
							require.Equal(t, k, keys[e.rest[j][i]], p.src)
						}
					}
				}
			}
		})
	}
}

// TestFlatTrie checks that the flat lexicons hold the phrases of the maps
// they are built from: the same entry at each node, a child for the id of
// each key and none for the ids of no key (0) and of numbers (numID).
func TestFlatTrie(t *testing.T) {
	x := newTest(t)
	for code, l := range x.langs {
		for li, lex := range l.lexicons() {
			t.Run(fmt.Sprintf("lang=%s/lexicon=%d", code, li), func(t *testing.T) {
				f := &lex.flat
				var walk func(n *trie, fi int32)
				walk = func(n *trie, fi int32) {
					nd := f.nodes[fi]
					require.Same(t, n.ent, nd.ent)
					require.Len(t, f.edges[nd.lo:nd.hi], len(n.next))
					require.Equal(t, int32(-1), f.child(fi, 0))
					require.Equal(t, int32(-1), f.child(fi, l.numID))
					for k, c := range n.next {
						ci := f.child(fi, l.id(k))
						require.GreaterOrEqual(t, ci, int32(0), "key %q", k)
						walk(c, ci)
					}
				}
				walk(lex, 0)
			})
		}
	}
}
