package bench

import (
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestProcessCPU checks the CPU clock of a process against getrusage:
// nanosecond resolution (two reads around a little work differ, where
// clock ticks would not), and the whole process, not one thread.
func TestProcessCPU(t *testing.T) {
	pid := os.Getpid()
	a, err := processCPU(pid)
	require.NoError(t, err)
	spin(time.Millisecond) // well under a 10 ms clock tick
	b, err := processCPU(pid)
	require.NoError(t, err)
	require.Greater(t, b, a, "a millisecond of work shows")

	var ru syscall.Rusage
	require.NoError(t, syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
	c, err := processCPU(pid)
	require.NoError(t, err)
	// getrusage counts the same scheduler time (split into user and
	// system by ticks), read between b and c.
	require.InDelta(t, (c).Seconds(), time.Duration(ru.Utime.Nano()+ru.Stime.Nano()).Seconds(), 0.05)

	// Another process: readable while it runs, an error once reaped.
	cmd := exec.Command("sleep", "10")
	require.NoError(t, cmd.Start())
	child := cmd.Process.Pid
	d, err := processCPU(child)
	require.NoError(t, err)
	require.Less(t, d, 5*time.Second)
	require.NoError(t, cmd.Process.Kill())
	_ = cmd.Wait()
	_, err = processCPU(child)
	require.Error(t, err, "a reaped process has no CPU clock")
}

func spin(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}
