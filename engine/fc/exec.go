package fc

import (
	"encoding/json"
	"math"
	"time"
)

// plan computes one execution: its duration, outcome and detail. active is the number of
// requests on the instance including this one; they share its vCPU equally (fixed at start).
//
//	share    = vCPU / active, at most threads
//	duration = ((cpu + extra) / share + io) × factor, factor ~ variability / its mean
//
// then: a failure rule's kind applies ("timeout" runs to the timeout); a working set above the
// memory fails out of memory after duration × memory / working set; a failure_rate draw fails
// the handler at the end; anything past the timeout is killed at the timeout. The duration,
// failure and selection streams are drawn a fixed number of times per invocation, so runs that
// differ only in memory see the same draws.
func (f *Function) plan(req *Request, active int) (time.Duration, Outcome, string) {
	h := &f.spec.Handler
	share := min(f.vcpu/float64(max(active, 1)), float64(h.Threads))
	kind, extraMS := f.evalRules(req)
	sec := (h.CPU.D().Seconds()+extraMS/1e3)/share + h.IO.D().Seconds()
	if f.variab != nil {
		sec *= math.Max(0, f.variab.Sample(f.rDur)) / f.varMean
	}
	u := f.rFail.Float64()
	timeout := f.spec.Timeout.D().Seconds()
	out, detail := OK, ""
	switch kind {
	case "":
	case "timeout":
		out, sec = ErrorTimeout, timeout
	case "oom":
		out = ErrorOOM
	default:
		out, detail = ErrorHandler, kind
	}
	if ws := float64(h.WorkingSet); out == OK && ws > float64(f.spec.Memory) {
		out, sec = ErrorOOM, sec*float64(f.spec.Memory)/ws
	}
	if out == OK && u < h.FailureRate {
		out = ErrorHandler
	}
	if !(sec < timeout) {
		out, sec = ErrorTimeout, timeout
	}
	return time.Duration(math.Round(sec * 1e9)), out, detail
}

// evalRules runs the failure and duration rules against the request's event.
func (f *Function) evalRules(req *Request) (string, float64) {
	r := f.rules
	if r.failure == nil && r.extra == nil {
		return "", 0
	}
	env := req.Env
	if env == nil {
		env = map[string]any{}
		if len(req.Event) > 0 && json.Unmarshal(req.Event, &env) != nil {
			f.stats.exprErrors++
		}
	}
	var kind string
	var extra float64
	var ok bool
	if r.failure != nil {
		if kind, ok = r.evalFailure(env); !ok {
			f.stats.exprErrors++
		}
	}
	if r.extra != nil {
		if extra, ok = r.evalExtra(env); !ok {
			f.stats.exprErrors++
		}
	}
	return kind, extra
}
