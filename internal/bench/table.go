package bench

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// WriteTable prints the report for humans.
func (r *Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "wirenrich bench — %s, %d CPUs, %d articles of ~%d words (%d words; %s; %s); bench process (embedded server) GOMAXPROCS %d\n\n",
		r.GoVersion, r.CPUs, r.Articles, r.Words, r.TotalWords, counts(r.Languages), counts(r.Formats), r.BenchGOMAXPROCS)
	fmt.Fprintln(tw, "run\tenricher\treplicas\tGOMAXPROCS\trate/s\tout\tdup\tdlq\tarticles/s\twords/s\twords/cpu-s\tCPU ms/article\tp50 ms\tp95 ms\tp99 ms\tRSS MiB (peak)\tload 1m\t")
	for _, x := range r.Runs {
		rate := "max"
		if x.Rate > 0 {
			rate = fmt.Sprintf("%.0f", x.Rate)
		}
		var mem []string
		for _, m := range x.Memory {
			mem = append(mem, fmt.Sprintf("%.0f (%.0f)", m.RSSMiB, m.HWMMiB))
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%d/%d\t%d\t%d\t%.0f\t%.0f\t%.0f\t%.2f + %.3f\t%.1f\t%.1f\t%.1f\t%s\t%.2f\t\n",
			x.Name, x.Enricher, x.Replicas, gmp(x.GOMAXPROCS)+cpuNote(x.CPUs), rate, x.Received, x.Published, x.Duplicates, x.DeadLetters,
			x.ArticlesPerSec, x.WordsPerSec, x.WordsPerCPUSec, x.ReplicaCPUMs, x.BenchCPUMs, x.Latency.P50, x.Latency.P95, x.Latency.P99, strings.Join(mem, " "), x.Load[0])
	}
	for _, p := range r.InProcess {
		fmt.Fprintf(tw, "in-process (%s)\tfull\t-\t%d\tmax\t%d\t-\t-\t%.0f\t%.0f\t%.0f\t%.2f\t\t\t\t\t%.2f\t\n",
			p.Phase, p.Goroutines, p.Articles, p.ArticlesPerSec, p.WordsPerSec, p.WordsPerCPUSec, cpuMsPerArticle(p), p.Load[0])
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("bench table: %w", err)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Latency of a preloaded (max) run is mostly time waiting in the stream; the -rate run gives latency under load.")
	fmt.Fprintln(w, "CPU ms/article: replicas + bench process (embedded server; in a -rate run the publisher too); in-process: its own CPU.")
	if r.EnrichmentCost > 0 {
		fmt.Fprintf(w, "pass-through / enrichment throughput: %.2fx (the bus ceiling over the enrichment)\n", r.EnrichmentCost)
	}
	if r.StreamingEfficiency > 0 {
		fmt.Fprintf(w, "streaming efficiency (end-to-end / in-process words/s, same cores, in-process the mean of before and after): %.0f%%\n", 100*r.StreamingEfficiency)
	}
	if r.CPUEfficiency > 0 {
		fmt.Fprintf(w, "CPU efficiency (end-to-end words per replica CPU-second / in-process, 1 goroutine): %.0f%%\n", 100*r.CPUEfficiency)
	}
	if r.Scaling > 0 {
		fmt.Fprintf(w, "scaling 1 -> 2 single-core replicas: %.2fx\n", r.Scaling)
	}
	if r.CoreScaling > 0 {
		fmt.Fprintf(w, "scaling 1 -> 2 cores (1 replica and the server on one CPU -> 2 single-core replicas and the server on two): %.2fx\n", r.CoreScaling)
	}
	if r.CPUScaling > 0 {
		fmt.Fprintf(w, "scaling the CPU figures predict on otherwise idle cores (2 x replica CPU of 1x1 / replica + bench CPU of 2x1): %.2fx\n", r.CPUScaling)
	}
	return nil
}

// cpuNote marks the GOMAXPROCS of a run pinned to some CPUs.
func cpuNote(cpus int) string {
	if cpus <= 0 {
		return ""
	}
	return fmt.Sprintf(" on %d CPU", cpus)
}

// cpuMsPerArticle is the CPU milliseconds an in-process article took.
func cpuMsPerArticle(p InProcess) float64 {
	if p.Articles == 0 {
		return 0
	}
	return 1000 * p.CPUSeconds / float64(p.Articles)
}

func counts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
