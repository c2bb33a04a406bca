// Package reliability holds the worker's fault-injection suite (tests only):
// a three-node cluster losing a node, a worker process killed with SIGKILL,
// a full or timing-out output stream, thousands of poison inputs, a soak
// with a server restart, and the security basics. Each fault test logs a
// FIGURES line (inputs sent, faults injected, outputs, dead letters, lost,
// duplicates) — the figures of the README's Guarantees section.
//
// Long variants: WIRENRICH_SOAK=10m runs the soak for ten minutes (20s by
// default); WIRENRICH_POISON_FULL=1 adds the slowest adversarial inputs;
// WIRENRICH_POISON_SEED=n replays the poison run that logged seed n.
package reliability
