package reliability_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/natstest"
)

// lockedBuffer collects a child's output.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startChild starts this test binary as a worker process (the real
// enricher, configured by WIRENRICH_* variables) against url.
func startChild(t *testing.T, url string, out *lockedBuffer) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(),
		childEnv+"=1",
		"WIRENRICH_NATS_URL="+url,
		"WIRENRICH_HTTP_ADDR=",
		"WIRENRICH_WORKERS=2",
		"WIRENRICH_PULL_BATCH=8",
		"WIRENRICH_MAX_ACK_PENDING=32",
		"WIRENRICH_ACK_WAIT=1s",
		"WIRENRICH_MAX_DELIVER=10",
		"WIRENRICH_LOG_LEVEL=warn",
	)
	cmd.Stdout, cmd.Stderr = out, out
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	return cmd
}

// TestWorkerProcessKilledMidBatch SIGKILLs a worker process three times
// while it holds unacknowledged articles, then lets a last one finish:
// every input is enriched exactly once in the output stream.
func TestWorkerProcessKilledMidBatch(t *testing.T) {
	const n, kills = 200, 3
	srv := natstest.RunServer(t, nil)
	_, js := srv.JetStream()
	createInput(t, js, 1)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	sent := make([]uint64, 0, n)
	for i := range n {
		seq, err := publishRetrying(ctx, js, inputArticle(i))
		require.NoError(t, err)
		sent = append(sent, seq)
	}

	var out lockedBuffer
	inFlight := make([]int, 0, kills)
	for k := 1; k <= kills; k++ {
		cmd := startChild(t, srv.URL(), &out)
		target := uint64(n * k / (kills + 1))
		require.Eventually(t, func() bool { return streamMsgs(js, "ARTICLES_ENRICHED") >= target }, 90*time.Second, 5*time.Millisecond,
			"worker %d made no progress: %s", k, &out)
		c, err := js.Consumer(ctx, "ARTICLES_RAW", "enricher")
		require.NoError(t, err)
		ci, err := c.Info(ctx)
		require.NoError(t, err)
		require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
		err = cmd.Wait()
		require.Error(t, err, "killed")
		inFlight = append(inFlight, ci.NumAckPending)
		require.Positive(t, ci.NumAckPending, "killed in the middle of a batch")
	}

	cmd := startChild(t, srv.URL(), &out)
	waitSettled(t, js, n, 90*time.Second)
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	require.NoError(t, cmd.Wait(), "clean stop: %s", &out)

	a := audit(t, js, sent)
	figures(t, "worker process SIGKILLed mid-batch, restarted", "3 SIGKILLs, unacked in flight "+intsString(inFlight), a)
	require.Zero(t, a.Lost, "lost inputs %v", a.Missing)
	require.Zero(t, a.Duplicates, "exactly once in the output stream")
	require.Zero(t, a.DeadLetters)
	ids := map[string]bool{}
	for _, m := range natstest.StreamMessages(ctx, t, js, "ARTICLES_ENRICHED") {
		id := m.Header.Get(jetstream.MsgIDHeader)
		require.False(t, ids[id], "duplicate Nats-Msg-Id %s", id)
		ids[id] = true
	}
	require.Len(t, ids, n)
}

func intsString(v []int) string {
	b := []byte{'['}
	for i, x := range v {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(x), 10)
	}
	return string(append(b, ']'))
}
