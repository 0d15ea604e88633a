package delivery

import (
	"errors"
	"fmt"
)

// TargetCounts are one target's counters (the run summary's `targets` entry).
type TargetCounts struct {
	Deliveries   uint64 // (event, target) deliveries begun: Deliver calls
	Delivered    uint64 // final: delivered
	DeadLettered uint64 // final: sent to the dead-letter queue
	Discarded    uint64 // final: given up without a dead-letter queue (tolerance ALL)
	Expired      uint64 // final: reached the maximum event age
	InFlight     uint64 // not final yet: attempting, waiting for a retry, blocked or held
	Attempts     uint64 // attempts started (throttled invocations and duplicates excluded)
	Retried      uint64 // retries scheduled (blocked retries included)
	Throttled    uint64 // invocations refused for lack of capacity (not attempts)
	Blocked      uint64 // tolerance NONE: deliveries that blocked the target

	Duplicates           uint64 // at-least-once duplicate deliveries made
	DuplicatesAbsorbed   uint64 // deliveries the dedup store absorbed (duplicates or not)
	DuplicateSideEffects uint64 // duplicates that ran their side effect again (store off or raced)
}

// Final returns the number of deliveries in a final state.
func (c TargetCounts) Final() uint64 { return c.Delivered + c.DeadLettered + c.Discarded + c.Expired }

// Counts returns a snapshot of the target's counters.
func (t *Target) Counts() TargetCounts {
	c := t.counts
	c.InFlight = uint64(t.live)
	return c
}

// Check verifies the target's conservation (DESIGN.md §2): every delivery begun is in exactly
// one final state or still in flight, and the in-flight count matches the live slots.
func (t *Target) Check() error {
	c := t.Counts()
	var errs []error
	if sum := c.Final() + c.InFlight; sum != c.Deliveries {
		errs = append(errs, fmt.Errorf("%d deliveries but delivered %d + dead-lettered %d + "+
			"discarded %d + expired %d + in flight %d = %d (%+d)", c.Deliveries, c.Delivered,
			c.DeadLettered, c.Discarded, c.Expired, c.InFlight, sum, int64(sum)-int64(c.Deliveries)))
	}
	live, dups, held := t.scan()
	if live != t.live || dups != t.dups {
		errs = append(errs, fmt.Errorf("slab holds %d deliveries and %d duplicates in flight, "+
			"counters say %d and %d", live, dups, t.live, t.dups))
	}
	if t.blockers == 0 && held > 0 {
		errs = append(errs, fmt.Errorf("%d deliveries held though the target is not blocked", held))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("target %s/%s: %w", t.rule, t.name, err)
	}
	return nil
}

// scan counts the live slots.
func (t *Target) scan() (live, dups, held int) {
	for i := range t.slots {
		s := &t.slots[i]
		switch {
		case s.state == stFree:
		case s.msg.Duplicate:
			dups++
		default:
			live++
			if s.state == stHeld {
				held++
			}
		}
	}
	return live, dups, held
}

// Conservation checks every target and queue and joins their violations (nil when none).
func Conservation(targets []*Target, queues []*Queue) error {
	var errs []error
	for _, t := range targets {
		errs = append(errs, t.Check())
	}
	for _, q := range queues {
		errs = append(errs, q.Check())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("conservation: %w", err)
	}
	return nil
}
