package sim

import (
	"math"
	"math/rand/v2"
)

// Z99 is the standard normal 99th percentile, Phi^-1(0.99).
const Z99 = 2.3263478740408408

// maxLogMean bounds mu + sigma^2/2 so that Mean() stays finite.
const maxLogMean = 709

// lognormal is exp(N(mu, sigma^2)).
type lognormal struct {
	mu, sigma   float64
	median, p99 float64 // set when built from median and p99 (for String)
	mean        float64
}

// NewLogNormal returns the log-normal distribution exp(mu + sigma*Z), Z
// standard normal: median e^mu, mean e^(mu+sigma^2/2). mu must be finite,
// sigma finite and >= 0, and the mean must be representable.
func NewLogNormal(mu, sigma float64) (Dist, error) {
	const k = "lognormal"
	if err := checkFinite(k, "mu", mu); err != nil {
		return nil, err
	}
	if err := checkFinite(k, "sigma", sigma); err != nil {
		return nil, err
	}
	if sigma < 0 {
		return nil, paramErr(k, "sigma", sigma, "must be >= 0")
	}
	if mu+sigma*sigma/2 > maxLogMean {
		return nil, paramErr(k, "sigma", sigma, "is too large for mu (%s): the mean overflows", fmtNum(mu))
	}
	return lognormal{mu: mu, sigma: sigma, mean: math.Exp(mu + sigma*sigma/2)}, nil
}

// NewLogNormalMedianP99 returns the log-normal distribution with the given
// median and 99th percentile: mu = ln(median), sigma = (ln p99 - ln median)
// / Z99. Both must be finite, 0 < median < p99.
func NewLogNormalMedianP99(median, p99 float64) (Dist, error) {
	const k = "lognormal"
	if err := checkFinite(k, "median", median); err != nil {
		return nil, err
	}
	if err := checkFinite(k, "p99", p99); err != nil {
		return nil, err
	}
	if median <= 0 {
		return nil, paramErr(k, "median", median, "must be > 0")
	}
	if p99 <= median {
		return nil, paramErr(k, "p99", p99, "must exceed median (%s)", fmtNum(median))
	}
	mu := math.Log(median)
	sigma := (math.Log(p99) - mu) / Z99
	if mu+sigma*sigma/2 > maxLogMean {
		return nil, paramErr(k, "p99", p99, "is too far above median (%s): the mean overflows", fmtNum(median))
	}
	return lognormal{mu: mu, sigma: sigma, median: median, p99: p99, mean: math.Exp(mu + sigma*sigma/2)}, nil
}

func (l lognormal) Sample(r *rand.Rand) float64 {
	return math.Min(math.Exp(l.mu+l.sigma*r.NormFloat64()), math.MaxFloat64)
}

func (l lognormal) Mean() float64 { return l.mean }

func (l lognormal) Quantile(p float64) float64 {
	return math.Exp(l.mu + l.sigma*stdNormalQuantile(clamp01(p)))
}

func (l lognormal) String() string {
	if l.median > 0 {
		return "lognormal(median=" + fmtNum(l.median) + ", p99=" + fmtNum(l.p99) + ")"
	}
	return "lognormal(mu=" + fmtNum(l.mu) + ", sigma=" + fmtNum(l.sigma) + ")"
}
