package fc

import (
	"testing"
	"time"

	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
)

// warmRun runs one warm invocation of spec at memory mem and returns it.
func warmRun(t *testing.T, spec FunctionSpec, mem field.Bytes, model Model) Invocation {
	t.Helper()
	spec.Memory, spec.Provisioned = mem, 1
	s := sim.NewScheduler()
	f, err := NewFunction("svc", spec, Env{Sched: s, Streams: sim.NewStreams(1), Prices: testPrices(t), Model: model})
	if err != nil {
		t.Fatal(err)
	}
	c := &collector{keep: true}
	if err := f.Invoke(Request{}, c); err != nil {
		t.Fatal(err)
	}
	s.Run()
	return c.invs[0]
}

// TestMemoryCurve: a single-threaded CPU-bound handler gets faster as memory grows until its
// CPU share reaches one vCPU (1,769 MB with the default vCPU per GB), then flattens; its cost
// per invocation stays flat (within the 1 ms rounding) while it speeds up, then rises.
func TestMemoryCurve(t *testing.T) {
	spec := FunctionSpec{Name: "curve", Runtime: "python3.10", Timeout: dur(60 * time.Second),
		Handler: HandlerSpec{CPU: dur(800 * time.Millisecond), Threads: 1, Variability: &Variability{}}}
	const sat = 1769 << 20
	for _, model := range []Model{ModelGBSecond, ModelCU} {
		var prev Invocation
		minCost, maxCostBelow := 1e9, 0.0
		for mem := field.Bytes(128 << 20); mem <= 3072<<20; mem += 128 << 20 {
			inv := warmRun(t, spec, mem, model)
			cost := inv.Charge.USD
			if mem > 128<<20 {
				switch {
				case mem <= sat && inv.Exec() >= prev.Exec():
					t.Errorf("%s %v: exec %v did not fall from %v", model, mem, inv.Exec(), prev.Exec())
				case mem > sat && prev.Memory >= sat && inv.Exec() != prev.Exec():
					t.Errorf("%s %v: exec %v should be flat at %v past saturation", model, mem, inv.Exec(), prev.Exec())
				case mem > sat && prev.Memory >= sat && cost <= prev.Charge.USD:
					t.Errorf("%s %v: cost %g should rise past saturation (was %g)", model, mem, cost, prev.Charge.USD)
				}
			}
			if mem <= sat {
				minCost, maxCostBelow = min(minCost, cost), max(maxCostBelow, cost)
			}
			prev = inv
		}
		if maxCostBelow > minCost*1.01 {
			t.Errorf("%s: cost below saturation varies %g..%g, want flat within 1%%", model, minCost, maxCostBelow)
		}
		if last := prev.Charge.USD; last < 1.5*minCost {
			t.Errorf("%s: cost at 3 GB %g, want well above the flat part %g", model, last, minCost)
		}
	}
}

// TestMemoryCurveThreads: a 4-thread handler keeps speeding up past one vCPU.
func TestMemoryCurveThreads(t *testing.T) {
	spec := FunctionSpec{Name: "curve", Runtime: "python3.10", Timeout: dur(60 * time.Second),
		Handler: HandlerSpec{CPU: dur(800 * time.Millisecond), Threads: 4, Variability: &Variability{}}}
	a := warmRun(t, spec, 2048<<20, ModelGBSecond)
	b := warmRun(t, spec, 3072<<20, ModelGBSecond)
	if b.Exec() >= a.Exec() {
		t.Errorf("4 threads: %v at 3 GB not faster than %v at 2 GB", b.Exec(), a.Exec())
	}
}
