package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
)

// Dist is a distribution of float64 values in the caller's unit (seconds,
// bytes, ...). Sample draws one value from r; Mean is the exact mean of the
// distribution as sampled (for a truncated normal, the truncated mean);
// String is a stable human form such as "lognormal(median=400, p99=20000)".
// Every Dist built by this package samples finite values only.
type Dist interface {
	Sample(r *rand.Rand) float64
	Mean() float64
	String() string
}

// Quantiler is implemented by distributions whose inverse CDF is known in
// closed form. Quantile(p) returns the value below which a fraction p of
// draws fall, for p in [0, 1].
type Quantiler interface {
	Quantile(p float64) float64
}

// ParamError reports an invalid distribution parameter. Field is the
// lowercase name of the Spec field ("sd", "weights[2]", "points[0].p") so a
// caller can point at the offending line of a scenario file.
type ParamError struct {
	Dist  string // distribution kind, e.g. "lognormal"
	Field string // offending field, e.g. "p99"
	Msg   string // full message, starting with the field, e.g. "p99 (10) must exceed median (20)"
}

func (e *ParamError) Error() string { return e.Dist + ": " + e.Msg }

// paramErr builds a *ParamError whose message is "field (value) reason".
func paramErr(dist, field string, v float64, reason string, args ...any) error {
	msg := field + " (" + fmtNum(v) + ") " + fmt.Sprintf(reason, args...)
	return &ParamError{Dist: dist, Field: field, Msg: msg}
}

// checkFinite returns a ParamError if v is NaN or infinite.
func checkFinite(dist, field string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return paramErr(dist, field, v, "must be a finite number")
	}
	return nil
}

// fmtNum formats v in the shortest form that reads back exactly, preferring
// plain decimals ("20000", "0.25") over exponents in the everyday range.
func fmtNum(v float64) string {
	if a := math.Abs(v); v == 0 || (a >= 1e-4 && a < 1e15) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
