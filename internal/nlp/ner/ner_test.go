package ner

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/analysis"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

func TestEncodeDecodeRoundTrip(t *testing.T) {
	cases := []struct {
		name  string
		n     int
		spans []Span
		want  []string
	}{
		{"empty", 0, nil, []string{}},
		{"none", 3, nil, []string{"O", "O", "O"}},
		{"unit", 3, []Span{{Start: 1, End: 2, Type: "PERSON"}}, []string{"O", "U-PER", "O"}},
		{"multi", 4, []Span{{Start: 0, End: 3, Type: "ORGANIZATION"}}, []string{"B-ORG", "I-ORG", "L-ORG", "O"}},
		{"adjacent", 4, []Span{{Start: 0, End: 2, Type: "LOCATION"}, {Start: 2, End: 3, Type: "LOCATION"}, {Start: 3, End: 4, Type: "MISC"}},
			[]string{"B-LOC", "L-LOC", "U-LOC", "U-MISC"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			labels := Encode(c.n, c.spans)
			names := make([]string, len(labels))
			for i, l := range labels {
				names[i] = LabelName(l)
			}
			require.Equal(t, c.want, names)
			got := Decode(labels)
			require.Len(t, got, len(c.spans))
			for i := range got {
				require.Equal(t, c.spans[i].Start, got[i].Start)
				require.Equal(t, c.spans[i].End, got[i].End)
				require.Equal(t, c.spans[i].Type, got[i].Type)
			}
		})
	}
}

func TestDecodeLenient(t *testing.T) {
	// I without B, L after O: still spans.
	labels := []uint8{label(0, posI), label(0, posL), 0, label(2, posL)}
	require.Equal(t, []Span{{Start: 0, End: 2, Type: "PERSON"}, {Start: 3, End: 4, Type: "LOCATION"}}, Decode(labels))
}

// randomScores returns random emission scores for n tokens and random
// transition scores, for decoder tests.
func randomScores(r *rand.Rand, n int) (em, trans []int32) {
	em = make([]int32, n*numLabels)
	for i := range em {
		em[i] = int32(r.IntN(2000) - 1000)
	}
	trans = make([]int32, transLen)
	for i := range trans {
		trans[i] = int32(r.IntN(200) - 100)
	}
	return em, trans
}

func TestViterbiRespectsConstraints(t *testing.T) {
	preds := buildPreds()
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 200; trial++ {
		n := 1 + r.IntN(12)
		em, trans := randomScores(r, n)
		out := make([]uint8, n)
		viterbi(&preds, em, trans, n, make([]int32, n*numLabels), make([]uint8, n*numLabels), out, negInf, true)
		require.True(t, allowed(numLabels, out[0]), "start %v", out)
		for i := 1; i < n; i++ {
			require.True(t, allowed(out[i-1], out[i]), "%v", out)
		}
		require.True(t, allowedEnd(out[n-1]), "end %v", out)
	}
}

// synthetic builds a tiny deterministic corpus: "X says" patterns.
func synthetic() []Example {
	people := []string{"Alice", "Bob", "Carol", "Dave"}
	places := []string{"Paris", "Lyon", "Rome", "Oslo"}
	var out []Example
	for i := 0; i < 40; i++ {
		p, l := people[i%4], places[(i/4)%4]
		out = append(out,
			Example{Words: []string{p, "Smith", "went", "to", l, "."}, Spans: []Span{{Start: 0, End: 2, Type: "PER"}, {Start: 4, End: 5, Type: "LOC"}}},
			Example{Words: []string{"In", l, ",", p, "works", "."}, Spans: []Span{{Start: 1, End: 2, Type: "LOC"}, {Start: 3, End: 4, Type: "PER"}}},
		)
	}
	return out
}

func TestTrainLearnsSyntheticDeterministically(t *testing.T) {
	data := synthetic()
	for _, baseline := range []bool{false, true} {
		cfg := TrainConfig{Bits: 14, Epochs: 5, Seed: 7, Baseline: baseline}
		m1, err := Train(cfg, data, data)
		require.NoError(t, err)
		m2, err := Train(cfg, data, data)
		require.NoError(t, err)
		var b1, b2 bytes.Buffer
		require.NoError(t, m1.Save(&b1))
		require.NoError(t, m2.Save(&b2))
		require.Equal(t, b1.Bytes(), b2.Bytes(), "training is deterministic")
		require.InDelta(t, 1.0, m1.Header.DevScores["overall"].F1, 1e-9)
		m3, err := ReadModel(&b1)
		require.NoError(t, err)
		got := NewTagger(m3).TagWords([]string{"Carol", "Smith", "went", "to", "Rome", "."})
		require.Len(t, got, 2)
		require.Equal(t, Span{Start: 0, End: 2, Type: "PERSON", Confidence: got[0].Confidence}, got[0])
		require.Equal(t, "LOCATION", got[1].Type)
		require.True(t, got[0].Confidence >= 0 && got[0].Confidence <= 1)
	}
}

func TestReportFormat(t *testing.T) {
	r := &Report{}
	r.Add([]Span{{Start: 0, End: 2, Type: "PER"}, {Start: 3, End: 4, Type: "LOC"}}, []Span{{Start: 0, End: 2, Type: "PERSON"}, {Start: 3, End: 5, Type: "LOCATION"}}, 6)
	var b bytes.Buffer
	require.NoError(t, r.Write(&b))
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	require.Len(t, lines, 6)
	require.Equal(t, "overall precision=0.5000 recall=0.5000 f1=0.5000", lines[len(lines)-1])
	require.Regexp(t, regexp.MustCompile(`^PER +precision=1\.0000 recall=1\.0000 f1=1\.0000`), lines[1])
}

func TestNoModel(t *testing.T) {
	_, err := Load("xx")
	require.ErrorIs(t, err, ErrNoModel)
}

type newsCase struct {
	sentence string
	want     map[string]string // text -> type
}

func readNews(t *testing.T, path string) []newsCase {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []newsCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "#") || strings.TrimSpace(l) == "" {
			continue
		}
		s, ents, _ := strings.Cut(l, "\t")
		c := newsCase{sentence: s, want: map[string]string{}}
		for _, e := range strings.Split(ents, ";") {
			txt, typ, _ := strings.Cut(e, "|")
			c.want[txt] = typ
		}
		out = append(out, c)
	}
	return out
}

func spanText(toks []text.Token, s Span) string {
	var b strings.Builder
	for i, tk := range toks[s.Start:s.End] {
		if i > 0 && tk.SpaceBefore {
			b.WriteByte(' ')
		}
		b.WriteString(tk.Text)
	}
	return b.String()
}

// TestShippedModelsOnNews checks the shipped fr and en models on
// news-style sentences written for the project: clear cases must be
// found exactly, and the whole set must reach a reasonable F1.
func TestShippedModelsOnNews(t *testing.T) {
	clear := map[string][]string{
		"fr": {"Emmanuel Macron|PERSON", "Marseille|LOCATION", "Christine Lagarde|PERSON", "Angela Merkel|PERSON", "Berlin|LOCATION", "Lyon|LOCATION", "Jean-Luc Mélenchon|PERSON"},
		"en": {"Emmanuel Macron|PERSON", "Paris|LOCATION", "Kyiv|LOCATION", "Xi Jinping|PERSON", "Toronto|LOCATION", "Jeff Bezos|PERSON", "Yemen|LOCATION"},
	}
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			tg, err := Load(lang)
			require.NoError(t, err)
			require.True(t, strings.HasPrefix(tg.Name(), lang+"-"))
			found := map[string]bool{}
			var gold, pred, correct int
			for _, c := range readNews(t, "testdata/news-"+lang+".tsv") {
				doc := text.Tokenize(c.sentence, lang)
				gold += len(c.want)
				for _, s := range doc.Sentences {
					toks := doc.Tokens[s.First:s.Last]
					for _, sp := range tg.Tag(toks) {
						txt := spanText(toks, sp)
						pred++
						if c.want[txt] == sp.Type {
							correct++
							found[txt+"|"+sp.Type] = true
						} else {
							t.Logf("%s: %q %s (%.2f) not in gold", lang, txt, sp.Type, sp.Confidence)
						}
					}
				}
			}
			p, r := float64(correct)/float64(pred), float64(correct)/float64(gold)
			t.Logf("%s news: gold=%d pred=%d correct=%d precision=%.3f recall=%.3f", lang, gold, pred, correct, p, r)
			for _, c := range clear[lang] {
				require.True(t, found[c], "%s not found", c)
			}
			require.Greater(t, 2*p*r/(p+r), 0.7)
		})
	}
}

func TestAnnotateAndRobustness(t *testing.T) {
	tg, err := Load("fr")
	require.NoError(t, err)
	src := "Le président Emmanuel Macron est à Marseille.\n\nIl rencontrera Olaf Scholz à Berlin."
	a := &analysis.Analysis{Lang: "fr", Fields: []analysis.Field{{Name: "headline"}, {Name: "body", Doc: text.Tokenize(src, "fr")}}}
	tg.Annotate(a)
	var got []string
	for _, m := range a.Mentions {
		require.Equal(t, -1, m.Entity)
		require.Equal(t, 1, m.Field)
		require.Equal(t, m.Text, string([]rune(src)[m.Start:m.End]))
		require.True(t, m.Confidence >= 0 && m.Confidence <= 1)
		got = append(got, m.Text+"|"+m.Type)
	}
	require.Contains(t, got, "Emmanuel Macron|PERSON")
	require.Contains(t, got, "Olaf Scholz|PERSON")
	require.Contains(t, got, "Berlin|LOCATION")

	// never panic: empty sentence, huge token, odd runes, long sentence
	require.Empty(t, tg.Tag(nil))
	huge := strings.Repeat("É", 1_000_000)
	_ = tg.Tag([]text.Token{{Text: huge}, {Text: "\xff\xfe"}, {Text: ""}})
	long := make([]string, 3000)
	for i := range long {
		long[i] = fmt.Sprint("Paris", i%7)
	}
	for _, s := range tg.TagWords(long) {
		require.True(t, s.Start >= 0 && s.End <= len(long) && s.Start < s.End)
	}
}

func TestConcurrentTagging(t *testing.T) {
	tg, err := Load("en")
	require.NoError(t, err)
	doc := text.Tokenize("Keir Starmer met Emmanuel Macron in Paris on Tuesday.", "en")
	want := tg.Tag(doc.Tokens)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if got := tg.Tag(doc.Tokens); len(got) != len(want) {
					t.Errorf("concurrent result differs")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestLanguages(t *testing.T) {
	langs := Languages()
	require.Contains(t, langs, "fr")
	require.Contains(t, langs, "en")
	var c Cache
	a, err := c.Get("fr")
	require.NoError(t, err)
	b, err := c.Get("fr")
	require.NoError(t, err)
	require.Same(t, a, b)
}
