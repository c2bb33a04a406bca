package bench

import (
	"fmt"
	"syscall"
	"time"
	"unsafe"
)

// processCPU returns the CPU time (user+system, all threads, dead ones
// included) that process pid has used, read from its CPU-time clock
// (clock_getcpuclockid(3): CPUCLOCK_SCHED of the thread group), which the
// scheduler keeps in nanoseconds. Any process's clock may be read. It
// fails once the process has been reaped.
func processCPU(pid int) (time.Duration, error) {
	const cpuclockSched = 2 // CPUCLOCK_SCHED, linux/posix-timers.h
	clock := int32(^pid)<<3 | cpuclockSched
	var ts syscall.Timespec
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, uintptr(clock), uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		return 0, fmt.Errorf("clock_gettime of process %d: %w", pid, errno)
	}
	return time.Duration(ts.Nano()), nil
}
