package bench

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/natstest"
	"github.com/wirenrich/wirenrich/internal/pipeline"
)

// TestCoreSubscriberSeesDroppedDuplicates records why the collector reads
// the output stream instead of subscribing to the output subject: a core
// subscriber is sent every publish, including the second copy JetStream
// drops as a duplicate (Nats-Msg-Id) and a publish the stream refuses, so
// it could tell neither what was stored nor a stored duplicate from a
// dropped one.
func TestCoreSubscriberSeesDroppedDuplicates(t *testing.T) {
	srv := natstest.RunServer(t, nil)
	nc, js := srv.JetStream()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "OUT", Subjects: []string{"out.>"}, Duplicates: time.Minute})
	require.NoError(t, err)
	sub, err := nc.SubscribeSync("out.>")
	require.NoError(t, err)

	for range 2 {
		msg := &nats.Msg{Subject: "out.a", Header: nats.Header{}, Data: []byte("{}")}
		msg.Header.Set(jetstream.MsgIDHeader, "a#1")
		ack, err := js.PublishMsg(ctx, msg)
		require.NoError(t, err)
		require.Equal(t, uint64(1), ack.Sequence)
	}
	for range 2 {
		_, err := sub.NextMsg(5 * time.Second)
		require.NoError(t, err, "the core subscriber is sent both publishes")
	}
	st, err := js.Stream(ctx, "OUT")
	require.NoError(t, err)
	info, err := st.Info(ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(1), info.State.Msgs, "the stream stored one")
}

// TestCollectorCountsFromTheStreams checks that the collector waits for
// the results without reading them, then reads each once: outputs and
// dead letters of the run, a stored duplicate, and an earlier run's
// output skipped.
func TestCollectorCountsFromTheStreams(t *testing.T) {
	srv := natstest.RunServer(t, nil)
	_, js := srv.JetStream()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, sc := range []jetstream.StreamConfig{
		{Name: "OUT", Subjects: []string{"out.>"}},
		{Name: "DLQ", Subjects: []string{"dlq.>"}},
	} {
		_, err := js.CreateStream(ctx, sc)
		require.NoError(t, err)
	}
	col, err := newCollector(ctx, js, "OUT", "DLQ")
	require.NoError(t, err)
	out := func(id string) {
		msg := &nats.Msg{Subject: "out.x", Header: nats.Header{}, Data: []byte("{}")}
		msg.Header.Set(pipeline.HeaderArticleID, id)
		_, err := js.PublishMsg(ctx, msg)
		require.NoError(t, err)
	}
	dlq := func(id string) {
		msg := &nats.Msg{Subject: "dlq.x", Header: nats.Header{}, Data: []byte("x")}
		msg.Header.Set(pipeline.HeaderOriginalMsgID, id)
		_, err := js.PublishMsg(ctx, msg)
		require.NoError(t, err)
	}

	out("old") // an earlier run's
	col.reset()
	start := time.Now()
	col.expect("a", 10, start)
	col.expect("b", 20, start)
	col.expect("c", 30, start)
	out("a")
	out("a") // a duplicate stored (no Nats-Msg-Id)
	dlq("c")

	// Three results stored besides the earlier run's, but only two
	// articles: the collector reads and keeps waiting.
	short, cancelShort := context.WithTimeout(ctx, time.Second)
	marks := 0
	err = col.collect(short, 3, func(int) {}, func() error { marks++; return nil })
	cancelShort()
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.Equal(t, 1, marks, "one read once the counts reached the target")

	out("b")
	require.NoError(t, col.collect(ctx, 3, func(int) {}, func() error { marks++; return nil }))
	require.Equal(t, 2, marks)
	var run Run
	require.NoError(t, col.fill(&run, start))
	require.Equal(t, 3, run.Received)
	require.Equal(t, 1, run.Duplicates)
	require.Equal(t, 1, run.DeadLetters)
	require.Equal(t, 30, col.wordsOut())
	require.Positive(t, run.Latency.P50)
}
