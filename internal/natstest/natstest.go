// Package natstest starts in-process NATS servers with JetStream for tests,
// on a random port with a temporary store, restartable on the same store
// (in the manner of nats-server's test.RunServer).
package natstest

import (
	"context"
	"fmt"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Server is a test NATS server with JetStream.
type Server struct {
	t    testing.TB
	mu   sync.Mutex
	opts server.Options
	ns   *server.Server
}

// DefaultOptions are the options RunServer starts from: loopback, random
// port, JetStream on, no logging, no signal handlers.
func DefaultOptions() server.Options {
	return server.Options{
		Host:      "127.0.0.1",
		Port:      -1,
		JetStream: true,
		NoLog:     true,
		NoSigs:    true,
	}
}

// RunServer starts a JetStream server with a temporary store dir; it is shut
// down when the test ends. opts may be nil for DefaultOptions.
func RunServer(t testing.TB, opts *server.Options) *Server {
	t.Helper()
	o := DefaultOptions()
	if opts != nil {
		o = *opts
	}
	if o.StoreDir == "" {
		o.StoreDir = t.TempDir()
	}
	s := &Server{t: t, opts: o}
	s.start()
	t.Cleanup(s.Shutdown)
	return s
}

func (s *Server) start() {
	s.t.Helper()
	if err := s.startErr(); err != nil {
		s.t.Fatalf("natstest: %v", err)
	}
}

// startErr starts the server; it may run outside the test goroutine.
func (s *Server) startErr() error {
	o := s.opts
	ns, err := server.NewServer(&o)
	if err != nil {
		return fmt.Errorf("new server: %w", err)
	}
	ns.Start()
	if !ns.ReadyForConnections(10 * time.Second) {
		ns.Shutdown()
		return fmt.Errorf("server %s not ready", o.ServerName)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ns = ns
	// A restart comes back on the same port so that clients reconnect.
	if addr, ok := ns.Addr().(*net.TCPAddr); ok {
		s.opts.Port = addr.Port
	}
	return nil
}

// server is the running server, nil while shut down.
func (s *Server) server() *server.Server {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ns
}

// Running reports whether the server is up.
func (s *Server) Running() bool { return s.server() != nil }

// ClientURL is the client URL the server has (or had, when shut down) on
// its fixed port: clients list it to reconnect after a restart.
func (s *Server) ClientURL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return fmt.Sprintf("nats://%s:%d", s.opts.Host, s.opts.Port)
}

// URL is the client URL of the server.
func (s *Server) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ns.ClientURL()
}

// StoreDir is the JetStream store directory, kept across restarts.
func (s *Server) StoreDir() string { return s.opts.StoreDir }

// Shutdown stops the server and waits for it; it is idempotent.
func (s *Server) Shutdown() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ns == nil {
		return
	}
	s.ns.Shutdown()
	s.ns.WaitForShutdown()
	s.ns = nil
}

// Restart shuts the server down and starts it again on the same port and
// store dir; JetStream state survives.
func (s *Server) Restart() {
	s.t.Helper()
	s.Shutdown()
	s.start()
}

// Start starts a server that was shut down, on the same port and store.
func (s *Server) Start() {
	s.t.Helper()
	if s.Running() {
		return
	}
	s.start()
}

// Connect opens a client connection closed when the test ends. It retries
// reconnects forever with a short wait, as a worker under test should.
func (s *Server) Connect(opts ...nats.Option) *nats.Conn {
	s.t.Helper()
	all := append([]nats.Option{
		nats.MaxReconnects(-1),
		nats.ReconnectWait(50 * time.Millisecond),
		nats.Name(s.t.Name()),
	}, opts...)
	nc, err := nats.Connect(s.URL(), all...)
	if err != nil {
		s.t.Fatalf("natstest: connect: %v", err)
	}
	s.t.Cleanup(nc.Close)
	return nc
}

// JetStream returns a JetStream context on a new connection.
func (s *Server) JetStream() (*nats.Conn, jetstream.JetStream) {
	s.t.Helper()
	nc := s.Connect()
	js, err := jetstream.New(nc)
	if err != nil {
		s.t.Fatalf("natstest: jetstream: %v", err)
	}
	return nc, js
}

// StreamMessages returns every message stored in a stream, in order.
func StreamMessages(ctx context.Context, t testing.TB, js jetstream.JetStream, stream string) []*jetstream.RawStreamMsg {
	t.Helper()
	st, err := js.Stream(ctx, stream)
	if err != nil {
		t.Fatalf("natstest: stream %s: %v", stream, err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		t.Fatalf("natstest: stream info %s: %v", stream, err)
	}
	var out []*jetstream.RawStreamMsg
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		m, err := st.GetMsg(ctx, seq)
		if err != nil {
			continue // deleted
		}
		out = append(out, m)
	}
	return out
}
