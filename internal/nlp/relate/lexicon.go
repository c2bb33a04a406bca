package relate

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

//go:embed data
var dataFS embed.FS

// Word classes of function.tsv, as bits.
const (
	clPrep uint32 = 1 << iota
	clCoord
	clDet
	clPoss
	clSubjPro
	clPlurPro
	clObjPro
	clPassive
	clAgent
	clBoundary
	clPartitive
	clWith
	clBetween
	clAgainst
	clTo
	clOf
	clDirection
	clAux
	clRefl
	clFor
	clRelPro
	clComp
	clAt        // "at", "chez": an employer after a role
	clGen       // de "der": a genitive article, the possessor of the noun before it
	clObjMark   // es "a", "al": the preposition of a direct object ("recibió a Macron")
	clNeg       // "nicht", "no", "non", "não": negates the verb of its clause
	clTemporal  // a token of a DATE or TIME mention (set from the mentions, not function.tsv)
	clQuoteVerb // from quote_verbs.txt
	clPred      // first word of a predicate
	clVocab     // any word of the relation lexicons (see vocab)
	clThank     // "thanked", "remercié": the support named after it is the object's
	clPersPoss  // "his", "her": a possessive that refers to a person only
)

var classNames = map[string]uint32{
	"prep": clPrep, "coord": clCoord, "det": clDet, "poss": clPoss, "subjpro": clSubjPro,
	"plurpro": clPlurPro, "objpro": clObjPro, "passive": clPassive, "agent": clAgent,
	"boundary": clBoundary, "partitive": clPartitive, "with": clWith, "between": clBetween,
	"against": clAgainst, "to": clTo, "of": clOf, "direction": clDirection, "aux": clAux, "refl": clRefl, "for": clFor, "relpro": clRelPro, "comp": clComp, "at": clAt, "gen": clGen, "objmark": clObjMark, "neg": clNeg, "thank": clThank, "ppos": clPersPoss,
}

// pairPhrase is one entry of pairs.txt: a plural description of the last
// two entities named of its type (PERSON, LOCATION, ORGANIZATION or
// ACTOR for any of them).
type pairPhrase struct {
	words []string
	typ   string
}

// pred is one entry of predicates.tsv.
type pred struct {
	words   []string // folded words
	typ     string
	cameo   string
	noun    bool
	refl    bool
	agr     bool
	possubj bool
	sep     bool // a separable verb: its last word may close the clause ("griff die Ukraine an")
	direct  bool // a noun whose clause subject is its author only as the verb's object ("sent aid to Kyiv")
}

// langData is the immutable relation lexicon of one language.
type langData struct {
	lex        *lexicon.Lexicon // titles, demonyms, countries; may be nil
	preds      map[string][]pred
	quoteVerbs map[string]bool
	sources    [][]string // folded words of "selon", "according to"
	agrNouns   map[string]bool
	classes    map[string]uint32
	titles     map[string]bool // folded extra titles (titles.txt)
	titleFirst map[string]bool // their first words
	maxTitle   int             // longest extra title, in words
	seatHeads  map[string]bool
	relNouns   map[string]bool // "homologue", "counterpart": a relation to someone, not a role
	pairs      []pairPhrase    // "les deux hommes", "the two countries"
	placeNouns map[string]bool
	orgHeads   map[string]bool   // "l'ONG", "the company": the last organisation
	multi      []multiClass      // multiword function entries ("alors que")
	multiFirst [256]bool         // first bytes of their first words
	exact      map[string]uint32 // function words matched as written ("=à"), by their lower-case text
	vocab      map[string]vocabEntry
	srcComma   [][]string            // "pour X," sources that need the comma
	based      map[string][][]string // by first word: "based in", "basé à": an organisation's seat follows
	headVerbs  map[string]bool       // "heads", "led", "dirige": X heads organisation Y
	memberNoun map[string]bool       // "member", "membre"
	countryN   map[string]bool       // "country": "the country's" is the last country named
	proGender  map[string]byte       // subject pronoun -> 'm' or 'f' ("il", "elle")
}

// loadLang reads data/<lang>/; ok is false when the language has no folder.
func loadLang(lang string, lex *lexicon.Lexicon) (*langData, bool, error) {
	dir := "data/" + lang
	if _, err := fs.Stat(dataFS, dir); err != nil {
		return nil, false, nil
	}
	d := &langData{lex: lex, preds: map[string][]pred{}, quoteVerbs: map[string]bool{},
		agrNouns: map[string]bool{}, classes: map[string]uint32{}, titles: map[string]bool{}, titleFirst: map[string]bool{},
		seatHeads: map[string]bool{}, placeNouns: map[string]bool{}, orgHeads: map[string]bool{}, relNouns: map[string]bool{},
		headVerbs: map[string]bool{}, memberNoun: map[string]bool{}, countryN: map[string]bool{}}
	err := readData(dir+"/predicates.tsv", func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want words TAB type TAB cameo, got %q", strings.Join(f, "\t"))
		}
		p := pred{words: strings.Fields(lexicon.Fold(f[0])), typ: f[1], cameo: f[2]}
		if strings.Contains(f[0], "-") {
			// A hyphenated word is one token ("reuniu-se"), keyed as a whole.
			p.words = p.words[:0]
			for _, w := range strings.Fields(f[0]) {
				p.words = append(p.words, lexicon.Fold(w))
			}
		}
		if len(f) > 3 {
			for _, fl := range strings.Fields(f[3]) {
				switch fl {
				case "noun":
					p.noun = true
				case "refl":
					p.refl = true
				case "agr":
					p.agr = true
				case "possubj":
					p.possubj = true
				case "sep":
					p.sep = true
				case "direct":
					p.direct = true
				default:
					return fmt.Errorf("unknown flag %q", fl)
				}
			}
		}
		if len(p.words) == 0 {
			return nil
		}
		if p.sep && len(p.words) != 2 {
			return fmt.Errorf("sep wants a verb and its particle, got %q", f[0])
		}
		d.preds[p.words[0]] = append(d.preds[p.words[0]], p)
		return nil
	})
	if err != nil {
		return nil, true, err
	}
	err = readData(dir+"/quote_verbs.txt", func(f []string) error {
		d.quoteVerbs[lexicon.Fold(f[0])] = true
		return nil
	})
	if err != nil {
		return nil, true, err
	}
	err = readData(dir+"/sources.txt", func(f []string) error {
		if w := strings.Fields(lexicon.Fold(f[0])); len(w) > 0 {
			d.sources = append(d.sources, w)
		}
		return nil
	})
	if err != nil {
		return nil, true, err
	}
	err = readData(dir+"/agreement_nouns.txt", func(f []string) error {
		d.agrNouns[lexicon.Fold(f[0])] = true
		return nil
	})
	if err != nil {
		return nil, true, err
	}
	for _, l := range []struct {
		file string
		set  map[string]bool
	}{{"titles.txt", d.titles}, {"seat_heads.txt", d.seatHeads}, {"place_nouns.txt", d.placeNouns}, {"org_heads.txt", d.orgHeads}, {"relational_nouns.txt", d.relNouns},
		{"head_verbs.txt", d.headVerbs}, {"member_nouns.txt", d.memberNoun}, {"country_nouns.txt", d.countryN}} {
		err = readOptional(dir+"/"+l.file, func(f []string) error {
			k := lexicon.Fold(f[0])
			l.set[k] = true
			if l.file == "titles.txt" {
				w := strings.Fields(k)
				d.maxTitle = max(d.maxTitle, len(w))
				if len(w) > 0 {
					d.titleFirst[w[0]] = true
				}
			}
			return nil
		})
		if err != nil {
			return nil, true, err
		}
	}
	err = readOptional(dir+"/pairs.txt", func(f []string) error {
		if w := strings.Fields(lexicon.Fold(f[0])); len(w) > 0 {
			pp := pairPhrase{words: w, typ: "PERSON"}
			if len(f) > 1 && f[1] != "" {
				pp.typ = f[1]
			}
			d.pairs = append(d.pairs, pp)
		}
		return nil
	})
	if err != nil {
		return nil, true, err
	}
	err = readOptional(dir+"/sources_comma.txt", func(f []string) error {
		if w := strings.Fields(lexicon.Fold(f[0])); len(w) > 0 {
			d.srcComma = append(d.srcComma, w)
		}
		return nil
	})
	if err != nil {
		return nil, true, err
	}
	err = readOptional(dir+"/pronoun_genders.tsv", func(f []string) error {
		if len(f) < 2 || f[1] != "m" && f[1] != "f" {
			return fmt.Errorf("want pronoun TAB m or f, got %q", strings.Join(f, "\t"))
		}
		if d.proGender == nil {
			d.proGender = map[string]byte{}
		}
		d.proGender[lexicon.Fold(f[0])] = f[1][0]
		return nil
	})
	if err != nil {
		return nil, true, err
	}
	err = readOptional(dir+"/based.txt", func(f []string) error {
		if w := strings.Fields(lexicon.Fold(f[0])); len(w) > 0 {
			if d.based == nil {
				d.based = map[string][][]string{}
			}
			d.based[w[0]] = append(d.based[w[0]], w)
		}
		return nil
	})
	if err != nil {
		return nil, true, err
	}
	err = readData(dir+"/function.tsv", func(f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("want word TAB class, got %q", f[0])
		}
		c, ok := classNames[f[1]]
		if !ok {
			return fmt.Errorf("unknown class %q", f[1])
		}
		if raw, ok := strings.CutPrefix(f[0], "="); ok && raw != "" {
			// Matched as written, accents kept: pt "à" (a preposition) is
			// not "a" (an article).
			if d.exact == nil {
				d.exact = map[string]uint32{}
			}
			d.exact[strings.ToLower(raw)] |= c
			return nil
		}
		k := lexicon.Fold(f[0])
		if k == "" {
			k = f[0] // punctuation (";")
		}
		if w := strings.Fields(k); len(strings.Fields(f[0])) > 1 {
			d.multi = append(d.multi, multiClass{w, c})
			d.multiFirst[w[0][0]] = true
			return nil
		}
		d.classes[k] |= c
		return nil
	})
	if err != nil {
		return nil, true, err
	}
	for k := range d.quoteVerbs {
		d.classes[k] |= clQuoteVerb
	}
	for k, ps := range d.preds {
		d.classes[k] |= clPred
		// A signing verb is read first: it needs an agreement noun after
		// it, and when one follows, the verb's other senses do not apply.
		slices.SortStableFunc(ps, func(a, b pred) int {
			switch {
			case a.agr == b.agr:
				return 0
			case a.agr:
				return -1
			}
			return 1
		})
	}
	d.buildVocab(dir)
	for w, c := range d.exact {
		d.vocab[w] = vocabEntry{key: w, cls: c}
	}
	// Words of ASCII lower-case letters with classes are in the vocabulary
	// too, so that quickKey looks the others up once.
	for k, c := range d.classes {
		if _, ok := d.vocab[k]; !ok && asciiLower(k) {
			d.vocab[k] = vocabEntry{key: k, cls: c}
		}
	}
	// And so are those that may start a demonym or a title (or its
	// plural), marked: the others start none (see lexStarts).
	mark := func(w string, start uint8) {
		if !asciiLower(w) {
			return
		}
		v, ok := d.vocab[w]
		if !ok {
			v = vocabEntry{key: w, cls: d.classes[w]}
		}
		v.start |= start
		d.vocab[w] = v
	}
	lex.DemonymFirstWords(func(w string) { mark(w, startDemonym) })
	titleFirst := func(w string) {
		mark(w, startTitle)
		mark(w+"s", startTitle)
	}
	lex.TitleFirstWords(titleFirst)
	for w := range d.titleFirst {
		titleFirst(w)
	}
	return d, true, nil
}

// readOptional is readData for a file a language may lack.
func readOptional(path string, fn func([]string) error) error {
	if _, err := fs.Stat(dataFS, path); err != nil {
		return nil
	}
	return readData(path, fn)
}

// titleAt returns the number of tokens of the longest title starting at
// texts[0], from the shared lexicon or the extra titles; where plurals end
// in -s (fr, en, es, pt), a plural title is one too ("l'un des chercheurs
// de HRW, Ole Solvang": one of them).
func (d *langData) titleAt(texts []string) int {
	n := d.titleAtExact(texts)
	if n > 0 || len(texts) == 0 || d.lex == nil {
		return n
	}
	switch d.lex.Lang() {
	case "fr", "en", "es", "pt":
	default:
		return 0
	}
	var buf [4]string
	singular := append(buf[:0], texts[:min(len(texts), len(buf))]...)
	if w := singular[0]; len(w) >= 5 && strings.HasSuffix(w, "s") {
		singular[0] = strings.TrimSuffix(w, "s")
		if n := d.titleAtExact(singular); n > 0 {
			return n // "juges d'instruction"
		}
	}
	changed := false
	for i, w := range singular {
		if len(w) >= 4 && strings.HasSuffix(w, "s") {
			singular[i], changed = strings.TrimSuffix(w, "s"), true
		}
	}
	if !changed {
		return 0
	}
	return d.titleAtExact(singular) // "Prime Ministers"
}

// postAdjective reports whether the language puts its adjectives (and
// demonyms) after the noun (fr, es, it, pt): "le groupe chinois".
func (d *langData) postAdjective() bool {
	if d.lex == nil {
		return false
	}
	switch d.lex.Lang() {
	case "fr", "es", "it", "pt":
		return true
	}
	return false
}

// titleValue returns a plural title phrase in the singular, its first word
// or else all its words ("chercheurs" → "chercheur", "juges d'instruction"
// → "juge d'instruction", "Prime Ministers" → "Prime Minister"), any other
// phrase as written.
func (d *langData) titleValue(title string) string {
	first, rest, _ := strings.Cut(title, " ")
	words := strings.Fields(title)
	if len(words) == 0 || d.titleAtExact(words) > 0 || d.titleAt(words) == 0 {
		return title
	}
	if w := strings.TrimSuffix(first, "s"); w != first && d.titleAtExact(append([]string{w}, words[1:]...)) > 0 {
		if rest == "" {
			return w
		}
		return w + " " + rest
	}
	for i, w := range words {
		if len(w) >= 4 {
			words[i] = strings.TrimSuffix(w, "s")
		}
	}
	return strings.Join(words, " ")
}

// titleAtExact is titleAt for the words as written.
func (d *langData) titleAtExact(texts []string) int {
	n := d.lex.TitleAt(texts)
	if len(texts) == 0 || d.maxTitle == 0 {
		return n
	}
	var buf [128]byte
	b := lexicon.AppendFold(buf[:0], texts[0])
	first := b
	if sp := bytes.IndexByte(b, ' '); sp >= 0 {
		first = b[:sp]
	}
	if !d.titleFirst[string(first)] || len(b) == 0 {
		return n
	}
	words := 0
	for i, t := range texts {
		k := b
		if i > 0 {
			prev := len(b)
			b = append(b, ' ')
			at := len(b)
			b = lexicon.AppendFold(b, t)
			if len(b) == at {
				b = b[:prev] // folds to nothing: skipped
				continue
			}
			k = b[at:]
		}
		words += bytes.Count(k, []byte{' '}) + 1
		if words > d.maxTitle {
			break
		}
		if d.titles[string(b)] && i+1 > n {
			n = i + 1
		}
	}
	return n
}

// multiClass is a function entry of several words.
type multiClass struct {
	words []string
	cls   uint32
}

// readData calls fn with the tab-separated fields of every non-comment line.
func readData(path string, fn func([]string) error) error {
	if err := lexicon.ReadTable(dataFS, path, fn); err != nil {
		return fmt.Errorf("relate: %s: %w", path, err)
	}
	return nil
}

// vocabEntry is the folded key of a word as written, its classes and, for
// a word of ASCII lower-case letters, whether it may start a demonym or a
// title (startDemonym, startTitle).
type vocabEntry struct {
	key   string
	cls   uint32
	start uint8
}

// Bits of vocabEntry.start.
const (
	startDemonym uint8 = 1 << iota
	startTitle
)

// buildVocab records every word, as written in the data files of dir
// (lower case, typographic apostrophes unified), with its folded key:
// tokens written that way are keyed without folding.
func (d *langData) buildVocab(dir string) {
	d.vocab = map[string]vocabEntry{}
	add := func(entry string) {
		entry = strings.TrimPrefix(entry, "=")
		entry = strings.ReplaceAll(strings.ToLower(entry), "’", "'")
		for _, w := range strings.Fields(entry) {
			// "s'entretenir" is tokenised "s'" + "entretenir".
			for {
				i := strings.IndexByte(w, '\'')
				if i < 0 || i == len(w)-1 {
					break
				}
				k := lexicon.Fold(w[:i+1])
				d.vocab[w[:i+1]] = vocabEntry{key: k, cls: d.classes[k]}
				w = w[i+1:]
			}
			if k := lexicon.Fold(w); k != "" {
				d.vocab[w] = vocabEntry{key: k, cls: d.classes[k]}
			}
		}
	}
	ents, err := fs.ReadDir(dataFS, dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		_ = readData(dir+"/"+e.Name(), func(f []string) error {
			add(f[0])
			return nil
		})
	}
}

// key is the lookup key of a token (its folded form, "" for punctuation)
// and its classes, without folding the words that need none: words
// written as in the data files and words of ASCII lower-case letters.
func (d *langData) key(t text.Token) (string, uint32) {
	k, cls, _, ok := d.quickKey(t)
	if ok {
		return k, cls
	}
	if k = lexicon.Fold(k); k == "" {
		return "", d.classes[t.Text]
	}
	return k, d.classes[k]
}

// quickKey is key for the tokens that need no folding (ok), with the
// vocabulary's start bits of the word (see lexStarts); for the others it
// returns the word to fold (the key is then its folded form, its classes
// those of the key, or of the token's text when the key is "").
func (d *langData) quickKey(t text.Token) (string, uint32, uint8, bool) {
	w := t.Norm
	if w == "" {
		w = t.Text
	}
	if v, ok := d.vocab[w]; ok {
		return v.key, v.cls, v.start, true
	}
	// Words of ASCII lower-case letters are their own folded form; those
	// with classes, or that may start a demonym or a title, are in the
	// vocabulary.
	if asciiLower(w) {
		return w, 0, 0, true
	}
	return w, 0, 0, false
}

// lexStarts reports, from the start bits quickKey returned for token t,
// whether no demonym (noDem) and no title (noTitle) starts at t — without
// looking them up — when its text is a word of ASCII lower-case letters
// (its own folded form) that the vocabulary holds or not.
func (d *langData) lexStarts(t text.Token, start uint8) (noDem, noTitle bool) {
	if t.Norm != "" && t.Norm != t.Text || !asciiLower(t.Text) {
		return false, false
	}
	noDem = start&startDemonym == 0
	noTitle = start&startTitle == 0
	if noTitle && d.lex != nil {
		// Compound and former titles are no first words: "parteichef",
		// "expresidente" (or their plurals).
		w := t.Text
		noTitle = !d.lex.FormerTitle(w) && d.lex.CompoundTitle(w) == ""
		if s := strings.TrimSuffix(w, "s"); noTitle && s != w {
			noTitle = !d.lex.FormerTitle(s) && d.lex.CompoundTitle(s) == ""
		}
	}
	return noDem, noTitle
}

// asciiLower reports whether w is a word of ASCII lower-case letters.
func asciiLower(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
