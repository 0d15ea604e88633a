package builder

import (
	"math"
	"time"

	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/views/chart"
)

// maxCurveArrivals bounds the arrivals drawn for the sampled curve.
const maxCurveArrivals = 200000

// ExpectedRate is the arrival process's rate (events per second) at t seconds from the run
// start: the rate the process is defined by, 0 outside the load's [start, stop). Replays have
// no closed form and report NaN.
func ExpectedRate(s load.Spec, t, horizon float64) float64 {
	start := s.Start.D().Seconds()
	stop := horizon
	if st := s.Stop.D().Seconds(); st > 0 {
		stop = st
	}
	if t < start || t >= stop {
		return 0
	}
	a := s.Arrival
	rel := t - start
	switch a.Process {
	case load.ProcConstant, load.ProcPoisson:
		return a.Rate.PerSecond()
	case load.ProcBursts:
		on, off := a.On.D().Seconds(), a.Off.D().Seconds()
		if on+off <= 0 || math.Mod(rel, on+off) < on {
			return a.OnRate.PerSecond()
		}
		return a.OffRate.PerSecond()
	case load.ProcDiurnal:
		period := a.Period.D().Seconds()
		if period <= 0 {
			period = 86400
		}
		return a.Rate.PerSecond() * (1 + a.Amplitude*math.Cos(2*math.Pi*(t-a.Peak.D().Seconds())/period))
	case load.ProcRamp:
		over := a.Over.D().Seconds()
		from, to := a.From.PerSecond(), a.To.PerSecond()
		if over <= 0 || rel >= over {
			return to
		}
		return from + (to-from)*rel/over
	}
	return math.NaN()
}

// RateCurves returns the arrival rate over the run in bins: the expected rate at each bin's
// middle, and the rate of arrivals drawn from the process itself (seeded like a run), counted
// per bin; the sampled curve is nil when the process cannot be drawn without its file or would
// need more than 200,000 arrivals. T is in seconds, V in events per second.
func RateCurves(s load.Spec, seed uint64, horizon time.Duration, bins int) (expected, sampled []chart.Point) {
	h := horizon.Seconds()
	if h <= 0 || bins <= 0 {
		return nil, nil
	}
	w := h / float64(bins)
	for i := 0; i < bins; i++ {
		t := (float64(i) + 0.5) * w
		if v := ExpectedRate(s, t, h); !math.IsNaN(v) {
			expected = append(expected, chart.Point{T: t, V: v})
		}
	}
	if s.Arrival.Process == load.ProcReplay || meanRate(s, h)*h > maxCurveArrivals {
		return expected, nil
	}
	arr, err := load.NewArrivals(s.Arrival, sim.Time(s.Start.D()))
	if err != nil {
		return expected, nil
	}
	counts := make([]int, bins)
	r := sim.NewStreams(seed).Stream("load/" + s.Name + "/arrivals")
	stop := h
	if st := s.Stop.D().Seconds(); st > 0 {
		stop = math.Min(st, h)
	}
	for n := 0; n < maxCurveArrivals; n++ {
		at, ok := arr.Next(r)
		if !ok || at.Seconds() >= stop {
			break
		}
		counts[min(int(at.Seconds()/w), bins-1)]++
	}
	sampled = make([]chart.Point, bins)
	for i, c := range counts {
		sampled[i] = chart.Point{T: (float64(i) + 0.5) * w, V: float64(c) / w}
	}
	return expected, sampled
}

// rateChart draws the curves with the workbench's chart package: the throughput chart's
// events/s panel alone, given the time axis of the cost chart of the same series (the
// throughput chart leaves its top panel's time labels to the bottom panel).
func rateChart(expected, sampled []chart.Point) *chart.Chart {
	series := []chart.Series{{Name: "expected", Points: expected}}
	if sampled != nil {
		series = append(series, chart.Series{Name: "drawn from the process", Points: sampled})
	}
	o := chart.Options{Title: "Arrival rate over the run"}
	c := chart.Throughput(series, nil, o)
	c.Rows = c.Rows[:1]
	top := c.Rows[0].Panels[0]
	if !top.Empty {
		axis := chart.Cost(series, o).Rows[0].Panels[0].Plot.X
		top.Plot.X.Label.Text = axis.Label.Text
		top.Plot.X.Tick.Marker = axis.Tick.Marker
	}
	return c
}
