//go:build !linux

package bench

import (
	"errors"
	"time"
)

// processCPU is only implemented on Linux.
func processCPU(int) (time.Duration, error) {
	return 0, errors.New("the CPU time of another process is only read on Linux")
}
