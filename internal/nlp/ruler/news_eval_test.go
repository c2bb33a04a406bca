package ruler_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/ner"
	"github.com/wirenrich/wirenrich/internal/nlp/ner/corpus"
	"github.com/wirenrich/wirenrich/internal/nlp/ruler"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// newsSet is one gold news-like corpus file of ../shared/data.
type newsSet struct {
	lang, file string
}

// newsDev are the sets the ruler is tuned on; newsTest are scored only
// to report (WIRENRICH_NEWS=test).
var (
	newsDev = []newsSet{
		{"en", "uner-gold/en_ewt-ud-dev.iob2.gz"},
		{"fr", "hipe2022-news/HIPE-2022-v2.1-hipe2020-dev-fr.tsv.gz"},
		{"en", "hipe2022-news/HIPE-2022-v2.1-hipe2020-dev-en.tsv.gz"},
		{"de", "hipe2022-news/HIPE-2022-v2.1-hipe2020-dev-de.tsv.gz"},
		{"fr", "hipe2022-news/HIPE-2022-v2.1-newseye-dev-fr.tsv.gz"},
		{"de", "hipe2022-news/HIPE-2022-v2.1-newseye-dev-de.tsv.gz"},
	}
	newsTest = []newsSet{
		{"fr", "hipe2022-news/HIPE-2022-v2.1-newseye-dev2-fr.tsv.gz"},
		{"de", "hipe2022-news/HIPE-2022-v2.1-newseye-dev2-de.tsv.gz"},
		{"fr", "hipe2022-news/HIPE-2022-v2.1-letemps-dev-fr.tsv.gz"},
		{"de", "hipe2022-news/HIPE-2022-v2.1-sonar-dev-de.tsv.gz"},
		{"en", "hipe2022-news/HIPE-2022-v2.1-topres19th-dev-en.tsv.gz"},
		{"fr", "europeana-newspapers-ner/enp_FR.bnf.bio.gz"},
		{"de", "europeana-newspapers-ner/enp_DE.onb.bio.gz"},
	}
)

// pseudoArticle is the number of sentences grouped into one article when
// a corpus has no document markers (Europeana).
const pseudoArticle = 40

// prf counts exact-span entity matches.
type prf struct{ gold, pred, ok int }

func (c prf) String() string {
	p := float64(c.ok) / max(float64(c.pred), 1)
	r := float64(c.ok) / max(float64(c.gold), 1)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (gold %d)", p, r, f, c.gold)
}

// TestNewsCorpora measures the ruler on gold news-like corpora: the NER
// alone against the NER followed by Apply, exact-span PER/ORG/LOC F1, the
// sentences of one corpus document making one article (a body without
// headline). Needs ../shared/data:
//
//	WIRENRICH_EVAL=1 go test -run NewsCorpora -v ./internal/nlp/ruler
//	WIRENRICH_EVAL=1 WIRENRICH_NEWS=test go test -run NewsCorpora -v ./internal/nlp/ruler
//
// WIRENRICH_EVAL=v lists the spans the ruler changed (dev sets only).
func TestNewsCorpora(t *testing.T) {
	mode := os.Getenv("WIRENRICH_EVAL")
	if mode == "" {
		t.Skip("set WIRENRICH_EVAL=1 to score the ruler on ../shared/data news corpora")
	}
	root := os.Getenv("WIRENRICH_DATA") // default: the checkout's ../shared/data
	if root == "" {
		root = filepath.Join("..", "..", "..", "..", "shared", "data")
	}
	if _, err := os.Stat(root); err != nil {
		t.Skipf("no %s: %v", root, err)
	}
	sets := newsDev
	if os.Getenv("WIRENRICH_NEWS") == "test" {
		sets, mode = newsTest, "1"
	}
	r := load(t)
	var cache ner.Cache
	var allModel, allRuler, allHModel, allHRuler prf
	head := os.Getenv("WIRENRICH_NEWS_HEAD")
	for _, set := range sets {
		sents, err := corpus.ReadFile(filepath.Join(root, set.file))
		require.NoError(t, err)
		tagger, err := cache.Get(set.lang)
		require.NoError(t, err)
		var model, ruled, hModel, hRuled prf
		for _, doc := range groupDocs(sents) {
			a, gold, hGold := newsArticle(set.lang, doc, head)
			tagger.Annotate(a)
			before, hBefore := spanSet(a, 1), spanSet(a, 0)
			r.ApplyWith(a, tagger)
			checkInvariants(t, a)
			after, hAfter := spanSet(a, 1), spanSet(a, 0)
			model.add(gold, before)
			ruled.add(gold, after)
			hModel.add(hGold, hBefore)
			hRuled.add(hGold, hAfter)
			if mode == "v" {
				logChanges(t, a, 1, gold, before, after)
				logChanges(t, a, 0, hGold, hBefore, hAfter)
			}
		}
		t.Logf("%-55s model %s | +ruler %s", set.file, model, ruled)
		if head != "" {
			t.Logf("%-55s model %s | +ruler %s", "  "+head+" headlines", hModel, hRuled)
		}
		allModel.sum(model)
		allRuler.sum(ruled)
		allHModel.sum(hModel)
		allHRuler.sum(hRuled)
	}
	t.Logf("%-55s model %s | +ruler %s", "all (micro)", allModel, allRuler)
	if head != "" {
		t.Logf("%-55s model %s | +ruler %s", "all "+head+" headlines", allHModel, allHRuler)
	}
}

// key is an entity span over the body tokens.
type key struct {
	start, end int
	typ        string
}

func (c *prf) add(gold, pred map[key]string) {
	c.gold += len(gold)
	c.pred += len(pred)
	for k := range pred {
		if _, ok := gold[k]; ok {
			c.ok++
		}
	}
}

func (c *prf) sum(o prf) { c.gold, c.pred, c.ok = c.gold+o.gold, c.pred+o.pred, c.ok+o.ok }

// groupDocs groups consecutive sentences by document marker, or in runs
// of pseudoArticle sentences when the corpus has none.
func groupDocs(sents []corpus.Sentence) [][]corpus.Sentence {
	var out [][]corpus.Sentence
	for i, s := range sents {
		switch {
		case i == 0:
			out = append(out, nil)
		case s.Doc != sents[i-1].Doc:
			out = append(out, nil)
		case s.Doc == 0 && len(out[len(out)-1]) >= pseudoArticle:
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], s)
	}
	return out
}

// newsArticle builds an analysis whose body is the sentences of doc (one
// line each, tokens as the corpus gives them) and the gold PER/ORG/LOC
// spans over its tokens. With head "title" or "upper" (WIRENRICH_NEWS_HEAD),
// the first sentence of a document of several becomes a Title Case or
// all-caps headline, with its own gold.
func newsArticle(lang string, doc []corpus.Sentence, head string) (*analysis.Analysis, map[key]string, map[key]string) {
	hGold := map[key]string{}
	tok := text.NewTokenizer(lang)
	headline := tok.Segment("")
	if head != "" && len(doc) > 1 && len(doc[0].Tokens) <= 30 {
		words := make([]string, len(doc[0].Tokens))
		for i, w := range doc[0].Tokens {
			words[i] = recase(w, head)
		}
		headline, _ = wordsDoc([]corpus.Sentence{{Tokens: words, Spans: doc[0].Spans}}, hGold)
		doc = doc[1:]
	}
	gold := map[key]string{}
	body, _ := wordsDoc(doc, gold)
	return &analysis.Analysis{Lang: lang, Fields: []analysis.Field{
		{Name: "headline", Doc: headline},
		{Name: "body", Doc: body},
	}}, gold, hGold
}

// recase writes a word as a Title Case or all-caps headline would.
func recase(w, head string) string {
	if head == "upper" {
		return strings.ToUpper(w)
	}
	switch strings.ToLower(w) {
	case "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with",
		"de", "du", "des", "la", "le", "les", "et", "à", "en", "un", "une", "d'", "l'",
		"der", "die", "das", "und", "von", "im", "mit":
		return w
	}
	r := []rune(w)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// wordsDoc makes a text.Doc of the sentences (one line each) and adds
// their gold spans to gold.
func wordsDoc(doc []corpus.Sentence, gold map[key]string) (text.Doc, int) {
	var (
		b   strings.Builder
		d   text.Doc
		pos int
	)
	for si, s := range doc {
		if si > 0 {
			b.WriteByte('\n')
			pos++
		}
		first := len(d.Tokens)
		start := pos
		for ti, w := range s.Tokens {
			if ti > 0 {
				b.WriteByte(' ')
				pos++
			}
			n := len([]rune(w))
			d.Tokens = append(d.Tokens, text.Token{Text: w, Start: pos, End: pos + n, Norm: text.Normalize(w), SpaceBefore: ti > 0 || si > 0})
			b.WriteString(w)
			pos += n
		}
		if len(d.Tokens) == first {
			continue
		}
		d.Sentences = append(d.Sentences, text.Sentence{First: first, Last: len(d.Tokens), Start: start, End: pos})
		for _, sp := range s.Spans {
			if typ := corpusType(sp.Type); typ != "" {
				gold[key{first + sp.Start, first + sp.End, typ}] = ""
			}
		}
	}
	d.Text = b.String()
	return d, pos
}

// corpusType maps a corpus type to the contract's, "" for those not scored.
func corpusType(t string) string {
	switch t {
	case "PER":
		return ruler.Person
	case "ORG":
		return ruler.Organization
	case "LOC":
		return ruler.Location
	}
	return ""
}

// spanSet returns the scored mentions of field fi of a, with their text.
func spanSet(a *analysis.Analysis, fi int) map[key]string {
	out := map[key]string{}
	for _, m := range a.Mentions {
		if m.Field != fi || m.Nominal {
			continue
		}
		switch m.Type {
		case ruler.Person, ruler.Organization, ruler.Location:
			out[key{m.TokStart, m.TokEnd, m.Type}] = m.Text
		}
	}
	return out
}

// logChanges lists what the ruler added (+) and removed (-), marking
// whether each is right against the gold.
func logChanges(t *testing.T, a *analysis.Analysis, fi int, gold, before, after map[key]string) {
	t.Helper()
	toks := a.Fields[fi].Doc.Tokens
	words := func(k key) string {
		var ws []string
		for _, tk := range toks[k.start:k.end] {
			ws = append(ws, tk.Text)
		}
		return strings.Join(ws, " ")
	}
	ok := func(k key) string {
		if _, g := gold[k]; g {
			return "gold"
		}
		return "wrong"
	}
	for k := range after {
		if _, was := before[k]; !was {
			t.Logf("  + %-5s %-12s %s%s", ok(k), k.typ, words(k), headMark(fi))
		}
	}
	for k := range before {
		if _, is := after[k]; !is {
			t.Logf("  - %-5s %-12s %s%s", ok(k), k.typ, words(k), headMark(fi))
		}
	}
}

func headMark(fi int) string {
	if fi == 0 {
		return "  (headline)"
	}
	return ""
}
