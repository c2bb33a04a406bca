package service_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
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

// testConfig is the default configuration pointed at a test server, with
// short timers.
func testConfig(t *testing.T, url string) config.Config {
	t.Helper()
	c := config.Default()
	c.NatsURL = url
	c.Workers = 4
	c.PullBatch = 4
	c.MaxAckPending = 64
	c.AckWait = time.Second
	c.MaxDeliver = 3
	c.ArticleTimeout = 10 * time.Second
	c.PublishTimeout = 2 * time.Second
	c.ShutdownGrace = 3 * time.Second
	c.HTTPAddr = ""
	require.NoError(t, c.Validate())
	return c
}

// countingEnricher wraps an enricher, slowed down, counting its calls,
// and panicking on a marker.
type countingEnricher struct {
	inner pipeline.Enricher
	delay time.Duration
	calls atomic.Int64
}

// newEnricher wraps the pass-through enricher: the delivery tests are
// about the bus, not the NLP.
func newEnricher(_ *testing.T, delay time.Duration) *countingEnricher {
	return &countingEnricher{inner: pipeline.Passthrough{}, delay: delay}
}

// realEnricher wraps the NLP enricher of the product.
func realEnricher(t *testing.T) *countingEnricher {
	t.Helper()
	e, err := enrich.New(enrich.Options{})
	require.NoError(t, err)
	return &countingEnricher{inner: e}
}

func (c *countingEnricher) Enrich(ctx context.Context, a *article.Article) (*enrich.Document, error) {
	c.calls.Add(1)
	if strings.Contains(a.Body, "PANIC-ME") {
		panic("enricher exploded")
	}
	if c.delay > 0 {
		select {
		case <-time.After(c.delay):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return c.inner.Enrich(ctx, a)
}

// start runs a service until the test ends or the returned stop is called.
func start(t *testing.T, cfg config.Config, enr pipeline.Enricher) (*service.Service, func()) {
	t.Helper()
	return servicetest.Start(t, cfg, enr, zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.WarnLevel), 10*time.Second)
}

// mixedArticles returns n distinct articles cycling through the input
// formats, with the subject each is published to.
func mixedArticles(n int) []*nats.Msg {
	out := make([]*nats.Msg, 0, n)
	for i := range n {
		body := fmt.Sprintf("Le président Emmanuel Macron a reçu à Paris le chancelier Olaf Scholz, dépêche numéro %d.", i)
		var data []byte
		var subj string
		switch i % 5 {
		case 0:
			subj = "articles.raw.afp.fr"
			data, _ = json.Marshal(map[string]any{
				"uri": fmt.Sprintf("urn:newsml:afp.com:20240619:n3-%d", i), "version": "1",
				"headlines": []map[string]string{{"role": "main", "value": "Sommet franco-allemand"}},
				"bodies":    []map[string]string{{"role": "main", "contentType": "text/plain", "value": body}},
				"language":  "fr", "versionCreated": "2024-06-19T08:00:00Z",
			})
		case 1:
			subj = "articles.raw.afp.fr"
			data, _ = json.Marshal(map[string]any{
				"uri": fmt.Sprintf("urn:newsml:afp.com:20240619:n1-%d", i), "headline": "Sommet",
				"body_html": "<p>" + body + "</p><p>Second paragraphe.</p>", "language": "fr",
				"versioncreated": "2024-06-19T08:00:00Z",
			})
		case 2:
			subj = "articles.raw.reuters"
			data, _ = json.Marshal(map[string]any{
				"id": fmt.Sprintf("reuters-%d", i), "headline": "Summit", "language": "en",
				"body": fmt.Sprintf("President Emmanuel Macron met Chancellor Olaf Scholz in Paris, story %d.", i),
			})
		case 3:
			subj = "articles.raw.text"
			data = []byte(body)
		case 4:
			subj = "articles.raw.dpa.de"
			data = []byte(fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:dpa.com:%d" version="1">
  <contentMeta><headline>Gipfel</headline><language tag="de"/></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Bundeskanzler Olaf Scholz traf Präsident Emmanuel Macron in Paris, Meldung %d.</p></body></html></inlineXML></contentSet>
</newsItem>`, i, i))
		}
		out = append(out, &nats.Msg{Subject: subj, Data: data, Header: nats.Header{}})
	}
	return out
}

func publishAll(t *testing.T, js jetstream.JetStream, msgs []*nats.Msg) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, m := range msgs {
		_, err := js.PublishMsg(ctx, m)
		require.NoError(t, err)
	}
}

// ensureInput creates the input stream so tests can publish before a
// worker starts.
func ensureInput(t *testing.T, js jetstream.JetStream) {
	t.Helper()
	_, err := js.CreateStream(context.Background(), jetstream.StreamConfig{
		Name: "ARTICLES_RAW", Subjects: []string{"articles.raw.>"}, Storage: jetstream.FileStorage,
	})
	require.NoError(t, err)
}

func streamCount(t *testing.T, js jetstream.JetStream, name string) uint64 {
	t.Helper()
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

func waitCount(t *testing.T, js jetstream.JetStream, name string, want uint64, within time.Duration) {
	t.Helper()
	require.Eventually(t, func() bool { return streamCount(t, js, name) >= want }, within, 20*time.Millisecond,
		"%s holds %d messages, want %d", name, streamCount(t, js, name), want)
}

// requireValidOutputs checks every output message against the contract's
// shape and returns their Nats-Msg-Ids.
func requireValidOutputs(t *testing.T, outs []*jetstream.RawStreamMsg) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	for _, m := range outs {
		require.Equal(t, "application/json", m.Header.Get("Content-Type"))
		require.NotEmpty(t, m.Header.Get("Enrich-Version"))
		msgID := m.Header.Get(jetstream.MsgIDHeader)
		require.NotEmpty(t, msgID)
		require.False(t, ids[msgID], "duplicate output %s", msgID)
		ids[msgID] = true

		var raw map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(m.Data, &raw))
		for _, k := range []string{"schema", "id", "source", "article", "language", "entities", "relations", "enrichment"} {
			require.Contains(t, raw, k, "output lacks %q", k)
		}
		var doc enrich.Document
		require.NoError(t, json.Unmarshal(m.Data, &doc))
		require.Equal(t, enrich.Schema, doc.Schema)
		require.NotEmpty(t, doc.ID)
		require.NotEmpty(t, doc.Article.Body)
		require.NotNil(t, doc.Entities)
		require.NotNil(t, doc.Relations)
		require.NotNil(t, doc.Source)
		require.True(t, strings.HasPrefix(doc.Source.Subject, "articles.raw."))
		require.Equal(t, "articles.enriched."+strings.TrimPrefix(doc.Source.Subject, "articles.raw."), m.Subject)
		require.NotZero(t, doc.Source.StreamSeq)
		_, err := time.Parse(time.RFC3339Nano, doc.Source.ReceivedAt)
		require.NoError(t, err)
		require.NotEmpty(t, doc.Enrichment.Version)
		_, err = time.Parse(time.RFC3339Nano, doc.Enrichment.At)
		require.NoError(t, err)
		fields := map[string][]rune{"body": []rune(doc.Article.Body), "headline": []rune(doc.Article.Headline)}
		for _, e := range doc.Entities {
			require.NotEmpty(t, e.ID)
			require.NotEmpty(t, e.Type)
			require.NotEmpty(t, e.Mentions)
			for _, mn := range e.Mentions {
				text, ok := fields[mn.Field]
				require.True(t, ok, "mention field %q", mn.Field)
				require.True(t, 0 <= mn.Start && mn.Start < mn.End && mn.End <= len(text), "mention %+v in bounds", mn)
				require.Equal(t, mn.Text, string(text[mn.Start:mn.End]), "offsets count code points")
			}
		}
	}
	return ids
}

func TestMixedFormatsYieldExactlyOneValidOutputEach(t *testing.T) {
	srv := natstest.RunServer(t, nil)
	_, js := srv.JetStream()
	cfg := testConfig(t, srv.URL())
	cfg.AckWait = 10 * time.Second // the real NLP under -race on a shared machine
	svc, _ := start(t, cfg, realEnricher(t))

	const n = 25
	publishAll(t, js, mixedArticles(n))
	waitCount(t, js, "ARTICLES_ENRICHED", n, 30*time.Second)

	ctx := context.Background()
	outs := natstest.StreamMessages(ctx, t, js, "ARTICLES_ENRICHED")
	require.Len(t, outs, n)
	require.Len(t, requireValidOutputs(t, outs), n)
	require.Zero(t, streamCount(t, js, "ARTICLES_DLQ"))

	// The HTTP endpoints report the work.
	rec := httptest.NewRecorder()
	svc.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/readyz", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	metrics := func() string {
		rec := httptest.NewRecorder()
		svc.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
		body, _ := io.ReadAll(rec.Body)
		return string(body)
	}
	// Deliveries are counted once acked, just after their output is stored;
	// a slow delivery may have been redelivered and counted twice.
	enriched := regexp.MustCompile(`wirenrich_messages_total\{result="enriched"\} (\d+)`)
	require.Eventually(t, func() bool {
		m := enriched.FindStringSubmatch(metrics())
		if m == nil {
			return false
		}
		got, _ := strconv.Atoi(m[1])
		return got >= n
	}, 10*time.Second, 20*time.Millisecond)
	require.Contains(t, metrics(), "wirenrich_processing_duration_seconds_bucket")
}

func TestTwoReplicasShareTheDurable(t *testing.T) {
	srv := natstest.RunServer(t, nil)
	_, js := srv.JetStream()
	ensureInput(t, js)
	const n = 60

	cfg := testConfig(t, srv.URL())
	cfg.Workers, cfg.PullBatch = 2, 2
	a, b := newEnricher(t, 15*time.Millisecond), newEnricher(t, 15*time.Millisecond)
	start(t, cfg, a)
	start(t, cfg, b)
	publishAll(t, js, mixedArticles(n))

	waitCount(t, js, "ARTICLES_ENRICHED", n, 30*time.Second)
	outs := natstest.StreamMessages(context.Background(), t, js, "ARTICLES_ENRICHED")
	require.Len(t, outs, n)
	require.Len(t, requireValidOutputs(t, outs), n)
	require.Positive(t, a.calls.Load(), "replica A did work")
	require.Positive(t, b.calls.Load(), "replica B did work")
	require.GreaterOrEqual(t, a.calls.Load()+b.calls.Load(), int64(n))
}

func TestServerRestartMidStream(t *testing.T) {
	srv := natstest.RunServer(t, nil)
	_, js := srv.JetStream()
	ensureInput(t, js)
	const n = 60
	publishAll(t, js, mixedArticles(n))

	cfg := testConfig(t, srv.URL())
	cfg.Workers, cfg.PullBatch = 2, 2
	start(t, cfg, newEnricher(t, 30*time.Millisecond))

	waitCount(t, js, "ARTICLES_ENRICHED", 10, 30*time.Second)
	srv.Restart()
	require.Less(t, streamCount(t, js, "ARTICLES_ENRICHED"), uint64(n), "restarted mid-stream")

	waitCount(t, js, "ARTICLES_ENRICHED", n, 60*time.Second)
	// Let redeliveries of unacked work come back: they must be deduplicated.
	time.Sleep(2 * cfg.AckWait)
	outs := natstest.StreamMessages(context.Background(), t, js, "ARTICLES_ENRICHED")
	require.Len(t, outs, n)
	require.Len(t, requireValidOutputs(t, outs), n)
	require.Zero(t, streamCount(t, js, "ARTICLES_DLQ"))
}

func TestBadInputsGoToDeadLettersWithReasons(t *testing.T) {
	srv := natstest.RunServer(t, nil)
	_, js := srv.JetStream()
	cfg := testConfig(t, srv.URL())
	cfg.MaxPayload = 4096
	start(t, cfg, newEnricher(t, 0))

	type bad struct {
		name   string
		data   []byte
		reason string
		stage  string
	}
	bads := []bad{
		{"empty", []byte{}, pipeline.ReasonEmpty, pipeline.StageDecode},
		{"blank", []byte("  \n\t "), pipeline.ReasonEmpty, pipeline.StageDecode},
		{"latin1", []byte("Caf\xe9 cr\xe8me \xff"), pipeline.ReasonInvalidUTF8, pipeline.StageDecode},
		{"oversize", []byte(strings.Repeat("mot ", 2000)), pipeline.ReasonTooLarge, pipeline.StageDecode},
		{"panic", []byte("Une dépêche qui fait PANIC-ME planter l'enrichissement."), pipeline.ReasonPanic, pipeline.StageEnrich},
	}
	// Malformed JSON and XML are dead letters once the decoders read them
	// (the plain-text decoder alone accepts them as text).
	for _, m := range []struct{ name, data string }{
		{"json", `{"headline": "Titre", "body": "texte`},
		{"xml", `<?xml version="1.0"?><newsItem><contentSet><inlineXML>`},
	} {
		if _, err := article.Decode([]byte(m.data), article.DecodeOptions{}); err != nil {
			bads = append(bads, bad{m.name, []byte(m.data), pipeline.ReasonMalformed, pipeline.StageDecode})
		}
	}
	goods := mixedArticles(10)
	var msgs []*nats.Msg
	for i, g := range goods {
		msgs = append(msgs, g)
		if i < len(bads) {
			h := nats.Header{}
			h.Set("X-Test-Case", bads[i].name)
			msgs = append(msgs, &nats.Msg{Subject: "articles.raw.bad." + bads[i].name, Data: bads[i].data, Header: h})
		}
	}
	for _, b := range bads[min(len(goods), len(bads)):] {
		h := nats.Header{}
		h.Set("X-Test-Case", b.name)
		msgs = append(msgs, &nats.Msg{Subject: "articles.raw.bad." + b.name, Data: b.data, Header: h})
	}
	// Wait for the streams the worker creates.
	require.Eventually(t, func() bool { _, err := js.Stream(context.Background(), "ARTICLES_RAW"); return err == nil }, 5*time.Second, 10*time.Millisecond)
	publishAll(t, js, msgs)

	waitCount(t, js, "ARTICLES_DLQ", uint64(len(bads)), 30*time.Second)
	waitCount(t, js, "ARTICLES_ENRICHED", uint64(len(goods)), 30*time.Second)

	dlq := natstest.StreamMessages(context.Background(), t, js, "ARTICLES_DLQ")
	require.Len(t, dlq, len(bads))
	byCase := map[string]*jetstream.RawStreamMsg{}
	for _, m := range dlq {
		byCase[m.Header.Get("X-Test-Case")] = m
	}
	for _, b := range bads {
		m := byCase[b.name]
		require.NotNil(t, m, "dead letter of %s", b.name)
		require.Equal(t, "articles.dlq.bad."+b.name, m.Subject)
		require.Equal(t, string(b.data), string(m.Data), "%s: original bytes", b.name)
		require.Equal(t, b.reason, m.Header.Get(pipeline.HeaderReason), b.name)
		require.Equal(t, b.stage, m.Header.Get(pipeline.HeaderStage), b.name)
		require.NotEmpty(t, m.Header.Get(pipeline.HeaderError), b.name)
		require.Equal(t, "articles.raw.bad."+b.name, m.Header.Get(pipeline.HeaderSubject))
		require.NotEmpty(t, m.Header.Get(pipeline.HeaderStreamSeq))
	}
	require.Contains(t, byCase["oversize"].Header.Get(pipeline.HeaderError), "4096")
	require.Contains(t, byCase["panic"].Header.Get(pipeline.HeaderError), "enricher exploded")

	outs := natstest.StreamMessages(context.Background(), t, js, "ARTICLES_ENRICHED")
	require.Len(t, requireValidOutputs(t, outs), len(goods))

	// Still running: one more good article is enriched.
	publishAll(t, js, []*nats.Msg{{Subject: "articles.raw.late", Data: []byte("Une dernière dépêche, arrivée après les autres.")}})
	waitCount(t, js, "ARTICLES_ENRICHED", uint64(len(goods)+1), 10*time.Second)
}

func TestNinjsOutputFormat(t *testing.T) {
	srv := natstest.RunServer(t, nil)
	_, js := srv.JetStream()
	cfg := testConfig(t, srv.URL())
	cfg.OutputFormat = config.FormatNinjs
	start(t, cfg, newEnricher(t, 0))

	const n = 5
	publishAll(t, js, mixedArticles(n))
	waitCount(t, js, "ARTICLES_ENRICHED", n, 20*time.Second)
	outs := natstest.StreamMessages(context.Background(), t, js, "ARTICLES_ENRICHED")
	require.Len(t, outs, n)
	for _, m := range outs {
		require.Equal(t, pipeline.SchemaNinjs, m.Header.Get(pipeline.HeaderSchema))
		require.NotEmpty(t, m.Header.Get(jetstream.MsgIDHeader))
		var doc map[string]any
		require.NoError(t, json.Unmarshal(m.Data, &doc))
		require.NotEmpty(t, doc["uri"])
		require.NotEmpty(t, doc["standard"])
	}
	require.Zero(t, streamCount(t, js, "ARTICLES_DLQ"))
}

// BenchmarkThroughput measures articles per second through one replica with
// the real enricher: go test -run '^$' -bench Throughput ./internal/service
func BenchmarkThroughput(b *testing.B) {
	srv := natstest.RunServer(b, nil)
	_, js := srv.JetStream()
	cfg := config.Default()
	cfg.NatsURL = srv.URL()
	cfg.HTTPAddr = ""
	e, err := enrich.New(enrich.Options{})
	require.NoError(b, err)
	svc, err := service.New(cfg, e, zerolog.Nop())
	require.NoError(b, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- svc.Run(ctx) }()
	defer func() { cancel(); <-done }()
	require.Eventually(b, svc.Ready, 10*time.Second, 10*time.Millisecond)

	seed, err := os.ReadFile("../../../shared/fixtures/seed-article.fr.txt")
	require.NoError(b, err)
	b.ResetTimer()
	start := time.Now()
	pctx, pcancel := context.WithTimeout(context.Background(), time.Minute)
	defer pcancel()
	for i := range b.N {
		_, err := js.PublishAsync("articles.raw.bench", append(fmt.Appendf(nil, "%d ", i), seed...))
		require.NoError(b, err)
	}
	select {
	case <-js.PublishAsyncComplete():
	case <-pctx.Done():
		b.Fatal("publishing timed out")
	}
	for streamCountB(js, "ARTICLES_ENRICHED") < uint64(b.N) {
		time.Sleep(5 * time.Millisecond)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "articles/s")
}

func streamCountB(js jetstream.JetStream, name string) uint64 {
	st, err := js.Stream(context.Background(), name)
	if err != nil {
		return 0
	}
	info, err := st.Info(context.Background())
	if err != nil {
		return 0
	}
	return info.State.Msgs
}

// TestUndatedArticleDatesFromItsReceipt: an article without a publication
// date and with a dateline without a year ("WASHINGTON, Dec 12 (Reuters)")
// has its relative dates resolved in the year the bus received it, and
// no publication date is invented for it.
func TestUndatedArticleDatesFromItsReceipt(t *testing.T) {
	srv := natstest.RunServer(t, nil)
	_, js := srv.JetStream()
	cfg := testConfig(t, srv.URL())
	start(t, cfg, realEnricher(t))

	body := "Zelenskiy meets Biden\n\nWASHINGTON, Dec 12 (Reuters) - Ukrainian President Volodymyr Zelenskiy met U.S. President Joe Biden at the White House on Tuesday."
	ack, err := js.Publish(context.Background(), "articles.raw.reuters", []byte(body))
	require.NoError(t, err)
	waitCount(t, js, "ARTICLES_ENRICHED", 1, 30*time.Second)
	st, err := js.Stream(context.Background(), "ARTICLES_RAW")
	require.NoError(t, err)
	in, err := st.GetMsg(context.Background(), ack.Sequence)
	require.NoError(t, err)
	dateline := time.Date(in.Time.UTC().Year(), 12, 12, 12, 0, 0, 0, time.UTC)
	if dateline.After(in.Time.Add(36 * time.Hour)) {
		dateline = dateline.AddDate(-1, 0, 0)
	}
	outs := natstest.StreamMessages(context.Background(), t, js, "ARTICLES_ENRICHED")
	require.Len(t, outs, 1)
	var doc enrich.Document
	require.NoError(t, json.Unmarshal(outs[0].Data, &doc))
	require.Empty(t, doc.Article.Published, "no publication date is invented")
	values := map[string]string{}
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			values[m.Text] = e.Value
		}
	}
	require.Equal(t, dateline.Format(time.DateOnly), values["Dec 12"])
	tuesday, err := time.Parse(time.DateOnly, values["Tuesday"])
	require.NoError(t, err, "Tuesday has a date")
	require.Equal(t, time.Tuesday, tuesday.Weekday())
	ago := dateline.Sub(tuesday.Add(12 * time.Hour))
	require.True(t, ago >= 0 && ago <= 7*24*time.Hour, "met on Tuesday: the Tuesday of the dateline's week, %s", values["Tuesday"])
}
