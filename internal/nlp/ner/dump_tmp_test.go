package ner

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/wirenrich/wirenrich/internal/nlp/ner/corpus"
)

// TestDumpTags writes the tags of the dev split of every language (temporary).
func TestDumpTags(t *testing.T) {
	dir := os.Getenv("NER_DUMP")
	if dir == "" {
		t.Skip("set NER_DUMP")
	}
	for _, l := range Languages() {
		ss, err := corpus.ReadFile("/work/shared/data/wikineural/wikineural-" + l + "-test-a.conllu.gz")
		require.NoError(t, err)
		tg, err := Load(l)
		require.NoError(t, err)
		f, err := os.Create(filepath.Join(dir, l+".txt"))
		require.NoError(t, err)
		w := bufio.NewWriter(f)
		fmt.Fprintln(w, tg.Name())
		for i, s := range ss[len(ss)-len(ss)/10-3000:] {
			for _, sp := range tg.TagWords(s.Tokens) {
				fmt.Fprintf(w, "%d %d %d %s %v\n", i, sp.Start, sp.End, sp.Type, sp.Confidence)
			}
		}
		require.NoError(t, w.Flush())
		require.NoError(t, f.Close())
	}
}

func readGzModel(t *testing.T, path string, gaz func() (*Gazetteer, error)) *Model {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	require.NoError(t, err)
	m, err := ReadModelWith(zr, gaz)
	require.NoError(t, err)
	return m
}

func TestCompareModels(t *testing.T) {
	dir := os.Getenv("NER_NEW")
	if dir == "" {
		t.Skip("set NER_NEW")
	}
	f, err := os.Open(filepath.Join(dir, "ner-gazetteer.gz"))
	require.NoError(t, err)
	zr, err := gzip.NewReader(f)
	require.NoError(t, err)
	g, err := ReadGazetteer(zr)
	require.NoError(t, err)
	gaz := func() (*Gazetteer, error) { return g, nil }
	for _, l := range []string{"de", "en", "es", "fr", "it", "nl", "pl", "pt", "ru"} {
		a := readGzModel(t, os.Getenv("NER_OLD")+"/ner-"+l+".gz", nil)
		b := readGzModel(t, filepath.Join(dir, "ner-"+l+".gz"), gaz)
		require.Equal(t, g.Hash, b.Header.Gazetteer)
		b.Header.Gazetteer = ""
		require.Equal(t, a.Header, b.Header)
		require.Equal(t, a.feat, b.feat, l)
		require.Equal(t, a.w, b.w)
		require.Equal(t, a.trans, b.trans)
		t.Logf("%s identical", l)
	}
}
