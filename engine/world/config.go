// Package world assembles the engine for one run: the scheduler and random streams, the buses'
// front doors, the loads that feed them, and the run summary with its expect results. The
// scenarios package builds a Config from a file; the app drives the World, headless or paced.
package world

import (
	"fmt"
	"time"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/pattern"
)

// Config is everything a run needs. It is plain data: the scenarios package fills it from a
// scenario file, tests fill it by hand.
type Config struct {
	Name     string
	Seed     uint64
	Duration time.Duration // the run's horizon in simulated time; > 0
	Start    time.Time     // the wall-clock instant of simulated time 0 (event times)
	Dialect  pattern.Dialect
	Account  string // stamped as aliyunaccountid
	Region   string // stamped as aliyunregionid

	Limits              event.Limits // event validation limits
	PutEventsMaxEntries int          // default for buses that do not set their own
	EnforceThroughput   bool         // apply the cloud's per-bus throughput figures

	Buses    []bus.BusSpec
	Rules    []bus.RuleSpec
	Services []fc.ServiceSpec
	Queues   []delivery.QueueSpec
	Loads    []load.Spec
	Expect   []Expectation

	// Prices are the Function Compute prices (assets/prices.yaml); nil means no money amounts.
	Prices *fc.Prices
	// Billing is the billing model; "" is the GB-second model.
	Billing fc.Model
	// FreeTier deducts the account's monthly free quota (requests and GB-seconds) from the
	// functions' cost under the GB-second model, shared among the functions in proportion to
	// their invocation cost. Ignored under the CU model and without Prices.
	FreeTier bool

	// Sink receives the run's records (DESIGN.md §3); nil means obs.Discard, and then the
	// engine skips the per-record bookkeeping entirely.
	Sink obs.Sink

	// ReadFile reads a file a spec refers to (replay traces), relative to the scenario file.
	ReadFile func(path string) ([]byte, error)
}

// validate checks the horizon, the account limits of the facts sheet §3 (buses, rules per bus,
// names) and every rule (1–5 targets, their fields), so that a hand-built Config fails as
// clearly as a scenario file.
func (c Config) validate() error {
	if c.Duration <= 0 {
		return fmt.Errorf("duration must be > 0, got %v", c.Duration)
	}
	if err := bus.CheckLimits(c.Buses, c.Rules); err != nil {
		return err
	}
	for i, r := range c.Rules {
		if err := r.Validate(); err != nil {
			return fmt.Errorf("rules[%d] %q: %w", i, r.Name, err)
		}
	}
	return nil
}
