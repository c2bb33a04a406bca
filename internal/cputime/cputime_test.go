package cputime

import (
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// spin keeps the calling thread busy for d of wall-clock time.
func spin(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}

// TestClocks checks that work shows on both clocks and that sleeping
// does not show on the thread's: the clocks count CPU, not time.
func TestClocks(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	p0, t0 := Process(), Thread()
	spin(20 * time.Millisecond)
	p1, t1 := Process(), Thread()
	require.Greater(t, p1, p0, "work shows on the process clock")
	require.Greater(t, t1-t0, 5*time.Millisecond, "work shows on the thread clock")
	if runtime.GOOS != "linux" {
		return
	}
	time.Sleep(50 * time.Millisecond)
	t2 := Thread()
	require.Less(t, t2-t1, 25*time.Millisecond, "a sleeping thread uses no CPU")
}
