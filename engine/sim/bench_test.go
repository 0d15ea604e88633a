package sim

import (
	"math/rand/v2"
	"testing"
	"time"
)

// lcgHandler reschedules one action per firing a pseudo-random delay ahead
// (an LCG, so the benchmark measures the scheduler, not the RNG).
type lcgHandler struct {
	s     *Scheduler
	state uint64
}

func (h *lcgHandler) Fire(arg uint64) {
	h.state = h.state*6364136223846793005 + 1442695040888963407
	h.s.After(time.Duration(h.state>>44), h, arg) // up to ~1ms ahead
}

// BenchmarkScheduleStep measures steady state with ~10k pending actions:
// each op pops the earliest action, whose Fire schedules one new action.
func BenchmarkScheduleStep(b *testing.B) {
	s := NewScheduler()
	h := &lcgHandler{s: s, state: 1}
	for i := range 10_000 {
		s.Schedule(Time(i*100), h, uint64(i))
	}
	for range 100_000 { // reach steady state before timing
		s.Step()
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		s.Step()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ops/s")
	if s.Pending() != 10_000 {
		b.Fatalf("pending = %d, want 10000", s.Pending())
	}
}

// BenchmarkScheduleCancel measures Schedule plus Cancel of an older action
// among ~10k pending (a timeout armed and disarmed per delivery).
func BenchmarkScheduleCancel(b *testing.B) {
	s := NewScheduler()
	h := &lcgHandler{s: s, state: 1}
	toks := make([]Token, 10_000)
	for i := range toks {
		toks[i] = s.Schedule(Time(i*100), h, 0)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		j := i % len(toks)
		s.Cancel(toks[j])
		h.state = h.state*6364136223846793005 + 1442695040888963407
		toks[j] = s.After(time.Duration(h.state>>44), h, 0)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ops/s")
}

func BenchmarkSample(b *testing.B) {
	specs := map[string]Spec{
		"constant":    {Kind: "constant", Value: 3},
		"uniform":     {Kind: "uniform", Min: 1, Max: 2},
		"exponential": {Kind: "exponential", Mean: 0.5},
		"normal":      {Kind: "normal", Mean: 1, SD: 2},
		"normal-tail": {Kind: "normal", Mean: -3, SD: 1},
		"lognormal":   {Kind: "lognormal", Median: 400e3, P99: 20e6},
		"empirical":   {Kind: "empirical", Values: []float64{1, 2, 3, 4, 5}, Weights: []float64{5, 1, 1, 1, 2}},
		"percentiles": {Kind: "percentiles", Points: []Point{{0, 1}, {0.5, 3}, {0.9, 5}, {0.99, 20}, {1, 50}}},
	}
	for _, name := range []string{"constant", "uniform", "exponential", "normal", "normal-tail", "lognormal", "empirical", "percentiles"} {
		d, err := specs[name].Build()
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			r := rand.New(rand.NewPCG(1, 2))
			b.ReportAllocs()
			var sum float64
			for range b.N {
				sum += d.Sample(r)
			}
			sink = sum
		})
	}
}

var sink float64
