package report

import (
	"encoding/json"
	"time"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/scenarios"
	"github.com/fanout/fanout/views/chart"
)

// Input is everything a report is built from. Only Run is required; a missing part leaves its
// sections saying so instead of failing.
type Input struct {
	// Scenario is the run's parsed scenario: description, topology and configuration. Nil
	// when the run's scenario is not available.
	Scenario *scenarios.Scenario
	// Run describes the run.
	Run Run
	// Summary is the run summary JSON (docs/summary.md); nil for an unfinished run.
	Summary json.RawMessage
	// Records answers the questions about the run's records (charts, cost per rule, errors,
	// dead letters); nil builds the report from the summary alone.
	Records Records
	// Sweep is a memory sweep's result, shown as its table and curves; optional.
	Sweep *Sweep
	// Generated is printed as the generation time when not zero. Build never reads the clock.
	Generated time.Time
	// Options adjust the report; the zero value gives the defaults.
	Options Options
}

// Run describes a stored run.
type Run struct {
	Scenario    string        // the scenario's name
	Seed        uint64        // the run's seed
	Source      string        // where the run comes from (the database file), shown as is
	Started     time.Time     // wall-clock start of the run (zero: not shown)
	SimDuration time.Duration // simulated time covered (0: taken from the summary or scenario)
	Complete    bool          // the run reached its horizon
}

// Options adjust a report.
type Options struct {
	// BucketWidth is the time step of the charts; 0 picks one giving at most 120 buckets.
	BucketWidth time.Duration
	// MaxDeadLetters is how many dead letters are listed (default 50).
	MaxDeadLetters int
	// MaxErrors is how many error groups are listed (default 15).
	MaxErrors int
}

// Records is what the report asks of a run's records. The run store (storage.Store) provides
// Buckets and DeadLetters as its obs.Querier methods; the Each methods stream every record of
// one kind in the order stored and stop at the first error fn returns.
type Records interface {
	Buckets(width time.Duration, from, to sim.Time) ([]obs.Bucket, error)
	DeadLetters(after obs.EventRef, limit int) ([]obs.Final, error)
	EachInvocation(fn func(obs.Invocation) error) error
	EachAttempt(fn func(obs.Attempt) error) error
	EachRuleEvaluation(fn func(obs.RuleEvaluated) error) error
	EachInstance(fn func(obs.Instance) error) error
	EachQueueDepth(fn func(obs.QueueDepth) error) error
}

// Sweep is a memory sweep for the report: its table as text cells and its curves. The sweep
// command's result maps into it (app/sweep: Header, Rows(report), Verdict).
type Sweep struct {
	Title   string     // e.g. "Memory sweep of csv-pipeline/index-fn"
	Verdict string     // the one-line conclusion
	Header  []string   // column headers
	Rows    [][]string // one row per size, cells as text
	Curves  chart.Sweep
}

func (o Options) withDefaults() Options {
	if o.MaxDeadLetters <= 0 {
		o.MaxDeadLetters = 50
	}
	if o.MaxErrors <= 0 {
		o.MaxErrors = 15
	}
	return o
}
