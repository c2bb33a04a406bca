// Command genlinks distils the embedded table internal/models/entity-links.gz
// (folded name → Wikidata QID, by entity type) from the entity links of the
// HIPE-2022 historical newspaper corpus (../shared/data/hipe2022-news, CC
// BY-NC-SA 4.0).
//
// A name is kept for a type when its mentions of that type were linked at
// least -min times, with one QID taking at least -share of the links (NIL
// links count against it). Person names are read without their leading
// honorifics and titles (as resolve reads them) and must keep two words or
// more, the first not an initial: a surname alone is never linked.
// Organisation names must have 4 letters or more, and a one-word name must
// not be a common noun of the corpus ("Chambre", "Conseil": written in lower
// case more often than capitalised). Place names are kept only when the
// place gazetteer (internal/models/geo-places) does not know them (it links
// the others), with the same rules as organisations.
//
// Usage (from the repository root):
//
//	go run ./internal/nlp/resolve/internal/genlinks -data ../shared/data -out internal/models/entity-links.gz
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/wirenrich/wirenrich/internal/nlp/geo"
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

func main() {
	data := flag.String("data", "../shared/data", "shared data folder")
	out := flag.String("out", "internal/models/entity-links.gz", "output file")
	minLinks := flag.Int("min", 2, "links a name needs")
	share := flag.Float64("share", 0.7, "share of its links the chosen QID needs (NIL links count)")
	verbose := flag.Bool("v", false, "print the kept and dropped names")
	flag.Parse()
	if err := run(*data, *out, *minLinks, *share, *verbose); err != nil {
		log.Fatal(err)
	}
}

// mention is one linked entity mention of the corpus.
type mention struct {
	lang  string
	class string // PERSON, ORGANIZATION, LOCATION
	name  string // folded
	qid   string // Q…, or NIL
}

func run(data, out string, minLinks int, share float64, verbose bool) error {
	files, err := filepath.Glob(filepath.Join(data, "hipe2022-news/*.tsv.gz"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no HIPE files in %s", data)
	}
	sort.Strings(files)
	first, err := firstNames(filepath.Join(data, "first-names"))
	if err != nil {
		return err
	}
	var mentions []mention
	lower, upper := map[string]int{}, map[string]int{} // plain tokens by folded form
	for _, fn := range files {
		if !supported(fn) {
			continue
		}
		ms, err := read(fn, lower, upper)
		if err != nil {
			return fmt.Errorf("%s: %w", fn, err)
		}
		mentions = append(mentions, ms...)
	}
	lexs := map[string]*lexicon.Lexicon{}
	for _, lang := range lexicon.Languages() {
		l, err := lexicon.Load(lang)
		if err != nil {
			return err
		}
		lexs[lang] = l
	}
	// A word that is an honorific or a title in any language.
	titled := func(w string) bool {
		for _, l := range lexs {
			if l.Has("honorifics", w) || l.Title(w) {
				return true
			}
		}
		return false
	}
	gaz, err := geo.Load()
	if err != nil {
		return err
	}
	// class TAB name -> qid -> n
	counts := map[string]map[string]int{}
	for _, m := range mentions {
		name := m.name
		if m.class == "PERSON" {
			name = stripTitles(lexs[m.lang], name)
		}
		if name == "" {
			continue
		}
		k := m.class + "\t" + name
		if counts[k] == nil {
			counts[k] = map[string]int{}
		}
		counts[k][m.qid]++
	}
	keys := make([]string, 0, len(counts))
	names := map[string]bool{} // every name read, any type
	for k := range counts {
		keys = append(keys, k)
		_, name, _ := strings.Cut(k, "\t")
		names[name] = true
	}
	// Links of each QID, all names and types: a name that holds a small
	// share of them is an OCR slip or an inflection ("Deutsehland",
	// "Europas").
	perQID := map[string]int{}
	for _, qs := range counts {
		for q, n := range qs {
			perQID[q] += n
		}
	}
	stop := func(w string) bool {
		for _, l := range lexs {
			if l.Has("stopwords", w) || l.Has("determiners", w) {
				return true
			}
		}
		return false
	}
	c := &checker{lower: lower, upper: upper, names: names, first: first, titled: titled, stop: stop, gaz: gaz}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("# entity-links: Wikidata QIDs of person, organisation and place names, distilled from the entity links of\n")
	b.WriteString("# HIPE-2022 (CC BY-NC-SA 4.0, github.com/hipe-eval/HIPE-2022-data) by internal/nlp/resolve/internal/genlinks.\n")
	fmt.Fprintf(&b, "# rules: >=%d links, chosen QID >=%.0f%% of them (NIL counts), type as annotated; see internal/models/README.md\n", minLinks, share*100)
	b.WriteString("# type\tfolded name\tqid\tlinks\n")
	kept := map[string]int{}
	for _, k := range keys {
		class, name, _ := strings.Cut(k, "\t")
		qs := counts[k]
		best, n, total := "", 0, 0
		for q, c := range qs {
			total += c
			if q != "NIL" && (c > n || c == n && q < best) {
				best, n = q, c
			}
		}
		why := ""
		switch {
		case n < minLinks:
			why = "few links"
		case float64(n) < share*float64(total):
			why = "no clear majority"
		case float64(n) < minQIDShare*float64(perQID[best]):
			why = "rare form of its QID"
		case excluded[name]:
			why = "excluded"
		default:
			why = c.reject(class, name)
		}
		if verbose {
			fmt.Fprintf(os.Stderr, "%s\t%s\t%s\t%d/%d\t%s\n", class, name, best, n, total, why)
		}
		if why != "" {
			continue
		}
		kept[class]++
		fmt.Fprintf(&b, "%s\t%s\t%s\t%d\n", class, name, best, n)
	}
	log.Printf("kept %v", kept)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	if _, err := io.WriteString(zw, b.String()); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// stripTitles drops the leading honorifics and titles of a folded person
// name, as resolve does before matching ("m poincare" → "poincare").
func stripTitles(l *lexicon.Lexicon, name string) string {
	w := strings.Fields(name)
	for len(w) > 1 && l != nil && (l.Has("honorifics", w[0]) || l.Title(w[0])) {
		w = w[1:]
	}
	return strings.Join(w, " ")
}

// minQIDShare is the share of its QID's links a name must have.
const minQIDShare = 0.1

// excluded are names with a clear QID in the corpus that a modern article
// means otherwise (spot checks): historical bodies whose name lives on.
var excluded = map[string]bool{
	"assemblee nationale": true, // the 1789 or 1848 assembly in HIPE, the French parliament today
	// Generic names a Swiss paper uses for one body, other papers for
	// others.
	"conseil national": true, "banque nationale": true, "action nationale": true, "union republicaine": true,
	"radicale partei": true, "directoire executif": true,
	// Not an organisation, or not one thing.
	"constitution federale": true, "lausanne fribourg": true,
	// The island in HIPE (Q23666), the United Kingdom in today's French.
	"grande bretagne": true,
}

// nobility and other titles that the lexicons do not list as honorifics
// or titles, written before a name.
var nobility = map[string]bool{"baron": true, "baronne": true, "comte": true, "comtesse": true, "duc": true,
	"duchesse": true, "prince": true, "princesse": true, "roi": true, "reine": true, "kaiser": true, "konig": true,
	"koenig": true, "graf": true, "furst": true, "herzog": true, "lord": true, "lady": true, "sir": true, "don": true,
	"dona": true, "saint": true, "sainte": true, "st": true, "ste": true, "pere": true, "abbe": true, "mgr": true,
	"general": true, "marechal": true, "colonel": true, "capitaine": true, "docteur": true, "king": true, "queen": true,
	"emperor": true, "empereur": true, "pape": true, "pope": true, "papst": true}

// checker holds what the rules on names read.
type checker struct {
	lower, upper map[string]int    // plain corpus words by folded form: written in lower case, capitalised
	names        map[string]bool   // every name annotated in the corpus
	first        map[string]bool   // first names, folded
	titled, stop func(string) bool // honorific or title, stop word or determiner (any language)
	gaz          *geo.Gazetteer
}

// reject tells why a name with a clear QID is still not kept ("" keeps
// it).
func (c *checker) reject(class, name string) string {
	w := strings.Fields(name)
	letters, single := 0, 0
	for _, x := range w {
		letters += len([]rune(x))
		if len([]rune(x)) == 1 && x != "l" && x != "d" {
			single++
		}
	}
	if len(w) > 1 {
		// OCR splits a word ("Lon don", "Stock holm", "Cham bre").
		joined := strings.Join(w, "")
		if c.names[joined] || c.upper[joined]+c.lower[joined] > 0 || c.gaz.Known(joined) {
			return "split word"
		}
	}
	for _, x := range w {
		if c.titled(x) || nobility[x] {
			return "honorific or title"
		}
		if roman(x) && len(w) > 1 {
			return "regnal number" // Frédéric III: which one?
		}
		if strings.ContainsRune(x, 'ſ') {
			return "long s" // old print
		}
	}
	switch class {
	case "PERSON":
		if len(w) < 2 {
			return "one word (a surname alone)"
		}
		if !c.first[w[0]] || c.stop(w[0]) {
			return "no first name" // de Gaulle, von Hassell: a surname alone
		}
		if single > 0 {
			return "initial"
		}
		return ""
	case "ORGANIZATION":
		if len(w) < 2 {
			return "one word"
		}
		if len([]rune(w[len(w)-1])) <= 2 && !c.stop(w[len(w)-1]) {
			return "cut short" // Front po
		}
	case "LOCATION":
		if letters < 5 {
			return "short"
		}
	}
	switch {
	case letters < 4:
		return "short"
	case single > 0:
		return "initials"
	case c.gaz.Known(name):
		return "in the gazetteer" // a place (or a capital standing for a government)
	case len(w) == 1 && c.lower[name] > 0:
		return "common noun"
	}
	return ""
}

// roman reports a Roman numeral ("iii", "xiv").
func roman(w string) bool {
	return strings.Trim(w, "ivxl") == ""
}

// supported reports whether a HIPE file is in a language the worker
// reads (not Finnish or Swedish).
func supported(fn string) bool {
	lang := fileLang(fn)
	return lang == "fr" || lang == "de" || lang == "en"
}

func fileLang(fn string) string {
	base := strings.TrimSuffix(filepath.Base(fn), ".tsv.gz")
	base = strings.TrimSuffix(base, ".PARTIAL")
	return base[strings.LastIndexByte(base, '-')+1:]
}

// firstNames reads the French (INSEE) and English (Moby) first names,
// folded.
func firstNames(dir string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, name := range []string{"fr_prenoms_insee_derived.csv", "en_male_first_names.stdlib-moby.txt", "en_female_first_names.stdlib-moby.txt"} {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(raw), "\n") {
			n, _, _ := strings.Cut(line, ",")
			if k := lexicon.Fold(n); k != "" && k != "firstname" && !strings.Contains(k, " ") {
				out[k] = true
			}
		}
	}
	if len(out) < 1000 {
		return nil, fmt.Errorf("first names in %s: only %d", dir, len(out))
	}
	return out, nil
}

// read returns the linked person, organisation and place mentions of a HIPE
// file, and counts its plain (untagged) words by folded form, written in
// lower case or capitalised.
func read(fn string, lower, upper map[string]int) ([]mention, error) {
	f, err := os.Open(fn)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	lang := fileLang(fn)
	var out []mention
	var cur []string
	var curClass, curQ string
	flush := func() {
		if len(cur) > 0 && curClass != "" && (strings.HasPrefix(curQ, "Q") || curQ == "NIL") {
			if name := lexicon.Fold(strings.Join(cur, " ")); name != "" {
				out = append(out, mention{lang: lang, class: curClass, name: name, qid: curQ})
			}
		}
		cur, curClass = cur[:0], ""
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
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
		case strings.HasPrefix(tag, "b-"):
			flush()
			curClass = class(tag[2:], strings.ToLower(f[3]))
			cur = append(cur, f[0])
			curQ = f[7]
		case strings.HasPrefix(tag, "i-") && len(cur) > 0:
			cur = append(cur, f[0])
		default:
			flush()
			if tag == "o" {
				if k := lexicon.Fold(f[0]); k != "" {
					if r := []rune(f[0]); r[0] >= 'a' && r[0] <= 'z' || r[0] > 127 && strings.ToLower(string(r[0])) == string(r[0]) {
						lower[k]++
					} else {
						upper[k]++
					}
				}
			}
		}
	}
	flush()
	return out, sc.Err()
}

// class maps a HIPE coarse type (and fine type, where the corpus has them)
// to an entity type, "" for a mention not kept: collective persons ("les
// Allemands"), products, dates, buildings, streets.
func class(coarse, fine string) string {
	fine = strings.TrimPrefix(fine, "b-")
	switch coarse {
	case "pers", "per":
		if fine == "" || fine == "_" || fine == "o" || strings.HasPrefix(fine, "pers.ind") {
			return "PERSON"
		}
	case "org":
		return "ORGANIZATION"
	case "loc":
		return "LOCATION"
	}
	return ""
}
