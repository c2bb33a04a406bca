package reliability_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	dto "github.com/prometheus/client_model/go"
	"github.com/rs/zerolog"
	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/bus"
	"github.com/wirenrich/wirenrich/internal/natstest"
	"github.com/wirenrich/wirenrich/internal/pipeline"
	"github.com/wirenrich/wirenrich/internal/sink"
)

// ackedInputs is the number of inputs the consumer has seen settled:
// delivered and no longer waiting for an ack.
func ackedInputs(t *testing.T, js jetstream.JetStream, sent int) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := js.Consumer(ctx, "ARTICLES_RAW", "enricher")
	require.NoError(t, err)
	ci, err := c.Info(ctx)
	require.NoError(t, err)
	return sent - int(ci.NumPending) - ci.NumAckPending
}

// TestFullOutputStreamBacksPressureAndLosesNothing fills the output stream
// to its limit with DiscardNew, so publishes fail: the worker holds the
// articles and retries, acks nothing whose output is not stored, dead-
// letters nothing; once the limit is lifted, everything arrives.
func TestFullOutputStreamBacksPressureAndLosesNothing(t *testing.T) {
	const n, limit = 150, 40
	tests := []struct {
		name   string
		limits func(*jetstream.StreamConfig)
		lift   func(*jetstream.StreamConfig)
	}{
		{"MaxMsgs", func(c *jetstream.StreamConfig) { c.MaxMsgs = limit }, func(c *jetstream.StreamConfig) { c.MaxMsgs = -1 }},
		// Room for about limit outputs of ~600 bytes.
		{"MaxBytes", func(c *jetstream.StreamConfig) { c.MaxBytes = limit * 700 }, func(c *jetstream.StreamConfig) { c.MaxBytes = -1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := natstest.RunServer(t, nil)
			_, js := srv.JetStream()
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			createInput(t, js, 1)
			outCfg := jetstream.StreamConfig{
				Name: "ARTICLES_ENRICHED", Subjects: []string{"articles.enriched.>"}, Storage: jetstream.FileStorage,
				Duplicates: 2 * time.Minute, Discard: jetstream.DiscardNew,
			}
			tt.limits(&outCfg)
			_, err := js.CreateStream(ctx, outCfg)
			require.NoError(t, err)

			cfg := baseConfig(t, srv.URL())
			cfg.PublishTimeout = time.Second
			// Deliveries run out after about 1.5s (500ms, then 1s): the
			// outage below lasts longer, so the articles waiting in the
			// worker must not spend their deliveries.
			cfg.AckWait, cfg.MaxDeliver = 500*time.Millisecond, 3
			svc, _ := startService(t, cfg, &slowPassthrough{}, quietLog(t))
			sent := make([]uint64, 0, n)
			for i := range n {
				seq, err := publishRetrying(ctx, js, inputArticle(i))
				require.NoError(t, err)
				sent = append(sent, seq)
			}

			// Full: publishes fail and are retried, nothing else moves.
			require.Eventually(t, func() bool {
				return testutilCount(svc.Metrics().Failures.WithLabelValues(pipeline.StagePublish, pipeline.ReasonPublish)) >= 20
			}, 30*time.Second, 20*time.Millisecond, "publishes fail against the full stream")
			stored := streamMsgs(js, "ARTICLES_ENRICHED")
			require.Positive(t, stored)
			require.Less(t, stored, uint64(n))
			for range 8 {
				time.Sleep(500 * time.Millisecond)
				require.LessOrEqual(t, ackedInputs(t, js, n), int(streamMsgs(js, "ARTICLES_ENRICHED")),
					"an input was acked before its output was stored")
				require.Zero(t, streamMsgs(js, "ARTICLES_DLQ"), "nothing dead-lettered for a full downstream")
			}
			failures := testutilCount(svc.Metrics().Failures.WithLabelValues(pipeline.StagePublish, pipeline.ReasonPublish))

			// Lift the limit: everything arrives.
			st, err := js.Stream(ctx, "ARTICLES_ENRICHED")
			require.NoError(t, err)
			lifted := st.CachedInfo().Config
			tt.lift(&lifted)
			_, err = js.UpdateStream(ctx, lifted)
			require.NoError(t, err)
			waitSettled(t, js, n, 60*time.Second)

			a := audit(t, js, sent)
			figures(t, "output stream full ("+tt.name+", DiscardNew), then lifted",
				fmt.Sprintf("%d outputs stored while full; %.0f failed publishes retried", stored, failures), a)
			require.Zero(t, a.Lost, "lost inputs %v", a.Missing)
			require.Zero(t, a.Duplicates)
			require.Zero(t, a.DeadLetters)
			require.Equal(t, n, a.Outputs)
		})
	}
}

// testutilCount reads a counter's value.
func testutilCount(c interface{ Write(*dto.Metric) error }) float64 {
	var m dto.Metric
	if err := c.Write(&m); err != nil {
		return 0
	}
	return m.GetCounter().GetValue()
}

// timingOutSink makes publishes time out: every third publish first stores
// the message and then loses its PubAck (the caller's deadline passes),
// every other third never reaches the server.
type timingOutSink struct {
	inner    pipeline.Sink
	faults   atomic.Int64
	maxFault int64
	n        atomic.Int64
}

func (s *timingOutSink) Publish(ctx context.Context, msg *nats.Msg) error {
	k := s.n.Add(1)
	if s.faults.Load() >= s.maxFault || k%3 == 0 {
		return s.inner.Publish(ctx, msg)
	}
	s.faults.Add(1)
	if k%3 == 1 {
		if err := s.inner.Publish(ctx, msg); err != nil {
			return err
		}
	}
	<-ctx.Done() // the PubAck never comes
	return fmt.Errorf("publish to %s: %w", msg.Subject, ctx.Err())
}

// TestPublishTimeoutsAreRetriedNotLost runs the pipeline with a sink whose
// publishes time out (some after the output was stored): every input ends
// as one output, none dead-lettered, none duplicated.
func TestPublishTimeoutsAreRetriedNotLost(t *testing.T) {
	const n = 120
	srv := natstest.RunServer(t, nil)
	_, js := srv.JetStream()
	log := quietLog(t)
	topo := bus.Topology{
		InputStream: "ARTICLES_RAW", InputSubject: "articles.raw.>",
		OutputStream: "ARTICLES_ENRICHED", OutputPrefix: "articles.enriched",
		DLQStream: "ARTICLES_DLQ", DLQPrefix: "articles.dlq",
		Create: true, Replicas: 1, DuplicateWindow: 2 * time.Minute,
		Durable: "enricher", AckWait: time.Second, MaxDeliver: 3,
		BackOff: []time.Duration{time.Second}, MaxAckPending: 32,
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cons, err := bus.Ensure(ctx, js, topo, log)
	require.NoError(t, err)
	src, err := pipeline.NewJetStreamSource(cons, 4, topo.AckWait, log)
	require.NoError(t, err)
	sk := &timingOutSink{inner: sink.NewJetStream(js), maxFault: 90}
	w, err := pipeline.NewWorker(src, sk, pipeline.Options{
		Workers: 4, InputPrefix: "articles.raw.", OutputPrefix: topo.OutputPrefix, DLQPrefix: topo.DLQPrefix,
		MaxDeliver: topo.MaxDeliver, BackOff: topo.BackOff, AckWait: topo.AckWait,
		PublishTimeout: 100 * time.Millisecond, ShutdownGrace: time.Second,
		Processor: &pipeline.Processor{Enricher: pipeline.Passthrough{}, Timeout: 5 * time.Second, Decode: article.DecodeOptions{MaxSize: 1 << 20}},
	}, nil, zerolog.Nop())
	require.NoError(t, err)
	wctx, cancelRun := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(wctx) }()
	var runErr error
	stop := sync.OnceFunc(func() {
		cancelRun()
		select {
		case runErr = <-done:
		case <-time.After(30 * time.Second):
			runErr = errors.New("worker did not stop")
		}
	})
	t.Cleanup(stop)

	sent := make([]uint64, 0, n)
	for i := range n {
		seq, err := publishRetrying(ctx, js, inputArticle(i))
		require.NoError(t, err)
		sent = append(sent, seq)
	}
	waitSettled(t, js, n, 60*time.Second)
	require.Equal(t, sk.maxFault, sk.faults.Load(), "every fault was injected")
	stop()
	require.NoError(t, runErr)

	a := audit(t, js, sent)
	figures(t, "publishes timing out (half of them after the output was stored)",
		fmt.Sprintf("%d publish timeouts", sk.faults.Load()), a)
	require.Zero(t, a.Lost, "lost inputs %v", a.Missing)
	require.Zero(t, a.Duplicates)
	require.Zero(t, a.DeadLetters, "a slow downstream is not a reason to dead-letter: %v", a.Reasons)
	require.Equal(t, n, a.Outputs)
}
