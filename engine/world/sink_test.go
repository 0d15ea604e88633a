package world

import (
	"bytes"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/obs"
)

// countSink counts records by kind.
type countSink struct {
	obs.Discard
	received, evaluated, transformed, attempts, invocations, delivered, dead, fanout uint64
	unknownRefs                                                                      uint64
}

func (c *countSink) Received(obs.Received)           { c.received++ }
func (c *countSink) RuleEvaluated(obs.RuleEvaluated) { c.evaluated++ }
func (c *countSink) Transformed(obs.Transformed)     { c.transformed++ }
func (c *countSink) Attempt(obs.Attempt)             { c.attempts++ }
func (c *countSink) Delivered(r obs.Delivered) {
	c.delivered++
	if r.Event == 0 {
		c.unknownRefs++
	}
}
func (c *countSink) DeadLettered(obs.DeadLettered)     { c.dead++ }
func (c *countSink) Invocation(obs.Invocation)         { c.invocations++ }
func (c *countSink) FanoutComplete(obs.FanoutComplete) { c.fanout++ }

// The records agree with the summary, and a sink changes nothing in the run.
func TestSinkRecords(t *testing.T) {
	src := `
buses: [{name: b}]
queues: [{name: dlq, type: mns}]
services:
  - name: s
    functions:
      - {name: f, runtime: nodejs18, handler: {io: 100ms, failure_rate: 0.3}, async: {max_retries: 1, on_failure: dlq}}
rules:
  - name: r
    bus: b
    pattern: {source: [{prefix: "t"}]}
    targets:
      - {id: fn, type: function, function: s/f}
      - {id: log, type: logstore, logstore: p/s}
  - name: never
    bus: b
    pattern: {source: [nothing]}
    targets: [{id: log, type: logstore, logstore: p/s}]
loads:
  - name: l
    bus: b
    arrival: {process: poisson, rate: 5}
    events: [{event: {source: t, type: t}}]
`
	cfg := config(t, src, 10*time.Minute)
	plain := newWorld(t, cfg)
	plain.Run()
	sink := &countSink{}
	cfg.Sink = sink
	w := newWorld(t, cfg)
	w.Run()
	if !bytes.Equal(summaryJSON(t, plain), summaryJSON(t, w)) {
		t.Fatal("the summary differs with a sink")
	}
	s := w.Summary()
	mustConserve(t, s)
	tg := s.Targets["r/fn"]
	lg := s.Targets["r/log"]
	switch {
	case sink.received != s.Events.Generated:
		t.Errorf("received %d, generated %d", sink.received, s.Events.Generated)
	case sink.evaluated != 2*s.Events.Accepted:
		t.Errorf("rule_evaluated %d, want 2 per accepted event (%d)", sink.evaluated, s.Events.Accepted)
	case sink.transformed != tg.Routed+lg.Routed:
		t.Errorf("transformed %d, routed %d", sink.transformed, tg.Routed+lg.Routed)
	case sink.attempts != tg.Attempts+lg.Attempts:
		t.Errorf("attempts %d, summary %d", sink.attempts, tg.Attempts+lg.Attempts)
	case sink.delivered != tg.Delivered+lg.Delivered || sink.unknownRefs != 0:
		t.Errorf("delivered records %d (%d without event), summary %d", sink.delivered, sink.unknownRefs, tg.Delivered+lg.Delivered)
	case sink.dead != tg.DeadLettered || tg.DeadLettered == 0:
		t.Errorf("dead-lettered records %d, summary %d (want > 0)", sink.dead, tg.DeadLettered)
	case sink.invocations != uint64(s.Functions["s/f"].Invocations):
		t.Errorf("invocation records %d, summary %d", sink.invocations, s.Functions["s/f"].Invocations)
	case sink.fanout != s.Events.Accepted-s.Fanout.InFlight:
		t.Errorf("fanout records %d, want one per accepted event not in flight (%d)", sink.fanout, s.Events.Accepted-s.Fanout.InFlight)
	}
}

// The in-memory store accepts the run's records and traces a dead-lettered event.
func TestMemorySink(t *testing.T) {
	src := `
buses: [{name: b}]
queues: [{name: dlq, type: mns, consumer: {function: s/diag, schedule: 1m, batch: 4, concurrency: 4}}]
services:
  - name: s
    functions:
      - {name: f, runtime: go1, handler: {io: 50ms, failure_rate: 1}, async: {max_retries: 1, on_failure: dlq}}
      - {name: diag, runtime: go1, handler: {io: 5ms}}
rules:
  - name: r
    bus: b
    pattern: {source: [t]}
    targets: [{id: fn, type: function, function: s/f}]
`
	mem := obs.NewMemory()
	cfg := config(t, src, 10*time.Minute)
	cfg.Sink = mem
	w := newWorld(t, cfg)
	put(t, w, "b", ev("doomed", "t", `{}`))
	w.Run()
	mustConserve(t, w.Summary())
	ref, err := mem.Lookup("doomed")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mem.Trace(ref); err != nil {
		t.Fatalf("trace: %v", err)
	}
	var dlq, maxDepth int64
	for _, d := range mem.Depths {
		if d.Queue == "dlq" && d.DLQ {
			dlq++
			maxDepth = max(maxDepth, d.Depth)
		}
	}
	if dlq != 2 || maxDepth != 1 {
		t.Errorf("dlq depth records %d (max depth %d), want 2 (enqueued, consumed) with depth 1", dlq, maxDepth)
	}
}
