package world

import (
	"testing"
	"time"
)

// Tolerance NONE blocks the failing target's later deliveries; its sibling goes on.
func TestToleranceNoneBlocksOnlyItsTarget(t *testing.T) {
	src := `
buses: [{name: b}]
rules:
  - name: r
    bus: b
    pattern: {source: [t]}
    targets:
      - {id: stuck, type: http, url: http://down.example/, endpoint: {error_rate: 1}, errors_tolerance: NONE}
      - {id: free, type: notification}
`
	w := newWorld(t, config(t, src, time.Hour))
	put(t, w, "b", ev("e1", "t", `{}`))
	w.RunUntil(w.Now() + 2*60e9) // e1 has used its 3 retries (10–20 s apart) and blocks
	put(t, w, "b", ev("e2", "t", `{}`), ev("e3", "t", `{}`))
	w.Run()
	s := w.Summary()
	mustConserve(t, s)
	stuck, free := s.Targets["r/stuck"], s.Targets["r/free"]
	if stuck.Blocked != 1 || stuck.InFlight != 3 || stuck.Delivered != 0 || stuck.Attempts < 5 {
		t.Errorf("stuck: %+v; want 1 blocking delivery retried all hour, 3 in flight", stuck)
	}
	if free.Delivered != 3 || free.Latency.Max > 0.0101 {
		t.Errorf("free: %+v; want 3 delivered in 10ms each", free)
	}
	if s.Fanout.InFlight != 3 || s.Fanout.Complete != 0 {
		t.Errorf("fanout %+v: want every event still open", s.Fanout)
	}
}

// At-least-once duplicates repeat side effects unless the function's dedup store absorbs them.
func TestDuplicatesAndDedup(t *testing.T) {
	src := `
buses: [{name: b}]
services:
  - name: s
    functions: [{name: f, runtime: go1, handler: {io: 10ms}}]
rules:
  - name: r
    bus: b
    pattern: {source: [t]}
    targets:
      - {id: raw, type: function, function: f, duplicate_probability: 1}
      - {id: dedup, type: function, function: f, duplicate_probability: 1, dedup: true}
`
	w := newWorld(t, config(t, src, time.Hour))
	for i := range 4 {
		put(t, w, "b", ev(string(rune('a'+i)), "t", `{}`))
	}
	w.Run()
	s := w.Summary()
	mustConserve(t, s)
	raw, dd := s.Targets["r/raw"], s.Targets["r/dedup"]
	if raw.Delivered != 4 || raw.Duplicates != 4 || raw.DuplicateSideEffects != 4 || raw.DuplicatesAbsorbed != 0 {
		t.Errorf("raw: %+v; want 4 duplicates, each a repeated side effect", raw)
	}
	if dd.Delivered != 4 || dd.Duplicates != 4 || dd.DuplicateSideEffects != 0 || dd.DuplicatesAbsorbed != 4 {
		t.Errorf("dedup: %+v; want 4 duplicates, all absorbed", dd)
	}
	if f := s.Functions["s/f"]; f.DuplicatesAbsorbed != 4 || f.Invocations != 12 {
		t.Errorf("function: %d invocations, %d absorbed; want 12 (4+4 raw, 4 dedup) and 4", f.Invocations, f.DuplicatesAbsorbed)
	}
}
