package pipeline

import "github.com/prometheus/client_golang/prometheus"

// Metrics are the worker's Prometheus metrics, prefixed wirenrich_ and in
// base units.
type Metrics struct {
	// Messages counts settled deliveries by result: enriched,
	// dead_lettered, retried, released.
	Messages *prometheus.CounterVec
	// Failures counts failures by stage and reason.
	Failures *prometheus.CounterVec
	// DeadLetters counts dead letters stored, by stage and reason.
	DeadLetters *prometheus.CounterVec
	// Duration observes the handling time of a delivery by result.
	Duration *prometheus.HistogramVec
	// InFlight is the number of articles being processed.
	InFlight prometheus.Gauge
	// Redeliveries counts deliveries after the first.
	Redeliveries prometheus.Counter
	// ConsumerPending is the consumer lag: messages not yet delivered.
	ConsumerPending prometheus.Gauge
}

// NewMetrics creates the metrics and registers them on reg when not nil.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		Messages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wirenrich_messages_total",
			Help: "Input deliveries settled, by result (enriched, dead_lettered, retried, released).",
		}, []string{"result"}),
		Failures: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wirenrich_failures_total",
			Help: "Processing failures by stage and reason.",
		}, []string{"stage", "reason"}),
		DeadLetters: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "wirenrich_dead_letters_total",
			Help: "Dead letters stored, by stage and reason.",
		}, []string{"stage", "reason"}),
		Duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "wirenrich_processing_duration_seconds",
			Help:    "Time to handle one delivery, from receipt to settlement, by result.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"result"}),
		InFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "wirenrich_in_flight_messages",
			Help: "Articles being processed now.",
		}),
		Redeliveries: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "wirenrich_redeliveries_total",
			Help: "Deliveries of a message after its first.",
		}),
		ConsumerPending: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "wirenrich_consumer_pending_messages",
			Help: "Consumer lag: input messages not yet delivered to any replica.",
		}),
	}
	if reg != nil {
		reg.MustRegister(m.Messages, m.Failures, m.DeadLetters, m.Duration, m.InFlight, m.Redeliveries, m.ConsumerPending)
	}
	return m
}
