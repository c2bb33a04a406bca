package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/wirenrich/wirenrich/internal/nlp/lang"
)

// cmdTrainLang trains the language identifier (internal/models/lang-ngrams.gz)
// from ../shared/data. The same data, options and -date give a
// byte-identical file.
func cmdTrainLang(_ context.Context, args []string, sio stdio) error {
	fs := flag.NewFlagSet("train-lang", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	data := fs.String("data", "../shared/data", "corpus directory")
	out := fs.String("out", "internal/models/"+lang.ModelName+".gz", "model file to write")
	date := fs.String("date", time.Now().UTC().Format("2006-01-02"), "date recorded in the model (fix it to reproduce a file)")
	opt := lang.DefaultTrainOptions()
	fs.IntVar(&opt.TopK[1], "k1", opt.TopK[1], "top unigrams per language")
	fs.IntVar(&opt.TopK[2], "k2", opt.TopK[2], "top bigrams per language")
	fs.IntVar(&opt.TopK[3], "k3", opt.TopK[3], "top trigrams per language")
	fs.IntVar(&opt.TopK[4], "k4", opt.TopK[4], "top 4-grams per language")
	fs.Float64Var(&opt.Alpha, "alpha", opt.Alpha, "additive smoothing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	split, err := lang.LoadSplit(*data)
	if err != nil {
		return fmt.Errorf("train-lang: %w", err)
	}
	id, err := lang.Train(split.Train, opt)
	if err != nil {
		return fmt.Errorf("train-lang: %w", err)
	}
	scale := id.FitScale(split.Dev)
	rep := split.Evaluate(id, "held-out test")
	var tbl bytes.Buffer
	rep.Print(&tbl)
	fmt.Fprint(sio.out, tbl.String())

	prov := []string{
		"wirenrich language identifier: character 1-4-gram naive Bayes (" + lang.ModelName + ")",
		"date: " + *date,
		fmt.Sprintf("command: worker train-lang -data DATA -date %s -k1 %d -k2 %d -k3 %d -k4 %d -alpha %g",
			*date, opt.TopK[1], opt.TopK[2], opt.TopK[3], opt.TopK[4], opt.Alpha),
		"data (DATA = ../shared/data): " + strings.Join(split.Sources, ", "),
		"split: WikiNEuRal val first 90% train, last 10% calibration dev; test-a held out (sentences; pseudo-articles of 10 sentences);",
		"  HIPE NewsEye fi/sv train first 90% train, last 10% dev; NewsEye dev+dev2 held out (sentences >= 20 letters; documents)",
		fmt.Sprintf("confidence scale (fitted on dev): %g", scale),
		"licences: WikiNEuRal CC BY-NC-SA 4.0 (Babelscape; text from Wikipedia); HIPE-2022 NewsEye CC BY-NC-SA 4.0 (original NewsEye data CC BY 4.0).",
		"  The model is derived from non-commercial data: non-commercial use only unless retrained on other data.",
		"scores (accuracy on held-out test):",
	}
	for _, l := range strings.Split(strings.TrimRight(tbl.String(), "\n"), "\n") {
		prov = append(prov, "  "+l)
	}
	var raw bytes.Buffer
	if err := id.Write(&raw, prov); err != nil {
		return fmt.Errorf("train-lang: %w", err)
	}
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("train-lang: %w", err)
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return fmt.Errorf("train-lang: compress: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("train-lang: compress: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		return fmt.Errorf("train-lang: %w", err)
	}
	if err := os.WriteFile(*out, gz.Bytes(), 0o644); err != nil {
		return fmt.Errorf("train-lang: %w", err)
	}
	langs := id.Languages()
	slices.Sort(langs)
	fmt.Fprintf(sio.out, "wrote %s: %d bytes (%d uncompressed), languages %s, scale %g\n",
		*out, gz.Len(), raw.Len(), strings.Join(langs, " "), scale)
	return nil
}
