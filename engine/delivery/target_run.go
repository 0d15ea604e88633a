package delivery

import (
	"fmt"

	"github.com/fanout/fanout/engine/sim"
)

// Scheduled action kinds, packed with the slot index and generation into the sim arg (the
// Invoker tag is the same packing without a kind).
const (
	actStart  = 1 // start the next attempt (a retry, a throttle retry, a duplicate)
	actExpire = 2 // the delivery reached its age deadline
)

func pack(kind int, i int32, gen uint32) uint64 {
	return uint64(kind) | uint64(i)<<2 | uint64(gen)<<32
}

func unpack(arg uint64) (kind int, i int32, gen uint32) {
	return int(arg & 3), int32(arg >> 2 & (1<<30 - 1)), uint32(arg >> 32)
}

// handler is the Target seen as a sim.Handler; completer as a Completer. Both keep Fire and
// Complete out of Target's API.
type (
	handler   Target
	completer Target
)

// Fire runs a scheduled action of the target.
func (h *handler) Fire(arg uint64) {
	t := (*Target)(h)
	kind, i, gen := unpack(arg)
	if int(i) >= len(t.slots) || t.slots[i].gen != gen || t.slots[i].state == stFree {
		return // stale: cannot happen unless a slot was released with an action pending
	}
	switch kind {
	case actStart:
		t.start(i)
	case actExpire:
		t.tooOld(i)
	}
}

// Complete receives the result of a Pending attempt.
func (c *completer) Complete(tag uint64, r Result) {
	t := (*Target)(c)
	_, i, gen := unpack(tag)
	if int(i) >= len(t.slots) || t.slots[i].gen != gen || t.slots[i].state != stAttempt {
		why := "names no attempt in progress"
		if int(i) < len(t.slots) && t.slots[i].state == stInvoking {
			why = "called from inside Invoke: return the result instead"
		}
		panic(fmt.Sprintf("delivery: target %s/%s: Complete(%#x) %s", t.rule, t.name, tag, why))
	}
	if r.Status == Pending {
		panic(fmt.Sprintf("delivery: target %s/%s: Complete(%#x) with status pending", t.rule, t.name, tag))
	}
	t.finish(i, r)
}

func (t *Target) schedule(at sim.Time, kind int, i int32) {
	t.sched.Schedule(at, (*handler)(t), pack(kind, i, t.slots[i].gen))
}

func (t *Target) deadline(s *slot) sim.Time { return t.retrier.Deadline(s.msg.Created) }

// start makes the next attempt of delivery i, unless it is too old.
func (t *Target) start(i int32) {
	s := &t.slots[i]
	now := t.sched.Now()
	if now >= t.deadline(s) {
		t.tooOld(i)
		return
	}
	s.msg.Attempt = int(s.failures) + 1
	s.state = stAttempt
	if t.dedup != nil && t.dedup.Seen(s.msg.ID()) {
		s.absorbed = true
		t.dedup.absorbed++
		t.counts.DuplicatesAbsorbed++
		t.began(s, now)
		t.obs.Observe(Record{Kind: KindDuplicateAbsorbed, At: now, Msg: &s.msg})
		t.finish(i, Result{Status: OK})
		return
	}
	s.state = stInvoking
	r := t.inv.Invoke(pack(0, i, s.gen), &s.msg, (*completer)(t))
	s = &t.slots[i] // Invoke may have grown the slab
	s.state = stAttempt
	if r.Status == Throttled {
		t.throttled(i)
		return
	}
	t.began(s, now)
	if r.Status != Pending {
		t.finish(i, r)
	}
}

// began accounts for an accepted attempt.
func (t *Target) began(s *slot, now sim.Time) {
	s.throttles = 0
	if s.failures == 0 {
		s.first = now
	}
	s.last = now
	if !s.msg.Duplicate {
		t.counts.Attempts++
	}
	if t.obsStarts {
		t.obs.Observe(Record{Kind: KindAttemptStarted, At: now, Msg: &s.msg})
	}
}

// finish handles the end of an attempt.
func (t *Target) finish(i int32, r Result) {
	s := &t.slots[i]
	now := t.sched.Now()
	t.obs.Observe(Record{Kind: KindAttemptEnded, At: now, Msg: &s.msg, Status: r.Status, Err: r.Err, Started: s.last})
	switch r.Status {
	case OK:
		t.end(i, Delivered, ReasonNone, "")
	case Throttled: // reported late by the Invoker: undo the attempt
		if !s.msg.Duplicate {
			t.counts.Attempts--
		}
		t.throttled(i)
	case Rejected:
		s.failures++
		s.lastErr = r.Err
		t.giveUp(i, ReasonDiscarded)
	default:
		s.failures++
		s.lastErr = r.Err
		switch {
		case s.msg.Duplicate: // a redelivery is not retried
			t.end(i, Discarded, ReasonNone, r.Err)
		case s.blocker:
			t.decide(i, t.retrier.Blocked(int(s.failures), s.msg.Created, now, t.rng))
		default:
			t.decide(i, t.retrier.Next(int(s.failures), s.msg.Created, now, t.rng))
		}
	}
}

// throttled handles an invocation refused for lack of capacity.
func (t *Target) throttled(i int32) {
	s := &t.slots[i]
	s.throttles++
	t.counts.Throttled++
	d := t.throttle.Next(int(s.throttles), s.msg.Created, t.sched.Now(), t.deadline(s))
	t.obs.Observe(Record{Kind: KindThrottled, At: t.sched.Now(), Msg: &s.msg, Next: d.At})
	if d.Retry() {
		s.state = stWait
		t.schedule(d.At, actStart, i)
		return
	}
	t.decide(i, d)
}

// decide carries out a retry decision.
func (t *Target) decide(i int32, d Decision) {
	s := &t.slots[i]
	now := t.sched.Now()
	switch {
	case d.Retry():
		s.state = stWait
		t.counts.Retried++
		t.obs.Observe(Record{Kind: KindRetryScheduled, At: now, Msg: &s.msg, Next: d.At})
		t.schedule(d.At, actStart, i)
	case d.Reason == ReasonEventTooOld && d.At > now:
		s.state = stExpiring
		t.schedule(d.At, actExpire, i)
	default:
		t.giveUp(i, d.Reason)
	}
}

// giveUp ends delivery i's retries: by the tolerance, the dead-letter queue, or expiry.
func (t *Target) giveUp(i int32, reason Reason) {
	s := &t.slots[i]
	switch {
	case s.msg.Duplicate:
		t.end(i, Discarded, reason, s.lastErr)
	case reason == ReasonEventTooOld:
		t.tooOld(i)
	case t.none:
		t.block(i)
	case t.dlq != nil:
		t.deadLetter(i, reason)
	default:
		t.end(i, Discarded, reason, s.lastErr)
	}
}

// tooOld ends a delivery that reached its maximum age: dead letter if configured, else expired.
func (t *Target) tooOld(i int32) {
	if t.dlq != nil && !t.slots[i].msg.Duplicate {
		t.deadLetter(i, ReasonEventTooOld)
		return
	}
	t.end(i, Expired, ReasonEventTooOld, "")
}
