package fc

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// countingObserver checks instance invariants on every transition.
type countingObserver struct {
	t     *testing.T
	max   int
	alive int
}

func (o *countingObserver) InstanceChanged(e InstanceEvent) {
	if e.From == StateNone {
		o.alive++
	}
	if e.To == StateReclaimed {
		o.alive--
		if e.Provisioned {
			o.t.Errorf("provisioned instance %d reclaimed", e.Instance)
		}
		if e.Active != 0 {
			o.t.Errorf("instance %d reclaimed with %d active", e.Instance, e.Active)
		}
	}
	if o.alive > o.max {
		o.t.Errorf("%d instances alive, max_instances %d", o.alive, o.max)
	}
}

// TestConservationProperty: over random configurations, every accepted request completes
// exactly once, throttles happen only at max_instances, and the counters agree.
func TestConservationProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	sels := []string{SelectNewest, SelectOldest, SelectRandom}
	for k := range 30 {
		spec := fixedFn()
		spec.ColdStart = nil
		spec.Handler.Variability = nil
		spec.Concurrency = 1 + r.IntN(4)
		spec.MaxInstances = 1 + r.IntN(6)
		spec.Provisioned = r.IntN(spec.MaxInstances + 1)
		spec.InstanceSelection = sels[r.IntN(3)]
		spec.KeepAlive = dur(time.Duration(1+r.IntN(5)) * time.Second)
		spec.Handler.IO = dur(time.Duration(50+r.IntN(500)) * time.Millisecond)
		t.Run(fmt.Sprint(k), func(t *testing.T) {
			s := sim.NewScheduler()
			obs := &countingObserver{t: t, max: spec.MaxInstances}
			f, err := NewFunction("svc", spec, Env{Sched: s, Streams: sim.NewStreams(uint64(k)), Observer: obs})
			if err != nil {
				t.Fatal(err)
			}
			c := &collector{}
			p := &poisson{s: s, f: f, r: sim.NewStreams(uint64(k)).Stream("a"), mean: 0.05 + r.Float64(),
				until: sim.FromSeconds(500), done: c}
			s.Schedule(0, p, 0)
			s.Run()
			st := f.Stats()
			if accepted := p.sent - p.throttled; c.n != accepted || st.Invocations != accepted || st.InFlight != 0 {
				t.Errorf("sent %d throttled %d: callbacks %d, stats %d, in flight %d", p.sent, p.throttled, c.n, st.Invocations, st.InFlight)
			}
			if st.Throttles != p.throttled {
				t.Errorf("throttles %d vs %d", st.Throttles, p.throttled)
			}
			if f.Instances() != spec.Provisioned {
				t.Errorf("%d instances at the end, want the %d provisioned", f.Instances(), spec.Provisioned)
			}
			if p.throttled > 0 && st.MaxInstances != spec.MaxInstances {
				t.Errorf("throttled below max_instances (max seen %d of %d)", st.MaxInstances, spec.MaxInstances)
			}
		})
	}
}

// BenchmarkInvoke measures one warm invocation (Invoke + completion) in steady state.
func BenchmarkInvoke(b *testing.B) {
	spec := fixedFn()
	spec.Provisioned = 1
	s := sim.NewScheduler()
	f, err := NewFunction("svc", spec, Env{Sched: s, Streams: sim.NewStreams(1), Prices: testPrices(b)})
	if err != nil {
		b.Fatal(err)
	}
	c := &collector{}
	b.ReportAllocs()
	for b.Loop() {
		if err := f.Invoke(Request{}, c); err != nil {
			b.Fatal(err)
		}
		s.Step()
	}
}
