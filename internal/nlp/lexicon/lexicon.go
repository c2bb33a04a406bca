// Package lexicon gives per-language word knowledge read from plain data
// files (one folder per language under data/): country names, demonyms,
// titles and any other word list a stage needs, so that a language is
// added by adding a folder, not by changing code.
//
// Files of data/<lang>/ (UTF-8, '#' starts a comment line, blank lines
// ignored):
//
//	countries*.tsv  iso2 TAB name      (first name of a code = preferred name)
//	demonyms*.tsv   word TAB iso2      (every inflected form on its own line)
//	seats*.tsv      name TAB iso2      (metonymic seats of power: Kremlin RU)
//	<name>.txt      one entry a line   (a generic list, see List and Has;
//	                                    titles.txt feeds Title and TitleAt,
//	                                    and so does title-heads.txt)
//	<name>.tsv      key TAB value…     (any other table, see Table and Row)
//
// Lookups are case- and accent-insensitive (see Fold).
package lexicon

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data
var dataFS embed.FS

// ErrUnknownLanguage is returned by Load for a language without a data folder.
var ErrUnknownLanguage = errors.New("lexicon: unknown language")

// Lexicon is the word knowledge of one language. It is immutable after Load
// and safe for concurrent use.
type Lexicon struct {
	lang        string
	countryName map[string]string // iso2 -> preferred name
	countries   map[string]string // Fold(name) -> iso2
	countryKeys []string          // the keys of countries, sorted
	demonyms    map[string]string // Fold(word) -> iso2
	seats       map[string]string // Fold(name) -> iso2
	lists       map[string]map[string]bool
	tables      map[string]map[string][]string // table -> Fold(key) -> values
	folded      map[string]map[string]bool     // list -> Fold(entry)
	titleFirst  map[string]bool                // first word of each title
	demFirst    map[string]bool                // first word of each demonym
	titles      map[string]bool                // folded["titles"]
	// titlePre and demPre hold the proper word prefixes of the folded
	// titles and demonyms ("ministre des" of "ministre des affaires
	// etrangeres"): a phrase that is not one cannot be extended into one.
	titlePre, demPre map[string]bool
	// titleHeads are the folded heads of compound titles written as one
	// word (title-heads.txt: de "minister" of "Finanzminister", nl
	// "leider" of "partijleider"), longest first; empty in a language
	// that has no such file.
	titleHeads []string
	// portfolioTitles and portfolioLinks are folded["portfolio-titles"]
	// and folded["portfolio-links"] (see PortfolioAt), nil without them.
	portfolioTitles, portfolioLinks map[string]bool
}

// Languages lists the languages that have a data folder.
func Languages() []string {
	ents, _ := fs.ReadDir(dataFS, "data")
	var out []string
	for _, e := range ents {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

// Load reads the data files of lang (ISO 639-1).
func Load(lang string) (*Lexicon, error) {
	dir := path.Join("data", lang)
	ents, err := fs.ReadDir(dataFS, dir)
	if err != nil || lang == "" || strings.ContainsAny(lang, "./") {
		return nil, fmt.Errorf("%w: %q", ErrUnknownLanguage, lang)
	}
	l := &Lexicon{
		lang:        lang,
		countryName: map[string]string{},
		countries:   map[string]string{},
		demonyms:    map[string]string{},
		seats:       map[string]string{},
		lists:       map[string]map[string]bool{},
		tables:      map[string]map[string][]string{},
		folded:      map[string]map[string]bool{},
		titleFirst:  map[string]bool{},
		demFirst:    map[string]bool{},
	}
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() {
			continue
		}
		p := path.Join(dir, name)
		var perr error
		switch {
		case strings.HasSuffix(name, ".tsv") && strings.HasPrefix(name, "countries"):
			perr = readLines(p, func(f []string) error {
				if len(f) < 2 {
					return errors.New("want iso2 TAB name")
				}
				iso := strings.ToUpper(f[0])
				if _, ok := l.countryName[iso]; !ok {
					l.countryName[iso] = f[1]
				}
				if k := Fold(f[1]); k != "" {
					if _, ok := l.countries[k]; !ok {
						l.countries[k] = iso
					}
				}
				return nil
			})
		case strings.HasSuffix(name, ".tsv") && strings.HasPrefix(name, "demonyms"):
			perr = readLines(p, func(f []string) error {
				if len(f) < 2 {
					return errors.New("want word TAB iso2")
				}
				if k := Fold(f[0]); k != "" {
					if _, ok := l.demonyms[k]; !ok {
						l.demonyms[k] = strings.ToUpper(f[1])
					}
					l.demFirst[strings.Fields(k)[0]] = true
				}
				return nil
			})
		case strings.HasSuffix(name, ".tsv") && strings.HasPrefix(name, "seats"):
			perr = readLines(p, func(f []string) error {
				if len(f) < 2 {
					return errors.New("want name TAB iso2")
				}
				l.seats[Fold(f[0])] = strings.ToUpper(f[1])
				return nil
			})
		case strings.HasSuffix(name, ".tsv"):
			table := strings.TrimSuffix(name, ".tsv")
			m := map[string][]string{}
			perr = readLines(p, func(f []string) error {
				if k := Fold(f[0]); k != "" {
					if _, ok := m[k]; !ok {
						m[k] = f[1:]
					}
				}
				return nil
			})
			l.tables[table] = m
		case strings.HasSuffix(name, ".txt"):
			list := strings.TrimSuffix(name, ".txt")
			m, fm := map[string]bool{}, map[string]bool{}
			perr = readLines(p, func(f []string) error {
				w := strings.ToLower(strings.TrimSpace(f[0]))
				if w == "" {
					return nil
				}
				m[w] = true
				k := Fold(w)
				fm[k] = true
				if w := strings.Fields(k); list == "titles" && len(w) > 0 {
					l.titleFirst[w[0]] = true
				}
				return nil
			})
			l.lists[list], l.folded[list] = m, fm
		}
		if perr != nil {
			return nil, fmt.Errorf("lexicon %s: %w", p, perr)
		}
	}
	l.titles = l.folded["titles"]
	for h := range l.folded["title-heads"] {
		l.titleHeads = append(l.titleHeads, h)
	}
	sort.Slice(l.titleHeads, func(i, j int) bool {
		a, b := l.titleHeads[i], l.titleHeads[j]
		return len(a) > len(b) || len(a) == len(b) && a < b
	})
	l.portfolioTitles, l.portfolioLinks = l.folded["portfolio-titles"], l.folded["portfolio-links"]
	l.titlePre = prefixes(l.titles)
	l.demPre = prefixes(l.demonyms)
	for k := range l.countries {
		l.countryKeys = append(l.countryKeys, k)
	}
	sort.Strings(l.countryKeys)
	return l, nil
}

// prefixes returns the proper word prefixes of the keys of m.
func prefixes[V any](m map[string]V) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		for i := 0; i < len(k); i++ {
			if k[i] == ' ' {
				out[k[:i]] = true
			}
		}
	}
	return out
}

func readLines(p string, fn func(fields []string) error) error {
	return ReadTable(dataFS, p, fn)
}

// ReadTable calls fn with the tab-separated, trimmed fields of every line of
// the data file p of fsys, skipping blank lines and '#' comments: the format
// of every per-language word list and table. An error from fn is returned
// with its line number.
func ReadTable(fsys fs.FS, p string, fn func(fields []string) error) error {
	f, err := fsys.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		fields := strings.Split(line, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

// Lang is the language of the lexicon.
func (l *Lexicon) Lang() string { return l.lang }

// Demonym reports the country a demonym or nationality adjective refers to,
// in any inflection listed ("russe", "Russes", "nord-coréenne",
// "Russians"): the country's preferred name in the lexicon's language and
// its ISO 3166-1 alpha-2 code.
func (l *Lexicon) Demonym(word string) (country, iso2 string, ok bool) {
	if l == nil {
		return "", "", false
	}
	iso2, ok = lookup(l.demonyms, word)
	if !ok {
		return "", "", false
	}
	return l.countryName[iso2], iso2, true
}

// Country reports the ISO 3166-1 alpha-2 code of a country name
// ("Corée du Nord", "Etats-Unis", "Russia").
func (l *Lexicon) Country(name string) (iso2 string, ok bool) {
	if l == nil {
		return "", false
	}
	return lookup(l.countries, name)
}

// CountryFolded is Country of a name folded already (Fold): Country(name)
// is CountryFolded(Fold(name)).
func (l *Lexicon) CountryFolded(key string) (iso2 string, ok bool) {
	if l == nil {
		return "", false
	}
	iso2, ok = l.countries[key]
	return iso2, ok
}

// CountryPrefix is Country(name), and more reports whether some country
// name (folded) starts with Fold(name): when none does, no longer name
// that starts with name is a country either ("Macron" of "Macron a dit").
func (l *Lexicon) CountryPrefix(name string) (iso2 string, ok, more bool) {
	if l == nil {
		return "", false, false
	}
	var buf [64]byte
	k := AppendFold(buf[:0], name)
	iso2, ok = l.countries[string(k)]
	lo, hi := 0, len(l.countryKeys)
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); l.countryKeys[m] < string(k) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	more = lo < len(l.countryKeys) && len(l.countryKeys[lo]) >= len(k) && l.countryKeys[lo][:len(k)] == string(k)
	return iso2, ok, more
}

// CountryName is the preferred name of a country in the lexicon's language.
func (l *Lexicon) CountryName(iso2 string) (string, bool) {
	if l == nil {
		return "", false
	}
	n, ok := l.countryName[strings.ToUpper(iso2)]
	return n, ok
}

// Seat reports the country whose power a metonymic name stands for
// ("Kremlin" → RU, "Maison Blanche" → US).
func (l *Lexicon) Seat(name string) (iso2 string, ok bool) {
	if l == nil {
		return "", false
	}
	return lookup(l.seats, name)
}

// SeatFolded is Seat of a name folded already (Fold): Seat(name) is
// SeatFolded(Fold(name)).
func (l *Lexicon) SeatFolded(key string) (iso2 string, ok bool) {
	if l == nil {
		return "", false
	}
	iso2, ok = l.seats[key]
	return iso2, ok
}

// Title reports whether word (or a multiword phrase) is a title or role
// ("président", "ministre des affaires étrangères", "CEO").
func (l *Lexicon) Title(word string) bool {
	return l.Has("titles", word) || l.CompoundTitle(word) != "" || l.FormerTitle(word)
}

// minCompoundPrefix is the least number of bytes before the head of a
// compound title written as one word ("Vize" of "Vizekanzler").
const minCompoundPrefix = 3

// CompoundTitle returns the head of a compound title written as one word
// (case and accents ignored), "" when word is none: in a language with a
// title-heads.txt file, a word that ends in one of its heads after at
// least three letters ("Bundesfinanzminister" → "minister"), and a word of
// two hyphenated parts whose second is a title or ends in a head
// ("CDU-Chef" → "chef", "SPD-Fraktionschef" → "chef", "VVD-leider" →
// "leider"). A head alone is none ("Richter" is also a surname). The
// word's part before the head is what the role belongs to ("CDU") or a
// qualifier ("Bundesfinanz").
func (l *Lexicon) CompoundTitle(word string) string {
	if l == nil || len(l.titleHeads) == 0 {
		return ""
	}
	var buf [64]byte
	k := AppendFold(buf[:0], word)
	hyphen := false
	if sp := bytes.IndexByte(k, ' '); sp >= 0 {
		// Two hyphenated parts: "cdu chef" (not "port au prince").
		head := k[sp+1:]
		if bytes.IndexByte(head, ' ') >= 0 {
			return ""
		}
		if l.titles[string(head)] {
			return string(head)
		}
		k, hyphen = head, true
	}
	for _, h := range l.titleHeads {
		if len(k) >= len(h) && string(k[len(k)-len(h):]) == h {
			// The head alone is a title only after a hyphen ("-Chef" of
			// "CDU-Chef"): "Richter" is also a surname.
			if len(k) == len(h) && hyphen || len(k)-len(h) >= minCompoundPrefix {
				return h
			}
		}
	}
	return ""
}

// TitleAt returns the number of tokens of the longest title starting at
// tokens[0] (0 when none): TitleAt(["ministre", "des", "affaires",
// "étrangères", ","]) is 4.
//
// A compound title written as one word (see CompoundTitle) is a title of
// one token when no longer one starts there.
func (l *Lexicon) TitleAt(tokens []string) int {
	if l == nil {
		return 0
	}
	n, _ := longestAt(tokens, false, l.titleFirst, l.titles, l.titlePre)
	if n == 0 && len(tokens) > 0 && (l.CompoundTitle(tokens[0]) != "" || l.FormerTitle(tokens[0])) {
		n = 1
	}
	return n
}

// FormerTitle reports whether token is a one-word title with the prefix
// "ex" ("ex-président", "expresidente", "exministra"): the former holder
// of the office.
func (l *Lexicon) FormerTitle(token string) bool {
	if len(token) < 6 || token[0]|0x20 != 'e' || token[1]|0x20 != 'x' {
		return false
	}
	rest := strings.TrimLeft(token[2:], "-‑ ")
	return len(rest) >= 4 && l.titles[Fold(rest)]
}

// maxPortfolioLower is the most lower-case words a portfolio may have after
// its capitalised one ("de la Transition écologique").
const maxPortfolioLower = 2

// PortfolioAt returns the number of tokens of the portfolio written after
// title (a title TitleAt found), when title takes one (portfolio-titles.txt:
// "ministre délégué") and rest opens with a link of portfolio-links.txt
// ("aux", "chargé de la") and a capitalised word: "ministre délégué aux
// Transports", "ministre de la Transition écologique". Lower-case words
// after the capitalised one belong to the portfolio only when a comma or a
// capitalised word (the name) follows them: in "ministre des Transports a
// annoncé", the portfolio is "des Transports". 0 when none. The caller
// checks that the portfolio is no person's or organisation's name ("le
// secrétaire d'État de Joe Biden").
func (l *Lexicon) PortfolioAt(title, rest []string) int {
	if l == nil || len(l.portfolioTitles) == 0 {
		return 0
	}
	var buf [128]byte
	if !l.portfolioTitles[string(appendFoldedWords(buf[:0], title))] {
		return 0
	}
	link := 0 // tokens of the longest link
	b := buf[:0]
	for i := 0; i < len(rest) && i < 4; i++ {
		var ok bool
		if b, ok = appendFoldedWord(b, rest[i]); !ok {
			if isApostrophe(rest[i]) {
				continue // "de l'" tokenised "de", "l", "'"
			}
			break
		}
		if l.portfolioLinks[string(b)] {
			link = i + 1
		}
	}
	for link < len(rest) && isApostrophe(rest[link]) {
		link++
	}
	if link == 0 || link >= len(rest) || !capitalised(rest[link]) {
		return 0
	}
	n := link + 1
	lower := 0
	for n+lower < len(rest) && lower < maxPortfolioLower && isLowerWord(rest[n+lower]) {
		lower++
	}
	if lower > 0 && n+lower < len(rest) && (rest[n+lower] == "," || capitalised(rest[n+lower])) {
		n += lower
	}
	return n
}

// appendFoldedWords appends to dst the folded tokens, one space between,
// those that fold to nothing left out.
func appendFoldedWords(dst []byte, tokens []string) []byte {
	for _, t := range tokens {
		dst, _ = appendFoldedWord(dst, t)
	}
	return dst
}

// appendFoldedWord appends to dst the folded token t, after a space when
// dst holds words already; a token that folds to nothing (punctuation)
// leaves dst as it was and reports false.
func appendFoldedWord(dst []byte, t string) ([]byte, bool) {
	at := len(dst)
	if at > 0 {
		dst = append(dst, ' ')
	}
	if dst = AppendFold(dst, t); len(dst) == at || at > 0 && len(dst) == at+1 {
		return dst[:at], false
	}
	return dst, true
}

func isApostrophe(t string) bool { return t == "'" || t == "’" }

func capitalised(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}

func isLowerWord(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r)
}

// TitleAtFolded is TitleAt over tokens already folded (Fold), for callers
// that fold a text's tokens once and look them up many times.
func (l *Lexicon) TitleAtFolded(folded []string) int {
	if l == nil {
		return 0
	}
	n, _ := longestAt(folded, true, l.titleFirst, l.titles, l.titlePre)
	if n == 0 && len(folded) > 0 && (len(l.titleHeads) > 0 && l.CompoundTitle(folded[0]) != "" || l.FormerTitle(folded[0])) {
		n = 1
	}
	return n
}

// DemonymAt returns the number of tokens of the longest demonym starting
// at tokens[0] (0 when none) and the country it refers to:
// DemonymAt(["nord", "-", "coréen", "a"]) is 3, "Corée du Nord", "KP".
func (l *Lexicon) DemonymAt(tokens []string) (n int, country, iso2 string) {
	if l == nil {
		return 0, "", ""
	}
	n, iso2 = longestAt(tokens, false, l.demFirst, l.demonyms, l.demPre)
	if n == 0 {
		return 0, "", ""
	}
	return n, l.countryName[iso2], iso2
}

// TitleFirstWords calls fn with the first word of every title: the folded
// form of the first of the tokens that TitleAt matches starts with one,
// unless it is a compound or former title (CompoundTitle, FormerTitle).
func (l *Lexicon) TitleFirstWords(fn func(word string)) {
	if l == nil {
		return
	}
	for w := range l.titleFirst {
		fn(w)
	}
}

// DemonymFirstWords calls fn with the first word of every demonym: the
// folded form of the first of the tokens DemonymAt matches starts with
// one.
func (l *Lexicon) DemonymFirstWords(fn func(word string)) {
	if l == nil {
		return
	}
	for w := range l.demFirst {
		fn(w)
	}
}

// longestAt returns the number of tokens of the longest phrase starting at
// tokens[0] whose folded words (Fold of each token, or the token itself
// when prefolded) are a key of m. Tokens that fold to nothing
// (punctuation, hyphens, apostrophes) are skipped inside a phrase but
// cannot start or end one. pre holds the proper word prefixes of the keys
// of m: the walk stops at a phrase that is not one.
func longestAt[V any](tokens []string, prefolded bool, first map[string]bool, m map[string]V, pre map[string]bool) (int, V) {
	var best V
	if len(tokens) == 0 {
		return 0, best
	}
	var buf [128]byte
	fold := func(dst []byte, tok string) []byte {
		if prefolded {
			return append(dst, tok...)
		}
		return AppendFold(dst, tok)
	}
	b := fold(buf[:0], tokens[0])
	w := b
	if sp := bytes.IndexByte(b, ' '); sp >= 0 {
		w = b[:sp]
	}
	if len(w) == 0 || !first[string(w)] {
		return 0, best
	}
	n := 0
	for i, tok := range tokens {
		if i > 0 {
			prev := len(b)
			b = append(b, ' ')
			at := len(b)
			b = fold(b, tok)
			if len(b) == at {
				b = b[:prev] // folds to nothing: skipped
				continue
			}
		}
		if v, ok := m[string(b)]; ok {
			n, best = i+1, v
		}
		if !pre[string(b)] {
			break // no key starts with b and a space
		}
	}
	return n, best
}

// List returns the entries (lower-cased) of the word list data/<lang>/<name>.txt,
// nil when there is none. The map is shared: callers must not modify it.
func (l *Lexicon) List(name string) map[string]bool {
	if l == nil {
		return nil
	}
	return l.lists[name]
}

// Has reports whether word is in the list name, ignoring case and accents.
func (l *Lexicon) Has(list, word string) bool {
	if l == nil {
		return false
	}
	v, _ := lookup(l.folded[list], word)
	return v
}

// lookup is m[Fold(key)], without folding a key folded already and
// without allocating for a short one.
func lookup[V any](m map[string]V, key string) (V, bool) {
	if IsFolded(key) {
		v, ok := m[key]
		return v, ok
	}
	var buf [64]byte
	v, ok := m[string(AppendFold(buf[:0], key))]
	return v, ok
}

// Table returns the rows of data/<lang>/<name>.tsv (other than the
// countries, demonyms and seats files) keyed by the folded first column,
// nil when there is none. The map is shared: callers must not modify it.
func (l *Lexicon) Table(name string) map[string][]string {
	if l == nil {
		return nil
	}
	return l.tables[name]
}

// Row returns the values that follow key (case and accents ignored) in the
// table name: the first row with that key.
func (l *Lexicon) Row(table, key string) ([]string, bool) {
	if l == nil {
		return nil, false
	}
	return lookup(l.tables[table], key)
}
