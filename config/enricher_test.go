package config

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestEnricherVariable(t *testing.T) {
	for _, tc := range []struct {
		value, want string
		ok          bool
	}{
		{"", EnricherFull, true},
		{"full", EnricherFull, true},
		{"passthrough", EnricherPassthrough, true},
		{"fast", "", false},
	} {
		t.Run(tc.value, func(t *testing.T) {
			clearEnv(t)
			if tc.value != "" {
				t.Setenv("WIRENRICH_ENRICHER", tc.value)
			}
			c, err := Load()
			if !tc.ok {
				require.ErrorIs(t, err, ErrInvalid)
				require.ErrorContains(t, err, "WIRENRICH_ENRICHER")
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, c.Enricher)
		})
	}
}
