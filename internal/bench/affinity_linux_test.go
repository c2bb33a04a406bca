package bench

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// threadCPUs returns the number of CPUs each thread of this process may
// run on.
func threadCPUs(t *testing.T) map[int]int {
	t.Helper()
	tids, err := threads(os.Getpid())
	require.NoError(t, err)
	out := map[int]int{}
	for _, tid := range tids {
		var set unix.CPUSet
		if err := unix.SchedGetaffinity(tid, &set); err == nil { // the thread may have ended
			out[tid] = set.Count()
		}
	}
	return out
}

// TestPinSelf pins the test process to one CPU: every thread, those it
// starts afterwards and a child process run on that CPU alone; restoring
// gives every thread all of them again.
func TestPinSelf(t *testing.T) {
	var all unix.CPUSet
	require.NoError(t, unix.SchedGetaffinity(0, &all))
	if all.Count() < 2 {
		t.Skip("needs two CPUs")
	}
	restore, err := pinSelf(1)
	require.NoError(t, err)
	restored := false
	defer func() {
		if !restored {
			_ = restore()
		}
	}()

	// New threads: goroutines locked to fresh OS threads.
	done := make(chan struct{})
	for range 4 {
		go func() {
			runtime.LockOSThread()
			<-done
		}()
	}
	runtime.Gosched()
	for tid, n := range threadCPUs(t) {
		require.Equal(t, 1, n, "thread %d", tid)
	}
	out, err := exec.Command("sh", "-c", "grep Cpus_allowed_list /proc/self/status").Output()
	require.NoError(t, err)
	list := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(string(out)), "Cpus_allowed_list:"))
	require.NotContains(t, list, ",", "a child runs on one CPU")
	require.NotContains(t, list, "-", "a child runs on one CPU")

	require.NoError(t, restore())
	restored = true
	for tid, n := range threadCPUs(t) {
		require.Equal(t, all.Count(), n, "thread %d", tid)
	}
	close(done)

	_, err = pinSelf(all.Count() + 1)
	require.Error(t, err, "more CPUs than allowed")
	_, err = pinSelf(0)
	require.Error(t, err)
}
