package bench

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/wirenrich/wirenrich/internal/pipeline"
)

// collectEvery is how often the collector looks at the streams, and
// collectBatch the most messages one read asks for.
const (
	collectEvery = 250 * time.Millisecond
	collectBatch = 1000
)

// collector reads the outputs and dead letters the replicas stored, from
// the output and dead-letter streams, and times each from its publish to
// its storage in the stream (the stream's timestamp of the output). While
// a run goes on it reads nothing: every collectEvery it asks how many
// messages its consumers have not read yet (a consumer info each), and
// only once the streams hold as many results as the run published does
// it read them, headers only, in batches — after the run's CPU clocks
// were read (collect's atStored). A collector sent every output as it is
// published (a JetStream consumer read as the run goes, or a core
// subscription) would cost the server a delivery and the bench a wake-up
// per article on the very cores the replicas run on, while the times,
// taken from the streams, are the same. A core subscription would
// moreover be sent the copies the stream drops as duplicates and the
// publishes it refuses (see TestCoreSubscriberSeesDroppedDuplicates). A
// duplicate is a second output of the same article in the stream, as a
// reader of the stream would see it.
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

// unread is how many messages the streams hold beyond what the
// collector read: the pending counts of its consumers.
func (c *collector) unread(ctx context.Context) (int, error) {
	n := 0
	for _, cons := range []jetstream.Consumer{c.out, c.dlq} {
		ictx, cancel := context.WithTimeout(ctx, 10*time.Second)
		info, err := cons.Info(ictx)
		cancel()
		if err != nil {
			return 0, fmt.Errorf("collector: %w", err)
		}
		n += int(info.NumPending)
	}
	return n, nil
}

// collect blocks until n distinct articles came out, calling progress
// about once a second. It reads no message until the streams hold at
// least n results beyond those read; then it calls atStored (the caller
// reads its CPU clocks there) and reads them. Should duplicates make up
// part of the count, it reads them and waits on.
func (c *collector) collect(ctx context.Context, n int, progress func(int), atStored func() error) error {
	tick := time.NewTicker(collectEvery)
	defer tick.Stop()
	reported := time.Now()
	for {
		unread, err := c.unread(ctx)
		if err != nil {
			return err
		}
		c.mu.Lock()
		got := c.received
		c.mu.Unlock()
		if got+unread >= n {
			if err := atStored(); err != nil {
				return err
			}
			if err := c.read(); err != nil {
				return err
			}
			c.mu.Lock()
			got, unread = c.received, 0
			c.mu.Unlock()
			if got >= n {
				return nil
			}
		}
		if time.Since(reported) >= time.Second {
			progress(got + unread)
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
