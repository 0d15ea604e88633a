package builder

import (
	"fmt"
	"math"
	"strings"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/engine/pattern"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/scenarios"
)

// LoadRate is one load's share of a match-rate preview.
type LoadRate struct {
	Name            string
	Events, Matched int
	PerSecond       float64 // the load's mean arrival rate over the run
	Err             error   // the load could not be sampled
}

// TargetRate is what a rule's match rate means for one target.
type TargetRate struct {
	ID, Type string
	PerDay   float64 // deliveries (invocations for functions) per day
	// USDPerInvocation is the function model's mean cost of one invocation on the matched
	// events; USDPerDay = USDPerInvocation × PerDay. Set for priced function targets only.
	USDPerInvocation, USDPerDay float64
	Priced                      bool
	Err                         error // the function could not be found or modelled
}

// MatchRate is the pattern run over events generated from the scenario's loads.
type MatchRate struct {
	Events, Matched int
	Rate            float64 // Matched / Events
	PerDay          float64 // matched events per day at the loads' mean rates
	EventsPerDay    float64 // all events per day on the bus at the loads' mean rates
	Loads           []LoadRate
	Targets         []TargetRate
}

// costEvents bounds the matched events the function model is run on.
const costEvents = 2000

// ComputeMatchRate generates n events from every load of the scenario that feeds the rule's
// bus (a fresh Load each, seeded by the scenario, exactly the first n events of a run), counts
// those the pattern matches with a pattern.Matcher, and turns the rate into deliveries and
// function cost per day. readFile resolves replay files (nil: replays are reported as errors).
func ComputeMatchRate(sc *scenarios.Scenario, rule bus.RuleSpec, n int, b Billing,
	readFile func(string) ([]byte, error)) (MatchRate, error) {
	out, matched, err := matchLoads(sc, rule, n, readFile)
	if err != nil {
		return MatchRate{}, err
	}
	for _, t := range rule.Targets {
		out.Targets = append(out.Targets, targetRate(sc, t, out.PerDay, matched, b))
	}
	return out, nil
}

// MatchedEvents returns up to max of the events generated for the rule's bus that its
// pattern matches (the events its targets receive), in generation order.
func MatchedEvents(sc *scenarios.Scenario, rule bus.RuleSpec, n, max int, readFile func(string) ([]byte, error)) ([][]byte, error) {
	_, matched, err := matchLoads(sc, rule, n, readFile)
	if len(matched) > max {
		matched = matched[:max]
	}
	return matched, err
}

// matchLoads samples the loads of the rule's bus and counts the matches; it also returns the
// first costEvents matched events.
func matchLoads(sc *scenarios.Scenario, rule bus.RuleSpec, n int, readFile func(string) ([]byte, error)) (MatchRate, [][]byte, error) {
	d, err := pattern.ParseDialect(sc.Dialect)
	if err != nil {
		return MatchRate{}, nil, err
	}
	m := pattern.NewMatcher(d)
	if err := m.AddPattern(0, rule.Pattern); err != nil {
		return MatchRate{}, nil, fmt.Errorf("pattern: %w", err)
	}
	var out MatchRate
	var matched [][]byte
	var ids []int
	for _, spec := range sc.Loads {
		if busOf(spec) != rule.BusOrDefault() {
			continue
		}
		lr := LoadRate{Name: spec.Name, PerSecond: meanRate(spec, sc.Duration.D().Seconds())}
		events, err := sampleLoad(sc, spec, n, readFile)
		lr.Err = err
		for _, e := range events {
			js := e.JSON()
			ids, _ = m.Match(js, ids)
			lr.Events++
			if len(ids) > 0 {
				lr.Matched++
				if len(matched) < costEvents {
					matched = append(matched, js)
				}
			}
		}
		out.EventsPerDay += lr.PerSecond * 86400
		if lr.Events > 0 {
			out.PerDay += lr.PerSecond * 86400 * float64(lr.Matched) / float64(lr.Events)
		}
		out.Events += lr.Events
		out.Matched += lr.Matched
		out.Loads = append(out.Loads, lr)
	}
	if out.Events > 0 {
		out.Rate = float64(out.Matched) / float64(out.Events)
	}
	return out, matched, nil
}

// sampleLoad generates the first n events of a load as a run would.
func sampleLoad(sc *scenarios.Scenario, spec load.Spec, n int, readFile func(string) ([]byte, error)) ([]eventJSON, error) {
	l, err := load.Build(spec, load.Env{Streams: sim.NewStreams(sc.Seed), Start: sc.Start,
		Horizon: sim.Time(sc.Duration.D()), ReadFile: readFile})
	if err != nil {
		return nil, fmt.Errorf("load %q: %w", spec.Name, err)
	}
	evs, err := l.Sample(n)
	if err != nil {
		err = fmt.Errorf("load %q: %w", spec.Name, err)
	}
	out := make([]eventJSON, len(evs))
	for i := range evs {
		out[i] = evs[i]
	}
	return out, err
}

// eventJSON is what the previews need of an event.
type eventJSON interface{ JSON() []byte }

func targetRate(sc *scenarios.Scenario, t bus.TargetSpec, perDay float64, matched [][]byte, b Billing) TargetRate {
	tr := TargetRate{ID: t.ID, Type: t.Type, PerDay: perDay}
	if t.Type != "function" {
		return tr
	}
	spec, ok := FindFunction(sc, t.Function)
	if !ok {
		tr.Err = fmt.Errorf("function %q not found", t.Function)
		return tr
	}
	if b.Prices == nil {
		return tr
	}
	runs := max(len(matched), 200)
	p, err := Predict(spec, matched, runs, b)
	if err != nil {
		tr.Err = err
		return tr
	}
	tr.Priced = true
	tr.USDPerInvocation = p.USD
	tr.USDPerDay = p.USD * perDay
	return tr
}

// FindFunction resolves a target's function reference: "service/function", or a function
// name unique across the scenario's services.
func FindFunction(sc *scenarios.Scenario, ref string) (fc.FunctionSpec, bool) {
	svc, name, qualified := strings.Cut(ref, "/")
	if !qualified {
		name = svc
	}
	var found []fc.FunctionSpec
	for _, s := range sc.Services {
		if qualified && s.Name != svc {
			continue
		}
		for _, f := range s.Functions {
			if f.Name == name {
				found = append(found, f)
			}
		}
	}
	if len(found) != 1 {
		return fc.FunctionSpec{}, false
	}
	return found[0], true
}

// meanRate is a load's mean arrival rate (events per second) over a run of horizon seconds,
// counting only the time the load is active. Replays report 0 (their rate is their file's).
func meanRate(s load.Spec, horizon float64) float64 {
	a := s.Arrival
	stop := horizon
	if st := s.Stop.D().Seconds(); st > 0 {
		stop = math.Min(st, horizon)
	}
	active := math.Max(0, stop-s.Start.D().Seconds())
	if horizon <= 0 || active <= 0 {
		return 0
	}
	var r float64
	switch a.Process {
	case load.ProcConstant, load.ProcPoisson, load.ProcDiurnal:
		r = a.Rate.PerSecond()
	case load.ProcBursts:
		on, off := a.On.D().Seconds(), a.Off.D().Seconds()
		if on+off > 0 {
			r = (a.OnRate.PerSecond()*on + a.OffRate.PerSecond()*off) / (on + off)
		}
	case load.ProcRamp:
		over := a.Over.D().Seconds()
		from, to := a.From.PerSecond(), a.To.PerSecond()
		if over >= active {
			end := from + (to-from)*active/over
			r = (from + end) / 2
		} else {
			r = ((from+to)/2*over + to*(active-over)) / active
		}
	}
	return r * active / horizon
}

// busOf is the bus a load publishes to.
func busOf(s load.Spec) string {
	if s.Bus == "" {
		return bus.DefaultBusName
	}
	return s.Bus
}

// FunctionEvents returns up to max events the function ref receives: the generated events
// (n per load) matched by every enabled rule with a target on that function, rule by rule.
// The function editor uses them for the handler's expression rules.
func FunctionEvents(sc *scenarios.Scenario, ref string, n, max int, readFile func(string) ([]byte, error)) [][]byte {
	want, _, ok := functionPath(sc.Services, ref)
	if !ok {
		return nil
	}
	var out [][]byte
	for _, r := range sc.Rules {
		if !r.IsEnabled() || !targetsFunction(sc, r, want) {
			continue
		}
		evs, _ := MatchedEvents(sc, r, n, max-len(out), readFile)
		out = append(out, evs...)
		if len(out) >= max {
			break
		}
	}
	return out
}

func targetsFunction(sc *scenarios.Scenario, r bus.RuleSpec, path string) bool {
	for _, t := range r.Targets {
		if p, _, ok := functionPath(sc.Services, t.Function); t.Type == bus.TargetFunction && ok && p == path {
			return true
		}
	}
	return false
}
