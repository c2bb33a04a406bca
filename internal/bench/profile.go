package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"sync"
	"time"
)

// profileWindow is how long the replicas are profiled from the start of a
// run: their profile endpoint takes a duration, not a stop.
const profileWindow = 5 * time.Second

// startProfiles starts CPU profiles of the bench process (the embedded
// server, publisher and collector) and of every replica (through its
// /debug/pprof/profile, WIRENRICH_PPROF) for the run name, written to
// Options.ProfileDir as <name>.bench.pprof and <name>.replica<i>.pprof.
// stop ends the bench's profile and waits for the replicas' (the first
// profileWindow of the run). Without a ProfileDir it does nothing.
func (b *bencher) startProfiles(ctx context.Context, name string, reps []*replica) (stop func() error, err error) {
	dir := b.opts.ProfileDir
	if dir == "" {
		return func() error { return nil }, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("bench profile: %w", err)
	}
	self, err := os.Create(filepath.Join(dir, name+".bench.pprof"))
	if err != nil {
		return nil, fmt.Errorf("bench profile: %w", err)
	}
	if err := pprof.StartCPUProfile(self); err != nil {
		_ = self.Close()
		return nil, fmt.Errorf("bench profile: %w", err)
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	for i, r := range reps {
		path := filepath.Join(dir, name+".replica"+strconv.Itoa(i)+".pprof")
		wg.Go(func() {
			if err := r.cpuProfile(ctx, profileWindow, path); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		})
	}
	return func() error {
		pprof.StopCPUProfile()
		err := self.Close()
		wg.Wait()
		mu.Lock()
		defer mu.Unlock()
		if err = errors.Join(append(errs, err)...); err != nil {
			return fmt.Errorf("bench profile: %w", err)
		}
		return nil
	}, nil
}

// cpuProfile writes a CPU profile of the replica over d to path.
func (r *replica) cpuProfile(ctx context.Context, d time.Duration, path string) error {
	ctx, cancel := context.WithTimeout(ctx, d+30*time.Second)
	defer cancel()
	url := "http://" + r.addr + "/debug/pprof/profile?seconds=" + strconv.Itoa(int(d.Seconds()))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("profile replica %d: %w", r.cmd.Process.Pid, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("profile replica %d: %w", r.cmd.Process.Pid, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("profile replica %d: %s (is WIRENRICH_PPROF set?)", r.cmd.Process.Pid, resp.Status)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("profile replica %d: %w", r.cmd.Process.Pid, err)
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		_ = f.Close()
		return fmt.Errorf("profile replica %d: %w", r.cmd.Process.Pid, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("profile replica %d: %w", r.cmd.Process.Pid, err)
	}
	return nil
}
