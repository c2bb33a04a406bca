//go:build !linux

package bench

import "errors"

// errNoAffinity: CPU affinity is only set on Linux.
var errNoAffinity = errors.New("bench: CPU affinity is only set on Linux")

func pinSelf(int) (func() error, error) { return nil, errNoAffinity }

func pinProcess(int) error { return errNoAffinity }
