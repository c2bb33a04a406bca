package bench

import "syscall"

// procAttr makes a replica die with the bench.
func procAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL} }
