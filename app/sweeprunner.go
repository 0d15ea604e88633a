package main

import (
	"context"

	"github.com/fanout/fanout/app/sweep/sweepview"
	"github.com/fanout/fanout/engine/world"
	"github.com/fanout/fanout/views"
)

// liveSweepRunner sweeps the open scenario as it is when asked, so edits made since the sweep
// screen opened are swept too.
type liveSweepRunner struct {
	config func() (world.Config, error)
}

func (r liveSweepRunner) runner() sweepview.Runner {
	cfg, _ := r.config()
	return sweepview.Runner{Config: cfg}
}

func (r liveSweepRunner) SweepFunctions() []views.SweepFunction { return r.runner().SweepFunctions() }

func (r liveSweepRunner) RunSweep(ctx context.Context, req views.SweepRequest, progress func(done, total int)) (views.SweepResult, error) {
	if _, err := r.config(); err != nil {
		return views.SweepResult{}, err
	}
	return r.runner().RunSweep(ctx, req, progress)
}

func (r liveSweepRunner) JudgeSweep(res views.SweepResult, obj views.SweepObjective) views.SweepJudgement {
	return r.runner().JudgeSweep(res, obj)
}
