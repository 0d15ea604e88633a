package storage

import (
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
)

// synth emits the records of a synthetic run of n events into sink: two buses, three rules
// each, function and queue targets, failures with retries, cold starts, dead letters,
// discards, expiries, rejections and a tail of events still in flight. The same seed gives the
// same records. It averages about eight records per event.
func synth(sink obs.Sink, n int, seed uint64) { synthFrom(sink, 0, n, seed) }

// synthFrom emits events first+1 … first+n; the last 1 % are still in flight.
func synthFrom(sink obs.Sink, first, n int, seed uint64) {
	g := &gen{sink: sink, rng: rand.New(rand.NewPCG(seed, 7)), data: []byte(`{"order":{"id":42,"total":99.5}}`)}
	for i := first; i < first+n; i++ {
		g.event(obs.EventRef(i+1), sim.Time(i)*sim.Time(time.Millisecond), i >= first+n-n/100)
	}
}

type gen struct {
	sink obs.Sink
	rng  *rand.Rand
	data []byte
	inst uint64
}

var (
	synthBuses   = [...]string{"orders", "default"}
	synthSources = [...][2]string{{"shop.web", "shop.app"}, {"acs.oss", "acs.rds"}}
	synthTypes   = [...]string{"order.created", "order.paid", "oss:ObjectCreated", "rds:Backup"}
	synthRules   = [...][3]string{{"orders-all", "orders-paid", "orders-audit"}, {"oss-thumbs", "rds-alerts", "default-log"}}
)

func (g *gen) event(ref obs.EventRef, at sim.Time, inFlight bool) {
	b := int(ref) % 5 / 4 // 1 in 5 on the default bus
	id := "evt-" + strconv.FormatUint(uint64(ref)*7919%1000003, 36) + "-" + strconv.FormatUint(uint64(ref), 10)
	r := obs.Received{Event: ref, At: at, ID: id, Bus: synthBuses[b], Source: synthSources[b][g.rng.IntN(2)],
		Type: synthTypes[2*b+g.rng.IntN(2)], Subject: "sub/" + strconv.Itoa(int(ref)%97), Size: int32(200 + g.rng.IntN(800)),
		Accepted: true, Data: g.data, Time: "2026-01-01T00:00:00Z", SpecVersion: "1.0", ContentType: "application/json"}
	if g.rng.IntN(50) == 0 {
		r.Accepted, r.Reason, r.Data = false, "too_large", nil
		g.sink.Received(r)
		return
	}
	g.sink.Received(r)
	var targets, ok int32
	end := at
	for k, rule := range synthRules[b] {
		matched := k == 0 && g.rng.IntN(10) > 0 || k > 0 && g.rng.IntN(3) == 0
		g.sink.RuleEvaluated(obs.RuleEvaluated{Event: ref, At: at, Bus: r.Bus, Rule: rule, Matched: matched})
		if !matched {
			continue
		}
		for t, target := range []string{"fn", "mns"}[:1+k%2] {
			targets++
			final, done := g.delivery(ref, at, rule, target, t == 0, inFlight)
			end = max(end, done)
			if final {
				ok++
			}
		}
	}
	if inFlight && targets > 0 {
		return
	}
	g.sink.FanoutComplete(obs.FanoutComplete{Event: ref, Received: at, At: end, Targets: targets, Succeeded: ok})
}

// delivery emits one target's transform, attempts, invocations and final record; it returns
// whether it was delivered and when it ended.
func (g *gen) delivery(ref obs.EventRef, at sim.Time, rule, target string, fn, inFlight bool) (bool, sim.Time) {
	t := at + sim.Time(100*time.Microsecond)
	t0 := t
	g.sink.Transformed(obs.Transformed{Event: ref, At: t, Rule: rule, Target: target, PayloadSize: int32(100 + g.rng.IntN(300))})
	if !inFlight && g.rng.IntN(40) == 0 { // too old before the first attempt
		g.sink.Expired(obs.Expired{Event: ref, At: t, Created: t0, Rule: rule, Target: target})
		return false, t
	}
	fails := 0
	if g.rng.IntN(8) == 0 {
		fails = 1 + g.rng.IntN(4) // 4 means every attempt fails
	}
	for n := int32(1); n <= 4; n++ {
		start := t + sim.Time(g.rng.IntN(2000))*sim.Time(time.Microsecond)
		exec := sim.Time(5+g.rng.IntN(80)) * sim.Time(time.Millisecond)
		a := obs.Attempt{Event: ref, Rule: rule, Target: target, Number: n, Scheduled: t, Start: start, End: start + exec}
		if int(n) <= fails {
			a.Outcome, a.Error = obs.OutcomeError, "HandledError: boom "+strconv.Itoa(int(n))
		}
		g.sink.Attempt(a)
		if fn {
			g.invocation(a)
		}
		t = a.End
		if a.Outcome == obs.OutcomeOK {
			if inFlight {
				return false, t
			}
			g.sink.Delivered(obs.Delivered{Event: ref, At: t, Created: t0, Rule: rule, Target: target, Attempts: n})
			return true, t
		}
		if n < 4 {
			next := t + sim.Time(10+g.rng.IntN(10))*sim.Time(time.Second)
			g.sink.RetryScheduled(obs.RetryScheduled{Event: ref, At: t, Next: next, Rule: rule, Target: target, Attempt: n + 1, Why: a.Error})
			t = next
		}
	}
	if inFlight {
		return false, t
	}
	switch ref % 3 {
	case 0:
		g.sink.DeadLettered(obs.DeadLettered{Event: ref, At: t, Created: t0, Rule: rule, Target: target, Queue: "dlq-" + rule,
			Reason: "retries_exhausted", Attempts: 4, LastError: "HandledError: boom 4"})
	case 1:
		g.sink.Discarded(obs.Discarded{Event: ref, At: t, Created: t0, Rule: rule, Target: target, Reason: "retries_exhausted", Attempts: 4})
	default:
		g.sink.Expired(obs.Expired{Event: ref, At: t, Created: t0, Rule: rule, Target: target, Attempts: 4, LastError: "HandledError: boom 4"})
		g.sink.QueueDepth(obs.QueueDepth{At: t, Queue: "async-fn", Depth: int64(ref % 17)})
	}
	return false, t
}

func (g *gen) invocation(a obs.Attempt) {
	cold := g.rng.IntN(20) == 0
	inv := obs.Invocation{Event: a.Event, Rule: a.Rule, Target: a.Target, Attempt: a.Number, Service: "svc",
		Function: "fn-" + a.Rule, Instance: 1 + uint64(g.rng.IntN(8)), Cold: cold, Enqueued: a.Scheduled,
		QueueWait: a.Start.Sub(a.Scheduled), Start: a.Start, End: a.End, Billed: a.End.Sub(a.Start).Round(time.Millisecond),
		MemoryMB: 512, VCPU: 0.35, CostUSD: 0.0000002 * float64(1+g.rng.IntN(5))}
	if cold {
		g.inst++
		inv.ColdStart, inv.Init = 150*time.Millisecond, 20*time.Millisecond
		inv.Start = inv.Enqueued + sim.Time(inv.QueueWait+inv.ColdStart+inv.Init)
		inv.End = inv.Start + (a.End - a.Start)
		g.sink.Instance(obs.Instance{At: a.Scheduled, Service: "svc", Function: inv.Function, Instance: g.inst,
			From: obs.InstanceNone, To: obs.InstanceStarting})
	}
	if a.Outcome != obs.OutcomeOK {
		inv.Outcome, inv.ErrorKind = obs.OutcomeError, "handler"
		inv.Stack = "Traceback (most recent call last):\n  File \"index.py\", line 12, in handler\nHandledError: boom"
	}
	g.sink.Invocation(inv)
}
