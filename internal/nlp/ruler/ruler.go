// Package ruler makes document-level corrections of the statistical NER.
//
// The NER tags each sentence on its own and was trained on Wikipedia; on
// news it misses a name in one place that it tags in another (Title Case
// headlines especially), gives one string several types, tags demonyms
// ("russes", "American") as MISC, and misses or mistypes well-known news
// organisations. Apply, run right after the NER and before temporal
// expressions and resolution, fixes what one article's own evidence or a
// small curated list can fix:
//
//  1. demonym filter: single demonyms and language names tagged MISC or
//     LOCATION are dropped (the contract does not count them as entities),
//     and so are one-word mentions that are a function word or a
//     capitalised common noun of the language ("Le", "Etat"), and MISC
//     mentions that fill a quotation opening with a subject pronoun
//     (reported speech, "« Nous sommes prêts »", not a title), demonyms
//     joined by hyphens ("Egyptian-Qatari"), peoples ("Touareg") and a
//     title in capitals alone ("PDG"); a lower-case determiner the NER
//     took into a name is cut ("the Pentagon"), and so is the end of a
//     title it ran back into ("le président de la République Emmanuel
//     Macron": a PERSON), a portfolio ("la ministre des Solidarités Aurore
//     Bergé"), a ministry's portfolio ("le ministère de la Santé du
//     Hamas": Hamas) or a demonym and a title before a full name ("Chinese Vice
//     Premier He Lifeng"); after a title and a link word, the full name
//     of an organisation's head the NER ran the organisation on into is
//     cut off as a PERSON ("le président du Rassemblement national Jordan
//     Bardella"; ApplyWith, which knows the tagger's first names), and
//     an unknown name the NER read as a place after a role and an
//     employer link is an organisation ("chief investment officer at
//     Spear Invest"); a country and its possessive are cut off a name the
//     NER ran on from them when the article names the rest elsewhere
//     ("UK's Labour wins"), and a known place or an organisation and its
//     possessive off a building or a body of theirs ("London's Heathrow
//     Airport", "Labor Department's Bureau of Labor Statistics"); a
//     PERSON run over a conjunction is two
//     people when both parts open with a first name ("Felipe VI y
//     Letizia"); a party's hyphenated title alone is no name ("dem
//     FDP-Chef");
//  2. run-on tails: lower-case words a name ran on into ("Conseil de
//     sécurité visant") are cut when the shorter name is attested (another
//     mention of the article or a curated name; for the headline, also the
//     start of a longer body name), and weekdays, auxiliaries and
//     reporting verbs whatever the article says ("l'Insee mardi", "Parti
//     populaire ont");
//  3. place heads: "place Kim Il-sung" is a LOCATION; storm words make a
//     MISC ("l'ouragan Sandy", "Hurricane Beryl"), and so do ship and drug
//     words and ship prefixes ("the tanker Sounion", "USS Carney");
//  4. list ruler: exact matches of curated names (data/<lang>/*.tsv and
//     data/common/*.tsv, "name TAB TYPE") override the NER type on the same
//     span (a sentence-initial determiner the NER took with it dropped:
//     "Le Real Madrid") and are added where the NER found nothing, and so
//     are the lexicon's country names on free tokens ("Les Etats-Unis");
//  5. wire conventions (news.go): dateline places are LOCATIONs and their
//     agencies ORGANIZATIONs ("MOSCOW, June 19 (Reuters) -"); a name after
//     an organisation head is an ORGANIZATION ("the disaster agency
//     AFAD"); a Title Case or all-caps headline mention run on over
//     headline words is cut to the names the body attests ("Tim Cook
//     Warns" -> "Tim Cook"); an acronym in brackets after a name names it
//     too ("Federal Trade Commission (FTC)", acronyms.go); legal forms
//     make companies ("Procter & Gamble Co", "Eli Lilly and Co"), and
//     German ministry and court compounds organisations
//     ("Finanzministerium", "Landgericht Berlin"; compounds.go);
//  6. type consistency: mentions of the same name (case ignored between a
//     caseless headline and the body) take the article's confidence-weighted
//     majority type when it is clear, and a lone surname of a full PERSON
//     name of the article becomes a PERSON;
//  7. propagation: other exact occurrences of a name the NER found (case
//     ignored in an all-caps or Title Case headline) are tagged too, and a
//     person's surname is tagged as that person in the headline and, off a
//     sentence start, in the body; a word
//     opening a sentence or a quotation is propagated only if the article
//     never writes it in lower case, and in a language that capitalises
//     its nouns (German) only a confident one-word name is.
//
// Apply never overlaps mentions, splits a longer mention only as above
// (an organisation and the name of its head, a possessive's owner and
// what it owns), and keeps
// Mention.Text equal to the code-point substring [Start, End) of its field.
package ruler

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"maps"
	"path"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

//go:embed data
var dataFS embed.FS

// commonDir holds the language-neutral lists.
const commonDir = "common"

// fallbackLang is the rule set used for a language without data.
const fallbackLang = "xx"

// Entity types of the contract.
const (
	Person       = "PERSON"
	Organization = "ORGANIZATION"
	Location     = "LOCATION"
	Misc         = "MISC"
)

// ErrBadData is wrapped by the errors of New for malformed data files.
var ErrBadData = errors.New("ruler: bad data")

// Ruler holds the per-language rules. It is immutable after New and safe
// for concurrent use.
type Ruler struct {
	langs map[string]*rules
}

// rules are the immutable rules of one language.
type rules struct {
	lang string
	lex  *lexicon.Lexicon // nil when the lexicon has no such language
	// entries: first token Norm -> curated entries starting with it,
	// longest first.
	entries map[string][]entry
	first   [256]bool // first bytes of the keys of entries
	// stop: lower-cased words never propagated as names.
	stop map[string]bool
	// languages: folded language names and demonyms the lexicon lacks
	// (regions, peoples), dropped like demonyms.
	languages map[string]bool
	// placeHeads: lower-case common nouns that, just before a name, make
	// the whole a place name ("place Kim Il-sung", "rue de Rivoli" is not
	// matched: only the head and the name, adjacent).
	placeHeads map[string]bool
	// streetHeads: lower-case street words that make a place of the name
	// after them and a link word ("rue d'Aubagne", "quai d'Orsay").
	streetHeads map[string]bool
	// stormHeads: folded common nouns that, just before a name or as its
	// first word, make it a named storm, a MISC ("l'ouragan Sandy",
	// "Hurricane Beryl", "Sturmtief Zeynep").
	stormHeads map[string]bool
	// miscHeads: folded common nouns that, just before a name, make it a
	// MISC, as the storm words do: a ship ("the tanker Sounion"), a drug
	// ("the drug Wegovy"); its all-caps entries are the prefixes that
	// open a ship's name ("USS Carney", "HMS Diamond").
	miscHeads map[string]bool
	// productTails: folded lower-case nouns of launchers, aircraft,
	// phones and vaccines that, just after a name, make it a MISC where
	// the head follows the name ("its Starship rocket", "the Super Heavy
	// booster").
	productTails map[string]bool
	// placeTails: capitalised last words of the names of buildings and
	// places ("Airport", "Stadium"): after a known place and its
	// possessive, such a name is one of its own ("London's Heathrow
	// Airport").
	placeTails map[string]bool
	// miscTails: words (as listed, common to all languages) that, as the
	// last word of a name of two words or more, make it a MISC: a law or a
	// treaty ("Stop Online Piracy Act").
	miscTails map[string]bool
	// miscFirsts: folded words that, as the first word of a name of two
	// words or more, make it a MISC: a treaty, a summit, a show, a prize
	// ("traité de Lisbonne", "Prix Goncourt", "Cumbre de la OTAN").
	miscFirsts map[string]bool
	// productHeads: folded lower-case nouns of vehicles, launchers,
	// vaccines and programmes that, just before a name, make it a MISC
	// ("la fusée Ariane 6", "le navire Aquarius").
	productHeads map[string]bool
	// orgTails: words (as listed, common to all languages) that, as the
	// last word of a PERSON of two words or more, make it an organisation ("Gordon and Betty Moore
	// Foundation").
	orgTails map[string]bool
	// legalForms: companies' legal forms (as listed, common to all
	// languages) that, as the last word of a name of two words or more,
	// make it an organisation whatever the NER's type ("Airbus SE").
	legalForms map[string]bool
	// orgHeads: common nouns (as listed and lower-cased) that, just
	// before a name (or before an adjective and a name where adjectives
	// follow the noun), make it an organisation ("the disaster agency
	// AFAD", "la milice populaire Basij"); the head stays out of the name.
	orgHeads map[string]bool
	orgFirst [256]bool // first bytes of the keys of orgHeads
	// orgTailHeads: where nouns compound (German), the lower-cased heads
	// of five letters or more that end a compound head too
	// ("Chipkonzern", "Regierungspartei").
	orgTailHeads []string
	// notNames: capitalised common nouns and the stopwords (folded) that
	// alone are never a named entity ("Etat", "Cour", "Le").
	notNames map[string]bool
	// notTails: lower-case words (as listed) that never end a name: the
	// weekday or day word a name ran on into ("l'Insee mardi").
	notTails map[string]bool
	// titleInner: the folded words that stand after the first in a title
	// of the lexicon ("république" of "président de la république"): a
	// name that starts with one may have run back into a title.
	titleInner map[string]bool
	// portfolioLast: the folded last words of the lexicon's portfolio
	// links ("des" of "chargé des"): a name right after one may have
	// taken a portfolio in ("ministre des Solidarités Aurore Bergé").
	portfolioLast map[string]bool
	// titleLinks: folded word sequences (one or two words) that link a
	// title to the organisation it heads ("du" of "le président du
	// Rassemblement national Jordan Bardella").
	titleLinks map[string]bool
	// employerLinks: folded words that link a role to its employer
	// ("at" of "chief investment officer at Spear Invest", "chez").
	employerLinks map[string]bool
	// conjunctions: the lower-case words that join two names ("and",
	// "y"): a PERSON mention run over one may be two people.
	conjunctions map[string]bool
	// ministries: folded ministry words and the minister's title whose
	// portfolios they take ("ministère" -> "ministre"; ministries.txt).
	ministries map[string]string
	// ministers: folded titles of ministers whose portfolio follows them
	// ("ministra" of "ministra de Hacienda"; ministers.txt).
	ministers map[string]bool
	// ministryFirst holds the first bytes of the ministry and minister
	// words, both cases: most tokens are passed over without folding.
	ministryFirst [256]bool
	// speechOpeners: folded words (subject pronouns) that open reported
	// speech, not a title: a MISC mention filling a quotation that starts
	// with one ("« Nous sommes prêts »") is a quote.
	speechOpeners map[string]bool
	// authorities: the heads of authority-heads.txt by their first token,
	// the longest first ("Ayuntamiento" of "Ayuntamiento de Madrid").
	authorities map[string][]authority
	authFirst   [256]bool // first bytes of the authorities' keys
}

// entry is one curated name, as the tokenizer of its language splits it.
type entry struct {
	toks []string // Token.Norm of each token
	typ  string
	// shout marks an all-caps entry that is also a common word ("WHO",
	// "UN" in French): not matched among other all-caps words.
	shout bool
}

// Load builds a Ruler from the embedded data, for every language that has
// a lexicon or a data folder.
func Load() (*Ruler, error) {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		return nil, fmt.Errorf("ruler: %w", err)
	}
	return New(sub)
}

// New builds a Ruler from fsys: <lang>/*.tsv (name TAB TYPE),
// <lang>/stopwords.txt, <lang>/languages.txt, <lang>/demonyms.txt,
// <lang>/place-heads.txt, <lang>/org-heads.txt, <lang>/not-names.txt and
// common/*.tsv for every language. Languages are those of fsys plus those of the lexicon.
func New(fsys fs.FS) (*Ruler, error) {
	common, err := readEntries(fsys, commonDir)
	if err != nil {
		return nil, err
	}
	codes := map[string]bool{fallbackLang: true}
	for _, c := range lexicon.Languages() {
		codes[c] = true
	}
	if ents, err := fs.ReadDir(fsys, "."); err == nil {
		for _, e := range ents {
			if e.IsDir() && e.Name() != commonDir {
				codes[e.Name()] = true
			}
		}
	}
	r := &Ruler{langs: make(map[string]*rules, len(codes))}
	for code := range codes {
		rl, err := newRules(fsys, code, common)
		if err != nil {
			return nil, err
		}
		r.langs[code] = rl
	}
	return r, nil
}

func newRules(fsys fs.FS, code string, common []rawEntry) (*rules, error) {
	rl := &rules{
		lang:         code,
		entries:      map[string][]entry{},
		stop:         map[string]bool{},
		languages:    map[string]bool{},
		placeHeads:   map[string]bool{},
		streetHeads:  map[string]bool{},
		stormHeads:   map[string]bool{},
		miscTails:    map[string]bool{},
		miscHeads:    map[string]bool{},
		miscFirsts:   map[string]bool{},
		placeTails:   map[string]bool{},
		productHeads: map[string]bool{},
		productTails: map[string]bool{},
		orgTails:     map[string]bool{},
		legalForms:   map[string]bool{},
		orgHeads:     map[string]bool{},
		notNames:     map[string]bool{},
		notTails:     map[string]bool{},
		titleLinks:   map[string]bool{},

		employerLinks: map[string]bool{},
		ministers:     map[string]bool{},
		conjunctions:  map[string]bool{},

		speechOpeners: map[string]bool{},
	}
	if lx, err := lexicon.Load(code); err == nil {
		rl.lex = lx
		for w := range lx.List("stopwords") {
			rl.stop[strings.ToLower(w)] = true
		}
		rl.titleInner = map[string]bool{}
		for t := range lx.List("titles") {
			for _, w := range strings.Fields(lexicon.Fold(t))[1:] {
				rl.titleInner[w] = true
			}
		}
		for l := range lx.List("portfolio-links") {
			if w := strings.Fields(lexicon.Fold(l)); len(w) > 0 {
				if rl.portfolioLast == nil {
					rl.portfolioLast = map[string]bool{}
				}
				rl.portfolioLast[w[len(w)-1]] = true
			}
		}
	} else if !errors.Is(err, lexicon.ErrUnknownLanguage) {
		return nil, fmt.Errorf("ruler: lexicon %s: %w", code, err)
	}
	own, err := readEntries(fsys, code)
	if err != nil {
		return nil, err
	}
	lower := func(w string) string { return strings.ToLower(w) }
	trimmed := func(w string) string { return strings.TrimSpace(w) }
	folded := func(w string) string { return lexicon.Fold(strings.TrimSpace(w)) }
	for _, l := range []struct {
		file string
		set  map[string]bool
		key  func(string) string
	}{
		{"stopwords.txt", rl.stop, lower},
		{"languages.txt", rl.languages, lexicon.Fold},
		{"demonyms.txt", rl.languages, lexicon.Fold},
		{"place-heads.txt", rl.placeHeads, lower},
		{"street-heads.txt", rl.streetHeads, lower},
		{"ministers.txt", rl.ministers, folded},
		{"storm-heads.txt", rl.stormHeads, folded},
		{"misc-heads.txt", rl.miscHeads, folded},
		{"misc-firsts.txt", rl.miscFirsts, folded},
		{"place-tails.txt", rl.placeTails, trimmed},
		{"product-heads.txt", rl.productHeads, folded},
		{"product-tails.txt", rl.productTails, folded},
		{"not-names.txt", rl.notNames, folded},
		{"not-tails.txt", rl.notTails, trimmed},
		{"speech-openers.txt", rl.speechOpeners, folded},
		{"title-links.txt", rl.titleLinks, folded},
		{"employer-links.txt", rl.employerLinks, folded},
		{"conjunctions.txt", rl.conjunctions, lower},
	} {
		words, err := readWords(fsys, path.Join(code, l.file))
		if err != nil {
			return nil, err
		}
		for _, w := range words {
			l.set[l.key(w)] = true
		}
	}
	if err := readLines(fsys, path.Join(code, "ministries.txt"), func(n int, line string) error {
		word, title, ok := strings.Cut(line, "\t")
		if !ok || strings.TrimSpace(title) == "" {
			return fmt.Errorf("%w: %s/ministries.txt line %d: want word TAB title", ErrBadData, code, n)
		}
		if rl.ministries == nil {
			rl.ministries = map[string]string{}
		}
		rl.ministries[lexicon.Fold(strings.TrimSpace(word))] = strings.TrimSpace(title)
		return nil
	}); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	// Laws, treaties, foundations and companies are named in English in
	// any language's copy.
	for file, set := range map[string]map[string]bool{"misc-tails.txt": rl.miscTails, "org-tails.txt": rl.orgTails, "legal-forms.txt": rl.legalForms} {
		tails, err := readWords(fsys, path.Join(commonDir, file))
		if err != nil {
			return nil, err
		}
		for _, w := range tails {
			set[strings.TrimSpace(w)] = true
		}
	}
	if err := rl.readAuthorityHeads(fsys); err != nil {
		return nil, err
	}
	words, err := readWords(fsys, path.Join(code, "org-heads.txt"))
	if err != nil {
		return nil, err
	}
	for _, w := range words {
		w = strings.TrimSpace(w)
		for _, k := range []string{w, strings.ToLower(w)} {
			if k != "" {
				rl.orgHeads[k] = true
				rl.orgFirst[k[0]] = true
			}
		}
		if nounCase(code) && utf8.RuneCountInString(w) >= 5 {
			rl.orgTailHeads = append(rl.orgTailHeads, strings.ToLower(w))
		}
	}
	for _, set := range []iter.Seq[string]{maps.Keys(rl.ministries), maps.Keys(rl.ministers)} {
		for k := range set {
			if k != "" {
				rl.ministryFirst[k[0]] = true
				rl.ministryFirst[strings.ToUpper(k[:1])[0]] = true
			}
		}
	}
	for w := range rl.stop {
		rl.notNames[lexicon.Fold(w)] = true
	}
	tok := text.NewTokenizer(code)
	seen := map[string]bool{}
	for _, list := range [][]rawEntry{own, common} { // own language first
		for _, re := range list {
			d := tok.Segment(re.name)
			if len(d.Tokens) == 0 {
				continue
			}
			e := entry{typ: re.typ, toks: make([]string, len(d.Tokens))}
			for i, t := range d.Tokens {
				e.toks[i] = t.Norm
			}
			k := strings.Join(e.toks, "\x00")
			if seen[k] {
				continue
			}
			seen[k] = true
			e.shout = len(e.toks) == 1 && isUpperWord(e.toks[0]) && rl.stop[strings.ToLower(e.toks[0])]
			rl.entries[e.toks[0]] = append(rl.entries[e.toks[0]], e)
			rl.first[e.toks[0][0]] = true
		}
	}
	for _, es := range rl.entries {
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].toks) > len(es[j].toks) })
	}
	return rl, nil
}

type rawEntry struct{ name, typ string }

// readEntries reads every dir/*.tsv of fsys; a missing dir is empty.
func readEntries(fsys fs.FS, dir string) ([]rawEntry, error) {
	ents, err := fs.ReadDir(fsys, dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("ruler: %s: %w", dir, err)
	}
	var out []rawEntry
	for _, e := range ents {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".tsv") {
			continue
		}
		p := path.Join(dir, e.Name())
		err := readLines(fsys, p, func(n int, line string) error {
			name, typ, ok := strings.Cut(line, "\t")
			name, typ = strings.TrimSpace(name), strings.TrimSpace(typ)
			if !ok || name == "" {
				return fmt.Errorf("%w: %s:%d: want name TAB TYPE", ErrBadData, p, n)
			}
			switch typ {
			case Person, Organization, Location, Misc:
			default:
				return fmt.Errorf("%w: %s:%d: unknown type %q", ErrBadData, p, n, typ)
			}
			out = append(out, rawEntry{name: name, typ: typ})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// readWords reads a one-word-a-line file; a missing file is empty.
func readWords(fsys fs.FS, p string) ([]string, error) {
	var out []string
	err := readLines(fsys, p, func(_ int, line string) error {
		out = append(out, line)
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return out, err
}

// readLines calls fn for every non-blank, non-comment line of p.
func readLines(fsys fs.FS, p string, fn func(n int, line string) error) error {
	f, err := fsys.Open(p)
	if err != nil {
		return fmt.Errorf("ruler: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("ruler: %s: %w", p, err)
	}
	return nil
}

// rules returns the rules of a language, or the fallback ones.
func (r *Ruler) rules(lang string) *rules {
	if rl := r.langs[lang]; rl != nil {
		return rl
	}
	return r.langs[fallbackLang]
}

// isUpperWord reports whether s has at least two letters, all upper case.
func isUpperWord(s string) bool {
	n := 0
	for _, c := range s {
		if unicode.IsLetter(c) {
			if !unicode.IsUpper(c) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// upperInitial reports whether s starts with an upper-case letter.
func upperInitial(s string) bool {
	c, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(c)
}

// lowerInitial reports whether s starts with a lower-case letter.
func lowerInitial(s string) bool {
	c, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(c)
}

// hasLetter reports whether s contains a letter.
func hasLetter(s string) bool {
	for _, c := range s {
		if unicode.IsLetter(c) {
			return true
		}
	}
	return false
}
