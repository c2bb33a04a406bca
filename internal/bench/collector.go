package bench

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/wirenrich/wirenrich/internal/pipeline"
)

// collectEvery is how often the collector reads the streams, and
// collectBatch the most messages one read asks for.
const (
	collectEvery = 250 * time.Millisecond
	collectBatch = 1000
)

// collector reads the outputs and dead letters the replicas stored, from
// the output and dead-letter streams, and times each from its publish to
// its storage in the stream (the stream's timestamp of the output). It
// reads the streams' headers in batches, every collectEvery, through
// consumers of its own, instead of being sent every output as it is
// published: on shared cores a delivery and a wake-up per article would be
// the bench's own cost counted against the worker, while the times, taken
// from the streams, are the same. A duplicate is a second output of the
// same article in the stream, as a reader of the stream would see it.
type collector struct {
	out, dlq jetstream.Consumer

	mu       sync.Mutex
	sent     map[string]sent
	got      map[string]int
	lat      []time.Duration
	words    int
	dups     int
	dlqs     int
	last     time.Time
	received int
}

type sent struct {
	at    time.Time
	words int
}

// newCollector reads the streams from their start; messages of articles
// not expected (an earlier run's) are skipped.
func newCollector(ctx context.Context, js jetstream.JetStream, outStream, dlqStream string) (*collector, error) {
	c := &collector{}
	c.reset()
	cc := jetstream.ConsumerConfig{
		Description:   "wirenrich bench collector",
		AckPolicy:     jetstream.AckNonePolicy,
		DeliverPolicy: jetstream.DeliverAllPolicy,
		HeadersOnly:   true,
		MemoryStorage: true,
		// The collector reads only while it waits for a run's outputs;
		// the server would delete an idle ephemeral consumer after 5 s
		// (a 10 s fixed-rate run publishes for longer). It goes with the
		// run set's streams.
		InactiveThreshold: time.Hour,
	}
	var err error
	if c.out, err = js.CreateConsumer(ctx, outStream, cc); err != nil {
		return nil, fmt.Errorf("collector on %s: %w", outStream, err)
	}
	if c.dlq, err = js.CreateConsumer(ctx, dlqStream, cc); err != nil {
		return nil, fmt.Errorf("collector on %s: %w", dlqStream, err)
	}
	return c, nil
}

func (c *collector) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sent, c.got = map[string]sent{}, map[string]int{}
	c.lat, c.words, c.dups, c.dlqs, c.received, c.last = nil, 0, 0, 0, 0, time.Time{}
}

func (c *collector) expect(id string, words int, at time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sent[id] = sent{at: at, words: words}
}

// read takes in what the streams hold beyond what was read.
func (c *collector) read() error {
	for _, cons := range []jetstream.Consumer{c.out, c.dlq} {
		for {
			batch, err := cons.FetchNoWait(collectBatch)
			if err != nil {
				return fmt.Errorf("collector: %w", err)
			}
			n := 0
			for m := range batch.Messages() {
				n++
				c.receive(m, cons == c.dlq)
			}
			if err := batch.Error(); err != nil {
				return fmt.Errorf("collector: %w", err)
			}
			if n < collectBatch {
				break
			}
		}
	}
	return nil
}

func (c *collector) receive(m jetstream.Msg, dlq bool) {
	meta, err := m.Metadata()
	if err != nil {
		return
	}
	id := m.Headers().Get(pipeline.HeaderArticleID)
	if dlq {
		id = m.Headers().Get(pipeline.HeaderOriginalMsgID)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.sent[id]
	if !ok {
		return // an earlier run's
	}
	c.got[id]++
	if c.got[id] > 1 {
		c.dups++
		return
	}
	c.received++
	if meta.Timestamp.After(c.last) {
		c.last = meta.Timestamp
	}
	if dlq {
		c.dlqs++
	} else {
		c.words += s.words
		c.lat = append(c.lat, meta.Timestamp.Sub(s.at))
	}
}

// wait blocks until n distinct articles came out, calling progress about
// once a second.
func (c *collector) wait(ctx context.Context, n int, progress func(int)) error {
	tick := time.NewTicker(collectEvery)
	defer tick.Stop()
	reported := time.Now()
	for {
		if err := c.read(); err != nil {
			return err
		}
		c.mu.Lock()
		got := c.received
		c.mu.Unlock()
		if got >= n {
			return nil
		}
		if time.Since(reported) >= time.Second {
			progress(got)
			reported = time.Now()
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%d of %d outputs after the timeout: %w", got, n, ctx.Err())
		case <-tick.C:
		}
	}
}

// wordsOut is the words of the articles that came out.
func (c *collector) wordsOut() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.words
}

// fill writes the counts, rates and latencies since start into run.
func (c *collector) fill(run *Run, start time.Time) error {
	// Let late duplicates arrive before counting them.
	time.Sleep(100 * time.Millisecond)
	if err := c.read(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	run.Received, run.Duplicates, run.DeadLetters = c.received, c.dups, c.dlqs
	run.Seconds = c.last.Sub(start).Seconds()
	if run.Seconds > 0 {
		run.ArticlesPerSec = float64(c.received) / run.Seconds
		run.WordsPerSec = float64(c.words) / run.Seconds
	}
	run.Latency = percentiles(c.lat)
	return nil
}
