package text

import (
	"bufio"
	"embed"
	"io/fs"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data
var dataFS embed.FS

// fallbackLang is the folder used for languages without their own data.
const fallbackLang = "xx"

// langData is the immutable per-language data of a Tokenizer, read from
// data/<lang>/*.txt.
type langData struct {
	code string
	// abbrev: tokens keeping their final period that may end a sentence
	// before an upper-case word.
	abbrev map[string]struct{}
	// nonBreaking: tokens keeping their final period that never end a
	// sentence.
	nonBreaking map[string]struct{}
	// nameEndings: tokens keeping their final period that close a name
	// ("Inc.", "Bros."); they end a sentence only before a starter (before
	// an upper-case word when the language has no starters).
	nameEndings map[string]struct{}
	// continuations: capitalised words that go on the sentence after an
	// abbreviation ("5 p.m. Tuesday").
	continuations map[string]struct{}
	// elisions, lower case with an ASCII apostrophe ("l'", "qu'").
	elisions map[string]struct{}
	// clitics, lower case with an ASCII apostrophe ("'s", "n't").
	clitics []string
	// exceptions, lower case with ASCII apostrophes, kept whole.
	exceptions map[string]struct{}
	// hyphenSuffixes, lower case with the hyphen ("-il").
	hyphenSuffixes map[string]struct{}
	// starters: words that start a sentence after an initial or acronym.
	starters map[string]struct{}
	// maxElision, maxException: longest entries in bytes (lookup bounds).
	maxElision, maxException, maxPeriod int
	// nounCase: the language capitalises its nouns (German): "15-Jährige"
	// stays one word, where "2-Zelenskiy" (Reuters' "UPDATE 2-") is split.
	nounCase bool
}

// languages holds the parsed data of every embedded language folder. It is
// built once at package initialisation and never modified.
var languages = loadLanguages()

func loadLanguages() map[string]*langData {
	out := map[string]*langData{}
	ents, err := fs.ReadDir(dataFS, "data")
	if err != nil {
		return out
	}
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		out[e.Name()] = loadLang(e.Name())
	}
	if _, ok := out[fallbackLang]; !ok {
		out[fallbackLang] = &langData{code: fallbackLang}
	}
	return out
}

func loadLang(code string) *langData {
	d := &langData{code: code, nounCase: code == "de"}
	d.abbrev = periodSet(readList(code, "abbreviations.txt"))
	d.nonBreaking = periodSet(readList(code, "nonbreaking_prefixes.txt"))
	d.nameEndings = periodSet(readList(code, "name_endings.txt"))
	for _, m := range []map[string]struct{}{d.abbrev, d.nonBreaking, d.nameEndings} {
		for k := range m {
			d.maxPeriod = max(d.maxPeriod, len(k))
		}
	}
	d.continuations = map[string]struct{}{}
	for _, w := range readList(code, "abbreviation_continuations.txt") {
		d.continuations[w] = struct{}{}
	}
	d.elisions = foldSet(readList(code, "elisions.txt"))
	for k := range d.elisions {
		d.maxElision = max(d.maxElision, len(k))
	}
	d.exceptions = foldSet(readList(code, "exceptions.txt"))
	for k := range d.exceptions {
		d.maxException = max(d.maxException, len(k))
	}
	for _, c := range readList(code, "clitics.txt") {
		d.clitics = append(d.clitics, foldKey(c))
	}
	d.starters = map[string]struct{}{}
	for _, w := range readList(code, "sentence_starters.txt") {
		d.starters[strings.ReplaceAll(w, "’", "'")] = struct{}{}
	}
	d.hyphenSuffixes = map[string]struct{}{}
	for _, h := range readList(code, "hyphen_suffixes.txt") {
		d.hyphenSuffixes[h] = struct{}{}
	}
	return d
}

// readList reads one data file; a missing file is an empty list.
func readList(code, name string) []string {
	b, err := dataFS.ReadFile("data/" + code + "/" + name)
	if err != nil {
		return nil
	}
	var out []string
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// periodSet holds entries as written, plus a capitalised variant of
// lower-case entries (sentence-initial "Cf.").
func periodSet(list []string) map[string]struct{} {
	m := make(map[string]struct{}, 2*len(list))
	for _, w := range list {
		w = strings.ReplaceAll(w, "’", "'")
		m[w] = struct{}{}
		r, n := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) {
			m[string(unicode.ToUpper(r))+w[n:]] = struct{}{}
		}
	}
	return m
}

func foldSet(list []string) map[string]struct{} {
	m := make(map[string]struct{}, len(list))
	for _, w := range list {
		m[foldKey(w)] = struct{}{}
	}
	return m
}

// periodFlag classifies a listed word ending in a period (flagNoBreak,
// flagAbbrev, flagNameEnd), 0 when it is not listed.
func (d *langData) periodFlag(w string) uint8 {
	if _, ok := d.nonBreaking[w]; ok {
		return flagNoBreak
	}
	if _, ok := d.abbrev[w]; ok {
		return flagAbbrev
	}
	if _, ok := d.nameEndings[w]; ok {
		return flagNameEnd
	}
	return 0
}

// foldKey lower-cases w and unifies apostrophes, as lookups do.
func foldKey(w string) string {
	var b strings.Builder
	for _, r := range w {
		if isApostrophe(r) {
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Languages lists the language codes that have their own tokenizer data.
func Languages() []string {
	out := make([]string, 0, len(languages))
	for k := range languages {
		if k != fallbackLang {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}
