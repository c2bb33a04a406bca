// Command gengenders distils the embedded table
// internal/models/first-name-genders.gz (folded first name → m or f) from
// the first-name lists of ../shared/data/first-names: the French INSEE-derived
// list (Licence Ouverte 2.0), which flags each name male, female or both, and
// the English Moby lists of male and female names (CC0/PDDL). A name is kept
// only when every list that holds it gives it the same gender ("Dominique",
// "Camille", "Jean" in English lists as a woman's name: left out), and
// when it is not a common East Asian family name ("Park": Park Geun-hye).
//
// Usage (from the repository root):
//
//	go run ./internal/nlp/resolve/internal/gengenders -data ../shared/data -out internal/models/first-name-genders.gz
package main

import (
	"compress/gzip"
	"encoding/csv"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

func main() {
	data := flag.String("data", "../shared/data", "shared data folder")
	out := flag.String("out", "internal/models/first-name-genders.gz", "output file")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		log.Fatal(err)
	}
}

// familyFirst reports whether k is a name of the lists that is also a
// common East Asian family name, which news writes first ("Park
// Geun-hye", "Abe Shinzo"): the first word of such a name tells nothing of
// its bearer.
func familyFirst(k string) bool {
	switch k {
	case "abe", "chen", "lu", "ly", "park", "son", "tan", "wang", "lee", "kim", "li", "ma", "ho", "do", "le", "han", "sun":
		return true
	}
	return false
}

// gender bits of a name.
const (
	male   = 1
	female = 2
)

func run(data, out string) error {
	dir := filepath.Join(data, "first-names")
	g := map[string]int{}
	add := func(name string, bits int) {
		if k := lexicon.Fold(strings.TrimSpace(name)); k != "" && !strings.Contains(k, " ") {
			g[k] |= bits
		}
	}
	f, err := os.Open(filepath.Join(dir, "fr_prenoms_insee_derived.csv"))
	if err != nil {
		return err
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		return fmt.Errorf("fr first names: %w", err)
	}
	for i, r := range rows {
		if i == 0 || len(r) < 3 {
			continue // header: firstname,male,female
		}
		bits := 0
		if r[1] == "true" {
			bits |= male
		}
		if r[2] == "true" {
			bits |= female
		}
		add(r[0], bits)
	}
	for file, bits := range map[string]int{"en_male_first_names.stdlib-moby.txt": male, "en_female_first_names.stdlib-moby.txt": female} {
		raw, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(raw), "\n") {
			add(line, bits)
		}
	}
	var names []string
	for k, bits := range g {
		if familyFirst(k) {
			continue
		}
		if bits == male || bits == female {
			names = append(names, k)
		}
	}
	if len(names) < 1000 {
		return fmt.Errorf("first names in %s: only %d of one gender", dir, len(names))
	}
	sort.Strings(names)
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	fmt.Fprintf(zw, "# wirenrich first-name genders: folded first name TAB m or f, names of one gender only.\n")
	fmt.Fprintf(zw, "# From ../shared/data/first-names (fr INSEE-derived, Licence Ouverte 2.0; en Moby, CC0/PDDL)\n")
	fmt.Fprintf(zw, "# by: go run ./internal/nlp/resolve/internal/gengenders -data ../shared/data\n")
	for _, k := range names {
		gender := "m"
		if g[k] == female {
			gender = "f"
		}
		fmt.Fprintf(zw, "%s\t%s\n", k, gender)
	}
	if err := zw.Close(); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
