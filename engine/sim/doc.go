// Package sim is Fanout's discrete-event kernel: a virtual clock, a scheduler
// ordered by (time, rising sequence number), seeded named random streams and
// the distributions that scenario files declare.
//
// The kernel is clock-free and single-threaded: it never reads the wall clock,
// never sleeps and starts no goroutines. A caller that wants to watch a run at
// N× wall-clock speed advances the virtual clock in slices with
// RunUntil(now + slice) between its own timer ticks (paced mode); a headless
// run calls Run. Both give identical results for the same seed.
package sim
