package sweep

import (
	"fmt"
	"math"
)

// Strategies for choosing the optimum size.
const (
	Cost     = "cost"     // minimise cost per 1M invocations
	Speed    = "speed"    // minimise the duration percentile
	Balanced = "balanced" // minimise w·cost/max cost + (1−w)·duration/max duration
)

// Duration percentiles an objective can use.
const (
	P50 = "p50"
	P99 = "p99"
)

// Objective says which size is best.
type Objective struct {
	// Strategy is cost, speed or balanced. Default balanced.
	Strategy string `json:"strategy"`
	// Weight is the balanced strategy's weight of cost, 0..1; 1 − Weight goes to duration.
	// Default 0.5 (used only by balanced).
	Weight float64 `json:"weight"`
	// Percentile is the duration the speed and balanced strategies minimise and "faster"
	// compares: p50 (default) or p99 of the execution time.
	Percentile string `json:"percentile"`
}

// DefaultObjective is balanced, weight 0.5, on the median duration.
func DefaultObjective() Objective { return Objective{Strategy: Balanced, Weight: 0.5, Percentile: P50} }

// Validate checks the strategy, the weight and the percentile.
func (o Objective) Validate() error {
	switch o.Strategy {
	case Cost, Speed, Balanced:
	default:
		return fmt.Errorf("strategy %q is not one of cost, speed, balanced", o.Strategy)
	}
	if !(o.Weight >= 0 && o.Weight <= 1) {
		return fmt.Errorf("weight %g is out of range: 0 to 1 (the share of cost in the balanced score)", o.Weight)
	}
	if o.Percentile != P50 && o.Percentile != P99 {
		return fmt.Errorf("percentile %q is not one of p50, p99", o.Percentile)
	}
	return nil
}

// duration is the size's duration under the objective's percentile, in ms.
func (o Objective) duration(s Size) float64 {
	if o.Percentile == P99 {
		return s.P99Ms
	}
	return s.P50Ms
}

// Eligible reports which sizes may be the optimum: those that ran (no Error, at least one
// completed invocation) and whose rate of out-of-memory and timeout failures is the lowest
// among the sizes that ran — zero when any size has none, so a size that fails for lack of
// memory is never chosen because its failures are quick and cheap. When every invocation of
// every size failed that way, no size is eligible.
func Eligible(sizes []Size) []bool {
	best := math.Inf(1)
	for _, s := range sizes {
		if s.Ran() {
			best = math.Min(best, s.memoryFailures())
		}
	}
	out := make([]bool, len(sizes))
	for i, s := range sizes {
		out[i] = s.Ran() && s.memoryFailures() == best && best < 1
	}
	return out
}

// Scores returns each size's score under o (lower is better; NaN for a size that is not
// eligible): cost per 1M for cost, the duration in ms for speed, and for balanced
// w·cost/max cost + (1−w)·duration/max duration with the maxima over the eligible sizes (a
// term whose maximum is 0 counts 0).
func Scores(sizes []Size, o Objective) []float64 {
	ok := Eligible(sizes)
	var maxCost, maxDur float64
	for i, s := range sizes {
		if ok[i] {
			maxCost, maxDur = math.Max(maxCost, s.CostPer1M), math.Max(maxDur, o.duration(s))
		}
	}
	out := make([]float64, len(sizes))
	for i, s := range sizes {
		switch {
		case !ok[i]:
			out[i] = math.NaN()
		case o.Strategy == Cost:
			out[i] = s.CostPer1M
		case o.Strategy == Speed:
			out[i] = o.duration(s)
		default:
			out[i] = o.Weight*ratio(s.CostPer1M, maxCost) + (1-o.Weight)*ratio(o.duration(s), maxDur)
		}
	}
	return out
}

func ratio(v, max float64) float64 {
	if max <= 0 {
		return 0
	}
	return v / max
}

// Optimum returns the index of the best size under o and false when no size is eligible.
// Ties on the score go to the lower cost (speed) or the shorter duration (cost, balanced),
// then to the smaller memory.
func Optimum(sizes []Size, o Objective) (int, bool) {
	scores := Scores(sizes, o)
	best := -1
	for i := range sizes {
		if math.IsNaN(scores[i]) {
			continue
		}
		if best < 0 || better(sizes[i], scores[i], sizes[best], scores[best], o) {
			best = i
		}
	}
	return best, best >= 0
}

// better reports whether size a (score sa) beats size b (score sb).
func better(a Size, sa float64, b Size, sb float64, o Objective) bool {
	if sa != sb {
		return sa < sb
	}
	ka, kb := o.duration(a), o.duration(b)
	if o.Strategy == Speed {
		ka, kb = a.CostPer1M, b.CostPer1M
	}
	if ka != kb {
		return ka < kb
	}
	return a.MemoryMB < b.MemoryMB
}
