package sim

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestSpecBuildErrors(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		spec  Spec
		field string
		msg   string // the full error text
	}{
		{Spec{}, "kind", `distribution: kind "" is not one of constant, uniform, exponential, normal, lognormal, empirical, percentiles`},
		{Spec{Kind: "gaussian"}, "kind", `distribution: kind "gaussian" is not one of`},
		{Spec{Kind: "constant", Value: nan}, "value", "constant: value (NaN) must be a finite number"},
		{Spec{Kind: "constant", Value: 1, Mean: 2}, "mean", "constant: mean is not a parameter of constant (it takes value)"},
		{Spec{Kind: "uniform", Min: 5, Max: 1}, "max", "uniform: max (1) must be >= min (5)"},
		{Spec{Kind: "uniform", Min: -inf, Max: 1}, "min", "uniform: min (-Inf) must be a finite number"},
		{Spec{Kind: "uniform", Min: -1e308, Max: 1e308}, "max", "uniform: max (1e+308) is too far from min"},
		{Spec{Kind: "exponential"}, "mean", "exponential: mean (0) must be > 0"},
		{Spec{Kind: "exponential", Mean: -1}, "mean", "exponential: mean (-1) must be > 0"},
		{Spec{Kind: "exponential", Mean: 1, SD: 1}, "sd", "exponential: sd is not a parameter of exponential (it takes mean)"},
		{Spec{Kind: "normal", Mean: 1, SD: -2}, "sd", "normal: sd (-2) must be >= 0"},
		{Spec{Kind: "normal", Mean: inf, SD: 2}, "mean", "normal: mean (+Inf) must be a finite number"},
		{Spec{Kind: "normal", Mean: 1, SD: 1e307}, "sd", "normal: sd (1e+307) is too large"},
		{Spec{Kind: "normal", Mean: -1}, "mean", "normal: mean (-1) must be >= 0 when sd is 0 and truncate is true"},
		{Spec{Kind: "lognormal"}, "median", "lognormal: median and p99 (or mu and sigma) are required"},
		{Spec{Kind: "lognormal", Median: 20, P99: 10}, "p99", "lognormal: p99 (10) must exceed median (20)"},
		{Spec{Kind: "lognormal", Median: -1, P99: 10}, "median", "lognormal: median (-1) must be > 0"},
		{Spec{Kind: "lognormal", P99: 10}, "median", "lognormal: median (0) must be > 0"},
		{Spec{Kind: "lognormal", Median: 1e300, P99: 1e308}, "p99", "lognormal: p99 (1e+308) is too far above median"},
		{Spec{Kind: "lognormal", Median: 1, P99: 2, Mu: 1}, "mu", "lognormal: mu cannot be combined with median and p99"},
		{Spec{Kind: "lognormal", Median: 1, P99: 2, Sigma: 1}, "sigma", "lognormal: sigma cannot be combined"},
		{Spec{Kind: "lognormal", Mu: 1, Sigma: -1}, "sigma", "lognormal: sigma (-1) must be >= 0"},
		{Spec{Kind: "lognormal", Mu: 700, Sigma: 5}, "sigma", "lognormal: sigma (5) is too large for mu (700)"},
		{Spec{Kind: "empirical"}, "values", "empirical: values must list at least one value"},
		{Spec{Kind: "empirical", Values: []float64{1, nan}}, "values[1]", "empirical: values[1] (NaN) must be a finite number"},
		{Spec{Kind: "empirical", Values: []float64{1, 2}, Weights: []float64{1}}, "weights", "empirical: weights has 1 entries, want one per value (2)"},
		{Spec{Kind: "empirical", Values: []float64{1, 2}, Weights: []float64{1, -1}}, "weights[1]", "empirical: weights[1] (-1) must be >= 0"},
		{Spec{Kind: "empirical", Values: []float64{1, 2}, Weights: []float64{0, 0}}, "weights", "empirical: weights (0) sum must be positive and finite"},
		{Spec{Kind: "empirical", Values: []float64{1, 2}, Weights: []float64{1e308, 1e308}}, "weights", "empirical: weights (+Inf) sum must be positive and finite"},
		{Spec{Kind: "percentiles", Points: []Point{{0, 1}}}, "points", "percentiles: points has 1 entries, want at least 2"},
		{Spec{Kind: "percentiles", Points: []Point{{0.1, 1}, {1, 2}}}, "points[0].p", "percentiles: points[0].p (0.1) must be 0: the table must start at p=0"},
		{Spec{Kind: "percentiles", Points: []Point{{0, 1}, {0.9, 2}}}, "points[1].p", "percentiles: points[1].p (0.9) must be 1: the table must end at p=1"},
		{Spec{Kind: "percentiles", Points: []Point{{0, 1}, {0.6, 2}, {0.5, 3}, {1, 4}}}, "points[2].p", "percentiles: points[2].p (0.5) must be >= the previous p (0.6)"},
		{Spec{Kind: "percentiles", Points: []Point{{0, 1}, {0.5, 3}, {1, 2}}}, "points[2].v", "percentiles: points[2].v (2) must be >= the previous v (3)"},
		{Spec{Kind: "percentiles", Points: []Point{{0, 1}, {1.5, 3}}}, "points[1].p", "percentiles: points[1].p (1.5) must be in [0, 1]"},
		{Spec{Kind: "percentiles", Points: []Point{{0, 1}, {1, inf}}}, "points[1].v", "percentiles: points[1].v (+Inf) must be a finite number"},
		{Spec{Kind: "percentiles", Points: []Point{{0, 1}, {1, 2}}, Values: []float64{}}, "values", "percentiles: values is not a parameter of percentiles (it takes points)"},
	}
	for _, tc := range tests {
		_, err := tc.spec.Build()
		var pe *ParamError
		if !errors.As(err, &pe) {
			t.Errorf("%+v: error %v is not a *ParamError", tc.spec, err)
			continue
		}
		if pe.Field != tc.field || !strings.HasPrefix(err.Error(), tc.msg) {
			t.Errorf("%+v:\n got field %q error %q\nwant field %q error %q...", tc.spec, pe.Field, err, tc.field, tc.msg)
		}
	}
}

func TestSpecBuildValid(t *testing.T) {
	for _, s := range validSpecs() {
		if _, err := s.Build(); err != nil {
			t.Errorf("%+v: %v", s, err)
		}
	}
	off := false
	n, err := Spec{Kind: "normal", Mean: -1, SD: 1, Truncate: &off}.Build()
	if err != nil || n.Mean() != -1 {
		t.Errorf("untruncated normal: %v, mean %v", err, n.Mean())
	}
	n, err = Spec{Kind: "normal", Mean: 0, SD: 1}.Build()
	if err != nil || math.Abs(n.Mean()-math.Sqrt(2/math.Pi)) > 1e-12 {
		t.Errorf("normal must truncate by default: %v, mean %v", err, n.Mean())
	}
	if got := Kinds(); len(got) != 7 || got[0] != "constant" {
		t.Errorf("Kinds() = %v", got)
	}
}

// FuzzSpecBuild: Build never panics, and a built distribution samples
// finite values and reports a finite mean.
func FuzzSpecBuild(f *testing.F) {
	f.Add("lognormal", 400.0, 20000.0, 0.0, 0.0, uint8(0), []byte{1, 2})
	f.Add("normal", -3.0, 1.0, 0.0, 0.0, uint8(1), []byte{})
	f.Add("empirical", 1.0, 2.0, 3.0, 0.5, uint8(2), []byte{0, 5, 9})
	f.Add("percentiles", 0.0, 0.5, 1.0, 7.0, uint8(0), []byte{3, 3, 200})
	f.Add("uniform", -1e308, 1e308, 0.0, 0.0, uint8(0), []byte{})
	f.Fuzz(func(t *testing.T, kind string, a, b, c, d float64, flags uint8, raw []byte) {
		s := fuzzSpec(kind, a, b, c, d, flags, raw)
		dist, err := s.Build()
		if err != nil {
			var pe *ParamError
			if !errors.As(err, &pe) || pe.Field == "" {
				t.Fatalf("%+v: error %v does not name a field", s, err)
			}
			return
		}
		if m := dist.Mean(); math.IsNaN(m) || math.IsInf(m, 0) {
			t.Fatalf("%v: Mean() = %v", dist, m)
		}
		r := rand.New(rand.NewPCG(uint64(flags), 1))
		for range 64 {
			if x := dist.Sample(r); math.IsNaN(x) || math.IsInf(x, 0) {
				t.Fatalf("%v drew %v", dist, x)
			}
		}
		_ = dist.String()
	})
}

// fuzzSpec spreads the fuzzer's scalars over the Spec fields.
func fuzzSpec(kind string, a, b, c, d float64, flags uint8, raw []byte) Spec {
	s := Spec{Kind: kind}
	if k := int(flags) % 8; k < len(kinds) && flags&0x80 != 0 {
		s.Kind = kinds[k]
	}
	switch s.Kind {
	case "constant":
		s.Value = a
	case "uniform":
		s.Min, s.Max = a, b
	case "exponential":
		s.Mean = a
	case "normal":
		s.Mean, s.SD = a, b
		if flags&1 != 0 {
			tr := flags&2 != 0
			s.Truncate = &tr
		}
	case "lognormal":
		s.Median, s.P99, s.Mu, s.Sigma = a, b, c, d
	case "empirical":
		s.Values = []float64{a, b, c}
		for _, x := range raw {
			s.Weights = append(s.Weights, float64(x)*d)
		}
	case "percentiles":
		for i, x := range raw {
			s.Points = append(s.Points, Point{P: float64(x) / 255, V: a + float64(i)*b})
		}
	default:
		s.Value, s.Mean = a, b
	}
	return s
}
