package delivery

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/sim"
)

// TargetConfig configures one target's delivery machinery. Zero values take the defaults
// named on each field.
type TargetConfig struct {
	// Rule and Name name the delivery in records and dead letters ("rule" and the target id).
	Rule, Name string
	// Invoker makes the attempts. Required.
	Invoker Invoker
	// Policy is the retry schedule. Default: BACKOFF_RETRY (DefaultBackoff).
	Policy Policy
	// MaxAge is the maximum event age measured from the start of the delivery (Function
	// Compute async: see MaxEventAgeOrDefault); 0 means none (push retry policies).
	MaxAge time.Duration
	// Tolerance is ALL (default) or NONE (facts sheet §4.2).
	Tolerance string
	// DeadLetter receives given-up events (reasons retries_exhausted, event_too_old,
	// discarded); nil means none: under ALL the event is discarded (and recorded), an event
	// reaching its maximum age expires.
	DeadLetter DeadLetterSink
	// OnSuccess receives a copy of each delivered message (Function Compute's on-success
	// destination, facts sheet §6.2); nil means none. A refusal (too large) is recorded by the
	// queue and does not change the delivery's state.
	OnSuccess Enqueuer
	// Throttle is the backoff of refused invocations. Nil means DefaultThrottle().
	Throttle *Throttle
	// DuplicateProbability is the chance, 0–1, that a delivered message is delivered once
	// more (at-least-once queues). Default 0.
	DuplicateProbability float64
	// Dedup is the handler-side dedup store keyed on the CloudEvents id; nil means off. Share
	// one store among the targets of one function.
	Dedup *DedupStore
	// Observer receives the records. Default NopObserver.
	Observer Observer
	// Rand is the target's own seeded stream (sim.Streams.Stream("delivery/rule/target")):
	// backoff draws and duplicate draws. Required.
	Rand *rand.Rand
	// Settler, when set, is told each delivery's final state.
	Settler Settler
}

// Target delivers messages to one target, each message its own delivery with its own retry
// state, and accounts for every one of them. It runs on the scheduler and is not safe for
// concurrent use. The zero Target is not usable: call NewTarget.
type Target struct {
	rule, name string
	sched      *sim.Scheduler
	inv        Invoker
	retrier    Retrier
	throttle   Throttle
	none       bool
	dlq        DeadLetterSink
	onSuccess  Enqueuer
	dupP       float64
	dedup      *DedupStore
	obs        Observer
	obsStarts  bool // obs wants the KindAttemptStarted records (see StartsObserver)
	rng        *rand.Rand
	settler    Settler

	slots []slot // deliveries in flight, indexed by the sim arg and the Invoker tag
	free  []int32
	live  int // primary deliveries in flight
	dups  int // duplicate deliveries in flight

	blockers           int   // tolerance NONE: deliveries blocking the target
	heldHead, heldTail int32 // deliveries waiting behind the block, in arrival order
	draining           bool
	counts             TargetCounts
}

// slot is one delivery in flight.
type slot struct {
	msg       Message
	gen       uint32
	state     uint8
	blocker   bool  // tolerance NONE: exhausted its retries; the target waits for it
	absorbed  bool  // the dedup store absorbed it
	failures  int32 // failed attempts
	throttles int32 // consecutive throttles
	first     sim.Time
	last      sim.Time
	lastErr   string
	next      int32 // held list link
}

// Slot states.
const (
	stFree     = iota
	stHeld     // waiting behind a blocking delivery (tolerance NONE)
	stInvoking // inside Invoker.Invoke
	stAttempt  // an attempt is in progress
	stWait     // waiting for a retry or a throttle retry
	stExpiring // waiting for its age deadline, then expires
)

// NewTarget checks cfg, applies the defaults and returns the target.
func NewTarget(s *sim.Scheduler, cfg TargetConfig) (*Target, error) {
	var errs []error
	if s == nil {
		errs = append(errs, errors.New("scheduler is nil"))
	}
	if cfg.Invoker == nil {
		errs = append(errs, errors.New("invoker is required"))
	}
	if cfg.Rand == nil {
		errs = append(errs, errors.New("rand is required: pass the target's seeded stream"))
	}
	if err := ValidateTolerance(cfg.Tolerance); err != nil {
		errs = append(errs, err)
	}
	if p := cfg.DuplicateProbability; !(p >= 0 && p <= 1) {
		errs = append(errs, fmt.Errorf("duplicate probability must be between 0 and 1, got %v", p))
	}
	if th := cfg.Throttle; th != nil && (th.Base <= 0 || th.Cap < th.Base || th.Limit < 0) {
		errs = append(errs, fmt.Errorf("throttle needs 0 < base <= cap and limit >= 0, got base %v, cap %v, limit %v",
			th.Base, th.Cap, th.Limit))
	}
	if cfg.MaxAge < 0 {
		errs = append(errs, fmt.Errorf("max age must not be negative, got %v", cfg.MaxAge))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("target %s/%s: %w", cfg.Rule, cfg.Name, err)
	}
	t := &Target{rule: cfg.Rule, name: cfg.Name, sched: s, inv: cfg.Invoker,
		retrier: Retrier{Policy: cfg.Policy, MaxAge: cfg.MaxAge}, throttle: DefaultThrottle(),
		none: cfg.Tolerance == ToleranceNone, dlq: cfg.DeadLetter, onSuccess: cfg.OnSuccess, dupP: cfg.DuplicateProbability,
		dedup: cfg.Dedup, obs: cfg.Observer, rng: cfg.Rand, settler: cfg.Settler,
		heldHead: -1, heldTail: -1}
	if t.retrier.Policy == nil {
		t.retrier.Policy = DefaultBackoff()
	}
	if cfg.Throttle != nil {
		t.throttle = *cfg.Throttle
	}
	if t.obs == nil {
		t.obs = NopObserver{}
	}
	t.obsStarts = true
	if so, ok := t.obs.(StartsObserver); ok {
		t.obsStarts = so.ObservesAttemptStarted()
	}
	return t, nil
}

// Rule returns the rule name; Name the target's.
func (t *Target) Rule() string { return t.rule }

// Name returns the target's name.
func (t *Target) Name() string { return t.name }

// Policy returns the retry policy in use.
func (t *Target) Policy() Policy { return t.retrier.Policy }

// Blocked reports whether the target is blocked (tolerance NONE) behind a failing event.
func (t *Target) Blocked() bool { return t.blockers > 0 }

// Deliver begins the delivery of m to the target at the scheduler's current time. The Target
// sets m's Rule, Target, Created and Attempt; the caller sets Event, Payload and Ref. Unless
// the target is blocked (tolerance NONE), the first attempt starts at once.
func (t *Target) Deliver(m Message) {
	t.counts.Deliveries++
	i := t.alloc(false)
	t.fill(i, &m, false)
	if t.blockers > 0 {
		t.hold(i)
		return
	}
	t.start(i)
}

// DeliverEvent is Deliver(Message{Event: e, Payload: payload, Ref: ref}), without copying the
// Message through the call: the routing hot path.
func (t *Target) DeliverEvent(e *event.Event, payload []byte, ref uint64) {
	t.counts.Deliveries++
	i := t.alloc(false)
	now := t.sched.Now()
	s := &t.slots[i]
	// A free slot holds the zero Message (release clears it): set only what differs from zero.
	m := &s.msg
	m.Event, m.Payload, m.Ref, m.Rule, m.Target, m.Created = e, payload, ref, t.rule, t.name, now
	s.blocker, s.absorbed, s.failures, s.throttles, s.lastErr = false, false, 0, 0, ""
	s.first, s.last, s.next = now, now, -1
	if t.blockers > 0 {
		t.hold(i)
		return
	}
	t.start(i)
}

// fill stores *m in slot i as a new delivery.
func (t *Target) fill(i int32, m *Message, dup bool) {
	m.Rule, m.Target, m.Created, m.Attempt, m.Duplicate = t.rule, t.name, t.sched.Now(), 0, dup
	s := &t.slots[i]
	s.msg = *m
	s.blocker, s.absorbed, s.failures, s.throttles, s.lastErr = false, false, 0, 0, ""
	s.first, s.last, s.next = m.Created, m.Created, -1
}

// alloc takes a free slot (growing the slab when none is free).
func (t *Target) alloc(dup bool) int32 {
	if dup {
		t.dups++
	} else {
		t.live++
	}
	if n := len(t.free); n > 0 {
		i := t.free[n-1]
		t.free = t.free[:n-1]
		return i
	}
	if len(t.slots) >= 1<<30-1 {
		panic("delivery: too many deliveries in flight")
	}
	t.slots = append(t.slots, slot{gen: 1})
	return int32(len(t.slots) - 1)
}

// release frees slot i; its tag and scheduled actions become stale.
func (t *Target) release(i int32) {
	s := &t.slots[i]
	if s.msg.Duplicate {
		t.dups--
	} else {
		t.live--
	}
	s.msg = Message{}
	s.lastErr = ""
	s.state = stFree
	s.gen++
	t.free = append(t.free, i)
}
