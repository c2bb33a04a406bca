package resolve

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// Confidence of a nominal mention attached to a person, by the evidence.
const (
	confByAffiliation = 0.9  // the only person the article ties to that country or body
	confByTitle       = 0.8  // the only person the article gives that title
	confByRecency     = 0.55 // the only earlier person of unknown affiliation
)

// phrase is a title phrase: "le président russe", "the Russian leader",
// "le chef du Kremlin", "ministre des affaires étrangères".
type phrase struct {
	field      int
	start, end int // tokens [start, end)
	det        bool
	title      string // folded
	aff        string // ISO alpha-2 country, or "e:<entity>" for another body; "" unknown
}

// fieldInfo indexes a field's named mentions by token.
type fieldInfo struct {
	doc *text.Doc
	// texts: where the folded text (lexicon.Fold) of each token is, in
	// folded or the token's text (text). Offsets rather than strings:
	// nothing for the garbage collector to scan or clear.
	texts  []textAt
	folded string // the folded texts that differ from their tokens'
	// flags of each token and token end (len(texts)+1): tok* bits. One
	// byte a token, rather than an array per property, keeps what is
	// written and read for every token of the article to a few lines.
	flags []uint8
	// startAt[t], endAt[t]: the mention starting at token t, ending at
	// token end t, where flags tell there is one (not cleared).
	startAt, endAt []int32
	// spanCP, spanAt: a code-point offset of doc.Text and its byte offset
	// (where span last started).
	spanCP, spanAt int
	// valid: doc.Text is valid UTF-8 (1), not (-1), not read yet (0).
	valid int8
}

// Flags of a token (fieldInfo.flags).
const (
	tokCovered   = 1 << iota // inside a named mention
	tokTitle                 // a title may start there: not covered, its first word starts a title
	tokDet                   // a determiner
	tokStart                 // a named mention starts there (startAt)
	tokEnd                   // a named mention ends there (endAt; flag of the token end)
	tokNearTitle             // a title may start there or at one of the next four tokens
	tokTitleSoon             // a title may start there or at one of the next three tokens
)

// covered reports whether token t is inside a named mention.
func (fi *fieldInfo) covered(t int) bool { return fi.flags[t]&tokCovered != 0 }

// det reports whether token t is a determiner.
func (fi *fieldInfo) det(t int) bool { return fi.flags[t]&tokDet != 0 }

// titleFirst reports whether a title may start at token t.
func (fi *fieldInfo) titleFirst(t int) bool { return fi.flags[t]&tokTitle != 0 }

// person is what the article says about a PERSON entity.
type person struct {
	affs   []string // a set: each once
	titles []string // a set: each once
	first  [2]int   // field, start of its first mention
	gender gender   // from its first name or an honorific; unknown when they disagree
}

func (pp *person) addAff(aff string) {
	if !slices.Contains(pp.affs, aff) {
		pp.affs = append(pp.affs, aff)
	}
}

func (pp *person) hasAff(aff string) bool { return slices.Contains(pp.affs, aff) }

func validTokens(m *analysis.Mention, doc *text.Doc) bool {
	return m.TokStart >= 0 && m.TokEnd <= len(doc.Tokens) && m.TokStart < m.TokEnd
}

func (s *state) fields() []fieldInfo {
	a := s.a
	sc := s.scratch()
	out := grow(sc.infos, len(a.Fields))
	sc.infos = out
	// The arrays of all fields, in one of each type.
	total := 0
	for f := range a.Fields {
		total += len(a.Fields[f].Doc.Tokens) + 1
	}
	allAt := grow(sc.at, 2*total)
	allFlags := grow(sc.flags, total)
	allTexts := grow(sc.tx, total)
	sc.at, sc.flags, sc.tx = allAt, allFlags, allTexts
	clear(allFlags)
	for f := range a.Fields {
		doc := &a.Fields[f].Doc
		n := len(doc.Tokens) + 1
		out[f] = fieldInfo{doc: doc, startAt: allAt[:n:n], endAt: allAt[n : 2*n : 2*n], flags: allFlags[:n:n], texts: allTexts[: n-1 : n-1]}
		allAt, allFlags, allTexts = allAt[2*n:], allFlags[n:], allTexts[n:]
	}
	for i := range a.Mentions {
		m := &a.Mentions[i]
		if m.Nominal || !named(m.Type) || m.Field < 0 || m.Field >= len(out) || m.Entity < 0 {
			continue
		}
		fi := &out[m.Field]
		if !validTokens(m, fi.doc) {
			continue
		}
		fi.startAt[m.TokStart] = int32(i)
		fi.flags[m.TokStart] |= tokStart
		fi.endAt[m.TokEnd] = int32(i)
		fi.flags[m.TokEnd] |= tokEnd
		for t := m.TokStart; t < m.TokEnd; t++ {
			fi.flags[t] |= tokCovered
		}
	}
	// Every token is folded once, into one string per field (tokens folded
	// already keep their text), hashed as it is folded and looked up in
	// the Bloom filters of the word sets; the few tokens a filter lets
	// through are looked up in the sets once the string is made.
	for f := range out {
		fi := &out[f]
		buf := slices.Grow(sc.buf[:0], len(fi.doc.Text))
		fi.folded, sc.buf, sc.maybe = s.foldTokens(fi, buf, sc.maybe[:0])
		// The tokens let through fold to some text: look it up (by the
		// hash of its fold, its first word's for a token of several).
		for _, mt := range sc.maybe {
			t := mt.tok
			b := fi.text(int(t))
			if fi.flags[t]&tokDet != 0 && !s.w.determiners.hasHashed(b, mt.h) {
				fi.flags[t] &^= tokDet
			}
			if fi.flags[t]&tokTitle != 0 {
				if first := firstWord(b); len(first) < len(b) && !s.w.titleFirst.has(first) ||
					len(first) == len(b) && !s.w.titleFirst.hasHashed(b, mt.h) {
					fi.flags[t] &^= tokTitle
				}
			}
		}
		fi.markNearTitles()
	}
	return out
}

// markNearTitles sets tokNearTitle on the tokens with a title starting
// there or at one of the next four tokens (nextPhrase stops there), and
// tokTitleSoon on those with one there or at one of the next three
// (demonymBeforeTitle reads it).
func (fi *fieldInfo) markNearTitles() {
	flags := fi.flags
	next := len(flags) + 4 // the next token where a title may start (none: out of reach)
	for t := len(flags) - 2; t >= 0; t-- {
		if flags[t]&tokTitle != 0 {
			next = t
		}
		if next <= t+3 {
			flags[t] |= tokNearTitle | tokTitleSoon
		} else if next == t+4 {
			flags[t] |= tokNearTitle
		}
	}
}

// textAt is where the folded text of a token is: bytes [start, end-1)
// of its field's folded texts, its own text for end 0.
type textAt struct{ start, end int32 }

// maybeAt is a token a Bloom filter lets through and the hash of its
// folded form.
type maybeAt struct {
	tok int32
	h   uint64
}

// foldTokens folds and hashes every token of fi once, appending the
// folded forms that differ from the tokens' texts to buf, setting
// fi.texts, and sets the tokDet and tokTitle flags as the Bloom filters of
// the word sets tell them (the tokens they let through, to be looked up
// in the sets, are appended to maybe with their hashes). It returns buf as
// a string, buf and maybe.
func (s *state) foldTokens(fi *fieldInfo, buf []byte, maybe []maybeAt) (string, []byte, []maybeAt) {
	toks := fi.doc.Tokens
	n := len(toks)
	st := tokenFolder{buf: buf, maybe: maybe, flags: fi.flags[:n], texts: fi.texts[:n],
		dets: s.w.determiners, firsts: s.w.titleFirst, either: &s.w.either}
	if s.w.emptyDet {
		st.emptyDet = tokDet
	}
	for t := range toks {
		st.token(t, toks[t].Text)
	}
	return string(st.buf), st.buf, st.maybe
}

// tokenFolder is the state of foldTokens behind one pointer: Go keeps no
// register across a call, and the loop over the tokens then reloads only
// that pointer around each token's call rather than every slice.
type tokenFolder struct {
	buf          []byte
	maybe        []maybeAt
	flags        []uint8
	texts        []textAt
	dets, firsts *wordSet
	either       *wordSet
	emptyDet     uint8 // the flag of a token that folds to nothing
}

// token folds and hashes token t of text text (see foldTokens).
func (st *tokenFolder) token(t int, text string) {
	var spaced bool
	size := len(text)
	// foldHashToken(st.buf, text), inlined: most tokens are hashed by
	// hashASCII without a call, and those of small letters and digits,
	// the most common, keep their text without touching buf.
	h, changed, ok := hashASCII(text)
	if ok && !changed {
		st.texts[t] = textAt{} // its own text
	} else {
		at := len(st.buf)
		buf := st.buf
		same := false
		if !ok {
			buf, same, spaced, h = foldHashOther(buf, text)
		} else {
			for j := 0; j < len(text); j++ {
				buf = append(buf, asciiFold[text[j]])
			}
		}
		if same {
			buf = buf[:at]
			st.texts[t] = textAt{}
		} else {
			size = len(buf) - at
			st.texts[t] = textAt{start: int32(at), end: int32(len(buf)) + 1}
		}
		st.buf = buf
	}
	if size == 0 {
		st.flags[t] |= st.emptyDet
		return
	}
	// Maybe (checked by the caller): one hash for both sets, and
	// most tokens in neither (either's filter) after two reads.
	// The three filters have one size: the positions are read once.
	h1, h2 := st.either.bloomPos(h)
	if !spaced && !st.either.bloomHasPos(h1, h2) {
		return
	}
	f := st.flags[t]
	if st.dets.bloomHasPos(h1, h2) {
		f |= tokDet
	}
	// A token of several words is looked up by its first.
	if f&tokCovered == 0 && (spaced || st.firsts.bloomHasPos(h1, h2)) {
		f |= tokTitle
	}
	if f&(tokDet|tokTitle) != 0 {
		st.flags[t] = f
		st.maybe = append(st.maybe, maybeAt{tok: int32(t), h: h})
	}
}

// text is the folded text of token t (lexicon.Fold).
func (fi *fieldInfo) text(t int) string {
	if x := fi.texts[t]; x.end > 0 {
		return fi.folded[x.start : x.end-1]
	}
	return fi.doc.Tokens[t].Text
}

// nextPhrase returns the first token from i where detect may find a
// phrase, len(tokens) if none: a named mention starts there, or a token
// outside the named mentions is a determiner or has a title starting at
// one of the next five tokens (without one of these, no phrase starts
// there). detect would find nothing at the tokens it passes over.
func (fi *fieldInfo) nextPhrase(i int) int {
	n := len(fi.texts)
	flags := fi.flags[:n]
	for ; i < n; i++ {
		if f := flags[i]; f&tokStart != 0 || f&tokCovered == 0 && f&(tokDet|tokNearTitle) != 0 {
			return i
		}
	}
	return n
}

// starts returns the named mention starting at token t.
func (fi *fieldInfo) starts(t int) (int, bool) {
	if t < 0 || t >= len(fi.texts) || fi.flags[t]&tokStart == 0 {
		return 0, false
	}
	return int(fi.startAt[t]), true
}

// ends returns the named mention ending at token end t.
func (fi *fieldInfo) ends(t int) (int, bool) {
	if t < 0 || t >= len(fi.flags) || fi.flags[t]&tokEnd == 0 {
		return 0, false
	}
	return int(fi.endAt[t]), true
}

// foldHashToken is appendFoldToken, that also reports whether the folded
// form has several words and returns its FNV-1a hash. Words of ASCII
// letters and digits, the most common, are folded and hashed in one loop
// (hashASCII) without a branch on each byte's class, and lower-case ones
// without a copy.
func foldHashToken(dst []byte, t string) (out []byte, same, spaced bool, h uint64) {
	h, changed, ok := hashASCII(t)
	if !ok {
		return foldHashOther(dst, t)
	}
	if !changed {
		return dst, true, false, h
	}
	for j := 0; j < len(t); j++ {
		dst = append(dst, asciiFold[t[j]])
	}
	return dst, false, false, h
}

// hashASCII returns the FNV-1a hash of lexicon.Fold(t) for a word of ASCII
// letters and digits, and whether a capital was folded; ok is false for
// any other token. Small enough to be inlined in the loop over tokens.
func hashASCII(t string) (h uint64, changed, ok bool) {
	h = fnvOffset
	var diff byte
	for j := 0; j < len(t); j++ {
		c := asciiFold[t[j]]
		if c == 0 {
			return 0, false, false
		}
		diff |= c ^ t[j]
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h, diff != 0, true
}

// foldHashOther is foldHashToken of a token with a byte other than an
// ASCII letter or digit: a punctuation mark, a word with accents or
// inner punctuation.
func foldHashOther(dst []byte, t string) (out []byte, same, spaced bool, h uint64) {
	if len(t) == 1 && t[0] < utf8.RuneSelf {
		return dst, false, false, fnvOffset // punctuation folds to nothing
	}
	start := len(dst)
	var ok bool
	if dst, h, spaced, ok = foldLatinHash(dst, t); ok {
		return dst, string(dst[start:]) == t, spaced, h
	}
	dst = lexicon.AppendFold(dst, t)
	h = fnvOffset
	for _, c := range dst[start:] {
		h = (h ^ uint64(c)) * fnvPrime
		spaced = spaced || c == ' '
	}
	return dst, string(dst[start:]) == t, spaced, h
}

// appendFoldToken appends lexicon.Fold(t) to dst, and reports whether
// that is t itself.
func appendFoldToken(dst []byte, t string) ([]byte, bool) {
	start := len(dst)
	dst, same, _, _ := foldHashToken(dst, t)
	if same && len(dst) == start {
		dst = append(dst, t...) // hashed in place
	}
	return dst, same
}

// span is the text of code points [start, end) of the field, "" when out
// of range; invalid UTF-8 reads as U+FFFD, as in string([]rune(text)).
// Spans are read in text order: each walk starts where the previous one
// started, when it can.
func (fi *fieldInfo) span(start, end int) string {
	if start < 0 || start >= end {
		return ""
	}
	text := fi.doc.Text
	if fi.valid == 0 {
		fi.valid = -1
		if utf8.ValidString(text) {
			fi.valid = 1
		}
	}
	walk := byteOffset
	if fi.valid > 0 {
		walk = byteOffsetValid
	}
	n, i := 0, 0
	if start >= fi.spanCP {
		n, i = fi.spanCP, fi.spanAt
	}
	if i, n = walk(text, i, n, start); n < start {
		return "" // the text ends before start
	}
	from := i
	fi.spanCP, fi.spanAt = n, i
	if i, n = walk(text, i, n, end); n < end {
		return ""
	}
	if fi.valid > 0 {
		return text[from:i]
	}
	return validSpan(text[from:i])
}

func validSpan(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}

func apostrophe(t string) bool { return t == "'" || t == "’" }

// detect reads a title phrase starting at token i of field f.
func (s *state) detect(fi *fieldInfo, f, i int) (phrase, bool) {
	toks := fi.doc.Tokens
	p := phrase{field: f, start: i}
	j := i
	if fi.det(i) {
		p.det = true
		j++
		for j < len(toks) && apostrophe(toks[j].Text) {
			j++
		}
	}
	if j >= len(toks) {
		return p, false
	}
	if mi, ok := fi.starts(j); ok {
		return s.detectNamed(fi, p, mi)
	}
	if fi.covered(j) {
		return p, false
	}
	// Demonym then title: "the Russian leader", "Russian President".
	if dn, iso := s.demonymBeforeTitle(fi, j); dn > 0 && j+dn < len(toks) && !fi.covered(j+dn) {
		if n := s.titleAt(fi, j+dn); n > 0 {
			p.end = j + dn + n
			p.title = s.foldSpan(fi, j+dn, p.end)
			p.aff = iso
			return p, true
		}
	}
	n := s.titleAt(fi, j)
	head := false
	if n == 0 && p.det && s.w.heads.has(fi.text(j)) {
		n, head = 1, true
	}
	if n == 0 {
		return p, false
	}
	for t := j; t < j+n; t++ {
		if fi.covered(t) {
			return p, false
		}
	}
	k := j + n
	p.title = s.foldSpan(fi, j, k)
	p.end = k
	if dn, iso := s.demonymAt(fi, k); dn > 0 {
		p.end, p.aff = k+dn, iso
		return p, !head
	}
	// "chef du Kremlin", "président de la Russie", "CEO of Acme".
	if k < len(toks) && s.w.of.has(fi.text(k)) {
		x := k + 1
		for x < len(toks) && (apostrophe(toks[x].Text) || fi.det(x) && !fi.covered(x)) {
			x++
		}
		if mi, ok := fi.starts(x); ok && x < len(toks) {
			m := &s.a.Mentions[mi]
			if aff := s.affiliation(m.Entity); aff != "" {
				p.end, p.aff = m.TokEnd, aff
				return p, true
			}
		}
	}
	return p, !head
}

// detectNamed reads a title after a name that stands for a country or a
// body: "the Kremlin leader", "Germany's chancellor", "Kremlin spokesman".
func (s *state) detectNamed(fi *fieldInfo, p phrase, mi int) (phrase, bool) {
	toks := fi.doc.Tokens
	m := &s.a.Mentions[mi]
	k := m.TokEnd
	// Saxon genitive: "'s" as one token or two.
	if k < len(toks) && apostrophe(toks[k].Text) {
		k++
	}
	if k < len(toks) && fi.text(k) == "s" && !toks[k].SpaceBefore {
		k++
		p.det = true // "Germany's chancellor" designates like "the chancellor"
	}
	if k >= len(toks) || fi.covered(k) {
		return p, false
	}
	n := s.titleAt(fi, k)
	if n == 0 {
		return p, false
	}
	for t := k; t < k+n; t++ {
		if fi.covered(t) {
			return p, false
		}
	}
	// The affiliation (a lookup in the lexicon and the gazetteer) is only
	// read for a name a title follows: most names have none.
	aff := s.affiliation(m.Entity)
	if aff == "" {
		return p, false
	}
	p.end = k + n
	p.title = s.foldSpan(fi, k, p.end)
	p.aff = aff
	return p, true
}

// foldSpan is the folded text of tokens [start, end).
func (s *state) foldSpan(fi *fieldInfo, start, end int) string {
	one, n := "", 0 // the one non-empty text, the number of them
	for i := start; i < end && n < 2; i++ {
		if t := fi.text(i); t != "" {
			one, n = t, n+1
		}
	}
	if n < 2 {
		return one
	}
	var b strings.Builder
	for i := start; i < end; i++ {
		t := fi.text(i)
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

// titleAt is the number of tokens of the longest title starting at token
// k (lexicon.TitleAt of the tokens from k), 0 at once for a token no title
// starts with. Tokens that fold to nothing are skipped inside a title.
func (s *state) titleAt(fi *fieldInfo, k int) int {
	if k >= len(fi.texts) || !fi.titleFirst(k) {
		return 0
	}
	// lexicon.TitleAtFolded of the folded texts from k, in the folded
	// word sets: the longest title, else a compound or former title of
	// one token.
	n := s.longestTitle(fi, k)
	if n == 0 {
		if first := fi.text(k); s.lex.CompoundTitle(first) != "" || s.lex.FormerTitle(first) {
			n = 1
		}
	}
	return n
}

// longestTitle is the number of tokens of the longest title starting at
// token k (whose first word starts a title), 0 if none: the words of the
// tokens from k (tokens that fold to nothing skipped), joined by spaces
// and hashed as they are joined, are looked up in the titles until no
// title starts with them.
func (s *state) longestTitle(fi *fieldInfo, k int) int {
	var kb [128]byte
	first := fi.text(k)
	b := append(kb[:0], first...)
	h := fnvAppend(fnvOffset, first)
	n := 0
	for i := k; i < len(fi.texts); i++ {
		if i > k {
			t := fi.text(i)
			if t == "" {
				continue // folds to nothing: skipped
			}
			b = append(append(b, ' '), t...)
			h = fnvAppend((h^' ')*fnvPrime, t)
		}
		v := s.w.titleWords.valueBytes(b, h)
		if v&isTitle != 0 {
			n = i - k + 1
		}
		if v&isTitlePrefix == 0 {
			break // no title starts with b and a space
		}
	}
	return n
}

// demonymBeforeTitle is demonymAt(fi, k) where a title could follow the
// demonym: 0 at once when no title can start in the 4 tokens after k (a
// demonym is at most 4 tokens).
func (s *state) demonymBeforeTitle(fi *fieldInfo, k int) (int, string) {
	if k+1 < len(fi.texts) && fi.flags[k+1]&tokTitleSoon != 0 {
		return s.demonymAt(fi, k)
	}
	return 0, ""
}

// demonymAt returns the number of tokens of a demonym starting at token k
// ("russe", "nord - coréen", "North Korean") and its country code.
func (s *state) demonymAt(fi *fieldInfo, k int) (int, string) {
	if k >= len(fi.texts) || fi.covered(k) || !s.demonymFirst(fi.text(k)) {
		return 0, ""
	}
	var texts [4]string
	end := min(len(fi.texts), k+4)
	for i := k; i < end; i++ {
		texts[i-k] = fi.text(i)
	}
	n, _, iso := s.lex.DemonymAt(texts[:end-k])
	return n, iso
}

// demonymFirst reports whether a demonym may start with a token of this
// folded text: false only when lexicon.DemonymAt would find no demonym
// starting with its first word (a text folded already and ASCII, which
// DemonymAt's fold keeps as it is, whose first word starts no demonym).
func (s *state) demonymFirst(folded string) bool {
	for i := 0; i < len(folded); i++ {
		if folded[i] >= utf8.RuneSelf {
			return true // left to DemonymAt, that folds it again
		}
	}
	return folded != "" && s.w.demFirst.has(firstWord(folded))
}

// affiliation is the key of what an entity stands for as the body a title
// belongs to: its country code for a country or a seat of power
// ("Kremlin" → RU), else "e:<index>".
func (s *state) affiliation(e int) string {
	a := s.a
	if e < 0 || e >= len(a.Entities) {
		return ""
	}
	// Entities and their names do not change while nominals are read:
	// each is looked up once.
	if len(s.affs) != len(a.Entities) {
		sc := s.scratch()
		s.affs, s.affDone = grow(sc.affs, len(a.Entities)), grow(sc.affDone, len(a.Entities))
		clear(s.affs)
		clear(s.affDone)
		sc.affs, sc.affDone = s.affs, s.affDone
	}
	if !s.affDone[e] {
		s.affs[e], s.affDone[e] = s.lookupAffiliation(e), true
	}
	return s.affs[e]
}

func (s *state) lookupAffiliation(e int) string {
	ent := &s.a.Entities[e]
	// The name is folded once for both lookups (Seat and place would each
	// fold it; a folded name is not folded again: Fold is not idempotent).
	var kb [64]byte
	k := lexicon.AppendFold(kb[:0], ent.Name)
	if iso, ok := s.lex.SeatFolded(string(k)); ok {
		return iso
	}
	if ent.Type == Location {
		p := s.placeOfKey(k, ent.Name)
		if p.country {
			return p.iso
		}
		if iso, ok := s.r.gaz.CountryOf(p.cands); ok {
			return iso
		}
	}
	if ent.Type == Person {
		return ""
	}
	if e < len(entityKeys) {
		return entityKeys[e]
	}
	return "e:" + strconv.Itoa(e)
}

// entityKeys are the affiliation keys of the first entities, "e:0"…
var entityKeys = func() [64]string {
	var k [64]string
	for e := range k {
		k[e] = "e:" + strconv.Itoa(e)
	}
	return k
}()

// predicative reports whether the word before token i is a copula or a
// verb of becoming (copulas.txt): "Starmer will become Britain's prime
// minister" says what he becomes, it does not name the prime minister of
// the article (Sunak).
func (s *state) predicative(fi *fieldInfo, i int) bool {
	return i > 0 && s.lex.Has("copulas", fi.doc.Tokens[i-1].Text)
}

// attachNominals reads title phrases: one in apposition to a person's name
// ("le président russe, Vladimir Poutine", "Sergueï Lavrov, ministre…")
// tells that person's title and affiliation; one standing alone with a
// determiner ("le président russe est arrivé") becomes a nominal mention of
// the one person it can designate in the article, if there is exactly one.
func (s *state) attachNominals() {
	a := s.a
	if s.lex == nil {
		return
	}
	n := 0
	for e := range a.Entities {
		if a.Entities[e].Type == Person {
			n++
		}
	}
	if n == 0 {
		return
	}
	// people[e] is PERSON entity e's, nil for other entities; the
	// people and their sets are the scratch's, emptied.
	sc := s.scratch()
	people := grow(sc.people, len(a.Entities))
	clear(people)
	all := grow(sc.persons, n)
	sc.people, sc.persons = people, all
	n = 0
	for e := range a.Entities {
		if a.Entities[e].Type != Person {
			continue
		}
		p := &all[n]
		n++
		*p = person{affs: p.affs[:0], titles: p.titles[:0], first: [2]int{1 << 30, 0}}
		for _, mi := range a.Entities[e].Mentions {
			m := &a.Mentions[mi]
			if pos := [2]int{m.Field, m.Start}; before(pos, p.first) {
				p.first = pos
			}
		}
		p.gender = s.personGender(e)
		people[e] = p
	}
	infos := s.fields()
	var loose []phrase
	for f := range infos {
		fi := &infos[f]
		toks := fi.doc.Tokens
		for i := fi.nextPhrase(0); i < len(toks); {
			p, ok := s.detect(fi, f, i)
			if !ok {
				i = fi.nextPhrase(i + 1)
				continue
			}
			if e, ok := s.apposition(fi, p); ok {
				if pp := personOf(people, e); pp != nil {
					s.addTitle(pp, p.title)
					if p.aff != "" {
						pp.addAff(p.aff)
					}
				}
			} else if p.det && !s.predicative(fi, p.start) {
				loose = append(loose, p)
			}
			i = fi.nextPhrase(p.end)
		}
	}
	// mentioned: the affiliations of the article's places, read when a
	// phrase needs them.
	var affs []string
	done := false
	mentioned := func(aff string) bool {
		if !done {
			done = true
			for e := range a.Entities {
				if a.Entities[e].Type == Location {
					if aff := s.affiliation(e); aff != "" {
						affs = append(affs, aff)
					}
				}
			}
		}
		return slices.Contains(affs, aff)
	}
	for _, p := range loose {
		e, conf := s.referent(p, people, mentioned)
		if e < 0 {
			continue
		}
		s.addNominal(&infos[p.field], p, e, conf)
		s.addTitle(people[e], p.title)
		if p.aff != "" {
			people[e].addAff(p.aff)
		}
	}
}

// addTitle records a person's title, and the office it names when the
// lexicon groups titles ("chef de l'État" and "président de la République"
// are one office).
func (s *state) addTitle(pp *person, title string) {
	if !slices.Contains(pp.titles, title) {
		pp.titles = append(pp.titles, title)
	}
	if g := s.titleGroup(title); g != "" && !slices.Contains(pp.titles, g) {
		pp.titles = append(pp.titles, g)
	}
}

// titleGroup is the key of the office a title names ("g:" and the first
// value of its row of the lexicon's title-groups table), "" for none.
func (s *state) titleGroup(title string) string {
	if len(s.w.titleGroups) == 0 {
		return ""
	}
	var buf [64]byte
	return s.w.titleGroups[string(lexicon.AppendFold(buf[:0], title))]
}

// personOf is people[e], nil for an entity out of range.
func personOf(people []*person, e int) *person {
	if e < 0 || e >= len(people) {
		return nil
	}
	return people[e]
}

func before(x, y [2]int) bool { return x[0] < y[0] || x[0] == y[0] && x[1] < y[1] }

// apposition returns the person entity a phrase stands in apposition to.
func (s *state) apposition(fi *fieldInfo, p phrase) (int, bool) {
	toks := fi.doc.Tokens
	q := p.end
	if q < len(toks) && toks[q].Text == "," {
		q++
	}
	if mi, ok := fi.starts(q); ok && s.a.Mentions[mi].Type == Person {
		return s.a.Mentions[mi].Entity, true
	}
	// One lower-case word the title lacks before the comma: "le Premier
	// ministre démissionnaire, Gabriel Attal", a demonym the lexicon
	// does not know.
	if q = p.end; q+2 < len(toks) && toks[q+1].Text == "," && !fi.covered(q) && lowerWord(toks[q].Text) &&
		!s.w.of.has(fi.text(q)) && !s.w.stopwords.has(fi.text(q)) {
		if mi, ok := fi.starts(q + 2); ok && s.a.Mentions[mi].Type == Person {
			return s.a.Mentions[mi].Entity, true
		}
	}
	if e, ok := s.appositionAfterBody(fi, p.end); ok {
		return e, true
	}
	q = p.start
	if q > 0 && toks[q-1].Text == "," {
		q--
	}
	if mi, ok := fi.ends(q); ok && s.a.Mentions[mi].Type == Person {
		return s.a.Mentions[mi].Entity, true
	}
	return -1, false
}

// maxTitleBody bounds how many tokens may name the body a title's holder
// heads between the title and the comma before the holder's name.
const maxTitleBody = 8

// appositionAfterBody returns the person entity whose name follows, over a
// comma, the body a title phrase ending at token q goes on to name: "le
// président-directeur général du groupe SNCF, Jean-Pierre Farandou", "el
// presidente de la Autoridad Nacional Palestina (ANP), Mahmud Abás". The
// body opens with a link word ("du", "de", "della"), after at most one
// lower-case word, and holds no other person, quotation mark or sentence
// punctuation.
func (s *state) appositionAfterBody(fi *fieldInfo, q int) (int, bool) {
	toks := fi.doc.Tokens
	link := func(t int) bool {
		return t < len(toks) && !fi.covered(t) && (s.w.of.has(fi.text(t)) || s.w.stopwords.has(fi.text(t)))
	}
	if q < len(toks) && !fi.covered(q) && !link(q) && lowerWord(toks[q].Text) {
		q++ // an adjective the title lacks: "il direttore tecnico della Juventus, Cristiano Giuntoli"
	}
	if !link(q) {
		return -1, false
	}
	for t := q + 1; t < len(toks) && t <= q+maxTitleBody; t++ {
		if mi, ok := fi.starts(t); ok && s.a.Mentions[mi].Type == Person {
			return -1, false
		}
		switch toks[t].Text {
		case ",":
			if mi, ok := fi.starts(t + 1); ok && s.a.Mentions[mi].Type == Person {
				return s.a.Mentions[mi].Entity, true
			}
			return -1, false
		case ".", ";", ":", "!", "?", "«", "»", "\"", "“", "”", "—", "–":
			return -1, false
		}
	}
	return -1, false
}

// referent picks the person a loose title phrase designates, -1 if the
// article leaves it ambiguous.
func (s *state) referent(p phrase, people []*person, mentioned func(aff string) bool) (int, float64) {
	pos := [2]int{p.field, s.a.Fields[p.field].Doc.Tokens[p.start].Start}
	// hasTitle reports whether a person holds the phrase's title, or
	// another title of the same office (looked up once for all people).
	g, gDone := "", false
	hasTitle := func(pp *person) bool {
		if slices.Contains(pp.titles, p.title) {
			return true
		}
		if !gDone {
			g, gDone = s.titleGroup(p.title), true
		}
		return g != "" && slices.Contains(pp.titles, g)
	}
	// A determiner that tells the title's gender rules out the people of
	// the other ("la directrice générale" is no Gérald).
	pg := genderUnknown
	if p.det {
		pg = determinerGender(s.a.Lang, lexicon.Fold(s.a.Fields[p.field].Doc.Tokens[p.start].Text))
	}
	only := func(keep func(*person) bool) int {
		found := -1
		for e, pp := range people {
			if pp != nil && (pg == genderUnknown || pp.gender == genderUnknown || pp.gender == pg) && keep(pp) {
				if found >= 0 {
					return -2
				}
				found = e
			}
		}
		return found
	}
	if p.aff != "" {
		e := only(func(pp *person) bool { return pp.hasAff(p.aff) })
		if e == -2 {
			e = only(func(pp *person) bool { return pp.hasAff(p.aff) && hasTitle(pp) })
		}
		if e >= 0 {
			return e, confByAffiliation
		}
		if e != -1 {
			return -1, 0
		}
		// Nobody is tied to that body: the one person with that title and
		// no other affiliation ("la présidente de la BCE" after "sa
		// présidente, Christine Lagarde").
		e = only(func(pp *person) bool { return hasTitle(pp) && len(pp.affs) == 0 })
		if e >= 0 {
			return e, confByTitle
		}
		if e == -1 && mentioned(p.aff) {
			e = only(func(pp *person) bool { return len(pp.affs) == 0 && before(pp.first, pos) })
			if e >= 0 {
				return e, confByRecency
			}
		}
		return -1, 0
	}
	if e := only(func(pp *person) bool { return hasTitle(pp) }); e >= 0 {
		return e, confByTitle
	}
	return -1, 0
}

func (s *state) addNominal(fi *fieldInfo, p phrase, e int, conf float64) {
	a := s.a
	toks := fi.doc.Tokens
	start, end := toks[p.start].Start, toks[p.end-1].End
	for i := range a.Mentions {
		if m := &a.Mentions[i]; m.Field == p.field && m.Start == start && m.End == end {
			// Already there (a second Resolve of the same analysis).
			if m.Nominal && m.Entity < 0 {
				m.Entity, m.Confidence, m.Type = e, conf, a.Entities[e].Type
				a.Entities[e].Mentions = append(a.Entities[e].Mentions, i)
			}
			return
		}
	}
	sent := 0
	for k, st := range fi.doc.Sentences {
		if p.start >= st.First && p.start < st.Last {
			sent = k
			break
		}
	}
	a.Mentions = append(a.Mentions, analysis.Mention{
		Field: p.field, Sent: sent, TokStart: p.start, TokEnd: p.end, Start: start, End: end,
		Text: fi.span(start, end), Type: a.Entities[e].Type, Confidence: conf, Nominal: true, Entity: e,
	})
	a.Entities[e].Mentions = append(a.Entities[e].Mentions, len(a.Mentions)-1)
}

// lowerWord reports whether w is a word of letters starting in lower case.
func lowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) {
		return false
	}
	for _, c := range w {
		if !unicode.IsLetter(c) {
			return false
		}
	}
	return true
}
