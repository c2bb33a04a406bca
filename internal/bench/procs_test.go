package bench

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestProcsPerReplica(t *testing.T) {
	tests := []struct {
		cpus, replicas, want int
	}{
		{cpus: 2, replicas: 2, want: 1},
		{cpus: 2, replicas: 1, want: 2},
		{cpus: 8, replicas: 2, want: 4},
		{cpus: 8, replicas: 3, want: 2},
		{cpus: 2, replicas: 4, want: 1},
		{cpus: 4, replicas: 0, want: 4},
	}
	for _, tc := range tests {
		require.Equal(t, tc.want, procsPerReplica(tc.cpus, tc.replicas), "%d CPUs, %d replicas", tc.cpus, tc.replicas)
	}
}

// TestDerive checks the ratios of a report: the in-process figures are
// the mean of the measurements before and after the main end-to-end run.
func TestDerive(t *testing.T) {
	r := &Report{
		Runs: []Run{
			{Name: "enrich", ArticlesPerSec: 100, WordsPerSec: 300, WordsPerCPUSec: 180},
			{Name: "passthrough", ArticlesPerSec: 400},
			{Name: "scale-1x1", WordsPerSec: 150, ReplicaCPUMs: 3},
			{Name: "scale-2x1", WordsPerSec: 270, ReplicaCPUMs: 3, BenchCPUMs: 0.5},
			{Name: scale1CPU, WordsPerSec: 135},
		},
		InProcess: []InProcess{
			{Phase: phaseBefore, Goroutines: 1, WordsPerSec: 190, WordsPerCPUSec: 190},
			{Phase: phaseBefore, Goroutines: 2, WordsPerSec: 350, WordsPerCPUSec: 175},
			{Phase: phaseAfter, Goroutines: 1, WordsPerSec: 210, WordsPerCPUSec: 210},
			{Phase: phaseAfter, Goroutines: 2, WordsPerSec: 450, WordsPerCPUSec: 225},
		},
	}
	r.derive()
	require.InDelta(t, 4.0, r.EnrichmentCost, 1e-9)
	require.InDelta(t, 300.0/400, r.StreamingEfficiency, 1e-9, "mean of 350 and 450")
	require.InDelta(t, 180.0/200, r.CPUEfficiency, 1e-9, "mean of 190 and 210")
	require.InDelta(t, 1.8, r.Scaling, 1e-9)
	require.InDelta(t, 2.0, r.CoreScaling, 1e-9)
	require.InDelta(t, 6/3.5, r.CPUScaling, 1e-9)

	// Without in-process figures (--in-process=false) the ratios that
	// need them stay zero.
	r = &Report{Runs: r.Runs}
	r.derive()
	require.Zero(t, r.StreamingEfficiency)
	require.Zero(t, r.CPUEfficiency)
	require.Positive(t, r.Scaling)
}
