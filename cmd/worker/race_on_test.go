//go:build race

package main

// raceEnabled tells tests that replicas started from the test binary are
// race-instrumented (slow).
const raceEnabled = true
