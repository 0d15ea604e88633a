package report

import (
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/obs"
)

func sec(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func TestCollectSemantics(t *testing.T) {
	m := &memRecords{Memory: obs.NewMemory()}
	inst := func(s float64, from, to obs.InstanceState, prov bool) {
		m.inst = append(m.inst, obs.Instance{At: at(sec(s)), Service: "s", Function: "f", Instance: 1, From: from, To: to, Provisioned: prov})
	}
	inst(0, obs.InstanceNone, obs.InstanceStarting, false)
	inst(0, obs.InstanceNone, obs.InstanceIdle, true)
	inst(1.5, obs.InstanceStarting, obs.InstanceBusy, false)
	inst(2.5, obs.InstanceBusy, obs.InstanceIdle, false)
	inst(4.2, obs.InstanceIdle, obs.InstanceReclaimed, false)
	for _, d := range []struct {
		s float64
		n int64
	}{{0.5, 1}, {0.7, 3}, {0.9, 2}, {3.1, 0}} {
		m.dep = append(m.dep, obs.QueueDepth{At: at(sec(d.s)), Queue: "dlq", Depth: d.n, DLQ: true})
	}
	m.evals = []obs.RuleEvaluated{{At: at(sec(0.1)), Rule: "r", Matched: true}, {At: at(sec(0.2)), Rule: "r"},
		{At: at(sec(1.1)), Rule: "r", Matched: true}}
	m.inv = []obs.Invocation{
		{Event: 1, Rule: "r", Target: "fn", Attempt: 1, Service: "s", Function: "f", End: at(sec(1)), CostUSD: 0.25,
			Outcome: obs.OutcomeOOM, ErrorKind: "oom", Stack: "trace\nMemoryError: 512 MB"},
		{Event: 1, Rule: "r", Target: "fn", Attempt: 2, Service: "s", Function: "f", End: at(sec(2)), CostUSD: 0.5},
		{Service: "s", Function: "f", End: at(sec(3)), CostUSD: 0.125, Outcome: obs.OutcomeTimeout},
	}
	m.att = []obs.Attempt{{Event: 1, Rule: "r", Target: "fn", Number: 1, Outcome: obs.OutcomeError, Error: "oom"},
		{Event: 1, Rule: "r", Target: "fn", Number: 2}, {Event: 2, Rule: "r", Target: "q", Number: 1, Outcome: obs.OutcomeError, Error: "full\nmore"},
		{Event: 3, Rule: "r", Target: "fn", Number: 1, Outcome: obs.OutcomeThrottled},
		{Event: 4, Rule: "r", Target: "q", Number: 1, Outcome: obs.OutcomeError, Error: "error"}}
	a, err := collect(m, 5*time.Second, time.Second, 10)
	if err != nil {
		t.Fatal(err)
	}
	layers := map[string][]float64{"busy": a.inst[0], "idle": a.inst[1], "starting": a.inst[2], "provisioned": a.inst[3]}
	want := map[string][]float64{"busy": {0, 1, 0, 0, 0}, "idle": {0, 0, 1, 1, 0}, "starting": {1, 0, 0, 0, 0}, "provisioned": {1, 1, 1, 1, 1}}
	if !reflect.DeepEqual(layers, want) {
		t.Errorf("instances at bucket ends = %v, want %v", layers, want)
	}
	if got := a.queues["dlq"][0]; !reflect.DeepEqual(got, []float64{3, 2, 2, 2, 0}) || !a.dlq["dlq"] {
		t.Errorf("queue peaks = %v (dlq %t), want [3 2 2 2 0]", got, a.dlq["dlq"])
	}
	if ev, mt := a.rules.at("r", 0, a.n), a.rules.at("r", 1, a.n); ev[0] != 2 || mt[0] != 1 || ev[1] != 1 || mt[1] != 1 {
		t.Errorf("rule evaluations %v matched %v", ev, mt)
	}
	if r := a.rule["r"]; r.invocations != 2 || r.usd != 0.75 || a.rule[""].usd != 0.125 || a.invCost != 0.875 {
		t.Errorf("cost by rule: r %+v, consumers %+v, total %v", *a.rule["r"], *a.rule[""], a.invCost)
	}
	wantErrs := map[errKey]int64{{"r/fn", "oom", "MemoryError: 512 MB"}: 1, {"r/q", "error", "full"}: 1, {"r/q", "error", ""}: 1,
		{"s/f (consumer)", "timeout", ""}: 1}
	if !reflect.DeepEqual(a.errs, wantErrs) {
		t.Errorf("errors = %v, want %v", a.errs, wantErrs)
	}
}

func TestHistAndBins(t *testing.T) {
	h := newHist()
	for i := 1; i <= 1000; i++ {
		h.add(float64(i)) // 1..1000 ms
	}
	for _, q := range []float64{0.5, 0.9, 0.99} {
		if got, want := h.quantile(q), q*1000; math.Abs(got-want)/want > 0.01 {
			t.Errorf("quantile(%v) = %v, want about %v", q, got, want)
		}
	}
	edges := logEdges(h, nil)
	if edges[0] > 1 || edges[len(edges)-1] <= 1000 {
		t.Errorf("edges %v do not cover 1..1000 ms", edges)
	}
	var total uint64
	for _, c := range bin(edges, h) {
		total += c
	}
	if total != 1000 {
		t.Errorf("bins hold %d values, want 1000", total)
	}
	if logEdges(newHist()) != nil {
		t.Error("edges for no values")
	}
}
