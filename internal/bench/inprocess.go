package bench

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/wirenrich/wirenrich/config"
	"github.com/wirenrich/wirenrich/internal/benchdata"
	"github.com/wirenrich/wirenrich/internal/cputime"
	"github.com/wirenrich/wirenrich/internal/pipeline"
)

// minInProcess is the least time an in-process measurement runs: the
// articles are gone through again until it has passed.
const minInProcess = time.Second

// inProcess processes the items (decode, enrich, encode: what a replica
// does per message besides the bus) with g goroutines and GOMAXPROCS=g,
// through proc, the processor of the replicas configured by cfg, with the
// subjects, ids and JetStream metadata the replicas see, so that the
// documents are the same.
func inProcess(ctx context.Context, proc *pipeline.Processor, cfg config.Config, items []benchdata.Item, g int) (InProcess, error) {
	ip := InProcess{Goroutines: g}
	inputs := make([]pipeline.Input, len(items))
	prefix := pipeline.SubjectPrefix(cfg.InputSubject)
	now := time.Now()
	for i, it := range items {
		inputs[i] = pipeline.Input{
			Subject: prefix + feed(i), Data: it.Payload, Header: nats.Header{},
			Meta: &jetstream.MsgMetadata{
				Stream: cfg.InputStream, Consumer: cfg.Durable, NumDelivered: 1,
				Sequence:  jetstream.SequencePair{Stream: uint64(i + 1), Consumer: uint64(i + 1)},
				Timestamp: now,
			},
		}
		inputs[i].Header.Set(jetstream.MsgIDHeader, "in-process:"+strconv.Itoa(i))
		inputs[i].Header.Set(HeaderPublishedAt, now.UTC().Format(time.RFC3339Nano))
	}
	// Warm up as the replicas are: every article once (lazily loaded
	// models, NER word caches), before the clock starts.
	for i := range inputs {
		if _, f := proc.Process(ctx, inputs[i]); f != nil {
			return ip, fmt.Errorf("bench: in-process warm-up: %w", f)
		}
	}
	prev := runtime.GOMAXPROCS(g)
	defer runtime.GOMAXPROCS(prev)

	var (
		next     atomic.Int64
		articles atomic.Int64
		words    atomic.Int64
		firstErr error
		errOnce  sync.Once
		wg       sync.WaitGroup
	)
	cpu0 := cputime.Process().Seconds()
	start := time.Now()
	total := int64(len(inputs))
	for range g {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := next.Add(1) - 1
				if i >= total && time.Since(start) >= minInProcess {
					return
				}
				k := int(i % total)
				if _, f := proc.Process(ctx, inputs[k]); f != nil {
					errOnce.Do(func() { firstErr = fmt.Errorf("bench: in-process %s: %w", items[k].Article.ID, f) })
					return
				}
				articles.Add(1)
				words.Add(int64(items[k].Words))
			}
		}()
	}
	wg.Wait()
	el := time.Since(start).Seconds()
	ip.CPUSeconds = cputime.Process().Seconds() - cpu0
	if firstErr != nil {
		return ip, firstErr
	}
	if err := ctx.Err(); err != nil {
		return ip, fmt.Errorf("bench: in-process: %w", err)
	}
	ip.Articles, ip.Seconds = int(articles.Load()), el
	ip.ArticlesPerSec = float64(ip.Articles) / el
	ip.WordsPerSec = float64(words.Load()) / el
	if ip.CPUSeconds > 0 {
		ip.WordsPerCPUSec = float64(words.Load()) / ip.CPUSeconds
	}
	ip.Load = loadAvg()
	return ip, nil
}
