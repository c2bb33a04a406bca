package pipeline

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"github.com/stretchr/testify/require"
)

func TestGuardRunsStagesOnRunners(t *testing.T) {
	errStage := errors.New("stage failed")
	cases := []struct {
		name      string
		timeout   time.Duration
		fn        func(context.Context) error
		wantErr   error
		abandoned bool
	}{
		{name: "ok", fn: func(context.Context) error { return nil }},
		{name: "error", fn: func(context.Context) error { return errStage }, wantErr: errStage},
		{name: "panic", fn: func(context.Context) error { panic("boom") }, wantErr: ErrPanic},
		{name: "past the deadline", timeout: 20 * time.Millisecond, wantErr: context.DeadlineExceeded, abandoned: true,
			fn: func(context.Context) error { time.Sleep(150 * time.Millisecond); return nil }},
	}
	p := &Processor{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			if tc.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tc.timeout)
				defer cancel()
			}
			ended, err := p.guard(ctx, tc.fn)
			if tc.wantErr == nil {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, tc.wantErr)
			}
			if !tc.abandoned {
				require.Nil(t, ended)
				return
			}
			require.NotNil(t, ended)
			// The next stage runs at once on another runner.
			_, err = p.guard(context.Background(), func(context.Context) error { return nil })
			require.NoError(t, err)
			select {
			case <-ended:
				t.Fatal("the abandoned stage is still running")
			default:
			}
			select {
			case <-ended:
			case <-time.After(5 * time.Second):
				t.Fatal("the abandoned stage's channel was not closed when it ended")
			}
		})
	}
}

// beatCounter is a Message that counts InProgress calls.
type beatCounter struct {
	Message
	beats atomic.Int64
}

func (m *beatCounter) InProgress() error {
	m.beats.Add(1)
	return nil
}

func TestHeartbeatBeatsOnlyWhileRunning(t *testing.T) {
	cases := []struct {
		name     string
		run      time.Duration
		minBeats int64
		maxBeats int64
	}{
		{name: "settled before the first beat", run: 0, minBeats: 0, maxBeats: 0},
		{name: "long article", run: 180 * time.Millisecond, minBeats: 1, maxBeats: 4},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := &Worker{opts: Options{AckWait: 100 * time.Millisecond}, log: zerolog.Nop()}
			m := &beatCounter{}
			stop := w.heartbeat(m) // a beat every 50 ms
			time.Sleep(tc.run)
			stop()
			n := m.beats.Load()
			require.GreaterOrEqual(t, n, tc.minBeats)
			require.LessOrEqual(t, n, tc.maxBeats)
			time.Sleep(120 * time.Millisecond)
			require.Equal(t, n, m.beats.Load(), "no beat after stop")
		})
	}
}
