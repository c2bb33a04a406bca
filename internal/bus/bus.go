// Package bus connects to NATS with the deployment's credentials and TLS
// and sets up the JetStream streams and the durable consumer of the
// contract.
package bus

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/rs/zerolog"
)

// ConnectOptions say how to reach and authenticate to NATS.
type ConnectOptions struct {
	URL, Name               string
	User, Password, Token   string
	NkeySeedFile, CredsFile string
	TLSCAFile               string
	TLSCertFile, TLSKeyFile string
	ReconnectWait           time.Duration
}

// Connect opens a connection that reconnects forever and logs its state.
func Connect(o ConnectOptions, log zerolog.Logger) (*nats.Conn, error) {
	wait := o.ReconnectWait
	if wait <= 0 {
		wait = time.Second
	}
	opts := []nats.Option{
		nats.Name(o.Name),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(wait),
		nats.RetryOnFailedConnect(false),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				log.Warn().Err(err).Msg("disconnected from NATS")
			}
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) {
			log.Info().Str("url", nc.ConnectedUrlRedacted()).Msg("reconnected to NATS")
		}),
		nats.ErrorHandler(func(_ *nats.Conn, sub *nats.Subscription, err error) {
			ev := log.Warn().Err(err)
			if sub != nil {
				ev = ev.Str("subject", sub.Subject)
			}
			ev.Msg("NATS async error")
		}),
	}
	if o.User != "" {
		opts = append(opts, nats.UserInfo(o.User, o.Password))
	}
	if o.Token != "" {
		opts = append(opts, nats.Token(o.Token))
	}
	if o.NkeySeedFile != "" {
		opt, err := nats.NkeyOptionFromSeed(o.NkeySeedFile)
		if err != nil {
			return nil, fmt.Errorf("nkey seed file: %w", err)
		}
		opts = append(opts, opt)
	}
	if o.CredsFile != "" {
		opts = append(opts, nats.UserCredentials(o.CredsFile))
	}
	if o.TLSCAFile != "" {
		opts = append(opts, nats.RootCAs(o.TLSCAFile))
	}
	if o.TLSCertFile != "" {
		opts = append(opts, nats.ClientCert(o.TLSCertFile, o.TLSKeyFile))
	}
	nc, err := nats.Connect(o.URL, opts...)
	if err != nil {
		return nil, fmt.Errorf("connect to NATS %s: %w", o.URL, err)
	}
	log.Info().Str("url", nc.ConnectedUrlRedacted()).Msg("connected to NATS")
	return nc, nil
}

// Topology is the streams and the consumer of the contract.
type Topology struct {
	InputStream, InputSubject  string
	OutputStream, OutputPrefix string
	DLQStream, DLQPrefix       string
	// Create creates missing streams; existing streams are never changed.
	Create          bool
	Replicas        int
	DuplicateWindow time.Duration

	Durable       string
	AckWait       time.Duration
	MaxDeliver    int
	BackOff       []time.Duration
	MaxAckPending int
}

// Ensure checks (or creates) the three streams and creates or updates the
// durable consumer, returning it.
func Ensure(ctx context.Context, js jetstream.JetStream, t Topology, log zerolog.Logger) (jetstream.Consumer, error) {
	streams := []jetstream.StreamConfig{
		{Name: t.InputStream, Subjects: []string{t.InputSubject}, Description: "raw wire articles"},
		{Name: t.OutputStream, Subjects: []string{t.OutputPrefix + ".>"}, Description: "enriched articles", Duplicates: t.DuplicateWindow},
		{Name: t.DLQStream, Subjects: []string{t.DLQPrefix + ".>"}, Description: "articles that could not be enriched", Duplicates: t.DuplicateWindow},
	}
	for _, sc := range streams {
		if err := ensureStream(ctx, js, sc, t, log); err != nil {
			return nil, err
		}
	}
	cc := jetstream.ConsumerConfig{
		Durable:       t.Durable,
		Description:   "wirenrich workers (shared by every replica)",
		FilterSubject: t.InputSubject,
		AckPolicy:     jetstream.AckExplicitPolicy,
		DeliverPolicy: jetstream.DeliverAllPolicy,
		AckWait:       t.AckWait,
		MaxDeliver:    t.MaxDeliver,
		BackOff:       t.BackOff,
		MaxAckPending: t.MaxAckPending,
	}
	if len(cc.BackOff) > 0 {
		cc.AckWait = cc.BackOff[0]
	}
	cons, err := js.CreateOrUpdateConsumer(ctx, t.InputStream, cc)
	if err != nil {
		return nil, fmt.Errorf("consumer %s on %s: %w", t.Durable, t.InputStream, err)
	}
	return cons, nil
}

func ensureStream(ctx context.Context, js jetstream.JetStream, sc jetstream.StreamConfig, t Topology, log zerolog.Logger) error {
	_, err := js.Stream(ctx, sc.Name)
	if err == nil {
		return nil
	}
	if !errors.Is(err, jetstream.ErrStreamNotFound) {
		return fmt.Errorf("stream %s: %w", sc.Name, err)
	}
	if !t.Create {
		return fmt.Errorf("stream %s does not exist (WIRENRICH_CREATE_STREAMS=false): %w", sc.Name, err)
	}
	sc.Storage = jetstream.FileStorage
	sc.Replicas = max(t.Replicas, 1)
	if _, err := js.CreateStream(ctx, sc); err != nil && !errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
		return fmt.Errorf("create stream %s: %w", sc.Name, err)
	}
	log.Info().Str("stream", sc.Name).Strs("subjects", sc.Subjects).Msg("stream created")
	return nil
}
