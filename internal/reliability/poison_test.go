package reliability_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/article"
	"github.com/wirenrich/wirenrich/internal/enrich"
	"github.com/wirenrich/wirenrich/internal/natstest"
	"github.com/wirenrich/wirenrich/internal/pipeline"
)

// spinEnricher burns CPU without looking at ctx on articles whose body
// says SPIN, like NLP code stuck on a pathological input, and counts how
// many such computations run at once.
type spinEnricher struct {
	spin             time.Duration
	running, maxSeen atomic.Int64
}

func (s *spinEnricher) Enrich(ctx context.Context, a *article.Article) (*enrich.Document, error) {
	if strings.Contains(a.Body, "SPIN") {
		n := s.running.Add(1)
		defer s.running.Add(-1)
		for m := s.maxSeen.Load(); n > m && !s.maxSeen.CompareAndSwap(m, n); m = s.maxSeen.Load() {
		}
		x := 0
		for end := time.Now().Add(s.spin); time.Now().Before(end); {
			x++ // ignores ctx on purpose
		}
		_ = x
	}
	return pipeline.Passthrough{}.Enrich(ctx, a)
}

// TestArticleDeadlineBoundsCPUBoundEnrichment checks that the per-article
// deadline settles an article whose enrichment never checks ctx, and that
// the abandoned computations do not pile up: at most one per worker runs.
func TestArticleDeadlineBoundsCPUBoundEnrichment(t *testing.T) {
	const spinners, normal = 4, 20
	srv := natstest.RunServer(t, nil)
	_, js := srv.JetStream()
	cfg := baseConfig(t, srv.URL())
	cfg.Workers, cfg.PullBatch = 2, 2
	cfg.ArticleTimeout = 200 * time.Millisecond
	cfg.MaxDeliver = 2
	cfg.AckWait = 3 * time.Second // longer than a spin: prefetched articles wait without redelivery
	enr := &spinEnricher{spin: 900 * time.Millisecond}
	svc, _ := startService(t, cfg, enr, quietLog(t))

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var sent []uint64
	for i := range spinners + normal {
		m := inputArticle(i)
		if i < spinners {
			m.Data = fmt.Appendf(nil, "SPIN dépêche %d sans fin", i)
		}
		seq, err := publishRetrying(ctx, js, m)
		require.NoError(t, err)
		sent = append(sent, seq)
	}
	waitSettled(t, js, spinners+normal, 50*time.Second)
	a := audit(t, js, sent)
	figures(t, "CPU-bound enrichment past the article deadline", fmt.Sprintf("%d articles spinning 0.9s against a 200ms deadline", spinners), a)
	require.Zero(t, a.Lost)
	require.Zero(t, a.Duplicates)
	require.Equal(t, spinners, a.Reasons[pipeline.ReasonTimeout], "the spinners are dead-lettered as timeouts: %v", a.Reasons)
	require.Equal(t, normal, a.Outputs)
	require.LessOrEqual(t, enr.maxSeen.Load(), int64(cfg.Workers), "abandoned computations never outnumber the workers")
	total, under := histogram(t, svc, "1")
	for result, n := range total {
		require.Equal(t, n, under[result], "every %s delivery settled within 1s (deadline 200ms)", result)
	}
}

// poisonInputs generates n adversarial inputs, deterministically from seed.
func poisonInputs(seed uint64, n int, full bool) [][]byte {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	valid := []string{
		`{"id":"x","headline":"Sommet","body":"Emmanuel Macron a rencontré Olaf Scholz à Berlin le 3 juin.","language":"fr"}`,
		`{"uri":"urn:x","version":"2","headlines":[{"role":"main","value":"Gipfel"}],"bodies":[{"role":"main","contentType":"text/html","value":"<p>Olaf Scholz traf Emmanuel Macron.</p>"}],"language":"de"}`,
		`<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" version="1"><contentSet><inlineXML><p>Vladimir Poutine à Pyongyang.</p></inlineXML></contentSet></newsItem>`,
		"Angela Merkel a rencontré Emmanuel Macron à Berlin mercredi 18 juin.",
	}
	randBytes := func(k int) []byte {
		b := make([]byte, k)
		for i := range b {
			b[i] = byte(rng.UintN(256))
		}
		return b
	}
	scripts := []string{"Путин", "Macron", "習近平", "مرحبا", "שלום", "Ελλάδα", "हिन्दी", "🙂", "\u200b", "\u202e", "Ǆ", "ß"}
	gen := []func() []byte{
		func() []byte { return randBytes(1 + rng.IntN(400)) },                                   // random bytes
		func() []byte { v := valid[rng.IntN(len(valid))]; return []byte(v[:rng.IntN(len(v))]) }, // truncated
		func() []byte {
			d := 1 + rng.IntN(20000)
			return []byte(strings.Repeat("[", d) + strings.Repeat("]", d))
		},
		func() []byte {
			d := 1 + rng.IntN(5000)
			return []byte(`{"body":` + strings.Repeat(`{"a":`, d) + "1" + strings.Repeat("}", d) + "}")
		},
		func() []byte {
			d := 1 + rng.IntN(3000)
			return []byte("<newsItem>" + strings.Repeat("<p>", d) + "Texte" + strings.Repeat("</p>", d) + "</newsItem>")
		},
		func() []byte { // Latin-1 / UTF-16 instead of UTF-8
			if rng.IntN(2) == 0 {
				return []byte("Le pr\xe9sident fran\xe7ais a re\xe7u \xe0 l'\xc9lys\xe9e.")
			}
			return []byte("\xff\xfeL\x00e\x00 \x00p\x00r\x00\xe9\x00s\x00")
		},
		func() []byte { // control characters
			var b bytes.Buffer
			for range 50 + rng.IntN(200) {
				b.WriteByte(byte(rng.IntN(32)))
				b.WriteString("Macron ")
			}
			return b.Bytes()
		},
		func() []byte { // mixed scripts
			var b strings.Builder
			for range 20 + rng.IntN(300) {
				b.WriteString(scripts[rng.IntN(len(scripts))])
				b.WriteByte(" .,-'«\n"[rng.IntN(7)])
			}
			return []byte(b.String())
		},
		func() []byte { // regex-like pathological text
			unit := []string{"a", "(a+)+", "Aa-", "M. ", "l'", "’", "1,", "« ", "\\", "%"}[rng.IntN(10)]
			return []byte(strings.Repeat(unit, 100+rng.IntN(3000)) + "!")
		},
		func() []byte { // wrong JSON types and odd fields
			return []byte([]string{
				`{"body": 12}`, `{"body": ["a", {"b": null}]}`, `{"headline": null, "body": ""}`, `{"id": {}, "body": "x"}`,
				`{"language": "xx-ÿ", "body": "Texte"}`, `{"published": "not a date", "body": "Texte"}`, `null`, `[]`, `""`, `{}`,
				`{"bodies": [{"value": "<script>alert(1)</script>"}]}`, `{"body": "\u0000\u0000"}`,
			}[rng.IntN(12)])
		},
		func() []byte { // valid article with random mutation
			v := []byte(valid[rng.IntN(len(valid))])
			for range 1 + rng.IntN(5) {
				v[rng.IntN(len(v))] = byte(rng.UintN(256))
			}
			return v
		},
	}
	out := make([][]byte, 0, n)
	huge := [][]byte{
		[]byte(strings.Repeat("a", 1_000_000)),                              // a million-character token
		[]byte(strings.Repeat("Il pleut. ", 100_000)),                       // 100k sentences
		[]byte(strings.Repeat("x", 2_000_000)),                              // over the payload limit
		[]byte(strings.Repeat("\u00e9\u0301", 200_000)),                     // combining marks
		[]byte(strings.Repeat("[", 500_000) + strings.Repeat("]", 500_000)), // deeply nested, huge
	}
	if full {
		huge = append(huge,
			[]byte(strings.Repeat("Emmanuel Macron a rencontré Olaf Scholz à Berlin le 3 juin. ", 15000)),
			[]byte(strings.Repeat("((((a+)+)+)+)*", 60000)),
			[]byte(strings.Repeat("Abc ", 250_000)),
		)
	}
	out = append(out, huge...)
	for len(out) < n {
		out = append(out, gen[rng.IntN(len(gen))]())
	}
	return out
}

// TestPoisonBatchThroughRealWorker sends 2,000 malformed, truncated, huge,
// deeply nested, wrongly encoded and adversarial inputs through a worker
// with the real enricher: each ends as exactly one output or one dead
// letter with a reason, nothing panics, every delivery settles within its
// deadline, and memory stays bounded.
func TestPoisonBatchThroughRealWorker(t *testing.T) {
	const n = 2000
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("WIRENRICH_POISON_SEED"); v != "" { // replays a logged run
		var err error
		seed, err = strconv.ParseUint(v, 10, 64)
		require.NoError(t, err, "WIRENRICH_POISON_SEED")
	}
	full := os.Getenv("WIRENRICH_POISON_FULL") != ""
	t.Logf("seed %d (full=%v)", seed, full)
	opts := natstest.DefaultOptions()
	opts.MaxPayload = 4 << 20 // so that inputs over the worker's limit reach it
	srv := natstest.RunServer(t, &opts)
	_, js := srv.JetStream()
	createInput(t, js, 1)
	cfg := baseConfig(t, srv.URL())
	cfg.Workers, cfg.PullBatch = 2, 4
	cfg.ArticleTimeout = 3 * time.Second
	cfg.MaxDeliver = 2
	cfg.MaxPayload = 1 << 20
	real, err := enrich.New(enrich.Options{})
	require.NoError(t, err)

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	inputs := poisonInputs(seed, n, full)
	sent := make([]uint64, 0, n)
	for i, data := range inputs {
		h := nats.Header{}
		h.Set(jetstream.MsgIDHeader, fmt.Sprintf("poison-%d", i))
		seq, err := publishRetrying(ctx, js, &nats.Msg{Subject: fmt.Sprintf("articles.raw.poison%d", i%5), Data: data, Header: h})
		require.NoError(t, err)
		sent = append(sent, seq)
	}

	baseGoroutines := runtime.NumGoroutine()
	var peak atomic.Uint64
	sampling, stopSampling := context.WithCancel(ctx)
	defer stopSampling()
	go func() {
		var ms runtime.MemStats
		for sampling.Err() == nil {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()
	start := time.Now()
	svc, stop := startService(t, cfg, real, quietLog(t))
	waitSettled(t, js, n, 150*time.Second)
	took := time.Since(start)
	total, under := histogram(t, svc, "10")
	stop()
	stopSampling()

	a := audit(t, js, sent)
	figures(t, "poison inputs through the real enricher", fmt.Sprintf("%d adversarial inputs (seed %d)", n, seed), a)
	t.Logf("took %s, peak heap in use %d MiB", took.Round(time.Millisecond), peak.Load()>>20)
	require.Zero(t, a.Lost, "lost inputs %v", a.Missing)
	require.Zero(t, a.Duplicates)
	require.Zero(t, a.Reasons[pipeline.ReasonPanic], "no input panics the enrichment")
	for reason := range a.Reasons {
		// max_deliveries: on a loaded machine an input whose deliveries all
		// expire while its worker waits out an abandoned stage is parked by
		// the max-deliveries advisory, which is a dead letter with a reason.
		require.Contains(t, []string{pipeline.ReasonEmpty, pipeline.ReasonInvalidUTF8, pipeline.ReasonTooLarge, pipeline.ReasonMalformed,
			pipeline.ReasonUnsupported, pipeline.ReasonTimeout, pipeline.ReasonError, pipeline.ReasonMaxDeliveries}, reason)
	}
	require.Positive(t, a.Outputs)
	require.Positive(t, a.Reasons[pipeline.ReasonTooLarge], "the oversize input is dead-lettered as too large")
	for result, c := range total {
		require.Equal(t, c, under[result], "every %s delivery settled within 10s (article deadline 3s)", result)
	}
	require.Less(t, peak.Load(), uint64(2<<30), "heap stays under 2 GiB")
	require.Eventually(t, func() bool { return runtime.NumGoroutine() <= baseGoroutines+20 }, 30*time.Second, 100*time.Millisecond,
		"no goroutine left behind: %d now, %d before", runtime.NumGoroutine(), baseGoroutines)

	// Every output is a valid document with offsets inside its fields.
	for _, m := range natstest.StreamMessages(ctx, t, js, "ARTICLES_ENRICHED") {
		var doc enrich.Document
		require.NoError(t, json.Unmarshal(m.Data, &doc))
		requireOffsets(t, &doc)
	}
}

// requireOffsets checks that every mention and evidence lies inside its
// field, counted in code points.
func requireOffsets(t *testing.T, doc *enrich.Document) {
	t.Helper()
	fields := map[string][]rune{"body": []rune(doc.Article.Body), "headline": []rune(doc.Article.Headline)}
	for _, e := range doc.Entities {
		for _, mn := range e.Mentions {
			text, ok := fields[mn.Field]
			require.True(t, ok, "mention field %q", mn.Field)
			require.True(t, 0 <= mn.Start && mn.Start < mn.End && mn.End <= len(text), "mention %+v in bounds of %d", mn, len(text))
			require.Equal(t, mn.Text, string(text[mn.Start:mn.End]))
		}
	}
	for _, r := range doc.Relations {
		if r.Evidence.Field == "" {
			continue
		}
		text, ok := fields[r.Evidence.Field]
		require.True(t, ok, "evidence field %q", r.Evidence.Field)
		require.True(t, 0 <= r.Evidence.Start && r.Evidence.Start <= r.Evidence.End && r.Evidence.End <= len(text), "evidence %+v in bounds", r.Evidence)
	}
}
