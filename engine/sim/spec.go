package sim

import (
	"fmt"
	"strings"
)

// Spec is the declarative form of a distribution used by scenario files.
// Values are in the caller's unit (the field that holds the Spec says which:
// seconds, bytes, ...). Only the fields of the chosen Kind may be set; Build
// rejects a non-zero field that the kind does not use.
type Spec struct {
	// Kind is one of constant, uniform, exponential, normal, lognormal,
	// empirical, percentiles. Required.
	Kind string `yaml:"kind" json:"kind"`
	// Value is the constant's value. Any finite number.
	Value float64 `yaml:"value,omitempty" json:"value,omitempty"`
	// Min and Max bound the uniform distribution, [min, max); min <= max.
	Min float64 `yaml:"min,omitempty" json:"min,omitempty"`
	Max float64 `yaml:"max,omitempty" json:"max,omitempty"`
	// Mean is the exponential mean (> 0) or the normal mean (any finite).
	Mean float64 `yaml:"mean,omitempty" json:"mean,omitempty"`
	// SD is the normal standard deviation, >= 0.
	SD float64 `yaml:"sd,omitempty" json:"sd,omitempty"`
	// Truncate conditions a normal on x >= 0. Default true (durations and
	// sizes cannot be negative); set false for a plain normal.
	Truncate *bool `yaml:"truncate,omitempty" json:"truncate,omitempty"`
	// Median and P99 give a log-normal by its median (> 0) and 99th
	// percentile (> median) ...
	Median float64 `yaml:"median,omitempty" json:"median,omitempty"`
	P99    float64 `yaml:"p99,omitempty" json:"p99,omitempty"`
	// ... or Mu and Sigma give it by the mean and standard deviation of its
	// logarithm (sigma >= 0). Use one pair, not both.
	Mu    float64 `yaml:"mu,omitempty" json:"mu,omitempty"`
	Sigma float64 `yaml:"sigma,omitempty" json:"sigma,omitempty"`
	// Values are the empirical distribution's outcomes (at least one).
	Values []float64 `yaml:"values,omitempty" json:"values,omitempty"`
	// Weights are the empirical relative weights, one per value, >= 0 with a
	// positive sum. Default: equal weights.
	Weights []float64 `yaml:"weights,omitempty" json:"weights,omitempty"`
	// Points is the percentile table: p in [0, 1] and v both non-decreasing,
	// starting at p = 0 and ending at p = 1.
	Points []Point `yaml:"points,omitempty" json:"points,omitempty"`
}

// kinds lists the valid Spec.Kind values in documentation order.
var kinds = []string{"constant", "uniform", "exponential", "normal", "lognormal", "empirical", "percentiles"}

// Kinds returns the valid Spec.Kind values in documentation order (a new
// slice each call, for "did you mean" hints and schema generation).
func Kinds() []string { return append([]string(nil), kinds...) }

// kindFields lists, per kind, the fields it may set.
var kindFields = map[string][]string{
	"constant":    {"value"},
	"uniform":     {"min", "max"},
	"exponential": {"mean"},
	"normal":      {"mean", "sd", "truncate"},
	"lognormal":   {"median", "p99", "mu", "sigma"},
	"empirical":   {"values", "weights"},
	"percentiles": {"points"},
}

// Build validates the spec and returns its distribution. Errors are
// *ParamError values naming the field, e.g.
// "lognormal: p99 (10) must exceed median (20)".
func (s Spec) Build() (Dist, error) {
	allowed, ok := kindFields[s.Kind]
	if !ok {
		msg := fmt.Sprintf("kind %q is not one of %s", s.Kind, strings.Join(kinds, ", "))
		return nil, &ParamError{Dist: "distribution", Field: "kind", Msg: msg}
	}
	if err := s.checkUnused(allowed); err != nil {
		return nil, err
	}
	switch s.Kind {
	case "constant":
		return NewConstant(s.Value)
	case "uniform":
		return NewUniform(s.Min, s.Max)
	case "exponential":
		return NewExponential(s.Mean)
	case "normal":
		return NewNormal(s.Mean, s.SD, s.Truncate == nil || *s.Truncate)
	case "lognormal":
		return s.buildLogNormal()
	case "empirical":
		return NewEmpirical(s.Values, s.Weights)
	default: // "percentiles"
		return NewPercentileTable(s.Points)
	}
}

// buildLogNormal picks the median+p99 or the mu+sigma form.
func (s Spec) buildLogNormal() (Dist, error) {
	byQuantile := s.Median != 0 || s.P99 != 0
	byMoments := s.Mu != 0 || s.Sigma != 0
	switch {
	case byQuantile && byMoments:
		field := "mu"
		if s.Mu == 0 {
			field = "sigma"
		}
		return nil, &ParamError{Dist: "lognormal", Field: field,
			Msg: field + " cannot be combined with median and p99: give median+p99 or mu+sigma"}
	case byQuantile:
		return NewLogNormalMedianP99(s.Median, s.P99)
	case byMoments:
		return NewLogNormal(s.Mu, s.Sigma)
	}
	return nil, &ParamError{Dist: "lognormal", Field: "median",
		Msg: "median and p99 (or mu and sigma) are required"}
}

// checkUnused rejects a set field that the kind does not use.
func (s Spec) checkUnused(allowed []string) error {
	set := []struct {
		name string
		on   bool
	}{
		{"value", s.Value != 0}, {"min", s.Min != 0}, {"max", s.Max != 0},
		{"mean", s.Mean != 0}, {"sd", s.SD != 0}, {"truncate", s.Truncate != nil},
		{"median", s.Median != 0}, {"p99", s.P99 != 0}, {"mu", s.Mu != 0},
		{"sigma", s.Sigma != 0}, {"values", s.Values != nil},
		{"weights", s.Weights != nil}, {"points", s.Points != nil},
	}
	for _, f := range set {
		if f.on && !contains(allowed, f.name) {
			msg := fmt.Sprintf("%s is not a parameter of %s (it takes %s)", f.name, s.Kind, strings.Join(allowed, ", "))
			return &ParamError{Dist: s.Kind, Field: f.name, Msg: msg}
		}
	}
	return nil
}

// contains reports whether list holds name.
func contains(list []string, name string) bool {
	for _, x := range list {
		if x == name {
			return true
		}
	}
	return false
}
