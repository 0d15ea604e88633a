package bus

import (
	"fmt"
	"sort"

	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/pattern"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/engine/transform"
)

// NetworkConfig is what the routing layer is built from: the rules of every bus and the
// functions and queues their targets deliver to.
type NetworkConfig struct {
	Sched   *sim.Scheduler // required
	Streams *sim.Streams   // required; targets draw from "delivery/<bus>/<rule>/<target>"
	Dialect pattern.Dialect
	// Buses names every bus; rules of other buses are an error.
	Buses []string
	Rules []RuleSpec
	// Functions maps "service/function" and every scenario-unique bare function name.
	Functions map[string]*Function
	// Queues maps queue and topic names.
	Queues map[string]*delivery.Queue
	// Sink receives the routing records; nil means none (and no per-record bookkeeping).
	Sink obs.Sink
}

// Network routes the events accepted by the buses: each event is matched once against all
// enabled rules of its bus (one pattern.Matcher per bus), and each target of each matching
// rule gets its own delivery (transformer, retry policy, tolerance, dead-letter queue).
type Network struct {
	sched   *sim.Scheduler
	sink    obs.Sink
	buses   map[string]*busRoutes
	order   []string // bus names, sorted
	rules   []*rule  // every rule, in scenario order
	targets []*target
	fan     *fanoutTracker
	dead    map[string]map[string]uint64 // dead letters per destination, by reason
	ids     []int                        // matcher scratch
	members []event.Member               // JSONIndexed scratch
	exts    event.ExtCache               // the extensions of the last events routed, encoded
	doc     transform.Doc                // the routed event, prepared for its transformers
	docBusy bool                         // doc is in use by the Route in progress
}

// busRoutes is one bus's rules and matcher.
type busRoutes struct {
	name    string
	matcher *pattern.Matcher
	rules   []*rule  // indexed by matcher id
	enabled []ruleID // the enabled rules, in id order
	routed  uint64   // events evaluated against the bus's rules
}

// NewNetwork compiles every rule and builds every target's delivery machinery.
func NewNetwork(cfg NetworkConfig) (*Network, error) {
	n := &Network{sched: cfg.Sched, sink: cfg.Sink, buses: map[string]*busRoutes{},
		fan: newFanoutTracker(), dead: map[string]map[string]uint64{}}
	if cfg.Sink != nil {
		for _, f := range cfg.Functions {
			f.SetHook(n.invocationRecord)
		}
	}
	for _, b := range cfg.Buses {
		n.buses[b] = &busRoutes{name: b, matcher: pattern.NewMatcher(cfg.Dialect)}
		n.order = append(n.order, b)
	}
	sort.Strings(n.order)
	for i, spec := range cfg.Rules {
		b, ok := n.buses[spec.BusOrDefault()]
		if !ok {
			return nil, fmt.Errorf("rules[%d] %q: bus %q does not exist", i, spec.Name, spec.BusOrDefault())
		}
		r, err := n.buildRule(cfg, b, spec)
		if err != nil {
			return nil, fmt.Errorf("rule %q: %w", spec.Name, err)
		}
		n.rules = append(n.rules, r)
	}
	return n, nil
}

// buildRule compiles spec's pattern into its bus's matcher and builds its targets.
func (n *Network) buildRule(cfg NetworkConfig, b *busRoutes, spec RuleSpec) (*rule, error) {
	if len(spec.Targets) == 0 || len(spec.Targets) > MaxTargetsPerRule {
		return nil, fmt.Errorf("rule %q has %d targets: a rule needs 1 to %d", spec.Name, len(spec.Targets), MaxTargetsPerRule)
	}
	p, err := pattern.Compile(spec.Pattern, cfg.Dialect)
	if err != nil {
		return nil, fmt.Errorf("pattern: %w", err)
	}
	r := &rule{name: spec.Name, bus: b, enabled: spec.IsEnabled()}
	for _, ts := range spec.Targets {
		t, err := n.buildTarget(cfg, r, ts)
		if err != nil {
			return nil, fmt.Errorf("target %q: %w", ts.ID, err)
		}
		r.targets = append(r.targets, t)
		n.targets = append(n.targets, t)
	}
	if r.enabled {
		b.matcher.Add(len(b.rules), p)
		b.enabled = append(b.enabled, ruleID{id: len(b.rules), name: r.name})
	}
	b.rules = append(b.rules, r)
	return r, nil
}

// ruleID is an enabled rule's matcher id and name.
type ruleID struct {
	id   int
	name string
}

// rule is a compiled rule.
type rule struct {
	name    string
	bus     *busRoutes
	enabled bool
	targets []*target
	matched uint64
}

// evaluated is the number of events the rule's pattern was evaluated against.
func (r *rule) evaluated() uint64 {
	if !r.enabled {
		return 0
	}
	return r.bus.routed
}
