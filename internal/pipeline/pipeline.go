// Package pipeline runs the worker's stages — source, decode, enrich, sink —
// over a pool of goroutines, acknowledging each input only after its output
// or its dead letter was stored.
package pipeline

import (
	"context"
	"errors"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/rs/zerolog"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/enrich"
)

// Enricher turns a decoded article into an enriched document. It must be
// safe for concurrent use and should honour ctx.
type Enricher interface {
	Enrich(ctx context.Context, a *article.Article) (*enrich.Document, error)
}

// Sink stores a message and returns once it is stored (for JetStream: once
// the PubAck arrived). msg.Header may carry Nats-Msg-Id for deduplication.
type Sink interface {
	Publish(ctx context.Context, msg *nats.Msg) error
}

// Message is one input message with its acknowledgement methods;
// jetstream.Msg satisfies it.
type Message interface {
	Subject() string
	Data() []byte
	Headers() nats.Header
	// Metadata is the JetStream delivery metadata; an error when the
	// message did not come from a JetStream consumer.
	Metadata() (*jetstream.MsgMetadata, error)
	// Ack acknowledges the message. It does not wait for the server: an
	// ack that is lost leaves the message to be redelivered after the ack
	// wait, and its output, already stored, is deduplicated by Nats-Msg-Id.
	Ack() error
	// NakWithDelay asks for a redelivery after delay (0: at once).
	NakWithDelay(delay time.Duration) error
	// InProgress resets the redelivery timer.
	InProgress() error
}

// Source yields input messages and keeps those it holds in progress until
// they are handed out. Next blocks until a message arrives; it returns the
// messages held even once ctx has ended (the caller then releases them),
// io.EOF once the source is drained or closed for good, and any other error
// for a transient problem (Next is then called again).
type Source interface {
	Next(ctx context.Context) (Message, error)
	// Drain stops fetching; Next then returns the messages already fetched
	// and io.EOF.
	Drain()
}

// Options configure a Worker.
type Options struct {
	// Workers is the number of articles processed at once (at least 1).
	Workers int
	// InputPrefix is stripped from an input subject to get its suffix
	// ("articles.raw." for the filter "articles.raw.>").
	InputPrefix string
	// OutputPrefix and DLQPrefix are prefixed to the suffix ("articles.enriched").
	OutputPrefix, DLQPrefix string
	// MaxDeliver is the consumer's MaxDeliver: a failure on that delivery
	// goes to the dead letters. 0 means no limit known.
	MaxDeliver int
	// BackOff is the redelivery delay after the n-th failed delivery (the
	// last value repeats); empty means one second.
	BackOff []time.Duration
	// AckWait is the consumer's ack wait; InProgress is sent every half of it.
	AckWait time.Duration
	// PublishTimeout bounds each output and dead-letter publish.
	PublishTimeout time.Duration
	// ShutdownGrace is how long in-flight articles may finish after the
	// run context ends before they are released for redelivery.
	ShutdownGrace time.Duration
	// Processor decodes, enriches and encodes one payload.
	Processor *Processor
}

// Worker consumes a Source with a pool of goroutines and publishes to a Sink.
type Worker struct {
	src       Source
	sink      Sink
	opts      Options
	log       zerolog.Logger
	metrics   *Metrics
	consuming atomic.Bool
}

// NewWorker builds a Worker; metrics may be nil.
func NewWorker(src Source, sink Sink, opts Options, metrics *Metrics, log zerolog.Logger) (*Worker, error) {
	if src == nil || sink == nil || opts.Processor == nil {
		return nil, errors.New("pipeline: source, sink and processor are required")
	}
	if opts.Workers < 1 {
		opts.Workers = 1
	}
	if opts.PublishTimeout <= 0 {
		opts.PublishTimeout = 10 * time.Second
	}
	if opts.AckWait <= 0 {
		opts.AckWait = 30 * time.Second
	}
	if metrics == nil {
		metrics = NewMetrics(nil)
	}
	return &Worker{src: src, sink: sink, opts: opts, metrics: metrics, log: log}, nil
}

// Consuming reports whether Run is fetching messages.
func (w *Worker) Consuming() bool { return w.consuming.Load() }

// Run processes messages until ctx ends, then drains the source, lets the
// in-flight articles finish within ShutdownGrace (releasing them for
// redelivery after it), and returns. It returns nil after a clean drain.
func (w *Worker) Run(ctx context.Context) error {
	workCtx, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()

	// A message leaves the source only for a free worker: until then the
	// source keeps it in progress, after that the worker does.
	slots := make(chan struct{}, w.opts.Workers)
	var wg sync.WaitGroup

	done := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			w.log.Info().Dur("grace", w.opts.ShutdownGrace).Msg("stopping: draining the consumer")
			w.src.Drain()
			t := time.NewTimer(w.opts.ShutdownGrace)
			defer t.Stop()
			select {
			case <-t.C:
				w.log.Warn().Msg("shutdown grace over: releasing in-flight articles")
				cancelWork()
			case <-done:
			}
		case <-done:
		}
	}()

	w.consuming.Store(true)
	var runErr error
	pause := 100 * time.Millisecond
	for {
		select {
		case slots <- struct{}{}:
		case <-workCtx.Done():
		}
		if workCtx.Err() != nil {
			break
		}
		m, err := w.src.Next(workCtx)
		if err != nil {
			<-slots
			if errors.Is(err, io.EOF) || workCtx.Err() != nil {
				if !errors.Is(err, io.EOF) || ctx.Err() == nil {
					runErr = err
				}
				break
			}
			// Transient (reconnecting, consumer recreated): retry, backing
			// off so a lasting problem does not flood the log.
			pause = min(2*pause, 5*time.Second)
			w.log.Warn().Err(err).Dur("retry_in", pause).Msg("fetching messages")
			select {
			case <-time.After(pause):
			case <-workCtx.Done():
			}
			continue
		}
		pause = 100 * time.Millisecond
		wg.Go(func() {
			defer func() { <-slots }()
			w.handle(workCtx, m)
		})
	}
	w.consuming.Store(false)
	// Past the grace: hand back what the source still holds.
	if workCtx.Err() != nil {
		for {
			m, err := w.src.Next(workCtx)
			if err != nil {
				break
			}
			w.release(m)
		}
	}
	wg.Wait()
	close(done)
	if runErr != nil && ctx.Err() == nil {
		return runErr
	}
	return nil
}

// release hands a message back for immediate redelivery.
func (w *Worker) release(m Message) {
	if err := m.NakWithDelay(0); err != nil {
		w.log.Debug().Err(err).Str("subject", m.Subject()).Msg("releasing message")
	}
	w.metrics.Messages.WithLabelValues(ResultReleased).Inc()
}

// Results of one delivery, the label of wirenrich_messages_total.
const (
	ResultEnriched     = "enriched"
	ResultDeadLettered = "dead_lettered"
	ResultRetried      = "retried"
	ResultReleased     = "released"
)

// handle processes one delivery to its end: output and ack, dead letter and
// ack, or nak for a later redelivery.
func (w *Worker) handle(ctx context.Context, m Message) {
	start := time.Now()
	w.metrics.InFlight.Inc()
	defer w.metrics.InFlight.Dec()

	meta, _ := m.Metadata()
	delivered := 1
	if meta != nil {
		delivered = int(meta.NumDelivered)
		w.metrics.ConsumerPending.Set(float64(meta.NumPending))
	}
	if delivered > 1 {
		w.metrics.Redeliveries.Inc()
	}
	stop := w.heartbeat(m)
	res, fail, abandoned := w.opts.Processor.ProcessTracked(ctx, Input{
		Subject: m.Subject(), Data: m.Data(), Header: m.Headers(), Meta: meta,
	})
	if abandoned != nil {
		defer w.awaitAbandoned(ctx, m, abandoned)
	}
	if fail == nil {
		out := &nats.Msg{
			Subject: w.subject(w.opts.OutputPrefix, m.Subject()),
			Header:  res.Header,
			Data:    res.Data,
		}
		if err := w.publishHolding(ctx, out); err != nil {
			fail = &Failure{Stage: StagePublish, Reason: ReasonPublish, Err: err, Permanent: permanentPublishError(err)}
		}
	}
	stop()

	result := ResultEnriched
	if fail != nil {
		result = w.fail(ctx, m, meta, delivered, fail)
	} else if err := m.Ack(); err != nil {
		// The output is stored: a redelivery is deduplicated by Nats-Msg-Id.
		w.metrics.Failures.WithLabelValues(StageAck, "ack").Inc()
		w.log.Warn().Err(err).Str("id", res.MsgID).Msg("ack after output failed")
	}
	if fail == nil {
		w.log.Debug().Str("id", res.MsgID).Str("subject", m.Subject()).Dur("took", time.Since(start)).Msg("enriched")
	}
	w.metrics.Messages.WithLabelValues(result).Inc()
	w.metrics.Duration.WithLabelValues(result).Observe(time.Since(start).Seconds())
}

// fail settles a failed delivery and returns its result.
func (w *Worker) fail(ctx context.Context, m Message, meta *jetstream.MsgMetadata, delivered int, f *Failure) string {
	w.metrics.Failures.WithLabelValues(f.Stage, f.Reason).Inc()
	ev := w.log.Warn().Str("subject", m.Subject()).Str("stage", f.Stage).Str("reason", f.Reason).Int("delivered", delivered).Err(f.Err)
	if meta != nil {
		ev = ev.Uint64("stream_seq", meta.Sequence.Stream)
	}
	if ctx.Err() != nil {
		ev.Msg("shutting down: releasing article")
		w.release(m)
		return ResultReleased
	}
	last := w.opts.MaxDeliver > 0 && delivered >= w.opts.MaxDeliver
	if !f.Permanent && !last {
		delay := w.backoff(delivered)
		ev.Dur("retry_in", delay).Msg("article failed; will retry")
		if err := m.NakWithDelay(delay); err != nil {
			w.log.Warn().Err(err).Msg("nak failed; the ack wait will redeliver")
		}
		return ResultRetried
	}
	if last && !f.Permanent {
		f = &Failure{Stage: f.Stage, Reason: f.Reason, Err: f.Err, Permanent: true,
			Detail: "after " + itoa(delivered) + " deliveries"}
	}
	ev.Msg("article dead-lettered")
	dl := DeadLetter(m.Subject(), m.Data(), m.Headers(), meta, f, w.dlqSubject(m.Subject()))
	stop := w.heartbeat(m)
	err := w.publishDeadLetter(ctx, dl, true)
	stop()
	if err != nil {
		w.metrics.Failures.WithLabelValues(StagePublish, ReasonPublish).Inc()
		w.log.Error().Err(err).Str("subject", dl.Subject).Msg("dead-letter publish failed; will retry")
		if err := m.NakWithDelay(w.backoff(delivered)); err != nil {
			w.log.Warn().Err(err).Msg("nak failed; the ack wait will redeliver")
		}
		return ResultRetried
	}
	w.metrics.DeadLetters.WithLabelValues(f.Stage, f.Reason).Inc()
	if err := m.Ack(); err != nil {
		w.metrics.Failures.WithLabelValues(StageAck, "ack").Inc()
		w.log.Warn().Err(err).Msg("ack after dead letter failed")
	}
	return ResultDeadLettered
}

// publishDeadLetter publishes a dead letter; when the original plus the
// Enrich-* headers is over the server's max payload, it keeps halving the
// payload (recording the original size in Enrich-Truncated) until it fits.
// With hold, transient failures are retried as by publishHolding.
func (w *Worker) publishDeadLetter(ctx context.Context, dl *nats.Msg, hold bool) error {
	pub := w.publish
	if hold {
		pub = w.publishHolding
	}
	err := pub(ctx, dl)
	for keep := len(dl.Data) / 2; errors.Is(err, nats.ErrMaxPayload) && keep >= 256; keep /= 2 {
		TruncateDeadLetter(dl, keep)
		err = pub(ctx, dl)
	}
	return err
}

// Publish retry delays of publishHolding: doubling from the first to the
// last.
const (
	publishRetryFirst = 100 * time.Millisecond
	publishRetryMax   = 5 * time.Second
)

// publishHolding publishes msg, retrying a transient failure (publish
// timeout, no stream leader, output stream at its limits with DiscardNew,
// connection lost) until it succeeds or ctx ends, while the caller keeps
// the input in progress: a slow or full downstream holds the worker — and
// through MaxAckPending the whole consumer — instead of spending the
// input's deliveries and dead-lettering it. Permanent failures (message
// over the size limits) return at once.
func (w *Worker) publishHolding(ctx context.Context, msg *nats.Msg) error {
	delay := publishRetryFirst
	for attempt := 1; ; attempt++ {
		err := w.publish(ctx, msg)
		if err == nil || permanentPublishError(err) || ctx.Err() != nil ||
			errors.Is(err, nats.ErrConnectionClosed) || errors.Is(err, jetstream.ErrConnectionClosed) {
			// A closed connection never comes back: the input is
			// redelivered to whoever still consumes.
			return err
		}
		w.metrics.Failures.WithLabelValues(StagePublish, ReasonPublish).Inc()
		if attempt == 1 || attempt%10 == 0 {
			w.log.Warn().Err(err).Str("subject", msg.Subject).Int("attempt", attempt).Dur("retry_in", delay).
				Msg("publish failed; holding the article and retrying")
		}
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return err
		}
		delay = min(2*delay, publishRetryMax)
	}
}

// permanentPublishError reports whether retrying a publish cannot help:
// the message is over the connection's or the stream's size limit.
func permanentPublishError(err error) bool {
	if errors.Is(err, nats.ErrMaxPayload) || errors.Is(err, nats.ErrBadSubject) || errors.Is(err, nats.ErrBadHeaderMsg) {
		return true
	}
	var apiErr *jetstream.APIError
	return errors.As(err, &apiErr) && apiErr.ErrorCode == errCodeMessageExceedsMaximum
}

// errCodeMessageExceedsMaximum is JetStream's "message size exceeds
// maximum allowed" (the stream's MaxMsgSize).
const errCodeMessageExceedsMaximum jetstream.ErrorCode = 10054

// awaitAbandoned waits, after the delivery was settled, for the stage
// Process gave up on to really end, so CPU-bound work past its deadline
// does not pile up behind the worker's back. It waits one more article
// deadline at most (at least a second), then takes the next article anyway.
func (w *Worker) awaitAbandoned(ctx context.Context, m Message, ended <-chan struct{}) {
	start := time.Now()
	wait := max(w.opts.Processor.Timeout, time.Second)
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-ended:
		w.log.Warn().Str("subject", m.Subject()).Dur("overran", time.Since(start)).Msg("stage abandoned at the deadline has ended")
	case <-t.C:
		w.log.Error().Str("subject", m.Subject()).Dur("waited", wait).Msg("stage abandoned at the deadline still running; leaving it")
	case <-ctx.Done():
	}
}

func (w *Worker) publish(ctx context.Context, msg *nats.Msg) error {
	ctx, cancel := context.WithTimeout(ctx, w.opts.PublishTimeout)
	defer cancel()
	return w.sink.Publish(ctx, msg)
}

// heartbeat sends InProgress every half AckWait until the returned stop.
// It runs on a timer rather than a goroutine of its own (most articles are
// settled long before the first beat), and sends nothing once stop has
// returned: a beat after the ack or nak could delay a retry.
func (w *Worker) heartbeat(m Message) (stop func()) {
	every := max(w.opts.AckWait/2, 50*time.Millisecond)
	var (
		mu      sync.Mutex
		stopped bool
		t       *time.Timer
	)
	mu.Lock()
	defer mu.Unlock()
	t = time.AfterFunc(every, func() {
		mu.Lock()
		defer mu.Unlock()
		if stopped {
			return
		}
		if err := m.InProgress(); err != nil {
			w.log.Debug().Err(err).Msg("in-progress")
		}
		t.Reset(every)
	})
	return func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		t.Stop()
	}
}

func (w *Worker) backoff(delivered int) time.Duration {
	if len(w.opts.BackOff) == 0 {
		return time.Second
	}
	i := min(max(delivered-1, 0), len(w.opts.BackOff)-1)
	return w.opts.BackOff[i]
}

func (w *Worker) subject(prefix, in string) string {
	return prefix + "." + Suffix(w.opts.InputPrefix, in)
}

func (w *Worker) dlqSubject(in string) string { return w.subject(w.opts.DLQPrefix, in) }

// Suffix is the input subject after the input prefix, or the whole subject
// when it does not start with it.
func Suffix(inputPrefix, subject string) string {
	if inputPrefix != "" && len(subject) > len(inputPrefix) && subject[:len(inputPrefix)] == inputPrefix {
		return subject[len(inputPrefix):]
	}
	return subject
}

// SubjectPrefix is the literal prefix of a subject filter, up to its first
// wildcard token: "articles.raw." for "articles.raw.>".
func SubjectPrefix(filter string) string {
	for i := 0; i < len(filter); i++ {
		if (filter[i] == '*' || filter[i] == '>') && (i == 0 || filter[i-1] == '.') {
			return filter[:i]
		}
	}
	return ""
}
