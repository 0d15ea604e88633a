package sim

import (
	"math"
	"math/rand/v2"
)

// normal is a normal distribution, optionally conditioned on x >= 0.
type normal struct {
	mu, sd   float64
	truncate bool
	alpha    float64 // lower bound of the standard variate: -mu/sd (truncated only)
	mean     float64
}

// NewNormal returns the normal distribution with the given mean and standard
// deviation sd (>= 0). With truncate (the Spec default, for durations and
// sizes) draws are conditioned on x >= 0: they are exact draws from the
// truncated density, not values clamped to 0. Truncation is done by
// rejection: plain re-draws when mean >= 0 (acceptance >= 50%), and Robert's
// (1995) exponential-proposal sampler for the tail when mean < 0, so even a
// mean far below zero costs O(1) draws. Mean() returns the truncated mean.
func NewNormal(mean, sd float64, truncate bool) (Dist, error) {
	const k = "normal"
	if err := checkFinite(k, "mean", mean); err != nil {
		return nil, err
	}
	if err := checkFinite(k, "sd", sd); err != nil {
		return nil, err
	}
	if sd < 0 {
		return nil, paramErr(k, "sd", sd, "must be >= 0")
	}
	if math.IsInf(math.Abs(mean)+64*sd, 0) {
		return nil, paramErr(k, "sd", sd, "is too large: draws would overflow")
	}
	if truncate && sd == 0 && mean < 0 {
		return nil, paramErr(k, "mean", mean, "must be >= 0 when sd is 0 and truncate is true")
	}
	n := normal{mu: mean, sd: sd, truncate: truncate && sd > 0, mean: mean}
	if n.truncate {
		n.alpha = -mean / sd
		n.mean = mean + sd*millsInv(n.alpha)
	}
	return n, nil
}

func (n normal) Sample(r *rand.Rand) float64 {
	if !n.truncate {
		return clampFinite(n.mu + n.sd*r.NormFloat64())
	}
	var z float64
	if n.alpha <= 0 {
		for z = r.NormFloat64(); z < n.alpha; z = r.NormFloat64() {
		}
	} else {
		z = tailNormal(r, n.alpha)
	}
	return clampFinite(math.Max(0, n.mu+n.sd*z))
}

// tailNormal draws a standard normal conditioned on z >= a, a > 0, with
// Robert's exponential rejection sampler (acceptance > 0.75 for all a).
func tailNormal(r *rand.Rand, a float64) float64 {
	lambda := (a + math.Sqrt(a*a+4)) / 2
	for {
		z := a + r.ExpFloat64()/lambda
		d := z - lambda
		if r.Float64() <= math.Exp(-d*d/2) {
			return z
		}
	}
}

func (n normal) Mean() float64 { return n.mean }

// Quantile inverts the (truncated) CDF. The plain normal uses math.Erfinv;
// the truncated one bisects the log survival function, which stays accurate
// however far in the tail the truncation point lies.
func (n normal) Quantile(p float64) float64 {
	p = clamp01(p)
	if !n.truncate {
		return n.mu + n.sd*stdNormalQuantile(p)
	}
	target := math.Log1p(-p) // log P(Z > z | Z > alpha)
	base := logQ(n.alpha)
	lo, hi := n.alpha, math.Max(n.alpha, 0)+40
	for range 200 {
		mid := lo + (hi-lo)/2
		if mid == lo || mid == hi {
			break
		}
		if logQ(mid)-base > target {
			lo = mid
		} else {
			hi = mid
		}
	}
	return math.Max(0, n.mu+n.sd*(lo+(hi-lo)/2))
}

func (n normal) String() string {
	s := "normal(mean=" + fmtNum(n.mu) + ", sd=" + fmtNum(n.sd)
	if !n.truncate && n.sd > 0 {
		s += ", truncate=false"
	}
	return s + ")"
}

// millsInv returns phi(a)/(1-Phi(a)), the mean of a standard normal
// conditioned on z >= a.
func millsInv(a float64) float64 {
	return math.Exp(-a*a/2 - 0.5*math.Log(2*math.Pi) - logQ(a))
}

// logQ returns log(1-Phi(x)), the log upper-tail probability of a standard
// normal, using an asymptotic series where erfc would underflow.
func logQ(x float64) float64 {
	if x < 35 {
		return math.Log(0.5 * math.Erfc(x/math.Sqrt2))
	}
	x2 := x * x
	// (1-Phi(x))/phi(x) ~ (1 - 1/x^2 + 3/x^4 - 15/x^6 + 105/x^8) / x
	series := 1 - (1-(3-(15-105/x2)/x2)/x2)/x2
	return -x2/2 - 0.5*math.Log(2*math.Pi) - math.Log(x) + math.Log(series)
}

// stdNormalQuantile is the inverse of Phi; ±Inf at 0 and 1.
func stdNormalQuantile(p float64) float64 { return math.Sqrt2 * math.Erfinv(2*p-1) }

// clampFinite limits v to the finite float64 range.
func clampFinite(v float64) float64 {
	return math.Max(-math.MaxFloat64, math.Min(v, math.MaxFloat64))
}
