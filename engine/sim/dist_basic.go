package sim

import (
	"math"
	"math/rand/v2"
)

// constant always returns the same value.
type constant struct{ v float64 }

// NewConstant returns the distribution that always yields v (any finite value).
func NewConstant(v float64) (Dist, error) {
	if err := checkFinite("constant", "value", v); err != nil {
		return nil, err
	}
	return constant{v}, nil
}

func (c constant) Sample(*rand.Rand) float64 { return c.v }
func (c constant) Mean() float64             { return c.v }
func (c constant) Quantile(float64) float64  { return c.v }
func (c constant) String() string            { return "constant(" + fmtNum(c.v) + ")" }

// uniform is continuous uniform on [min, max).
type uniform struct{ min, max float64 }

// NewUniform returns the continuous uniform distribution on [min, max).
// min and max must be finite with min <= max; min == max yields min always.
func NewUniform(min, max float64) (Dist, error) {
	const k = "uniform"
	if err := checkFinite(k, "min", min); err != nil {
		return nil, err
	}
	if err := checkFinite(k, "max", max); err != nil {
		return nil, err
	}
	if min > max {
		return nil, paramErr(k, "max", max, "must be >= min (%s)", fmtNum(min))
	}
	if math.IsInf(max-min, 0) {
		return nil, paramErr(k, "max", max, "is too far from min (%s): the width overflows", fmtNum(min))
	}
	return uniform{min, max}, nil
}

func (u uniform) Sample(r *rand.Rand) float64 { return u.min + (u.max-u.min)*r.Float64() }
func (u uniform) Mean() float64               { return u.min + (u.max-u.min)/2 }
func (u uniform) Quantile(p float64) float64  { return u.min + (u.max-u.min)*clamp01(p) }
func (u uniform) String() string {
	return "uniform(min=" + fmtNum(u.min) + ", max=" + fmtNum(u.max) + ")"
}

// exponential has the given mean (rate 1/mean).
type exponential struct{ mean float64 }

// NewExponential returns the exponential distribution with the given mean
// (the inter-arrival time of a Poisson process of rate 1/mean). mean must be
// finite and > 0.
func NewExponential(mean float64) (Dist, error) {
	const k = "exponential"
	if err := checkFinite(k, "mean", mean); err != nil {
		return nil, err
	}
	if mean <= 0 {
		return nil, paramErr(k, "mean", mean, "must be > 0")
	}
	return exponential{mean}, nil
}

func (e exponential) Sample(r *rand.Rand) float64 {
	return math.Min(r.ExpFloat64()*e.mean, math.MaxFloat64)
}
func (e exponential) Mean() float64 { return e.mean }
func (e exponential) Quantile(p float64) float64 {
	return -e.mean * math.Log1p(-clamp01(p))
}
func (e exponential) String() string { return "exponential(mean=" + fmtNum(e.mean) + ")" }

// clamp01 limits p to [0, 1]; NaN becomes 0.
func clamp01(p float64) float64 {
	if !(p > 0) {
		return 0
	}
	return math.Min(p, 1)
}
