// Package cputime reads CPU clocks — of this process, of the calling
// thread — for the benchmarks and measurements that must stay meaningful
// on a shared, loaded machine, where wall-clock time counts what other
// processes do.
package cputime

import (
	"syscall"
	"time"
)

// Process returns the user and system CPU time this process has used
// (getrusage), 0 if it cannot be read.
func Process() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
