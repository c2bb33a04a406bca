// Package bench measures the worker end to end: it starts (or connects to)
// a NATS server, preloads articles built from internal/benchdata in mixed
// formats and languages, runs worker replicas as separate processes on one
// durable consumer and reports throughput, latency from publish to
// enriched output, and memory per replica — for the full enrichment, for
// a pass-through enricher on the same bus, at a fixed rate, and with one
// and two single-core replicas — next to the in-process throughput of the
// same articles. It is the engine of `worker bench`.
package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/rs/zerolog"

	"github.com/wirenrich/wirenrich/config"
	"github.com/wirenrich/wirenrich/internal/benchdata"
	"github.com/wirenrich/wirenrich/internal/bus"
	"github.com/wirenrich/wirenrich/internal/cputime"
	"github.com/wirenrich/wirenrich/internal/embedded"
	"github.com/wirenrich/wirenrich/internal/enrich"
	"github.com/wirenrich/wirenrich/internal/service"
)

// Options configure a bench run.
type Options struct {
	// Worker is the worker binary started as replicas ("worker run").
	Worker string
	// NatsURL names a server to use; empty starts an embedded one on
	// 127.0.0.1 with a temporary store.
	NatsURL string
	// Articles is N, the number of articles preloaded per throughput run.
	Articles int
	// Words is the length of each article (benchdata.Typical by default).
	Words int
	// Replicas is K, the replicas of the main runs.
	Replicas int
	// Rate is the publish rate of the latency run, in articles/s; 0 is
	// half the maximum measured by the full-enrichment run.
	Rate float64
	// Duration is the length of the fixed-rate run.
	Duration time.Duration
	// Timeout bounds each run (waiting for its outputs).
	Timeout time.Duration
	// Scaling adds the runs of 1 and 2 replicas with GOMAXPROCS=1, and
	// (on Linux) that of 1 replica with the bench process, and so the
	// embedded server, on the same single CPU.
	Scaling bool
	// SkipInProcess leaves out the in-process measurement.
	SkipInProcess bool
	// Progress receives progress lines; nil is silent.
	Progress io.Writer
	// ServerProcs, when positive, is the GOMAXPROCS of the bench process
	// (the embedded server, publisher and collector) during the
	// end-to-end runs; 0 leaves Go's default. The in-process
	// runs set their own.
	ServerProcs int
	// ProfileDir, when set, receives CPU profiles of the bench process and
	// of every replica over the start of each preloaded run (profiling
	// costs CPU: the figures of such a bench are not the reference).
	ProfileDir string
}

func (o *Options) defaults() error {
	if o.Worker == "" {
		return errors.New("bench: no worker binary")
	}
	if o.Articles <= 0 {
		o.Articles = 2000
	}
	if o.Words <= 0 {
		o.Words = benchdata.Typical
	}
	if o.Replicas <= 0 {
		o.Replicas = 2
	}
	if o.Duration <= 0 {
		o.Duration = 10 * time.Second
	}
	if o.Timeout <= 0 {
		o.Timeout = 5 * time.Minute
	}
	if o.Progress == nil {
		o.Progress = io.Discard
	}
	return nil
}

// Report is the result of a bench: one entry per run plus the in-process
// figures and the ratios between them.
type Report struct {
	Started    time.Time      `json:"started"`
	GoVersion  string         `json:"go_version"`
	CPUs       int            `json:"cpus"`
	Articles   int            `json:"articles"`
	Words      int            `json:"words_per_article_target"`
	TotalWords int            `json:"total_words"`
	Languages  map[string]int `json:"languages"`
	Formats    map[string]int `json:"formats"`
	// BenchGOMAXPROCS is the GOMAXPROCS the bench process (embedded
	// server, publisher, collector) ran the end-to-end runs with.
	BenchGOMAXPROCS int `json:"bench_gomaxprocs"`

	InProcess []InProcess `json:"in_process"`
	Runs      []Run       `json:"runs"`

	// EnrichmentCost is pass-through articles/s over enrichment articles/s
	// with the same replicas: how many times the NLP slows the bus down.
	EnrichmentCost float64 `json:"enrichment_cost"`
	// StreamingEfficiency is end-to-end words/s over in-process words/s on
	// the same cores (the mean of the measurements right before and after
	// the main end-to-end run).
	StreamingEfficiency float64 `json:"streaming_efficiency"`
	// CPUEfficiency is end-to-end words per replica CPU-second over
	// in-process words per CPU-second (one goroutine): the share of a
	// replica's CPU spent on enrichment rather than on the bus, whatever
	// else the machine runs.
	CPUEfficiency float64 `json:"cpu_efficiency"`
	// Scaling is words/s of 2 single-core replicas over 1.
	Scaling float64 `json:"scaling,omitempty"`
	// CoreScaling is words/s of 2 single-core replicas on two CPUs over
	// those of 1 replica on one CPU that it shares with the bench process
	// (the embedded server): the whole system given one core, then two.
	CoreScaling float64 `json:"core_scaling,omitempty"`
	// CPUScaling is the scaling the CPU figures predict for cores that
	// run nothing else: 1 replica uses one core (the server has the
	// other), 2 replicas share both with the server, so 2 × replica CPU
	// per article of scale-1x1 / (replica + bench CPU per article of
	// scale-2x1). Unlike Scaling it does not depend on what else the
	// machine runs.
	CPUScaling float64 `json:"cpu_scaling,omitempty"`
}

// InProcess is the throughput of decode + enrich + encode without a bus.
type InProcess struct {
	// Phase is "before" or "after" the main end-to-end run.
	Phase          string  `json:"phase"`
	Goroutines     int     `json:"goroutines"`
	Articles       int     `json:"articles"`
	Seconds        float64 `json:"seconds"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
	WordsPerSec    float64 `json:"words_per_sec"`
	Load           LoadAvg `json:"load_avg"`
	// CPUSeconds is the process CPU time of the measurement; WordsPerCPUSec
	// words over it.
	CPUSeconds     float64 `json:"cpu_seconds"`
	WordsPerCPUSec float64 `json:"words_per_cpu_sec"`
}

// Run is one end-to-end run.
type Run struct {
	Name       string `json:"name"`
	Enricher   string `json:"enricher"`
	Replicas   int    `json:"replicas"`
	GOMAXPROCS int    `json:"gomaxprocs,omitempty"`
	// CPUs, when set, is the number of CPUs the replicas and the bench
	// process were pinned to; 0 is every CPU.
	CPUs int     `json:"cpus,omitempty"`
	Rate float64 `json:"rate,omitempty"` // 0: preloaded, as fast as possible

	Published   int `json:"published"`
	Received    int `json:"received"`
	Duplicates  int `json:"duplicates"`
	DeadLetters int `json:"dead_letters"`

	Seconds        float64 `json:"seconds"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
	WordsPerSec    float64 `json:"words_per_sec"`
	// Latency from publish to the output's storage in the output stream
	// (its JetStream timestamp), in milliseconds. In a preloaded run it is
	// mostly time spent waiting in the input stream.
	Latency Percentiles `json:"latency_ms"`
	Memory  []Memory    `json:"memory"`
	Load    LoadAvg     `json:"load_avg"`

	// ReplicaCPUSeconds is the CPU time the replicas used during the run,
	// BenchCPUSeconds that of the bench process (publisher, collector and
	// the embedded server). WordsPerCPUSec is words over replica CPU
	// time: a figure a loaded, shared machine does not distort.
	ReplicaCPUSeconds float64 `json:"replica_cpu_seconds"`
	BenchCPUSeconds   float64 `json:"bench_cpu_seconds"`
	WordsPerCPUSec    float64 `json:"words_per_cpu_sec"`
	// ReplicaCPUMs and BenchCPUMs are those CPU times per article out, in
	// milliseconds: what an article costs the replicas and what it costs
	// the bench process (in a preloaded run, the embedded server alone:
	// the publisher is done before the clock starts and the collector
	// reads after it stops).
	ReplicaCPUMs float64 `json:"replica_cpu_ms_per_article"`
	BenchCPUMs   float64 `json:"bench_cpu_ms_per_article"`
}

// cpuMark is the CPU time of the replicas and of the bench at one moment.
type cpuMark struct {
	replicas, self float64
}

func markCPU(reps []*replica) (cpuMark, error) {
	m := cpuMark{self: cputime.Process().Seconds()}
	for _, r := range reps {
		c, err := r.cpu()
		if err != nil {
			return m, err
		}
		m.replicas += c
	}
	return m, nil
}

// addCPU fills the CPU figures of run from two marks.
func addCPU(run *Run, from, to cpuMark, words int) {
	run.ReplicaCPUSeconds = to.replicas - from.replicas
	run.BenchCPUSeconds = to.self - from.self
	if run.ReplicaCPUSeconds > 0 {
		run.WordsPerCPUSec = float64(words) / run.ReplicaCPUSeconds
	}
	if run.Received > 0 {
		run.ReplicaCPUMs = 1000 * run.ReplicaCPUSeconds / float64(run.Received)
		run.BenchCPUMs = 1000 * run.BenchCPUSeconds / float64(run.Received)
	}
}

// Percentiles of a latency distribution, in milliseconds.
type Percentiles struct {
	P50 float64 `json:"p50"`
	P95 float64 `json:"p95"`
	P99 float64 `json:"p99"`
	Max float64 `json:"max"`
}

func percentiles(d []time.Duration) Percentiles {
	if len(d) == 0 {
		return Percentiles{}
	}
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	at := func(q float64) float64 {
		i := int(q*float64(len(s))+0.5) - 1
		i = max(0, min(i, len(s)-1))
		return float64(s[i].Microseconds()) / 1000
	}
	return Percentiles{P50: at(0.50), P95: at(0.95), P99: at(0.99), Max: float64(s[len(s)-1].Microseconds()) / 1000}
}

// Execute runs the whole bench.
func Execute(ctx context.Context, opts Options) (*Report, error) {
	if err := opts.defaults(); err != nil {
		return nil, err
	}
	corpus, err := benchdata.New()
	if err != nil {
		return nil, err
	}
	items, err := corpus.Mixed(opts.Articles, opts.Words)
	if err != nil {
		return nil, err
	}
	if opts.ServerProcs > 0 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(opts.ServerProcs))
	}
	rep := &Report{
		Started: time.Now().UTC(), GoVersion: runtime.Version(), CPUs: runtime.NumCPU(), BenchGOMAXPROCS: runtime.GOMAXPROCS(0),
		Articles: len(items), Words: opts.Words, Languages: map[string]int{}, Formats: map[string]int{},
	}
	for _, it := range items {
		rep.TotalWords += it.Words
		rep.Languages[it.Article.Lang]++
		rep.Formats[it.Format]++
	}

	b := &bencher{opts: opts, items: items}
	url := opts.NatsURL
	if url == "" {
		dir, err := os.MkdirTemp("", "wirenrich-bench-")
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		defer os.RemoveAll(dir)
		srv, err := embedded.Start(ctx, embedded.Options{Listen: "127.0.0.1:-1", StoreDir: dir, ServerName: "wirenrich-bench"}, zerolog.Nop())
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		defer srv.Shutdown()
		url = srv.ClientURL()
	}
	b.url = url
	nc, err := nats.Connect(url, nats.Name("wirenrich bench"))
	if err != nil {
		return nil, fmt.Errorf("bench: connect %s: %w", url, err)
	}
	defer nc.Close()
	b.nc = nc
	b.js, err = jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(1024))
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}

	// The main runs share the cores out between the replicas, as the
	// README advises a deployment to: GOMAXPROCS = CPUs / replicas (at
	// least 1), so that K replicas do not run 2K threads on K cores.
	procs := procsPerReplica(runtime.NumCPU(), opts.Replicas)
	specs := []runSpec{
		{name: "enrich", enricher: config.EnricherFull, replicas: opts.Replicas, gomaxprocs: procs, rateRun: true},
		{name: "passthrough", enricher: config.EnricherPassthrough, replicas: opts.Replicas, gomaxprocs: procs},
	}
	if opts.Scaling {
		specs = append(specs,
			runSpec{name: "scale-1x1", enricher: config.EnricherFull, replicas: 1, gomaxprocs: 1},
			runSpec{name: "scale-2x1", enricher: config.EnricherFull, replicas: 2, gomaxprocs: 1},
		)
		if runtime.NumCPU() > 1 {
			specs = append(specs, runSpec{name: scale1CPU, enricher: config.EnricherFull, replicas: 1, gomaxprocs: 1, cpus: 1})
		}
	}
	for i := range specs {
		specs[i].prefix = "bench" + strconv.Itoa(i)
	}

	// In-process on a quiet bus, right before and right after the main
	// end-to-end run (its replicas started, warmed and idle): one
	// goroutine, then one per CPU, with the processor the replicas of the
	// full-enrichment run build. The ratios use the mean of the two, so
	// that a host whose speed drifts during the bench (a shared virtual
	// machine's does, by a fifth within minutes) favours neither side, and
	// the three measurements lie within seconds of each other.
	if !opts.SkipInProcess {
		enr, err := enrich.New(enrich.Options{})
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		cfg, _ := b.config(specs[0])
		proc, err := service.NewProcessor(cfg, enr)
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		b.inProcess = func(phase string) error {
			for _, g := range uniq(1, runtime.NumCPU()) {
				b.progress("in-process (%s): %d goroutine(s) over %d articles", phase, g, len(items))
				ip, err := inProcess(ctx, proc, cfg, items, g)
				if err != nil {
					return err
				}
				ip.Phase = phase
				rep.InProcess = append(rep.InProcess, ip)
			}
			return nil
		}
	}
	for _, s := range specs {
		runs, err := b.runSet(ctx, s)
		if err != nil {
			return rep, err
		}
		rep.Runs = append(rep.Runs, runs...)
	}
	rep.derive()
	return rep, nil
}

// derive computes the ratios.
func (r *Report) derive() {
	find := func(name string) *Run {
		for i := range r.Runs {
			if r.Runs[i].Name == name {
				return &r.Runs[i]
			}
		}
		return nil
	}
	enr, pass := find("enrich"), find("passthrough")
	if enr != nil && pass != nil && enr.ArticlesPerSec > 0 {
		r.EnrichmentCost = pass.ArticlesPerSec / enr.ArticlesPerSec
	}
	if enr != nil {
		if w := r.inProcessMean(maxGoroutines(r.InProcess), func(p InProcess) float64 { return p.WordsPerSec }); w > 0 {
			r.StreamingEfficiency = enr.WordsPerSec / w
		}
		if w := r.inProcessMean(1, func(p InProcess) float64 { return p.WordsPerCPUSec }); w > 0 {
			r.CPUEfficiency = enr.WordsPerCPUSec / w
		}
	}
	s1, s2 := find("scale-1x1"), find("scale-2x1")
	if s1 != nil && s2 != nil && s1.WordsPerSec > 0 {
		r.Scaling = s2.WordsPerSec / s1.WordsPerSec
	}
	if c1 := find(scale1CPU); c1 != nil && s2 != nil && c1.WordsPerSec > 0 {
		r.CoreScaling = s2.WordsPerSec / c1.WordsPerSec
	}
	if s1 != nil && s2 != nil && s2.ReplicaCPUMs+s2.BenchCPUMs > 0 {
		r.CPUScaling = 2 * s1.ReplicaCPUMs / (s2.ReplicaCPUMs + s2.BenchCPUMs)
	}
}

// Phases of the in-process measurements.
const (
	phaseBefore = "before"
	phaseAfter  = "after"
)

// inProcessMean is the mean of f over the in-process measurements with g
// goroutines (before and after the main end-to-end run); 0 if none.
func (r *Report) inProcessMean(g int, f func(InProcess) float64) float64 {
	var sum float64
	n := 0
	for _, p := range r.InProcess {
		if p.Goroutines == g {
			sum += f(p)
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// maxGoroutines is the most goroutines of the in-process measurements.
func maxGoroutines(ps []InProcess) int {
	g := 0
	for _, p := range ps {
		g = max(g, p.Goroutines)
	}
	return g
}

func uniq(a, b int) []int {
	if a == b {
		return []int{a}
	}
	return []int{a, b}
}

// procsPerReplica is the GOMAXPROCS of each of replicas replicas sharing
// cpus cores: an equal share, at least one.
func procsPerReplica(cpus, replicas int) int {
	return max(1, cpus/max(1, replicas))
}

// runSpec is a set of replicas and the runs made with them.
type runSpec struct {
	name       string
	enricher   string
	replicas   int
	gomaxprocs int
	rateRun    bool
	cpus       int    // pin the bench process and the replicas to this many CPUs; 0 = all
	prefix     string // subject and stream prefix of this set
}

// scale1CPU is the run of one replica on the CPU of the bench process.
const scale1CPU = "scale-1x1-1cpu"

type bencher struct {
	opts  Options
	items []benchdata.Item
	url   string
	nc    *nats.Conn
	js    jetstream.JetStream
	// inProcess measures the in-process throughput (phase "before" or
	// "after" the main end-to-end run) and adds it to the report; nil
	// without in-process measurement.
	inProcess func(phase string) error
}

func (b *bencher) progress(format string, args ...any) {
	fmt.Fprintf(b.opts.Progress, "bench: "+format+"\n", args...)
}

// Settings of the replicas that differ from the defaults: no redelivery
// and no article deadline reached during a run, room for every article.
const (
	benchAckWait        = time.Minute
	benchArticleTimeout = time.Minute
	benchMaxPayload     = 4 << 20
)

// config is the worker configuration of a run set, as the replicas load
// it from the environment the bench gives them.
func (b *bencher) config(s runSpec) (config.Config, []string) {
	up := strings.ToUpper(s.prefix)
	env := map[string]string{
		"NATS_URL":        b.url,
		"INPUT_SUBJECT":   s.prefix + ".raw.>",
		"INPUT_STREAM":    up + "_RAW",
		"OUTPUT_PREFIX":   s.prefix + ".enriched",
		"OUTPUT_STREAM":   up + "_ENRICHED",
		"DLQ_PREFIX":      s.prefix + ".dlq",
		"DLQ_STREAM":      up + "_DLQ",
		"DURABLE":         "enricher",
		"REPLICAS":        strconv.Itoa(s.replicas),
		"ENRICHER":        s.enricher,
		"LOG_LEVEL":       "warn",
		"SHUTDOWN_GRACE":  "3s",
		"ACK_WAIT":        benchAckWait.String(),
		"MAX_PAYLOAD":     strconv.Itoa(benchMaxPayload),
		"ARTICLE_TIMEOUT": benchArticleTimeout.String(),
	}
	if b.opts.ProfileDir != "" {
		env["PPROF"] = "true"
	}
	cfg := config.Default()
	cfg.NatsURL = b.url
	cfg.InputSubject, cfg.InputStream = env["INPUT_SUBJECT"], env["INPUT_STREAM"]
	cfg.OutputPrefix, cfg.OutputStream = env["OUTPUT_PREFIX"], env["OUTPUT_STREAM"]
	cfg.DLQPrefix, cfg.DLQStream = env["DLQ_PREFIX"], env["DLQ_STREAM"]
	cfg.Replicas = s.replicas
	cfg.Enricher = s.enricher
	cfg.AckWait = benchAckWait
	cfg.MaxPayload = benchMaxPayload
	cfg.ArticleTimeout = benchArticleTimeout
	cfg.MaxAckPending = 2 * cfg.Workers * cfg.Replicas
	keys := make([]string, 0, len(env))
	for k := range env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]string, 0, len(env))
	for _, k := range keys {
		out = append(out, config.Prefix+"_"+k+"="+env[k])
	}
	return cfg, out
}

// runSet starts the replicas of s, warms them up, runs the preloaded
// throughput run (and the fixed-rate run), reads their memory and stops
// them.
func (b *bencher) runSet(ctx context.Context, s runSpec) (runs []Run, err error) {
	cfg, env := b.config(s)
	setupCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	_, err = bus.Ensure(setupCtx, b.js, bus.Topology{
		InputStream: cfg.InputStream, InputSubject: cfg.InputSubject,
		OutputStream: cfg.OutputStream, OutputPrefix: cfg.OutputPrefix,
		DLQStream: cfg.DLQStream, DLQPrefix: cfg.DLQPrefix,
		Create: true, Replicas: 1, DuplicateWindow: cfg.DuplicateWindow,
		Durable: cfg.Durable, AckWait: cfg.AckWait, MaxDeliver: cfg.MaxDeliver,
		BackOff: cfg.BackOff(), MaxAckPending: cfg.MaxAckPending,
	}, zerolog.Nop())
	cancel()
	if err != nil {
		return nil, fmt.Errorf("bench %s: %w", s.name, err)
	}
	defer b.deleteStreams(cfg)

	if s.cpus > 0 {
		// Pinned before the replicas start, which inherit the CPUs.
		restore, perr := pinSelf(s.cpus)
		if perr != nil {
			return nil, fmt.Errorf("bench %s: %w", s.name, perr)
		}
		defer func() {
			if rerr := restore(); rerr != nil && err == nil {
				err = fmt.Errorf("bench %s: %w", s.name, rerr)
			}
		}()
	}
	col, err := newCollector(ctx, b.js, cfg.OutputStream, cfg.DLQStream)
	if err != nil {
		return nil, fmt.Errorf("bench %s: %w", s.name, err)
	}

	b.progress("%s: starting %d replica(s) (enricher %s, GOMAXPROCS %s%s)", s.name, s.replicas, s.enricher, gmp(s.gomaxprocs), pinned(s.cpus))
	spec := replicaSpec{worker: b.opts.Worker, env: env, gomaxprocs: s.gomaxprocs}
	var reps []*replica
	defer func() {
		for _, r := range reps {
			if serr := r.stop(10 * time.Second); serr != nil && err == nil {
				err = fmt.Errorf("bench %s: %w", s.name, serr)
			}
		}
	}()
	for range s.replicas {
		r, err := startReplica(spec)
		if err != nil {
			return nil, err
		}
		reps = append(reps, r)
		if s.cpus > 0 {
			if err := pinProcess(r.cmd.Process.Pid); err != nil {
				return nil, fmt.Errorf("bench %s: %w", s.name, err)
			}
		}
	}
	for _, r := range reps {
		if err := r.waitReady(ctx, time.Minute); err != nil {
			return nil, fmt.Errorf("bench %s: %w", s.name, err)
		}
	}

	// Warm-up: every article of the run once, spread over the replicas, as
	// the in-process runs are warmed: lazily loaded models in memory and
	// NER word caches filled before the clock starts, so that end to end
	// and in-process differ by the bus and nothing else.
	if _, err := b.publishPreloaded(ctx, col, reps, s, "warmup", b.items, false); err != nil {
		return nil, err
	}

	// The main run (the one with a rate run) is bracketed by the
	// in-process measurements.
	if s.rateRun && b.inProcess != nil {
		if err := b.inProcess(phaseBefore); err != nil {
			return nil, err
		}
	}
	run, err := b.publishPreloaded(ctx, col, reps, s, s.name, b.items, true)
	if err != nil {
		return nil, err
	}
	runs = append(runs, run)
	if s.rateRun && b.inProcess != nil {
		if err := b.inProcess(phaseAfter); err != nil {
			return nil, err
		}
	}
	b.progress("%s: %.0f articles/s, %.0f words/s", s.name, run.ArticlesPerSec, run.WordsPerSec)

	if s.rateRun {
		rate := b.opts.Rate
		if rate <= 0 {
			rate = run.ArticlesPerSec / 2
		}
		rr, err := b.publishAtRate(ctx, col, reps, s, rate)
		if err != nil {
			return nil, err
		}
		runs = append(runs, rr)
		b.progress("%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms at %.0f articles/s", rr.Name, rr.Latency.P50, rr.Latency.P95, rr.Latency.P99, rate)
	}
	var mem []Memory
	for _, r := range reps {
		m, err := r.memory()
		if err != nil {
			return nil, err
		}
		mem = append(mem, m)
	}
	for i := range runs {
		runs[i].Memory = mem
	}
	return runs, nil
}

// pinned describes a run's CPU pinning for the progress lines.
func pinned(cpus int) string {
	if cpus <= 0 {
		return ""
	}
	return fmt.Sprintf(", pinned with the bench process to %d CPU(s)", cpus)
}

func gmp(n int) string {
	if n <= 0 {
		return "default"
	}
	return strconv.Itoa(n)
}

func (b *bencher) deleteStreams(cfg config.Config) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, name := range []string{cfg.InputStream, cfg.OutputStream, cfg.DLQStream} {
		_ = b.js.DeleteStream(ctx, name)
	}
}

// publish sends one article with a unique id (its Nats-Msg-Id, which the
// worker takes as the article id) and the publish time in a header. When
// the server is so far behind on its PubAcks that the publisher stalls
// (a loaded machine), it waits for them and publishes again, stamping the
// article with the time it was really sent.
func (b *bencher) publish(ctx context.Context, col *collector, subject, id string, it benchdata.Item) error {
	for {
		msg := &nats.Msg{Subject: subject, Data: it.Payload, Header: nats.Header{}}
		msg.Header.Set(jetstream.MsgIDHeader, id)
		now := time.Now()
		msg.Header.Set(HeaderPublishedAt, now.UTC().Format(time.RFC3339Nano))
		col.expect(id, it.Words, now)
		_, err := b.js.PublishMsgAsync(msg)
		if err == nil {
			return nil
		}
		if !errors.Is(err, jetstream.ErrTooManyStalledMsgs) {
			return fmt.Errorf("bench: publish: %w", err)
		}
		if err := b.waitPublished(ctx); err != nil {
			return err
		}
	}
}

// feed is the input subject suffix of the i-th article: the articles go
// round five wire feeds.
func feed(i int) string {
	return [...]string{"afp.fr", "reuters", "dpa", "efe", "ansa"}[i%5]
}

// HeaderPublishedAt stamps every bench input with its publish time.
const HeaderPublishedAt = "Bench-Published-At"

func (b *bencher) waitPublished(ctx context.Context) error {
	select {
	case <-b.js.PublishAsyncComplete():
		return nil
	case <-ctx.Done():
		return fmt.Errorf("bench: publishing: %w", ctx.Err())
	}
}

// publishPreloaded stops the replicas, publishes items, lets the replicas
// go on and waits for every output; the clock runs from then to the last
// output.
func (b *bencher) publishPreloaded(ctx context.Context, col *collector, reps []*replica, s runSpec, name string, items []benchdata.Item, report bool) (Run, error) {
	run := Run{Name: name, Enricher: s.enricher, Replicas: s.replicas, GOMAXPROCS: s.gomaxprocs, CPUs: s.cpus}
	ctx, cancel := context.WithTimeout(ctx, b.opts.Timeout)
	defer cancel()
	// The replicas are stopped (SIGSTOP) while the stream fills, so that
	// the clock measures consumption only, publisher excluded.
	for _, r := range reps {
		if err := r.pause(); err != nil {
			return run, err
		}
	}
	paused := true
	defer func() {
		if paused {
			for _, r := range reps {
				_ = r.resume()
			}
		}
	}()
	col.reset()
	for i, it := range items {
		subj := s.prefix + ".raw." + feed(i)
		if err := b.publish(ctx, col, subj, fmt.Sprintf("%s:%s:%d", s.prefix, name, i), it); err != nil {
			return run, err
		}
	}
	if err := b.waitPublished(ctx); err != nil {
		return run, err
	}
	if report {
		b.progress("%s: %d articles preloaded; consuming", name, len(items))
	}
	mark0, err := markCPU(reps)
	if err != nil {
		return run, err
	}
	stopProfiles := func() error { return nil }
	if report {
		if stopProfiles, err = b.startProfiles(ctx, name, reps); err != nil {
			return run, err
		}
	}
	start := time.Now()
	paused = false
	for _, r := range reps {
		if err := r.resume(); err != nil {
			_ = stopProfiles()
			return run, err
		}
	}
	// The CPU clocks stop (and the profiles end) once the streams hold
	// every result, before the collector reads them.
	var mark1 cpuMark
	profiling := true
	atStored := func() error {
		var err error
		if mark1, err = markCPU(reps); err != nil {
			return err
		}
		if profiling {
			profiling = false
			return stopProfiles()
		}
		return nil
	}
	if err := col.collect(ctx, len(items), func(n int) {
		if report {
			el := time.Since(start).Seconds()
			b.progress("%s: %d/%d outputs, %.0f articles/s", name, n, len(items), float64(n)/el)
		}
	}, atStored); err != nil {
		if profiling {
			_ = stopProfiles()
		}
		return run, fmt.Errorf("bench %s: %w", name, err)
	}
	if err := col.fill(&run, start); err != nil {
		return run, err
	}
	addCPU(&run, mark0, mark1, col.wordsOut())
	run.Published = len(items)
	run.Load = loadAvg()
	return run, nil
}

// publishAtRate publishes at a fixed rate for the configured duration
// and measures the latency of each article.
func (b *bencher) publishAtRate(ctx context.Context, col *collector, reps []*replica, s runSpec, rate float64) (Run, error) {
	name := s.name + "-rate"
	run := Run{Name: name, Enricher: s.enricher, Replicas: s.replicas, GOMAXPROCS: s.gomaxprocs, CPUs: s.cpus, Rate: rate}
	if rate <= 0 {
		return run, errors.New("bench: rate must be positive")
	}
	n := max(1, int(rate*b.opts.Duration.Seconds()))
	b.progress("%s: %d articles at %.0f articles/s", name, n, rate)
	ctx, cancel := context.WithTimeout(ctx, b.opts.Timeout+b.opts.Duration)
	defer cancel()
	col.reset()
	mark0, err := markCPU(reps)
	if err != nil {
		return run, err
	}
	start := time.Now()
	interval := time.Duration(float64(time.Second) / rate)
	for i := range n {
		if wait := time.Until(start.Add(time.Duration(i) * interval)); wait > 0 {
			select {
			case <-time.After(wait):
			case <-ctx.Done():
				return run, fmt.Errorf("bench %s: %w", name, ctx.Err())
			}
		}
		it := b.items[i%len(b.items)]
		if err := b.publish(ctx, col, s.prefix+".raw."+feed(i), fmt.Sprintf("%s:%s:%d", s.prefix, name, i), it); err != nil {
			return run, err
		}
	}
	if err := b.waitPublished(ctx); err != nil {
		return run, err
	}
	var mark1 cpuMark
	atStored := func() error {
		var err error
		mark1, err = markCPU(reps)
		return err
	}
	if err := col.collect(ctx, n, func(got int) { b.progress("%s: %d/%d outputs", name, got, n) }, atStored); err != nil {
		return run, fmt.Errorf("bench %s: %w", name, err)
	}
	if err := col.fill(&run, start); err != nil {
		return run, err
	}
	addCPU(&run, mark0, mark1, col.wordsOut())
	run.Published = n
	run.Load = loadAvg()
	return run, nil
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("bench report: %w", err)
	}
	return nil
}
