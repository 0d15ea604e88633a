package cli

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/storage"
)

var fixtureStart = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)

func ms(n int) sim.Time { return sim.Time(time.Duration(n) * time.Millisecond) }

// obsRun writes a small run database: evt-1 fans out to a function (a cold start, a failed
// attempt, a retry) and a queue; evt-2 is rejected; evt-3 is dead-lettered. With finish the
// run is completed with a summary; without, it is left incomplete.
func obsRun(t *testing.T, dir, name string, finish bool) string {
	t.Helper()
	path := filepath.Join(dir, name)
	st, err := storage.Create(path, storage.Meta{Scenario: "fixture", Seed: 42, Started: fixtureStart,
		Horizon: time.Minute, Catalog: storage.CatalogPath(dir)})
	if err != nil {
		t.Fatal(err)
	}
	s := st.Sink()
	s.Received(obs.Received{Event: 1, At: ms(1000), ID: "evt-1", Bus: "orders", Source: "shop", Type: "order.created",
		Subject: "orders/1", Size: 321, Accepted: true, Data: []byte(`{"id":1}`), SpecVersion: "1.0"})
	s.RuleEvaluated(obs.RuleEvaluated{Event: 1, At: ms(1000), Bus: "orders", Rule: "orders-all", Matched: true})
	s.RuleEvaluated(obs.RuleEvaluated{Event: 1, At: ms(1000), Bus: "orders", Rule: "audit", Matched: false})
	s.Transformed(obs.Transformed{Event: 1, At: ms(1000), Rule: "orders-all", Target: "fn", PayloadSize: 300})
	s.Transformed(obs.Transformed{Event: 1, At: ms(1000), Rule: "orders-all", Target: "mns", PayloadSize: 120})
	s.Attempt(obs.Attempt{Event: 1, Rule: "orders-all", Target: "mns", Number: 1, Scheduled: ms(1000), Start: ms(1000), End: ms(1004)})
	s.Delivered(obs.Delivered{Event: 1, At: ms(1004), Created: ms(1000), Rule: "orders-all", Target: "mns", Attempts: 1})
	s.Attempt(obs.Attempt{Event: 1, Rule: "orders-all", Target: "fn", Number: 1, Scheduled: ms(1000), Start: ms(1000),
		End: ms(1400), Outcome: obs.OutcomeError, Error: "ValueError: bad total"})
	s.Invocation(obs.Invocation{Event: 1, Rule: "orders-all", Target: "fn", Attempt: 1, Service: "shop", Function: "bill",
		Instance: 1, Cold: true, Enqueued: ms(1000), QueueWait: 20 * time.Millisecond, ColdStart: 150 * time.Millisecond,
		Init: 30 * time.Millisecond, Start: ms(1200), End: ms(1400), Billed: 230 * time.Millisecond, MemoryMB: 512,
		VCPU: 0.35, CostUSD: 0.0000019, Outcome: obs.OutcomeError, ErrorKind: "handler",
		Stack: "Traceback (most recent call last):\n  File \"index.py\", line 9, in handler\nValueError: bad total"})
	s.RetryScheduled(obs.RetryScheduled{Event: 1, At: ms(1400), Next: ms(2400), Rule: "orders-all", Target: "fn", Attempt: 2, Why: "ValueError: bad total"})
	s.Attempt(obs.Attempt{Event: 1, Rule: "orders-all", Target: "fn", Number: 2, Scheduled: ms(2400), Start: ms(2400), End: ms(2500)})
	s.Invocation(obs.Invocation{Event: 1, Rule: "orders-all", Target: "fn", Attempt: 2, Service: "shop", Function: "bill",
		Instance: 1, Enqueued: ms(2400), Start: ms(2400), End: ms(2500), Billed: 100 * time.Millisecond, MemoryMB: 512,
		VCPU: 0.35, CostUSD: 0.0000008})
	s.Delivered(obs.Delivered{Event: 1, At: ms(2500), Created: ms(1000), Rule: "orders-all", Target: "fn", Attempts: 2})
	s.FanoutComplete(obs.FanoutComplete{Event: 1, Received: ms(1000), At: ms(2500), Targets: 2, Succeeded: 2})
	s.Received(obs.Received{Event: 2, At: ms(1500), ID: "evt-2", Bus: "orders", Source: "shop", Type: "order.created",
		Size: 300000, Reason: "too_large"})
	s.Received(obs.Received{Event: 3, At: ms(2000), ID: "evt-3", Bus: "orders", Source: "shop", Type: "order.paid", Size: 200, Accepted: true})
	s.RuleEvaluated(obs.RuleEvaluated{Event: 3, At: ms(2000), Bus: "orders", Rule: "orders-all", Matched: true})
	s.Transformed(obs.Transformed{Event: 3, At: ms(2000), Rule: "orders-all", Target: "mns", PayloadSize: 90})
	s.Attempt(obs.Attempt{Event: 3, Rule: "orders-all", Target: "mns", Number: 1, Scheduled: ms(2000), Start: ms(2000),
		End: ms(2010), Outcome: obs.OutcomeError, Error: "queue full"})
	s.DeadLettered(obs.DeadLettered{Event: 3, At: ms(2010), Created: ms(2000), Rule: "orders-all", Target: "mns", Queue: "dlq",
		Reason: "retries_exhausted", Attempts: 1, LastError: "queue full"})
	s.FanoutComplete(obs.FanoutComplete{Event: 3, Received: ms(2000), At: ms(2010), Targets: 1})
	if finish {
		err = st.Finish([]byte(`{"scenario":"fixture","seed":42,"sim_seconds":60,"events":{"accepted":2,"rejected":1}}`))
	} else {
		err = st.Flush()
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }
