package text

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// The agreement tests measure the tokenizer against corpora in
// ../shared/data (never copied into the repository). They run only with
// WIRENRICH_EVAL=1:
//
//	WIRENRICH_EVAL=1 go test -run Agreement -v ./internal/nlp/text

const dataDir = "../../../../shared/data"

func needData(t *testing.T) {
	t.Helper()
	if os.Getenv("WIRENRICH_EVAL") == "" {
		t.Skip("set WIRENRICH_EVAL=1 to measure agreement with ../shared/data")
	}
	if _, err := os.Stat(dataDir); err != nil {
		t.Skipf("no data: %v", err)
	}
}

type udSent struct {
	doc, par bool // a new document / paragraph starts here
	text     string
	tokens   []string // surface tokens (multi-word tokens as written)
}

func readUD(t *testing.T, path string) []udSent {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	require.NoError(t, err)
	var out []udSent
	var cur udSent
	skipTo := 0
	var mwt string
	var mwtWords []string
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if cur.text != "" {
				out = append(out, cur)
			}
			cur = udSent{}
			skipTo = 0
		case strings.HasPrefix(line, "# newdoc"):
			cur.doc = true
		case strings.HasPrefix(line, "# newpar"):
			cur.par = true
		case strings.HasPrefix(line, "# text = "):
			cur.text = strings.TrimPrefix(line, "# text = ")
		case line[0] == '#':
		default:
			cols := strings.Split(line, "\t")
			id := cols[0]
			if strings.Contains(id, ".") {
				continue
			}
			if i := strings.IndexByte(id, '-'); i >= 0 {
				// multi-word token: kept whole unless its words spell it
				// out ("don't" = "do" + "n't"), as in English
				var a, b int
				fmt.Sscanf(id, "%d-%d", &a, &b)
				skipTo = b
				mwt, mwtWords = cols[1], nil
				cur.tokens = append(cur.tokens, cols[1])
				continue
			}
			var n int
			fmt.Sscanf(id, "%d", &n)
			if n <= skipTo {
				mwtWords = append(mwtWords, cols[1])
				if n == skipTo && strings.Join(mwtWords, "") == mwt {
					cur.tokens = append(cur.tokens[:len(cur.tokens)-1], mwtWords...)
				}
				continue
			}
			cur.tokens = append(cur.tokens, cols[1])
		}
	}
	require.NoError(t, sc.Err())
	return out
}

// spans locates tokens in text (rune offsets); ok is false when a token is
// not found where expected.
func spans(text string, tokens []string) ([][2]int, bool) {
	out := make([][2]int, 0, len(tokens))
	pos := 0 // byte
	for _, tok := range tokens {
		for pos < len(text) && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n') {
			pos++
		}
		if !strings.HasPrefix(text[pos:], tok) {
			return nil, false
		}
		s := utf8.RuneCountInString(text[:pos])
		out = append(out, [2]int{s, s + utf8.RuneCountInString(tok)})
		pos += len(tok)
	}
	return out, true
}

type prf struct{ tp, fp, fn int }

func (p *prf) add(gold, sys [][2]int) {
	g := map[[2]int]bool{}
	for _, s := range gold {
		g[s] = true
	}
	for _, s := range sys {
		if g[s] {
			p.tp++
			delete(g, s)
		} else {
			p.fp++
		}
	}
	p.fn += len(g)
}

func (p prf) f1() float64 {
	if p.tp == 0 {
		return 0
	}
	pr := float64(p.tp) / float64(p.tp+p.fp)
	re := float64(p.tp) / float64(p.tp+p.fn)
	return 2 * pr * re / (pr + re)
}

func (p prf) String() string {
	return fmt.Sprintf("P=%.4f R=%.4f F1=%.4f (tp=%d fp=%d fn=%d)",
		float64(p.tp)/float64(max(1, p.tp+p.fp)), float64(p.tp)/float64(max(1, p.tp+p.fn)), p.f1(), p.tp, p.fp, p.fn)
}

func tokenSpans(d Doc) [][2]int {
	out := make([][2]int, len(d.Tokens))
	for i, t := range d.Tokens {
		out[i] = [2]int{t.Start, t.End}
	}
	return out
}

func TestUDTokenAgreement(t *testing.T) {
	needData(t)
	sets := []struct {
		lang  string
		files []string
		min   float64
	}{
		{"fr", []string{"ud-french-gsd/fr_gsd-ud-dev.conllu.gz", "ud-french-gsd/fr_gsd-ud-test.conllu.gz"}, 0.97},
		{"fr", []string{"ud-french-sequoia/fr_sequoia-ud-dev.conllu.gz", "ud-french-sequoia/fr_sequoia-ud-test.conllu.gz"}, 0.97},
		{"fr", []string{"ud-french-other/fr_pud-ud-test.conllu.gz"}, 0.97},
		{"en", []string{"ud-english-ewt/en_ewt-ud-dev.conllu.gz", "ud-english-ewt/en_ewt-ud-test.conllu.gz"}, 0.95},
	}
	tk := map[string]*Tokenizer{"fr": NewTokenizer("fr"), "en": NewTokenizer("en")}
	for _, set := range sets {
		var p prf
		skipped := 0
		var errs []string
		for _, f := range set.files {
			for _, s := range readUD(t, filepath.Join(dataDir, f)) {
				gold, ok := spans(s.text, s.tokens)
				if !ok {
					skipped++
					continue
				}
				d := tk[set.lang].Segment(s.text)
				sys := tokenSpans(d)
				var q prf
				q.add(gold, sys)
				p.tp, p.fp, p.fn = p.tp+q.tp, p.fp+q.fp, p.fn+q.fn
				if q.fp+q.fn > 0 && len(errs) < 40 && os.Getenv("WIRENRICH_EVAL") == "v" {
					var a []string
					for _, tok := range d.Tokens {
						a = append(a, tok.Text)
					}
					errs = append(errs, strings.Join(s.tokens, "|")+"\n   "+strings.Join(a, "|"))
				}
			}
		}
		t.Logf("%s %v tokens: %v (skipped %d unalignable)", set.lang, set.files, p, skipped)
		for _, e := range errs {
			t.Log(e)
		}
		require.GreaterOrEqual(t, p.f1(), set.min)
	}
}

func TestUDSentenceAgreement(t *testing.T) {
	needData(t)
	sets := []struct {
		lang  string
		file  string
		group int // sentences per pseudo-document when the file has no documents
		min   float64
	}{
		{"en", "ud-english-ewt/en_ewt-ud-test.conllu.gz", 0, 0.7},
		{"fr", "ud-french-other/fr_pud-ud-test.conllu.gz", 0, 0.9},
		{"fr", "ud-french-sequoia/fr_sequoia-ud-test.conllu.gz", 10, 0.8},
		{"fr", "ud-french-gsd/fr_gsd-ud-test.conllu.gz", 10, 0.9},
	}
	for _, set := range sets {
		for _, paras := range []bool{false, true} {
			sents := readUD(t, filepath.Join(dataDir, set.file))
			tk := NewTokenizer(set.lang)
			var p prf
			var b strings.Builder
			var gold [][2]int
			flush := func() {
				if b.Len() == 0 {
					return
				}
				d := tk.Segment(b.String())
				var sys [][2]int
				for _, s := range d.Sentences[:max(0, len(d.Sentences)-1)] {
					sys = append(sys, [2]int{s.End, s.End})
				}
				p.add(gold[:len(gold)-1], sys)
				b.Reset()
				gold = gold[:0]
			}
			for i, s := range sents {
				if s.doc || (set.group > 0 && i%set.group == 0) {
					flush()
				}
				if b.Len() > 0 {
					if paras && s.par {
						b.WriteString("\n\n")
					} else {
						b.WriteString(" ")
					}
				}
				b.WriteString(strings.TrimSpace(s.text))
				e := utf8.RuneCountInString(b.String())
				gold = append(gold, [2]int{e, e})
			}
			flush()
			t.Logf("%s %s paragraphs=%v sentence ends: %v", set.lang, set.file, paras, p)
			require.GreaterOrEqual(t, p.f1(), set.min)
		}
	}
}

// TestWikiNEuRalAgreement re-tokenises WikiNEuRal sentences detokenised by
// joining tokens with spaces, except where the corpus splits within a word
// in raw text (elisions, clitics, hyphenated suffixes) or before closing
// punctuation, and reports token F1.
func TestWikiNEuRalAgreement(t *testing.T) {
	needData(t)
	for _, lang := range []string{"fr", "en", "de", "es", "it", "nl", "pl", "pt", "ru"} {
		f, err := os.Open(filepath.Join(dataDir, "wikineural", "wikineural-"+lang+"-val.conllu.gz"))
		require.NoError(t, err)
		zr, err := gzip.NewReader(f)
		require.NoError(t, err)
		tk := NewTokenizer(lang)
		var p prf
		var toks []string
		var errs []string
		eval := func() {
			if len(toks) == 0 {
				return
			}
			var b strings.Builder
			for i, tok := range toks {
				if i > 0 && !glued(toks[i-1], tok) {
					b.WriteByte(' ')
				}
				b.WriteString(tok)
			}
			text := b.String()
			gold, ok := spans(text, toks)
			require.True(t, ok)
			d := tk.Segment(text)
			var q prf
			q.add(gold, tokenSpans(d))
			p.tp, p.fp, p.fn = p.tp+q.tp, p.fp+q.fp, p.fn+q.fn
			if q.fp+q.fn > 0 && len(errs) < 30 && os.Getenv("WIRENRICH_EVAL") == "v" {
				var a []string
				for _, tok := range d.Tokens {
					a = append(a, tok.Text)
				}
				errs = append(errs, strings.Join(toks, "|")+"\n   "+strings.Join(a, "|"))
			}
			toks = toks[:0]
		}
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			cols := strings.Split(sc.Text(), "\t")
			if len(cols) < 3 {
				eval()
				continue
			}
			toks = append(toks, cols[1])
		}
		eval()
		f.Close()
		t.Logf("wikineural %s val: %v", lang, p)
		for _, e := range errs {
			t.Log(e)
		}
		require.GreaterOrEqual(t, p.f1(), 0.9)
	}
}

// glued reports whether raw text would have no space between a and b.
func glued(a, b string) bool {
	switch b {
	case ",", ".", ")", "]", "'s", "’s", "n't", "n’t", "'m", "'re", "'ve", "'ll", "'d", "%":
		return b != "%" // "12 %" is usual French typography
	}
	if strings.HasPrefix(b, "-") && len(b) > 1 {
		return true
	}
	if a == "(" || a == "[" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(a)
	return (r == '\'' || r == '’') && len(a) > 1 && len(a) <= 8
}
