// Package ner recognises named entities (PERSON, ORGANIZATION, LOCATION,
// MISC) in tokenised sentences with an averaged structured perceptron over
// BILOU labels, decoded by Viterbi under BILOU constraints. Features are
// hashed into a fixed weight table: word, lower case, affixes, shapes,
// neighbours, position and capitalisation context, gazetteer membership
// (distilled into the model file) and distributional word clusters learnt
// from unlabelled text. Models are embedded in the binary (package models)
// and loaded lazily per language.
package ner

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/wirenrich/wirenrich/internal/models"
	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// ErrNoModel is returned by Load for a language without a shipped model.
var ErrNoModel = errors.New("ner: no model for language")

// Span is a recognised entity over tokens [Start, End) of a sentence.
type Span struct {
	Start, End int
	// Type is PERSON, ORGANIZATION, LOCATION or MISC.
	Type       string
	Confidence float64
}

// MaxTokens is the longest sentence tagged as a whole; longer sentences
// are tagged in consecutive windows of this size.
const MaxTokens = 512

// Tagger tags sentences with one model. It is safe for concurrent use.
type Tagger struct {
	m    *Model
	dec  *decoder
	rows *fewRows
	pool sync.Pool
	// cache holds the word vectors of recently seen words (see
	// wordcache.go); bos and eos are those of the sentinels.
	cache    atomic.Pointer[wordCache]
	bos, eos wordEntry
}

// NewTagger returns a tagger for a model. The model must not change
// afterwards: the tagger caches sums of its weights.
func NewTagger(m *Model) *Tagger {
	return newTagger(m, defaultCacheWords)
}

// newTagger returns a tagger whose word cache holds up to words words.
func newTagger(m *Model, words int) *Tagger {
	t := &Tagger{m: m, dec: newDecoder(m.trans), rows: newFewRows(&m.feat), bos: m.sentinelEntry(true), eos: m.sentinelEntry(false)}
	t.cache.Store(newWordCache(words))
	t.pool.New = func() any { return &scratch{} }
	return t
}

// Name returns the model id, e.g. "fr-20261129-…".
func (t *Tagger) Name() string { return t.m.Header.ID }

// FirstName reports whether word alone is a first name in the model's
// gazetteer (the first-name lists it was trained with, folded as the
// tagger folds words), for the rules that run after the tagger.
func (t *Tagger) FirstName(word string) bool { return t.wordIn(word, GazFirstName) }

// OrgKey reports whether word alone is an organisation key word in the
// model's gazetteer ("Foundation", "Bank", "Institute").
func (t *Tagger) OrgKey(word string) bool { return t.wordIn(word, GazOrgKey) }

// Place reports whether the words, as one phrase, are a city, a country
// or a region in the model's gazetteer.
func (t *Tagger) Place(words []string) bool {
	if len(words) == 0 || len(words) > t.m.feat.gazMax {
		return false
	}
	var keys [8]uint64
	k := keys[:0]
	for _, w := range words {
		k = append(k, WordKey(w))
	}
	v, ok := t.m.feat.gaz.get(PhraseKey(k))
	return ok && v&(1<<GazCity|1<<GazCountry|1<<GazRegion) != 0
}

// DateWord reports whether word alone is a date word in the model's
// gazetteer (a weekday, a month).
func (t *Tagger) DateWord(word string) bool { return t.wordIn(word, GazDate) }

// CapPrior tells how often word (folded) is capitalised inside a sentence
// in the model's unlabelled text: 0 when the lexicon does not hold it or
// never saw it inside one, then 1 (under 10% of the time: a common word),
// 2 (under half), 3 (under 90%) and 4 (a name).
func (t *Tagger) CapPrior(word string) int {
	var buf [64]byte
	v, ok := t.m.feat.lex.get(hashBytes(appendFold(buf[:0], word)))
	if !ok {
		return 0
	}
	return int(v>>9) & 7
}

// wordIn reports whether word alone is in gazetteer category cat.
func (t *Tagger) wordIn(word string, cat int) bool {
	v, ok := t.m.feat.gaz.get(PhraseKey([]uint64{WordKey(word)}))
	return ok && v&(1<<cat) != 0
}

// Model returns the tagger's model.
func (t *Tagger) Model() *Model { return t.m }

// Languages lists the languages with an embedded NER model, sorted.
func Languages() []string {
	var out []string
	for _, n := range models.Names() {
		if l, ok := strings.CutPrefix(n, "ner-"); ok && n != SharedGazetteerName {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

// Load reads the embedded model of a language (and the shared gazetteer
// it is stored against). Callers cache the result (see Cache, which also
// reads the shared gazetteer only once); loading takes a fraction of a
// second.
func Load(lang string) (*Tagger, error) {
	return load(lang, LoadGazetteer)
}

func load(lang string, gazetteer func() (*Gazetteer, error)) (*Tagger, error) {
	if "ner-"+lang == SharedGazetteerName {
		return nil, fmt.Errorf("%w %q", ErrNoModel, lang)
	}
	rc, err := models.Open("ner-" + lang)
	if err != nil {
		if errors.Is(err, models.ErrNotFound) {
			return nil, fmt.Errorf("%w %q", ErrNoModel, lang)
		}
		return nil, fmt.Errorf("ner: load %s: %w", lang, err)
	}
	defer rc.Close()
	m, err := ReadModelWith(rc, gazetteer)
	if err != nil {
		return nil, fmt.Errorf("ner: load %s: %w", lang, err)
	}
	return NewTagger(m), nil
}

// Cache loads taggers lazily, once per language, and keeps them, with the
// shared gazetteer they are stored against (read once, immutable). The
// zero value is ready to use.
type Cache struct {
	mu  sync.Mutex
	m   map[string]*cacheEntry
	gaz gazetteerOnce
}

type cacheEntry struct {
	once sync.Once
	t    *Tagger
	err  error
}

// Get returns the tagger of lang, loading it on first use.
func (c *Cache) Get(lang string) (*Tagger, error) {
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]*cacheEntry{}
	}
	e := c.m[lang]
	if e == nil {
		e = &cacheEntry{}
		c.m[lang] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.t, e.err = load(lang, c.gaz.get) })
	return e.t, e.err
}

// Tag returns the entities of one sentence.
func (t *Tagger) Tag(toks []text.Token) []Span {
	return t.TagAppend(nil, toks)
}

// TagAppend appends the entities of one sentence to dst.
func (t *Tagger) TagAppend(dst []Span, toks []text.Token) []Span {
	sc := t.pool.Get().(*scratch)
	sc.words = sc.words[:0]
	for i := range toks {
		w := toks[i].Norm
		if w == "" {
			w = toks[i].Text
		}
		sc.words = append(sc.words, w)
	}
	dst = t.tagWords(dst, sc)
	t.pool.Put(sc)
	return dst
}

// TagWords returns the entities of a sentence given as words.
func (t *Tagger) TagWords(words []string) []Span {
	sc := t.pool.Get().(*scratch)
	sc.words = append(sc.words[:0], words...)
	out := t.tagWords(nil, sc)
	t.pool.Put(sc)
	return out
}

func (t *Tagger) tagWords(dst []Span, sc *scratch) []Span {
	all := sc.words
	for off := 0; off < len(all); off += MaxTokens {
		end := min(off+MaxTokens, len(all))
		sc.words = all[off:end]
		base := len(dst)
		dst = t.tagWindow(dst, sc)
		for i := base; i < len(dst); i++ {
			dst[i].Start += off
			dst[i].End += off
		}
	}
	sc.words = all
	return dst
}

const negInf = -1 << 28

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}

func (t *Tagger) tagWindow(dst []Span, sc *scratch) []Span {
	n := len(sc.words)
	if n == 0 {
		return dst
	}
	m := t.m
	t.emissions(sc)
	const L = numLabels
	if m.Header.Baseline {
		base := len(dst)
		dst = appendSpans(dst, sc.labels[:n])
		for i := base; i < len(dst); i++ {
			dst[i].Confidence = 0.5
		}
		return dst
	}
	sc.delta = grow(sc.delta, n*L)
	sc.back = grow(sc.back, n*L)
	t.dec.viterbi(sc.em, n, sc.delta, sc.back, sc.labels)
	base := len(dst)
	dst = appendSpans(dst, sc.labels[:n])
	if len(dst) == base {
		return dst
	}
	sc.beta = grow(sc.beta, n*L)
	// beta is only needed from the first span on
	t.dec.backward(sc.em, n, dst[base].Start, sc.beta)
	if m.typer != nil {
		if dst = t.retype(dst, base, sc); len(dst) == base {
			return dst
		}
	}
	k := m.Header.Scale * m.Header.ConfScale
	for s := base; s < len(dst); s++ {
		c := 1.0
		for i := dst[s].Start; i < dst[s].End; i++ {
			p := confidence(sc.delta[i*L:(i+1)*L], sc.beta[i*L:(i+1)*L], sc.labels[i], negInf, k)
			c = min(c, p)
		}
		dst[s].Confidence = c
	}
	return dst
}

// Annotate tags every sentence of every field of a and appends the named
// mentions (Entity = -1).
func (t *Tagger) Annotate(a *analysis.Analysis) {
	var spans []Span
	for fi := range a.Fields {
		doc := &a.Fields[fi].Doc
		cur := runeCursor{s: doc.Text}
		for si, sent := range doc.Sentences {
			if sent.First < 0 || sent.Last > len(doc.Tokens) || sent.First >= sent.Last {
				continue
			}
			toks := doc.Tokens[sent.First:sent.Last]
			spans = t.TagAppend(spans[:0], toks)
			for _, sp := range spans {
				start, end := toks[sp.Start].Start, toks[sp.End-1].End
				a.Mentions = append(a.Mentions, analysis.Mention{
					Field:      fi,
					Sent:       si,
					TokStart:   sent.First + sp.Start,
					TokEnd:     sent.First + sp.End,
					Start:      start,
					End:        end,
					Text:       cur.slice(start, end),
					Type:       sp.Type,
					Confidence: sp.Confidence,
					Entity:     -1,
				})
			}
		}
	}
}

// runeCursor converts increasing code-point offsets into byte offsets.
type runeCursor struct {
	s          string
	rune, byte int
}

func (c *runeCursor) seek(r int) int {
	if r < c.rune {
		c.rune, c.byte = 0, 0
	}
	for c.rune < r && c.byte < len(c.s) {
		_, sz := decodeRune(c.s[c.byte:])
		c.byte += sz
		c.rune++
	}
	return c.byte
}

func (c *runeCursor) slice(start, end int) string {
	if start < 0 || end < start {
		return ""
	}
	b := c.seek(start)
	e := c.seek(end)
	// leave the cursor at the start so that later mentions may begin
	// inside this one
	c.rune, c.byte = start, b
	return c.s[b:e]
}

// addRow adds one weight row to the accumulator (unrolled: this is the
// hot loop of tagging).
func addRow(a *[wStride]int32, r *[wStride]int16) {
	a[0] += int32(r[0])
	a[1] += int32(r[1])
	a[2] += int32(r[2])
	a[3] += int32(r[3])
	a[4] += int32(r[4])
	a[5] += int32(r[5])
	a[6] += int32(r[6])
	a[7] += int32(r[7])
	a[8] += int32(r[8])
	a[9] += int32(r[9])
	a[10] += int32(r[10])
	a[11] += int32(r[11])
	a[12] += int32(r[12])
	a[13] += int32(r[13])
	a[14] += int32(r[14])
	a[15] += int32(r[15])
}
