package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// empirical is a weighted choice among values, sampled in O(1) with Vose's
// alias method.
type empirical struct {
	values []float64
	probs  []float64 // normalised weights, for String and Mean
	cut    []float64 // alias table: keep i when u < cut[i] ...
	alias  []int32   // ... else take alias[i]
	mean   float64
}

// NewEmpirical returns the distribution that yields values[i] with
// probability weights[i]/sum(weights). weights may be nil for equal weights;
// otherwise it has one finite, non-negative weight per value and a positive
// finite sum. values must be finite and non-empty. The slices are copied.
func NewEmpirical(values, weights []float64) (Dist, error) {
	const k = "empirical"
	if len(values) == 0 {
		return nil, &ParamError{Dist: k, Field: "values", Msg: "values must list at least one value"}
	}
	for i, v := range values {
		if err := checkFinite(k, fmt.Sprintf("values[%d]", i), v); err != nil {
			return nil, err
		}
	}
	w, err := empiricalWeights(values, weights)
	if err != nil {
		return nil, err
	}
	e := empirical{values: append([]float64(nil), values...), probs: w}
	for i, p := range w {
		e.mean += p * values[i]
	}
	e.mean = clampFinite(e.mean) // sum(w) may round to 1+ε at the float64 limits
	e.cut, e.alias = aliasTable(w)
	return e, nil
}

// empiricalWeights validates weights and returns them normalised to sum 1.
func empiricalWeights(values, weights []float64) ([]float64, error) {
	const k = "empirical"
	n := len(values)
	w := make([]float64, n)
	if len(weights) == 0 {
		for i := range w {
			w[i] = 1 / float64(n)
		}
		return w, nil
	}
	if len(weights) != n {
		msg := fmt.Sprintf("weights has %d entries, want one per value (%d)", len(weights), n)
		return nil, &ParamError{Dist: k, Field: "weights", Msg: msg}
	}
	sum := 0.0
	for i, x := range weights {
		field := fmt.Sprintf("weights[%d]", i)
		if err := checkFinite(k, field, x); err != nil {
			return nil, err
		}
		if x < 0 {
			return nil, paramErr(k, field, x, "must be >= 0")
		}
		sum += x
	}
	if !(sum > 0) || math.IsInf(sum, 0) {
		return nil, paramErr(k, "weights", sum, "sum must be positive and finite")
	}
	for i, x := range weights {
		w[i] = x / sum
	}
	return w, nil
}

// aliasTable builds Vose's alias table for probabilities p (summing to 1).
func aliasTable(p []float64) ([]float64, []int32) {
	n := len(p)
	cut := make([]float64, n)
	alias := make([]int32, n)
	var small, large []int32
	for i, x := range p {
		cut[i] = x * float64(n)
		alias[i] = int32(i)
		if cut[i] < 1 {
			small = append(small, int32(i))
		} else {
			large = append(large, int32(i))
		}
	}
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		alias[s] = l
		cut[l] -= 1 - cut[s]
		if cut[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	for _, i := range large { // leftovers are 1 up to rounding
		cut[i] = 1
	}
	for _, i := range small {
		cut[i] = 1
	}
	return cut, alias
}

func (e empirical) Sample(r *rand.Rand) float64 {
	i := r.IntN(len(e.values))
	if r.Float64() < e.cut[i] {
		return e.values[i]
	}
	return e.values[e.alias[i]]
}

func (e empirical) Mean() float64 { return e.mean }

// maxShown bounds how many entries String lists.
const maxShown = 8

// String lists value:probability pairs in the given order, e.g.
// "empirical(1:0.25, 2:0.75)", eliding entries beyond the eighth.
func (e empirical) String() string {
	var b strings.Builder
	b.WriteString("empirical(")
	for i, v := range e.values {
		if i == maxShown {
			fmt.Fprintf(&b, ", … %d more", len(e.values)-maxShown)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(fmtNum(v) + ":" + fmtNum(e.probs[i]))
	}
	return b.String() + ")"
}
