package sweep

import (
	"time"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/engine/world"
)

// testPrices are simple GB-second prices: $0.0000166667 per GB-s, $0.0000002 per request, 1 ms.
func testPrices() *fc.Prices {
	return &fc.Prices{
		GBSecond: fc.GBSecondPrices{GBSecondUSD: 0.0000166667, RequestUSD: 0.0000002,
			Granularity: field.Duration(time.Millisecond)},
		CU: fc.CUPrices{Tiers: []fc.CUTier{{USDPerCU: 0.000015}}, Granularity: field.Duration(time.Millisecond)},
	}
}

// testConfig is a scenario built by hand: Poisson arrivals at rate per second for d into a
// custom bus, one rule routing every event to the function svc/worker (python3.10, memory
// 128 MB, the handler h).
func testConfig(rate float64, d time.Duration, h fc.HandlerSpec) world.Config {
	return world.Config{
		Name: "sweep-test", Seed: 42, Duration: d, Limits: event.DefaultLimits(),
		Start:  time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Region: "cn-hangzhou", Account: "123",
		Buses: []bus.BusSpec{{Name: "requests"}},
		Rules: []bus.RuleSpec{{Name: "all", Bus: "requests", Pattern: bus.Pattern(`{"source":["bench.sweep"]}`),
			Targets: []bus.TargetSpec{{ID: "worker", Type: "function", Function: "svc/worker"}}}},
		Services: []fc.ServiceSpec{{Name: "svc", Functions: []fc.FunctionSpec{{
			Name: "worker", Runtime: "python3.10", Memory: 128 << 20,
			Timeout: field.Duration(10 * time.Second), MaxInstances: 1000, Handler: h,
		}}}},
		Loads: []load.Spec{{Name: "requests", Bus: "requests",
			Arrival: load.Arrival{Process: "poisson", Rate: field.Rate(rate)},
			Events:  []load.Template{{Event: &load.CustomEvent{Source: "bench.sweep", Type: "request"}}}}},
		Prices: testPrices(),
	}
}

// cpuHandler is CPU-bound work on up to two threads with a little I/O: the classic memory
// curve (duration falls until two vCPUs, then flattens).
func cpuHandler() fc.HandlerSpec {
	return fc.HandlerSpec{CPU: field.Duration(400 * time.Millisecond), Threads: 2,
		IO: field.Duration(20 * time.Millisecond), Init: field.Duration(50 * time.Millisecond)}
}
