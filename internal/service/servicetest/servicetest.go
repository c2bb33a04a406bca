// Package servicetest runs worker replicas (service.Service) inside tests,
// stopped and checked when the test ends.
package servicetest

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/config"
	"github.com/wirenrich/wirenrich/internal/pipeline"
	"github.com/wirenrich/wirenrich/internal/service"
)

// Start runs a replica until the test ends or the returned stop is called,
// waiting up to ready for it to consume. stop fails the test if Run
// returned an error or the replica did not stop within 30 seconds.
func Start(t testing.TB, cfg config.Config, enr pipeline.Enricher, log zerolog.Logger, ready time.Duration) (*service.Service, func()) {
	t.Helper()
	svc, err := service.New(cfg, enr, log)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- svc.Run(ctx) }()
	var once atomic.Bool
	stop := func() {
		if once.Swap(true) {
			return
		}
		cancel()
		select {
		case err := <-done:
			require.NoError(t, err)
		case <-time.After(30 * time.Second):
			t.Error("service did not stop")
		}
	}
	t.Cleanup(stop)
	require.Eventually(t, svc.Ready, ready, 10*time.Millisecond, "service ready")
	return svc, stop
}
