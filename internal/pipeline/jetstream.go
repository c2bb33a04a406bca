package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/rs/zerolog"
)

// JetStreamSource reads a durable pull consumer with the Messages iterator,
// pulling at most Batch messages ahead (AckWait runs while they wait).
type JetStreamSource struct {
	consumer jetstream.Consumer
	batch    int
	log      zerolog.Logger

	mu      sync.Mutex
	it      jetstream.MessagesContext
	drained bool
}

// NewJetStreamSource starts pulling from consumer.
func NewJetStreamSource(consumer jetstream.Consumer, batch int, log zerolog.Logger) (*JetStreamSource, error) {
	s := &JetStreamSource{consumer: consumer, batch: max(batch, 1), log: log}
	if err := s.open(); err != nil {
		return nil, err
	}
	return s, nil
}

// pullExpiry is the lifetime of each pull request. Its heartbeats, every
// half of it, tell the iterator that a request was lost (the consumer's
// leader moved to another node of the cluster, the server restarted) and
// must be sent again: with the library's 30s default the worker could sit
// idle for 30s after a failover.
const pullExpiry = 5 * time.Second

func (s *JetStreamSource) open() error {
	it, err := s.consumer.Messages(jetstream.PullMaxMessages(s.batch), jetstream.PullExpiry(pullExpiry))
	if err != nil {
		return fmt.Errorf("pull from consumer: %w", err)
	}
	s.it = it
	return nil
}

// Next returns the next message; io.EOF once drained or the connection is
// closed.
func (s *JetStreamSource) Next(ctx context.Context) (Message, error) {
	s.mu.Lock()
	it := s.it
	s.mu.Unlock()
	m, err := it.Next(jetstream.NextContext(ctx))
	if err == nil {
		return m, nil
	}
	if errors.Is(err, jetstream.ErrMsgIteratorClosed) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.drained {
			return nil, io.EOF
		}
		if errors.Is(err, jetstream.ErrConnectionClosed) || errors.Is(err, nats.ErrConnectionClosed) {
			return nil, fmt.Errorf("%w: %w", io.EOF, err)
		}
		// Closed under us (consumer deleted, server error): pull again.
		if s.it == it {
			if oerr := s.open(); oerr != nil {
				return nil, fmt.Errorf("reopen after %w: %w", err, oerr)
			}
		}
	}
	return nil, err
}

// Drain stops pulling; buffered messages are still returned by Next.
func (s *JetStreamSource) Drain() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.drained {
		s.drained = true
		s.it.Drain()
	}
}

// MaxDeliveriesSubject is the advisory JetStream sends when a message of
// stream reached the MaxDeliver of consumer without being acknowledged.
func MaxDeliveriesSubject(stream, consumer string) string {
	return "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES." + stream + "." + consumer
}

type maxDeliveriesAdvisory struct {
	Stream     string `json:"stream"`
	Consumer   string `json:"consumer"`
	StreamSeq  uint64 `json:"stream_seq"`
	Deliveries uint64 `json:"deliveries"`
}

// DeadLetterMaxDeliveries subscribes (in a queue group shared by replicas)
// to the max-deliveries advisory of stream/consumer and dead-letters the
// named message, so an input that crashed or stalled the worker on every
// try still reaches the dead letters. Unsubscribe the returned subscription
// to stop.
func (w *Worker) DeadLetterMaxDeliveries(ctx context.Context, nc *nats.Conn, js jetstream.JetStream, stream, consumer string) (*nats.Subscription, error) {
	subj := MaxDeliveriesSubject(stream, consumer)
	sub, err := nc.QueueSubscribe(subj, "wirenrich-advisories-"+consumer, func(msg *nats.Msg) {
		var adv maxDeliveriesAdvisory
		if err := json.Unmarshal(msg.Data, &adv); err != nil || adv.StreamSeq == 0 {
			w.log.Warn().Err(err).Str("subject", msg.Subject).Msg("unreadable max-deliveries advisory")
			return
		}
		if err := w.deadLetterSeq(ctx, js, stream, adv); err != nil {
			w.log.Error().Err(err).Uint64("stream_seq", adv.StreamSeq).Msg("dead-lettering a message past its max deliveries")
		}
	})
	if err != nil {
		return nil, fmt.Errorf("subscribe %s: %w", subj, err)
	}
	return sub, nil
}

func (w *Worker) deadLetterSeq(ctx context.Context, js jetstream.JetStream, stream string, adv maxDeliveriesAdvisory) error {
	ctx, cancel := context.WithTimeout(ctx, w.opts.PublishTimeout)
	defer cancel()
	st, err := js.Stream(ctx, stream)
	if err != nil {
		return fmt.Errorf("stream %s: %w", stream, err)
	}
	raw, err := st.GetMsg(ctx, adv.StreamSeq)
	if err != nil {
		return fmt.Errorf("get %s #%d: %w", stream, adv.StreamSeq, err)
	}
	f := &Failure{
		Stage:     StageDeliver,
		Reason:    ReasonMaxDeliveries,
		Err:       fmt.Errorf("not settled after %d deliveries: the worker crashed, stalled or lost its connection on every try", adv.Deliveries),
		Permanent: true,
	}
	meta := &jetstream.MsgMetadata{
		Stream:       stream,
		Consumer:     adv.Consumer,
		NumDelivered: adv.Deliveries,
		Sequence:     jetstream.SequencePair{Stream: adv.StreamSeq},
		Timestamp:    raw.Time,
	}
	dl := DeadLetter(raw.Subject, raw.Data, raw.Header, meta, f, w.dlqSubject(raw.Subject))
	if err := w.publishDeadLetter(ctx, dl, false); err != nil {
		return err
	}
	w.metrics.Failures.WithLabelValues(f.Stage, f.Reason).Inc()
	w.metrics.DeadLetters.WithLabelValues(f.Stage, f.Reason).Inc()
	w.log.Warn().Str("subject", raw.Subject).Uint64("stream_seq", adv.StreamSeq).Uint64("deliveries", adv.Deliveries).Msg("article dead-lettered after max deliveries")
	return nil
}
