// Package service wires the configured worker together — embedded server or
// NATS connection, streams, consumer, pipeline, HTTP endpoints — and runs it
// until its context ends, shutting down in order.
package service

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/rs/zerolog"

	"github.com/wirenrich/wirenrich/config"
	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/bus"
	"github.com/wirenrich/wirenrich/internal/embedded"
	"github.com/wirenrich/wirenrich/internal/pipeline"
	"github.com/wirenrich/wirenrich/internal/sink"
)

// Service is one worker replica.
type Service struct {
	cfg      config.Config
	log      zerolog.Logger
	enricher pipeline.Enricher
	reg      *prometheus.Registry
	metrics  *pipeline.Metrics
	handler  http.Handler

	nc     atomic.Pointer[nats.Conn]
	worker atomic.Pointer[pipeline.Worker]
}

// New builds a service for a validated configuration.
func New(cfg config.Config, enricher pipeline.Enricher, log zerolog.Logger) (*Service, error) {
	if enricher == nil {
		return nil, errors.New("service: no enricher")
	}
	s := &Service{cfg: cfg, log: log, enricher: enricher, reg: prometheus.NewRegistry()}
	s.reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	s.metrics = pipeline.NewMetrics(s.reg)
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{Registry: s.reg}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		if !s.Ready() {
			http.Error(w, "not ready: not connected or not consuming", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})
	if cfg.Pprof {
		mux.HandleFunc("GET /debug/pprof/", pprof.Index)
		mux.HandleFunc("GET /debug/pprof/cmdline", pprof.Cmdline)
		mux.HandleFunc("GET /debug/pprof/profile", pprof.Profile)
		mux.HandleFunc("GET /debug/pprof/symbol", pprof.Symbol)
		mux.HandleFunc("GET /debug/pprof/trace", pprof.Trace)
	}
	s.handler = mux
	return s, nil
}

// Handler serves /metrics, /healthz and /readyz (and /debug/pprof/ with
// WIRENRICH_PPROF).
func (s *Service) Handler() http.Handler { return s.handler }

// Metrics are the service's pipeline metrics.
func (s *Service) Metrics() *pipeline.Metrics { return s.metrics }

// Ready reports whether the service is connected and consuming.
func (s *Service) Ready() bool {
	nc, w := s.nc.Load(), s.worker.Load()
	return nc != nil && nc.IsConnected() && w != nil && w.Consuming()
}

// Run starts everything and blocks until ctx ends; then it stops fetching,
// lets in-flight articles finish (or releases them), drains the NATS
// connection, stops HTTP and finally the embedded server.
func (s *Service) Run(ctx context.Context) (err error) {
	cfg := s.cfg
	url := cfg.NatsURL
	if cfg.Embedded() {
		srv, err := embedded.Start(ctx, embedded.Options{Listen: cfg.EmbeddedListen, StoreDir: cfg.DataDir}, s.log)
		if err != nil {
			return err
		}
		defer func() {
			srv.Shutdown()
			s.log.Info().Msg("embedded NATS server stopped")
		}()
		url = srv.ClientURL()
	}

	if cfg.HTTPAddr != "" {
		stopHTTP, err := s.serveHTTP(cfg.HTTPAddr)
		if err != nil {
			return err
		}
		defer stopHTTP()
	}

	host, _ := os.Hostname()
	nc, err := bus.Connect(bus.ConnectOptions{
		URL: url, Name: "wirenrich " + host,
		User: cfg.NatsUser, Password: cfg.NatsPassword, Token: cfg.NatsToken,
		NkeySeedFile: cfg.NatsNkeyFile, CredsFile: cfg.NatsCredsFile,
		TLSCAFile: cfg.NatsTLSCaFile, TLSCertFile: cfg.NatsTLSCert, TLSKeyFile: cfg.NatsTLSKey,
		ReconnectWait: min(time.Second, cfg.AckWait/2),
	}, s.log)
	if err != nil {
		if !cfg.Embedded() {
			return fmt.Errorf("%w (WIRENRICH_NATS_URL, or NATS_URL, names the server; leave both unset to start the embedded one)", err)
		}
		return err
	}
	defer s.closeConn(nc)
	s.nc.Store(nc)

	js, err := jetstream.New(nc)
	if err != nil {
		return fmt.Errorf("jetstream: %w", err)
	}
	topo := bus.Topology{
		InputStream: cfg.InputStream, InputSubject: cfg.InputSubject,
		OutputStream: cfg.OutputStream, OutputPrefix: cfg.OutputPrefix,
		DLQStream: cfg.DLQStream, DLQPrefix: cfg.DLQPrefix,
		Create: cfg.CreateStreams, Replicas: cfg.StreamReplicas, DuplicateWindow: cfg.DuplicateWindow,
		Durable: cfg.Durable, AckWait: cfg.AckWait, MaxDeliver: cfg.MaxDeliver,
		BackOff: cfg.BackOff(), MaxAckPending: cfg.MaxAckPending,
	}
	cons, err := s.ensure(ctx, js, topo)
	if err != nil {
		return err
	}

	src, err := pipeline.NewJetStreamSource(cons, cfg.PullBatch, cfg.AckWait, s.log)
	if err != nil {
		return err
	}
	proc, err := NewProcessor(cfg, s.enricher)
	if err != nil {
		return err
	}
	w, err := pipeline.NewWorker(src, sink.NewJetStream(js), pipeline.Options{
		Workers:        cfg.Workers,
		InputPrefix:    pipeline.SubjectPrefix(cfg.InputSubject),
		OutputPrefix:   cfg.OutputPrefix,
		DLQPrefix:      cfg.DLQPrefix,
		MaxDeliver:     cfg.MaxDeliver,
		BackOff:        cfg.BackOff(),
		AckWait:        cfg.AckWait,
		PublishTimeout: cfg.PublishTimeout,
		ShutdownGrace:  cfg.ShutdownGrace,
		Processor:      proc,
	}, s.metrics, s.log)
	if err != nil {
		return err
	}
	adv, err := w.DeadLetterMaxDeliveries(context.WithoutCancel(ctx), nc, js, cfg.InputStream, cfg.Durable)
	if err != nil {
		return err
	}
	defer func() { _ = adv.Unsubscribe() }()

	lagCtx, stopLag := context.WithCancel(ctx)
	defer stopLag()
	go s.pollLag(lagCtx, cons)

	s.worker.Store(w)
	s.log.Info().Str("stream", cfg.InputStream).Str("durable", cfg.Durable).Int("workers", cfg.Workers).
		Str("output", cfg.OutputPrefix+".>").Str("dlq", cfg.DLQPrefix+".>").Msg("consuming")
	err = w.Run(ctx)
	s.log.Info().Msg("consumer drained")
	return err
}

// NewProcessor is the processor a replica runs with cfg: decode limits,
// article deadline and output format. The bench's in-process measurement
// uses it too, so that both do the same work per article.
func NewProcessor(cfg config.Config, enricher pipeline.Enricher) (*pipeline.Processor, error) {
	enc, err := Encoder(cfg.OutputFormat)
	if err != nil {
		return nil, err
	}
	return &pipeline.Processor{
		Enricher: enricher,
		Decode:   article.DecodeOptions{MaxSize: cfg.MaxPayload},
		Encoder:  enc,
		Timeout:  cfg.ArticleTimeout,
	}, nil
}

// Encoder returns the output encoder of an OUTPUT_FORMAT.
func Encoder(format string) (pipeline.Encoder, error) {
	switch format {
	case "", config.FormatEnriched:
		return pipeline.DocumentEncoder{}, nil
	case config.FormatNinjs:
		return pipeline.NinjsEncoder{}, nil
	}
	return nil, fmt.Errorf("unknown output format %q", format)
}

// lagInterval is how often the consumer lag is read when idle.
const lagInterval = 10 * time.Second

// pollLag keeps the consumer-lag gauge current while no messages flow (the
// deliveries' metadata update it otherwise).
func (s *Service) pollLag(ctx context.Context, cons jetstream.Consumer) {
	t := time.NewTicker(lagInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			ictx, cancel := context.WithTimeout(ctx, 5*time.Second)
			info, err := cons.Info(ictx)
			cancel()
			if err == nil {
				s.metrics.ConsumerPending.Set(float64(info.NumPending))
			}
		}
	}
}

// closeConn drains the connection (flushing pending publishes and acks)
// and waits for it to close.
func (s *Service) closeConn(nc *nats.Conn) {
	s.nc.Store(nil)
	if err := nc.Drain(); err != nil {
		nc.Close()
		return
	}
	deadline := time.Now().Add(10 * time.Second)
	for !nc.IsClosed() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	nc.Close()
	s.log.Info().Msg("NATS connection closed")
}

func (s *Service) serveHTTP(addr string) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("WIRENRICH_HTTP_ADDR %s: %w", addr, err)
	}
	srv := &http.Server{Handler: s.handler, ReadHeaderTimeout: 5 * time.Second}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error().Err(err).Msg("HTTP server")
		}
	}()
	s.log.Info().Str("addr", ln.Addr().String()).Msg("serving /metrics, /healthz, /readyz")
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		<-done
	}, nil
}

// ensure sets up the streams and the consumer, retrying for up to a minute
// with a short deadline per attempt: a JetStream API request sent while a
// cluster elects its leaders can go unanswered, and a worker started beside
// a cluster that is still coming up should wait for it, not fail.
func (s *Service) ensure(ctx context.Context, js jetstream.JetStream, topo bus.Topology) (jetstream.Consumer, error) {
	const (
		total   = time.Minute
		attempt = 10 * time.Second
	)
	deadline := time.Now().Add(total)
	pause := 250 * time.Millisecond
	for {
		actx, cancel := context.WithTimeout(ctx, attempt)
		cons, err := bus.Ensure(actx, js, topo, s.log)
		cancel()
		if err == nil {
			return cons, nil
		}
		// Only an unanswered request is worth another try; a refusal
		// (missing stream with CREATE_STREAMS=false, bad config) is final.
		if ctx.Err() != nil || !unanswered(err) || time.Now().Add(pause).After(deadline) {
			return nil, err
		}
		s.log.Warn().Err(err).Msg("stream setup unanswered; retrying")
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(pause):
		}
		pause = min(2*pause, 5*time.Second)
	}
}

// unanswered reports whether a JetStream API error means no server answered
// (yet), as opposed to a refusal.
func unanswered(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, nats.ErrTimeout) ||
		errors.Is(err, nats.ErrNoResponders) || errors.Is(err, jetstream.ErrNoStreamResponse)
}
