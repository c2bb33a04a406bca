package lang

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// The project's carve of ../shared/data for the language model.
//
//   - de en es fr it nl pl pt ru: WikiNEuRal val, first 90% of sentences to
//     train, last 10% as dev (confidence calibration); WikiNEuRal test-a as
//     the held-out test (sentences, and pseudo-articles of 10 consecutive
//     sentences).
//   - fi sv: HIPE-2022 NewsEye train (historical newspapers), first 90% of
//     sentences to train, last 10% dev; NewsEye dev and dev2 as the test
//     (sentences, and their real documents as articles).

// WikiNEuRalLangs are the languages trained from WikiNEuRal.
var wikiNEuRalLangs = []string{"de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru"}

// hipeLangs are the languages trained from HIPE NewsEye.
var hipeLangs = []string{"fi", "sv"}

// Split holds the texts of each part of the carve, per language.
type Split struct {
	Train, Dev map[string][]string
	// TestSentences and TestArticles are the held-out test texts.
	TestSentences, TestArticles map[string][]string
	// Sources lists the files read, relative to the data directory.
	Sources []string
}

// ArticleSentences is the number of consecutive sentences of a
// pseudo-article.
const ArticleSentences = 10

// MinSentenceLetters filters test sentences from OCR corpora: fragments
// with fewer letters are not sentences.
const MinSentenceLetters = 20

// LoadSplit reads the carve from the data directory (../shared/data).
func LoadSplit(dataDir string) (*Split, error) {
	s := &Split{
		Train: map[string][]string{}, Dev: map[string][]string{},
		TestSentences: map[string][]string{}, TestArticles: map[string][]string{},
	}
	for _, l := range wikiNEuRalLangs {
		val := filepath.Join("wikineural", "wikineural-"+l+"-val.conllu.gz")
		test := filepath.Join("wikineural", "wikineural-"+l+"-test-a.conllu.gz")
		sents, err := ReadColumnSentences(filepath.Join(dataDir, val))
		if err != nil {
			return nil, err
		}
		cut := len(sents) * 9 / 10
		s.Train[l], s.Dev[l] = sents[:cut], sents[cut:]
		ts, err := ReadColumnSentences(filepath.Join(dataDir, test))
		if err != nil {
			return nil, err
		}
		s.TestSentences[l] = ts
		s.TestArticles[l] = PseudoArticles(ts, ArticleSentences)
		s.Sources = append(s.Sources, val, test)
	}
	for _, l := range hipeLangs {
		train := filepath.Join("hipe2022-news", "HIPE-2022-v2.1-newseye-train-"+l+".tsv.gz")
		docs, err := ReadHIPE(filepath.Join(dataDir, train))
		if err != nil {
			return nil, err
		}
		var sents []string
		for _, d := range docs {
			sents = append(sents, d...)
		}
		cut := len(sents) * 9 / 10
		s.Train[l], s.Dev[l] = sents[:cut], sents[cut:]
		s.Sources = append(s.Sources, train)
		for _, part := range []string{"dev", "dev2"} {
			f := filepath.Join("hipe2022-news", "HIPE-2022-v2.1-newseye-"+part+"-"+l+".tsv.gz")
			docs, err := ReadHIPE(filepath.Join(dataDir, f))
			if err != nil {
				return nil, err
			}
			s.addDocs(l, docs)
			s.Sources = append(s.Sources, f)
		}
	}
	return s, nil
}

func (s *Split) addDocs(l string, docs []Document) {
	for _, d := range docs {
		for _, sent := range d {
			if letters(sent) >= MinSentenceLetters {
				s.TestSentences[l] = append(s.TestSentences[l], sent)
			}
		}
		s.TestArticles[l] = append(s.TestArticles[l], d.Text())
	}
}

func letters(s string) int {
	return eachWord(s, 0, func([]rune) {})
}

// OutOfDomain reads the evaluation sets that training never sees and that
// differ from it in domain: Universal Dependencies treebanks (en, fr), HIPE
// historical newspapers (de, en, fr) and the French Wikinews articles.
func OutOfDomain(dataDir string) ([]*Split, error) {
	var out []*Split
	ud := &Split{TestSentences: map[string][]string{}, TestArticles: map[string][]string{}}
	for _, f := range []struct{ l, path string }{
		{"en", "ud-english-ewt/en_ewt-ud-test.conllu.gz"},
		{"fr", "ud-french-gsd/fr_gsd-ud-test.conllu.gz"},
		{"fr", "ud-french-sequoia/fr_sequoia-ud-test.conllu.gz"},
		{"fr", "ud-french-other/fr_pud-ud-test.conllu.gz"},
	} {
		docs, err := ReadUD(filepath.Join(dataDir, f.path))
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			ud.TestSentences[f.l] = append(ud.TestSentences[f.l], d...)
			ud.TestArticles[f.l] = append(ud.TestArticles[f.l], d.Text())
		}
		ud.Sources = append(ud.Sources, f.path)
	}
	out = append(out, ud)
	ud20 := &Split{TestSentences: map[string][]string{}, Sources: []string{"the same UD sentences of >= 20 letters"}}
	for l, ts := range ud.TestSentences {
		for _, t := range ts {
			if letters(t) >= MinSentenceLetters {
				ud20.TestSentences[l] = append(ud20.TestSentences[l], t)
			}
		}
	}
	out = append(out, ud20)
	hipe := &Split{TestSentences: map[string][]string{}, TestArticles: map[string][]string{}}
	for _, f := range []struct{ l, name string }{
		{"de", "hipe2020-dev-de"}, {"de", "newseye-dev-de"}, {"de", "sonar-dev-de"},
		{"en", "hipe2020-dev-en"}, {"en", "topres19th-dev-en"},
		{"fr", "hipe2020-dev-fr"}, {"fr", "letemps-dev-fr"}, {"fr", "newseye-dev-fr"},
	} {
		path := filepath.Join("hipe2022-news", "HIPE-2022-v2.1-"+f.name+".tsv.gz")
		docs, err := ReadHIPE(filepath.Join(dataDir, path))
		if err != nil {
			return nil, err
		}
		hipe.addDocs(f.l, docs)
		hipe.Sources = append(hipe.Sources, path)
	}
	out = append(out, hipe)
	wn := &Split{TestSentences: map[string][]string{}, TestArticles: map[string][]string{}}
	dir := filepath.Join(dataDir, "wikinews-fr", "html")
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("wikinews: %w", err)
	}
	names := make([]string, 0, len(ents))
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".html") {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, fmt.Errorf("wikinews: %w", err)
		}
		if !utf8.Valid(b) {
			continue
		}
		txt := StripHTML(string(b))
		wn.TestArticles["fr"] = append(wn.TestArticles["fr"], txt)
		// paragraphs of at least MinSentenceLetters letters stand in for sentences
		for _, p := range strings.Split(txt, "\n") {
			if letters(p) >= MinSentenceLetters*2 {
				wn.TestSentences["fr"] = append(wn.TestSentences["fr"], strings.TrimSpace(p))
			}
		}
	}
	wn.Sources = append(wn.Sources, "wikinews-fr/html/*.html")
	out = append(out, wn)
	return out, nil
}

// Evaluate scores id on the test texts of s.
func (s *Split) Evaluate(id *Identifier, name string) Report {
	r := Report{Name: name, Sentences: map[string]Accuracy{}, Articles: map[string]Accuracy{}}
	for l, ts := range s.TestSentences {
		r.Sentences[l] = id.Evaluate(l, ts)
	}
	for l, ts := range s.TestArticles {
		r.Articles[l] = id.Evaluate(l, ts)
	}
	return r
}
