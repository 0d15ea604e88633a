package load

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/fanout/fanout/engine/sim"
)

// Arrivals is an arrival process: a stateful source of arrival times.
type Arrivals interface {
	// Next returns the next arrival time (never before the previous one) drawing from r, or
	// false when the process has no further arrival. Callers stop asking past their horizon.
	Next(r *rand.Rand) (sim.Time, bool)
}

// NewArrivals returns the process a describes, starting at start (absolute simulated time).
// a must be valid; replay processes are built by Build, which reads their file.
func NewArrivals(a Arrival, start sim.Time) (Arrivals, error) {
	t0 := start.Seconds()
	switch a.Process {
	case ProcConstant:
		return &constant{t0: t0, gap: 1 / a.Rate.PerSecond()}, nil
	case ProcPoisson:
		return &poisson{t: t0, rate: a.Rate.PerSecond()}, nil
	case ProcBursts:
		return &bursts{
			t: t0, segStart: t0, on: true, poisson: a.Poisson,
			onLen: a.On.D().Seconds(), offLen: a.Off.D().Seconds(),
			onRate: a.OnRate.PerSecond(), offRate: a.OffRate.PerSecond(),
		}, nil
	case ProcDiurnal:
		return &diurnal{t: t0, mean: a.Rate.PerSecond(), amp: a.Amplitude,
			period: a.period().Seconds(), peak: a.Peak.D().Seconds()}, nil
	case ProcRamp:
		return &ramp{t: t0, t0: t0, from: a.From.PerSecond(), to: a.To.PerSecond(),
			over: a.Over.D().Seconds()}, nil
	}
	return nil, fmt.Errorf("arrival process %q cannot be built without its input", a.Process)
}

// maxSeconds is sim.Never in seconds: processes end there.
const maxSeconds = float64(sim.Never) / 1e9

// at converts seconds since the run start to simulated time.
func at(sec float64) sim.Time {
	if sec >= maxSeconds {
		return sim.Never
	}
	return sim.Time(math.Round(sec * 1e9))
}

// constant arrivals are evenly spaced: t0, t0+gap, t0+2·gap, ... (computed from the index,
// so no rounding error accumulates).
type constant struct {
	t0, gap float64
	k       float64
}

func (c *constant) Next(*rand.Rand) (sim.Time, bool) {
	t := c.t0 + c.k*c.gap
	c.k++
	return at(t), true
}

// poisson arrivals have independent exponential gaps with mean 1/rate. The first arrival is
// one gap after the start.
type poisson struct{ t, rate float64 }

func (p *poisson) Next(r *rand.Rand) (sim.Time, bool) {
	p.t += r.ExpFloat64() / p.rate
	return at(p.t), true
}

// bursts alternate On periods at onRate and Off periods at offRate, starting with On.
// Within a period arrivals are evenly spaced from the period's start, or Poisson: then the
// process is sampled by inverting its cumulative intensity (an Exp(1) draw spent across
// periods, whole cycles skipped at once), so sparse bursts cost O(1) per arrival.
type bursts struct {
	t, segStart     float64 // current time; start of the current period
	on, poisson     bool
	onLen, offLen   float64
	onRate, offRate float64
	k               float64 // evenly spaced: index of the next arrival in the period
}

// seg returns the current period's rate and end.
func (b *bursts) seg() (rate, end float64) {
	if b.on {
		return b.onRate, b.segStart + b.onLen
	}
	return b.offRate, b.segStart + b.offLen
}

// advance moves to the start of the next period.
func (b *bursts) advance(end float64) {
	b.t, b.segStart, b.on, b.k = end, end, !b.on, 0
}

func (b *bursts) Next(r *rand.Rand) (sim.Time, bool) {
	if b.poisson {
		return b.nextPoisson(r.ExpFloat64())
	}
	for b.segStart < maxSeconds {
		rate, end := b.seg()
		if rate > 0 {
			if t := b.segStart + b.k/rate; t < end {
				b.t, b.k = t, b.k+1
				return at(t), true
			}
		}
		b.advance(end)
	}
	return sim.Never, false
}

// nextPoisson spends e units of cumulative intensity from the current time.
func (b *bursts) nextPoisson(e float64) (sim.Time, bool) {
	cycle := b.onRate*b.onLen + b.offRate*b.offLen // > 0: onRate and onLen are
	for b.segStart < maxSeconds {
		if b.on && b.t == b.segStart && e >= cycle {
			n := math.Floor(e / cycle)
			e -= n * cycle
			b.segStart += n * (b.onLen + b.offLen)
			b.t = b.segStart
		}
		rate, end := b.seg()
		if left := rate * (end - b.t); e < left {
			b.t += e / rate
			return at(b.t), true
		} else {
			e -= left
		}
		b.advance(end)
	}
	return sim.Never, false
}

// diurnal is a non-homogeneous Poisson process with rate
// mean·(1 + amp·cos(2π(t−peak)/period)), t in seconds since the run start, sampled by
// thinning a Poisson process at the maximum rate mean·(1+amp).
type diurnal struct {
	t, mean, amp, period, peak float64
}

func (d *diurnal) rate(t float64) float64 {
	return d.mean * (1 + d.amp*math.Cos(2*math.Pi*(t-d.peak)/d.period))
}

func (d *diurnal) Next(r *rand.Rand) (sim.Time, bool) {
	max := d.mean * (1 + d.amp)
	for {
		d.t += r.ExpFloat64() / max
		if r.Float64()*max < d.rate(d.t) {
			return at(d.t), true
		}
	}
}

// ramp is a non-homogeneous Poisson process whose rate goes linearly from `from` to `to`
// over `over` seconds, then stays at `to`; sampled by thinning during the ramp.
type ramp struct {
	t, t0, from, to, over float64
}

func (p *ramp) Next(r *rand.Rand) (sim.Time, bool) {
	end := p.t0 + p.over
	max := math.Max(p.from, p.to)
	for p.t < end {
		p.t += r.ExpFloat64() / max
		if p.t >= end {
			p.t = end // memoryless: restart at the end of the ramp at rate `to`
			break
		}
		rate := p.from + (p.to-p.from)*(p.t-p.t0)/p.over
		if r.Float64()*max < rate {
			return at(p.t), true
		}
	}
	if p.to <= 0 {
		return sim.Never, false
	}
	p.t += r.ExpFloat64() / p.to
	return at(p.t), true
}
