package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/rs/zerolog"
	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/bus"
	"github.com/wirenrich/wirenrich/internal/enrich"
	"github.com/wirenrich/wirenrich/internal/natstest"
	"github.com/wirenrich/wirenrich/internal/pipeline"
	"github.com/wirenrich/wirenrich/internal/sink"
)

func TestSuffixAndSubjectPrefix(t *testing.T) {
	tests := []struct {
		filter, subject, prefix, suffix string
	}{
		{"articles.raw.>", "articles.raw.afp.fr", "articles.raw.", "afp.fr"},
		{"articles.raw.>", "articles.raw.reuters", "articles.raw.", "reuters"},
		{"articles.*.>", "articles.raw.x", "articles.", "raw.x"},
		{"feeds.afp", "feeds.afp", "", "feeds.afp"},
		{"articles.raw.>", "other.subject", "articles.raw.", "other.subject"},
	}
	for _, tt := range tests {
		t.Run(tt.subject, func(t *testing.T) {
			p := pipeline.SubjectPrefix(tt.filter)
			require.Equal(t, tt.prefix, p)
			require.Equal(t, tt.suffix, pipeline.Suffix(p, tt.subject))
		})
	}
}

func TestDeadLetterKeepsOriginalAndNamesTheFailure(t *testing.T) {
	h := nats.Header{}
	h.Set("X-Feed", "afp")
	h.Set(jetstream.MsgIDHeader, "orig-1")
	h.Set(jetstream.ExpectedStreamHeader, "ARTICLES_RAW")
	meta := &jetstream.MsgMetadata{Stream: "RAW", NumDelivered: 2, Sequence: jetstream.SequencePair{Stream: 42}}
	f := &pipeline.Failure{Stage: pipeline.StageDecode, Reason: pipeline.ReasonMalformed, Err: errors.New("bad\njson"), Permanent: true}
	dl := pipeline.DeadLetter("articles.raw.afp", []byte("{x"), h, meta, f, "articles.dlq.afp")
	require.Equal(t, "articles.dlq.afp", dl.Subject)
	require.Equal(t, "{x", string(dl.Data))
	require.Equal(t, "afp", dl.Header.Get("X-Feed"))
	require.Equal(t, "decode: bad json", dl.Header.Get(pipeline.HeaderError))
	require.Equal(t, "decode", dl.Header.Get(pipeline.HeaderStage))
	require.Equal(t, "malformed", dl.Header.Get(pipeline.HeaderReason))
	require.Equal(t, "42", dl.Header.Get(pipeline.HeaderStreamSeq))
	require.Equal(t, "2", dl.Header.Get(pipeline.HeaderDelivered))
	require.Equal(t, "orig-1", dl.Header.Get(pipeline.HeaderOriginalMsgID))
	require.Equal(t, "dlq:RAW:42", dl.Header.Get(jetstream.MsgIDHeader))
	require.Empty(t, dl.Header.Get(jetstream.ExpectedStreamHeader), "no JetStream control header steers the dead letter")
	require.Equal(t, "ARTICLES_RAW", dl.Header.Get("Enrich-Original-Expected-Stream"))
	require.Equal(t, "orig-1", h.Get(jetstream.MsgIDHeader), "the input's headers are not modified")
}

// rig is a worker's plumbing on a test server.
type rig struct {
	srv  *natstest.Server
	js   jetstream.JetStream
	topo bus.Topology
	log  zerolog.Logger
}

func newRig(t *testing.T, ackWait time.Duration, maxDeliver int, opts ...*server.Options) *rig {
	t.Helper()
	var o *server.Options
	if len(opts) > 0 {
		o = opts[0]
	}
	srv := natstest.RunServer(t, o)
	_, js := srv.JetStream()
	r := &rig{srv: srv, js: js, log: zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel)}
	r.topo = bus.Topology{
		InputStream: "ARTICLES_RAW", InputSubject: "articles.raw.>",
		OutputStream: "ARTICLES_ENRICHED", OutputPrefix: "articles.enriched",
		DLQStream: "ARTICLES_DLQ", DLQPrefix: "articles.dlq",
		Create: true, Replicas: 1, DuplicateWindow: 2 * time.Minute,
		Durable: "enricher", AckWait: ackWait, MaxDeliver: maxDeliver,
		BackOff: []time.Duration{ackWait}, MaxAckPending: 64,
	}
	_, err := bus.Ensure(context.Background(), js, r.topo, r.log)
	require.NoError(t, err)
	return r
}

// worker builds a worker on its own connection.
func (r *rig) worker(t *testing.T, enr pipeline.Enricher, wrap func(pipeline.Sink) pipeline.Sink) (*pipeline.Worker, *nats.Conn) {
	t.Helper()
	nc, err := bus.Connect(bus.ConnectOptions{URL: r.srv.URL(), Name: t.Name(), ReconnectWait: 50 * time.Millisecond}, r.log)
	require.NoError(t, err)
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	require.NoError(t, err)
	cons, err := bus.Ensure(context.Background(), js, r.topo, r.log)
	require.NoError(t, err)
	src, err := pipeline.NewJetStreamSource(cons, 2, r.topo.AckWait, r.log)
	require.NoError(t, err)
	var sk pipeline.Sink = sink.NewJetStream(js)
	if wrap != nil {
		sk = wrap(sk)
	}
	w, err := pipeline.NewWorker(src, sk, pipeline.Options{
		Workers: 2, InputPrefix: "articles.raw.", OutputPrefix: r.topo.OutputPrefix, DLQPrefix: r.topo.DLQPrefix,
		MaxDeliver: r.topo.MaxDeliver, BackOff: []time.Duration{100 * time.Millisecond}, AckWait: r.topo.AckWait,
		PublishTimeout: time.Second, ShutdownGrace: time.Second,
		Processor: &pipeline.Processor{Enricher: enr, Timeout: 10 * time.Second, Decode: article.DecodeOptions{MaxSize: 1000}},
	}, nil, r.log)
	require.NoError(t, err)
	return w, nc
}

func (r *rig) publish(t *testing.T, n int) {
	t.Helper()
	for i := range n {
		_, err := r.js.Publish(context.Background(), fmt.Sprintf("articles.raw.feed%d", i%3),
			fmt.Appendf(nil, "Dépêche %d : le ministre Jean Dupont était à Lyon lundi.", i))
		require.NoError(t, err)
	}
}

func (r *rig) count(stream string) uint64 {
	st, err := r.js.Stream(context.Background(), stream)
	if err != nil {
		return 0
	}
	info, err := st.Info(context.Background())
	if err != nil {
		return 0
	}
	return info.State.Msgs
}

func run(t *testing.T, w *pipeline.Worker) (cancel func(), done <-chan error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan error, 1)
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		ch <- w.Run(ctx)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-finished:
		case <-time.After(10 * time.Second):
			t.Error("worker did not stop")
		}
	})
	return cancel, ch
}

// slowEnricher is the pass-through enricher after a delay, failing on
// demand: these tests are about delivery, not NLP (the service and command
// tests run the real enricher).
type slowEnricher struct {
	inner pipeline.Enricher
	delay time.Duration
	fail  func(a *article.Article) error
	calls atomic.Int64
}

func newSlow(_ *testing.T, delay time.Duration) *slowEnricher {
	return &slowEnricher{inner: pipeline.Passthrough{}, delay: delay}
}

func (s *slowEnricher) Enrich(ctx context.Context, a *article.Article) (*enrich.Document, error) {
	s.calls.Add(1)
	select {
	case <-time.After(s.delay):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if s.fail != nil {
		if err := s.fail(a); err != nil {
			return nil, err
		}
	}
	return s.inner.Enrich(ctx, a)
}

// killingSink closes the worker's connection right after the k-th output is
// stored, before the worker can ack it: an abrupt stop mid-stream.
type killingSink struct {
	inner pipeline.Sink
	k     int64
	n     atomic.Int64
	kill  func()
}

func (s *killingSink) Publish(ctx context.Context, msg *nats.Msg) error {
	if err := s.inner.Publish(ctx, msg); err != nil {
		return err
	}
	if s.n.Add(1) == s.k {
		s.kill()
	}
	return nil
}

func TestAbruptStopThenNewWorkerLosesNothingDuplicatesNothing(t *testing.T) {
	r := newRig(t, 2*time.Second, 5)
	const n = 40
	r.publish(t, n)

	var ncA *nats.Conn
	ks := &killingSink{k: 12, kill: func() { ncA.Close() }}
	a, ncA := r.worker(t, newSlow(t, 10*time.Millisecond), func(s pipeline.Sink) pipeline.Sink { ks.inner = s; return ks })
	_, doneA := run(t, a)
	select {
	case <-doneA: // the source ends when its connection is gone
	case <-time.After(20 * time.Second):
		t.Fatal("worker A did not stop after its connection died")
	}
	storedByA := r.count("ARTICLES_ENRICHED")
	require.Positive(t, storedByA)
	require.Less(t, storedByA, uint64(n), "A stopped mid-stream")

	enrB := newSlow(t, 0)
	b, _ := r.worker(t, enrB, nil)
	run(t, b)
	require.Eventually(t, func() bool { return r.count("ARTICLES_ENRICHED") >= n }, 20*time.Second, 20*time.Millisecond)
	// A's unacked inputs come back after the ack wait; their outputs are
	// deduplicated by Nats-Msg-Id.
	require.Eventually(t, func() bool {
		info, err := r.js.Consumer(context.Background(), "ARTICLES_RAW", "enricher")
		return err == nil && info.CachedInfo().NumPending == 0 && func() bool {
			ci, err := info.Info(context.Background())
			return err == nil && ci.NumAckPending == 0 && ci.NumPending == 0
		}()
	}, 20*time.Second, 50*time.Millisecond)

	outs := natstest.StreamMessages(context.Background(), t, r.js, "ARTICLES_ENRICHED")
	require.Len(t, outs, n)
	ids := map[string]bool{}
	for _, m := range outs {
		ids[m.Header.Get(jetstream.MsgIDHeader)] = true
	}
	require.Len(t, ids, n, "no duplicate output")
	require.Greater(t, enrB.calls.Load(), int64(n)-int64(storedByA),
		"B re-processed inputs whose output A had stored without acking; the duplicates were dropped")
	require.Zero(t, r.count("ARTICLES_DLQ"))
}

// TestMessagesHeldAheadAreKeptInProgress: while both workers spend five
// ack waits on an article, the two messages fetched ahead for them are not
// redelivered (a stale copy processed later would be a duplicate once the
// server had given the message to another worker or to the dead letters).
func TestMessagesHeldAheadAreKeptInProgress(t *testing.T) {
	const ackWait = 300 * time.Millisecond
	r := newRig(t, ackWait, 2)
	enr := newSlow(t, 5*ackWait)
	w, _ := r.worker(t, enr, nil)
	run(t, w)
	r.publish(t, 4)
	require.Eventually(t, func() bool { return r.count("ARTICLES_ENRICHED") == 4 }, 20*time.Second, 20*time.Millisecond)
	require.Equal(t, int64(4), enr.calls.Load(), "each article was delivered once")
	ci, err := r.js.Consumer(context.Background(), "ARTICLES_RAW", "enricher")
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		info, err := ci.Info(context.Background())
		return err == nil && info.NumAckPending == 0 && info.NumRedelivered == 0
	}, 5*time.Second, 20*time.Millisecond)
	require.Zero(t, r.count("ARTICLES_DLQ"))
}

func TestTransientFailureRetriedThenDeadLetteredOnLastDelivery(t *testing.T) {
	r := newRig(t, 500*time.Millisecond, 3)
	enr := newSlow(t, 0)
	var tries atomic.Int64
	enr.fail = func(a *article.Article) error {
		if a.Body == "Dépêche 1 : le ministre Jean Dupont était à Lyon lundi." {
			tries.Add(1)
			return errors.New("model server unavailable")
		}
		return nil
	}
	w, _ := r.worker(t, enr, nil)
	run(t, w)
	r.publish(t, 3)
	require.Eventually(t, func() bool { return r.count("ARTICLES_DLQ") == 1 && r.count("ARTICLES_ENRICHED") == 2 }, 15*time.Second, 20*time.Millisecond)
	require.Equal(t, int64(3), tries.Load(), "tried MaxDeliver times")
	dl := natstest.StreamMessages(context.Background(), t, r.js, "ARTICLES_DLQ")[0]
	require.Equal(t, "articles.dlq.feed1", dl.Subject)
	require.Equal(t, pipeline.StageEnrich, dl.Header.Get(pipeline.HeaderStage))
	require.Equal(t, pipeline.ReasonError, dl.Header.Get(pipeline.HeaderReason))
	require.Contains(t, dl.Header.Get(pipeline.HeaderError), "model server unavailable")
	require.Contains(t, dl.Header.Get(pipeline.HeaderError), "after 3 deliveries")
}

func TestInputThatKillsEveryConsumerReachesDeadLetters(t *testing.T) {
	r := newRig(t, 300*time.Millisecond, 2)
	r.publish(t, 1)
	// Two consumers that die with the message in hand: fetched, never acked.
	cons, err := r.js.Consumer(context.Background(), "ARTICLES_RAW", "enricher")
	require.NoError(t, err)
	for range 2 {
		require.Eventually(t, func() bool {
			b, err := cons.Fetch(1, jetstream.FetchMaxWait(time.Second))
			if err != nil {
				return false
			}
			got := 0
			for range b.Messages() {
				got++
			}
			return got == 1
		}, 5*time.Second, 10*time.Millisecond)
	}
	// A healthy replica, listening to the max-deliveries advisory.
	w, nc := r.worker(t, newSlow(t, 0), nil)
	wjs, err := jetstream.New(nc)
	require.NoError(t, err)
	sub, err := w.DeadLetterMaxDeliveries(context.Background(), nc, wjs, "ARTICLES_RAW", "enricher")
	require.NoError(t, err)
	t.Cleanup(func() { _ = sub.Unsubscribe() })
	run(t, w)

	require.Eventually(t, func() bool { return r.count("ARTICLES_DLQ") == 1 }, 10*time.Second, 20*time.Millisecond)
	dl := natstest.StreamMessages(context.Background(), t, r.js, "ARTICLES_DLQ")[0]
	require.Equal(t, "articles.dlq.feed0", dl.Subject)
	require.Equal(t, pipeline.StageDeliver, dl.Header.Get(pipeline.HeaderStage))
	require.Equal(t, pipeline.ReasonMaxDeliveries, dl.Header.Get(pipeline.HeaderReason))
	require.Equal(t, "1", dl.Header.Get(pipeline.HeaderStreamSeq))
	require.Contains(t, string(dl.Data), "Dépêche 0")
	require.Zero(t, r.count("ARTICLES_ENRICHED"))
}

func TestShutdownReleasesInFlightAfterGrace(t *testing.T) {
	r := newRig(t, 30*time.Second, 5)
	block := make(chan struct{})
	enr := newSlow(t, 0)
	enr.fail = func(*article.Article) error { <-block; return nil }
	t.Cleanup(func() { close(block) })
	w, _ := r.worker(t, enr, nil)
	cancel, done := run(t, w)
	r.publish(t, 4) // two in flight, two held ahead of the workers
	require.Eventually(t, func() bool {
		ci, err := r.js.Consumer(context.Background(), "ARTICLES_RAW", "enricher")
		if err != nil {
			return false
		}
		info, err := ci.Info(context.Background())
		return err == nil && info.NumAckPending == 4
	}, 10*time.Second, 10*time.Millisecond)
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(15 * time.Second):
		t.Fatal("worker did not stop after its grace period")
	}
	require.Less(t, time.Since(start), 10*time.Second, "stopped after the 1s grace, not the 30s ack wait")
	require.Zero(t, r.count("ARTICLES_ENRICHED"))
	// Released (nak'd), not left to the 30s ack wait, both the in-flight
	// and the held ones: a new worker gets them at once.
	b, _ := r.worker(t, newSlow(t, 0), nil)
	run(t, b)
	require.Eventually(t, func() bool { return r.count("ARTICLES_ENRICHED") == 4 }, 15*time.Second, 10*time.Millisecond)
}

func TestDeadLetterOverServerMaxPayloadIsTruncated(t *testing.T) {
	opts := natstest.DefaultOptions()
	opts.MaxPayload = 4096
	r := newRig(t, time.Second, 3, &opts)
	w, _ := r.worker(t, newSlow(t, 0), nil)
	run(t, w)
	big := strings.Repeat("é", 2000) // 4000 bytes: over the worker's 1000, under the server's 4096
	_, err := r.js.Publish(context.Background(), "articles.raw.big", []byte(big))
	require.NoError(t, err)
	require.Eventually(t, func() bool { return r.count("ARTICLES_DLQ") == 1 }, 10*time.Second, 20*time.Millisecond)
	dl := natstest.StreamMessages(context.Background(), t, r.js, "ARTICLES_DLQ")[0]
	require.Equal(t, pipeline.ReasonTooLarge, dl.Header.Get(pipeline.HeaderReason))
	require.Equal(t, "4000", dl.Header.Get(pipeline.HeaderTruncated))
	require.Less(t, len(dl.Data), 4000)
	require.True(t, strings.HasPrefix(big, string(dl.Data)), "the head of the original")
}
