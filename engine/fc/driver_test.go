package fc

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/fanout/fanout/assets"
	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
)

// collector records completed invocations in tests.
type collector struct {
	invs             []Invocation
	keep             bool
	n, cold          int64
	execSum, coldSum float64
	byOutcome        [numOutcomes]int64
}

func (c *collector) InvocationDone(inv Invocation) {
	c.n++
	c.byOutcome[inv.Outcome]++
	c.execSum += inv.Exec().Seconds()
	if inv.Cold {
		c.cold++
		c.coldSum += (inv.ColdStart + inv.Init).Seconds()
	}
	if c.keep {
		c.invs = append(c.invs, inv)
	}
}

// poisson drives Poisson arrivals into a function until a horizon.
type poisson struct {
	s         *sim.Scheduler
	f         *Function
	r         *rand.Rand
	mean      float64 // mean inter-arrival, seconds
	until     sim.Time
	done      Callback
	sent      int64
	throttled int64
}

func (p *poisson) Fire(uint64) {
	p.sent++
	if p.f.Invoke(Request{Tag: uint64(p.sent)}, p.done) != nil {
		p.throttled++
	}
	next := p.s.Now().Add(time.Duration(p.r.ExpFloat64() * p.mean * 1e9))
	if next < p.until {
		p.s.Schedule(next, p, 0)
	}
}

// runPoisson runs rate/s arrivals for horizon and returns the function, the collector and
// the driver.
func runPoisson(t testing.TB, spec FunctionSpec, rate float64, horizon time.Duration, seed uint64) (*Function, *collector, *poisson) {
	t.Helper()
	return runPoissonWith(t, spec, rate, horizon, seed, &collector{})
}

// runPoissonWith is runPoisson with a given collector.
func runPoissonWith(t testing.TB, spec FunctionSpec, rate float64, horizon time.Duration, seed uint64, c *collector) (*Function, *collector, *poisson) {
	t.Helper()
	s := sim.NewScheduler()
	st := sim.NewStreams(seed)
	f, err := NewFunction("svc", spec, Env{Sched: s, Streams: st, Prices: testPrices(t)})
	if err != nil {
		t.Fatal(err)
	}
	p := &poisson{s: s, f: f, r: st.Stream("arrivals"), mean: 1 / rate, until: sim.Time(horizon), done: c}
	s.Schedule(0, p, 0)
	s.RunUntil(sim.Time(horizon))
	return f, c, p
}

func testPrices(t testing.TB) *Prices {
	t.Helper()
	p, err := ParsePrices(assets.Prices())
	if err != nil {
		t.Fatal(err)
	}
	return &p
}

func dur(d time.Duration) field.Duration { return field.Duration(d) }

func near(got, want, rel float64) bool { return math.Abs(got-want) <= rel*math.Abs(want) }

// simFaaSSpec is the SimFaaS validation setup: exponential execution with mean 1.991 s warm and
// 2.244 s in total when cold (cold start exponential, mean 253 ms), 600 s keep-alive.
func simFaaSSpec(selection string) FunctionSpec {
	return FunctionSpec{
		Name: "simfaas", Runtime: "python3.10", Memory: 128 << 20,
		Timeout: dur(86400 * time.Second), MaxInstances: 1000,
		KeepAlive: dur(600 * time.Second), InstanceSelection: selection,
		ColdStart: &sim.Spec{Kind: "exponential", Mean: 253},
		Handler: HandlerSpec{IO: dur(1991 * time.Millisecond),
			Variability: &Variability{Dist: &sim.Spec{Kind: "exponential", Mean: 1}}},
	}
}
