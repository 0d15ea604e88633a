package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/scenarios"
)

// RuleConfig is one rule's configuration as the report shows it.
type RuleConfig struct {
	Name, Bus, Description string
	Enabled                bool
	Pattern                string // the event pattern, pretty-printed JSON in the file's key order
	Targets                Table  // one row per target
}

// ruleConfigs describes every rule of sc, in file order.
func ruleConfigs(sc *scenarios.Scenario) []RuleConfig {
	out := make([]RuleConfig, 0, len(sc.Rules))
	for _, r := range sc.Rules {
		rc := RuleConfig{Name: r.Name, Bus: r.BusOrDefault(), Description: r.Description,
			Enabled: r.IsEnabled(), Pattern: prettyJSON(r.Pattern)}
		rc.Targets = Table{
			ID:      "rule-" + r.BusOrDefault() + "-" + r.Name,
			Caption: "Targets of " + r.Name,
			Header:  []string{"target", "type", "destination", "invocation", "transformer", "retry", "errors", "dead letter"},
		}
		for _, t := range r.Targets {
			rc.Targets.Rows = append(rc.Targets.Rows, targetRow(t))
		}
		out = append(out, rc)
	}
	return out
}

// targetRow is one target's configuration cells.
func targetRow(t bus.TargetSpec) []string {
	tol := t.ErrorsTolerance
	if tol == "" {
		tol = "ALL"
	}
	dl := "none"
	if t.DeadLetter != nil {
		dl = t.DeadLetter.Queue
	}
	inv := ""
	if t.Type == "function" {
		inv = t.Invocation
		if inv == "" {
			inv = "async"
		}
		if t.Dedup {
			inv += ", dedup"
		}
	}
	return []string{t.ID, t.Type, destination(t), inv, transformer(t), t.Retry.StrategyOrDefault(), tol, dl}
}

// destination is what a target delivers to.
func destination(t bus.TargetSpec) string {
	for _, s := range []string{t.Function, t.Queue, t.Topic, t.Logstore, t.URL, t.Channel} {
		if s != "" {
			return s
		}
	}
	return ""
}

// transformer describes a target's input transformer in one line.
func transformer(t bus.TargetSpec) string {
	if t.Transform == nil || (t.Transform.Form == "" || t.Transform.Form == "ORIGINAL") {
		return "ORIGINAL"
	}
	s := t.Transform.Form
	if v := t.Transform.Value.String(); v != "" {
		s += " " + v
	}
	if t.Transform.Template != "" {
		s += " template " + strconv.Quote(t.Transform.Template)
	}
	return s
}

// functionTable describes every function of sc with its effective settings.
func functionTable(sc *scenarios.Scenario) Table {
	t := Table{ID: "config_functions", Caption: "Functions (effective settings, defaults filled in)",
		Header: []string{"function", "runtime", "memory", "vCPU", "timeout", "concurrency",
			"max instances", "provisioned", "keep-alive", "handler model", "async"},
		Numeric: []bool{false, false, true, true, true, true, true, true, true, false, false},
		Empty:   "The scenario has no functions."}
	for _, svc := range sc.Services {
		for _, f := range svc.Functions {
			d := f.WithDefaults()
			vcpu := d.VCPU
			if vcpu == 0 {
				vcpu = fc.DefaultVCPU(int64(d.Memory))
			}
			t.Rows = append(t.Rows, []string{svc.Name + "/" + f.Name, d.Runtime, d.Memory.String(),
				num(vcpu, 2), dur(d.Timeout.D()), strconv.Itoa(d.Concurrency), strconv.Itoa(d.MaxInstances),
				strconv.Itoa(d.Provisioned), dur(d.KeepAlive.D()), handlerModel(d.Handler), asyncConfig(d.Async)})
		}
	}
	return t
}

// handlerModel describes a handler model in one line.
func handlerModel(h fc.HandlerSpec) string {
	parts := []string{"cpu " + dur(h.CPU.D()), "io " + dur(h.IO.D())}
	if h.Threads > 1 {
		parts = append(parts, fmt.Sprintf("%d threads", h.Threads))
	}
	if h.Init > 0 {
		parts = append(parts, "init "+dur(h.Init.D()))
	}
	if h.WorkingSet > 0 {
		parts = append(parts, "working set "+h.WorkingSet.String())
	}
	if h.FailureRate > 0 {
		parts = append(parts, "failure rate "+pct(h.FailureRate))
	}
	if h.DurationExtra != "" {
		parts = append(parts, "extra: "+h.DurationExtra)
	}
	if h.Failure != "" {
		parts = append(parts, "failure: "+h.Failure)
	}
	return strings.Join(parts, ", ")
}

// asyncConfig describes the asynchronous invocation settings.
func asyncConfig(a fc.AsyncSpec) string {
	s := "max age " + dur(a.MaxEventAge.D())
	if a.MaxRetries != nil {
		s = fmt.Sprintf("%d retries, %s", *a.MaxRetries, s)
	}
	if a.OnFailure != "" {
		s += ", on failure → " + a.OnFailure
	}
	return s
}

// queueTable describes every queue and topic of sc.
func queueTable(sc *scenarios.Scenario) Table {
	t := Table{ID: "config_queues", Caption: "Queues and topics",
		Header: []string{"queue", "type", "FIFO", "group by", "max message", "consumer"},
		Empty:  "The scenario has no queues."}
	for _, q := range sc.Queues {
		fifo, cons := "no", "none"
		if q.FIFO {
			fifo = "yes"
		}
		if c := q.Consumer; c != nil {
			cons = fmt.Sprintf("%s, batch %d, concurrency %d", c.Function, c.BatchOrDefault(), c.ConcurrencyOrDefault())
			if c.Schedule > 0 {
				cons += ", every " + dur(c.Schedule.D())
			}
		}
		t.Rows = append(t.Rows, []string{q.Name, q.Type, fifo, q.GroupBy, q.MaxMessageBytesOrDefault().String(), cons})
	}
	return t
}
