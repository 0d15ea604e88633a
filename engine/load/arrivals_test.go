package load

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
)

// z999 is the two-sided 99.9% normal quantile.
const z999 = 3.29

// arrivalsUntil draws arrivals before end and checks they never go backwards.
func arrivalsUntil(t *testing.T, a Arrival, start, end time.Duration, seed uint64) []float64 {
	t.Helper()
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	p, err := NewArrivals(a, sim.Time(start))
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(seed, 7))
	var out []float64
	prev := sim.Time(-1)
	for {
		at, ok := p.Next(r)
		if !ok || at >= sim.Time(end) {
			return out
		}
		if at < prev || at < sim.Time(start) {
			t.Fatalf("arrival %s before previous %s or start", at, prev)
		}
		prev = at
		out = append(out, at.Seconds())
	}
}

// within checks a Poisson-like count against its expectation at 99.9%.
func within(t *testing.T, what string, got int, want float64) {
	t.Helper()
	if d := math.Abs(float64(got) - want); d > z999*math.Sqrt(want) {
		t.Errorf("%s: got %d, want %.1f ± %.1f", what, got, want, z999*math.Sqrt(want))
	}
}

func countIn(ts []float64, from, to float64) int {
	n := 0
	for _, x := range ts {
		if x >= from && x < to {
			n++
		}
	}
	return n
}

func TestConstantExact(t *testing.T) {
	ts := arrivalsUntil(t, Arrival{Process: ProcConstant, Rate: 3}, 5*time.Second, 105*time.Second, 1)
	if len(ts) != 300 {
		t.Fatalf("got %d arrivals in 100 s at 3/s, want 300", len(ts))
	}
	for i, x := range ts {
		if want := 5 + float64(i)/3; math.Abs(x-want) > 1e-9 {
			t.Fatalf("arrival %d at %.10f, want %.10f", i, x, want)
		}
	}
}

func TestPoissonCountAndGaps(t *testing.T) {
	const rate, T = 50.0, 2000.0
	ts := arrivalsUntil(t, Arrival{Process: ProcPoisson, Rate: rate}, 0, T*time.Second, 2)
	within(t, "count", len(ts), rate*T)
	var sum, sq float64
	prev := 0.0
	for _, x := range ts {
		g := x - prev
		prev = x
		sum += g
		sq += g * g
	}
	n := float64(len(ts))
	mean := sum / n
	cv := math.Sqrt(sq/n-mean*mean) / mean
	if d := math.Abs(mean - 1/rate); d > z999*(1/rate)/math.Sqrt(n) {
		t.Errorf("mean gap %.6f, want %.6f", mean, 1/rate)
	}
	if d := math.Abs(cv - 1); d > z999*math.Sqrt(2/n) {
		t.Errorf("gap CV %.4f, want 1", cv)
	}
}

func TestBurstsOnOff(t *testing.T) {
	a := Arrival{Process: ProcBursts, OnRate: 200, OffRate: 5, On: field.Duration(10 * time.Second),
		Off: field.Duration(50 * time.Second), Poisson: true}
	const cycles = 100
	ts := arrivalsUntil(t, a, 0, cycles*60*time.Second, 3)
	on, off := 0, 0
	for _, x := range ts {
		if math.Mod(x, 60) < 10 {
			on++
		} else {
			off++
		}
	}
	within(t, "on count", on, 200*10*cycles)
	within(t, "off count", off, 5*50*cycles)

	// evenly spaced, silent off periods: exactly on_rate·on per cycle, all within on periods
	a.Poisson, a.OffRate = false, 0
	ts = arrivalsUntil(t, a, 0, cycles*60*time.Second, 3)
	if len(ts) != 2000*cycles {
		t.Errorf("evenly spaced bursts: got %d, want %d", len(ts), 2000*cycles)
	}
	for _, x := range ts {
		if math.Mod(x, 60) >= 10 {
			t.Fatalf("arrival at %.3f s falls in an off period", x)
		}
	}
}

func TestDiurnalPeakTroughMean(t *testing.T) {
	const mean, amp, P, peak, periods = 5.0, 0.6, 600.0, 150.0, 100
	a := Arrival{Process: ProcDiurnal, Rate: mean, Amplitude: amp,
		Period: field.Duration(P * time.Second), Peak: field.Duration(peak * time.Second)}
	ts := arrivalsUntil(t, a, 0, periods*P*time.Second, 4)
	within(t, "total", len(ts), mean*P*periods)
	const w = P / 20 // half-width of the windows around the peak and the trough
	bump := amp * P / math.Pi * math.Sin(2*math.Pi*w/P)
	atPeak, atTrough := 0, 0
	for k := 0.0; k < periods; k++ {
		atPeak += countIn(ts, k*P+peak-w, k*P+peak+w)
		atTrough += countIn(ts, k*P+peak+P/2-w, k*P+peak+P/2+w)
	}
	within(t, "peak window", atPeak, periods*mean*(2*w+bump))
	within(t, "trough window", atTrough, periods*mean*(2*w-bump))
	if r := float64(atPeak) / float64(atTrough); r < 3 {
		t.Errorf("peak/trough ratio %.2f, want about %.2f", r, (2*w+bump)/(2*w-bump))
	}
}

func TestRampCumulative(t *testing.T) {
	const from, to, over = 1.0, 100.0, 600.0
	a := Arrival{Process: ProcRamp, From: from, To: to, Over: field.Duration(over * time.Second)}
	start := 30.0
	ts := arrivalsUntil(t, a, time.Duration(start*float64(time.Second)), 930*time.Second, 5)
	cum := func(x float64) float64 { // expected count in [start, start+x], x <= over
		return from*x + (to-from)*x*x/(2*over)
	}
	within(t, "first half", countIn(ts, 0, start+300), cum(300))
	within(t, "whole ramp", countIn(ts, 0, start+over), cum(over))
	within(t, "after the ramp", countIn(ts, start+over, start+900), to*300)

	// ramp down to 0 ends the process
	down := Arrival{Process: ProcRamp, From: 100, Over: field.Duration(over * time.Second)}
	ts = arrivalsUntil(t, down, 0, 1e6*time.Second, 6)
	within(t, "ramp down total", len(ts), 100*over/2)
	if last := ts[len(ts)-1]; last >= over {
		t.Errorf("arrival at %.1f s after a ramp down to 0", last)
	}
}

func TestArrivalsDeterministic(t *testing.T) {
	for _, a := range []Arrival{
		{Process: ProcPoisson, Rate: 10},
		{Process: ProcBursts, OnRate: 10, On: field.Duration(time.Second), Off: field.Duration(time.Second), Poisson: true},
		{Process: ProcDiurnal, Rate: 10, Amplitude: 0.5},
		{Process: ProcRamp, From: 1, To: 10, Over: field.Duration(time.Minute)},
	} {
		x := arrivalsUntil(t, a, 0, 100*time.Second, 9)
		y := arrivalsUntil(t, a, 0, 100*time.Second, 9)
		z := arrivalsUntil(t, a, 0, 100*time.Second, 10)
		if len(x) == 0 || len(x) != len(y) || x[len(x)-1] != y[len(y)-1] {
			t.Errorf("%s: same seed, different arrivals", a.Process)
		}
		if len(x) == len(z) && x[0] == z[0] {
			t.Errorf("%s: different seeds, same arrivals", a.Process)
		}
	}
}
