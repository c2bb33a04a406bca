package natstest_test

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/natstest"
)

func TestRestartKeepsJetStreamStateAndClientsReconnect(t *testing.T) {
	srv := natstest.RunServer(t, nil)
	url := srv.URL()
	nc, js := srv.JetStream()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()

	_, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "S", Subjects: []string{"s.>"}, Storage: jetstream.FileStorage})
	require.NoError(t, err)
	_, err = js.Publish(ctx, "s.one", []byte("1"))
	require.NoError(t, err)

	srv.Restart()
	require.Equal(t, url, srv.URL(), "same port after a restart")
	require.Eventually(t, nc.IsConnected, 10*time.Second, 10*time.Millisecond, "client reconnects")

	require.Eventually(t, func() bool {
		_, err := js.Publish(ctx, "s.two", []byte("2"))
		return err == nil
	}, 10*time.Second, 50*time.Millisecond)
	msgs := natstest.StreamMessages(ctx, t, js, "S")
	require.Len(t, msgs, 2, "the store survived the restart")
	require.Equal(t, "1", string(msgs[0].Data))
	require.Equal(t, "2", string(msgs[1].Data))
}

func TestServersAreIsolated(t *testing.T) {
	a, b := natstest.RunServer(t, nil), natstest.RunServer(t, nil)
	require.NotEqual(t, a.URL(), b.URL())
	require.NotEqual(t, a.StoreDir(), b.StoreDir())
	a.Shutdown()
	a.Shutdown() // idempotent
	_, js := b.JetStream()
	_, err := js.AccountInfo(context.Background())
	require.NoError(t, err, "b still serves JetStream")
}

func TestClusterReplicatesAndSurvivesANodeRestart(t *testing.T) {
	c := natstest.RunCluster(t, 3)
	require.Len(t, c.Nodes, 3)
	_, js := c.JetStream()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	_, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "R3", Subjects: []string{"r3.>"}, Replicas: 3, Storage: jetstream.FileStorage})
	require.NoError(t, err)
	leader := c.WaitStreamLeader("R3", 20*time.Second)
	// A leader just elected may not answer yet ("no response from
	// stream" on a busy machine): the first write is retried too.
	publishEventually(ctx, t, js, "r3.one", "one", "the stream takes writes")

	c.Nodes[leader].Shutdown()
	require.False(t, c.Nodes[leader].Running())
	publishEventually(ctx, t, js, "r3.two", "two", "a new leader takes writes")
	c.Nodes[leader].Start()
	require.NoError(t, c.WaitStreamCurrent(ctx, js, "R3"))
	require.Len(t, natstest.StreamMessages(ctx, t, js, "R3"), 2)
}

// publishEventually publishes a message with id to subj, retrying for up
// to 30 seconds; the id keeps a retried write from being stored twice.
func publishEventually(ctx context.Context, t *testing.T, js jetstream.JetStream, subj, id, msg string) {
	t.Helper()
	require.Eventually(t, func() bool {
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		_, err := js.Publish(pctx, subj, []byte(id), jetstream.WithMsgID(id))
		return err == nil
	}, 30*time.Second, 100*time.Millisecond, msg)
}
