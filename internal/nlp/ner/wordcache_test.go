package ner

import (
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/ner/corpus"
	"github.com/wirenrich/wirenrich/internal/nlp/text"
)

// realSentences returns the words of the sentences of the test news sets,
// the gold articles and, when present, the shared seed article, tokenised
// for lang, and of the first 400 sentences of lang's WikiNEuRal test-a
// file when the shared data is there (under the race detector, which makes
// this slow, only the news sets and the seed article).
func realSentences(t *testing.T, lang string) [][]string {
	var gold []string
	if !raceEnabled {
		gold, _ = filepath.Glob("../../../testdata/gold/*/*.txt")
	}
	src := testText(append([]string{"testdata/news-fr.tsv", "testdata/news-en.tsv", seedArticle}, gold...)...)
	require.NotEmpty(t, src, "no test text")
	doc := text.NewTokenizer(lang).Segment(src)
	var out [][]string
	for _, s := range doc.Sentences {
		var ws []string
		for _, tk := range doc.Tokens[s.First:s.Last] {
			w := tk.Norm
			if w == "" {
				w = tk.Text
			}
			ws = append(ws, w)
		}
		out = append(out, ws)
	}
	if cs, err := corpus.ReadFile("../../../../shared/data/wikineural/wikineural-" + lang + "-test-a.conllu.gz"); err == nil && !raceEnabled {
		for _, c := range cs[:min(len(cs), 400)] {
			out = append(out, c.Tokens)
		}
	}
	// edge cases: one and two tokens, shouting, empty-ish words
	out = append(out, []string{"Paris"}, []string{"Emmanuel", "Macron"},
		[]string{"LE", "PRÉSIDENT", "EMMANUEL", "MACRON", "À", "BERLIN"},
		[]string{"«", "", "»", "l’ONU", "New", "York", "Warszawie", "Москве"})
	return out
}

// emissionsOf returns the emission scores (and labels, meaningful for
// baseline models) of words computed by the cached or the reference path.
func emissionsOf(tg *Tagger, words []string, cached bool) ([]int32, []uint8) {
	sc := &scratch{words: words}
	if cached {
		tg.emissions(sc)
	} else {
		tg.emissionsRef(sc)
	}
	n := len(words)
	return slices.Clone(sc.em[:n*numLabels]), slices.Clone(sc.labels[:n])
}

// testModels returns every shipped model (under the race detector, which
// makes loading them slow, only fr and it, which has optional feature
// groups) plus small trained ones with the options the shipped ones may
// lack (baseline, no 5-rune affixes, every optional feature group).
func testModels(t *testing.T) map[string]*Model {
	out := map[string]*Model{}
	var c Cache
	for _, l := range Languages() {
		if raceEnabled && l != "fr" && l != "it" {
			continue
		}
		tg, err := c.Get(l)
		require.NoError(t, err)
		out[l] = tg.Model()
	}
	for name, cfg := range map[string]TrainConfig{
		"trained-baseline": {Bits: 14, Epochs: 3, Seed: 7, Baseline: true, Features: extAll},
		"trained-noaffix5": {Bits: 14, Epochs: 3, Seed: 7, NoAffix5: true},
		"trained-ext":      {Bits: 14, Epochs: 3, Seed: 7, Features: extAll},
	} {
		m, err := Train(cfg, synthetic(), nil)
		require.NoError(t, err)
		out[name] = m
	}
	return out
}

// TestCachedEmissionsMatchReference checks, for every shipped model, that
// the word-cache path gives bit-identical emission scores to summing every
// feature row, on real sentences, with a cold cache, a warm one and a tiny
// one that keeps being replaced; and that the specialised decoder agrees
// with the generic one on some of these scores.
func TestCachedEmissionsMatchReference(t *testing.T) {
	models := testModels(t)
	names := make([]string, 0, len(models))
	for n := range models {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, name := range names {
		m := models[name]
		t.Run(name, func(t *testing.T) {
			lang := m.Header.Lang
			if lang == "" {
				lang = "en"
			}
			sents := realSentences(t, lang)
			for _, sz := range []int{defaultCacheWords, 1} {
				tg := newTagger(m, sz)
				passes := 2 // cold, then warm cache
				if sz == 1 {
					passes = 1 // replaced after every word
				}
				for pass := range passes {
					nonzero := false
					for k, ws := range sents {
						want, wantLabels := emissionsOf(tg, ws, false)
						got, gotLabels := emissionsOf(tg, ws, true)
						require.Equal(t, want, got, "cache %d pass %d: %q", sz, pass, ws)
						if m.Header.Baseline {
							require.Equal(t, wantLabels, gotLabels, "cache %d pass %d: %q", sz, pass, ws)
						} else if pass == 0 && sz > 1 && k%5 == 0 {
							checkDecoder(t, m.trans, want, len(ws), name)
						}
						nonzero = nonzero || slices.ContainsFunc(want, func(v int32) bool { return v != 0 })
					}
					require.True(t, nonzero, "the scores compared are not all zero")
				}
				if sz > 1 {
					require.NotZero(t, tg.cache.Load().n, "words were cached")
				}
			}
		})
	}
}

// TestCachedEmissionsDetectCorruptEntry makes sure the comparison above
// can fail: a cached vector off by one changes the scores of the tokens
// it goes into, and only them.
func TestCachedEmissionsDetectCorruptEntry(t *testing.T) {
	m, err := Train(TrainConfig{Bits: 14, Epochs: 3, Seed: 7}, synthetic(), nil)
	require.NoError(t, err)
	tg := NewTagger(m)
	ws := []string{"In", "Rome", ",", "Macron", "works", "with", "Carol", "Smith", "."}
	want, _ := emissionsOf(tg, ws, false)
	got, _ := emissionsOf(tg, ws, true) // fills the cache
	require.Equal(t, want, got)
	e := tg.cache.Load().lookup("Macron")
	require.NotNil(t, e)
	e.vec[roleM1][5]++ // goes into the score of "works" (token 4), label 6
	got, _ = emissionsOf(tg, ws, true)
	require.NotEqual(t, want, got)
	for i := range want {
		d := got[i] - want[i]
		if i == 4*numLabels+6 {
			require.Equal(t, int32(1), d)
		} else {
			require.Zero(t, d, "score %d", i)
		}
	}
}

func TestWordEntryLayout(t *testing.T) {
	require.Equal(t, uintptr(384), unsafe.Sizeof(wordEntry{}))
	require.Equal(t, uintptr(64), unsafe.Offsetof(wordEntry{}.vec))
}

// TestWordCacheConcurrent tags in parallel with small caches that fill up
// and get replaced, comparing with a tagger without sharing (run with
// -race).
func TestWordCacheConcurrent(t *testing.T) {
	m, err := Train(TrainConfig{Bits: 14, Epochs: 3, Seed: 7}, synthetic(), nil)
	require.NoError(t, err)
	tg := NewTagger(m)
	sents := realSentences(t, "fr")
	sents = sents[:min(len(sents), 200)]
	want := make([][]Span, len(sents))
	for i, ws := range sents {
		want[i] = newTagger(tg.Model(), 1).TagWords(ws)
	}
	for _, sz := range []int{cacheChunk, 4 * cacheChunk, defaultCacheWords} {
		shared := newTagger(tg.Model(), sz)
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for g := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := range 2 {
					for i := range sents {
						i := (i + g*len(sents)/4) % len(sents)
						if got := shared.TagWords(sents[i]); !slices.Equal(got, want[i]) {
							errs[g] = fmt.Errorf("cache %d goroutine %d round %d sentence %d: %v, want %v", sz, g, k, i, got, want[i])
							return
						}
					}
				}
			}()
		}
		wg.Wait()
		for _, err := range errs {
			require.NoError(t, err)
		}
	}
}

// TestWordCacheReplacedWhenFull checks that a full cache is replaced by an
// empty one and that entries keep their own copy of the word.
func TestWordCacheReplacedWhenFull(t *testing.T) {
	m, err := Train(TrainConfig{Bits: 12, Epochs: 1, Seed: 7}, synthetic(), nil)
	require.NoError(t, err)
	tg := newTagger(m, cacheChunk)
	first := tg.cache.Load()
	buf := []byte("w0000")
	for i := 0; i < cacheChunk; i++ {
		copy(buf[1:], fmt.Sprintf("%04d", i))
		tg.TagWords([]string{string(buf)})
	}
	require.Equal(t, cacheChunk, first.n)
	require.NotNil(t, first.lookup("w0007"))
	require.Nil(t, first.lookup("w9999"))
	require.NotSame(t, first, tg.cache.Load(), "replaced once full")
	require.Zero(t, tg.cache.Load().n)
	tg.TagWords([]string{"Paris"})
	require.Equal(t, 1, tg.cache.Load().n)
}

// emissionsRef fills sc.em (and, for a baseline model, sc.labels) the
// plain way, summing the weight row of every feature of every token: the
// reference the cached path (emissions) must match exactly.
func (t *Tagger) emissionsRef(sc *scratch) {
	m := t.m
	n := len(sc.words)
	m.feat.analyse(sc)
	m.feat.features(sc)
	const L = numLabels
	const S = wStride
	sc.em = grow(sc.em, n*L)
	sc.labels = grow(sc.labels, n)
	for i := 0; i < n; i++ {
		var acc [S]int32
		for _, f := range sc.feats[sc.offs[i]:sc.offs[i+1]] {
			addRow(&acc, (*[S]int16)(m.w[int(f)*S:]))
		}
		if m.Header.Baseline {
			m.greedyStep(sc, i, &acc)
		}
		em := sc.em[i*L : i*L+L]
		em[0] = 0
		copy(em[1:], acc[:])
	}
}
