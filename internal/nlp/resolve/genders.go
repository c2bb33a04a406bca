package resolve

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/wirenrich/wirenrich/internal/models"
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
)

// GendersModel is the name of the embedded table of first names of one
// gender (internal/models/first-name-genders).
const GendersModel = "first-name-genders"

// Gender of a person or of a title phrase: unknown, male or female.
type gender byte

const (
	genderUnknown gender = iota
	genderMale
	genderFemale
)

// Genders maps folded first names to the gender every first-name list
// gives them. It is immutable and safe for concurrent use.
type Genders struct {
	names map[string]gender
}

// LoadGenders reads the embedded first-name table.
func LoadGenders() (*Genders, error) {
	g, err := models.Read(GendersModel, ParseGenders)
	if err != nil {
		return nil, fmt.Errorf("resolve: %w", err)
	}
	return g, nil
}

// ParseGenders reads a first-name table: TAB-separated folded first name
// and m or f; # comments.
func ParseGenders(r io.Reader) (*Genders, error) {
	g := &Genders{names: map[string]gender{}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		name, v, ok := strings.Cut(s, "\t")
		switch {
		case !ok || name == "":
			return nil, fmt.Errorf("line %d: want a name and m or f", line)
		case v == "m":
			g.names[name] = genderMale
		case v == "f":
			g.names[name] = genderFemale
		default:
			return nil, fmt.Errorf("line %d: gender %q", line, v)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return g, nil
}

// WithGenders returns a copy of r that reads the gender of first names
// from g (nil: none).
func (r *Resolver) WithGenders(g *Genders) *Resolver {
	c := *r
	c.genders = g
	return &c
}

// Len returns the number of names in the table.
func (g *Genders) Len() int { return len(g.names) }

// Female reports the gender of first name w (any case and accents):
// known is false for a name of both genders, an initial or a word not in
// the table (and for a nil table).
func (g *Genders) Female(w string) (female, known bool) {
	switch g.of(w) {
	case genderFemale:
		return true, true
	case genderMale:
		return false, true
	}
	return false, false
}

// Genders returns the first-name table r reads genders from (nil: none).
func (r *Resolver) Genders() *Genders { return r.genders }

// of returns the gender of first name w (any case and accents; unknown
// for a name of both genders, an initial or a word not in the table).
func (g *Genders) of(w string) gender {
	if g == nil || len(w) < 2 {
		return genderUnknown
	}
	var buf [64]byte
	if len(w) > len(buf) {
		return genderUnknown
	}
	return g.names[string(lexicon.AppendFold(buf[:0], w))]
}

// honorificGender returns the gender an honorific gives the name it opens
// ("Mme", "M.", "Mrs", "Herr"; folded, its full stop dropped), unknown for
// any other word.
func honorificGender(folded string) gender {
	switch strings.TrimSuffix(folded, ".") {
	case "m", "mr", "monsieur", "sr", "senor", "herr", "sig", "signor", "signore", "dhr", "heer":
		return genderMale
	case "mme", "mlle", "madame", "mademoiselle", "mrs", "ms", "miss", "sra", "senora", "srta", "frau", "sig.ra", "signora", "mevr", "mevrouw":
		return genderFemale
	}
	return genderUnknown
}

// determinerGender returns the gender a determiner (folded) gives the
// noun after it in language lang: "la" and "une" a woman's title, "le"
// and "un" a man's ("la directrice générale", "le secrétaire général");
// unknown where the language or the form does not tell ("l'", "les", any
// English or German determiner).
func determinerGender(lang, folded string) gender {
	switch lang {
	case "fr":
		switch folded {
		case "le", "un", "du", "au":
			return genderMale
		case "la", "une":
			return genderFemale
		}
	case "es":
		switch folded {
		case "el", "un", "del", "al":
			return genderMale
		case "la", "una":
			return genderFemale
		}
	case "it":
		switch folded {
		case "il", "lo", "un", "uno", "del", "dello", "al", "allo":
			return genderMale
		case "la", "una", "della", "alla":
			return genderFemale
		}
	case "pt":
		switch folded {
		case "o", "um", "do", "no", "ao":
			return genderMale
		case "a", "uma", "da", "na":
			return genderFemale
		}
	}
	return genderUnknown
}

// personGender returns the gender of PERSON entity e: the one its
// mentions' honorifics ("Mme", "M.") or its name's first name give, unknown
// when none does or they disagree.
func (s *state) personGender(e int) gender {
	g := s.r.genders
	if g == nil {
		return genderUnknown
	}
	ent := &s.a.Entities[e]
	got := genderUnknown
	add := func(v gender) bool {
		if v == genderUnknown || v == got {
			return true
		}
		if got != genderUnknown {
			return false // both: unknown
		}
		got = v
		return true
	}
	if first, _, _ := strings.Cut(ent.Name, " "); !add(g.of(first)) {
		return genderUnknown
	}
	for _, mi := range ent.Mentions {
		m := &s.a.Mentions[mi]
		if m.Nominal {
			continue
		}
		if w, _, ok := strings.Cut(m.Text, " "); ok && !add(honorificGender(lexicon.Fold(w))) {
			return genderUnknown
		}
	}
	return got
}

// ofHonorificGender returns, of the person groups roots that the surname
// of item i could join, the one whose first name has the gender of the
// honorific opening i's mention ("Mme Pelicot" after "Gisèle Pelicot" and
// "Dominique Pelicot": a man's or a woman's first name), or roots itself
// when the mention has none or not exactly one group fits.
func (s *state) ofHonorificGender(i int, roots []int) []int {
	g := s.r.genders
	h, _, ok := strings.Cut(s.a.Mentions[s.items[i].m].Text, " ")
	if g == nil || !ok {
		return roots
	}
	want := honorificGender(lexicon.Fold(h))
	if want == genderUnknown {
		return roots
	}
	found := -1
	for k, r := range roots {
		fits := false
		for j := range s.items {
			if jt := &s.items[j]; len(jt.toks) >= 2 && s.find(j) == r && g.of(jt.toks[0]) == want {
				fits = true
				break
			}
		}
		if fits {
			if found >= 0 {
				return roots
			}
			found = k
		}
	}
	if found < 0 {
		return roots
	}
	return roots[found : found+1]
}

// honorificOf returns the gender the honorific opening item i's mention
// gives ("Mme Fillon": a woman), unknown when it opens with none.
func (s *state) honorificOf(i int) gender {
	t := s.a.Mentions[s.items[i].m].Text
	// Every honorific with a gender starts with one of these letters: most
	// names are passed over without folding.
	if t == "" || strings.IndexByte("MmSsHhDdFf", t[0]) < 0 {
		return genderUnknown
	}
	h, _, ok := strings.Cut(t, " ")
	if !ok {
		return genderUnknown
	}
	return honorificGender(lexicon.Fold(h))
}

// groupGender returns the gender of the group of root r: the one its
// items' honorifics and full names' first names give, unknown when none
// does or they disagree.
func (s *state) groupGender(r int) gender {
	got := genderUnknown
	for k := range s.items {
		if s.find(k) != r {
			continue
		}
		v := s.honorificOf(k)
		if v == genderUnknown && len(s.items[k].toks) >= 2 && s.r.genders != nil {
			v = s.r.genders.of(s.items[k].toks[0])
		}
		switch {
		case v == genderUnknown || v == got:
		case got != genderUnknown:
			return genderUnknown
		default:
			got = v
		}
	}
	return got
}

// genderClash reports whether item i opens with an honorific of one gender
// and the group of root r is of the other ("Mme Fillon" and "François
// Fillon", "M. Fillon").
func (s *state) genderClash(i, r int) bool {
	g := s.honorificOf(i)
	if g == genderUnknown {
		return false
	}
	rg := s.groupGender(r)
	return rg != genderUnknown && rg != g
}

// exactPartner returns the item of the same name as item i, from j (the
// first of that name) on, that i joins: j itself, unless i opens with an
// honorific of the other gender than j's group, then the first of the
// name whose group is not ("M. Fillon" and "Mme Fillon" are two people);
// -1 when there is none.
func (s *state) exactPartner(j, i int) int {
	if s.honorificOf(i) == genderUnknown {
		return j
	}
	for k := j; k >= 0 && k != i; k = s.next[k] {
		if !s.genderClash(i, s.find(k)) {
			return k
		}
	}
	return -1
}

// genderCompatible returns the person groups of roots that item i may
// join: all of them, but those of the other gender than the honorific
// opening i ("Mme Fillon" does not join "François Fillon").
func (s *state) genderCompatible(i int, roots []int) []int {
	if s.honorificOf(i) == genderUnknown {
		return roots
	}
	out := roots[:0]
	for _, r := range roots {
		if !s.genderClash(i, r) {
			out = append(out, r)
		}
	}
	return out
}
