package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/enrich"
	"github.com/wirenrich/wirenrich/internal/pipeline"
	"github.com/wirenrich/wirenrich/internal/sink"
)

// maxEnrichInput bounds one input file of the enrich command.
const maxEnrichInput = 16 << 20

// cmdEnrich enriches files (or stdin) without NATS and prints one document
// per input as JSON Lines.
func cmdEnrich(ctx context.Context, args []string, sio stdio) error {
	fs := flag.NewFlagSet("enrich", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	published := fs.String("published", "", "publication date `YYYY-MM-DD`, to resolve relative dates (overrides the input's)")
	language := fs.String("language", "", "language `CODE` (fr, en, …), overriding the input's declared language")
	format := fs.String("format", "auto", "input format: auto, ninjs, json, text or newsml")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: worker enrich [--published YYYY-MM-DD] [--language CODE] [--format auto|ninjs|json|text|newsml] [FILE ...]")
		fmt.Fprintln(fs.Output(), "Enriches each FILE (stdin when none, or -) and prints one JSON document per line. No NATS.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch *format {
	case "auto", "ninjs", "json", "text", "newsml":
	default:
		return fmt.Errorf("--format: want auto, ninjs, json, text or newsml, got %q", *format)
	}
	var pub time.Time
	if *published != "" {
		t, err := time.Parse(time.DateOnly, *published)
		if err != nil {
			return fmt.Errorf("--published: want YYYY-MM-DD: %w", err)
		}
		pub = t
	}
	proc := &pipeline.Processor{
		Enricher: &lazyEnricher{},
		Decode:   article.DecodeOptions{Format: *format, MaxSize: maxEnrichInput},
		Adjust: func(a *article.Article) {
			if *language != "" {
				a.Language = *language
			}
			if !pub.IsZero() {
				a.Published = pub
			}
		},
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	out := sink.NewLines(sio.out)
	var failed int
	for _, name := range files {
		data, err := readInput(name, sio.in)
		if err == nil {
			var res *pipeline.Result
			res, fail := proc.Process(ctx, pipeline.Input{Data: data})
			if fail != nil {
				err = fail
			} else {
				err = out.Write(res.Data)
			}
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			failed++
			fmt.Fprintf(sio.err, "worker enrich: %s: %v\n", name, err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d inputs failed", failed, len(files))
	}
	return nil
}

func readInput(name string, stdin io.Reader) ([]byte, error) {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	if r == nil {
		return nil, errors.New("no standard input")
	}
	data, err := io.ReadAll(io.LimitReader(r, maxEnrichInput+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	return data, nil
}

// lazyEnricher loads the models on the first article that decodes, so a
// run whose inputs all fail does not pay for them.
type lazyEnricher struct {
	once sync.Once
	enr  *enrich.Enricher
	err  error
}

func (l *lazyEnricher) Enrich(ctx context.Context, a *article.Article) (*enrich.Document, error) {
	l.once.Do(func() { l.enr, l.err = enrich.New(enrich.Options{}) })
	if l.err != nil {
		return nil, pipeline.Permanent(fmt.Errorf("loading the enricher: %w", l.err))
	}
	return l.enr.Enrich(ctx, a)
}
