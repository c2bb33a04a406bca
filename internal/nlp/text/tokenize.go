package text

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// Tokenizer segments text of one language into tokens and sentences. Its
// language data (abbreviations, elisions, clitics, exceptions; see
// data/README.md) is parsed once; a Tokenizer is safe for concurrent use and
// reuses its scratch buffers across calls, so that segmenting a text costs
// about two allocations plus one per token whose Norm differs from its Text.
type Tokenizer struct {
	d    *langData
	pool sync.Pool
}

// NewTokenizer returns a Tokenizer for the language code (ISO 639-1, e.g.
// "fr"). A language without its own data uses language-neutral rules.
func NewTokenizer(lang string) *Tokenizer {
	d, ok := languages[lang]
	if !ok {
		d = languages[fallbackLang]
	}
	t := &Tokenizer{d: d}
	t.pool.New = func() any { return new(scratch) }
	return t
}

// Lang returns the code of the language data in use ("xx" for the
// language-neutral fallback).
func (t *Tokenizer) Lang() string { return t.d.code }

// Segment tokenises s and splits it into sentences.
func (t *Tokenizer) Segment(s string) Doc {
	sc := t.pool.Get().(*scratch)
	doc := segment(s, t.d, sc)
	sc.reset()
	t.pool.Put(sc)
	return doc
}

// Tokenize segments s with the data of language lang. Callers segmenting
// many texts should keep a Tokenizer instead, which reuses its buffers.
func Tokenize(s string, lang string) Doc {
	d, ok := languages[lang]
	if !ok {
		d = languages[fallbackLang]
	}
	return segment(s, d, new(scratch))
}

// Token flags used while segmenting.
const (
	flagTerminal = 1 << iota // . ! ? … and runs of them
	flagAbbrev               // keeps its period; ends a sentence before an upper-case word
	flagNoBreak              // keeps its period; never ends a sentence (titles)
	flagInitial              // initial or acronym: ends a sentence only before a listed sentence starter
	flagNameEnd              // keeps its period; closes a name ("Inc."): ends a sentence only before a starter
)

// maxScratch bounds the buffers kept for reuse (in runes).
const maxScratch = 1 << 20

type scratch struct {
	rs    []rune
	off   []int32 // byte offset of each rune, plus len(s)
	toks  []Token
	flags []uint8
	nl    []uint8 // line breaks before each token (capped at 2)
	suf   [][2]int
	sents []Sentence
}

func (sc *scratch) reset() {
	if cap(sc.rs) > maxScratch {
		*sc = scratch{}
		return
	}
	clear(sc.toks) // drop string references
	sc.rs, sc.off, sc.toks = sc.rs[:0], sc.off[:0], sc.toks[:0]
	sc.flags, sc.nl, sc.suf, sc.sents = sc.flags[:0], sc.nl[:0], sc.suf[:0], sc.sents[:0]
}

// seg is the state of one segmentation.
type seg struct {
	s       string
	d       *langData
	sc      *scratch
	rs      []rune
	off     []int32
	n       int
	pending uint8 // line breaks seen since the last token
}

func segment(s string, d *langData, sc *scratch) Doc {
	for i, r := range s {
		sc.rs = append(sc.rs, r)
		sc.off = append(sc.off, int32(i))
	}
	sc.off = append(sc.off, int32(len(s)))
	g := &seg{s: s, d: d, sc: sc, rs: sc.rs, off: sc.off, n: len(sc.rs)}
	g.run()
	doc := Doc{Text: s}
	if len(sc.toks) == 0 {
		return doc
	}
	doc.Tokens = make([]Token, len(sc.toks))
	copy(doc.Tokens, sc.toks)
	for i := range doc.Tokens {
		doc.Tokens[i].Norm = Normalize(doc.Tokens[i].Text)
	}
	g.sentences(doc.Tokens)
	doc.Sentences = make([]Sentence, len(sc.sents))
	copy(doc.Sentences, sc.sents)
	return doc
}

func (g *seg) run() {
	rs, n := g.rs, g.n
	i := 0
	for i < n {
		r := rs[i]
		if isSpaceRune(r) {
			g.lineBreak(r)
			i++
			continue
		}
		j := i + 1
		for j < n && !isSpaceRune(rs[j]) {
			j++
		}
		j = g.mergeNumberGroups(i, j)
		g.chunk(i, j)
		i = j
	}
}

func (g *seg) lineBreak(r rune) {
	switch r {
	case '\n', '\u2028', '\u0085':
		if g.pending < 2 {
			g.pending++
		}
	case '\u2029', '\f', '\v':
		g.pending = 2
	}
}

// mergeNumberGroups extends a chunk ending in 1-3 digits over following
// groups of exactly three digits separated by one (non-breaking) space:
// "1 000 000", "12 500,5".
func (g *seg) mergeNumberGroups(a, b int) int {
	rs, n := g.rs, g.n
	t := b
	for t > a && isDigit(rs[t-1]) {
		t--
	}
	if l := b - t; l < 1 || l > 3 {
		return b
	}
	if t > a && (isWordRune(rs[t-1]) || rs[t-1] == '.' || rs[t-1] == ',') {
		return b
	}
	j := b
	for j+4 <= n && isNumSpace(rs[j]) && isDigit(rs[j+1]) && isDigit(rs[j+2]) && isDigit(rs[j+3]) &&
		(j+4 == n || !isWordRune(rs[j+4])) {
		j += 4
	}
	if j == b {
		return b
	}
	for j < n && !isSpaceRune(rs[j]) {
		j++
	}
	return j
}

// emit appends the token of runes [a, b).
func (g *seg) emit(a, b int, flag uint8) {
	sc := g.sc
	sc.toks = append(sc.toks, Token{
		Text:        g.s[g.off[a]:g.off[b]],
		Start:       a,
		End:         b,
		SpaceBefore: a > 0 && isSpaceRune(g.rs[a-1]),
	})
	if flag == 0 && g.rs[b-1] == '.' && b-a > 1 {
		flag = g.periodFlag(a, b)
	}
	sc.flags = append(sc.flags, flag)
	sc.nl = append(sc.nl, g.pending)
	g.pending = 0
}

// periodFlag classifies a word token ending in a period.
func (g *seg) periodFlag(a, b int) uint8 {
	if f := g.d.periodFlag(g.s[g.off[a]:g.off[b]]); f != 0 {
		return f
	}
	if g.isCapsListed(a, b) {
		return flagNoBreak
	}
	if b-a == 2 || g.isAcronym(a, b) {
		return flagInitial
	}
	return flagAbbrev
}

// chunk segments the white-space-free runes [a, b).
func (g *seg) chunk(a, b int) {
	plain := true
	for i := a; i < b; i++ {
		if !isWordRune(g.rs[i]) {
			plain = false
			break
		}
	}
	if plain {
		g.emit(a, b, 0)
		return
	}
	if g.isURL(a, b) {
		g.url(a, b)
		return
	}
	base := len(g.sc.suf)
	for a < b {
		if g.isException(a, b) {
			g.emit(a, b, 0)
			a = b
			break
		}
		if !isWordRune(g.rs[a]) && !g.keepLeading(a, b) {
			e := g.punctRun(a, b)
			g.emit(a, e, punctFlag(g.rs[a]))
			a = e
			continue
		}
		if !isWordRune(g.rs[b-1]) && !g.keepTrailing(a, b) {
			s := g.punctRunBack(a, b)
			g.sc.suf = append(g.sc.suf, [2]int{s, b})
			b = s
			continue
		}
		break
	}
	if a < b {
		g.infix(a, b)
	}
	for k := len(g.sc.suf) - 1; k >= base; k-- {
		p := g.sc.suf[k]
		g.emit(p[0], p[1], punctFlag(g.rs[p[0]]))
	}
	g.sc.suf = g.sc.suf[:base]
}

func punctFlag(r rune) uint8 {
	if isTerminal(r) {
		return flagTerminal
	}
	return 0
}

// punctRun returns the end of the punctuation run starting at a.
func (g *seg) punctRun(a, b int) int {
	r := g.rs[a]
	e := a + 1
	switch {
	case isTerminal(r):
		for e < b && isTerminal(g.rs[e]) {
			e++
		}
	case groupsRun(r):
		for e < b && g.rs[e] == r {
			e++
		}
	}
	return e
}

// punctRunBack returns the start of the punctuation run ending at b.
func (g *seg) punctRunBack(a, b int) int {
	r := g.rs[b-1]
	s := b - 1
	switch {
	case isTerminal(r):
		for s > a && isTerminal(g.rs[s-1]) {
			s--
		}
	case groupsRun(r):
		for s > a && g.rs[s-1] == r {
			s--
		}
	}
	return s
}

func groupsRun(r rune) bool {
	switch r {
	case '-', '=', '*', '_', '~', '#', '\'', '`':
		return true
	}
	return false
}

func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '。', '؟', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

// wordEnd returns the end of the run of word runes starting at a.
func (g *seg) wordEnd(a, b int) int {
	for a < b && isWordRune(g.rs[a]) {
		a++
	}
	return a
}

// keepLeading reports whether the non-word rune at a stays attached.
func (g *seg) keepLeading(a, b int) bool {
	r := g.rs[a]
	if a+1 >= b {
		return false
	}
	next := g.rs[a+1]
	switch {
	case isApostrophe(r):
		if isDigit(next) { // '90s
			return true
		}
		return g.isClitic(a, g.wordEnd(a+1, b))
	case r == '-' || r == '+' || r == '−':
		if isDigit(next) {
			return true
		}
		if r == '-' && len(g.d.hyphenSuffixes) > 0 {
			_, ok := g.d.hyphenSuffixes[g.s[g.off[a]:g.off[g.wordEnd(a+1, b)]]]
			return ok && g.wordEnd(a+1, b) == b
		}
	case r == '@' || r == '#':
		return isWordRune(next)
	}
	return false
}

// keepTrailing reports whether the non-word rune at b-1 stays attached.
func (g *seg) keepTrailing(a, b int) bool {
	r := g.rs[b-1]
	if b-1 == a || !isWordRune(g.rs[b-2]) {
		return false
	}
	switch {
	case r == '.':
		return g.keepDot(a, b)
	case isApostrophe(r):
		ws := b - 1
		for ws > a && isWordRune(g.rs[ws-1]) {
			ws--
		}
		return g.isElision(ws, b)
	}
	return false
}

// keepDot reports whether the final period of [a, b) belongs to the word:
// listed abbreviations, single-letter initials and dotted acronyms.
func (g *seg) keepDot(a, b int) bool {
	if b-a == 2 && unicode.IsLetter(g.rs[a]) {
		return true
	}
	if b-a <= g.d.maxPeriod*2 {
		// Only the final word: "(etc." has lost its bracket already.
		if g.d.periodFlag(g.s[g.off[a]:g.off[b]]) != 0 || g.isCapsListed(a, b) {
			return true
		}
	}
	return g.isAcronym(a, b)
}

// isCapsListed reports whether [a, b) is the all-caps form of a listed
// word ending in a period ("ST.", "FT.", "MT.") before an all-caps word on
// the same line: the place names of datelines ("ST. LOUIS (AP) —"), which
// keep the period and never end a sentence.
func (g *seg) isCapsListed(a, b int) bool {
	if b-a < 3 || g.rs[b-1] != '.' {
		return false
	}
	var buf [32]byte
	w := buf[:0]
	for i := a; i < b-1; i++ {
		r := g.rs[i]
		if !unicode.IsUpper(r) {
			return false
		}
		if i > a {
			r = unicode.ToLower(r)
		}
		w = utf8.AppendRune(w, r)
	}
	w = append(w, '.')
	if g.d.periodFlag(string(w)) == 0 {
		return false
	}
	j := b
	for j < g.n && (g.rs[j] == ' ' || g.rs[j] == '\u00a0') {
		j++
	}
	if j == b {
		return false
	}
	k := j
	for k < g.n && unicode.IsUpper(g.rs[k]) {
		k++
	}
	return k-j >= 2 && (k == g.n || !unicode.IsLetter(g.rs[k]))
}

// isAcronym reports whether [a, b) is letters in groups of at most three
// separated by periods, one group a single letter, ending with a period:
// "U.S.", "z.B.", "Ph.D.", "m.in.".
func (g *seg) isAcronym(a, b int) bool {
	if g.rs[b-1] != '.' {
		return false
	}
	groups, single, l := 0, false, 0
	for i := a; i < b; i++ {
		r := g.rs[i]
		switch {
		case unicode.IsLetter(r):
			l++
			if l > 3 {
				return false
			}
		case r == '-' && i > a && g.rs[i-1] == '.' && i+1 < b && unicode.IsLetter(g.rs[i+1]):
			// "J.-P."
		case r == '.':
			if l == 0 {
				return false
			}
			if l == 1 {
				single = true
			}
			groups++
			l = 0
		default:
			return false
		}
	}
	return groups >= 2 && single
}

// digitsFrom reports whether runes [a, i) are all digits.
func (g *seg) digitsFrom(a, i int) bool {
	for k := a; k < i; k++ {
		if !isDigit(g.rs[k]) {
			return false
		}
	}
	return a < i
}

// infix splits the core [a, b) of a chunk at inner punctuation, keeping
// joiners (hyphens in words, decimal separators, apostrophes, ...).
func (g *seg) infix(a, b int) {
	rs := g.rs
	if rs[b-1] == '.' && (g.isAcronym(a, b) || g.d.periodFlag(g.s[g.off[a]:g.off[b]]) != 0) {
		// "U.S.", listed "EE.UU."
		g.emit(a, b, 0)
		return
	}
	start := a
	for i := a; i < b; {
		r := rs[i]
		if isWordRune(r) || i == a || i == b-1 || g.joins(i, start, b) {
			i++
			continue
		}
		if isApostrophe(r) && i > start && g.isElision(start, i+1) {
			g.word(start, i+1) // d'"acheter
			i, start = i+1, i+1
			continue
		}
		if i > start {
			g.word(start, i)
		}
		e := g.punctRun(i, b)
		if e == b && e-i > 1 {
			e = b - 1 // the final rune was kept on purpose
		}
		g.emit(i, e, punctFlag(r))
		i, start = e, e
	}
	if start < b {
		g.word(start, b)
	}
}

// joins reports whether the non-word rune at i (a < i < b-1) joins its
// neighbours into one word.
func (g *seg) joins(i, start, b int) bool {
	rs := g.rs
	r, p, n := rs[i], rs[i-1], rs[i+1]
	if isNumSpace(r) {
		return isDigit(p) && isDigit(n)
	}
	if !isWordRune(p) || !isWordRune(n) {
		return false
	}
	switch {
	case isHyphen(r) || r == '–':
		// "Jong-un", "Wisconsin–Madison", "F-16"; not "1939-1945", nor a
		// number before a capitalised word ("UPDATE 2-Zelenskiy meets …")
		// where nouns are written in lower case
		if isDigit(p) && unicode.IsUpper(n) && !g.d.nounCase && i+2 < b && unicode.IsLower(rs[i+2]) && g.digitsFrom(start, i) {
			return false
		}
		return !(isDigit(p) && isDigit(n))
	case r == '.':
		if isDigit(p) && isDigit(n) {
			return true
		}
		if unicode.IsUpper(n) && g.isRIC(start, i, b) {
			return true
		}
		if unicode.IsLower(n) {
			return true
		}
		return i-1 == start || !isWordRune(rs[i-2])
	case r == ',' || r == ':':
		return isDigit(p) && isDigit(n)
	case isApostrophe(r):
		// "aujourd'hui", "O'Neill", "2004's" (clitics split later)
		return unicode.IsLetter(n) && (unicode.IsLetter(p) || isDigit(p) && len(g.d.clitics) > 0)
	case r == '/':
		if isDigit(p) && isDigit(n) {
			return true
		}
		l := 0
		for k := i - 1; k >= start && isWordRune(rs[k]); k-- {
			l++
		}
		e := g.wordEnd(i+1, b)
		return l <= 3 && e-i-1 <= 3 && (e == b || rs[e] != '/')
	case r == '&':
		return unicode.IsUpper(p) && unicode.IsUpper(n)
	case r == '_' || r == '·' || r == '‧':
		return true
	}
	return false
}

// isRIC reports whether [start, b), split by the period at i, is a
// bracketed Reuters instrument code: "(AAPL.O)", "(7203.T)", "(BMWG.DE)".
func (g *seg) isRIC(start, i, b int) bool {
	rs := g.rs
	if start == 0 || rs[start-1] != '(' || b >= g.n || rs[b] != ')' || i-start > 6 || b-i-1 > 2 {
		return false
	}
	for k := start; k < b; k++ {
		if k != i && !unicode.IsUpper(rs[k]) && !isDigit(rs[k]) || k > i && isDigit(rs[k]) {
			return false
		}
	}
	return true
}

// word emits the word [a, b), splitting elisions, clitics and hyphenated
// pronoun suffixes.
func (g *seg) word(a, b int) {
	if g.isException(a, b) {
		g.emit(a, b, 0)
		return
	}
	if len(g.d.elisions) > 0 {
		for {
			k := a
			for k < b && !isApostrophe(g.rs[k]) {
				k++
			}
			if k == a || k >= b || !g.isElision(a, k+1) {
				break
			}
			g.emit(a, k+1, 0)
			a = k + 1
			if a >= b {
				return
			}
			if g.isException(a, b) {
				g.emit(a, b, 0)
				return
			}
		}
	}
	if len(g.d.clitics) > 0 {
		if c := g.cliticSuffix(a, b); c > a {
			g.emit(a, c, 0)
			g.emit(c, b, 0)
			return
		}
	}
	if len(g.d.hyphenSuffixes) > 0 {
		base := len(g.sc.suf)
		for {
			k := b - 1
			for k > a && g.rs[k] != '-' {
				k--
			}
			if k <= a {
				break
			}
			if _, ok := g.d.hyphenSuffixes[g.s[g.off[k]:g.off[b]]]; !ok {
				break
			}
			g.sc.suf = append(g.sc.suf, [2]int{k, b})
			b = k
		}
		g.emit(a, b, 0)
		for k := len(g.sc.suf) - 1; k >= base; k-- {
			g.emit(g.sc.suf[k][0], g.sc.suf[k][1], 0)
		}
		g.sc.suf = g.sc.suf[:base]
		return
	}
	g.emit(a, b, 0)
}

// foldInto writes the lower-cased runes [a, b), apostrophes unified, into
// buf; ok is false when they do not fit.
func (g *seg) foldInto(buf []byte, a, b int) ([]byte, bool) {
	out := buf[:0]
	for i := a; i < b; i++ {
		r := g.rs[i]
		if isApostrophe(r) {
			r = '\''
		} else if r < 0x80 {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r = unicode.ToLower(r)
		}
		if len(out)+4 > cap(out) {
			return out, false
		}
		out = utf8.AppendRune(out, r)
	}
	return out, true
}

func (g *seg) isException(a, b int) bool {
	if len(g.d.exceptions) == 0 || int(g.off[b]-g.off[a]) > g.d.maxException+8 {
		return false
	}
	var buf [96]byte
	k, ok := g.foldInto(buf[:], a, b)
	if !ok {
		return false
	}
	_, ok = g.d.exceptions[string(k)]
	return ok
}

func (g *seg) isElision(a, b int) bool {
	if len(g.d.elisions) == 0 || int(g.off[b]-g.off[a]) > g.d.maxElision+4 {
		return false
	}
	var buf [64]byte
	k, ok := g.foldInto(buf[:], a, b)
	if !ok {
		return false
	}
	_, ok = g.d.elisions[string(k)]
	return ok
}

// isClitic reports whether [a, b) is a listed clitic ("'s").
func (g *seg) isClitic(a, b int) bool {
	if b-a > 4 {
		return false
	}
	var buf [32]byte
	k, ok := g.foldInto(buf[:], a, b)
	if !ok {
		return false
	}
	for _, c := range g.d.clitics {
		if string(k) == c {
			return true
		}
	}
	return false
}

// cliticSuffix returns where a listed clitic ends the word [a, b), or a.
func (g *seg) cliticSuffix(a, b int) int {
	for _, c := range g.d.clitics {
		l := len(c) // clitics are ASCII once folded
		if b-a <= l {
			continue
		}
		if g.isCliticMatch(b-l, b, c) {
			return b - l
		}
	}
	return a
}

func (g *seg) isCliticMatch(a, b int, c string) bool {
	var buf [32]byte
	k, ok := g.foldInto(buf[:], a, b)
	return ok && string(k) == c
}

// isURL reports whether the chunk holds a URL or an e-mail address.
func (g *seg) isURL(a, b int) bool {
	if b-a < 6 {
		return false
	}
	rs := g.rs
	at := -1
	for i := a; i < b; i++ {
		switch rs[i] {
		case ':':
			if i+2 < b && rs[i+1] == '/' && rs[i+2] == '/' && i > a && unicode.IsLetter(rs[i-1]) {
				return true
			}
		case '@':
			at = i
		case 'w', 'W':
			if i+4 <= b && (i == a || !isWordRune(rs[i-1])) &&
				(rs[i+1]|0x20) == 'w' && (rs[i+2]|0x20) == 'w' && rs[i+3] == '.' && i+4 < b && isWordRune(rs[i+4]) {
				return true
			}
		}
	}
	if at > a && isWordRune(rs[at-1]) {
		for i := at + 1; i+1 < b; i++ {
			if rs[i] == '.' && unicode.IsLetter(rs[i+1]) && i > at+1 {
				return true
			}
		}
	}
	return false
}

// url emits a URL or e-mail chunk, splitting off surrounding punctuation.
func (g *seg) url(a, b int) {
	rs := g.rs
	for a < b && isOpener(rs[a]) {
		g.emit(a, a+1, 0)
		a++
	}
	paren := false
	for i := a; i < b; i++ {
		if rs[i] == '(' {
			paren = true
		}
	}
	e := b
	for e > a {
		r := rs[e-1]
		if r == '.' || r == ',' || r == ';' || r == ':' || r == '!' || r == '?' || isCloser(r) && !(r == ')' && paren) {
			e--
			continue
		}
		break
	}
	if e > a {
		g.emit(a, e, 0)
	}
	for i := e; i < b; {
		j := g.punctRun(i, b)
		g.emit(i, j, punctFlag(rs[i]))
		i = j
	}
}

func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '<', '«', '"', '“', '„', '\'', '‘', '‹':
		return true
	}
	return false
}

func isCloser(r rune) bool {
	switch r {
	case ')', ']', '}', '>', '»', '"', '”', '\'', '’', '›':
		return true
	}
	return false
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', 'ʼ', '‘', '`', '´', '‛', 'ʹ':
		return true
	}
	return false
}

func isHyphen(r rune) bool {
	return r == '-' || r == '\u2010' || r == '\u2011'
}

func isDigit(r rune) bool {
	if r < 0x80 {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// isNumSpace reports the spaces that may group digits: "1 000".
func isNumSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u2007'
}

// asciiClass: 1 word, 2 space.
var asciiClass = func() (t [128]uint8) {
	for c := 0; c < 128; c++ {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			t[c] = 1
		case c <= ' ' || c == 0x7f:
			t[c] = 2
		}
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < 0x80 {
		return asciiClass[r] == 1
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\u00ad'
}

func isSpaceRune(r rune) bool {
	if r < 0x80 {
		return asciiClass[r] == 2
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || (r >= 0x80 && r < 0xa0)
}
