package bus

import (
	"errors"
	"fmt"

	"github.com/fanout/fanout/engine/delivery"
)

// RuleStats counts one rule's pattern evaluations.
type RuleStats struct {
	Bus       string
	Enabled   bool
	Evaluated uint64 // events of the bus evaluated against the rule (0 while disabled)
	Matched   uint64
}

// TargetStats is one target's delivery summary.
type TargetStats struct {
	Type       string
	Resource   string // function, queue, topic, logstore, url or channel
	Invocation string // function targets: async or sync
	// Routed is the (event, target) pairs routed to the target: deliveries begun plus
	// transformer failures.
	Routed uint64
	delivery.TargetCounts
	// TransformErrors are events the transformer failed on; they count as discarded.
	TransformErrors uint64
	// Latency is from the start of the delivery to its delivered state (delivered ones only).
	Latency LatencyStats
}

// Rules returns the rules' counters by rule name (rule names are unique per bus; when two
// buses share a rule name the key is "bus/rule").
func (n *Network) Rules() map[string]RuleStats {
	names := map[string]int{}
	for _, r := range n.rules {
		names[r.name]++
	}
	out := make(map[string]RuleStats, len(n.rules))
	for _, r := range n.rules {
		key := r.name
		if names[r.name] > 1 {
			key = r.bus.name + "/" + r.name
		}
		out[key] = RuleStats{Bus: r.bus.name, Enabled: r.enabled, Evaluated: r.evaluated(), Matched: r.matched}
	}
	return out
}

// Targets returns every target's summary by "rule/target".
func (n *Network) Targets() map[string]TargetStats {
	out := make(map[string]TargetStats, len(n.targets))
	for _, t := range n.targets {
		c := t.d.Counts()
		c.Discarded += t.trErrors
		st := TargetStats{Type: t.spec.Type, Resource: t.spec.Resource(), Routed: t.routed,
			TargetCounts: c, TransformErrors: t.trErrors, Latency: Latency(t.latency)}
		if t.spec.Type == TargetFunction {
			st.Invocation = t.spec.InvocationOrDefault()
		}
		out[t.key] = st
	}
	return out
}

// DeadLetters returns the dead letters sent by the rules' targets, per destination queue and
// reason (retries_exhausted, event_too_old, discarded).
func (n *Network) DeadLetters() map[string]map[string]uint64 {
	out := make(map[string]map[string]uint64, len(n.dead))
	for q, m := range n.dead {
		c := make(map[string]uint64, len(m))
		for k, v := range m {
			c[k] = v
		}
		out[q] = c
	}
	return out
}

// Fanout returns the fan-out completion summary.
func (n *Network) Fanout() FanoutStats { return n.fan.stats() }

// DeliveryTargets returns the delivery machinery of every target, in scenario order.
func (n *Network) DeliveryTargets() []*delivery.Target {
	out := make([]*delivery.Target, len(n.targets))
	for i, t := range n.targets {
		out[i] = t.d
	}
	return out
}

// Check verifies conservation over the routing layer (DESIGN.md §2): for every target,
// delivered + dead_lettered + discarded + expired + in_flight == routed, the delivery
// package's own checks hold, and the deliveries still open in the fan-out tracker equal the
// targets' in-flight deliveries. Nil when every pair is accounted for.
func (n *Network) Check() error {
	var errs []error
	var inFlight uint64
	for _, t := range n.targets {
		c := t.d.Counts()
		sum := c.Delivered + c.DeadLettered + c.Discarded + c.Expired + c.InFlight + t.trErrors
		if sum != t.routed {
			errs = append(errs, fmt.Errorf("target %s: delivered %d + dead_lettered %d + discarded %d + expired %d + in_flight %d = %d, routed %d",
				t.key, c.Delivered, c.DeadLettered, c.Discarded+t.trErrors, c.Expired, c.InFlight, sum, t.routed))
		}
		if c.Deliveries+t.trErrors != t.routed {
			errs = append(errs, fmt.Errorf("target %s: %d deliveries begun, %d routed", t.key, c.Deliveries+t.trErrors, t.routed))
		}
		inFlight += c.InFlight
		if err := t.d.Check(); err != nil {
			errs = append(errs, err)
		}
	}
	if open := n.fan.pendingDeliveries(); open != inFlight {
		errs = append(errs, fmt.Errorf("fan-out tracker holds %d open deliveries, targets report %d in flight", open, inFlight))
	}
	return errors.Join(errs...)
}
