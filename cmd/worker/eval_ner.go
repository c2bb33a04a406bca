package main

import (
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/wirenrich/wirenrich/internal/nlp/ner"
)

func cmdEvalNER(_ context.Context, args []string, sio stdio) error {
	fs := flag.NewFlagSet("eval-ner", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	lang := fs.String("lang", "", "language of the embedded model")
	data := fs.String("data", "", "comma-separated corpus files (WikiNEuRal, UNER .iob2, HIPE TSV, Europeana BIO; gzip or plain)")
	model := fs.String("model", "", "model file to use instead of the embedded one")
	gazPath := fs.String("gazetteer", "", "shared gazetteer file for --model (default: the embedded one)")
	only := fs.String("types", "", "comma-separated types to score (e.g. PER,ORG,LOC for corpora without MISC); others are dropped from gold and predictions")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *data == "" || (*lang == "" && *model == "") {
		return errors.New("eval-ner: --data and --lang (or --model) are required")
	}
	var t *ner.Tagger
	if *model != "" {
		m, err := readModelFile(*model, *gazPath)
		if err != nil {
			return fmt.Errorf("eval-ner: %w", err)
		}
		t = ner.NewTagger(m)
	} else {
		var err error
		if t, err = ner.Load(*lang); err != nil {
			return fmt.Errorf("eval-ner: %w", err)
		}
	}
	ex, err := readExamples(strings.Split(*data, ","))
	if err != nil {
		return fmt.Errorf("eval-ner: %w", err)
	}
	fmt.Fprintf(sio.out, "model %s on %s\n", t.Name(), *data)
	rep := ner.Evaluate(t, ex)
	if *only != "" {
		rep = ner.EvaluateTypes(t, ex, strings.Split(*only, ","))
	}
	return rep.Write(sio.out)
}

// readModelFile reads a (gzip) model file; a model stored against a shared
// gazetteer gets the one at gazPath, or the embedded one.
func readModelFile(path, gazPath string) (*ner.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
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
	gaz := ner.LoadGazetteer
	if gazPath != "" {
		gaz = func() (*ner.Gazetteer, error) { return readGazetteerFile(gazPath) }
	}
	m, err := ner.ReadModelWith(r, gaz)
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", path, err)
	}
	return m, nil
}
