package relate_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wirenrich/wirenrich/internal/nlp/relate"
)

var (
	relaterOnce sync.Once
	relater     *relate.Relater
	relaterErr  error
)

func testRelater(t testing.TB) *relate.Relater {
	t.Helper()
	relaterOnce.Do(func() { relater, relaterErr = relate.Load() })
	require.NoError(t, relaterErr)
	return relater
}
