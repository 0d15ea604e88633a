package fc

import (
	"fmt"
	"math"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
)

// Validate checks the handler's ranges, builds its variability and compiles its expressions.
func (h HandlerSpec) Validate() error {
	var l field.List
	for _, d := range []struct {
		path string
		v    field.Duration
	}{{"cpu", h.CPU}, {"io", h.IO}, {"init", h.Init}} {
		if d.v < 0 || d.v.D() > 24*time.Hour {
			l.Addf(d.path, "%s %s out of range: 0 to 24h", d.path, d.v.D())
		}
	}
	if h.Threads != 0 {
		checkIntRange(&l, "threads", h.Threads, 1, 64)
	}
	if h.WorkingSet < 0 || h.WorkingSet > 64<<30 {
		l.Addf("working_set", "working_set %s out of range: 0 to 64 GB", h.WorkingSet)
	}
	checkRange(&l, "failure_rate", h.FailureRate, 0, 1, "")
	if _, err := buildVariability(h.Variability); err != nil {
		l.Add("variability", err)
	}
	_, err := compileRules(h)
	l.Add("", err)
	return l.Err()
}

// buildVariability returns the duration factor distribution (nil: constant 1).
func buildVariability(v *Variability) (sim.Dist, error) {
	if v == nil {
		v = &Variability{Sigma: DefaultSigma}
	}
	if v.Dist != nil {
		d, err := buildNonNeg(*v.Dist)
		if err == nil && d.Mean() <= 0 {
			err = fmt.Errorf("distribution %s must have a positive mean", d)
		}
		return d, err
	}
	if math.IsNaN(v.Sigma) || v.Sigma < 0 || v.Sigma > 3 {
		return nil, fmt.Errorf("sigma %g out of range: 0 to 3", v.Sigma)
	}
	if v.Sigma == 0 {
		return nil, nil
	}
	return sim.NewLogNormal(-v.Sigma*v.Sigma/2, v.Sigma) // mean exactly 1
}

// buildNonNeg builds a distribution whose mean must be >= 0 (negative draws are clamped to 0
// where it is used).
func buildNonNeg(s sim.Spec) (sim.Dist, error) {
	d, err := s.Build()
	if err != nil {
		return nil, err
	}
	if m := d.Mean(); math.IsNaN(m) || m < 0 || math.IsInf(m, 0) {
		return nil, fmt.Errorf("distribution %s must have a finite mean >= 0", d)
	}
	return d, nil
}

// rules are the handler's compiled expressions; nil programs mean no rule.
type rules struct {
	failure *vm.Program
	extra   *vm.Program
}

// compileRules compiles the failure and duration_extra expressions once. Errors name the field.
func compileRules(h HandlerSpec) (rules, error) {
	var r rules
	var l field.List
	var err error
	if h.Failure != "" {
		r.failure, err = expr.Compile(h.Failure, expr.AllowUndefinedVariables())
		if err != nil {
			l.Addf("failure", "invalid expression %q: %v", h.Failure, err)
		}
	}
	if h.DurationExtra != "" {
		r.extra, err = expr.Compile(h.DurationExtra, expr.AllowUndefinedVariables())
		if err != nil {
			l.Addf("duration_extra", "invalid expression %q: %v", h.DurationExtra, err)
		}
	}
	return r, l.Err()
}

// evalFailure runs the failure rule: "" for none, else the kind; ok is false on a runtime
// error or a non-string result (counted by the caller, treated as no failure).
func (r rules) evalFailure(env map[string]any) (string, bool) {
	out, err := expr.Run(r.failure, env)
	if err != nil {
		return "", false
	}
	switch v := out.(type) {
	case string:
		return v, true
	case nil:
		return "", true
	case bool: // a boolean rule means "fails with a handler error when true"
		if v {
			return "handler", true
		}
		return "", true
	}
	return "", false
}

// evalExtra runs the duration rule: extra CPU milliseconds at 1 vCPU (>= 0); ok is false on a
// runtime error or a non-numeric result.
func (r rules) evalExtra(env map[string]any) (float64, bool) {
	out, err := expr.Run(r.extra, env)
	if err != nil {
		return 0, false
	}
	var f float64
	switch v := out.(type) {
	case float64:
		f = v
	case int:
		f = float64(v)
	case int64:
		f = float64(v)
	case nil:
		return 0, true
	default:
		return 0, false
	}
	if math.IsNaN(f) || f < 0 {
		return 0, true
	}
	return math.Min(f, 86400e3), true
}
