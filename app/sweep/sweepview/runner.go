// Package sweepview connects the memory-sweep screen (views.SweepScreen) to the sweep library:
// Runner implements views.SweepRunner over a world configuration. It is wiring only; the
// sweep logic lives in app/sweep, the screen in views.
package sweepview

import (
	"context"

	"github.com/fanout/fanout/app/sweep"
	"github.com/fanout/fanout/engine/world"
	"github.com/fanout/fanout/views"
)

// Runner sweeps the functions of one scenario. Config is the scenario's world configuration
// (as cli.OpenScenario returns it); Options set the invocation limit and the parallelism
// (Progress and BaselineMB are filled per sweep).
type Runner struct {
	Config  world.Config
	Options sweep.Options
}

var _ views.SweepRunner = Runner{}

// SweepFunctions lists the scenario's functions with their current memory.
func (r Runner) SweepFunctions() []views.SweepFunction {
	var out []views.SweepFunction
	for _, key := range sweep.Functions(r.Config) {
		ref, err := sweep.Resolve(r.Config, key)
		if err != nil {
			continue
		}
		out = append(out, views.SweepFunction{Key: key, CurrentMB: sweep.CurrentMB(r.Config, ref)})
	}
	return out
}

// RunSweep runs sweep.Run and converts its sizes to rows.
func (r Runner) RunSweep(ctx context.Context, req views.SweepRequest, progress func(done, total int)) (views.SweepResult, error) {
	opts := r.Options
	opts.BaselineMB = req.BaselineMB
	opts.Progress = func(p sweep.Progress) {
		if progress != nil {
			progress(p.Done, p.Total)
		}
	}
	res, err := sweep.Run(ctx, r.Config, req.Function, req.SizesMB, opts)
	out := views.SweepResult{Function: res.Function, BaselineMB: res.BaselineMB}
	for _, s := range res.Sizes {
		out.Rows = append(out.Rows, views.SweepRow{MemoryMB: s.MemoryMB, Invocations: s.Invocations,
			ColdStarts: s.ColdStarts, ColdStartMs: s.ColdStartMs, P50Ms: s.P50Ms, P90Ms: s.P90Ms, P99Ms: s.P99Ms,
			OOM: s.Errors.OOM, Timeouts: s.Errors.Timeout, ErrorRate: s.ErrorRate, CostPer1M: s.CostPer1M, Err: s.Error})
	}
	return out, err
}

// JudgeSweep applies sweep.Evaluate to the rows.
func (r Runner) JudgeSweep(res views.SweepResult, obj views.SweepObjective) views.SweepJudgement {
	sr := sweep.Result{Function: res.Function, BaselineMB: res.BaselineMB}
	if ref, err := sweep.Resolve(r.Config, res.Function); err == nil {
		sr.CurrentMB = sweep.CurrentMB(r.Config, ref) // the verdict says "the current" for it
	}
	for _, row := range res.Rows {
		sr.Sizes = append(sr.Sizes, sweep.Size{MemoryMB: row.MemoryMB, Invocations: row.Invocations,
			ColdStarts: row.ColdStarts, ColdStartMs: row.ColdStartMs, P50Ms: row.P50Ms, P90Ms: row.P90Ms,
			P99Ms: row.P99Ms, Errors: sweep.Errors{OOM: row.OOM, Timeout: row.Timeouts}, ErrorRate: row.ErrorRate,
			CostPer1M: row.CostPer1M, Error: row.Err})
	}
	o := sweep.Objective{Strategy: obj.Strategy, Weight: obj.Weight, Percentile: obj.Percentile}
	if o.Validate() != nil {
		o = sweep.DefaultObjective()
	}
	rep := sweep.Evaluate(sr, o)
	j := views.SweepJudgement{OptimumMB: rep.OptimumMB, Verdict: rep.Verdict}
	for _, c := range rep.VsBaseline {
		j.VsBaseline = append(j.VsBaseline, c.Phrase())
	}
	return j
}
