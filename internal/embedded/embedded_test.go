package embedded_test

import (
	"context"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/rs/zerolog"
	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/embedded"
)

func TestEmbeddedServerPersistsUnderItsDataDir(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	start := func() (*embedded.Server, jetstream.JetStream, *nats.Conn) {
		srv, err := embedded.Start(ctx, embedded.Options{Listen: "127.0.0.1:-1", StoreDir: dir}, zerolog.Nop())
		require.NoError(t, err)
		nc, err := nats.Connect(srv.ClientURL())
		require.NoError(t, err)
		js, err := jetstream.New(nc)
		require.NoError(t, err)
		return srv, js, nc
	}
	srv, js, nc := start()
	_, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "S", Subjects: []string{"s"}, Storage: jetstream.FileStorage})
	require.NoError(t, err)
	_, err = js.Publish(ctx, "s", []byte("kept"))
	require.NoError(t, err)
	nc.Close()
	srv.Shutdown()

	srv, js, nc = start()
	defer srv.Shutdown()
	defer nc.Close()
	st, err := js.Stream(ctx, "S")
	require.NoError(t, err)
	m, err := st.GetMsg(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, "kept", string(m.Data))
}

func TestEmbeddedServerRejectsBadListen(t *testing.T) {
	for _, listen := range []string{"4222", "127.0.0.1:http"} {
		_, err := embedded.Start(context.Background(), embedded.Options{Listen: listen, StoreDir: t.TempDir()}, zerolog.Nop())
		require.ErrorContains(t, err, listen)
	}
}
