package sink_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/natstest"
	"github.com/wirenrich/wirenrich/internal/sink"
)

func TestJetStreamDeduplicatesByMsgID(t *testing.T) {
	srv := natstest.RunServer(t, nil)
	_, js := srv.JetStream()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "OUT", Subjects: []string{"out.>"}, Duplicates: time.Minute})
	require.NoError(t, err)

	s := sink.NewJetStream(js)
	msg := func(id, data string) *nats.Msg {
		m := nats.NewMsg("out.afp")
		m.Header.Set(jetstream.MsgIDHeader, id)
		m.Data = []byte(data)
		return m
	}
	require.NoError(t, s.Publish(ctx, msg("a#1", "first")))
	require.NoError(t, s.Publish(ctx, msg("a#1", "redelivered")), "a duplicate counts as stored")
	require.NoError(t, s.Publish(ctx, msg("a#2", "new version")))
	msgs := natstest.StreamMessages(ctx, t, js, "OUT")
	require.Len(t, msgs, 2)
	require.Equal(t, "first", string(msgs[0].Data))
	require.Equal(t, "new version", string(msgs[1].Data))

	err = s.Publish(ctx, nats.NewMsg("nowhere.subject"))
	require.Error(t, err, "no stream stores it")
	require.Contains(t, err.Error(), "nowhere.subject")
}

func TestLinesWritesOneDocumentPerLine(t *testing.T) {
	var buf bytes.Buffer
	l := sink.NewLines(&buf)
	require.NoError(t, l.Write([]byte(`{"a":1}`)))
	require.NoError(t, l.Publish(context.Background(), &nats.Msg{Data: []byte(`{"b":2}`)}))
	require.Equal(t, "{\"a\":1}\n{\"b\":2}\n", buf.String())

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	require.ErrorIs(t, l.Publish(ctx, &nats.Msg{Data: []byte(`{}`)}), context.Canceled)
}
