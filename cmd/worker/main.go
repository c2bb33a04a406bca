// Command worker is the Wirenrich enrichment worker: with no subcommand it
// consumes raw wire articles from NATS JetStream and publishes enriched
// documents; its subcommands are one-shot tools (enrich, train, evaluate,
// benchmark).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// stdio is the standard streams a command reads and writes.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// command is one subcommand of the worker.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, io stdio) error
}

// commands lists the subcommands; "run" is the default.
func commands() map[string]command {
	return map[string]command{
		"run":    {"consume raw articles from NATS and publish enriched documents (default)", cmdRun},
		"enrich": {"enrich files or stdin without NATS; prints JSON Lines", cmdEnrich},

		"train-ner": {"train a named-entity model from corpora in ../shared/data", cmdTrainNER},
		"eval-ner":  {"evaluate a named-entity model on a corpus file (P/R/F1 per type)", cmdEvalNER},

		"train-lang": {"train the language identifier from ../shared/data", cmdTrainLang},
		"eval-lang":  {"evaluate the language identifier per language (sentences, articles)", cmdEvalLang},
		"eval":       {"score the enrichment against gold articles (entity and relation P/R/F1)", cmdEval},
		"bench":      {"measure throughput, latency and memory end to end with worker replicas", cmdBench},
		// Each tool lives in its own file of this package, named after it.
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	err := dispatch(ctx, os.Args[1:], stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr})
	stop()
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "worker:", err)
		os.Exit(1)
	}
}

func dispatch(ctx context.Context, args []string, sio stdio) error {
	cmds := commands()
	name := "run"
	if len(args) > 0 && args[0] != "" && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	if name == "help" {
		usage(sio.out, cmds)
		return nil
	}
	c, ok := cmds[name]
	if !ok {
		usage(sio.err, cmds)
		return fmt.Errorf("unknown command %q", name)
	}
	return c.run(ctx, args, sio)
}

func usage(w io.Writer, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "usage: worker [command] [flags]")
	fmt.Fprintln(w, "\ncommands:")
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\n`worker --help` lists the configuration variables; `worker COMMAND -h` a command's flags.")
}
