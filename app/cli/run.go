package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/engine/world"
)

func init() { register(newRunCmd) }

type runFlags struct {
	seed     uint64
	duration field.Duration
	summary  string
	quiet    bool
	noWall   bool
	db       string
	noStore  bool
	replays  []string // QUEUE@TIME
}

func newRunCmd() *cobra.Command {
	var f runFlags
	cmd := &cobra.Command{
		Use:   "run FILE",
		Short: "Run a scenario headless and print its summary",
		Long: `Run a scenario in simulated time as fast as the machine allows and print a summary.
--summary writes the machine-readable summary (docs/summary.md). The same file and seed give a
byte-identical summary; --no-wall leaves out the one machine-dependent field, wall_seconds.
--replay-dlq QUEUE@TIME re-publishes the messages waiting in a dead-letter queue to their bus at
that simulated time (e.g. csv-dlq@30m); replayed events carry the fanoutreplay attribute.
Exit status: 0 when every expect assertion holds and every (event, target) pair is accounted
for, 1 when an assertion fails or conservation is violated, 2 for an invalid scenario.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScenario(cmd, args[0], f)
		},
	}
	cmd.Flags().Uint64Var(&f.seed, "seed", 0, "seed for every random stream (default: the scenario's)")
	cmd.Flags().Var(durationFlag{&f.duration}, "duration", "simulated time to cover, e.g. 10m (default: the scenario's)")
	cmd.Flags().StringVar(&f.summary, "summary", "", "write the JSON summary to this file")
	cmd.Flags().BoolVar(&f.quiet, "quiet", false, "print nothing but errors")
	cmd.Flags().BoolVar(&f.noWall, "no-wall", false, "leave wall_seconds out of the summary")
	cmd.Flags().StringVar(&f.db, "db", "", "store the run's records in this SQLite file (default: a new file in the runs folder)")
	cmd.Flags().BoolVar(&f.noStore, "no-store", false, "keep no records on disk")
	cmd.Flags().StringArrayVar(&f.replays, "replay-dlq", nil, "replay a dead-letter queue at a simulated time: QUEUE@TIME (repeatable)")
	return cmd
}

func runScenario(cmd *cobra.Command, path string, f runFlags) error {
	sc, cfg, err := loadScenario(path)
	if err != nil {
		return exitCode(2, err)
	}
	if cmd.Flags().Changed("seed") {
		cfg.Seed = f.seed
	}
	if cmd.Flags().Changed("duration") {
		if f.duration <= 0 {
			return exitCode(2, fmt.Errorf("--duration must be > 0"))
		}
		cfg.Duration = f.duration.D()
	}
	store, err := OpenRunStore(f.db, f.noStore, cfg, path, nil)
	if err != nil {
		return exitCode(2, err)
	}
	defer store.Close()
	if store.st != nil {
		cfg.Sink = store.st.Sink()
	}
	w, err := world.New(cfg)
	if err != nil {
		return exitCode(2, fmt.Errorf("%s: %w", path, err))
	}
	if err := scheduleReplays(w, f.replays); err != nil {
		return exitCode(2, err)
	}
	started := time.Now()
	drive(w, progressFor(cmd.ErrOrStderr(), f.quiet, cfg.Duration))
	wall := time.Since(started).Seconds()
	s := w.Summary()
	if !f.noWall {
		s.WallSeconds = &wall
	}
	if f.summary != "" {
		if err := writeSummary(f.summary, s); err != nil {
			return exitCode(1, err)
		}
	}
	if !f.quiet {
		printSummary(cmd.OutOrStdout(), sc.Name, s)
	}
	if err := store.Finish(s, cmd.OutOrStdout(), f.quiet); err != nil {
		return exitCode(1, err)
	}
	for _, e := range w.ReplayErrors() {
		fmt.Fprintln(cmd.ErrOrStderr(), "replay:", e)
	}
	if err := s.ConservationError(); err != nil {
		return exitCode(1, err)
	}
	if failed := s.Failed(); len(failed) > 0 {
		return exitCode(1, fmt.Errorf("%d of %d expect assertions failed", len(failed), len(s.Expect)))
	}
	return nil
}

// scheduleReplays parses QUEUE@TIME values and schedules each replay.
func scheduleReplays(w *world.World, specs []string) error {
	for _, spec := range specs {
		q, at, ok := strings.Cut(spec, "@")
		if !ok || q == "" || at == "" {
			return fmt.Errorf("--replay-dlq %q: want QUEUE@TIME, e.g. csv-dlq@30m", spec)
		}
		var d field.Duration
		if err := d.UnmarshalText([]byte(at)); err != nil {
			return fmt.Errorf("--replay-dlq %q: time: %w", spec, err)
		}
		if err := w.ScheduleReplay(q, sim.Time(d.D())); err != nil {
			return fmt.Errorf("--replay-dlq %q: %w", spec, err)
		}
	}
	return nil
}

// drive runs w to its horizon in slices of simulated time, reporting progress after each.
func drive(w *world.World, progress func(sim.Time)) {
	const slices = 200
	step := w.Horizon() / slices
	if step <= 0 {
		step = 1
	}
	for !w.Done() {
		w.RunUntil(w.Now() + step)
		progress(w.Now())
	}
	w.Run()
	progress(w.Now())
}

// progressFor returns a progress reporter: a bar in simulated seconds on a terminal, nothing
// otherwise.
func progressFor(out io.Writer, quiet bool, horizon time.Duration) func(sim.Time) {
	f, ok := out.(*os.File)
	if quiet || !ok || !isatty.IsTerminal(f.Fd()) {
		return func(sim.Time) {}
	}
	bar := progressbar.NewOptions64(int64(horizon/time.Millisecond),
		progressbar.OptionSetWriter(out),
		progressbar.OptionSetDescription("simulating"),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100*time.Millisecond))
	return func(now sim.Time) { _ = bar.Set64(int64(time.Duration(now) / time.Millisecond)) }
}

func writeSummary(path string, s world.Summary) error {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("encode summary: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write summary: %w", err)
	}
	return nil
}

// durationFlag lets a flag take field.Duration text ("10m", "1h", "90").
type durationFlag struct{ d *field.Duration }

func (f durationFlag) String() string {
	if f.d == nil {
		return ""
	}
	return f.d.D().String()
}
func (f durationFlag) Set(s string) error { return f.d.UnmarshalText([]byte(s)) }
func (f durationFlag) Type() string       { return "duration" }
