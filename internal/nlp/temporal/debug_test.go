package temporal

import (
	"os"
	"testing"
	"time"
)

// TestDebugPrint prints the expressions of $TEMPORAL_TEXT (or a file
// named by $TEMPORAL_FILE) in $TEMPORAL_LANG; a development aid.
func TestDebugPrint(t *testing.T) {
	s := os.Getenv("TEMPORAL_TEXT")
	if f := os.Getenv("TEMPORAL_FILE"); f != "" {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s = string(b)
	}
	if s == "" {
		t.Skip("TEMPORAL_TEXT not set")
	}
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range x.Extract(s, os.Getenv("TEMPORAL_LANG"), time.Date(2024, 6, 19, 8, 0, 0, 0, time.UTC)) {
		t.Logf("%-8s %-30q %q [%d,%d)", e.Type, e.Text, e.Value, e.Start, e.End)
	}
}
