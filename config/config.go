// Package config reads the worker's configuration from WIRENRICH_*
// environment variables (with envconfig), applies defaults and validates it.
package config

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/kelseyhightower/envconfig"
)

// Prefix is the prefix of every configuration variable.
const Prefix = "WIRENRICH"

// Enrichers of WIRENRICH_ENRICHER.
const (
	EnricherFull        = "full"
	EnricherPassthrough = "passthrough"
)

// Output formats of WIRENRICH_OUTPUT_FORMAT.
const (
	FormatEnriched = "enriched"
	FormatNinjs    = "ninjs"
)

// Config is the worker's whole configuration. Field names map to variables
// by splitting camel case: NatsURL is WIRENRICH_NATS_URL.
type Config struct {
	NatsURL        string `split_words:"true" desc:"NATS server URL(s), comma separated; empty (and no NATS_URL) starts an embedded server"`
	NatsUser       string `split_words:"true" desc:"NATS user name"`
	NatsPassword   string `split_words:"true" desc:"NATS password"`
	NatsToken      string `split_words:"true" desc:"NATS authentication token"`
	NatsNkeyFile   string `split_words:"true" desc:"file holding an nkey seed (SU...)"`
	NatsCredsFile  string `split_words:"true" desc:"NATS .creds file (JWT and seed)"`
	NatsTLSCaFile  string `split_words:"true" desc:"PEM file of CA certificates to trust"`
	NatsTLSCert    string `split_words:"true" desc:"PEM client certificate (with NATS_TLS_KEY)"`
	NatsTLSKey     string `split_words:"true" desc:"PEM client key (with NATS_TLS_CERT)"`
	EmbeddedListen string `split_words:"true" default:"127.0.0.1:4222" desc:"host:port of the embedded NATS server"`
	DataDir        string `split_words:"true" default:"data" desc:"directory of the embedded server's JetStream store"`

	InputSubject    string        `split_words:"true" default:"articles.raw.>" desc:"subjects consumed"`
	InputStream     string        `split_words:"true" default:"ARTICLES_RAW" desc:"stream holding the input subjects"`
	Durable         string        `default:"enricher" desc:"durable pull consumer shared by every replica"`
	OutputPrefix    string        `split_words:"true" default:"articles.enriched" desc:"output subject = prefix.<suffix of the input subject>"`
	OutputStream    string        `split_words:"true" default:"ARTICLES_ENRICHED" desc:"stream of the output subjects"`
	DLQPrefix       string        `split_words:"true" default:"articles.dlq" desc:"dead-letter subject = prefix.<suffix>"`
	DLQStream       string        `split_words:"true" default:"ARTICLES_DLQ" desc:"stream of the dead-letter subjects"`
	CreateStreams   bool          `split_words:"true" default:"true" desc:"create missing streams (existing ones are left as they are)"`
	StreamReplicas  int           `split_words:"true" default:"1" desc:"replicas of the streams it creates (1, 3 or 5)"`
	DuplicateWindow time.Duration `split_words:"true" default:"2m" desc:"output stream deduplication window (Nats-Msg-Id)"`
	OutputFormat    string        `split_words:"true" default:"enriched" desc:"enriched (the contract's document) or ninjs (ninjs 3.x with entities)"`
	Enricher        string        `default:"full" desc:"full (every NLP stage) or passthrough (decode and encode only, no entities: measures the bus, see worker bench)"`

	Workers        int           `default:"0" desc:"concurrent articles per replica; 0 = number of CPUs"`
	PullBatch      int           `split_words:"true" default:"0" desc:"messages pulled ahead of the workers (kept in progress while they wait); 0 = WORKERS"`
	Replicas       int           `default:"4" desc:"replicas expected, to size MAX_ACK_PENDING"`
	MaxAckPending  int           `split_words:"true" default:"0" desc:"consumer MaxAckPending; 0 = 2 x WORKERS x REPLICAS"`
	MaxPayload     int           `split_words:"true" default:"1048576" desc:"largest accepted article payload in bytes"`
	AckWait        time.Duration `split_words:"true" default:"30s" desc:"time to ack before redelivery (first BackOff step)"`
	MaxDeliver     int           `split_words:"true" default:"5" desc:"deliveries before an article goes to the dead letters"`
	ArticleTimeout time.Duration `split_words:"true" default:"20s" desc:"deadline to decode and enrich one article"`
	PublishTimeout time.Duration `split_words:"true" default:"10s" desc:"deadline for JetStream to acknowledge a publish"`
	ShutdownGrace  time.Duration `split_words:"true" default:"20s" desc:"time to finish in-flight articles on SIGTERM before releasing them"`

	HTTPAddr  string `split_words:"true" default:":8080" desc:"address of /metrics, /healthz, /readyz; empty disables"`
	Pprof     bool   `default:"false" desc:"also serve the Go profiler (/debug/pprof/) on HTTP_ADDR; for profiling, not for an exposed port"`
	LogLevel  string `split_words:"true" default:"info" desc:"trace, debug, info, warn or error"`
	LogFormat string `split_words:"true" default:"json" desc:"json or console"`
}

// Load reads the configuration from the environment, falls back to NATS_URL
// for the server URL, and validates it.
func Load() (Config, error) {
	var c Config
	if err := envconfig.Process(Prefix, &c); err != nil {
		var pe *envconfig.ParseError
		if errors.As(err, &pe) {
			return c, fmt.Errorf("%s=%q: not a valid %s: %w", pe.KeyName, pe.Value, pe.TypeName, pe.Err)
		}
		return c, fmt.Errorf("config: %w", err)
	}
	if _, ok := os.LookupEnv(Prefix + "_NATS_URL"); !ok {
		c.NatsURL = os.Getenv("NATS_URL")
	}
	c.applyDerived()
	if err := c.Validate(); err != nil {
		return c, err
	}
	return c, nil
}

// Default returns the configuration with every default applied, as if no
// variable were set.
func Default() Config {
	var c Config
	if err := envconfig.Process("WIRENRICH_DEFAULTS_ONLY_", &c); err != nil {
		panic(err) // the defaults are constants of this file
	}
	c.applyDerived()
	return c
}

// applyDerived fills the values whose default depends on others.
func (c *Config) applyDerived() {
	if c.Workers == 0 {
		c.Workers = runtime.NumCPU()
	}
	if c.PullBatch == 0 {
		c.PullBatch = c.Workers
	}
	if c.MaxAckPending == 0 && c.Replicas > 0 {
		c.MaxAckPending = 2 * c.Workers * c.Replicas
	}
}

// Embedded reports whether the worker starts its own NATS server.
func (c Config) Embedded() bool { return strings.TrimSpace(c.NatsURL) == "" }

// BackOff is the consumer's redelivery schedule: AckWait doubling at each
// delivery, capped at 10 minutes, one step per delivery but the last.
func (c Config) BackOff() []time.Duration {
	n := c.MaxDeliver - 1
	if n < 1 {
		return nil
	}
	out := make([]time.Duration, n)
	d := c.AckWait
	for i := range out {
		out[i] = d
		if d < 10*time.Minute {
			d = min(2*d, 10*time.Minute)
		}
	}
	return out
}

// ErrInvalid is wrapped by every validation error.
var ErrInvalid = errors.New("invalid configuration")

// Validate checks every value and names the variable of the first bad one.
func (c Config) Validate() error {
	type check struct {
		ok        bool
		name, msg string
	}
	subjectOK := func(s string) bool { return s != "" && !strings.ContainsAny(s, " \t\r\n") }
	prefixOK := func(s string) bool {
		return subjectOK(s) && !strings.ContainsAny(s, "*>") && !strings.HasSuffix(s, ".")
	}
	nameOK := func(s string) bool { return s != "" && !strings.ContainsAny(s, " \t\r\n.*>/\\") }
	checks := []check{
		{c.Embedded() || !strings.ContainsAny(c.NatsURL, " \t"), "NATS_URL", "must be URLs separated by commas, without spaces"},
		{!c.Embedded() || validHostPort(c.EmbeddedListen), "EMBEDDED_LISTEN", fmt.Sprintf("must be host:port, got %q", c.EmbeddedListen)},
		{!c.Embedded() || c.DataDir != "", "DATA_DIR", "must not be empty with the embedded server"},
		{(c.NatsTLSCert == "") == (c.NatsTLSKey == ""), "NATS_TLS_CERT", "and NATS_TLS_KEY must be set together"},
		{subjectOK(c.InputSubject), "INPUT_SUBJECT", fmt.Sprintf("must be a NATS subject, got %q", c.InputSubject)},
		{nameOK(c.InputStream), "INPUT_STREAM", fmt.Sprintf("must be a stream name, got %q", c.InputStream)},
		{nameOK(c.Durable), "DURABLE", fmt.Sprintf("must be a consumer name, got %q", c.Durable)},
		{prefixOK(c.OutputPrefix), "OUTPUT_PREFIX", fmt.Sprintf("must be a subject prefix without wildcards, got %q", c.OutputPrefix)},
		{nameOK(c.OutputStream), "OUTPUT_STREAM", fmt.Sprintf("must be a stream name, got %q", c.OutputStream)},
		{prefixOK(c.DLQPrefix), "DLQ_PREFIX", fmt.Sprintf("must be a subject prefix without wildcards, got %q", c.DLQPrefix)},
		{nameOK(c.DLQStream), "DLQ_STREAM", fmt.Sprintf("must be a stream name, got %q", c.DLQStream)},
		{c.OutputPrefix != c.DLQPrefix, "DLQ_PREFIX", fmt.Sprintf("must differ from OUTPUT_PREFIX, got %q", c.DLQPrefix)},
		{c.StreamReplicas == 1 || c.StreamReplicas == 3 || c.StreamReplicas == 5, "STREAM_REPLICAS", fmt.Sprintf("must be 1, 3 or 5, got %d", c.StreamReplicas)},
		{c.DuplicateWindow >= time.Second, "DUPLICATE_WINDOW", fmt.Sprintf("must be at least 1s, got %s", c.DuplicateWindow)},
		{c.OutputFormat == FormatEnriched || c.OutputFormat == FormatNinjs, "OUTPUT_FORMAT", fmt.Sprintf("must be enriched or ninjs, got %q", c.OutputFormat)},
		{c.Enricher == EnricherFull || c.Enricher == EnricherPassthrough, "ENRICHER", fmt.Sprintf("must be full or passthrough, got %q", c.Enricher)},
		{c.Workers >= 1 && c.Workers <= 4096, "WORKERS", fmt.Sprintf("must be between 1 and 4096 (0 = CPUs), got %d", c.Workers)},
		{c.PullBatch >= 1, "PULL_BATCH", fmt.Sprintf("must be positive (0 = WORKERS), got %d", c.PullBatch)},
		{c.Replicas >= 1, "REPLICAS", fmt.Sprintf("must be positive, got %d", c.Replicas)},
		{c.MaxAckPending >= c.Workers, "MAX_ACK_PENDING", fmt.Sprintf("must be at least WORKERS (0 = 2 x WORKERS x REPLICAS), got %d", c.MaxAckPending)},
		{c.MaxPayload >= 1, "MAX_PAYLOAD", fmt.Sprintf("must be a positive number of bytes, got %d", c.MaxPayload)},
		{c.AckWait >= 100*time.Millisecond, "ACK_WAIT", fmt.Sprintf("must be at least 100ms, got %s", c.AckWait)},
		{c.MaxDeliver >= 1 && c.MaxDeliver <= 100, "MAX_DELIVER", fmt.Sprintf("must be between 1 and 100, got %d", c.MaxDeliver)},
		{c.ArticleTimeout > 0, "ARTICLE_TIMEOUT", fmt.Sprintf("must be positive, got %s", c.ArticleTimeout)},
		{c.PublishTimeout > 0, "PUBLISH_TIMEOUT", fmt.Sprintf("must be positive, got %s", c.PublishTimeout)},
		{c.ShutdownGrace >= 0, "SHUTDOWN_GRACE", fmt.Sprintf("must not be negative, got %s", c.ShutdownGrace)},
		{c.HTTPAddr == "" || validHostPort(c.HTTPAddr), "HTTP_ADDR", fmt.Sprintf("must be [host]:port or empty, got %q", c.HTTPAddr)},
		{oneOf(c.LogLevel, "trace", "debug", "info", "warn", "error"), "LOG_LEVEL", fmt.Sprintf("must be trace, debug, info, warn or error, got %q", c.LogLevel)},
		{oneOf(c.LogFormat, "json", "console"), "LOG_FORMAT", fmt.Sprintf("must be json or console, got %q", c.LogFormat)},
	}
	for _, ch := range checks {
		if !ch.ok {
			return fmt.Errorf("%w: %s_%s %s", ErrInvalid, Prefix, ch.name, ch.msg)
		}
	}
	return nil
}

func oneOf(s string, options ...string) bool {
	for _, o := range options {
		if s == o {
			return true
		}
	}
	return false
}

func validHostPort(s string) bool {
	i := strings.LastIndexByte(s, ':')
	if i < 0 || i == len(s)-1 {
		return false
	}
	for _, r := range s[i+1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Usage writes the table of variables with their defaults and descriptions.
func Usage(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 1, 0, 2, ' ', 0)
	const format = `Configuration (environment variables; NATS_URL is read when WIRENRICH_NATS_URL is unset):

VARIABLE	DEFAULT	DESCRIPTION
{{range .}}{{usage_key .}}	{{usage_default .}}	{{usage_description .}}
{{end}}`
	if err := envconfig.Usagef(Prefix, &Config{}, tw, format); err != nil {
		return fmt.Errorf("config usage: %w", err)
	}
	return tw.Flush()
}
