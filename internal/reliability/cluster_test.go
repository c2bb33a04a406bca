package reliability_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/natstest"
)

// TestClusterNodeLossMidStream runs a worker on a three-node cluster with R3
// streams and, while articles flow in, shuts down and restarts one node per
// round: the leader of the input stream, the leader of the output stream,
// then the node the worker is connected to. Every input must be enriched
// once, none left unacknowledged.
func TestClusterNodeLossMidStream(t *testing.T) {
	const n = 600
	c := natstest.RunCluster(t, 3)
	_, js := c.JetStream()
	cfg := baseConfig(t, c.URLs())
	cfg.StreamReplicas = 3
	enr := &slowPassthrough{delay: 2 * time.Millisecond}
	startService(t, cfg, enr, quietLog(t))

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var (
		mu     sync.Mutex
		sent   []uint64
		pubErr error
	)
	pubDone := make(chan struct{})
	go func() {
		defer close(pubDone)
		for i := range n {
			seq, err := publishRetrying(ctx, js, inputArticle(i))
			mu.Lock()
			if err != nil {
				pubErr = err
				mu.Unlock()
				return
			}
			sent = append(sent, seq)
			mu.Unlock()
			time.Sleep(2 * time.Millisecond)
		}
	}()

	rounds := []struct {
		name  string
		after uint64 // outputs stored before the kill
		node  func() int
	}{
		{"input stream leader", n / 6, func() int { return c.StreamLeader("ARTICLES_RAW") }},
		{"output stream leader", n / 3, func() int { return c.StreamLeader("ARTICLES_ENRICHED") }},
		{"worker's node", n / 2, func() int {
			for i, s := range c.Nodes {
				if s.HasClient("wirenrich ") {
					return i
				}
			}
			return -1
		}},
	}
	var killed []string
	began := time.Now()
	for _, r := range rounds {
		t.Logf("%s: waiting for %d outputs", time.Since(began).Round(time.Millisecond), r.after)
		require.Eventually(t, func() bool { return streamMsgs(js, "ARTICLES_ENRICHED") >= r.after }, 90*time.Second, 10*time.Millisecond, "outputs before killing the %s", r.name)
		i := r.node()
		require.GreaterOrEqual(t, i, 0, "found the %s", r.name)
		t.Logf("%s: shutting down the %s c-%d", time.Since(began).Round(time.Millisecond), r.name, i)
		c.Nodes[i].Shutdown()
		killed = append(killed, fmt.Sprintf("%s=c-%d", r.name, i))
		time.Sleep(1500 * time.Millisecond) // elections and reconnects happen while it is down
		c.Nodes[i].Start()
		c.WaitJetStreamReady(60 * time.Second)
		for _, st := range []string{"ARTICLES_RAW", "ARTICLES_ENRICHED", "ARTICLES_DLQ"} {
			wctx, wcancel := context.WithTimeout(ctx, 90*time.Second)
			require.NoError(t, c.WaitStreamCurrent(wctx, js, st))
			wcancel()
		}
	}
	<-pubDone
	mu.Lock()
	require.NoError(t, pubErr)
	require.Len(t, sent, n)
	mu.Unlock()
	t.Logf("%s: all published; %d outputs", time.Since(began).Round(time.Millisecond), streamMsgs(js, "ARTICLES_ENRICHED"))

	waitSettled(t, js, n, 90*time.Second)
	t.Logf("%s: settled", time.Since(began).Round(time.Millisecond))
	a := audit(t, js, sent)
	figures(t, "cluster: node shut down and restarted mid-stream (R3)", fmt.Sprint(killed), a)
	require.Zero(t, a.Lost, "lost inputs %v", a.Missing)
	require.Zero(t, a.Duplicates)
	require.Zero(t, a.DeadLetters)
	require.Equal(t, n, a.Outputs)
}
