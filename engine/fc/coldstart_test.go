package fc

import (
	"math"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// TestColdStartMeans checks each runtime's analytic mean against its definition and against a
// sample mean of 20,000 draws.
func TestColdStartMeans(t *testing.T) {
	interp := math.Sqrt(100*300) * math.Exp(math.Pow(math.Log(3)/(2*z95), 2)/2) // ≈ 183 ms
	java := func(cp float64) float64 { return (500 + 25*cp) * math.Exp(0.2*0.2/2) }
	ctr := math.Sqrt(200*600) * math.Exp(math.Pow(math.Log(3)/(2*z95), 2)/2)
	img := &ImageSpec{Size: 800 << 20, PullBandwidth: 100 << 20}
	cases := []struct {
		name string
		spec FunctionSpec
		ms   float64
	}{
		{"python3.9", FunctionSpec{Runtime: "python3.9"}, interp},
		{"python3.10", FunctionSpec{Runtime: "python3.10"}, interp},
		{"nodejs16", FunctionSpec{Runtime: "nodejs16"}, interp},
		{"nodejs18", FunctionSpec{Runtime: "nodejs18"}, interp},
		{"php7.2", FunctionSpec{Runtime: "php7.2"}, interp},
		{"go1", FunctionSpec{Runtime: "go1"}, interp},
		{"java11 no classpath", FunctionSpec{Runtime: "java11"}, java(0)},
		{"java11 40 MB", FunctionSpec{Runtime: "java11", ClasspathMB: 40}, java(40)},
		{"java11 100 MB", FunctionSpec{Runtime: "java11", ClasspathMB: 100}, java(100)},
		{"container 800 MB uncached", FunctionSpec{Runtime: "custom-container", Image: img}, ctr + 8000},
		{"override", FunctionSpec{Runtime: "go1", ColdStart: &sim.Spec{Kind: "exponential", Mean: 253}}, 253},
	}
	r := sim.NewStreams(1).Stream("t")
	for _, c := range cases {
		m, err := newColdModel(c.spec.WithDefaults())
		if err != nil {
			t.Fatal(err)
		}
		got := m.mean().Seconds() * 1e3
		if !near(got, c.ms, 1e-6) {
			t.Errorf("%s: mean %.3f ms, want %.3f", c.name, got, c.ms)
		}
		sum := 0.0
		const n = 20000
		for range n {
			sum += m.sample(r, false).Seconds() * 1e3
		}
		if !near(sum/n, c.ms, 0.03) {
			t.Errorf("%s: sample mean %.1f ms, want %.1f", c.name, sum/n, c.ms)
		}
	}
	if interp < 150 || interp > 250 {
		t.Errorf("interpreted mean %.0f ms outside the article's 100–300 ms", interp)
	}
	if java(0) < 500 || java(100) > 3100 {
		t.Errorf("java means %.0f..%.0f ms outside 0.5–3 s", java(0), java(100))
	}
}

// TestImageCache: the first cold start of a container pulls the image; within cached_ttl of the
// last use the next cold start does not; after it, it pulls again.
func TestImageCache(t *testing.T) {
	spec := fixedFn()
	spec.Runtime, spec.ColdStart = "custom-container", &sim.Spec{Kind: "constant", Value: 300}
	spec.Image = &ImageSpec{Size: 500 << 20, PullBandwidth: 100 << 20, CachedTTL: dur(time.Minute)}
	spec.KeepAlive = dur(time.Second)
	r := newRig(t, spec)
	r.at(0, 1)  // pull: 300 ms + 5 s
	r.at(30, 1) // instance reclaimed after 1 s idle; image cached until ~65 s
	r.at(200, 1)
	r.s.Run()
	want := []time.Duration{5300 * time.Millisecond, 300 * time.Millisecond, 5300 * time.Millisecond}
	for i, inv := range r.byTag() {
		if !inv.Cold || inv.ColdStart != want[i] {
			t.Errorf("cold start %d: %v (cold %v), want %v", i, inv.ColdStart, inv.Cold, want[i])
		}
	}
}
