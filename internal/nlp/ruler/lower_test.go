package ruler

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAppendLower checks that appendLower is strings.ToLower, ASCII or not.
func TestAppendLower(t *testing.T) {
	for _, w := range []string{"", "Paris", "NATO", "already lower", "É", "Élysée", "İstanbul", "ÀB-c'D", "x1Y2"} {
		var buf [4]byte
		require.Equal(t, strings.ToLower(w), string(appendLower(buf[:0], w)), w)
	}
}
