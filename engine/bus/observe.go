package bus

import (
	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/obs"
)

// targetSettler is a target seen as its delivery's Settler: the delivery latency and the
// fan-out completion of the event.
type targetSettler target

func (s *targetSettler) Settled(msg *delivery.Message, st delivery.Final) {
	t := (*target)(s)
	now := t.net.sched.Now()
	if st == delivery.Delivered {
		t.latency.Add(now.Sub(msg.Created))
	}
	if rec, ok := t.net.fan.settle(msg.Ref, st, now); ok && t.net.sink != nil {
		t.net.sink.FanoutComplete(rec)
	}
}

// targetObserver is a target seen as its delivery's Observer: it counts dead letters per
// destination and reason, and turns the delivery records into obs records when there is a
// sink.
type targetObserver target

func (o *targetObserver) Observe(rec delivery.Record) {
	t := (*target)(o)
	n := t.net
	if rec.Kind == delivery.KindDeadLettered {
		n.deadLetterQueue(rec.Queue)[rec.Reason.String()]++
	}
	if n.sink != nil {
		t.emit(&rec)
	}
}

// ObservesAttemptStarted is false: Observe ignores KindAttemptStarted records (an attempt's
// obs record is written when it ends), so the delivery need not send them.
func (o *targetObserver) ObservesAttemptStarted() bool { return false }

// emit writes the obs record of one delivery record.
func (t *target) emit(rec *delivery.Record) {
	if rec.Kind == delivery.KindAttemptStarted {
		return // the attempt's record is written when it ends (rec.Started)
	}
	n, m := t.net, rec.Msg
	ref := n.fan.eventRef(m.Ref)
	rule, id, att := t.rule.name, t.spec.ID, int32(m.Attempt)
	switch rec.Kind {
	case delivery.KindAttemptEnded:
		start := rec.Started
		n.sink.Attempt(obs.Attempt{Event: ref, Rule: rule, Target: id, Number: att, Scheduled: start,
			Start: start, End: rec.At, Outcome: attemptOutcome(rec.Status, rec.Err), Error: rec.Err})
	case delivery.KindRetryScheduled:
		n.sink.RetryScheduled(obs.RetryScheduled{Event: ref, At: rec.At, Next: rec.Next, Rule: rule,
			Target: id, Attempt: att + 1, Why: rec.Err})
	case delivery.KindThrottled:
		n.sink.RetryScheduled(obs.RetryScheduled{Event: ref, At: rec.At, Next: rec.Next, Rule: rule,
			Target: id, Attempt: att, Why: "throttled"})
	case delivery.KindDelivered:
		n.sink.Delivered(obs.Delivered{Event: ref, At: rec.At, Created: m.Created, Rule: rule, Target: id, Attempts: att})
	case delivery.KindDeadLettered:
		n.sink.DeadLettered(obs.DeadLettered{Event: ref, At: rec.At, Created: m.Created, Rule: rule, Target: id,
			Queue: rec.Queue, Reason: rec.Reason.String(), Attempts: att, LastError: rec.Err})
	case delivery.KindDiscarded:
		n.sink.Discarded(obs.Discarded{Event: ref, At: rec.At, Created: m.Created, Rule: rule, Target: id,
			Reason: rec.Reason.String(), Attempts: att, LastError: rec.Err})
	case delivery.KindExpired:
		n.sink.Expired(obs.Expired{Event: ref, At: rec.At, Created: m.Created, Rule: rule, Target: id, Attempts: att})
	}
}

// invocationRecord emits the obs record of a completed invocation. Queue consumers'
// invocations carry no EventRef (0): the queue does not keep it.
func (n *Network) invocationRecord(inv *fc.Invocation, c *Call) {
	var ref obs.EventRef
	if c.Routed {
		ref = n.fan.eventRef(c.Ref)
	}
	out := obs.OutcomeOK
	switch inv.Outcome {
	case fc.ErrorHandler:
		out = obs.OutcomeError
	case fc.ErrorOOM:
		out = obs.OutcomeOOM
	case fc.ErrorTimeout:
		out = obs.OutcomeTimeout
	}
	kind := ""
	if inv.Outcome != fc.OK {
		kind = inv.Outcome.String()
	}
	n.sink.Invocation(obs.Invocation{Event: ref, Rule: c.Rule, Target: c.Target, Attempt: int32(c.Attempt),
		Service: inv.Service, Function: inv.Function, Instance: inv.Instance, Cold: inv.Cold,
		Provisioned: inv.Provisioned, Enqueued: c.Created, Start: inv.Start, End: inv.End,
		QueueWait: inv.Invoked.Sub(c.Created), ColdStart: inv.ColdStart, Init: inv.Init,
		Billed: inv.Charge.Billed, MemoryMB: int32(inv.Memory >> 20), VCPU: inv.VCPU, CostUSD: inv.Charge.USD,
		Outcome: out, ErrorKind: kind, Stack: inv.Detail})
}

// attemptOutcome maps a delivery status and error to an obs outcome.
func attemptOutcome(s delivery.Status, err string) obs.Outcome {
	switch {
	case s == delivery.OK:
		return obs.OutcomeOK
	case s == delivery.Throttled:
		return obs.OutcomeThrottled
	case err == "timeout":
		return obs.OutcomeTimeout
	case err == "oom":
		return obs.OutcomeOOM
	}
	return obs.OutcomeError
}

// deadLetterQueue returns the counters of dead-letter destination q, every reason at 0 first.
func (n *Network) deadLetterQueue(q string) map[string]uint64 {
	m := n.dead[q]
	if m == nil {
		m = map[string]uint64{}
		for _, r := range []delivery.Reason{delivery.ReasonRetriesExhausted, delivery.ReasonEventTooOld, delivery.ReasonDiscarded} {
			m[r.String()] = 0
		}
		n.dead[q] = m
	}
	return m
}
