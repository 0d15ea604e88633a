package chart_test

import (
	"fmt"

	"github.com/fanout/fanout/views/chart"
)

func ExampleSweepSummary() {
	s := chart.Sweep{
		Points: []chart.SweepPoint{
			{MemoryMB: 128, P50Ms: 880, P99Ms: 1950, ColdStartMs: 210, CostPer1M: 2.31, ErrorRate: 0.02},
			{MemoryMB: 512, P50Ms: 300, P99Ms: 640, ColdStartMs: 170, CostPer1M: 1.43},
		},
		OptimumMB: 512, BaselineMB: 128, Objective: "balanced",
	}
	fmt.Println(chart.SweepSummary(s))
	// Output: optimum (balanced): 512 MB — 38% cheaper and 66% faster (p50) than the current 128 MB
}

func ExamplePNG() {
	c := chart.LatencyOverTime(chart.Percentiles{
		P50: []chart.Point{{T: 0, V: 120}, {T: 60, V: 130}},
		P99: []chart.Point{{T: 0, V: 400}, {T: 60, V: 520}},
	}, chart.Options{Theme: chart.Dark()})
	b, err := chart.PNG(c, 800, 400, chart.DefaultDPI)
	fmt.Println(err, string(b[1:4]))
	// Output: <nil> PNG
}
