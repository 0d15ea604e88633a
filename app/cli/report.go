package cli

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/fanout/fanout/app/sweep"
	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/scenarios"
	"github.com/fanout/fanout/storage"
	"github.com/fanout/fanout/views/chart"
	"github.com/fanout/fanout/views/report"
)

func init() { register(newReportCmd) }

type reportFlags struct {
	out, pdf, data, scenario, sweep string
	stamp                           bool
	bucket                          time.Duration
	deadLetters                     int
}

func newReportCmd() *cobra.Command {
	var f reportFlags
	cmd := &cobra.Command{
		Use:   "report RUN.db --out report.html [--pdf report.pdf] [--data DIR] [--scenario FILE] [--sweep SWEEP.json]",
		Short: "Write a stored run's report: HTML, PDF and CSV/JSON data",
		Long: `Write the report of a stored run (docs/report.md): one self-contained HTML file (charts as
inline SVG, no network), optionally the same report as PDF (--pdf) and its data as CSV and JSON
files in a directory (--data). The scenario is the one the run recorded (runs made by fanout run
and the workbench keep its text); --scenario FILE (or shipped:NAME) overrides it; for an older
database without it, the shipped scenario of the run's name is used when there is one, else the
report leaves out the topology and configuration. --sweep adds a memory
sweep written by 'fanout sweep --out FILE.json'. The same run gives the same bytes; --stamp
prints the generation time in the report.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.out == "" && f.pdf == "" && f.data == "" {
				return exitCode(2, fmt.Errorf("nothing to write: give --out FILE.html, --pdf FILE.pdf or --data DIR"))
			}
			return runReport(cmd.OutOrStdout(), cmd.ErrOrStderr(), args[0], f)
		},
	}
	cmd.Flags().StringVar(&f.out, "out", "", "write the HTML report to this file")
	cmd.Flags().StringVar(&f.pdf, "pdf", "", "write the PDF report to this file")
	cmd.Flags().StringVar(&f.data, "data", "", "write the CSV and JSON data into this directory")
	cmd.Flags().StringVar(&f.scenario, "scenario", "", "the run's scenario file, or shipped:NAME")
	cmd.Flags().StringVar(&f.sweep, "sweep", "", "add the memory sweep in this JSON file (fanout sweep --out)")
	cmd.Flags().BoolVar(&f.stamp, "stamp", false, "print the generation time in the report")
	cmd.Flags().DurationVar(&f.bucket, "bucket", 0, "time step of the charts, e.g. 10s (default: at most 120 steps)")
	cmd.Flags().IntVar(&f.deadLetters, "dead-letters", 50, "how many dead letters to list")
	return cmd
}

func runReport(stdout, stderr io.Writer, path string, f reportFlags) error {
	if f.bucket < 0 || f.deadLetters < 1 {
		return exitCode(2, fmt.Errorf("--bucket must be ≥ 0 and --dead-letters ≥ 1"))
	}
	st, err := storage.OpenRun(path)
	if err != nil {
		return exitCode(2, err)
	}
	defer st.Close()
	sc, err := reportScenario(stderr, st, f.scenario)
	if err != nil {
		return exitCode(2, err)
	}
	opt := report.Options{BucketWidth: f.bucket, MaxDeadLetters: f.deadLetters}
	var stamp time.Time
	if f.stamp {
		stamp = time.Now().UTC().Truncate(time.Second)
	}
	var sw *report.Sweep
	if f.sweep != "" {
		if sw, err = readSweep(f.sweep); err != nil {
			return exitCode(2, err)
		}
	}
	r, err := BuildReport(st, sc, sw, opt, stamp)
	if err != nil {
		return exitCode(1, err)
	}
	if err := writeReport(r, f); err != nil {
		return exitCode(1, err)
	}
	for _, p := range []string{f.out, f.pdf, f.data} {
		if p != "" {
			fmt.Fprintln(stdout, "wrote", p)
		}
	}
	return nil
}

// reportScenario opens the scenario named by flag, else the shipped scenario of the run's name,
// else none (nil).
func reportScenario(stderr io.Writer, st *storage.Store, flag string) (*scenarios.Scenario, error) {
	if flag != "" {
		sc, _, err := OpenScenario(flag)
		if err != nil {
			return nil, fmt.Errorf("--scenario %s: %w", flag, err)
		}
		return sc, nil
	}
	ri, err := st.Info()
	if err != nil {
		return nil, err
	}
	if len(ri.ScenarioYAML) > 0 {
		sc, err := scenarios.Parse(ri.ScenarioPath, ri.ScenarioYAML, nil)
		if err != nil {
			return nil, fmt.Errorf("the run's recorded scenario %s: %w", ri.ScenarioPath, err)
		}
		return sc, nil
	}
	for _, s := range scenarios.Shipped() {
		if s.Name == ri.Scenario {
			fmt.Fprintf(stderr, "report: using the shipped scenario %s (--scenario FILE for another)\n", s.Name)
			return scenarios.OpenShipped(s.Name)
		}
	}
	fmt.Fprintf(stderr, "report: the run does not record its scenario and none was given (--scenario FILE): "+
		"topology and configuration are left out\n")
	return nil, nil
}

// BuildReport builds the report of the run in st with its scenario sc (nil when unknown) and a
// memory sweep sw (nil for none). The workbench's Export button is meant to call it too, so both
// give the same report. stamp, when not zero, is printed as the generation time.
func BuildReport(st *storage.Store, sc *scenarios.Scenario, sw *report.Sweep, opt report.Options, stamp time.Time) (report.Report, error) {
	ri, err := st.Info()
	if err != nil {
		return report.Report{}, err
	}
	in := report.Input{Scenario: sc, Summary: ri.Summary, Records: storeRecords{st}, Sweep: sw, Generated: stamp, Options: opt,
		Run: report.Run{Scenario: ri.Scenario, Seed: ri.Seed, Source: st.Path(), Started: ri.Started,
			SimDuration: ri.SimDuration, Complete: ri.Complete}}
	if in.Run.SimDuration <= 0 {
		in.Run.SimDuration = ri.Horizon
	}
	return report.Build(in)
}

// readSweep reads a sweep report written by fanout sweep --out.
func readSweep(path string) (*report.Sweep, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--sweep: %w", err)
	}
	var rep sweep.Report
	if err := json.Unmarshal(b, &rep); err != nil || len(rep.Sizes) == 0 {
		return nil, fmt.Errorf("--sweep %s: not a sweep report (fanout sweep --out FILE.json): %v", path, err)
	}
	sw := ReportSweep(rep)
	return &sw, nil
}

// ReportSweep maps a judged memory sweep into the report's sweep section: the sweep command's
// table and verdict, and the chart of the sizes that ran.
func ReportSweep(rep sweep.Report) report.Sweep {
	sw := report.Sweep{Title: "Memory sweep of " + rep.Function, Verdict: rep.Verdict, Header: sweep.Header,
		Rows: sweep.Rows(rep), Curves: chart.Sweep{OptimumMB: float64(rep.OptimumMB),
			BaselineMB: float64(rep.BaselineMB), Objective: rep.Objective.Strategy}}
	for _, s := range rep.Sizes {
		if s.Ran() {
			sw.Curves.Points = append(sw.Curves.Points, chart.SweepPoint{MemoryMB: float64(s.MemoryMB), P50Ms: s.P50Ms,
				P99Ms: s.P99Ms, ColdStartMs: s.ColdStartMs, CostPer1M: s.CostPer1M, ErrorRate: s.ErrorRate})
		}
	}
	return sw
}

// writeReport writes the files f asks for. Each file is rendered in memory first, so a failure
// leaves no half-written file.
func writeReport(r report.Report, f reportFlags) error {
	write := func(path string, fn func(io.Writer) error) error {
		if path == "" {
			return nil
		}
		var b bytes.Buffer
		if err := fn(&b); err != nil {
			return err
		}
		return os.WriteFile(path, b.Bytes(), 0o644)
	}
	if err := write(f.out, r.WriteHTML); err != nil {
		return err
	}
	if err := write(f.pdf, r.WritePDF); err != nil {
		return err
	}
	if f.data != "" {
		if _, err := r.WriteData(f.data); err != nil {
			return err
		}
	}
	return nil
}

// storeRecords streams a run database's records for the report, in a stable order.
type storeRecords struct{ *storage.Store }

func (s storeRecords) each(query string, scan func(*sql.Rows) error) error {
	rows, err := s.DB().Query(query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (s storeRecords) EachInvocation(fn func(obs.Invocation) error) error {
	return s.each(`SELECT i.event, t.rule, t.name, i.attempt, f.service, f.name, i.instance, i.cold, i.provisioned,
		i.enqueued, i.start, i."end", i.queue_wait, i.cold_start, i.init, i.billed, i.memory_mb, i.vcpu, i.cost_usd,
		i.outcome, i.error_kind, i.stack
		FROM invocations i JOIN targets t ON t.id = i.target_id JOIN functions f ON f.id = i.function_id
		ORDER BY i.event, i.seq`, func(rows *sql.Rows) error {
		var r obs.Invocation
		var qw, cs, in, billed int64
		var out string
		if err := rows.Scan(&r.Event, &r.Rule, &r.Target, &r.Attempt, &r.Service, &r.Function, &r.Instance, &r.Cold,
			&r.Provisioned, &r.Enqueued, &r.Start, &r.End, &qw, &cs, &in, &billed, &r.MemoryMB, &r.VCPU, &r.CostUSD,
			&out, &r.ErrorKind, &r.Stack); err != nil {
			return err
		}
		r.QueueWait, r.ColdStart, r.Init, r.Billed = time.Duration(qw), time.Duration(cs), time.Duration(in), time.Duration(billed)
		var err error
		if r.Outcome, err = obs.ParseOutcome(out); err != nil {
			return err
		}
		return fn(r)
	})
}

func (s storeRecords) EachAttempt(fn func(obs.Attempt) error) error {
	return s.each(`SELECT a.event, t.rule, t.name, a.number, a.scheduled, a.start, a."end", a.outcome, a.error
		FROM attempts a JOIN targets t ON t.id = a.target_id ORDER BY a.event, a.seq`, func(rows *sql.Rows) error {
		var r obs.Attempt
		var out string
		if err := rows.Scan(&r.Event, &r.Rule, &r.Target, &r.Number, &r.Scheduled, &r.Start, &r.End, &out, &r.Error); err != nil {
			return err
		}
		var err error
		if r.Outcome, err = obs.ParseOutcome(out); err != nil {
			return err
		}
		return fn(r)
	})
}

func (s storeRecords) EachRuleEvaluation(fn func(obs.RuleEvaluated) error) error {
	return s.each(`SELECT e.event, e.at, r.bus, r.name, e.matched FROM rule_evals e JOIN rules r ON r.id = e.rule_id
		ORDER BY e.event, e.seq`, func(rows *sql.Rows) error {
		var r obs.RuleEvaluated
		if err := rows.Scan(&r.Event, &r.At, &r.Bus, &r.Rule, &r.Matched); err != nil {
			return err
		}
		return fn(r)
	})
}

// EachInstance streams the instance transitions in time order.
func (s storeRecords) EachInstance(fn func(obs.Instance) error) error {
	return s.each(`SELECT i.at, f.service, f.name, i.instance, i.from_state, i.to_state, i.provisioned
		FROM instances i JOIN functions f ON f.id = i.function_id ORDER BY i.at, i.rowid`, func(rows *sql.Rows) error {
		var r obs.Instance
		var from, to string
		if err := rows.Scan(&r.At, &r.Service, &r.Function, &r.Instance, &from, &to, &r.Provisioned); err != nil {
			return err
		}
		var err error
		if r.From, err = parseState(from); err == nil {
			r.To, err = parseState(to)
		}
		if err != nil {
			return err
		}
		return fn(r)
	})
}

// EachQueueDepth streams the queue depths in time order.
func (s storeRecords) EachQueueDepth(fn func(obs.QueueDepth) error) error {
	return s.each(`SELECT at, queue, depth, dlq FROM queue_depths ORDER BY at, rowid`, func(rows *sql.Rows) error {
		var r obs.QueueDepth
		if err := rows.Scan(&r.At, &r.Queue, &r.Depth, &r.DLQ); err != nil {
			return err
		}
		return fn(r)
	})
}

// parseState is the inverse of obs.InstanceState.String.
func parseState(s string) (obs.InstanceState, error) {
	for st := obs.InstanceNone; st <= obs.InstanceReclaimed; st++ {
		if st.String() == s {
			return st, nil
		}
	}
	return 0, fmt.Errorf("unknown instance state %q", s)
}
