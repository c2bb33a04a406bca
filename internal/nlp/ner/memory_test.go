package ner

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func rssMiB(t *testing.T) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc")
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
			var kb float64
			for _, c := range f[1] {
				kb = kb*10 + float64(c-'0')
			}
			return kb / 1024
		}
	}
	return 0
}

// TestLoadAllModels loads every shipped model through a Cache (the first
// load includes the shared gazetteer), checks each loads in under 2 s and
// that all fit in 400 MiB RSS, also once every tagger's word cache is
// full (the worst case of a long-running worker). Set NER_ALL=1 to run it.
func TestLoadAllModels(t *testing.T) {
	if os.Getenv("NER_ALL") == "" {
		t.Skip("set NER_ALL=1")
	}
	before := rssMiB(t)
	var keep []*Tagger
	var c Cache // as enrich does: the shared gazetteer is read once
	for _, l := range Languages() {
		start := time.Now()
		tg, err := c.Get(l)
		require.NoError(t, err)
		d := time.Since(start)
		t.Logf("%s: %s loaded in %v", l, tg.Name(), d)
		require.Less(t, d, 2*time.Second)
		keep = append(keep, tg)
	}
	after := rssMiB(t)
	debug.FreeOSMemory()
	scavenged := rssMiB(t)
	t.Logf("RSS before %.0f MiB, with %d models %.0f MiB (%.0f MiB after returning freed memory)", before, len(keep), after, scavenged)
	require.Less(t, after, 400.0)
	// fill every word cache to one word short of full (a full cache is
	// replaced by an empty one)
	words := make([]string, 0, 50)
	for _, tg := range keep {
		for i := range defaultCacheWords - 1 {
			words = append(words, fmt.Sprintf("Mot%07d", i))
			if len(words) == cap(words) || i == defaultCacheWords-2 {
				tg.TagWords(words)
				words = words[:0]
			}
		}
		require.Equal(t, defaultCacheWords-1, tg.cache.Load().n)
	}
	full := rssMiB(t)
	t.Logf("RSS with %d full word caches of %d words: %.0f MiB", len(keep), defaultCacheWords-1, full)
	require.Less(t, full, 400.0)
	runtime.KeepAlive(keep)
}
