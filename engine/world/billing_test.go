package world

import (
	"math"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/field"
)

func TestFreeTier(t *testing.T) {
	src := `
buses: [{name: b}]
services:
  - name: s
    functions:
      - {name: a, runtime: go1, memory: 1GB, handler: {io: 1s, variability: 0}}
      - {name: c, runtime: go1, memory: 2GB, handler: {io: 1s, variability: 0}}
rules:
  - name: r
    bus: b
    pattern: {source: [t]}
    targets: [{id: a, type: function, function: a}, {id: c, type: function, function: c}]
loads:
  - {name: l, bus: b, arrival: {process: constant, rate: 1}, events: [{event: {source: t, type: t}}]}
`
	prices := &fc.Prices{GBSecond: fc.GBSecondPrices{GBSecondUSD: 0.001, RequestUSD: 0.01,
		Granularity: field.Duration(time.Millisecond), FreeTier: fc.FreeTier{Requests: 10, GBSeconds: 30}}}
	cfg := config(t, src, 100*time.Second)
	cfg.Prices = prices
	full := newWorld(t, cfg)
	full.Run()
	cfg.FreeTier = true
	free := newWorld(t, cfg)
	free.Run()
	fa, fc2 := full.Summary().Functions, free.Summary().Functions
	var before, after, reqs, gbs float64
	for _, k := range []string{"s/a", "s/c"} {
		before += fa[k].CostUSD
		after += fc2[k].CostUSD
		reqs += float64(fa[k].Invocations)
		gbs += fa[k].BilledGBSeconds
	}
	want := prices.GBSecondCost(reqs, gbs, true)
	if math.Abs(after-want) > 1e-9 || after >= before {
		t.Errorf("cost with free tier %v, want %v (without: %v)", after, want, before)
	}
	// the saving is shared in proportion to each function's cost
	if ra, rc := fc2["s/a"].CostUSD/fa["s/a"].CostUSD, fc2["s/c"].CostUSD/fa["s/c"].CostUSD; math.Abs(ra-rc) > 1e-9 {
		t.Errorf("shares differ: %v vs %v", ra, rc)
	}
}
