package sweep

import (
	"context"
	"time"

	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/world"
)

// cancelEvery is how many scheduled actions run between checks of the context.
const cancelEvery = 4096

// runSize runs one world with the function at mb of memory; ok is false when ctx was
// cancelled before the run finished. limit > 0 stops the run once the function has completed
// limit invocations.
func runSize(ctx context.Context, cfg world.Config, ref FunctionRef, mb int, limit int64) (Size, bool) {
	if ctx.Err() != nil {
		return Size{}, false
	}
	cfg = withMemory(cfg, ref, mb)
	size := Size{MemoryMB: mb}
	spec := cfg.Services[ref.svc].Functions[ref.fn]
	if err := checkFunction(cfg, ref); err != nil {
		size.Error = err.Error()
		return size, true
	}
	size.VCPU = spec.VCPU
	if size.VCPU == 0 {
		size.VCPU = fc.DefaultVCPU(int64(spec.Memory))
	}
	rec := &recorder{service: ref.Service, function: ref.Name}
	cfg.Sink = rec
	w, err := world.New(cfg)
	if err != nil {
		size.Error = err.Error()
		return size, true
	}
	if !drive(ctx, w, rec, limit) {
		return Size{}, false
	}
	size.Stopped = !w.Done()
	fill(&size, w.Summary(), ref.Key(), rec)
	return size, true
}

// fill copies the function's figures from the run summary into s.
func fill(s *Size, sum world.Summary, key string, rec *recorder) {
	f := sum.Functions[key]
	s.SimSeconds = sum.SimSeconds
	s.Invocations, s.InFlight, s.ColdStarts, s.Throttles = f.Invocations, f.InFlight, f.ColdStarts, f.Throttles
	s.P50Ms, s.P90Ms, s.P99Ms = f.LatencyExec.P50*1e3, f.LatencyExec.P90*1e3, f.LatencyExec.P99*1e3
	s.MeanMs, s.E2EP99Ms = f.LatencyExec.Mean*1e3, f.LatencyE2E.P99*1e3
	s.Errors = Errors{OOM: f.Errors["oom"], Timeout: f.Errors["timeout"], Handler: f.Errors["handler"]}
	var failed uint64
	for _, n := range f.Errors {
		failed += n
	}
	s.CostUSD, s.GBSeconds = f.CostUSD, f.BilledGBSeconds
	if s.Invocations > 0 {
		s.ErrorRate = float64(failed) / float64(s.Invocations)
		s.CostPer1M = s.CostUSD / float64(s.Invocations) * 1e6
	}
	if rec.started > 0 {
		s.ColdStartMs = float64(rec.startTime) / float64(rec.started) / float64(time.Millisecond)
	}
}

// drive runs w to its horizon, or until the swept function has completed limit invocations
// (limit > 0): it stops right after the action that completed the limit-th invocation (the
// engine reports each completed invocation to the sink as it happens). It returns false when
// ctx was cancelled first.
func drive(ctx context.Context, w *world.World, rec *recorder, limit int64) bool {
	for i := 1; ; i++ {
		if limit > 0 && rec.invocations >= limit {
			return true
		}
		if i%cancelEvery == 0 && ctx.Err() != nil {
			return false
		}
		if !w.Step() {
			w.Run() // move the clock to the horizon for the time-weighted figures
			return true
		}
	}
}
