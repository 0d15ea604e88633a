package fc

import (
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// gauge integrates the instance counts per state over simulated time.
type gauge struct {
	start, last sim.Time
	count       [StateReclaimed]int // by State (StateNone unused)
	provIdle    int                 // idle provisioned instances
	area        [StateReclaimed]float64
	provArea    float64 // idle provisioned instance-seconds
	alive, max  int
}

// advance accumulates the areas up to now.
func (g *gauge) advance(now sim.Time) {
	if dt := now.Sub(g.last).Seconds(); dt > 0 {
		for s, n := range g.count {
			g.area[s] += float64(n) * dt
		}
		g.provArea += float64(g.provIdle) * dt
	}
	g.last = now
}

// move records one instance changing state at now.
func (g *gauge) move(now sim.Time, from, to State, provisioned bool) {
	g.advance(now)
	if from > StateNone && from < StateReclaimed {
		g.count[from]--
		g.alive--
	}
	if to > StateNone && to < StateReclaimed {
		g.count[to]++
		g.alive++
	}
	if provisioned {
		if from == StateIdle {
			g.provIdle--
		}
		if to == StateIdle {
			g.provIdle++
		}
	}
	g.max = max(g.max, g.alive)
}

// stats are a function's running counters.
type stats struct {
	gauge
	invocations, coldStarts, throttles int64
	outcomes                           [numOutcomes]int64
	exprErrors                         int64
	inflight                           int
	billed                             time.Duration
	sum                                Charge // per-invocation charges summed
}

// Stats is a snapshot of a function's statistics from its creation to now.
type Stats struct {
	Elapsed     time.Duration // simulated time covered
	Invocations int64         // accepted invocations that completed
	InFlight    int           // accepted, not completed yet
	ColdStarts  int64
	Throttles   int64
	Outcomes    [numOutcomes]int64 // completed invocations by Outcome (Throttled counts rejections)
	ExprErrors  int64              // failure/duration rules that failed to evaluate (treated as none)

	// Time-weighted instance counts (means over Elapsed) and instance-seconds by state.
	MeanInstances, MeanStarting, MeanBusy, MeanIdle float64
	MaxInstances                                    int
	StartingSeconds, BusySeconds, IdleSeconds       float64
	ProvisionedIdleSeconds                          float64

	// Billing: per-invocation charges summed (with concurrency > 1: the instances' busy time,
	// as FC bills it), and the idle provisioned capacity.
	Billed          time.Duration
	Invocation      Charge  // sums of GBs, VCPUs, CU, USD over invocations
	ProvisionedIdle Charge  // idle provisioned instances (memory only under CU)
	USD             float64 // Invocation.USD + ProvisionedIdle.USD
}

// Stats returns the function's statistics up to the scheduler's current time.
func (f *Function) Stats() Stats {
	g := f.stats.gauge
	g.advance(f.sched.Now())
	s := f.stats
	el := g.last.Sub(g.start)
	st := Stats{
		Elapsed: el, Invocations: s.invocations, InFlight: s.inflight, ColdStarts: s.coldStarts,
		Throttles: s.throttles, Outcomes: s.outcomes, ExprErrors: s.exprErrors,
		MaxInstances:    g.max,
		StartingSeconds: g.area[StateStarting], BusySeconds: g.area[StateBusy],
		IdleSeconds: g.area[StateIdle], ProvisionedIdleSeconds: g.provArea,
		Billed: s.billed, Invocation: s.sum,
	}
	st.Outcomes[Throttled] = s.throttles
	if sec := el.Seconds(); sec > 0 {
		st.MeanStarting = st.StartingSeconds / sec
		st.MeanBusy = st.BusySeconds / sec
		st.MeanIdle = st.IdleSeconds / sec
		st.MeanInstances = st.MeanStarting + st.MeanBusy + st.MeanIdle
	}
	if f.spec.Concurrency > 1 { // billed by instance busy time, not per request
		st.Invocation = f.biller.Active(float64(s.invocations), f.spec.Memory, f.vcpu,
			time.Duration(st.BusySeconds*1e9))
	}
	provDur := time.Duration(g.provArea * 1e9)
	st.ProvisionedIdle = f.biller.Idle(f.spec.Memory, f.vcpu, provDur)
	st.USD = st.Invocation.USD + st.ProvisionedIdle.USD
	return st
}
