package config

import (
	"bytes"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// clearEnv unsets every WIRENRICH_ variable and NATS_URL for the test.
func clearEnv(t *testing.T) {
	t.Helper()
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, Prefix+"_") || k == "NATS_URL" {
			t.Setenv(k, "") // restores the value after the test
			require.NoError(t, os.Unsetenv(k))
		}
	}
}

func TestLoadDefaults(t *testing.T) {
	clearEnv(t)
	c, err := Load()
	require.NoError(t, err)
	require.True(t, c.Embedded())
	require.Equal(t, "127.0.0.1:4222", c.EmbeddedListen)
	require.Equal(t, "articles.raw.>", c.InputSubject)
	require.Equal(t, "ARTICLES_RAW", c.InputStream)
	require.Equal(t, "enricher", c.Durable)
	require.Equal(t, "articles.enriched", c.OutputPrefix)
	require.Equal(t, "ARTICLES_ENRICHED", c.OutputStream)
	require.Equal(t, "articles.dlq", c.DLQPrefix)
	require.Equal(t, "ARTICLES_DLQ", c.DLQStream)
	require.True(t, c.CreateStreams)
	require.Equal(t, runtime.NumCPU(), c.Workers)
	require.Equal(t, c.Workers, c.PullBatch)
	require.Equal(t, 2*c.Workers*c.Replicas, c.MaxAckPending)
	require.Equal(t, 30*time.Second, c.AckWait)
	require.Equal(t, 5, c.MaxDeliver)
	require.Equal(t, 2*time.Minute, c.DuplicateWindow)
	require.Equal(t, FormatEnriched, c.OutputFormat)
	require.Equal(t, ":8080", c.HTTPAddr)
	require.Equal(t, "info", c.LogLevel)
	require.Equal(t, "json", c.LogFormat)
	require.Equal(t, c, Default())
	require.Equal(t, []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute}, c.BackOff())
}

func TestLoadReadsVariables(t *testing.T) {
	clearEnv(t)
	t.Setenv("NATS_URL", "nats://fallback:4222")
	c, err := Load()
	require.NoError(t, err)
	require.Equal(t, "nats://fallback:4222", c.NatsURL, "NATS_URL is read when WIRENRICH_NATS_URL is unset")
	require.False(t, c.Embedded())

	t.Setenv("WIRENRICH_NATS_URL", "nats://a:4222,nats://b:4222")
	t.Setenv("WIRENRICH_WORKERS", "3")
	t.Setenv("WIRENRICH_ACK_WAIT", "5s")
	t.Setenv("WIRENRICH_DLQ_PREFIX", "dead.letters")
	t.Setenv("WIRENRICH_HTTP_ADDR", "")
	t.Setenv("WIRENRICH_NATS_TLS_CA_FILE", "/ca.pem")
	t.Setenv("WIRENRICH_CREATE_STREAMS", "false")
	c, err = Load()
	require.NoError(t, err)
	require.Equal(t, "nats://a:4222,nats://b:4222", c.NatsURL)
	require.Equal(t, 3, c.Workers)
	require.Equal(t, 3, c.PullBatch)
	require.Equal(t, 5*time.Second, c.AckWait)
	require.Equal(t, "dead.letters", c.DLQPrefix)
	require.Empty(t, c.HTTPAddr)
	require.Equal(t, "/ca.pem", c.NatsTLSCaFile)
	require.False(t, c.CreateStreams)
}

func TestLoadRejectsInvalidValuesNamingTheVariable(t *testing.T) {
	tests := []struct {
		name, key, value string
	}{
		{"not a number", "WIRENRICH_WORKERS", "many"},
		{"negative workers", "WIRENRICH_WORKERS", "-2"},
		{"bad duration", "WIRENRICH_ACK_WAIT", "soon"},
		{"tiny ack wait", "WIRENRICH_ACK_WAIT", "1ms"},
		{"max deliver zero", "WIRENRICH_MAX_DELIVER", "0"},
		{"bad bool", "WIRENRICH_CREATE_STREAMS", "perhaps"},
		{"wildcard prefix", "WIRENRICH_OUTPUT_PREFIX", "articles.*"},
		{"stream name with dot", "WIRENRICH_OUTPUT_STREAM", "A.B"},
		{"empty subject", "WIRENRICH_INPUT_SUBJECT", ""},
		{"unknown format", "WIRENRICH_OUTPUT_FORMAT", "xml"},
		{"log level", "WIRENRICH_LOG_LEVEL", "loud"},
		{"log format", "WIRENRICH_LOG_FORMAT", "yaml"},
		{"http addr", "WIRENRICH_HTTP_ADDR", "localhost"},
		{"embedded listen", "WIRENRICH_EMBEDDED_LISTEN", "4222"},
		{"payload", "WIRENRICH_MAX_PAYLOAD", "0"},
		{"replicas", "WIRENRICH_STREAM_REPLICAS", "2"},
		{"dup window", "WIRENRICH_DUPLICATE_WINDOW", "0s"},
		{"ack pending", "WIRENRICH_MAX_ACK_PENDING", "-1"},
		{"tls pair", "WIRENRICH_NATS_TLS_CERT", "/cert.pem"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clearEnv(t)
			t.Setenv(tt.key, tt.value)
			_, err := Load()
			require.Error(t, err)
			require.Contains(t, err.Error(), tt.key)
		})
	}
}

func TestUsageListsEveryVariableWithDefaults(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Usage(&buf))
	out := buf.String()
	for _, key := range []string{
		"NATS_URL", "EMBEDDED_LISTEN", "DATA_DIR", "INPUT_SUBJECT", "INPUT_STREAM", "DURABLE",
		"OUTPUT_PREFIX", "OUTPUT_STREAM", "DLQ_PREFIX", "DLQ_STREAM", "CREATE_STREAMS", "WORKERS",
		"MAX_PAYLOAD", "ACK_WAIT", "MAX_DELIVER", "HTTP_ADDR", "LOG_LEVEL", "LOG_FORMAT",
		"OUTPUT_FORMAT", "NATS_CREDS_FILE", "NATS_NKEY_FILE", "NATS_TLS_CA_FILE", "NATS_TLS_CERT", "NATS_TLS_KEY",
	} {
		require.Contains(t, out, "WIRENRICH_"+key+" ")
	}
	require.Contains(t, out, "articles.raw.>")
}

func TestExampleEnvMatchesDefaults(t *testing.T) {
	data, err := os.ReadFile("example.env")
	require.NoError(t, err)
	clearEnv(t)
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "#"))
		k, v, ok := strings.Cut(line, "=")
		if !ok || !strings.HasPrefix(k, Prefix+"_") || strings.Contains(k, " ") {
			continue
		}
		t.Setenv(k, v)
		n++
	}
	require.Greater(t, n, 20, "example.env lists the variables")
	c, err := Load()
	require.NoError(t, err, "example.env loads")
	require.Equal(t, Default().InputSubject, c.InputSubject)
}
