package resolve

import (
	"bufio"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/lexicon"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// hipeDir is where the shared HIPE-2022 data lives, relative to this package.
const hipeDir = "../../../../shared/data/hipe2022-news"

var hipeTypes = map[string]string{"pers": Person, "per": Person, "org": Organization, "loc": Location,
	"prod": Misc, "humanprod": Misc}

// hipeDoc is one HIPE document turned into an analysis, with the Wikidata
// QID of each mention ("" when NIL or unlinked).
type hipeDoc struct {
	a    *analysis.Analysis
	qids []string
}

// readHIPE reads a HIPE-2022 TSV file into one body-only analysis per
// document, with the gold coarse literal mentions as input.
func readHIPE(t *testing.T, path, lang string) []hipeDoc {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	require.NoError(t, err)
	var docs []hipeDoc
	var b strings.Builder
	var doc text.Doc
	var cur *analysis.Mention
	var d hipeDoc
	pos, sentFirst := 0, 0
	flushMention := func() {
		if cur != nil {
			d.a.Mentions = append(d.a.Mentions, *cur)
			cur = nil
		}
	}
	flushDoc := func() {
		flushMention()
		if d.a == nil {
			return
		}
		if sentFirst < len(doc.Tokens) {
			doc.Sentences = append(doc.Sentences, text.Sentence{First: sentFirst, Last: len(doc.Tokens),
				Start: doc.Tokens[sentFirst].Start, End: doc.Tokens[len(doc.Tokens)-1].End})
		}
		doc.Text = b.String()
		d.a.Fields = []analysis.Field{{Name: "headline"}, {Name: "body", Doc: doc}}
		for i := range d.a.Mentions {
			m := &d.a.Mentions[i]
			m.Text = string([]rune(doc.Text)[m.Start:m.End])
			for si, st := range doc.Sentences {
				if m.TokStart >= st.First && m.TokStart < st.Last {
					m.Sent = si
				}
			}
		}
		docs = append(docs, d)
		d = hipeDoc{}
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	space := false
	for sc.Scan() {
		line := sc.Text()
		if strings.Contains(line, "document_id") {
			flushDoc()
			d = hipeDoc{a: &analysis.Analysis{Lang: lang}}
			b.Reset()
			doc = text.Doc{}
			pos, sentFirst, space = 0, 0, false
			continue
		}
		if strings.HasPrefix(line, "#") || strings.HasPrefix(line, "TOKEN") || d.a == nil {
			continue
		}
		col := strings.Split(line, "\t")
		if len(col) < 10 || col[0] == "" {
			continue
		}
		if space {
			b.WriteByte(' ')
			pos++
		}
		start := pos
		b.WriteString(col[0])
		pos += len([]rune(col[0]))
		ti := len(doc.Tokens)
		doc.Tokens = append(doc.Tokens, text.Token{Text: col[0], Norm: col[0], Start: start, End: pos, SpaceBefore: space})
		space = !strings.Contains(col[9], "NoSpaceAfter")
		tag := strings.ToLower(col[1])
		switch {
		case strings.HasPrefix(tag, "b-"):
			flushMention()
			typ, ok := hipeTypes[tag[2:]]
			if ok {
				cur = &analysis.Mention{Field: 1, TokStart: ti, TokEnd: ti + 1, Start: start, End: pos, Type: typ,
					Confidence: 0.9, Entity: -1}
				q := col[7]
				if !strings.HasPrefix(q, "Q") {
					q = ""
				}
				d.qids = append(d.qids, q)
			}
		case strings.HasPrefix(tag, "i-") && cur != nil:
			cur.TokEnd, cur.End = ti+1, pos
		default:
			flushMention()
		}
		if strings.Contains(col[9], "EndOfSentence") {
			doc.Sentences = append(doc.Sentences, text.Sentence{First: sentFirst, Last: ti + 1,
				Start: doc.Tokens[sentFirst].Start, End: pos})
			sentFirst = ti + 1
		}
	}
	require.NoError(t, sc.Err())
	flushDoc()
	return docs
}

// TestHIPEGrouping scores grouping on the HIPE-2022 dev sets (historical
// newspapers, OCR noise), where the gold mentions linked to the same
// Wikidata QID in a document form the gold clusters: B-cubed over the
// linked mentions, the gold spans given as input. It needs the shared
// data and is skipped without it.
func TestHIPEGrouping(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	if _, err := os.Stat(hipeDir); err != nil {
		t.Skip("no shared HIPE data")
	}
	r := testResolver(t)
	for _, set := range []struct{ file, lang string }{
		{"HIPE-2022-v2.1-hipe2020-dev-fr.tsv.gz", "fr"},
		{"HIPE-2022-v2.1-hipe2020-dev-en.tsv.gz", "en"},
		{"HIPE-2022-v2.1-hipe2020-dev-de.tsv.gz", "de"},
	} {
		docs := readHIPE(t, filepath.Join(hipeDir, set.file), set.lang)
		var s, base scores
		for _, d := range docs {
			// Baseline: mentions with equal folded text grouped, nothing else.
			var bg, bs []string
			for i, q := range d.qids {
				if q != "" {
					bg, bs = append(bg, q), append(bs, lexicon.Fold(d.a.Mentions[i].Text))
				}
			}
			bcubed(bg, bs, &base)
			require.Len(t, d.qids, len(d.a.Mentions))
			r.Resolve(d.a)
			var gc, sc []string
			for i, q := range d.qids {
				if q == "" {
					continue
				}
				gc = append(gc, q)
				sc = append(sc, string(rune('A'+d.a.Mentions[i].Entity%26))+strings.Repeat("x", d.a.Mentions[i].Entity/26))
			}
			bcubed(gc, sc, &s)
		}
		bp, br := s.bP/float64(s.n), s.bR/float64(s.n)
		t.Logf("%s: %d docs, %d linked mentions: B³ P %.3f R %.3f F1 %.3f; pairwise P %.3f R %.3f",
			set.file, len(docs), s.n, bp, br, f1(bp, br), ratio(s.pairTP, s.pairS), ratio(s.pairTP, s.pairG))
		basep, baser := base.bP/float64(base.n), base.bR/float64(base.n)
		t.Logf("%s: baseline (exact folded text): B³ P %.3f R %.3f F1 %.3f", set.file, basep, baser, f1(basep, baser))
		require.Greater(t, f1(bp, br), 0.85, set.file)
		require.Greater(t, f1(bp, br), f1(basep, baser), "%s: better than exact matching", set.file)
	}
}
