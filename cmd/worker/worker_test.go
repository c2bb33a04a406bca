package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/enrich"
)

const seedArticle = "../../../shared/fixtures/seed-article.fr.txt"

func requireDocument(t *testing.T, line []byte) enrich.Document {
	t.Helper()
	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(line, &raw), "one JSON document: %s", line)
	for _, k := range []string{"schema", "id", "article", "language", "entities", "relations", "enrichment"} {
		require.Contains(t, raw, k)
	}
	var doc enrich.Document
	require.NoError(t, json.Unmarshal(line, &doc))
	require.Equal(t, enrich.Schema, doc.Schema)
	require.NotEmpty(t, doc.ID)
	require.NotEmpty(t, doc.Enrichment.Version)
	return doc
}

func TestEnrichSeedArticlePrintsOneDocument(t *testing.T) {
	require.FileExists(t, seedArticle, "the shared fixtures sit beside the repository")
	want, err := os.ReadFile(seedArticle)
	require.NoError(t, err)

	var out, errOut bytes.Buffer
	err = dispatch(context.Background(), []string{"enrich", "--published", "2024-06-19", "--language", "fr", seedArticle},
		stdio{in: strings.NewReader(""), out: &out, err: &errOut})
	require.NoError(t, err, errOut.String())
	lines := bytes.Split(bytes.TrimRight(out.Bytes(), "\n"), []byte("\n"))
	require.Len(t, lines, 1, "one document per input")
	doc := requireDocument(t, lines[0])
	require.Contains(t, doc.Article.Body, "Vladimir Poutine")
	require.Contains(t, strings.TrimSpace(string(want)), strings.TrimSpace(doc.Article.Body)[:200])
	require.Equal(t, "fr", doc.Article.Language)
	require.True(t, strings.HasPrefix(doc.Article.Published, "2024-06-19"), doc.Article.Published)
	require.Nil(t, doc.Source, "no bus, no source")
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			text := []rune(doc.Article.Body)
			if m.Field == "headline" {
				text = []rune(doc.Article.Headline)
			}
			require.Equal(t, m.Text, string(text[m.Start:m.End]), "offsets count code points")
		}
	}
}

func TestEnrichReadsStdinAndReportsBadInputs(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		stdin   string
		docs    int
		wantErr string
	}{
		{"stdin", []string{"enrich", "--format", "text"}, "Angela Merkel a rencontré Emmanuel Macron à Berlin.", 1, ""},
		{"stdin dash and a bad file", []string{"enrich", "-", "/nonexistent/article.txt"}, "Une dépêche.", 1, "1 of 2 inputs failed"},
		{"empty stdin", []string{"enrich"}, "   ", 0, "1 of 1 inputs failed"},
		{"missing file", []string{"enrich", "/nonexistent/article.txt"}, "", 0, "1 of 1 inputs failed"},
		{"bad format", []string{"enrich", "--format", "pdf"}, "x", 0, "--format"},
		{"bad date", []string{"enrich", "--published", "19/06/2024"}, "x", 0, "--published"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := dispatch(context.Background(), tt.args, stdio{in: strings.NewReader(tt.stdin), out: &out, err: &errOut})
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
			} else {
				require.NoError(t, err, errOut.String())
			}
			got := 0
			for _, line := range bytes.Split(out.Bytes(), []byte("\n")) {
				if len(line) > 0 {
					requireDocument(t, line)
					got++
				}
			}
			require.Equal(t, tt.docs, got)
		})
	}
}

func TestHelpListsConfiguration(t *testing.T) {
	var out bytes.Buffer
	err := dispatch(context.Background(), []string{"--help"}, stdio{out: &out, err: io.Discard})
	require.ErrorIs(t, err, flag.ErrHelp)
	for _, v := range []string{"WIRENRICH_NATS_URL", "WIRENRICH_WORKERS", "WIRENRICH_ACK_WAIT", "enrich", "articles.raw.>"} {
		require.Contains(t, out.String(), v)
	}
}

func TestRunRejectsBadConfigNamingTheVariable(t *testing.T) {
	t.Setenv("WIRENRICH_MAX_DELIVER", "zero")
	err := dispatch(context.Background(), nil, stdio{out: io.Discard, err: io.Discard})
	require.ErrorContains(t, err, "WIRENRICH_MAX_DELIVER")
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return addr
}

// TestRunWithEmbeddedServer is `go run ./cmd/worker` with no NATS URL: an
// embedded server, the streams, the HTTP endpoints, one article through.
func TestRunWithEmbeddedServer(t *testing.T) {
	natsAddr, httpAddr := freePort(t), freePort(t)
	t.Setenv("NATS_URL", "")
	t.Setenv("WIRENRICH_NATS_URL", "")
	t.Setenv("WIRENRICH_EMBEDDED_LISTEN", natsAddr)
	t.Setenv("WIRENRICH_DATA_DIR", filepath.Join(t.TempDir(), "data"))
	t.Setenv("WIRENRICH_HTTP_ADDR", httpAddr)
	t.Setenv("WIRENRICH_WORKERS", "2")
	t.Setenv("WIRENRICH_LOG_LEVEL", "warn")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	var logs bytes.Buffer
	go func() { done <- dispatch(ctx, nil, stdio{out: io.Discard, err: &lockedWriter{w: &logs}}) }()

	ready := func() bool {
		resp, err := http.Get("http://" + httpAddr + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	}
	require.Eventually(t, ready, 15*time.Second, 20*time.Millisecond)

	nc, err := nats.Connect("nats://" + natsAddr)
	require.NoError(t, err)
	defer nc.Close()
	js, err := jetstream.New(nc)
	require.NoError(t, err)
	sub, err := nc.SubscribeSync("articles.enriched.>")
	require.NoError(t, err)
	_, err = js.Publish(ctx, "articles.raw.afp.fr", []byte("Le président Emmanuel Macron est arrivé à Berlin mardi."))
	require.NoError(t, err)
	msg, err := sub.NextMsg(10 * time.Second)
	require.NoError(t, err)
	require.Equal(t, "articles.enriched.afp.fr", msg.Subject)
	doc := requireDocument(t, msg.Data)
	require.Equal(t, "articles.raw.afp.fr", doc.Source.Subject)

	// The delivery is counted once acked, just after the output is stored.
	require.Eventually(t, func() bool {
		resp, err := http.Get("http://" + httpAddr + "/metrics")
		if err != nil {
			return false
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return strings.Contains(string(body), `wirenrich_messages_total{result="enriched"} 1`)
	}, 5*time.Second, 20*time.Millisecond, "/metrics counts the enriched article")

	cancel()
	select {
	case err := <-done:
		require.NoError(t, err, logs.String())
	case <-time.After(30 * time.Second):
		t.Fatal("worker did not shut down")
	}
	_, err = http.Get("http://" + httpAddr + "/healthz")
	require.Error(t, err, "HTTP stopped")
	_, err = nats.Connect("nats://"+natsAddr, nats.Timeout(time.Second))
	require.Error(t, err, "embedded server stopped")
}

// lockedWriter serialises writes from the worker's goroutines.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
