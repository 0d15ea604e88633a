package sim

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"
)

const (
	nDraws = 200_000
	z999   = 3.2905267314919255 // two-sided 99.9% normal bound
)

// mustDist returns d, panicking on a construction error (a test bug).
func mustDist(d Dist, err error) Dist {
	if err != nil {
		panic(err)
	}
	return d
}

// sample draws n values from d with a fixed seed.
func sample(d Dist, seed uint64, n int) []float64 {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = d.Sample(r)
	}
	return xs
}

// checkMean asserts the sample mean is within the 99.9% confidence bound of
// d.Mean(), using the sample standard deviation.
func checkMean(t *testing.T, d Dist, xs []float64) {
	t.Helper()
	var sum, sq float64
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t.Fatalf("%v drew %v", d, x)
		}
		sum += x
	}
	m := sum / float64(len(xs))
	for _, x := range xs {
		sq += (x - m) * (x - m)
	}
	se := math.Sqrt(sq/float64(len(xs)-1)) / math.Sqrt(float64(len(xs)))
	if math.Abs(m-d.Mean()) > z999*se+1e-12*math.Abs(d.Mean()) {
		t.Errorf("%v: sample mean %.6g, Mean() %.6g, bound ±%.3g", d, m, d.Mean(), z999*se)
	}
}

// checkQuantiles asserts the fraction of draws at or below Quantile(p) is
// within the 99.9% binomial bound of p: a distribution-free quantile test.
func checkQuantiles(t *testing.T, d Dist, xs []float64, ps ...float64) {
	t.Helper()
	q := d.(Quantiler)
	sorted := append([]float64(nil), xs...)
	sort.Float64s(sorted)
	n := float64(len(xs))
	for _, p := range ps {
		v := q.Quantile(p)
		below := float64(sort.Search(len(sorted), func(i int) bool { return sorted[i] > v }))
		if bound := z999 * math.Sqrt(p*(1-p)/n); math.Abs(below/n-p) > bound {
			t.Errorf("%v: P(X <= Q(%v)=%.6g) = %.5f, want %v ± %.5f", d, p, v, below/n, p, bound)
		}
	}
}

func TestContinuousDistributions(t *testing.T) {
	type build func() (Dist, error)
	tests := []struct {
		name  string
		build build
		mean  float64 // independent reference mean
		min   float64 // no draw below
	}{
		{"uniform", func() (Dist, error) { return NewUniform(-2, 6) }, 2, -2},
		{"exponential", func() (Dist, error) { return NewExponential(0.25) }, 0.25, 0},
		{"normal plain", func() (Dist, error) { return NewNormal(-3, 2, false) }, -3, math.Inf(-1)},
		{"normal barely truncated", func() (Dist, error) { return NewNormal(10, 2, true) }, truncMeanRef(10, 2), 0},
		{"half-normal", func() (Dist, error) { return NewNormal(0, 1, true) }, math.Sqrt(2 / math.Pi), 0},
		{"normal mean<sd", func() (Dist, error) { return NewNormal(1, 2, true) }, truncMeanRef(1, 2), 0},
		{"normal tail", func() (Dist, error) { return NewNormal(-3, 1, true) }, truncMeanRef(-3, 1), 0},
		{"normal below series switch", func() (Dist, error) { return NewNormal(-34.99, 1, true) }, truncMeanRef(-34.99, 1), 0},
		{"normal above series switch", func() (Dist, error) { return NewNormal(-35.01, 1, true) }, truncMeanRef(-35.01, 1), 0},
		{"normal far tail", func() (Dist, error) { return NewNormal(-40, 1, true) }, truncMeanRef(-40, 1), 0},
		{"lognormal mu sigma", func() (Dist, error) { return NewLogNormal(1, 0.5) }, math.Exp(1.125), 0},
		{"lognormal median p99", func() (Dist, error) { return NewLogNormalMedianP99(400, 20000) },
			400 * math.Exp(math.Pow(math.Log(50)/Z99, 2)/2), 0},
		{"percentiles", func() (Dist, error) {
			return NewPercentileTable([]Point{{0, 10}, {0.5, 120}, {0.9, 300}, {0.99, 800}, {1, 900}})
		}, 0.5*65 + 0.4*210 + 0.09*550 + 0.01*850, 10},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mustDist(tc.build())
			if rel := math.Abs(d.Mean()-tc.mean) / math.Max(1e-300, math.Abs(tc.mean)); rel > 1e-9 {
				t.Errorf("Mean() = %.12g, reference %.12g", d.Mean(), tc.mean)
			}
			xs := sample(d, uint64(i), nDraws)
			checkMean(t, d, xs)
			checkQuantiles(t, d, xs, 0.01, 0.5, 0.9, 0.99)
			for _, x := range xs {
				if x < tc.min {
					t.Fatalf("draw %v below %v", x, tc.min)
				}
			}
		})
	}
}

// truncMeanRef computes E[X | X >= 0] for X ~ N(mu, sd^2) by Simpson
// integration in shifted coordinates (independent of millsInv):
// E[Z | Z >= a] = a + ∫t·g(t)dt / ∫g(t)dt with g(t) = exp(-(a·t + t²/2)).
func truncMeanRef(mu, sd float64) float64 {
	a := -mu / sd
	g := func(t float64) float64 { return math.Exp(-(a*t + t*t/2)) }
	hi := math.Max(0, -a) + 40
	const n = 200000
	h := hi / n
	var num, den float64
	for i := 0; i <= n; i++ {
		w := 2.0
		switch {
		case i == 0 || i == n:
			w = 1
		case i%2 == 1:
			w = 4
		}
		x := float64(i) * h
		num += w * x * g(x)
		den += w * g(x)
	}
	return mu + sd*(a+num/den)
}

func TestQuantileReferences(t *testing.T) {
	ln, _ := NewLogNormalMedianP99(400, 20000)
	lm, _ := NewLogNormal(2, 0.7)
	ex, _ := NewExponential(2)
	no, _ := NewNormal(10, 2, false)
	hn, _ := NewNormal(0, 1, true)
	pt, _ := NewPercentileTable([]Point{{0, 1}, {0.5, 10}, {0.5, 20}, {1, 30}})
	tests := []struct {
		d    Dist
		p    float64
		want float64
	}{
		{ln, 0.5, 400}, {ln, 0.99, 20000},
		{lm, 0.5, math.Exp(2)},
		{ex, 0.5, 2 * math.Ln2},
		{no, 0.99, 10 + 2*Z99}, {no, 0.5, 10},
		{hn, 0.5, 0.6744897501960817},
		{pt, 0, 1}, {pt, 0.25, 5.5}, {pt, 0.5, 20}, {pt, 0.75, 25}, {pt, 1, 30},
	}
	for _, tc := range tests {
		if got := tc.d.(Quantiler).Quantile(tc.p); math.Abs(got-tc.want) > 1e-9*math.Abs(tc.want) {
			t.Errorf("%v Quantile(%v) = %.12g, want %.12g", tc.d, tc.p, got, tc.want)
		}
	}
	// the jump at p=0.5: no draw strictly between 10 and 20
	for _, x := range sample(pt, 1, 20000) {
		if x > 10 && x < 20 {
			t.Fatalf("percentile table with a jump drew %v", x)
		}
	}
}

func TestEmpirical(t *testing.T) {
	values := []float64{1, 2, 3, 10, 2}
	weights := []float64{1, 0, 3, 5.5, 0.5}
	d := mustDist(NewEmpirical(values, weights))
	if want := (1 + 9 + 55 + 1) / 10.0; math.Abs(d.Mean()-want) > 1e-12 {
		t.Errorf("Mean() = %v, want %v", d.Mean(), want)
	}
	xs := sample(d, 3, nDraws)
	checkMean(t, d, xs)
	want := map[float64]float64{1: 0.1, 2: 0.05, 3: 0.3, 10: 0.55}
	got := map[float64]float64{}
	for _, x := range xs {
		got[x]++
	}
	for v, p := range want {
		f := got[v] / nDraws
		if bound := z999 * math.Sqrt(p*(1-p)/nDraws); math.Abs(f-p) > bound {
			t.Errorf("P(%v) = %.5f, want %v ± %.5f", v, f, p, bound)
		}
	}
	if len(got) != len(want) {
		t.Errorf("drew values %v, want only %v", got, want)
	}
	eq := mustDist(NewEmpirical([]float64{4, 8}, nil))
	if eq.Mean() != 6 {
		t.Errorf("equal weights Mean() = %v, want 6", eq.Mean())
	}
	checkMean(t, eq, sample(eq, 4, nDraws))
}

func TestConstant(t *testing.T) {
	d := mustDist(NewConstant(-2.5))
	for _, x := range sample(d, 1, 100) {
		if x != -2.5 {
			t.Fatalf("constant drew %v", x)
		}
	}
	if d.Mean() != -2.5 {
		t.Errorf("Mean() = %v", d.Mean())
	}
}

func TestDistString(t *testing.T) {
	tests := []struct {
		spec Spec
		want string
	}{
		{Spec{Kind: "constant", Value: 5}, "constant(5)"},
		{Spec{Kind: "uniform", Min: 0.5, Max: 2e6}, "uniform(min=0.5, max=2000000)"},
		{Spec{Kind: "exponential", Mean: 1e-7}, "exponential(mean=1e-07)"},
		{Spec{Kind: "normal", Mean: 100, SD: 15}, "normal(mean=100, sd=15)"},
		{Spec{Kind: "normal", Mean: 100, SD: 15, Truncate: new(false)}, "normal(mean=100, sd=15, truncate=false)"},
		{Spec{Kind: "lognormal", Median: 400, P99: 20000}, "lognormal(median=400, p99=20000)"},
		{Spec{Kind: "lognormal", Mu: 1, Sigma: 0.5}, "lognormal(mu=1, sigma=0.5)"},
		{Spec{Kind: "empirical", Values: []float64{1, 2}, Weights: []float64{1, 3}}, "empirical(1:0.25, 2:0.75)"},
		{Spec{Kind: "empirical", Values: []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
			"empirical(1:0.1, 2:0.1, 3:0.1, 4:0.1, 5:0.1, 6:0.1, 7:0.1, 8:0.1, … 2 more)"},
		{Spec{Kind: "percentiles", Points: []Point{{0, 10}, {0.5, 120}, {0.999, 800}, {1, 900}}},
			"percentiles(p0=10, p50=120, p99.9=800, p100=900)"},
	}
	for _, tc := range tests {
		d, err := tc.spec.Build()
		if err != nil {
			t.Errorf("%+v: %v", tc.spec, err)
			continue
		}
		if got := d.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}

func TestDistDeterministic(t *testing.T) {
	for _, s := range validSpecs() {
		d, err := s.Build()
		if err != nil {
			t.Fatal(err)
		}
		a := sample(d, 11, 1000)
		b := sample(d, 11, 1000)
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("%v: draw %d differs between identical runs", d, i)
			}
		}
	}
}

// validSpecs returns one valid Spec per kind (and per lognormal form).
func validSpecs() []Spec {
	return []Spec{
		{Kind: "constant", Value: 3},
		{Kind: "uniform", Min: 1, Max: 2},
		{Kind: "exponential", Mean: 0.5},
		{Kind: "normal", Mean: 1, SD: 2},
		{Kind: "lognormal", Median: 400e3, P99: 20e6},
		{Kind: "lognormal", Mu: 0, Sigma: 1},
		{Kind: "empirical", Values: []float64{1, 5}, Weights: []float64{0.3, 0.7}},
		{Kind: "percentiles", Points: []Point{{0, 1}, {0.9, 5}, {1, 50}}},
	}
}
