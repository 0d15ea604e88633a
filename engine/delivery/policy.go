package delivery

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// Policy is a retry schedule: how long to wait before each retry of a failed delivery. A Policy
// holds no per-delivery state, so one value serves every delivery of a target; random policies
// draw from the *rand.Rand they are given (a seeded stream owned by the target).
type Policy interface {
	// Delay returns the wait before retry n (1-based: n = 1 is the retry after the first failed
	// attempt) and whether the policy makes retry n at all (n <= Retries()). When it does not, d
	// is still the wait of the policy's last interval: tolerance NONE uses it to keep retrying
	// the event that blocks its target.
	Delay(n int, r *rand.Rand) (d time.Duration, ok bool)
	// Retries is the number of retries the policy makes after the first attempt.
	Retries() int
	// String names the policy and its parameters, e.g. "BACKOFF_RETRY(3 × 10s–20s)".
	String() string
}

// Reason says why a delivery was given up. The zero value means it was not.
type Reason uint8

// Reasons (the dead-letter message's "reason").
const (
	ReasonNone Reason = iota
	// ReasonRetriesExhausted: the last retry of the policy failed.
	ReasonRetriesExhausted
	// ReasonEventTooOld: the event reached its maximum age before it could be delivered.
	ReasonEventTooOld
	// ReasonDiscarded: the target answered with a non-retryable error (Rejected), so the
	// delivery was given up at once, without retries.
	ReasonDiscarded
)

var reasonNames = [...]string{"", "retries_exhausted", "event_too_old", "discarded"}

// String returns the reason's wire name: retries_exhausted, event_too_old or discarded ("" for
// ReasonNone).
func (r Reason) String() string {
	if int(r) < len(reasonNames) {
		return reasonNames[r]
	}
	return fmt.Sprintf("reason(%d)", r)
}

// Decision is the answer to "after failure number n at time t, what next?": retry at At, or
// give up at At for Reason.
type Decision struct {
	At     sim.Time
	Reason Reason // ReasonNone: retry at At
}

// Retry reports whether the decision is to retry.
func (d Decision) Retry() bool { return d.Reason == ReasonNone }

// Retrier combines a Policy with an optional maximum event age (the MaxAge middleware of
// STYLE.md "Delivery as middleware": the age bound is a separate piece from the schedule).
type Retrier struct {
	Policy Policy
	// MaxAge bounds the time from the start of a delivery to its last possible attempt;
	// 0 means no bound (push retry policies have none).
	MaxAge time.Duration
}

// Deadline returns the time at which a delivery begun at since expires: since+MaxAge, or
// sim.Never when there is no maximum age. An attempt may start only before the deadline.
func (r Retrier) Deadline(since sim.Time) sim.Time {
	if r.MaxAge <= 0 {
		return sim.Never
	}
	return since.Add(r.MaxAge)
}

// Next answers: after failure number n (1-based) at time t of a delivery begun at since, retry
// at Decision.At, or give up. It gives up with ReasonEventTooOld at the deadline when the retry
// would start at or after it (the event waits out its age, then expires), and with
// ReasonRetriesExhausted at t when the policy has no retry n.
func (r Retrier) Next(n int, since, t sim.Time, rng *rand.Rand) Decision {
	dl := r.Deadline(since)
	if t >= dl {
		return Decision{At: t, Reason: ReasonEventTooOld}
	}
	d, ok := r.Policy.Delay(n, rng)
	if !ok {
		return Decision{At: t, Reason: ReasonRetriesExhausted}
	}
	return r.bound(t.Add(d), dl)
}

// MinBlockedWait is the shortest wait between the retries of an event that blocks its target,
// so that a policy with a zero interval cannot retry for ever at one instant.
const MinBlockedWait = time.Second

// Blocked answers for an event that blocks its target (tolerance NONE) after failure n: retry
// after the policy's last interval (at least MinBlockedWait), or expire at the deadline.
func (r Retrier) Blocked(n int, since, t sim.Time, rng *rand.Rand) Decision {
	dl := r.Deadline(since)
	if t >= dl {
		return Decision{At: t, Reason: ReasonEventTooOld}
	}
	d, _ := r.Policy.Delay(max(n, 1), rng)
	return r.bound(t.Add(max(d, MinBlockedWait)), dl)
}

func (r Retrier) bound(at, dl sim.Time) Decision {
	if at >= dl {
		return Decision{At: dl, Reason: ReasonEventTooOld}
	}
	return Decision{At: at}
}

// PolicyFor builds the push retry policy a RetrySpec names (BACKOFF_RETRY when empty).
func PolicyFor(spec RetrySpec) (Policy, error) {
	switch spec.StrategyOrDefault() {
	case BackoffRetry:
		return DefaultBackoff(), nil
	case ExponentialDecayRetry:
		return ExponentialDecay{}, nil
	}
	return nil, fmt.Errorf("unknown retry strategy %q: valid values are %s, %s",
		spec.Strategy, BackoffRetry, ExponentialDecayRetry)
}
