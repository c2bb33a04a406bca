package bus_test

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"
	"github.com/rs/zerolog"
	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/bus"
	"github.com/wirenrich/wirenrich/internal/natstest"
)

func topology(create bool) bus.Topology {
	return bus.Topology{
		InputStream: "ARTICLES_RAW", InputSubject: "articles.raw.>",
		OutputStream: "ARTICLES_ENRICHED", OutputPrefix: "articles.enriched",
		DLQStream: "ARTICLES_DLQ", DLQPrefix: "articles.dlq",
		Create: create, Replicas: 1, DuplicateWindow: 90 * time.Second,
		Durable: "enricher", AckWait: 2 * time.Second, MaxDeliver: 4,
		BackOff: []time.Duration{2 * time.Second, 4 * time.Second, 8 * time.Second}, MaxAckPending: 32,
	}
}

func TestEnsureCreatesStreamsAndConsumer(t *testing.T) {
	srv := natstest.RunServer(t, nil)
	_, js := srv.JetStream()
	ctx := context.Background()
	cons, err := bus.Ensure(ctx, js, topology(true), zerolog.Nop())
	require.NoError(t, err)

	info, err := cons.Info(ctx)
	require.NoError(t, err)
	require.Equal(t, "enricher", info.Config.Durable)
	require.Equal(t, jetstream.AckExplicitPolicy, info.Config.AckPolicy)
	require.Equal(t, 4, info.Config.MaxDeliver)
	require.Equal(t, 32, info.Config.MaxAckPending)
	require.Equal(t, []time.Duration{2 * time.Second, 4 * time.Second, 8 * time.Second}, info.Config.BackOff)
	require.Equal(t, "articles.raw.>", info.Config.FilterSubject)

	out, err := js.Stream(ctx, "ARTICLES_ENRICHED")
	require.NoError(t, err)
	require.Equal(t, 90*time.Second, out.CachedInfo().Config.Duplicates)
	require.Equal(t, []string{"articles.enriched.>"}, out.CachedInfo().Config.Subjects)
	dlq, err := js.Stream(ctx, "ARTICLES_DLQ")
	require.NoError(t, err)
	require.Equal(t, []string{"articles.dlq.>"}, dlq.CachedInfo().Config.Subjects)

	// A second replica binds the same durable.
	again, err := bus.Ensure(ctx, js, topology(true), zerolog.Nop())
	require.NoError(t, err)
	require.Equal(t, "enricher", again.CachedInfo().Name)
}

func TestEnsureLeavesExistingStreamsAlone(t *testing.T) {
	srv := natstest.RunServer(t, nil)
	_, js := srv.JetStream()
	ctx := context.Background()
	_, err := js.CreateStream(ctx, jetstream.StreamConfig{
		Name: "ARTICLES_RAW", Subjects: []string{"articles.raw.>", "legacy.>"}, MaxMsgs: 1000,
	})
	require.NoError(t, err)
	_, err = bus.Ensure(ctx, js, topology(true), zerolog.Nop())
	require.NoError(t, err)
	st, err := js.Stream(ctx, "ARTICLES_RAW")
	require.NoError(t, err)
	require.Equal(t, []string{"articles.raw.>", "legacy.>"}, st.CachedInfo().Config.Subjects)
	require.Equal(t, int64(1000), st.CachedInfo().Config.MaxMsgs)
}

func TestEnsureWithoutCreateNamesTheMissingStream(t *testing.T) {
	srv := natstest.RunServer(t, nil)
	_, js := srv.JetStream()
	_, err := bus.Ensure(context.Background(), js, topology(false), zerolog.Nop())
	require.ErrorIs(t, err, jetstream.ErrStreamNotFound)
	require.ErrorContains(t, err, "ARTICLES_RAW")
	require.ErrorContains(t, err, "WIRENRICH_CREATE_STREAMS")
}

func TestConnectFailsClearlyWithoutServer(t *testing.T) {
	_, err := bus.Connect(bus.ConnectOptions{URL: "nats://127.0.0.1:1"}, zerolog.Nop())
	require.ErrorContains(t, err, "nats://127.0.0.1:1")
	_, err = bus.Connect(bus.ConnectOptions{URL: "nats://127.0.0.1:1", NkeySeedFile: "/nonexistent/seed.nk"}, zerolog.Nop())
	require.ErrorContains(t, err, "nkey seed file")
}
