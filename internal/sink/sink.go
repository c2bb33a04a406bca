// Package sink stores the worker's outputs: in JetStream (waiting for each
// PubAck) or as JSON Lines on a writer for the command line.
package sink

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// JetStream publishes messages to JetStream and returns once the stream
// acknowledged them. A message's Nats-Msg-Id header (set by the pipeline to
// the article id and version) makes JetStream drop a duplicate inside the
// stream's duplicate window; a duplicate counts as stored.
type JetStream struct {
	js jetstream.JetStream
}

// NewJetStream wraps a JetStream context.
func NewJetStream(js jetstream.JetStream) *JetStream { return &JetStream{js: js} }

// Publish stores msg and waits for its PubAck, bounded by ctx.
func (s *JetStream) Publish(ctx context.Context, msg *nats.Msg) error {
	if _, err := s.js.PublishMsg(ctx, msg); err != nil {
		return fmt.Errorf("publish to %s: %w", msg.Subject, err)
	}
	return nil
}

// Lines writes each message's data as one line (JSON Lines), flushing
// after each so a reader sees whole documents.
type Lines struct {
	mu sync.Mutex
	w  *bufio.Writer
}

// NewLines writes to w.
func NewLines(w io.Writer) *Lines { return &Lines{w: bufio.NewWriter(w)} }

// Publish writes msg.Data and a newline.
func (l *Lines) Publish(ctx context.Context, msg *nats.Msg) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return l.Write(msg.Data)
}

// Write writes one document and a newline.
func (l *Lines) Write(doc []byte) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, err := l.w.Write(doc); err != nil {
		return fmt.Errorf("write line: %w", err)
	}
	if err := l.w.WriteByte('\n'); err != nil {
		return fmt.Errorf("write line: %w", err)
	}
	if err := l.w.Flush(); err != nil {
		return fmt.Errorf("flush line: %w", err)
	}
	return nil
}
