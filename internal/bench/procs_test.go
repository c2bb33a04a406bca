package bench

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestProcsPerReplica(t *testing.T) {
	tests := []struct {
		cpus, replicas, want int
	}{
		{cpus: 2, replicas: 2, want: 1},
		{cpus: 2, replicas: 1, want: 2},
		{cpus: 8, replicas: 2, want: 4},
		{cpus: 8, replicas: 3, want: 2},
		{cpus: 2, replicas: 4, want: 1},
		{cpus: 4, replicas: 0, want: 4},
	}
	for _, tc := range tests {
		require.Equal(t, tc.want, procsPerReplica(tc.cpus, tc.replicas), "%d CPUs, %d replicas", tc.cpus, tc.replicas)
	}
}
