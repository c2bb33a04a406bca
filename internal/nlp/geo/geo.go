// Package geo links place names to GeoNames: a compact embedded gazetteer of
// countries, first-level regions and cities over 15,000 inhabitants
// (internal/models/geo-places), looked up by folded name and disambiguated
// with the other places an article mentions.
package geo

import (
	"bufio"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"math/bits"
	"strconv"
	"strings"

	"github.com/wirenrich/wirenrich/internal/models"
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

// ModelName is the name of the embedded place table.
const ModelName = "geo-places"

// Kind is the kind of a place.
type Kind byte

// Kinds of places.
const (
	Country Kind = 'C'
	Region  Kind = 'R' // first-level administrative division
	City    Kind = 'P' // populated place
	Capital Kind = 'K' // capital city of a country
)

// Place is one GeoNames feature.
type Place struct {
	ID         int // GeoNames id
	Kind       Kind
	Country    string // ISO 3166-1 alpha-2
	Admin1     string // GeoNames admin-1 code within Country ("TX", "11")
	Lat, Lon   float64
	HasCoords  bool
	Population int64
	Wikidata   string // QID, "" when unknown
	// Names: the display name first, then other names (all languages,
	// Latin script). Places returned by Load keep only the display name.
	Names []string
}

// Name is the display name of the place.
func (p *Place) Name() string {
	if len(p.Names) == 0 {
		return ""
	}
	return p.Names[0]
}

// RegionKey is the key of the place's first-level region in a Context
// ("US.TX"), "" when it has none.
func (p *Place) RegionKey() string {
	if p.Admin1 == "" || p.Country == "" {
		return ""
	}
	return p.Country + "." + p.Admin1
}

// Context is what an article says elsewhere about where it happens: the
// countries (ISO alpha-2) and regions ("US.TX") it mentions.
type Context struct {
	Countries map[string]bool
	Regions   map[string]bool
}

// Gazetteer indexes places by folded name. It is immutable and safe for
// concurrent use.
type Gazetteer struct {
	places []Place
	index  map[string][]entry
	// names holds the names of index: a name it does not hold (most
	// names of an article's people and organisations) is mostly refused
	// there, reading one word rather than the map's lines (a lookup in a
	// table this large misses the caches at each step).
	names nameFilter
}

// nameFilter is a Bloom filter of names, each in one word (three bits of
// it): a test reads one cache line.
type nameFilter struct {
	seed  maphash.Seed
	words []uint64
}

// newNameFilter returns the filter of the names of index, about 16 bits
// a name.
func newNameFilter(index map[string][]entry) nameFilter {
	f := nameFilter{seed: maphash.MakeSeed(), words: make([]uint64, 1<<bits.Len(uint(len(index)/4)))}
	for k := range index {
		w, b := f.bits(k)
		f.words[w] |= b
	}
	return f
}

// bits returns the word of name k and its bits in it.
func (f *nameFilter) bits(k string) (int, uint64) {
	h := maphash.String(f.seed, k)
	return int(h>>32) & (len(f.words) - 1), 1<<(h&63) | 1<<((h>>6)&63) | 1<<((h>>12)&63)
}

// may reports whether the filter may hold k: always when it does (and
// for a filter that holds nothing, of a Gazetteer made without).
func (f *nameFilter) may(k string) bool {
	if len(f.words) == 0 {
		return true
	}
	w, b := f.bits(k)
	return f.words[w]&b == b
}

// entries returns the entries of the folded name key.
func (g *Gazetteer) entries(key string) []entry {
	if !g.names.may(key) {
		return nil
	}
	return g.index[key]
}

// entry is a place of a folded name in the index: the index of the place,
// whether that name is the fold of its display name (best prefers those)
// and whether the place is a country (CountryOf looks for one), read once
// when the index is built rather than from the places (a cache miss each
// in a table of megabytes) or by folding the display name of every
// candidate of every lookup.
type entry int32

// Flags of an entry, above the index of its place.
const (
	displayBit = 1 << 30 // the name is the place's display name, folded
	countryBit = 1 << 29 // the place is a country
)

// newEntry is the entry of place i (p), display telling whether the name
// is its display name.
func newEntry(i int32, p *Place, display bool) entry {
	e := entry(i)
	if display {
		e |= displayBit
	}
	if p.Kind == Country {
		e |= countryBit
	}
	return e
}

// place is the index of the entry's place.
func (e entry) place() int32 { return int32(e) &^ (displayBit | countryBit) }

// display reports whether the name is the fold of the place's display name.
func (e entry) display() bool { return e&displayBit != 0 }

// country reports whether the place is a country.
func (e entry) country() bool { return e&countryBit != 0 }

// Build indexes places under all their names.
func Build(places []Place) *Gazetteer {
	g := &Gazetteer{places: places, index: make(map[string][]entry, len(places)*4)}
	for i := range g.places {
		seen := map[string]bool{}
		display := lexicon.Fold(g.places[i].Name())
		for _, n := range g.places[i].Names {
			k := lexicon.Fold(n)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			g.index[k] = append(g.index[k], newEntry(int32(i), &g.places[i], k == display))
		}
	}
	g.names = newNameFilter(g.index)
	return g
}

// Load reads the embedded place table.
func Load() (*Gazetteer, error) {
	g, err := models.Read(ModelName, Parse)
	if err != nil {
		return nil, fmt.Errorf("geo: %w", err)
	}
	return g, nil
}

// Parse reads a place table (the format written by internal/gen: TAB
// separated id, kind, country, admin1, lat, lon, population, wikidata,
// |-separated names) and indexes it, keeping only display names in memory.
func Parse(r io.Reader) (*Gazetteer, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	g := &Gazetteer{index: make(map[string][]entry, 1<<18)}
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 9 || len(f[1]) != 1 {
			return nil, fmt.Errorf("line %d: want 9 fields", line)
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, fmt.Errorf("line %d: id: %w", line, err)
		}
		p := Place{ID: id, Kind: Kind(f[1][0]), Country: f[2], Admin1: f[3], Wikidata: f[7]}
		if f[4] != "" && f[5] != "" {
			p.Lat, err = strconv.ParseFloat(f[4], 64)
			if err == nil {
				p.Lon, err = strconv.ParseFloat(f[5], 64)
			}
			if err != nil {
				return nil, fmt.Errorf("line %d: coordinates: %w", line, err)
			}
			p.HasCoords = true
		}
		if p.Population, err = strconv.ParseInt(f[6], 10, 64); err != nil {
			return nil, fmt.Errorf("line %d: population: %w", line, err)
		}
		names := strings.Split(f[8], "|")
		p.Names = names[:1:1]
		i := int32(len(g.places))
		g.places = append(g.places, p)
		var prev string
		display := lexicon.Fold(p.Names[0])
		for _, n := range names {
			k := lexicon.Fold(n)
			if k == "" || k == prev {
				continue
			}
			prev = k
			if ix := g.index[k]; len(ix) > 0 && ix[len(ix)-1].place() == i {
				continue
			}
			g.index[k] = append(g.index[k], newEntry(i, &g.places[i], k == display))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	g.names = newNameFilter(g.index)
	return g, nil
}

// Len is the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// Lookup returns the places named name (case, accents and punctuation
// ignored), in table order (countries, regions, cities).
func (g *Gazetteer) Lookup(name string) []*Place {
	if g == nil {
		return nil
	}
	var buf [64]byte
	ix := g.entries(string(lexicon.AppendFold(buf[:0], name)))
	if len(ix) == 0 {
		return []*Place{}
	}
	out := make([]*Place, len(ix))
	for i, j := range ix {
		out[i] = &g.places[j.place()]
	}
	return out
}

// CountryNamed returns the ISO code of the first country (in table order)
// named name: the country of the first place of kind Country that Lookup
// returns, without building the list.
func (g *Gazetteer) CountryNamed(name string) (string, bool) {
	return g.CountryOf(g.Candidates(name))
}

// Known reports whether some place is named name (Lookup is not empty).
func (g *Gazetteer) Known(name string) bool {
	if g == nil {
		return false
	}
	var buf [64]byte
	return len(g.entries(string(lexicon.AppendFold(buf[:0], name)))) > 0
}

// Best picks the place a name most likely refers to in an article with the
// given context: a country named so wins; otherwise a candidate in a region
// or country the article mentions is preferred, then capitals and the most
// populous. It reports false for an unknown name and for a tie.
func (g *Gazetteer) Best(name string, ctx Context) (*Place, bool) {
	if g == nil {
		return nil, false
	}
	var kbuf [64]byte
	return g.best(g.entries(string(lexicon.AppendFold(kbuf[:0], name))), ctx)
}

// Candidates are the places of one name, looked up once for several calls
// of BestOf.
type Candidates struct {
	ix []entry // the entries of the name, which tell all BestOf needs of it
}

// Len is the number of places of that name.
func (c Candidates) Len() int { return len(c.ix) }

// Candidates looks up the places named name (case, accents and punctuation
// ignored).
func (g *Gazetteer) Candidates(name string) Candidates {
	if g == nil {
		return Candidates{}
	}
	var kbuf [64]byte
	k := lexicon.AppendFold(kbuf[:0], name)
	ix := g.entries(string(k))
	if len(ix) == 0 {
		return Candidates{}
	}
	return Candidates{ix: ix}
}

// CandidatesFolded is Candidates of a name folded already: the places
// whose folded name is key (Candidates(name) is
// CandidatesFolded(lexicon.Fold(name))).
func (g *Gazetteer) CandidatesFolded(key string) Candidates {
	if g == nil {
		return Candidates{}
	}
	ix := g.entries(key)
	if len(ix) == 0 {
		return Candidates{}
	}
	return Candidates{ix: ix}
}

// CountryOf is CountryNamed of the name c was looked up by.
func (g *Gazetteer) CountryOf(c Candidates) (string, bool) {
	if g == nil {
		return "", false
	}
	for _, j := range c.ix {
		if j.country() {
			return g.places[j.place()].Country, true
		}
	}
	return "", false
}

// BestOf is Best for the name c was looked up by.
func (g *Gazetteer) BestOf(c Candidates, ctx Context) (*Place, bool) {
	if g == nil {
		return nil, false
	}
	return g.best(c.ix, ctx)
}

// best picks among the places of entries ix of one folded name (see
// Best): the entries tell which places have that name as the fold of
// their display name.
func (g *Gazetteer) best(ix []entry, ctx Context) (*Place, bool) {
	var best *Place
	bestScore, second := math.Inf(-1), math.Inf(-1)
	for _, j := range ix {
		p := &g.places[j.place()]
		s := Score(p, ctx)
		if j.display() {
			s += 0.5
		}
		if s > bestScore {
			best, bestScore, second = p, s, bestScore
		} else if s > second {
			second = s
		}
	}
	// A tie (several regions called "Nord", nothing in the context to
	// choose) is no answer.
	if best == nil || bestScore-second < 1e-6 {
		return nil, false
	}
	return best, true
}

// Score ranks a candidate place: log10 of its population (a region counts
// as 100,000 people, so "Zurich" is the city and "Texas" the state), plus 20 for a country, 1.5 for a capital, 2 when
// its country and 4 when its region is mentioned in the context.
func Score(p *Place, ctx Context) float64 {
	var s float64
	switch p.Kind {
	case Country:
		return 20 + math.Log10(float64(p.Population)+1)/10
	case Region:
		s = 5
	default:
		s = math.Log10(float64(p.Population) + 1)
	}
	if p.Kind == Capital {
		s += 1.5
	}
	if ctx.Countries[p.Country] {
		s += 2
	}
	if p.Kind != Region && inRegions(p, ctx.Regions) {
		s += 4
	}
	return s
}

// inRegions reports whether regions holds the place's RegionKey, without
// building the key as a string (Score runs for every candidate place).
func inRegions(p *Place, regions map[string]bool) bool {
	if len(regions) == 0 || p.Admin1 == "" || p.Country == "" {
		return false
	}
	var buf [32]byte
	k := append(append(append(buf[:0], p.Country...), '.'), p.Admin1...)
	return regions[string(k)]
}

// Links returns the link map of a place: "geonames", "country", and when
// known "wikidata", "lat", "lon".
func (p *Place) Links() map[string]string {
	m := map[string]string{"geonames": strconv.Itoa(p.ID)}
	if p.Country != "" {
		m["country"] = p.Country
	}
	if p.Wikidata != "" {
		m["wikidata"] = p.Wikidata
	}
	if p.HasCoords {
		m["lat"] = strconv.FormatFloat(p.Lat, 'f', -1, 64)
		m["lon"] = strconv.FormatFloat(p.Lon, 'f', -1, 64)
	}
	return m
}
