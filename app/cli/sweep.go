package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/fanout/fanout/app/sweep"
)

func init() { register(newSweepCmd) }

type sweepFlags struct {
	function    string
	memory      string
	invocations int64
	strategy    string
	weight      float64
	percentile  string
	baseline    int
	out         string
	parallel    int
	seed        uint64
	quiet       bool
	wall        bool
}

func newSweepCmd() *cobra.Command {
	var f sweepFlags
	cmd := &cobra.Command{
		Use:   "sweep FILE --function NAME",
		Short: "Run a scenario once per memory size of a function and pick the best size",
		Long: `Run the scenario once per memory size of one function, with the same seed (the same
arrivals and random draws: only the function's memory differs), several sizes in parallel, and
print per size: invocations, cold starts, mean cold-start time, p50/p90/p99 execution time,
out-of-memory and timeout failures, cost per 1,000,000 invocations, and how each compares with
the baseline (by default the function's current memory, always run). Figures are for the sizes
run only; nothing is interpolated.

The optimum (◆) is chosen among the sizes with the fewest out-of-memory and timeout failures:
  cost      the lowest cost per 1M invocations
  speed     the lowest duration (--percentile p50, the default, or p99)
  balanced  the lowest w·cost/max cost + (1−w)·duration/max duration, w = --weight (0.5)
--invocations N stops each run when the function has completed N invocations (default: run
to the scenario's horizon). --out writes the report as JSON; the same inputs give the same
bytes (--wall adds the one machine-dependent field, wall_seconds). docs/sweep.md explains more.
Exit status: 0 when every size ran, 1 when a size could not run or no size ran without
errors, 2 for an invalid scenario, flag or size.`,
		Example: `  fanout sweep scenarios/csv-upload-fanout.yaml --function index-fn
  fanout sweep s.yaml --function media/thumbs --memory 512,1GB,2GB,3GB --strategy cost --out sweep.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runSweep(cmd, args[0], f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.function, "function", "", "the function to sweep: service/function or a unique function name (required)")
	fl.StringVar(&f.memory, "memory", joinSizes(sweep.DefaultSizes), "memory sizes in MB (or with GB), comma-separated")
	fl.Int64Var(&f.invocations, "invocations", 0, "stop each run after this many completed invocations (0: the scenario's horizon)")
	fl.StringVar(&f.strategy, "strategy", sweep.Balanced, "optimum: cost, speed or balanced")
	fl.Float64Var(&f.weight, "weight", 0.5, "balanced: the weight of cost, 0 to 1 (duration gets 1 − weight)")
	fl.StringVar(&f.percentile, "percentile", sweep.P50, "the duration speed and balanced use: p50 or p99")
	fl.IntVar(&f.baseline, "baseline", 0, "compare with this size in MB (default: the function's current memory)")
	fl.StringVar(&f.out, "out", "", "write the report as JSON to this file")
	fl.IntVar(&f.parallel, "parallel", 0, "sizes run at once (default: GOMAXPROCS)")
	fl.Uint64Var(&f.seed, "seed", 0, "seed for every random stream (default: the scenario's)")
	fl.BoolVar(&f.quiet, "quiet", false, "print nothing but errors")
	fl.BoolVar(&f.wall, "wall", false, "include the wall-clock time in the JSON report")
	return cmd
}

func runSweep(cmd *cobra.Command, path string, f sweepFlags) error {
	obj, sizes, err := f.check()
	if err != nil {
		return exitCode(2, err)
	}
	_, cfg, err := loadScenario(path)
	if err != nil {
		return exitCode(2, err)
	}
	if cmd.Flags().Changed("seed") {
		cfg.Seed = f.seed
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
	defer stop()
	started := time.Now()
	res, err := sweep.Run(ctx, cfg, f.function, sizes, sweep.Options{Invocations: f.invocations,
		Parallel: f.parallel, BaselineMB: f.baseline, Progress: sweepProgress(cmd.ErrOrStderr(), f.quiet)})
	if errors.Is(err, context.Canceled) {
		return exitCode(1, fmt.Errorf("sweep interrupted after %d of the sizes", len(res.Sizes)))
	}
	if err != nil {
		return exitCode(2, fmt.Errorf("%s: %w", path, err))
	}
	rep := sweep.Evaluate(res, obj)
	if f.wall {
		w := time.Since(started).Seconds()
		rep.WallSeconds = &w
	}
	return finishSweep(cmd.OutOrStdout(), rep, f)
}

// check validates the flags that need no scenario.
func (f sweepFlags) check() (sweep.Objective, []int, error) {
	obj := sweep.Objective{Strategy: f.strategy, Weight: f.weight, Percentile: f.percentile}
	if f.function == "" {
		return obj, nil, errors.New("--function is required: the function to sweep (service/function or its name)")
	}
	if err := obj.Validate(); err != nil {
		return obj, nil, fmt.Errorf("--strategy/--weight/--percentile: %w", err)
	}
	if f.invocations < 0 {
		return obj, nil, fmt.Errorf("--invocations %d: must be >= 0", f.invocations)
	}
	if f.baseline != 0 {
		if err := sweep.CheckSize(f.baseline); err != nil {
			return obj, nil, fmt.Errorf("--baseline: %w", err)
		}
	}
	sizes, err := sweep.ParseSizes(f.memory)
	if err != nil {
		return obj, nil, fmt.Errorf("--memory: %w", err)
	}
	return obj, sizes, nil
}

// finishSweep prints the table, writes the JSON report and sets the exit status.
func finishSweep(out io.Writer, rep sweep.Report, f sweepFlags) error {
	if !f.quiet {
		if err := sweep.WriteTable(out, rep); err != nil {
			return exitCode(1, err)
		}
	}
	if f.out != "" {
		file, err := os.Create(f.out)
		if err != nil {
			return exitCode(1, fmt.Errorf("write sweep report: %w", err))
		}
		err = errors.Join(sweep.WriteJSON(file, rep), file.Close())
		if err != nil {
			return exitCode(1, fmt.Errorf("write sweep report %s: %w", f.out, err))
		}
	}
	var failed []string
	for _, s := range rep.Sizes {
		if s.Error != "" {
			failed = append(failed, fmt.Sprintf("%s: %s", sweep.MB(s.MemoryMB), s.Error))
		}
	}
	if len(failed) > 0 {
		return exitCode(1, fmt.Errorf("%d size(s) could not run: %s", len(failed), strings.Join(failed, "; ")))
	}
	if rep.OptimumMB == 0 {
		return exitCode(1, errors.New("no size ran without errors: no optimum"))
	}
	return nil
}

// sweepProgress reports finished sizes on a terminal ("swept 512 MB (3/8)"), nothing otherwise.
func sweepProgress(w io.Writer, quiet bool) func(sweep.Progress) {
	f, ok := w.(*os.File)
	if quiet || !ok || !isatty.IsTerminal(f.Fd()) {
		return nil
	}
	return func(p sweep.Progress) {
		fmt.Fprintf(w, "\rswept %s (%d/%d)\033[K", sweep.MB(p.Size.MemoryMB), p.Done, p.Total)
		if p.Done == p.Total {
			fmt.Fprint(w, "\r\033[K")
		}
	}
}

func joinSizes(sizes []int) string {
	s := make([]string, len(sizes))
	for i, mb := range sizes {
		s[i] = strconv.Itoa(mb)
	}
	return strings.Join(s, ",")
}
