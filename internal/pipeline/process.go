package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/enrich"
)

// Stages named in the Enrich-Stage header of a dead letter and in metrics.
const (
	StageDecode  = "decode"
	StageEnrich  = "enrich"
	StageEncode  = "encode"
	StagePublish = "publish"
	StageAck     = "ack"
	// StageDeliver is a message that exhausted its deliveries without being
	// settled (the worker crashed or stalled on it every time).
	StageDeliver = "deliver"
)

// Reasons named in the Enrich-Reason header and in metrics: short, stable
// codes; Enrich-Error carries the full message.
const (
	ReasonEmpty         = "empty"
	ReasonInvalidUTF8   = "invalid_utf8"
	ReasonTooLarge      = "too_large"
	ReasonMalformed     = "malformed"
	ReasonUnsupported   = "unsupported"
	ReasonPanic         = "panic"
	ReasonTimeout       = "timeout"
	ReasonError         = "error"
	ReasonPublish       = "publish"
	ReasonMaxDeliveries = "max_deliveries"
)

// Dead-letter and output headers.
const (
	HeaderError          = "Enrich-Error"
	HeaderStage          = "Enrich-Stage"
	HeaderReason         = "Enrich-Reason"
	HeaderSubject        = "Enrich-Subject"
	HeaderStreamSeq      = "Enrich-Stream-Seq"
	HeaderDelivered      = "Enrich-Delivered"
	HeaderOriginalMsgID  = "Enrich-Original-Msg-Id"
	HeaderLanguage       = "Enrich-Language"
	HeaderVersion        = "Enrich-Version"
	HeaderSchema         = "Enrich-Schema"
	HeaderArticleID      = "Enrich-Article-Id"
	HeaderContentType    = "Content-Type"
	ContentTypeJSON      = "application/json"
	SchemaEnriched       = enrich.Schema
	SchemaNinjs          = "ninjs/3.2"
	errorHeaderMaxLength = 1024
)

// Failure is why an article could not be processed.
type Failure struct {
	Stage  string
	Reason string
	Err    error
	// Permanent failures go to the dead letters at once; others are
	// retried until the last delivery.
	Permanent bool
	// Detail is appended to the error text.
	Detail string
}

// Error is the text of the Enrich-Error header.
func (f *Failure) Error() string {
	s := f.Stage + ": " + f.Err.Error()
	if f.Detail != "" {
		s += " (" + f.Detail + ")"
	}
	return s
}

func (f *Failure) Unwrap() error { return f.Err }

// ErrPanic is wrapped by the failure of a stage that panicked.
var ErrPanic = errors.New("panic")

type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

// Permanent marks an enrichment error as not worth retrying: the article
// goes to the dead letters at once.
func Permanent(err error) error { return permanentError{err} }

// Input is one payload to process.
type Input struct {
	Subject string
	Data    []byte
	Header  nats.Header
	// Meta is the JetStream metadata, nil outside JetStream.
	Meta *jetstream.MsgMetadata
}

// Result is a processed article ready to publish.
type Result struct {
	Article  *article.Article
	Document *enrich.Document
	// MsgID is the output's Nats-Msg-Id (the article's id and version).
	MsgID string
	// Data and Header are the output payload and headers.
	Data   []byte
	Header nats.Header
}

// Encoder renders an enriched article as the output payload and names its
// schema (the Enrich-Schema header).
type Encoder interface {
	Encode(a *article.Article, doc *enrich.Document) ([]byte, error)
	Schema() string
}

// DocumentEncoder writes the contract's enriched document.
type DocumentEncoder struct{}

// Encode marshals doc: the bytes of json.Marshal, written without
// reflection (enrich.Document.AppendJSON).
func (DocumentEncoder) Encode(_ *article.Article, doc *enrich.Document) ([]byte, error) {
	return doc.AppendJSON(nil)
}

// Schema is enriched-article/v1.
func (DocumentEncoder) Schema() string { return SchemaEnriched }

// Processor decodes, enriches and encodes one payload, with a deadline and
// panic recovery around each stage.
type Processor struct {
	Enricher Enricher
	// Decode is the template of every decode's options (Format, MaxSize).
	Decode article.DecodeOptions
	// Adjust, when set, edits the decoded article before enrichment.
	Adjust func(*article.Article)
	// Encoder renders the output; DocumentEncoder when nil.
	Encoder Encoder
	// Timeout bounds decode plus enrichment of one article; 0 is none.
	Timeout time.Duration
	// Now stamps Source.ReceivedAt when there is no JetStream metadata.
	Now func() time.Time

	// stages hands a stage to an idle runner (see guard).
	stagesOnce sync.Once
	stages     chan stageJob
}

// Process runs the stages over one input. A nil Failure means success.
func (p *Processor) Process(ctx context.Context, in Input) (*Result, *Failure) {
	res, f, _ := p.ProcessTracked(ctx, in)
	return res, f
}

// ProcessTracked is Process that also returns, when it gave up on a stage
// at the deadline (CPU-bound NLP code cannot be interrupted), a channel
// closed once that abandoned stage has really ended; nil otherwise. The
// worker waits on it before taking another article, so timed-out
// enrichments never pile up beyond one per worker.
func (p *Processor) ProcessTracked(ctx context.Context, in Input) (res *Result, fail *Failure, abandoned <-chan struct{}) {
	track := func(ended <-chan struct{}, err error) error {
		if ended != nil {
			abandoned = ended
		}
		return err
	}
	res, fail = p.process(ctx, in, track)
	return res, fail, abandoned
}

func (p *Processor) process(ctx context.Context, in Input, track func(<-chan struct{}, error) error) (*Result, *Failure) {
	if p.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, p.Timeout)
		defer cancel()
	}
	opts := p.Decode
	if in.Header != nil {
		if opts.ContentType == "" {
			opts.ContentType = in.Header.Get(HeaderContentType)
		}
		if opts.MsgID == "" {
			opts.MsgID = in.Header.Get(jetstream.MsgIDHeader)
		}
	}
	var a *article.Article
	if err := track(p.guard(ctx, func(context.Context) error {
		var err error
		a, err = article.Decode(in.Data, opts)
		return err
	})); err != nil {
		f := &Failure{Stage: StageDecode, Reason: decodeReason(err), Err: err, Permanent: true}
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			f.Reason, f.Permanent = ReasonTimeout, false
		}
		return nil, f
	}
	if in.Meta != nil {
		a.Received = in.Meta.Timestamp
	}
	if p.Adjust != nil {
		p.Adjust(a)
	}
	var doc *enrich.Document
	if err := track(p.guard(ctx, func(ctx context.Context) error {
		var err error
		doc, err = p.Enricher.Enrich(ctx, a)
		if err == nil && doc == nil {
			err = errors.New("enricher returned no document")
		}
		return err
	})); err != nil {
		return nil, enrichFailure(err, p.Timeout)
	}
	doc.Source = &enrich.Source{Subject: in.Subject}
	if in.Meta != nil {
		doc.Source.StreamSeq = in.Meta.Sequence.Stream
		doc.Source.ReceivedAt = in.Meta.Timestamp.UTC().Format(time.RFC3339Nano)
	} else if p.Now != nil {
		doc.Source.ReceivedAt = p.Now().UTC().Format(time.RFC3339Nano)
	}
	if in.Subject == "" {
		doc.Source = nil
	}
	enc := p.Encoder
	if enc == nil {
		enc = DocumentEncoder{}
	}
	var data []byte
	if _, err := p.guard(context.WithoutCancel(ctx), func(context.Context) error {
		var err error
		data, err = enc.Encode(a, doc)
		return err
	}); err != nil {
		return nil, &Failure{Stage: StageEncode, Reason: ReasonError, Err: err, Permanent: true}
	}
	res := &Result{Article: a, Document: doc, MsgID: a.MsgID(), Data: data, Header: nats.Header{}}
	res.Header.Set(jetstream.MsgIDHeader, res.MsgID)
	res.Header.Set(HeaderContentType, ContentTypeJSON)
	res.Header.Set(HeaderSchema, enc.Schema())
	res.Header.Set(HeaderArticleID, a.ID)
	res.Header.Set(HeaderVersion, doc.Enrichment.Version)
	if doc.Language.Code != "" {
		res.Header.Set(HeaderLanguage, doc.Language.Code)
	}
	return res, nil
}

// guard runs fn, turning a panic into an ErrPanic error and giving up when
// ctx ends even if fn does not return. When it gives up, fn's goroutine is
// abandoned and the returned channel is closed once fn has returned.
//
// fn runs on a stage runner: a goroutine kept between stages while stages
// keep coming (stageRunnerIdle), so that its stack, grown to the depth of
// the NLP code, is not grown again for every article. An abandoned stage
// keeps its runner until it ends; the next stage then gets another one.
func (p *Processor) guard(ctx context.Context, fn func(context.Context) error) (<-chan struct{}, error) {
	p.stagesOnce.Do(func() { p.stages = make(chan stageJob) })
	j := stageJob{ctx: ctx, fn: fn, done: make(chan error, 1), ended: make(chan struct{})}
	select {
	case p.stages <- j: // an idle runner took it
	default:
		go p.runStages(j)
	}
	select {
	case err := <-j.done:
		return nil, err
	case <-ctx.Done():
		return j.ended, fmt.Errorf("gave up: %w", context.Cause(ctx))
	}
}

// stageRunnerIdle is how long a stage runner waits for another stage
// before it ends.
const stageRunnerIdle = 5 * time.Second

// stageJob is one stage for a runner: fn's result goes to done, and ended
// is closed once fn has returned.
type stageJob struct {
	ctx   context.Context
	fn    func(context.Context) error
	done  chan error
	ended chan struct{}
}

// runStages runs j, then the stages guard hands it, until none came for
// stageRunnerIdle.
func (p *Processor) runStages(j stageJob) {
	idle := time.NewTimer(stageRunnerIdle)
	defer idle.Stop()
	for {
		runStage(j)
		idle.Reset(stageRunnerIdle)
		select {
		case j = <-p.stages:
		case <-idle.C:
			return
		}
	}
}

// runStage runs one stage, recovering a panic as an ErrPanic error.
func runStage(j stageJob) {
	defer close(j.ended)
	defer func() {
		if r := recover(); r != nil {
			j.done <- fmt.Errorf("%w: %v\n%s", ErrPanic, r, firstFrames(debug.Stack()))
		}
	}()
	j.done <- j.fn(j.ctx)
}

// firstFrames keeps the head of a stack trace for the dead-letter header.
func firstFrames(stack []byte) string {
	if len(stack) > 600 {
		stack = stack[:600]
	}
	return string(stack)
}

func decodeReason(err error) string {
	switch {
	case errors.Is(err, ErrPanic):
		return ReasonPanic
	case errors.Is(err, article.ErrEmpty):
		return ReasonEmpty
	case errors.Is(err, article.ErrInvalidUTF8):
		return ReasonInvalidUTF8
	case errors.Is(err, article.ErrTooLarge):
		return ReasonTooLarge
	case errors.Is(err, article.ErrMalformed):
		return ReasonMalformed
	case errors.Is(err, article.ErrUnsupported):
		return ReasonUnsupported
	}
	return ReasonError
}

func enrichFailure(err error, timeout time.Duration) *Failure {
	f := &Failure{Stage: StageEnrich, Reason: ReasonError, Err: err}
	var perm permanentError
	switch {
	case errors.Is(err, ErrPanic):
		f.Reason, f.Permanent = ReasonPanic, true
	case errors.Is(err, context.DeadlineExceeded):
		f.Reason = ReasonTimeout
		if timeout > 0 {
			f.Detail = "deadline " + timeout.String()
		}
	case errors.As(err, &perm):
		f.Permanent = true
	}
	return f
}

// DeadLetter builds the dead letter of an input: its original bytes and
// headers plus Enrich-Error, Enrich-Stage, Enrich-Reason and where it came
// from. Its Nats-Msg-Id names the input's stream sequence, so dead-lettering
// the same input twice stores it once.
func DeadLetter(subject string, data []byte, hdr nats.Header, meta *jetstream.MsgMetadata, f *Failure, dlqSubject string) *nats.Msg {
	h := nats.Header{}
	for k, v := range hdr {
		// Nats-* headers steer JetStream (Nats-Expected-Stream,
		// Nats-Rollup, Nats-Msg-Id, …) and would misdirect the dead letter:
		// they are kept as Enrich-Original-*.
		if name, ok := strings.CutPrefix(http.CanonicalHeaderKey(k), "Nats-"); ok {
			k = "Enrich-Original-" + name
		}
		h[k] = append(h[k], v...)
	}
	errText := f.Error()
	if len(errText) > errorHeaderMaxLength {
		errText = errText[:errorHeaderMaxLength]
	}
	h.Set(HeaderError, headerSafe(errText))
	h.Set(HeaderStage, f.Stage)
	h.Set(HeaderReason, f.Reason)
	h.Set(HeaderSubject, subject)
	h.Set(HeaderVersion, enrich.Version)
	if meta != nil {
		h.Set(HeaderStreamSeq, strconv.FormatUint(meta.Sequence.Stream, 10))
		h.Set(HeaderDelivered, strconv.FormatUint(meta.NumDelivered, 10))
		h.Set(jetstream.MsgIDHeader, "dlq:"+meta.Stream+":"+strconv.FormatUint(meta.Sequence.Stream, 10))
	} else {
		sum := sha256.Sum256(append([]byte(subject+"\x00"), data...))
		h.Set(jetstream.MsgIDHeader, "dlq:sha256:"+hex.EncodeToString(sum[:16]))
	}
	return &nats.Msg{Subject: dlqSubject, Header: h, Data: data}
}

// HeaderTruncated on a dead letter gives the original payload size when
// only its head could be kept.
const HeaderTruncated = "Enrich-Truncated"

// TruncateDeadLetter keeps the first max bytes of a dead letter's payload
// and records the original size in Enrich-Truncated.
func TruncateDeadLetter(dl *nats.Msg, max int) {
	if len(dl.Data) <= max {
		return
	}
	if dl.Header.Get(HeaderTruncated) == "" {
		dl.Header.Set(HeaderTruncated, strconv.Itoa(len(dl.Data)))
	}
	dl.Data = dl.Data[:max]
}

// headerSafe keeps a header value on one line.
func headerSafe(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '\r' || c == '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

func itoa(n int) string { return strconv.Itoa(n) }
