package reliability_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/rs/zerolog"
	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/config"
	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/enrich"
	"github.com/wirenrich/wirenrich/internal/natstest"
	"github.com/wirenrich/wirenrich/internal/pipeline"
	"github.com/wirenrich/wirenrich/internal/service"
	"github.com/wirenrich/wirenrich/internal/service/servicetest"
)

// childEnv, when set to 1, makes the test binary run as the worker (the
// crash test re-executes itself so that it can SIGKILL a real process).
const childEnv = "WIRENRICH_RELIABILITY_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		os.Exit(runChildWorker())
	}
	os.Exit(m.Run())
}

// runChildWorker is cmd/worker's run command: configuration from the
// environment, the real enricher, until SIGTERM.
func runChildWorker() int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	log := zerolog.New(os.Stderr).Level(zerolog.WarnLevel).With().Timestamp().Logger()
	cfg, err := config.Load()
	if err != nil {
		log.Error().Err(err).Msg("config")
		return 2
	}
	enr, err := enrich.New(enrich.Options{})
	if err != nil {
		log.Error().Err(err).Msg("enricher")
		return 2
	}
	svc, err := service.New(cfg, enr, log)
	if err != nil {
		log.Error().Err(err).Msg("service")
		return 2
	}
	if err := svc.Run(ctx); err != nil {
		log.Error().Err(err).Msg("run")
		return 1
	}
	return 0
}

// baseConfig is the default configuration pointed at url with short timers.
func baseConfig(t *testing.T, url string) config.Config {
	t.Helper()
	c := config.Default()
	c.NatsURL = url
	c.Workers = 4
	c.PullBatch = 4
	c.MaxAckPending = 64
	c.AckWait = time.Second
	c.MaxDeliver = 5
	c.ArticleTimeout = 10 * time.Second
	c.PublishTimeout = 2 * time.Second
	c.ShutdownGrace = 3 * time.Second
	c.HTTPAddr = ""
	require.NoError(t, c.Validate())
	return c
}

// startService runs a worker replica until the test ends or stop is called.
func startService(t *testing.T, cfg config.Config, enr pipeline.Enricher, log zerolog.Logger) (*service.Service, func()) {
	t.Helper()
	return servicetest.Start(t, cfg, enr, log, 90*time.Second)
}

// quietLog writes errors only to the test log.
func quietLog(t *testing.T) zerolog.Logger {
	return zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.ErrorLevel)
}

// slowPassthrough is the pass-through enricher after a delay: the bus
// faults are about delivery, not NLP (the crash, poison and soak tests
// run the real enricher).
type slowPassthrough struct {
	delay time.Duration
	calls atomic.Int64
}

func (s *slowPassthrough) Enrich(ctx context.Context, a *article.Article) (*enrich.Document, error) {
	s.calls.Add(1)
	select {
	case <-time.After(s.delay):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return pipeline.Passthrough{}.Enrich(ctx, a)
}

// inputArticle is input i: a short simple-JSON article with a unique id.
func inputArticle(i int) *nats.Msg {
	body := fmt.Sprintf("Le président Emmanuel Macron a reçu à Paris le chancelier Olaf Scholz mardi, dépêche %d.", i)
	lang := "fr"
	if i%3 == 1 {
		body = fmt.Sprintf("President Emmanuel Macron met Chancellor Olaf Scholz in Berlin on Tuesday, story %d.", i)
		lang = "en"
	}
	data, _ := json.Marshal(map[string]string{
		"id": fmt.Sprintf("rel-%d", i), "headline": "Sommet " + strconv.Itoa(i), "body": body, "language": lang,
	})
	h := nats.Header{}
	h.Set(jetstream.MsgIDHeader, fmt.Sprintf("in-%d", i)) // idempotent input publishes
	return &nats.Msg{Subject: fmt.Sprintf("articles.raw.feed%d", i%4), Data: data, Header: h}
}

// publishRetrying publishes msg until JetStream stores it (retries are
// deduplicated by the input's Nats-Msg-Id) and returns its stream sequence.
func publishRetrying(ctx context.Context, js jetstream.JetStream, msg *nats.Msg) (uint64, error) {
	for {
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		ack, err := js.PublishMsg(pctx, msg)
		cancel()
		if err == nil {
			return ack.Sequence, nil
		}
		select {
		case <-ctx.Done():
			return 0, fmt.Errorf("publish %s: %w (last error %w)", msg.Subject, ctx.Err(), err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// createInput creates the input stream as the worker would, so that tests
// publish before a worker runs.
func createInput(t *testing.T, js jetstream.JetStream, replicas int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := js.CreateStream(ctx, jetstream.StreamConfig{
		Name: "ARTICLES_RAW", Subjects: []string{"articles.raw.>"}, Storage: jetstream.FileStorage, Replicas: replicas,
	})
	require.NoError(t, err)
}

func streamMsgs(js jetstream.JetStream, name string) uint64 {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	st, err := js.Stream(ctx, name)
	if err != nil {
		return 0
	}
	info, err := st.Info(ctx)
	if err != nil {
		return 0
	}
	return info.State.Msgs
}

// consumerSettled reports whether the durable has nothing pending and
// nothing waiting for an ack.
func consumerSettled(js jetstream.JetStream) (bool, string) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	c, err := js.Consumer(ctx, "ARTICLES_RAW", "enricher")
	if err != nil {
		return false, err.Error()
	}
	ci, err := c.Info(ctx)
	if err != nil {
		return false, err.Error()
	}
	return ci.NumPending == 0 && ci.NumAckPending == 0,
		fmt.Sprintf("pending %d, ack pending %d, redelivered %d", ci.NumPending, ci.NumAckPending, ci.NumRedelivered)
}

// waitSettled waits until outputs plus dead letters reach want and the
// consumer is settled.
func waitSettled(t *testing.T, js jetstream.JetStream, want uint64, within time.Duration) {
	t.Helper()
	var state string
	require.Eventually(t, func() bool {
		if streamMsgs(js, "ARTICLES_ENRICHED")+streamMsgs(js, "ARTICLES_DLQ") < want {
			state = fmt.Sprintf("outputs %d, dead letters %d", streamMsgs(js, "ARTICLES_ENRICHED"), streamMsgs(js, "ARTICLES_DLQ"))
			return false
		}
		ok, s := consumerSettled(js)
		state = s
		return ok
	}, within, 100*time.Millisecond, "not settled: want %d results; %s", want, &state)
}

// Audit is the accounting of a run, by input stream sequence.
type Audit struct {
	Sent, Outputs, DeadLetters, Lost, Duplicates int
	// Reasons counts dead letters by Enrich-Reason.
	Reasons map[string]int
	// Missing lists lost inputs' sequences (first few).
	Missing []uint64
}

// audit reads both result streams and accounts every input sequence of
// sent: each must appear exactly once, as an output or a dead letter.
func audit(t *testing.T, js jetstream.JetStream, sent []uint64) Audit {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	seen := map[uint64]int{}
	a := Audit{Sent: len(sent), Reasons: map[string]int{}}
	for _, m := range natstest.StreamMessages(ctx, t, js, "ARTICLES_ENRICHED") {
		var doc enrich.Document
		require.NoError(t, json.Unmarshal(m.Data, &doc), "output is JSON")
		require.NotNil(t, doc.Source, "output names its source")
		seen[doc.Source.StreamSeq]++
		a.Outputs++
	}
	for _, m := range natstest.StreamMessages(ctx, t, js, "ARTICLES_DLQ") {
		seq, err := strconv.ParseUint(m.Header.Get(pipeline.HeaderStreamSeq), 10, 64)
		require.NoError(t, err, "dead letter names its input")
		require.NotEmpty(t, m.Header.Get(pipeline.HeaderError), "dead letter %d has a reason", seq)
		require.NotEmpty(t, m.Header.Get(pipeline.HeaderStage))
		a.Reasons[m.Header.Get(pipeline.HeaderReason)]++
		seen[seq]++
		a.DeadLetters++
	}
	for _, seq := range sent {
		switch n := seen[seq]; {
		case n == 0:
			a.Lost++
			if len(a.Missing) < 10 {
				a.Missing = append(a.Missing, seq)
			}
		case n > 1:
			a.Duplicates += n - 1
		}
	}
	return a
}

// figures logs the FIGURES line of a fault test (collected for the README).
func figures(t *testing.T, fault string, faults string, a Audit) {
	t.Helper()
	line := fmt.Sprintf("FIGURES fault=%q sent=%d faults=%q outputs=%d dead_letters=%d lost=%d duplicates=%d reasons=%v",
		fault, a.Sent, faults, a.Outputs, a.DeadLetters, a.Lost, a.Duplicates, a.Reasons)
	t.Log(line)
	if path := os.Getenv("WIRENRICH_RELIABILITY_FIGURES"); path != "" {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err == nil {
			fmt.Fprintln(f, line)
			f.Close()
		}
	}
}

// histogram reads wirenrich_processing_duration_seconds from /metrics:
// for each result, the count of observations and the count at or under le.
func histogram(t *testing.T, svc *service.Service, le string) (total, under map[string]float64) {
	t.Helper()
	rec := httptest.NewRecorder()
	svc.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	total, under = map[string]float64{}, map[string]float64{}
	sc := bufio.NewScanner(io.Reader(rec.Body))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		name, rest, ok := strings.Cut(line, "{")
		if !ok {
			continue
		}
		labels, value, _ := strings.Cut(rest, "} ")
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			continue
		}
		result := labelValue(labels, "result")
		switch name {
		case "wirenrich_processing_duration_seconds_count":
			total[result] = v
		case "wirenrich_processing_duration_seconds_bucket":
			if labelValue(labels, "le") == le {
				under[result] = v
			}
		}
	}
	return total, under
}

func labelValue(labels, key string) string {
	for _, kv := range strings.Split(labels, ",") {
		k, v, _ := strings.Cut(kv, "=")
		if k == key {
			return strings.Trim(v, `"`)
		}
	}
	return ""
}
