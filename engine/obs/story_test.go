package obs

import (
	"time"

	"github.com/fanout/fanout/engine/sim"
)

func ms(n int) sim.Time { return sim.Time(time.Duration(n) * time.Millisecond) }

// emitStories sends four small events into s:
//  1. orders bus, rule a matches (target fn: cold, fails once, then delivered), rule b not;
//  2. rejected (too large);
//  3. default bus, rule c matches, its target is dead-lettered after one failed attempt;
//  4. orders bus, no rule matches, subject "big/4".
func emitStories(s Sink) {
	s.Received(Received{Event: 1, At: ms(0), ID: "e-1", Bus: "orders", Source: "shop", Type: "created", Subject: "orders/1", Size: 10, Accepted: true})
	s.RuleEvaluated(RuleEvaluated{Event: 1, At: ms(0), Bus: "orders", Rule: "a", Matched: true})
	s.RuleEvaluated(RuleEvaluated{Event: 1, At: ms(0), Bus: "orders", Rule: "b"})
	s.Transformed(Transformed{Event: 1, At: ms(1), Rule: "a", Target: "fn", PayloadSize: 9})
	s.Attempt(Attempt{Event: 1, Rule: "a", Target: "fn", Number: 1, Scheduled: ms(1), Start: ms(1), End: ms(201), Outcome: OutcomeError, Error: "boom"})
	s.Invocation(Invocation{Event: 1, Rule: "a", Target: "fn", Attempt: 1, Service: "s", Function: "f", Instance: 1, Cold: true,
		Enqueued: ms(1), QueueWait: 10 * time.Millisecond, ColdStart: 100 * time.Millisecond, Init: 40 * time.Millisecond,
		Start: ms(151), End: ms(201), Outcome: OutcomeError, ErrorKind: "handler", CostUSD: 1e-6})
	s.RetryScheduled(RetryScheduled{Event: 1, At: ms(201), Next: ms(1201), Rule: "a", Target: "fn", Attempt: 2, Why: "boom"})
	s.Attempt(Attempt{Event: 1, Rule: "a", Target: "fn", Number: 2, Scheduled: ms(1201), Start: ms(1201), End: ms(1251)})
	s.Invocation(Invocation{Event: 1, Rule: "a", Target: "fn", Attempt: 2, Service: "s", Function: "f", Instance: 1,
		Enqueued: ms(1201), Start: ms(1201), End: ms(1251), CostUSD: 5e-7})
	s.Delivered(Delivered{Event: 1, At: ms(1251), Created: ms(1), Rule: "a", Target: "fn", Attempts: 2})
	s.FanoutComplete(FanoutComplete{Event: 1, Received: ms(0), At: ms(1251), Targets: 1, Succeeded: 1})

	s.Received(Received{Event: 2, At: ms(500), ID: "e-2", Bus: "orders", Source: "shop", Type: "created", Size: 300000, Reason: "too_large"})

	s.Received(Received{Event: 3, At: ms(1500), ID: "e-3", Bus: "default", Source: "oss", Type: "put", Accepted: true})
	s.RuleEvaluated(RuleEvaluated{Event: 3, At: ms(1500), Bus: "default", Rule: "c", Matched: true})
	s.Transformed(Transformed{Event: 3, At: ms(1500), Rule: "c", Target: "q"})
	s.Attempt(Attempt{Event: 3, Rule: "c", Target: "q", Number: 1, Scheduled: ms(1500), Start: ms(1500), End: ms(1510), Outcome: OutcomeError, Error: "full"})
	s.DeadLettered(DeadLettered{Event: 3, At: ms(1510), Created: ms(1500), Rule: "c", Target: "q", Queue: "dlq", Reason: "retries_exhausted", Attempts: 1, LastError: "full"})
	s.QueueDepth(QueueDepth{At: ms(1510), Queue: "dlq", Depth: 1, DLQ: true})
	s.FanoutComplete(FanoutComplete{Event: 3, Received: ms(1500), At: ms(1510), Targets: 1})

	s.Received(Received{Event: 4, At: ms(2500), ID: "e-4", Bus: "orders", Source: "shop", Type: "paid", Subject: "big/4", Accepted: true})
	s.RuleEvaluated(RuleEvaluated{Event: 4, At: ms(2500), Bus: "orders", Rule: "a"})
	s.RuleEvaluated(RuleEvaluated{Event: 4, At: ms(2500), Bus: "orders", Rule: "b"})
	s.FanoutComplete(FanoutComplete{Event: 4, Received: ms(2500), At: ms(2500)})
}
