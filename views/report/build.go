package report

import (
	"errors"
	"fmt"
	"html/template"
	"strconv"
	"time"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/views/chart"
)

// Report is a built report, ready to be written as HTML, PDF and data files. Its fields are
// what the templates show; build one with Build.
type Report struct {
	Title       string
	Description string
	Meta        []Figure // the run's facts: scenario, seed, simulated time, …
	Notes       []string // what the report could not include, and why
	Topology    template.HTML
	Rules       []RuleConfig
	Config      []Table // functions, queues
	Headline    []Figure
	Summary     []Table // rules, targets, functions, queues
	Expect      Table
	Charts      []Chart
	Cost        []Table // per function, per rule
	Errors      Table
	DeadLetters Table
	Sweep       *SweepSection

	summaryJSON []byte
	created     time.Time // the PDF's creation date: Generated, else the run's start
	sum         summary
	graph       graph
	shares      []ruleShare
	errs        []errCount
	dead        []obs.Final
}

// SweepSection is a memory sweep's table and curves.
type SweepSection struct {
	Title, Verdict string
	Table          Table
	Chart          Chart
}

// Build computes the report of in. It reads every record once through in.Records; errors
// from the records are returned with the kind of record that failed.
func Build(in Input) (Report, error) {
	opt := in.Options.withDefaults()
	s, hasSummary, err := decodeSummary(in.Summary)
	if err != nil {
		return Report{}, err
	}
	r := Report{Title: "Run report: " + runName(in, s), summaryJSON: in.Summary, created: in.Generated}
	if r.created.IsZero() {
		r.created = in.Run.Started
	}
	r.Meta = meta(in, s)
	if sc := in.Scenario; sc != nil {
		r.Description = sc.Description
		r.graph = topologyGraph(sc)
		r.Topology = template.HTML(topology(r.graph))
		r.Rules = ruleConfigs(sc)
		r.Config = []Table{functionTable(sc), queueTable(sc)}
	} else {
		r.Notes = append(r.Notes, "The run's scenario is not available: its description, topology and configuration are left out.")
	}
	if !hasSummary {
		r.Notes = append(r.Notes, "The run has no summary (it did not finish): summary figures are empty.")
	}
	r.Headline, r.Summary, r.Expect = headline(s), summaryTables(s), expectTable(s)
	var a *agg
	if in.Records != nil {
		if a, err = collect(in.Records, horizon(in, s), opt.BucketWidth, opt.MaxDeadLetters); err != nil {
			return Report{}, err
		}
		if r.Charts, err = a.charts(); err != nil {
			return Report{}, err
		}
		r.DeadLetters, r.dead = deadTable(a.dead, deadTotal(s), true), a.dead
	} else {
		r.Notes = append(r.Notes, "The run's records are not available: charts, dead letters and the exact cost per rule are left out.")
		r.DeadLetters = deadTable(nil, deadTotal(s), false)
	}
	r.sum = s
	var byRule Table
	byRule, r.shares = costRules(s, a)
	r.Cost = []Table{costFunctions(s), byRule}
	r.Errors, r.errs = errorTable(s, a, opt.MaxErrors)
	if in.Sweep != nil {
		if r.Sweep, err = sweepSection(*in.Sweep); err != nil {
			return Report{}, err
		}
	}
	return r, nil
}

// runName is the scenario's name from the first source that has it.
func runName(in Input, s summary) string {
	for _, n := range []string{in.Run.Scenario, s.Scenario} {
		if n != "" {
			return n
		}
	}
	if in.Scenario != nil {
		return in.Scenario.Name
	}
	return "unnamed run"
}

// horizon is the simulated time the charts cover.
func horizon(in Input, s summary) time.Duration {
	switch {
	case in.Run.SimDuration > 0:
		return in.Run.SimDuration
	case s.SimSeconds > 0:
		return time.Duration(s.SimSeconds * float64(time.Second))
	case in.Scenario != nil:
		return in.Scenario.Duration.D()
	}
	return time.Minute
}

// meta lists the run's facts.
func meta(in Input, s summary) []Figure {
	seed := in.Run.Seed
	if seed == 0 {
		seed = s.Seed
	}
	status := "complete"
	if !in.Run.Complete && !s.Complete {
		status = "incomplete (stopped before its horizon)"
	}
	m := []Figure{{"scenario", runName(in, s), ""}, {"seed", strconv.FormatUint(seed, 10), ""},
		{"simulated", dur(horizon(in, s)), ""}, {"status", status, ""}}
	if in.Run.Source != "" {
		m = append(m, Figure{"run", in.Run.Source, ""})
	}
	if !in.Run.Started.IsZero() {
		m = append(m, Figure{"started", in.Run.Started.UTC().Format(time.RFC3339), ""})
	}
	if !in.Generated.IsZero() {
		m = append(m, Figure{"generated", in.Generated.UTC().Format(time.RFC3339), ""})
	}
	return m
}

// sweepSection renders a sweep's table and curves.
func sweepSection(sw Sweep) (*SweepSection, error) {
	if len(sw.Header) == 0 {
		return nil, errors.New("sweep: the table has no header")
	}
	t := Table{ID: "sweep", Caption: sw.Title, Header: sw.Header, Rows: sw.Rows, Numeric: make([]bool, len(sw.Header))}
	for i := 1; i < len(sw.Header); i++ {
		t.Numeric[i] = true
	}
	var data [][]string
	for _, p := range sw.Curves.Points {
		for _, v := range []struct {
			name string
			v    float64
		}{{"p50_ms", p.P50Ms}, {"p99_ms", p.P99Ms}, {"cold_start_ms", p.ColdStartMs}, {"cost_per_1m", p.CostPer1M}, {"error_rate", p.ErrorRate}} {
			data = append(data, []string{"sweep", v.name, fnum(p.MemoryMB), fnum(v.v)})
		}
	}
	c, err := render("sweep", "Memory sweep", chart.SweepChart(sw.Curves, chart.Options{}), data)
	if err != nil {
		return nil, fmt.Errorf("sweep: %w", err)
	}
	return &SweepSection{Title: sw.Title, Verdict: sw.Verdict, Table: t, Chart: c}, nil
}
