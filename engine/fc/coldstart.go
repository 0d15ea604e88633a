package fc

import (
	"math"
	"math/rand/v2"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// Cold-start model parameters, in milliseconds; docs/function-model.md gives the sources.
const (
	// interpreted runtimes: 100–300 ms (seed article) read as the 5th–95th percentiles of a
	// log-normal: median √(100·300) ≈ 173 ms.
	interpP5, interpP95 = 100.0, 300.0
	// java11: 0.5–3 s "depending on classpath size" (seed article): median 500 ms + 25 ms per
	// classpath MB (so 100 MB gives 3 s), log-normal sigma 0.2 around it. Slope: Fanout choice.
	javaBaseMS, javaPerMB, javaSigma = 500.0, 25.0, 0.2
	// custom-container: the container start without the pull, log-normal 5th–95th 200–600 ms
	// (Fanout choice, UNVERIFIED), plus size / pull bandwidth when the image is not cached.
	ctrP5, ctrP95 = 200.0, 600.0
	z95           = 1.6448536269514722 // standard normal 95th percentile
)

// coldModel draws platform cold-start durations (code or image download, container and
// runtime start); the handler's own initialisation is added separately.
type coldModel struct {
	dist  sim.Dist // milliseconds
	image *ImageSpec
}

// logNormalP5P95 returns the log-normal whose 5th and 95th percentiles are lo and hi.
func logNormalP5P95(lo, hi float64) sim.Dist {
	mu := (math.Log(lo) + math.Log(hi)) / 2
	sigma := (math.Log(hi) - math.Log(lo)) / (2 * z95)
	d, err := sim.NewLogNormal(mu, sigma)
	if err != nil {
		panic(err) // constant parameters: cannot fail
	}
	return d
}

// newColdModel builds the platform cold-start model of a validated function (defaults applied).
func newColdModel(f FunctionSpec) (coldModel, error) {
	m := coldModel{image: f.Image}
	if f.ColdStart != nil {
		d, err := buildNonNeg(*f.ColdStart)
		m.dist = d
		return m, err
	}
	switch runtimes[f.Runtime] {
	case familyJava:
		median := javaBaseMS + javaPerMB*f.ClasspathMB
		d, err := sim.NewLogNormal(math.Log(median), javaSigma)
		m.dist = d
		return m, err
	case familyContainer:
		m.dist = logNormalP5P95(ctrP5, ctrP95)
	default:
		m.dist = logNormalP5P95(interpP5, interpP95)
	}
	return m, nil
}

// sample draws one platform cold start; cached says whether the image is on the host.
func (m coldModel) sample(r *rand.Rand, cached bool) time.Duration {
	ms := math.Max(0, m.dist.Sample(r))
	d := msToDuration(ms)
	if m.image != nil && !cached {
		d += m.pullTime()
	}
	return d
}

// pullTime is the image download time: size / bandwidth.
func (m coldModel) pullTime() time.Duration {
	if m.image == nil || m.image.PullBandwidth <= 0 {
		return 0
	}
	return time.Duration(float64(m.image.Size) / float64(m.image.PullBandwidth) * float64(time.Second))
}

// mean is the mean platform cold start with the image not cached.
func (m coldModel) mean() time.Duration {
	return msToDuration(m.dist.Mean()) + m.pullTime()
}

// ColdStartMean returns the mean platform cold start of a function (image not cached), not
// counting the handler's initialisation. The spec must be valid.
func ColdStartMean(f FunctionSpec) (time.Duration, error) {
	m, err := newColdModel(f.WithDefaults())
	if err != nil {
		return 0, err
	}
	return m.mean(), nil
}

// msToDuration converts milliseconds to a Duration, capped at 24 h.
func msToDuration(ms float64) time.Duration {
	if !(ms > 0) {
		return 0
	}
	return time.Duration(math.Min(ms, 86400e3) * float64(time.Millisecond))
}
