package pipeline_test

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/pipeline"
)

func registeredNames(t *testing.T) map[string]bool {
	t.Helper()
	reg := prometheus.NewRegistry()
	m := pipeline.NewMetrics(reg)
	// Vectors appear in Gather once they have a child.
	m.Messages.WithLabelValues(pipeline.ResultEnriched)
	m.Failures.WithLabelValues("decode", "empty")
	m.DeadLetters.WithLabelValues("decode", "empty")
	m.Duration.WithLabelValues(pipeline.ResultEnriched)
	mfs, err := reg.Gather()
	require.NoError(t, err)
	names := map[string]bool{}
	for _, mf := range mfs {
		names[mf.GetName()] = true
	}
	return names
}

func TestMetricNamesArePrefixedInBaseUnits(t *testing.T) {
	names := registeredNames(t)
	require.Len(t, names, 7)
	for n := range names {
		require.True(t, strings.HasPrefix(n, "wirenrich_"), n)
		require.False(t, strings.Contains(n, "_ms") || strings.Contains(n, "milli"), "base units: %s", n)
	}
	require.True(t, names["wirenrich_processing_duration_seconds"])
	require.True(t, names["wirenrich_messages_total"])
}

func TestDashboardQueriesExistingMetrics(t *testing.T) {
	data, err := os.ReadFile("../../deploy/grafana/dashboards/wirenrich.json")
	require.NoError(t, err)
	var dash struct {
		Panels []struct {
			Targets []struct{ Expr string } `json:"targets"`
		} `json:"panels"`
	}
	require.NoError(t, json.Unmarshal(data, &dash))
	require.NotEmpty(t, dash.Panels)
	names := registeredNames(t)
	re := regexp.MustCompile(`wirenrich_[a-z_]+`)
	seen := 0
	for _, p := range dash.Panels {
		for _, tg := range p.Targets {
			for _, n := range re.FindAllString(tg.Expr, -1) {
				n = strings.TrimSuffix(n, "_bucket")
				require.True(t, names[n], "dashboard queries unknown metric %s", n)
				seen++
			}
		}
	}
	require.Greater(t, seen, 5)
}
