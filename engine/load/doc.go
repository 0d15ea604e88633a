// Package load generates synthetic event loads: an arrival process (constant, Poisson, on/off
// bursts, diurnal, linear ramp, or the replay of a recorded trace) feeding a bus with events
// drawn from templates, each a catalog system event (engine/event) or a custom CloudEvent whose
// fields come from generators (constants, weighted choice, distributions, sequences, seeded
// UUIDs and expr expressions).
//
// A scenario file holds a list of Spec values (YAML; Validate reports problems at field paths
// relative to the spec). Build compiles a Spec into a *Load against an Env (random streams,
// wall-clock start, horizon and a file reader for replays: the package does no I/O). Start
// schedules the load on a sim.Scheduler one arrival at a time; Sample generates events without
// a scheduler for previews.
//
// Determinism: every random draw comes from a stream named after the load
// ("load/<name>/arrivals", "load/<name>/choice", "load/<name>/ids", one per generator), so the
// same seed gives byte-identical events and changing one load never changes another's.
// Generation errors (an expression failing on some input) are counted in Stats and passed to
// Env.OnError; the arrival's event is then not published.
package load
