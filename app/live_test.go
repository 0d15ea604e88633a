package main

import (
	"testing"
	"time"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/engine/world"
)

func TestCumulativeCostCountsBackFromTheTotal(t *testing.T) {
	var s obs.Snapshot
	s.Totals.CostUSD = 10
	for i, c := range []float64{1, 2, 3} {
		b := obs.BucketStat{Start: sim.Time(time.Duration(i+5) * time.Minute), Width: time.Minute}
		b.Totals.CostUSD = c
		s.Series[2] = append(s.Series[2], b)
	}
	got := cumulativeCost(s).Points
	want := []struct{ t, v float64 }{{360, 5}, {420, 7}, {480, 10}}
	if len(got) != len(want) {
		t.Fatalf("points = %v", got)
	}
	for i, w := range want {
		if got[i].T != w.t || got[i].V != w.v {
			t.Errorf("point %d = %+v, want t=%v v=%v", i, got[i], w.t, w.v)
		}
	}
}

func TestLiveChartDataFollowsBuckets(t *testing.T) {
	var s obs.Snapshot
	s.Now = sim.Time(30 * time.Second)
	for i := 0; i < 3; i++ {
		b := obs.BucketStat{Start: sim.Time(time.Duration(i) * 10 * time.Second), Width: 10 * time.Second}
		b.Totals = obs.Totals{Received: 50, Evaluated: 50, Matched: 5, ColdStarts: int64(i)}
		b.Totals.Instances[obs.InstanceBusy] = 2
		if i > 0 {
			b.Fanout = obs.LatencyStat{Count: 5, P50: 120 * time.Millisecond}
		}
		s.Series[1] = append(s.Series[1], b)
	}
	d := liveChartData(s)
	if len(d.Latency.P50) != 2 || d.Latency.P50[0].V != 120 {
		t.Errorf("latency points %v: buckets without fan-outs are skipped, values in ms", d.Latency.P50)
	}
	if r := d.Rates[0].Points; len(r) != 3 || r[0].V != 5 {
		t.Errorf("rates %v, want 5 events/s", r)
	}
	if m := d.MatchRates[0].Points[0].V; m != 0.1 {
		t.Errorf("match rate %v, want the fraction 0.1", m)
	}
	if c := d.ColdStarts.Points[2].V; c != 2 {
		t.Errorf("cold starts %v", c)
	}
	if v := d.Instances.Layers[0].V; len(v) != 3 || v[0] != 2 {
		t.Errorf("busy instances %v", v)
	}
}

func TestFlowsFollowFileOrder(t *testing.T) {
	cfg := world.Config{Rules: []bus.RuleSpec{
		{Name: "b-rule", Targets: []bus.TargetSpec{{ID: "z", Type: "notification"}, {ID: "a", Type: "http"}}},
		{Name: "a-rule", Bus: "orders", Targets: []bus.TargetSpec{{ID: "q", Type: "mns"}}},
	}}
	s := world.Summary{
		Rules:   map[string]world.RuleSummary{"b-rule": {Evaluated: 10, Matched: 4}},
		Targets: map[string]world.TargetSummary{"b-rule/a": {Delivered: 3, DeadLettered: 1}},
	}
	fl := flows(cfg, s)
	if len(fl) != 2 || fl[0].Rule != "b-rule" || fl[0].Bus != "default" || fl[1].Bus != "orders" {
		t.Fatalf("flows %+v", fl)
	}
	if fl[0].Targets[0].ID != "z" || fl[0].Targets[1].Delivered != 3 || fl[0].Targets[1].Health() != "dead-lettering" {
		t.Errorf("targets %+v", fl[0].Targets)
	}
}
