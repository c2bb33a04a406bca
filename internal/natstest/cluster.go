package natstest

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Cluster is a JetStream cluster of in-process servers on loopback: each
// node has its own random client port, a cluster port reserved up front,
// a temporary store dir, and can be shut down and restarted on the same
// ports and store.
type Cluster struct {
	t     testing.TB
	Nodes []*Server
}

// RunCluster starts a cluster of n JetStream servers named c-0 … c-n-1
// with routes to each other, and waits until JetStream has a meta leader.
// Every node is shut down when the test ends.
func RunCluster(t testing.TB, n int) *Cluster {
	t.Helper()
	if n < 1 {
		t.Fatalf("natstest: cluster of %d nodes", n)
	}
	ports := make([]int, n)
	routes := make([]*url.URL, n)
	for i := range n {
		ports[i] = freePort(t)
		routes[i] = &url.URL{Scheme: "nats-route", Host: fmt.Sprintf("127.0.0.1:%d", ports[i])}
	}
	c := &Cluster{t: t}
	for i := range n {
		o := DefaultOptions()
		o.ServerName = fmt.Sprintf("c-%d", i)
		o.StoreDir = t.TempDir()
		o.Cluster = server.ClusterOpts{Name: "wirenrich-test", Host: "127.0.0.1", Port: ports[i]}
		o.Routes = routes
		s := &Server{t: t, opts: o}
		c.Nodes = append(c.Nodes, s)
	}
	// Start them at once: a lone clustered node waits for its peers.
	errs := make(chan error, n)
	for _, s := range c.Nodes {
		go func() { errs <- s.startErr() }()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Fatalf("natstest: cluster: %v", err)
		}
	}
	for _, s := range c.Nodes {
		t.Cleanup(s.Shutdown)
	}
	c.WaitJetStreamReady(30 * time.Second)
	return c
}

// freePort reserves a free loopback TCP port (closed again at once; the
// server binds it a moment later).
func freePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("natstest: free port: %v", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// URLs is every node's client URL (running or not: a restarted node comes
// back on the same port), comma separated, as a client's server list.
func (c *Cluster) URLs() string {
	urls := make([]string, 0, len(c.Nodes))
	for _, s := range c.Nodes {
		urls = append(urls, s.ClientURL())
	}
	return strings.Join(urls, ",")
}

// WaitJetStreamReady waits until a node is the JetStream meta leader and
// every running node knows a leader.
func (c *Cluster) WaitJetStreamReady(within time.Duration) {
	c.t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		leader, ready := false, true
		for _, s := range c.Nodes {
			ns := s.server()
			if ns == nil {
				continue
			}
			if ns.JetStreamIsLeader() {
				leader = true
			}
			if !ns.JetStreamIsCurrent() {
				ready = false
			}
		}
		if leader && ready {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	c.t.Fatalf("natstest: cluster has no JetStream meta leader after %s", within)
}

// StreamLeader returns the index of the node leading a stream of the
// global account, or -1.
func (c *Cluster) StreamLeader(stream string) int {
	for i, s := range c.Nodes {
		if ns := s.server(); ns != nil && ns.JetStreamIsStreamLeader(server.DEFAULT_GLOBAL_ACCOUNT, stream) {
			return i
		}
	}
	return -1
}

// WaitStreamLeader waits for a stream to have a leader and returns its index.
func (c *Cluster) WaitStreamLeader(stream string, within time.Duration) int {
	c.t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if i := c.StreamLeader(stream); i >= 0 {
			return i
		}
		time.Sleep(20 * time.Millisecond)
	}
	c.t.Fatalf("natstest: stream %s has no leader after %s", stream, within)
	return -1
}

// Connect opens a client connection to every node of the cluster, closed
// when the test ends, reconnecting forever.
func (c *Cluster) Connect(opts ...nats.Option) *nats.Conn {
	c.t.Helper()
	all := append([]nats.Option{
		nats.MaxReconnects(-1),
		nats.ReconnectWait(50 * time.Millisecond),
		nats.Name(c.t.Name()),
	}, opts...)
	nc, err := nats.Connect(c.URLs(), all...)
	if err != nil {
		c.t.Fatalf("natstest: connect to cluster: %v", err)
	}
	c.t.Cleanup(nc.Close)
	return nc
}

// JetStream returns a JetStream context on a new cluster connection.
func (c *Cluster) JetStream() (*nats.Conn, jetstream.JetStream) {
	c.t.Helper()
	nc := c.Connect()
	js, err := jetstream.New(nc)
	if err != nil {
		c.t.Fatalf("natstest: jetstream: %v", err)
	}
	return nc, js
}

// WaitStreamCurrent waits until every replica of a stream is current
// (its leader sees all its peers caught up).
func (c *Cluster) WaitStreamCurrent(ctx context.Context, js jetstream.JetStream, stream string) error {
	for {
		// Each look-up gets its own short deadline, so that one request lost
		// during an election does not use up the caller's whole budget.
		cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		st, err := js.Stream(cctx, stream)
		if err == nil {
			var info *jetstream.StreamInfo
			info, err = st.Info(cctx)
			if err == nil && info.Cluster != nil && info.Cluster.Leader != "" {
				ok := true
				for _, p := range info.Cluster.Replicas {
					if !p.Current || p.Offline {
						ok = false
					}
				}
				if ok {
					cancel()
					return nil
				}
			}
		}
		cancel()
		select {
		case <-ctx.Done():
			return fmt.Errorf("stream %s not current: %w (last error: %v)", stream, ctx.Err(), err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// HasClient reports whether a client whose connection name starts with
// prefix is connected to the node.
func (s *Server) HasClient(prefix string) bool {
	ns := s.server()
	if ns == nil {
		return false
	}
	cz, err := ns.Connz(&server.ConnzOptions{Limit: 1024})
	if err != nil {
		return false
	}
	for _, c := range cz.Conns {
		if strings.HasPrefix(c.Name, prefix) {
			return true
		}
	}
	return false
}
