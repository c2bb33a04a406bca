// Command gen distils the embedded place table internal/models/geo-places.gz
// from the shared GeoNames extracts (CC BY 4.0: cities15000 with alternate
// names, countryInfo, admin-1 regions, country translations), country names
// of mledoze/countries (ODbL 1.0) and Wikidata QIDs read from the entity
// links of the HIPE-2022 newspaper corpus (CC BY-NC-SA 4.0).
//
// Only names written in Latin script are kept (the supported languages are
// European languages written in Latin script), deduplicated by their folded
// form (see lexicon.Fold); airport-like codes are dropped.
//
// Usage (from the repository root):
//
//	go run ./internal/nlp/geo/internal/gen -data ../shared/data -out internal/models/geo-places.gz
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/wirenrich/wirenrich/internal/nlp/geo"
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

var langs = []string{"fr", "en", "de", "es", "it", "nl", "pt", "pl"}
var langs3 = []string{"fra", "deu", "spa", "ita", "nld", "por", "pol"}

type place struct {
	id       int
	kind     byte
	cc, adm  string
	lat, lon float64
	hasLL    bool
	pop      int64
	capital  bool
	qid      string
	names    []string
	seen     map[string]bool
}

func (p *place) add(n string) {
	n = strings.TrimSpace(n)
	if n == "" || !latin(n) {
		return
	}
	k := lexicon.Fold(n)
	if k == "" || p.seen[k] {
		return
	}
	p.seen[k] = true
	p.names = append(p.names, n)
}

func latin(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			return false
		}
		if unicode.IsLetter(r) {
			// Latin script, without the Latin Extended-B and Extended
			// Additional blocks (pinyin tones, Vietnamese): names in
			// those are transliterations no European text uses.
			if !unicode.Is(unicode.Latin, r) || r >= 0x180 && r < 0x250 || r >= 0x1E00 && r < 0x1F00 {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// code reports an all-capitals short name (IATA/ICAO-like codes "ALV").
func code(s string) bool {
	return len(s) <= 4 && s == strings.ToUpper(s)
}

func main() {
	data := flag.String("data", "../shared/data", "shared data folder")
	out := flag.String("out", "internal/models/geo-places.gz", "output file")
	altMin := flag.Int64("altmin", 100000, "keep alternate names of cities with at least this population")
	withQIDs := flag.Bool("wikidata", true, "add Wikidata QIDs read from HIPE-2022 (CC BY-NC-SA 4.0)")
	flag.Parse()
	if err := run(*data, *out, *altMin, *withQIDs); err != nil {
		log.Fatal(err)
	}
}

func gz(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{zr, f}, nil
}

func run(data, out string, altMin int64, withQIDs bool) error {
	var places []*place
	byCC := map[string]*place{}
	// Countries.
	raw, err := os.ReadFile(filepath.Join(data, "geonames/countryInfo.tsv"))
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Split(line, "\t")
		if line == "" || line[0] == '#' || len(f) < 17 {
			continue
		}
		id, _ := strconv.Atoi(f[16])
		pop, _ := strconv.ParseInt(f[7], 10, 64)
		p := &place{id: id, kind: 'C', cc: f[0], pop: pop, seen: map[string]bool{}}
		p.add(f[4])
		places = append(places, p)
		byCC[f[0]] = p
	}
	r, err := gz(filepath.Join(data, "geonames/country_translations.json.gz"))
	if err != nil {
		return err
	}
	var trans map[string]map[string]string
	err = json.NewDecoder(r).Decode(&trans)
	r.Close()
	if err != nil {
		return fmt.Errorf("country translations: %w", err)
	}
	r, err = gz(filepath.Join(data, "countries-mledoze/countries.json.gz"))
	if err != nil {
		return err
	}
	var mled []struct {
		Name struct {
			Common, Official string
		}
		CCA2         string
		AltSpellings []string
		LatLng       []float64
		Translations map[string]struct{ Official, Common string }
	}
	err = json.NewDecoder(r).Decode(&mled)
	r.Close()
	if err != nil {
		return fmt.Errorf("countries.json: %w", err)
	}
	for _, c := range mled {
		p := byCC[c.CCA2]
		if p == nil {
			continue
		}
		p.add(c.Name.Common)
		p.add(c.Name.Official)
		for _, l := range langs3 {
			p.add(c.Translations[l].Common)
			p.add(c.Translations[l].Official)
		}
		for _, a := range c.AltSpellings {
			if len(a) > 2 {
				p.add(a)
			}
		}
		if len(c.LatLng) == 2 {
			p.lat, p.lon, p.hasLL = c.LatLng[0], c.LatLng[1], true
		}
	}
	for _, p := range places {
		for _, l := range langs {
			p.add(trans[strconv.Itoa(p.id)][l])
		}
	}
	// Admin-1 regions.
	r, err = gz(filepath.Join(data, "geonames/regionInfo.tsv.gz"))
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 4 || strings.HasPrefix(f[0], "#") {
			continue
		}
		cc, adm, ok := strings.Cut(f[0], ".")
		if !ok {
			continue
		}
		id, _ := strconv.Atoi(f[3])
		p := &place{id: id, kind: 'R', cc: cc, adm: adm, seen: map[string]bool{}}
		p.add(f[1])
		p.add(f[2])
		if len(p.names) > 0 {
			places = append(places, p)
		}
	}
	r.Close()
	if err := sc.Err(); err != nil {
		return err
	}
	// Cities.
	r, err = gz(filepath.Join(data, "geonames/cities15000.txt.gz"))
	if err != nil {
		return err
	}
	sc = bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 15 {
			continue
		}
		id, _ := strconv.Atoi(f[0])
		lat, _ := strconv.ParseFloat(f[4], 64)
		lon, _ := strconv.ParseFloat(f[5], 64)
		pop, _ := strconv.ParseInt(f[14], 10, 64)
		p := &place{id: id, kind: 'P', cc: f[8], adm: f[10], lat: lat, lon: lon, hasLL: true, pop: pop,
			capital: f[7] == "PPLC", seen: map[string]bool{}}
		p.add(f[1])
		p.add(f[2])
		for _, a := range strings.Split(f[3], ",") {
			if pop >= altMin && !code(a) {
				p.add(a)
			}
		}
		places = append(places, p)
	}
	r.Close()
	if err := sc.Err(); err != nil {
		return err
	}
	if withQIDs {
		if err := wikidata(data, places); err != nil {
			return err
		}
	}
	var b strings.Builder
	b.WriteString("# geo-places: GeoNames (CC BY 4.0, geonames.org) cities15000 + countries + admin-1 regions, names from GeoNames alternate names\n")
	b.WriteString("# and country translations and mledoze/countries (ODbL 1.0); wikidata column from HIPE-2022 entity links (CC BY-NC-SA 4.0).\n")
	b.WriteString("# id\tkind(C country, R region, P place, K capital)\tcc\tadmin1\tlat\tlon\tpopulation\twikidata\tnames (|-separated, first = display)\n")
	for _, p := range places {
		kind := p.kind
		if p.capital {
			kind = 'K'
		}
		lat, lon := "", ""
		if p.hasLL {
			lat, lon = ftoa(p.lat), ftoa(p.lon)
		}
		fmt.Fprintf(&b, "%d\t%c\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", p.id, kind, p.cc, p.adm, lat, lon, p.pop, p.qid, strings.Join(p.names, "|"))
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(zw, b.String()); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

func ftoa(x float64) string {
	return strconv.FormatFloat(math.Round(x*1e4)/1e4, 'f', -1, 64)
}

// wikidata gives a place the QID that HIPE-2022's annotators linked its
// names to most often, when a name's links agree (≥2 links, ≥70% share),
// the place is the one geo picks for that name without context by a clear
// margin, and the annotated fine type fits the place's kind.
func wikidata(data string, places []*place) error {
	files, err := filepath.Glob(filepath.Join(data, "hipe2022-news/*.tsv.gz"))
	if err != nil {
		return err
	}
	// folded name + "\t" + class (town, nat, reg, or any when the corpus
	// has no fine type) -> qid -> n
	counts := map[string]map[string]int{}
	for _, fn := range files {
		r, err := gz(fn)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 1<<20), 1<<22)
		var cur []string
		var curQ, curClass string
		flush := func() {
			if len(cur) > 0 && strings.HasPrefix(curQ, "Q") && curClass != "" {
				k := lexicon.Fold(strings.Join(cur, " ")) + "\t" + curClass
				if counts[k] == nil {
					counts[k] = map[string]int{}
				}
				counts[k][curQ]++
			}
			cur = cur[:0]
		}
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "TOKEN") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) < 8 {
				flush()
				continue
			}
			tag := strings.ToLower(f[1])
			switch {
			case tag == "b-loc":
				flush()
				cur = append(cur, f[0])
				curQ = f[7]
				curClass = fineClass(f[3])
			case tag == "i-loc" && len(cur) > 0:
				cur = append(cur, f[0])
			default:
				flush()
			}
		}
		flush()
		r.Close()
		if err := sc.Err(); err != nil {
			return fmt.Errorf("%s: %w", fn, err)
		}
	}
	g := geo.Build(toGeo(places))
	votes := map[int]map[string]int{}
	for k, qs := range counts {
		best, n, total := "", 0, 0
		for q, c := range qs {
			total += c
			if c > n || c == n && q < best {
				best, n = q, c
			}
		}
		if n < 2 || float64(n) < 0.7*float64(total) {
			continue
		}
		name, class, _ := strings.Cut(k, "\t")
		p, ok := g.Best(name, geo.Context{})
		if !ok || !compatible(class, p) || !dominant(g, name, p) {
			continue
		}
		if votes[p.ID] == nil {
			votes[p.ID] = map[string]int{}
		}
		votes[p.ID][best] += n
	}
	byID := map[int]*place{}
	for _, p := range places {
		byID[p.id] = p
	}
	ids := make([]int, 0, len(votes))
	for id := range votes {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		best, n := "", 0
		for q, c := range votes[id] {
			if c > n || c == n && q < best {
				best, n = q, c
			}
		}
		byID[id].qid = best
	}
	return nil
}

// fineClass reduces a HIPE fine location type to the class a QID may be
// used for: town, nat(ion), reg(ion), any (no fine type in that corpus),
// "" (a river, a mountain, a building: never a GeoNames populated place).
func fineClass(fine string) string {
	switch strings.TrimPrefix(strings.ToLower(fine), "b-") {
	case "loc.adm.town":
		return "town"
	case "loc.adm.nat":
		return "nat"
	case "loc.adm.reg":
		return "reg"
	case "o", "_", "":
		return "any"
	}
	return ""
}

// compatible reports whether a place may take a QID linked from a name of
// that class: towns to cities, nations to countries, regions to regions;
// without a fine type, only countries and cities over 100,000.
func compatible(class string, p *geo.Place) bool {
	switch class {
	case "town":
		return p.Kind == geo.City || p.Kind == geo.Capital
	case "nat":
		return p.Kind == geo.Country
	case "reg":
		return p.Kind == geo.Region
	case "any":
		return (p.Kind == geo.City || p.Kind == geo.Capital) && p.Population >= 100000
	}
	return false
}

// dominant reports whether p outranks every other place of that name by a
// clear margin (Paris, France over Paris, Texas), so that a QID read for
// the name in old newspapers is likely to be p's.
func dominant(g *geo.Gazetteer, name string, p *geo.Place) bool {
	best := geo.Score(p, geo.Context{})
	for _, q := range g.Lookup(name) {
		if q.ID != p.ID && geo.Score(q, geo.Context{}) > best-1.5 {
			return false
		}
	}
	return true
}

func toGeo(places []*place) []geo.Place {
	out := make([]geo.Place, 0, len(places))
	for _, p := range places {
		kind := geo.Kind(p.kind)
		if p.capital {
			kind = geo.Capital
		}
		out = append(out, geo.Place{ID: p.id, Kind: kind, Country: p.cc, Admin1: p.adm, Lat: p.lat, Lon: p.lon,
			HasCoords: p.hasLL, Population: p.pop, Names: p.names})
	}
	return out
}
