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

// JetStreamSource reads a durable pull consumer. It holds at most Ahead
// messages ahead of the workers and keeps each one in progress until Next
// hands it out: a message waiting for a busy worker is never redelivered
// behind its back. (The stale copy, processed after the server had given
// the message to another worker or, past MaxDeliver, to the dead letters,
// would be a duplicate.) It pulls one message per request, and only when
// it has room, so that no message waits in the library's read-ahead
// buffer, where nothing would keep it in progress.
type JetStreamSource struct {
	consumer jetstream.Consumer
	ahead    int
	beat     time.Duration
	log      zerolog.Logger

	mu      sync.Mutex
	it      jetstream.MessagesContext
	held    []heldMsg
	err     error // a pull error for Next to report once
	fatal   error // why pulling ended for good, other than Drain
	drained bool
	ended   bool          // the pull loop has returned
	ready   chan struct{} // held, err or ended changed
	room    chan struct{} // Next took a message
}

type heldMsg struct {
	m    jetstream.Msg
	beat time.Time // arrival or last InProgress
}

// NewJetStreamSource starts pulling from consumer, at most ahead messages
// ahead of Next; ackWait is the consumer's ack wait.
func NewJetStreamSource(consumer jetstream.Consumer, ahead int, ackWait time.Duration, log zerolog.Logger) (*JetStreamSource, error) {
	if ackWait <= 0 {
		ackWait = 30 * time.Second
	}
	s := &JetStreamSource{
		consumer: consumer, ahead: max(ahead, 1), beat: max(ackWait/4, 20*time.Millisecond), log: log,
		ready: make(chan struct{}, 1), room: make(chan struct{}, 1),
	}
	if err := s.open(); err != nil {
		return nil, err
	}
	go s.pull()
	go s.keepHeld()
	return s, nil
}

// pullExpiry is the lifetime of each pull request. Its heartbeats, every
// half of it, tell the iterator that a request was lost (the consumer's
// leader moved to another node of the cluster, the server restarted) and
// must be sent again: with the library's 30s default the worker could sit
// idle for 30s after a failover.
const pullExpiry = 5 * time.Second

func (s *JetStreamSource) open() error {
	// One message per pull request: the iterator asks for the next one
	// only when pull calls Next, which it does only when it has room.
	it, err := s.consumer.Messages(jetstream.PullMaxMessages(1), jetstream.PullExpiry(pullExpiry))
	if err != nil {
		return fmt.Errorf("pull from consumer: %w", err)
	}
	s.it = it
	return nil
}

// pull moves messages from the iterator to the held list while there is
// room, until the iterator is drained or the connection ends.
func (s *JetStreamSource) pull() {
	defer func() {
		s.mu.Lock()
		s.ended = true
		s.mu.Unlock()
		signal(s.ready)
	}()
	pause := 100 * time.Millisecond
	for {
		s.mu.Lock()
		full, it := len(s.held) >= s.ahead, s.it
		s.mu.Unlock()
		if full {
			<-s.room
			continue
		}
		m, err := it.Next()
		if err == nil {
			s.mu.Lock()
			s.held = append(s.held, heldMsg{m: m, beat: time.Now()})
			s.mu.Unlock()
			signal(s.ready)
			pause = 100 * time.Millisecond
			continue
		}
		s.mu.Lock()
		if errors.Is(err, jetstream.ErrMsgIteratorClosed) {
			switch {
			case s.drained:
				s.mu.Unlock()
				return
			case errors.Is(err, jetstream.ErrConnectionClosed) || errors.Is(err, nats.ErrConnectionClosed):
				s.fatal = fmt.Errorf("%w: %w", io.EOF, err)
				s.mu.Unlock()
				return
			}
			// Closed under us (consumer deleted, server error): pull again.
			if oerr := s.open(); oerr != nil {
				err = fmt.Errorf("reopen after %w: %w", err, oerr)
			}
		}
		// Transient (no heartbeat, reconnecting): Next reports it once.
		s.err = err
		s.mu.Unlock()
		signal(s.ready)
		time.Sleep(pause)
		pause = min(2*pause, 5*time.Second)
	}
}

// keepHeld sends InProgress for every held message a quarter of the ack
// wait after its arrival or its last beat, until pulling has ended and
// nothing is held.
func (s *JetStreamSource) keepHeld() {
	t := time.NewTicker(s.beat / 2)
	defer t.Stop()
	for range t.C {
		s.mu.Lock()
		now := time.Now()
		for i := range s.held {
			h := &s.held[i]
			if now.Sub(h.beat) >= s.beat {
				if err := h.m.InProgress(); err != nil {
					s.log.Debug().Err(err).Msg("in-progress")
				}
				h.beat = now
			}
		}
		done := s.ended && len(s.held) == 0
		s.mu.Unlock()
		if done {
			return
		}
	}
}

// Next returns the next held message, waiting for one; the messages held
// when ctx ends or the source is drained are still returned (the caller
// settles or releases them), then ctx's error or io.EOF.
func (s *JetStreamSource) Next(ctx context.Context) (Message, error) {
	for {
		s.mu.Lock()
		if len(s.held) > 0 {
			m := s.held[0].m
			s.held = append(s.held[:0], s.held[1:]...)
			s.mu.Unlock()
			signal(s.room)
			return m, nil
		}
		if err := s.err; err != nil {
			s.err = nil
			s.mu.Unlock()
			return nil, err
		}
		ended, fatal := s.ended, s.fatal
		s.mu.Unlock()
		if ended {
			if fatal != nil {
				return nil, fatal
			}
			return nil, io.EOF
		}
		select {
		case <-s.ready:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// Drain stops pulling; Next still returns the messages held, then io.EOF.
func (s *JetStreamSource) Drain() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.drained {
		s.drained = true
		s.it.Drain()
	}
}

// signal wakes the goroutine waiting on c, if any; it never blocks.
func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
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
