package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/wirenrich/wirenrich/internal/enrich"
	"github.com/wirenrich/wirenrich/internal/eval"
)

// cmdEval runs the enrichment over a directory of gold articles and prints
// entity and relation precision, recall and F1.
func cmdEval(ctx context.Context, args []string, sio stdio) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	gold := fs.String("gold", "testdata/gold", "gold `DIR`: NAME.<lang>.txt + NAME.expected.json files, or dev/ and heldout/ folders of them")
	heldout := fs.Bool("heldout", false, "score DIR/heldout instead of DIR/dev (when DIR has them)")
	verbose := fs.Bool("v", false, "list each article's false positives and false negatives")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: worker eval --gold DIR [--heldout] [-v]")
		fmt.Fprintln(fs.Output(), "Enriches each gold article and prints entity and relation P/R/F1 per type (rules: ../shared/fixtures/README.md).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir := *gold
	sub := "dev"
	if *heldout {
		sub = "heldout"
	}
	if st, err := os.Stat(filepath.Join(dir, sub)); err == nil && st.IsDir() {
		dir = filepath.Join(dir, sub)
	} else if *heldout {
		return fmt.Errorf("--heldout: no %s folder in %s", sub, *gold)
	}
	cases, err := eval.LoadDir(dir)
	if err != nil {
		return err
	}
	enr, err := enrich.New(enrich.Options{})
	if err != nil {
		return fmt.Errorf("enricher: %w", err)
	}
	total, results, err := eval.Run(ctx, enr, cases)
	if err != nil {
		return err
	}
	if *verbose {
		for _, r := range results {
			ov := r.Result.RelationOverall()
			fmt.Fprintf(sio.out, "== %s (%s): entities F1 %.3f, relations F1 %.3f\n", r.Case.Name, r.Case.Lang, r.Result.EntityOverall().F1(), ov.F1())
			for _, e := range r.Result.Errors {
				fmt.Fprintln(sio.out, "  "+e)
			}
		}
		fmt.Fprintln(sio.out)
	}
	fmt.Fprintf(sio.out, "gold: %s (%d articles)\n\n", dir, len(cases))
	return eval.WriteReport(sio.out, total)
}
