package bench

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// replica is one worker process started by the bench.
type replica struct {
	cmd    *exec.Cmd
	addr   string // HTTP address of /readyz
	logBuf *limitedWriter
	done   chan error
}

// replicaSpec is what a set of replicas runs with.
type replicaSpec struct {
	worker     string   // worker binary
	env        []string // WIRENRICH_* of the run (without HTTP_ADDR)
	gomaxprocs int      // 0 = the Go default
}

// freeAddr returns a free 127.0.0.1 TCP address.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("free port: %w", err)
	}
	addr := ln.Addr().String()
	if err := ln.Close(); err != nil {
		return "", fmt.Errorf("free port: %w", err)
	}
	return addr, nil
}

// baseEnv is the bench's environment without any worker configuration, so
// that a replica reads only what the bench sets.
func baseEnv() []string {
	var out []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "WIRENRICH_") || k == "NATS_URL" || k == "GOMAXPROCS" {
			continue
		}
		out = append(out, kv)
	}
	return out
}

// startReplica starts one worker process ("worker run") and returns once it
// runs; ready tells when it consumes.
func startReplica(spec replicaSpec) (*replica, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	// The process must outlive no caller: stop() ends it, and it dies with
	// the bench (Pdeathsig).
	cmd := exec.Command(spec.worker, "run")
	cmd.Env = append(baseEnv(), spec.env...)
	cmd.Env = append(cmd.Env, "WIRENRICH_HTTP_ADDR="+addr)
	if spec.gomaxprocs > 0 {
		cmd.Env = append(cmd.Env, "GOMAXPROCS="+strconv.Itoa(spec.gomaxprocs))
	}
	buf := &limitedWriter{max: 64 << 10}
	cmd.Stdout = buf
	cmd.Stderr = buf
	cmd.SysProcAttr = procAttr()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start replica %s: %w", spec.worker, err)
	}
	r := &replica{cmd: cmd, addr: addr, logBuf: buf, done: make(chan error, 1)}
	go func() { r.done <- cmd.Wait() }()
	return r, nil
}

// pause stops the process (SIGSTOP); resume lets it go on.
func (r *replica) pause() error {
	if err := r.cmd.Process.Signal(syscall.SIGSTOP); err != nil {
		return fmt.Errorf("pause replica %d: %w", r.cmd.Process.Pid, err)
	}
	return nil
}

func (r *replica) resume() error {
	if err := r.cmd.Process.Signal(syscall.SIGCONT); err != nil {
		return fmt.Errorf("resume replica %d: %w", r.cmd.Process.Pid, err)
	}
	return nil
}

// waitReady polls /readyz until the replica consumes.
func (r *replica) waitReady(ctx context.Context, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	client := &http.Client{Timeout: time.Second}
	url := "http://" + r.addr + "/readyz"
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return fmt.Errorf("readyz: %w", err)
		}
		if resp, err := client.Do(req); err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case err := <-r.done:
			r.done <- err
			return fmt.Errorf("replica %d exited before ready (%v): %s", r.cmd.Process.Pid, err, r.logTail())
		case <-ctx.Done():
			return fmt.Errorf("replica %d not ready after %s: %s", r.cmd.Process.Pid, timeout, r.logTail())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// stop sends SIGTERM, waits up to grace, then kills.
func (r *replica) stop(grace time.Duration) error {
	select {
	case err := <-r.done:
		r.done <- err
		return fmt.Errorf("replica %d had exited: %v: %s", r.cmd.Process.Pid, err, r.logTail())
	default:
	}
	_ = r.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-r.done:
		r.done <- err
		if err != nil {
			return fmt.Errorf("replica %d: %w: %s", r.cmd.Process.Pid, err, r.logTail())
		}
		return nil
	case <-time.After(grace):
		_ = r.cmd.Process.Kill()
		err := <-r.done
		r.done <- err
		return fmt.Errorf("replica %d killed after %s without stopping", r.cmd.Process.Pid, grace)
	}
}

func (r *replica) logTail() string {
	s := strings.TrimSpace(r.logBuf.String())
	if len(s) > 800 {
		s = "…" + s[len(s)-800:]
	}
	return s
}

// Memory is a replica's memory as the kernel sees it.
type Memory struct {
	PID int `json:"pid"`
	// RSSMiB is the resident set now, HWMMiB its peak.
	RSSMiB float64 `json:"rss_mib"`
	HWMMiB float64 `json:"hwm_mib"`
}

// memory reads VmRSS and VmHWM of the replica from /proc.
func (r *replica) memory() (Memory, error) {
	pid := r.cmd.Process.Pid
	m := Memory{PID: pid}
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return m, fmt.Errorf("memory of %d: %w", pid, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		var dst *float64
		switch k {
		case "VmRSS":
			dst = &m.RSSMiB
		case "VmHWM":
			dst = &m.HWMMiB
		default:
			continue
		}
		kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
		if err != nil {
			return m, fmt.Errorf("memory of %d: %s: %w", pid, k, err)
		}
		*dst = kb / 1024
	}
	if err := sc.Err(); err != nil {
		return m, fmt.Errorf("memory of %d: %w", pid, err)
	}
	if m.RSSMiB == 0 {
		return m, errors.New("memory: no VmRSS in /proc status")
	}
	return m, nil
}

// cpu returns the user+system CPU seconds the replica has used, to the
// nanosecond: the kernel's CPU clock of the process (processCPU), not the
// utime and stime of /proc/<pid>/stat, which count in 10 ms clock ticks
// and so read the same before and after a short run (a pass-through run
// of a few articles uses a few milliseconds of CPU).
func (r *replica) cpu() (float64, error) {
	pid := r.cmd.Process.Pid
	d, err := processCPU(pid)
	if err != nil {
		return 0, fmt.Errorf("cpu of replica %d: %w", pid, err)
	}
	return d.Seconds(), nil
}

// LoadAvg is the 1, 5 and 15 minute load averages (zero where unknown).
type LoadAvg [3]float64

func (l LoadAvg) String() string { return fmt.Sprintf("%.2f %.2f %.2f", l[0], l[1], l[2]) }

// loadAvg reads /proc/loadavg.
func loadAvg() LoadAvg {
	var l LoadAvg
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return l
	}
	for i, f := range strings.Fields(string(data)) {
		if i >= 3 {
			break
		}
		l[i], _ = strconv.ParseFloat(f, 64)
	}
	return l
}

// limitedWriter keeps the last max bytes written to it.
type limitedWriter struct {
	mu  sync.Mutex
	buf bytes.Buffer
	max int
}

func (w *limitedWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

func (w *limitedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := len(p)
	w.buf.Write(p)
	if over := w.buf.Len() - w.max; over > 0 {
		w.buf.Next(over)
	}
	return n, nil
}
