package world

import (
	"testing"
	"time"
)

const fnScenario = `
buses: [{name: b}]
queues: [{name: on-failure, type: mns}, {name: target-dlq, type: mns}, {name: done, type: mns}]
services:
  - name: s
    functions:
      - name: broken
        runtime: go1
        handler: {io: 100ms, failure_rate: 1}
        async: {max_retries: 2, on_failure: on-failure}
      - name: slow
        runtime: go1
        max_instances: 1
        timeout: 60s
        handler: {io: 5s, variability: 0}
        async: {on_success: done}
rules:
  - name: r
    bus: b
    pattern: {source: [t]}
    targets:
      - {id: async, type: function, function: s/broken, dead_letter: {queue: target-dlq}}
      - {id: sync, type: function, function: s/broken, invocation: sync, dead_letter: {queue: target-dlq}}
      - {id: throttled, type: function, function: slow}
`

// Async function targets follow FC's retries into the on-failure destination; sync ones the
// push retry policy into the target's dead-letter queue; throttled invocations wait, unbilled.
func TestFunctionTargets(t *testing.T) {
	w := newWorld(t, config(t, fnScenario, time.Hour))
	put(t, w, "b", ev("e1", "t", `{}`), ev("e2", "t", `{}`), ev("e3", "t", `{}`))
	w.Run()
	s := w.Summary()
	mustConserve(t, s)
	async, sync, thr := s.Targets["r/async"], s.Targets["r/sync"], s.Targets["r/throttled"]
	if async.Attempts != 9 || async.DeadLettered != 3 || async.Invocation != "async" {
		t.Errorf("async: %+v; want 3 attempts per event (1 + max_retries 2), 3 dead-lettered", async)
	}
	if sync.Attempts != 12 || sync.DeadLettered != 3 {
		t.Errorf("sync: %+v; want 4 attempts per event (BACKOFF_RETRY), 3 dead-lettered", sync)
	}
	if d := s.DeadLetter["on-failure"]; d.ByReason["retries_exhausted"] != 3 {
		t.Errorf("on-failure destination: %+v, want the 3 async events", d)
	}
	if d := s.DeadLetter["target-dlq"]; d.Messages != 3 {
		t.Errorf("target dead-letter queue: %+v, want the 3 sync events", d)
	}
	if thr.Delivered != 3 || thr.Throttled == 0 || thr.Attempts != 3 {
		t.Errorf("throttled target: %+v; want 3 delivered after throttles, 3 attempts", thr)
	}
	if q := s.Queues["done"]; q.Enqueued != 3 {
		t.Errorf("on-success destination: %+v, want the 3 delivered events", q)
	}
	f := s.Functions["s/slow"]
	if f.Invocations != 3 || uint64(f.Throttles) != thr.Throttled || f.MaxInstances != 1 {
		t.Errorf("slow function: %+v", f)
	}
	if f.LatencyE2E.Max < 15 || f.LatencyExec.Max > 5.001 {
		t.Errorf("slow: e2e max %v (want ≥ 15 s: the third waits for two), exec max %v", f.LatencyE2E.Max, f.LatencyExec.Max)
	}
	if b := s.Functions["s/broken"]; b.Errors["handler"] != 21 {
		t.Errorf("broken: errors %v, want 21 handler errors (9 async + 12 sync)", b.Errors)
	}
}
