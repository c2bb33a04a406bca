package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/bench"
)

// benchChildEnv makes this test binary act as the worker, so that the
// bench test can start replicas from it ("worker run").
const benchChildEnv = "WORKER_TEST_EXEC_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(benchChildEnv) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestBenchQuick runs `worker bench --quick` on a few articles and checks
// the report's counts: every article came out once, none dead-lettered,
// latencies ordered, CPU and memory read for every replica. It asserts no
// throughput or latency threshold: CI machines are small and loaded.
func TestBenchQuick(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	t.Setenv(benchChildEnv, "1")
	out := filepath.Join(t.TempDir(), "bench.json")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var stdout, stderr bytes.Buffer
	args := []string{"bench", "--quick", "--articles", "30", "--words", "200", "--duration", "1s", "--out", out}
	full := !raceEnabled
	if !full {
		// The replicas are this race-instrumented binary, several times
		// slower to load the models: one replica, no scaling runs and no
		// in-process run keep the test short.
		args = append(args, "--replicas", "1", "--scaling=false", "--in-process=false")
	}
	err := dispatch(ctx, args, stdio{out: &stdout, err: &stderr})
	require.NoError(t, err, stderr.String())
	require.Contains(t, stderr.String(), "bench: enrich: 30 articles preloaded")

	data, err := os.ReadFile(out)
	require.NoError(t, err)
	var rep bench.Report
	require.NoError(t, json.Unmarshal(data, &rep))
	require.Equal(t, 30, rep.Articles)
	require.Len(t, rep.Languages, 5)
	require.Len(t, rep.Formats, 4)
	names := map[string]bool{}
	byName := map[string]bench.Run{}
	for _, r := range rep.Runs {
		names[r.Name] = true
		byName[r.Name] = r
		t.Logf("%s: %d articles in %.3f s, %.0f articles/s, replica CPU %.4f s, %.0f words/CPU-s, p50 %.1f ms, load %s",
			r.Name, r.Received, r.Seconds, r.ArticlesPerSec, r.ReplicaCPUSeconds, r.WordsPerCPUSec, r.Latency.P50, r.Load)
		require.Positive(t, r.Published, r.Name)
		require.Equal(t, r.Published, r.Received, "%s: every article comes out", r.Name)
		require.Zero(t, r.Duplicates, r.Name)
		require.Zero(t, r.DeadLetters, r.Name)
		require.Positive(t, r.ArticlesPerSec, r.Name)
		require.Positive(t, r.WordsPerSec, r.Name)
		// Read from the replicas' nanosecond CPU clocks: even the few
		// milliseconds of a short pass-through run show.
		require.Positive(t, r.ReplicaCPUSeconds, r.Name)
		require.Positive(t, r.WordsPerCPUSec, r.Name)
		l := r.Latency
		require.Positive(t, l.P50, r.Name)
		require.LessOrEqual(t, l.P50, l.P95, r.Name)
		require.LessOrEqual(t, l.P95, l.P99, r.Name)
		require.LessOrEqual(t, l.P99, l.Max, r.Name)
		require.Len(t, r.Memory, r.Replicas, r.Name)
		for _, m := range r.Memory {
			require.Positive(t, m.RSSMiB, r.Name)
			require.GreaterOrEqual(t, m.HWMMiB, m.RSSMiB, r.Name)
		}
	}
	for _, n := range []string{"enrich", "enrich-rate", "passthrough"} {
		require.True(t, names[n], "run %s reported", n)
	}
	// Wall-clock rates of runs this short (10 to 500 ms) are at the mercy
	// of the scheduler on a loaded machine, so the pass-through run is
	// only required to be cheaper than the enrichment in replica CPU per
	// word (about 5 to 10 times), which load does not change.
	require.Positive(t, rep.EnrichmentCost)
	require.Greater(t, byName["passthrough"].WordsPerCPUSec, byName["enrich"].WordsPerCPUSec,
		"pass-through costs less CPU per word than the enrichment")
	if !full {
		return
	}
	require.Contains(t, stdout.String(), "scaling 1 -> 2")
	require.True(t, names["scale-1x1"] && names["scale-2x1"], "scaling runs reported")
	require.Len(t, rep.InProcess, 2*min(2, runtime.NumCPU()), "in-process before and after the end-to-end runs")
	require.Equal(t, "before", rep.InProcess[0].Phase)
	require.Equal(t, "after", rep.InProcess[len(rep.InProcess)-1].Phase)
	require.Positive(t, rep.InProcess[0].WordsPerSec)
	require.Positive(t, rep.StreamingEfficiency)
	require.Positive(t, rep.Scaling)
	if runtime.NumCPU() > 1 {
		require.True(t, names["scale-1x1-1cpu"], "one-CPU run reported")
		require.Equal(t, 1, byName["scale-1x1-1cpu"].CPUs)
		require.Positive(t, rep.CoreScaling)
		require.Contains(t, stdout.String(), "scaling 1 -> 2 cores")
	}
}
