package reliability_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/enrich"
	"github.com/wirenrich/wirenrich/internal/natstest"
)

// soakDuration is WIRENRICH_SOAK (e.g. 10m), 20s by default.
func soakDuration(t *testing.T) time.Duration {
	t.Helper()
	d := 20 * time.Second
	if v := os.Getenv("WIRENRICH_SOAK"); v != "" {
		var err error
		d, err = time.ParseDuration(v)
		require.NoError(t, err, "WIRENRICH_SOAK")
	}
	return d
}

type sample struct {
	at         time.Duration
	heap       uint64
	goroutines int
}

// TestSoakWithServerRestart publishes at a steady rate through a worker
// with the real enricher for WIRENRICH_SOAK (20s by default; set 10m for
// the real soak), restarts the server halfway, and checks that every input
// is enriched once and that live heap and goroutines stay flat.
func TestSoakWithServerRestart(t *testing.T) {
	d := soakDuration(t)
	const rate = 40 // articles per second
	srv := natstest.RunServer(t, nil)
	_, js := srv.JetStream()
	createInput(t, js, 1)
	cfg := baseConfig(t, srv.URL())
	cfg.Workers, cfg.PullBatch = 2, 4
	real, err := enrich.New(enrich.Options{})
	require.NoError(t, err)
	startService(t, cfg, real, quietLog(t))

	ctx, cancel := context.WithTimeout(context.Background(), d+3*time.Minute)
	defer cancel()
	var (
		mu     sync.Mutex
		sent   []uint64
		pubErr error
	)
	pubDone := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(pubDone)
		tick := time.NewTicker(time.Second / rate)
		defer tick.Stop()
		for i := 0; time.Since(start) < d; i++ {
			<-tick.C
			seq, err := publishRetrying(ctx, js, inputArticle(i))
			mu.Lock()
			if err != nil {
				pubErr = err
				mu.Unlock()
				return
			}
			sent = append(sent, seq)
			mu.Unlock()
		}
	}()

	var samples []sample
	every := max(d/40, 500*time.Millisecond)
	restarted := false
	for time.Since(start) < d {
		time.Sleep(every)
		if !restarted && time.Since(start) >= d/2 {
			srv.Restart()
			restarted = true
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		samples = append(samples, sample{at: time.Since(start), heap: ms.HeapAlloc, goroutines: runtime.NumGoroutine()})
	}
	<-pubDone
	mu.Lock()
	require.NoError(t, pubErr)
	n := len(sent)
	mu.Unlock()
	waitSettled(t, js, uint64(n), 2*time.Minute)

	a := audit(t, js, sent)
	figures(t, fmt.Sprintf("soak %s at %d/s, server restarted halfway", d, rate), "1 server restart", a)
	require.True(t, restarted)
	require.Zero(t, a.Lost, "lost inputs %v", a.Missing)
	require.Zero(t, a.Duplicates)
	require.Zero(t, a.DeadLetters)

	// Flat: the second half's peaks are no higher than the first half's
	// (after a warm-up quarter), with a small allowance.
	require.GreaterOrEqual(t, len(samples), 8)
	q := len(samples) / 4
	var heap1, heap2 uint64
	var gor1, gor2 int
	for i, s := range samples {
		switch {
		case i < q:
		case i < len(samples)/2+q/2:
			heap1, gor1 = max(heap1, s.heap), max(gor1, s.goroutines)
		default:
			heap2, gor2 = max(heap2, s.heap), max(gor2, s.goroutines)
		}
	}
	t.Logf("live heap peak %d MiB then %d MiB; goroutines peak %d then %d; %d samples", heap1>>20, heap2>>20, gor1, gor2, len(samples))
	require.LessOrEqual(t, heap2, heap1+heap1/2+32<<20, "live heap grows")
	require.LessOrEqual(t, gor2, gor1+25, "goroutines grow")
}
