// Package lexicon distils the word-level resources of the NER model from
// the data in ../shared/data: gazetteers (first names, person names,
// cities, countries, regions, organisations, demonyms, titles, dates, key
// words) into phrase-hash tables, and distributional word clusters plus a
// capitalisation prior learnt from unlabelled text. It runs at training
// time only; the tagger reads the distilled tables from the model file.
package lexicon

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/nlp/ner"
)

// Gazetteer accumulates phrases by category.
type Gazetteer struct {
	phrases map[string]uint32 // folded, space-joined tokens -> category bits
	Sources []string          // files read (relative to the data dir)
	MaxLen  int
}

// NewGazetteer returns an empty gazetteer.
func NewGazetteer() *Gazetteer { return &Gazetteer{phrases: map[string]uint32{}, MaxLen: 6} }

// Len is the number of phrases.
func (g *Gazetteer) Len() int { return len(g.phrases) }

var elision = regexp.MustCompile(`^(?i)(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]`)

// Tokenize splits a name roughly as the corpora are tokenised: on white
// space, with leading/trailing punctuation and French elisions split off.
func Tokenize(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		for f != "" {
			r, sz := utf8.DecodeRuneInString(f)
			if sz > 0 && isSplitPunct(r) {
				out = append(out, f[:sz])
				f = f[sz:]
				continue
			}
			break
		}
		var tail []string
		for f != "" {
			r, sz := utf8.DecodeLastRuneInString(f)
			if isSplitPunct(r) || (r == '.' && !strings.Contains(f[:len(f)-sz], ".") && utf8.RuneCountInString(f) > 3) {
				tail = append(tail, f[len(f)-sz:])
				f = f[:len(f)-sz]
				continue
			}
			break
		}
		if m := elision.FindStringIndex(f); m != nil && m[1] < len(f) {
			out = append(out, f[:m[1]])
			f = f[m[1]:]
		}
		if f != "" {
			out = append(out, f)
		}
		for i := len(tail) - 1; i >= 0; i-- {
			out = append(out, tail[i])
		}
	}
	return out
}

func isSplitPunct(r rune) bool {
	switch r {
	case '(', ')', '[', ']', '"', '«', '»', '“', '”', ',', ';', ':', '!', '?':
		return true
	}
	return false
}

// Add adds a phrase under a category.
func (g *Gazetteer) Add(phrase string, cat int) {
	phrase = strings.TrimSpace(phrase)
	if phrase == "" {
		return
	}
	toks := Tokenize(phrase)
	if len(toks) == 0 || len(toks) > g.MaxLen {
		return
	}
	letters := false
	for _, r := range phrase {
		if unicode.IsLetter(r) {
			letters = true
			break
		}
	}
	if !letters {
		return
	}
	for i := range toks {
		toks[i] = fold(toks[i])
	}
	g.phrases[strings.Join(toks, " ")] |= 1 << cat
}

func fold(s string) string { return ner.Fold(s) }

// Filter drops single-word phrases of name categories for which drop
// returns true (e.g. words mostly written in lower case in running text).
func (g *Gazetteer) Filter(drop func(word string, cats uint32) bool) int {
	n := 0
	for p, c := range g.phrases {
		if !strings.Contains(p, " ") && drop(p, c) {
			delete(g.phrases, p)
			n++
		}
	}
	return n
}

// Table returns the phrase-hash table for the model: every phrase maps to
// its categories, every proper prefix of a phrase carries the prefix flag.
func (g *Gazetteer) Table() (map[uint64]uint32, int) {
	out := map[uint64]uint32{}
	maxLen := 0
	for p, c := range g.phrases {
		words := strings.Split(p, " ")
		keys := make([]uint64, len(words))
		for i, w := range words {
			keys[i] = ner.WordKey(w)
		}
		maxLen = max(maxLen, len(words))
		for i := 1; i < len(words); i++ {
			out[ner.PhraseKey(keys[:i])] |= 1 << 31
		}
		out[ner.PhraseKey(keys)] |= c
	}
	return out, maxLen
}

// Counts returns the number of phrases per category name.
func (g *Gazetteer) Counts() map[string]int {
	out := map[string]int{}
	for _, c := range g.phrases {
		for i := 0; i < len(ner.GazCatNames); i++ {
			if c&(1<<i) != 0 {
				out[ner.GazCatNames[i]]++
			}
		}
	}
	return out
}

func openMaybeGz(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	if !strings.HasSuffix(path, ".gz") {
		return f, nil
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lexicon %s: %w", path, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{zr, f}, nil
}

func eachLine(path string, fn func(string)) error {
	rc, err := openMaybeGz(path)
	if err != nil {
		return err
	}
	defer rc.Close()
	sc := bufio.NewScanner(rc)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		fn(sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lexicon %s: %w", path, err)
	}
	return nil
}

// gateCategory maps a GATE lists.def major:minor type to a category.
func gateCategory(major, minor string) int {
	switch major {
	case "person_first":
		return ner.GazFirstName
	case "person_full":
		return ner.GazPerson
	case "location":
		switch minor {
		case "country":
			return ner.GazCountry
		case "city", "commune":
			return ner.GazCity
		case "country_abbrev":
			return -1
		}
		return ner.GazRegion
	case "organization":
		if minor == "blacklist" {
			return -1
		}
		return ner.GazOrg
	case "country_adj", "religious_adj":
		return ner.GazDemonym
	case "title", "jobtitle":
		return ner.GazTitle
	case "date":
		if minor == "month" || minor == "day" {
			return ner.GazDate
		}
	case "day":
		return ner.GazDate
	case "org_key", "org_base", "org_ending", "org_pre":
		return ner.GazOrgKey
	case "loc_key", "location_key", "loc_general_key":
		return ner.GazLocKey
	}
	return -1
}

// AddGATE reads every lists.def under dir (ANNIE, Lang_French, ...).
func (g *Gazetteer) AddGATE(dataDir string) error {
	defs, err := filepath.Glob(filepath.Join(dataDir, "gate-gazetteers", "*", "lists.def"))
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	more, _ := filepath.Glob(filepath.Join(dataDir, "gate-gazetteers", "*", "*", "lists.def"))
	defs = append(defs, more...)
	sort.Strings(defs)
	for _, def := range defs {
		dir := filepath.Dir(def)
		err := eachLine(def, func(l string) {
			parts := strings.Split(strings.TrimSpace(l), ":")
			if len(parts) < 2 {
				return
			}
			minor := ""
			if len(parts) > 2 {
				minor = parts[2]
			}
			cat := gateCategory(parts[1], minor)
			if cat < 0 {
				return
			}
			path := filepath.Join(dir, parts[0])
			if _, err := os.Stat(path); err != nil {
				return
			}
			g.Sources = append(g.Sources, rel(dataDir, path))
			_ = eachLine(path, func(e string) {
				if i := strings.IndexAny(e, "\t&"); i >= 0 {
					e = e[:i]
				}
				if i := strings.Index(e, ":"); i >= 0 && strings.Contains(e[i:], "=") {
					e = e[:i]
				}
				g.Add(e, cat)
			})
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func rel(base, p string) string {
	if r, err := filepath.Rel(base, p); err == nil {
		return r
	}
	return p
}

// AddFirstNames reads the first-names folder.
func (g *Gazetteer) AddFirstNames(dataDir string) error {
	dir := filepath.Join(dataDir, "first-names")
	for _, f := range []string{"en_female_first_names.stdlib-moby.txt", "en_male_first_names.stdlib-moby.txt"} {
		if err := eachLine(filepath.Join(dir, f), func(l string) { g.Add(l, ner.GazFirstName) }); err != nil {
			return err
		}
		g.Sources = append(g.Sources, "first-names/"+f)
	}
	f := "fr_prenoms_insee_derived.csv"
	if err := eachLine(filepath.Join(dir, f), func(l string) {
		name, _, _ := strings.Cut(l, ",")
		if name != "firstname" {
			g.Add(name, ner.GazFirstName)
		}
	}); err != nil {
		return err
	}
	g.Sources = append(g.Sources, "first-names/"+f)
	return nil
}

// AddGeoNames reads cities15000 (names and alternate names), admin-1
// regions, countryInfo and the country-name translations.
func (g *Gazetteer) AddGeoNames(dataDir string) error {
	dir := filepath.Join(dataDir, "geonames")
	err := eachLine(filepath.Join(dir, "cities15000.txt.gz"), func(l string) {
		f := strings.Split(l, "\t")
		if len(f) < 4 {
			return
		}
		g.Add(f[1], ner.GazCity)
		g.Add(f[2], ner.GazCity)
		for _, a := range strings.Split(f[3], ",") {
			if utf8.RuneCountInString(a) >= 3 && !isCode(a) {
				g.Add(a, ner.GazCity)
			}
		}
	})
	if err != nil {
		return err
	}
	err = eachLine(filepath.Join(dir, "regionInfo.tsv.gz"), func(l string) {
		f := strings.Split(l, "\t")
		if len(f) >= 3 {
			g.Add(f[1], ner.GazRegion)
			g.Add(f[2], ner.GazRegion)
		}
	})
	if err != nil {
		return err
	}
	err = eachLine(filepath.Join(dir, "countryInfo.tsv"), func(l string) {
		f := strings.Split(l, "\t")
		if len(f) >= 6 && f[0] != "ISO" {
			g.Add(f[4], ner.GazCountry)
			g.Add(f[5], ner.GazCity)
		}
	})
	if err != nil {
		return err
	}
	rc, err := openMaybeGz(filepath.Join(dir, "country_translations.json.gz"))
	if err != nil {
		return err
	}
	defer rc.Close()
	var tr map[string]map[string]string
	if err := json.NewDecoder(rc).Decode(&tr); err != nil {
		return fmt.Errorf("lexicon: country translations: %w", err)
	}
	for _, m := range tr {
		for _, name := range m {
			g.Add(name, ner.GazCountry)
		}
	}
	g.Sources = append(g.Sources, "geonames/cities15000.txt.gz", "geonames/regionInfo.tsv.gz", "geonames/countryInfo.tsv", "geonames/country_translations.json.gz")
	return nil
}

// isCode reports all-caps short codes such as airport codes.
func isCode(s string) bool {
	if utf8.RuneCountInString(s) > 4 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// AddCountries reads countries-mledoze: names, translations, alternative
// spellings (countries), capitals (cities) and demonyms.
func (g *Gazetteer) AddCountries(dataDir string) error {
	rc, err := openMaybeGz(filepath.Join(dataDir, "countries-mledoze", "countries.json.gz"))
	if err != nil {
		return err
	}
	defer rc.Close()
	var cs []struct {
		Name struct {
			Common, Official string
		}
		AltSpellings []string
		Capital      []string
		Translations map[string]struct{ Official, Common string }
		Demonyms     map[string]struct{ F, M string }
	}
	if err := json.NewDecoder(rc).Decode(&cs); err != nil {
		return fmt.Errorf("lexicon: countries: %w", err)
	}
	for _, c := range cs {
		g.Add(c.Name.Common, ner.GazCountry)
		g.Add(c.Name.Official, ner.GazCountry)
		for _, a := range c.AltSpellings {
			if utf8.RuneCountInString(a) > 3 {
				g.Add(a, ner.GazCountry)
			}
		}
		for _, t := range c.Translations {
			g.Add(t.Common, ner.GazCountry)
			g.Add(t.Official, ner.GazCountry)
		}
		for _, cp := range c.Capital {
			g.Add(cp, ner.GazCity)
		}
		for _, d := range c.Demonyms {
			g.Add(d.F, ner.GazDemonym)
			g.Add(d.M, ner.GazDemonym)
		}
	}
	g.Sources = append(g.Sources, "countries-mledoze/countries.json.gz")
	return nil
}

var dateRange = regexp.MustCompile(`\d{6}`)

// AddPetrarch reads the PETRARCH2 actor dictionaries: entries with dated
// roles are persons, undated International/MilNonState entries are
// organisations.
func (g *Gazetteer) AddPetrarch(dataDir string) error {
	dir := filepath.Join(dataDir, "petrarch2-cameo-dictionaries")
	for _, f := range []string{"Phoenix.Countries.actors.txt.gz", "Phoenix.International.actors.txt.gz", "Phoenix.MilNonState.actors.txt.gz"} {
		var cur []string
		dated := false
		flush := func() {
			for _, n := range cur {
				switch {
				case dated:
					g.Add(n, ner.GazPerson)
				case f != "Phoenix.Countries.actors.txt.gz":
					g.Add(n, ner.GazOrg)
				}
			}
			cur, dated = nil, false
		}
		err := eachLine(filepath.Join(dir, f), func(l string) {
			if strings.HasPrefix(l, "#") || strings.TrimSpace(l) == "" {
				return
			}
			code := ""
			if i := strings.Index(l, "["); i >= 0 {
				code = l[i:]
				l = l[:i]
			}
			if i := strings.Index(l, "#"); i >= 0 {
				l = l[:i]
			}
			name := strings.TrimSpace(l)
			if name != "" && !strings.HasPrefix(l, "\t") && !strings.HasPrefix(l, " ") {
				if !strings.HasPrefix(name, "+") {
					flush()
				}
				name = strings.TrimPrefix(name, "+")
				name = strings.TrimSpace(strings.ReplaceAll(name, "_", " "))
				if utf8.RuneCountInString(name) >= 2 {
					cur = append(cur, titleCase(name))
				}
			}
			if dateRange.MatchString(code) {
				dated = true
			}
		})
		if err != nil {
			return err
		}
		flush()
		g.Sources = append(g.Sources, "petrarch2-cameo-dictionaries/"+f)
	}
	return nil
}

func titleCase(s string) string { return strings.ToLower(s) } // folded anyway

// BuildGazetteer reads every gazetteer source of dataDir.
func BuildGazetteer(dataDir string) (*Gazetteer, error) {
	g := NewGazetteer()
	for _, add := range []func(string) error{g.AddGATE, g.AddFirstNames, g.AddGeoNames, g.AddCountries, g.AddPetrarch} {
		if err := add(dataDir); err != nil {
			return nil, err
		}
	}
	return g, nil
}
