package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/wirenrich/wirenrich/internal/bench"
	"github.com/wirenrich/wirenrich/internal/benchdata"
)

// cmdBench measures the worker end to end with replicas started from this
// very binary, and prints (and writes as JSON) the report.
func cmdBench(ctx context.Context, args []string, sio stdio) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	articles := fs.Int("articles", 2000, "articles `N` preloaded per throughput run")
	words := fs.Int("words", benchdata.Typical, "words per article")
	replicas := fs.Int("replicas", 2, "worker replicas `K` of the main runs")
	rate := fs.Float64("rate", 0, "articles/s of the latency run; 0 = half the measured maximum")
	duration := fs.Duration("duration", 10*time.Second, "length of the fixed-rate latency run")
	timeout := fs.Duration("timeout", 5*time.Minute, "longest wait for the outputs of one run")
	natsURL := fs.String("nats-url", "", "NATS server to use (127.0.0.1 only advised); empty starts an embedded one")
	scaling := fs.Bool("scaling", true, "add the runs of 1 and 2 replicas with GOMAXPROCS=1")
	inProc := fs.Bool("in-process", true, "measure the in-process throughput of the same articles too")
	quick := fs.Bool("quick", false, "a small run for CI: 120 articles, 2 s at the fixed rate")
	out := fs.String("out", "", "write the report as JSON to `FILE`")
	serverProcs := fs.Int("server-procs", 0, "GOMAXPROCS `N` of the bench process (embedded server, publisher, collector) during the end-to-end runs; 0 = Go's default")
	profile := fs.String("profile", "", "write CPU profiles of the bench process (embedded server, collector) and of each replica over each preloaded run to `DIR` (go tool pprof); perturbs the figures")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: worker bench [--articles N] [--replicas K] [--rate R] [--duration D] [--quick] [--out FILE]")
		fmt.Fprintln(fs.Output(), "Runs worker replicas (this binary) against NATS and reports throughput, latency and memory.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("bench takes no arguments, got %q", fs.Args())
	}
	if *quick {
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		if !set["articles"] {
			*articles = 120
		}
		if !set["duration"] {
			*duration = 2 * time.Second
		}
		if !set["timeout"] {
			*timeout = time.Minute
		}
	}
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("bench: the worker binary: %w", err)
	}
	rep, err := bench.Execute(ctx, bench.Options{
		Worker: self, NatsURL: *natsURL, Articles: *articles, Words: *words, Replicas: *replicas,
		Rate: *rate, Duration: *duration, Timeout: *timeout, Scaling: *scaling, SkipInProcess: !*inProc, Progress: sio.err,
		ProfileDir: *profile, ServerProcs: *serverProcs,
	})
	if err != nil {
		return err
	}
	if err := rep.WriteTable(sio.out); err != nil {
		return err
	}
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		if err := rep.WriteJSON(f); err != nil {
			_ = f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
	}
	return nil
}
