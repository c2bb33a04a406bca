//go:build race

package ner

// raceEnabled tells tests that the race detector slows them down.
const raceEnabled = true
