package temporal

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// Expr is one temporal or numeric expression found in a text.
type Expr struct {
	// Type is DATE, TIME, MONEY, PERCENT or QUANTITY.
	Type string
	// Start, End are code-point offsets into the text, End exclusive.
	Start, End int
	// Text is the expression as written (the text's code points [Start, End)).
	Text string
	// Value is the normalised value (see the package documentation); empty
	// for a relative date when there is no reference date.
	Value string
	// Confidence in [0,1].
	Confidence float64
}

// Extractor finds temporal and numeric expressions. It is immutable once
// built and safe for concurrent use.
type Extractor struct {
	langs  map[string]*language
	common *language
	// scratch recycles the buffers of a call (*scratch) between calls
	// (safe for concurrent use; holds no state that outlives a call).
	scratch sync.Pool
}

// scratch is the working memory of one call.
type scratch struct {
	toks  []token
	buf   []byte // folded keys
	exprs []Expr // Annotate's expressions, of all fields
	ends  []int  // Annotate: the end in exprs of each field's
	// spans holds, by expression of exprs (Annotate), its first and last
	// token in the scan of its field: they tell roughly where the field
	// Doc's tokens of the expression are.
	spans []tokSpan
	// starts lists the tokens whose key starts patterns (extract).
	starts []int32
	memo   [numSlots]fillMemo // the matcher's (see matcher.memo)
}

// maxPooledTokens bounds the token buffers kept for reuse, so that one
// huge input does not pin its buffer.
const maxPooledTokens = 1 << 14

// maxText bounds the bytes of text Extract reads.
const maxText = 1<<31 - 1

// New builds an Extractor from the data embedded in the package.
func New() (*Extractor, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, fmt.Errorf("temporal: embedded data: %w", err)
	}
	return NewFromFS(sub)
}

// NewFromFS builds an Extractor from a data tree: one folder per language
// (ISO 639-1 code) and a "common" folder loaded under every language and
// used alone for languages without a folder.
func NewFromFS(fsys fs.FS) (*Extractor, error) {
	dirs, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("temporal: reading data: %w", err)
	}
	x := &Extractor{langs: map[string]*language{}}
	build := func(code string) (*language, error) {
		l := newLanguage(code)
		if _, err := fs.Stat(fsys, commonDir); err == nil {
			if err := l.load(fsys, commonDir); err != nil {
				return nil, err
			}
		}
		if code != "" {
			if err := l.load(fsys, code); err != nil {
				return nil, err
			}
		}
		l.finish()
		return l, nil
	}
	if x.common, err = build(""); err != nil {
		return nil, err
	}
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == commonDir {
			continue
		}
		l, err := build(d.Name())
		if err != nil {
			return nil, err
		}
		x.langs[d.Name()] = l
	}
	return x, nil
}

// Languages lists the languages with their own data, sorted.
func (x *Extractor) Languages() []string {
	out := make([]string, 0, len(x.langs))
	for k := range x.langs {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (x *Extractor) language(code string) *language {
	code = strings.ToLower(code)
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	if l, ok := x.langs[code]; ok {
		return l
	}
	return x.common
}

// Extract returns the expressions of s in text order, without overlaps.
// lang is an ISO 639-1 code ("fr", "en-GB"); ref anchors relative dates
// (the article's publication time; zero when unknown).
func (x *Extractor) Extract(s string, lang string, ref time.Time) []Expr {
	sc := x.getScratch()
	defer x.putScratch(sc)
	return x.extract(sc, s, lang, ref, nil, nil)
}

func (x *Extractor) getScratch() *scratch {
	if sc, ok := x.scratch.Get().(*scratch); ok {
		return sc
	}
	return &scratch{}
}

func (x *Extractor) putScratch(sc *scratch) {
	if cap(sc.toks) > maxPooledTokens || cap(sc.buf) > 16*maxPooledTokens || cap(sc.exprs) > maxPooledTokens ||
		cap(sc.starts) > maxPooledTokens || cap(sc.spans) > maxPooledTokens {
		return
	}
	// Drop the strings they hold. The entries past len were cleared when
	// the buffer was put back before.
	clear(sc.exprs)
	sc.exprs = sc.exprs[:0]
	x.scratch.Put(sc)
}

// tokSpan is the first and last token of an expression in the scan of its
// text.
type tokSpan struct{ first, last int32 }

// extract appends the expressions of s to out, and their token spans to
// *spans unless it is nil.
func (x *Extractor) extract(sc *scratch, s string, lang string, ref time.Time, out []Expr, spans *[]tokSpan) []Expr {
	if len(s) > maxText {
		s = s[:maxText] // offsets are 32-bit; no article comes near
	}
	l := x.language(lang)
	toks, keys, buf := scanBuf(s, sc.toks, sc.buf)
	toks = mergeNumbers(s, toks, &l.f)
	sc.toks, sc.buf = toks, buf
	// The tokens that start patterns (a start list), the few the matcher
	// tries, are listed as their records are read.
	vx := &l.vindex
	starts := sc.starts[:0]
	numID := l.numID
	for k := range toks {
		t := &toks[k]
		// The id of its key in the vocabulary, else numID for a number,
		// else 0; one-byte keys, a third of a text, by the ASCII table.
		var id int32
		if key := t.key(keys); len(key) == 1 && key[0] < utf8.RuneSelf {
			id = vx.ascii[key[0]]
		} else {
			id = vx.id(key)
		}
		if id == 0 && t.kind == kNum {
			id = numID
		}
		t.id = id
		if id == 0 {
			continue // in no word list, starts nothing (t.lex is 0)
		}
		r := &vx.recs[id]
		t.lex = r.lex
		if r.sl.n != 0 {
			starts = append(starts, int32(k))
		}
	}
	sc.starts = starts
	for k := range sc.memo {
		sc.memo[k].at = 0
	}
	m := matcher{l: l, src: s, toks: toks, keys: keys, ref: newRef(ref), memo: &sc.memo}
	begin := caps{first: -1, hh: -1, mm: -1}
	for i, si := 0, 0; si < len(starts); si++ {
		if int(starts[si]) < i {
			continue // inside the last match
		}
		i = int(starts[si])
		sl := &vx.recs[toks[i].id].sl
		if !sl.fol.pass(vx, toks, i) {
			continue
		}
		cands := l.cands[sl.off : sl.off+uint32(sl.n)]
		m.haveBest = false
		for j := 0; j < len(cands); j++ {
			cd := &cands[j]
			if !cd.st.matched() {
				if m.slotStart(cd.slot, cd.next, i, &begin) { // fill only reads the captures
					if cd.fol.pass(vx, toks, i) {
						c := begin
						m.dfs(&l.pats[cd.st.pat()], 0, i, &c)
					}
				} else {
					j += int(cd.skip)
				}
				continue
			}
			if !m.nextF(cd.next, i+1) {
				j += int(cd.skip)
				continue
			}
			if !cd.fol.pass(vx, toks, i) {
				continue
			}
			p := &l.pats[cd.st.pat()]
			c := begin
			if !p.elems[0].ctx {
				c.mark(i, i)
			}
			m.dfs(p, 1, i+1, &c)
		}
		if !m.haveBest {
			continue
		}
		b := m.best
		if b.typ == "" { // skip
			i = b.last + 1
			continue
		}
		if b.typ == "PERCENT" || b.typ == "QUANTITY" {
			b = signed(toks, keys, b)
		}
		if spans != nil {
			*spans = append(*spans, tokSpan{int32(b.first), int32(b.last)})
		}
		f, e := &toks[b.first], &toks[b.last]
		out = append(out, Expr{
			Type: b.typ, Start: int(f.rs), End: int(e.re), Text: s[f.bs:e.be], Value: b.val, Confidence: b.conf,
		})
		i = b.last + 1
	}
	return out
}

// Annotate runs Extract over every field of a, in a.Lang and anchored at
// a.Published, and appends the expressions to a.Mentions (Entity = -1;
// sentence and token indexes from the field's Doc).
func (x *Extractor) Annotate(a *analysis.Analysis) {
	sc := x.getScratch()
	defer x.putScratch(sc)
	// The expressions of every field first, so that a.Mentions (which
	// holds NER's mentions already) grows once.
	sc.ends = sc.ends[:0]
	sc.spans = sc.spans[:0]
	for fi := range a.Fields {
		sc.exprs = x.extract(sc, a.Fields[fi].Doc.Text, a.Lang, a.Published, sc.exprs, &sc.spans)
		sc.ends = append(sc.ends, len(sc.exprs))
	}
	a.Mentions = slices.Grow(a.Mentions, len(sc.exprs))
	from := 0
	for fi, end := range sc.ends {
		a.Mentions = appendMentions(a.Mentions, fi, &a.Fields[fi].Doc, sc.exprs[from:end], sc.spans[from:end])
		from = end
	}
}

// appendMentions appends the expressions of field fi as mentions; spans
// are their token spans in the scan of the field's text.
func appendMentions(ms []analysis.Mention, fi int, doc *text.Doc, exprs []Expr, spans []tokSpan) []analysis.Mention {
	// The expressions come in text order: each search starts where the
	// previous one ended (a few probes over the doc's tokens, which
	// another stage's work has mostly pushed out of the caches). The doc's
	// tokens are searched first where the scan's tokens put them: the
	// doc's tokenizer splits a text mostly as the scan does, so that the
	// offset between the two, taken at the last expression, mostly still
	// holds, and a search reads a line or two of tokens where a gallop
	// from the last expression read one a probe.
	s0, t0 := 0, 0
	shift := 0 // doc token index less scan token index, at the last expression
	for j, e := range exprs {
		// The sentence is the last one starting at or before e.
		s0 = gallop(s0, len(doc.Sentences), func(k int) bool { return doc.Sentences[k].Start > e.Start })
		sent := s0 - 1
		if sent < 0 {
			sent = 0
		}
		sp := spans[j]
		ts := search(t0, int(sp.first)+shift, len(doc.Tokens), func(k int) bool { return doc.Tokens[k].End > e.Start })
		te := search(ts, ts+int(sp.last-sp.first)+1, len(doc.Tokens), func(k int) bool { return doc.Tokens[k].Start >= e.End })
		t0 = ts
		shift = ts - int(sp.first)
		if te < ts {
			te = ts
		}
		ms = append(ms, analysis.Mention{
			Field: fi, Sent: sent, TokStart: ts, TokEnd: te,
			Start: e.Start, End: e.End, Text: e.Text, Type: e.Type,
			Confidence: e.Confidence, Value: e.Value, Entity: -1,
		})
	}
	return ms
}

// gallop returns the first k in [from, n) where f holds, n when none, for
// f false then true over [0, n) (as sort.Search): exponential steps from
// from, then a binary search in the last step.
func gallop(from, n int, f func(int) bool) int {
	lo, step := from, 1
	hi := lo
	for hi < n && !f(hi) {
		lo = hi + 1
		hi += step
		step *= 2
	}
	if hi > n {
		hi = n
	}
	return lo + sort.Search(hi-lo, func(k int) bool { return f(lo + k) })
}

// search is gallop from a guess g of the result: the first k in [from, n)
// where f holds (n when none), for f false then true over [0, n), found
// by exponential steps from g, forward or back, then a binary search in
// the last step.
func search(from, g, n int, f func(int) bool) int {
	g = min(max(g, from), n)
	if g < n && !f(g) {
		return gallop(g+1, n, f)
	}
	// f holds at hi (or hi = n): step back to a k where it does not.
	hi, step := g, 1
	for hi > from {
		k := max(hi-step, from)
		if !f(k) {
			return k + 1 + sort.Search(hi-k-1, func(i int) bool { return f(k + 1 + i) })
		}
		hi = k
		step *= 2
	}
	return from
}

// signed takes in a sign written before a percentage or a quantity ("-0,5
// %", "+3 %", "−5 °C"): a "-" or "+" glued to the number, after a space,
// an opening parenthesis or the start of the text.
func signed(toks []token, keys keyText, b result) result {
	i := b.first
	if i == 0 || toks[i].space || toks[i].kind != kNum {
		return b
	}
	p := &toks[i-1]
	pk := p.key(keys)
	if pk != "-" && pk != "+" {
		return b
	}
	if i-1 > 0 && !p.space && toks[i-2].key(keys) != "(" {
		return b // "18-25 ans", "5,25 %-5,5 %"
	}
	b.first = i - 1
	if pk == "-" {
		b.val = "-" + b.val
	}
	return b
}
