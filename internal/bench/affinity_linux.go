package bench

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// pinSelf restricts every thread of this process to n CPUs (the first n
// it may run on) and returns the function that gives them back their
// former set. Threads started later inherit the set of the thread that
// starts them, and so do child processes: replicas started while the
// bench is pinned run on the same CPUs.
func pinSelf(n int) (restore func() error, err error) {
	var old unix.CPUSet
	if err := unix.SchedGetaffinity(0, &old); err != nil {
		return nil, fmt.Errorf("bench: read CPU affinity: %w", err)
	}
	if n < 1 || n > old.Count() {
		return nil, fmt.Errorf("bench: cannot pin to %d of %d CPUs", n, old.Count())
	}
	var set unix.CPUSet
	for cpu, k := 0, 0; k < n; cpu++ {
		if old.IsSet(cpu) {
			set.Set(cpu)
			k++
		}
	}
	if err := setThreads(os.Getpid(), &set); err != nil {
		_ = setThreads(os.Getpid(), &old)
		return nil, err
	}
	return func() error { return setThreads(os.Getpid(), &old) }, nil
}

// pinProcess gives every thread of process pid the CPUs this thread may
// run on: a replica started while the bench is pinned already is, this
// makes sure of it.
func pinProcess(pid int) error {
	var set unix.CPUSet
	if err := unix.SchedGetaffinity(0, &set); err != nil {
		return fmt.Errorf("bench: read CPU affinity: %w", err)
	}
	return setThreads(pid, &set)
}

// setThreads sets the CPU affinity of every thread of process pid,
// going over the threads again until no new one appeared (one started
// meanwhile by a thread not yet pinned would otherwise escape).
func setThreads(pid int, set *unix.CPUSet) error {
	done := map[int]bool{}
	for {
		tids, err := threads(pid)
		if err != nil {
			return err
		}
		fresh := 0
		for _, tid := range tids {
			if done[tid] {
				continue
			}
			fresh++
			done[tid] = true
			// A thread may end between the listing and the call.
			if err := unix.SchedSetaffinity(tid, set); err != nil && !errors.Is(err, unix.ESRCH) {
				return fmt.Errorf("bench: set CPU affinity of thread %d of %d: %w", tid, pid, err)
			}
		}
		if fresh == 0 {
			return nil
		}
	}
}

// threads lists the thread ids of process pid.
func threads(pid int) ([]int, error) {
	ents, err := os.ReadDir("/proc/" + strconv.Itoa(pid) + "/task")
	if err != nil {
		return nil, fmt.Errorf("bench: threads of %d: %w", pid, err)
	}
	out := make([]int, 0, len(ents))
	for _, e := range ents {
		if tid, err := strconv.Atoi(e.Name()); err == nil {
			out = append(out, tid)
		}
	}
	return out, nil
}
