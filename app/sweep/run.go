// Package sweep runs a memory sweep: one scenario, one function, the same seed, once per memory
// size, and compares the sizes by duration, cold start, errors and cost per million
// invocations. The runs go in parallel, one world per goroutine; worlds share nothing mutable
// (each has its own scheduler, streams and counters; the configuration is shared read-only and
// copied on the path to the swept function). The package imports no GUI and does no I/O
// besides writing a table or JSON to the writer it is given. docs/sweep.md describes it.
package sweep

import (
	"context"
	"fmt"
	"runtime"
	"slices"

	"github.com/fanout/fanout/engine/world"
)

// Options adjust a sweep. The zero value runs every size to the scenario's horizon, GOMAXPROCS
// at a time, against the function's current memory.
type Options struct {
	// Invocations stops each run once the function has completed this many invocations
	// (0: run to the horizon). Every size stops at the same count, so figures compare like
	// for like; invocations still running at the stop are left out.
	Invocations int64
	// Parallel is the number of worlds run at once; <= 0 means runtime.GOMAXPROCS(0).
	Parallel int
	// BaselineMB is the size comparisons are made against; 0 means the function's current
	// memory. It is added to the sizes when missing, so the baseline is always a measured size.
	BaselineMB int
	// Progress, when set, is called once per finished size, in completion order, from the
	// goroutine that called Run (never concurrently).
	Progress func(p Progress)
}

// Progress reports one finished size.
type Progress struct {
	Done, Total int
	Size        Size
}

// Run sweeps the function fn of cfg over sizes (MB). The configuration's Sink and Expect are
// ignored (each world gets its own recording sink) and its free tier is switched off: the cost
// per invocation should not depend on a monthly quota. Bad input (unknown function, invalid size) is an error before anything runs; a size
// that cannot be built gets its Size.Error instead. When ctx is cancelled, Run stops every
// world, waits for them and returns the sizes finished so far with ctx's error.
func Run(ctx context.Context, cfg world.Config, fn string, sizes []int, opts Options) (Result, error) {
	ref, err := Resolve(cfg, fn)
	if err != nil {
		return Result{}, err
	}
	res := Result{Scenario: cfg.Name, Function: ref.Key(), Seed: cfg.Seed, HorizonSeconds: cfg.Duration.Seconds(),
		InvocationLimit: max(opts.Invocations, 0), CurrentMB: CurrentMB(cfg, ref), BaselineMB: opts.BaselineMB}
	if res.BaselineMB == 0 {
		res.BaselineMB = res.CurrentMB
	}
	if len(sizes) == 0 {
		return res, fmt.Errorf("no memory sizes to sweep")
	}
	for _, mb := range append([]int{res.BaselineMB}, sizes...) {
		if err := CheckSize(mb); err != nil {
			return res, err
		}
	}
	plan := Normalize(append(slices.Clone(sizes), res.BaselineMB))
	cfg.Sink, cfg.Expect, cfg.FreeTier = nil, nil, false
	res.Sizes = runAll(ctx, cfg, ref, plan, opts)
	return res, ctx.Err()
}

// runAll runs every size of plan on a pool of workers and returns the finished sizes in plan
// order (all of them unless ctx was cancelled).
func runAll(ctx context.Context, cfg world.Config, ref FunctionRef, plan []int, opts Options) []Size {
	workers := opts.Parallel
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(plan))
	jobs := make(chan int, len(plan))
	for i := range plan {
		jobs <- i
	}
	close(jobs)
	type done struct {
		i    int
		size Size
		ok   bool
	}
	results := make(chan done, len(plan))
	for range workers {
		go func() {
			for i := range jobs {
				s, ok := runSize(ctx, cfg, ref, plan[i], opts.Invocations)
				results <- done{i, s, ok}
			}
		}()
	}
	out := make([]Size, len(plan))
	finished := make([]bool, len(plan))
	count := 0
	for range plan {
		d := <-results
		if !d.ok {
			continue
		}
		out[d.i], finished[d.i] = d.size, true
		count++
		if opts.Progress != nil {
			opts.Progress(Progress{Done: count, Total: len(plan), Size: d.size})
		}
	}
	kept := out[:0]
	for i, s := range out {
		if finished[i] {
			kept = append(kept, s)
		}
	}
	return kept
}
