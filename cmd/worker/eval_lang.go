package main

import (
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/wirenrich/wirenrich/internal/nlp/lang"
)

// cmdEvalLang prints the language identifier's accuracy per language on
// single sentences and on whole articles: the held-out test of the training
// carve, then out-of-domain sets (UD treebanks, HIPE newspapers, French
// Wikinews articles).
func cmdEvalLang(_ context.Context, args []string, sio stdio) error {
	fs := flag.NewFlagSet("eval-lang", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	data := fs.String("data", "../shared/data", "corpus directory")
	model := fs.String("model", "", "model file (.gz or plain); default the embedded model")
	if err := fs.Parse(args); err != nil {
		return err
	}
	id, err := loadLangModel(*model)
	if err != nil {
		return fmt.Errorf("eval-lang: %w", err)
	}
	split, err := lang.LoadSplit(*data)
	if err != nil {
		return fmt.Errorf("eval-lang: %w", err)
	}
	start := time.Now()
	rep := split.Evaluate(id, "held-out test (WikiNEuRal test-a; HIPE NewsEye dev+dev2 for fi sv)")
	rep.Print(sio.out)
	n := 0
	for _, ts := range split.TestSentences {
		n += len(ts)
	}
	for _, ts := range split.TestArticles {
		n += len(ts)
	}
	fmt.Fprintf(sio.out, "  (%d texts in %v)\n", n, time.Since(start).Round(time.Millisecond))
	ood, err := lang.OutOfDomain(*data)
	if err != nil {
		return fmt.Errorf("eval-lang: %w", err)
	}
	for _, s := range ood {
		s.Evaluate(id, "out of domain: "+strings.Join(s.Sources, ", ")).Print(sio.out)
	}
	return nil
}

func loadLangModel(path string) (*lang.Identifier, error) {
	if path == "" {
		return lang.Load()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open model: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("model %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	id, err := lang.Read(r)
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", path, err)
	}
	return id, nil
}
