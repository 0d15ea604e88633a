package delivery

import (
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// Throttle is the backoff of invocations the target refused for lack of capacity (a function
// at its instance limit: FC's 429). Throttled invocations are not attempts: they do not count
// against the retry policy and are not billed (facts sheet §6.1). The k-th consecutive throttle
// waits min(Cap, Base·2^(k−1)): 0.5, 1, 2, 4, 8 s, … ([FC retry policy]: "the first retry is
// 0.5 s after failure, then 1, 2, 4, 8 s"). The count restarts when an invocation is accepted.
type Throttle struct {
	Base time.Duration // first wait; FC: 0.5 s
	// Cap bounds one wait. FC states no cap; Fanout follows AWS Lambda's "backoff up to 5 min"
	// (facts sheet §7.4), as DESIGN.md §2 prescribes where Alibaba is silent.
	Cap time.Duration
	// Limit bounds how long a delivery may keep being throttled, from its start, when the
	// target has no maximum event age (which bounds it otherwise): FC retries throttles "for up
	// to 5 hours". Past it the event expires (event_too_old).
	Limit time.Duration
}

// DefaultThrottle returns FC's throttle backoff: 0.5 s doubling, capped at 5 min, for up to 5 h.
func DefaultThrottle() Throttle {
	return Throttle{Base: 500 * time.Millisecond, Cap: 5 * time.Minute, Limit: 5 * time.Hour}
}

// Delay returns the wait after the k-th consecutive throttle (k >= 1).
func (th Throttle) Delay(k int) time.Duration {
	d := th.Base
	for i := 1; i < k && d < th.Cap; i++ {
		d *= 2
	}
	return min(d, th.Cap)
}

// Next answers after the k-th consecutive throttle at t of a delivery begun at since whose age
// deadline is dl (sim.Never if none): retry at t+Delay(k), or expire (event_too_old) at the
// bound, which is dl, or since+Limit when dl is Never.
func (th Throttle) Next(k int, since, t, dl sim.Time) Decision {
	bound := dl
	if bound == sim.Never && th.Limit > 0 {
		bound = since.Add(th.Limit)
	}
	if t >= bound {
		return Decision{At: t, Reason: ReasonEventTooOld}
	}
	if at := t.Add(th.Delay(k)); at < bound {
		return Decision{At: at}
	}
	return Decision{At: bound, Reason: ReasonEventTooOld}
}
