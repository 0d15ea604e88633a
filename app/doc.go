package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/scenarios"
	"github.com/fanout/fanout/views"
)

// scenarioDoc turns a (possibly partial) scenario and its diagnostics into what the overview
// screen shows. sc may be nil when the file could not be read or parsed at all.
func scenarioDoc(path string, sc *scenarios.Scenario, diags error) views.ScenarioDoc {
	doc := views.ScenarioDoc{Path: path, Name: strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))}
	doc.Problems = problems(diags)
	if sc == nil {
		return doc
	}
	if sc.Name != "" {
		doc.Name = sc.Name
	}
	doc.Description = sc.Description
	doc.Facts = []views.Fact{
		{Label: "seed", Value: fmt.Sprint(sc.Seed)},
		{Label: "duration", Value: time.Duration(sc.Duration).String()},
		{Label: "dialect", Value: sc.Dialect},
		{Label: "region", Value: sc.Region},
	}
	doc.Root = []views.Node{
		section("Buses", busNodes(sc)),
		section("Rules", ruleNodes(sc.Rules)),
		section("Functions", functionNodes(sc)),
		section("Queues", queueNodes(sc)),
		section("Loads", loadNodes(sc.Loads)),
		section("Expect", expectNodes(sc)),
	}
	return doc
}

func section(label string, children []views.Node) views.Node {
	return views.Node{Kind: "section", Label: label, Detail: fmt.Sprint(len(children)), Children: children}
}

func problems(err error) []views.Problem {
	if err == nil {
		return nil
	}
	if ds, ok := err.(scenarios.Diagnostics); ok {
		out := make([]views.Problem, len(ds))
		for i, d := range ds {
			out[i] = views.Problem{Where: fmt.Sprintf("%s:%d:%d", filepath.Base(d.File), d.Line, d.Col), Msg: d.Msg}
		}
		return out
	}
	return []views.Problem{{Where: "", Msg: err.Error()}}
}

func busNodes(sc *scenarios.Scenario) []views.Node {
	out := []views.Node{}
	declared := false
	for _, b := range sc.Buses {
		declared = declared || b.Name == bus.DefaultBusName
		detail := b.KindOrDefault() + " bus"
		if b.PartnerSource != "" {
			detail += " from " + b.PartnerSource
		}
		out = append(out, views.Node{Kind: "bus", Label: b.Name, Detail: detail})
	}
	if !declared {
		out = append([]views.Node{{Kind: "bus", Label: bus.DefaultBusName, Detail: "default bus (system events)"}}, out...)
	}
	return out
}

func ruleNodes(rules []bus.RuleSpec) []views.Node {
	out := make([]views.Node, 0, len(rules))
	for _, r := range rules {
		detail := "on " + orDefault(r.Bus, bus.DefaultBusName)
		if r.Enabled != nil && !*r.Enabled {
			detail += ", disabled"
		}
		n := views.Node{Kind: "rule", Label: r.Name, Detail: detail}
		for _, t := range r.Targets {
			n.Children = append(n.Children, views.Node{Kind: "target", Label: t.ID, Detail: targetDetail(t)})
		}
		out = append(out, n)
	}
	return out
}

func targetDetail(t bus.TargetSpec) string {
	var what string
	switch t.Type {
	case "function":
		what = "function " + t.Function
	case "mns":
		what = "MNS queue " + t.Queue
	case "rocketmq":
		what = "RocketMQ topic " + t.Topic
	case "logstore":
		what = "logstore " + t.Logstore
	case "http":
		what = "HTTP " + t.URL
	default:
		what = t.Type
	}
	if t.DeadLetter != nil && t.DeadLetter.Queue != "" {
		what += ", dead letters → " + t.DeadLetter.Queue
	}
	return what
}

func functionNodes(sc *scenarios.Scenario) []views.Node {
	out := []views.Node{}
	for _, s := range sc.Services {
		n := views.Node{Kind: "service", Label: s.Name, Detail: "service"}
		for _, f := range s.Functions {
			detail := f.Runtime
			if f.Memory > 0 {
				detail += ", " + f.Memory.String()
			}
			if f.Provisioned > 0 {
				detail += fmt.Sprintf(", %d provisioned", f.Provisioned)
			}
			n.Children = append(n.Children, views.Node{Kind: "function", Label: f.Name, Detail: detail})
		}
		out = append(out, n)
	}
	return out
}

func queueNodes(sc *scenarios.Scenario) []views.Node {
	out := []views.Node{}
	for _, q := range sc.Queues {
		detail := q.Type
		if q.FIFO {
			detail += " FIFO"
		}
		if q.Consumer != nil {
			detail += ", consumed"
		}
		out = append(out, views.Node{Kind: "queue", Label: q.Name, Detail: detail})
	}
	return out
}

func loadNodes(loads []load.Spec) []views.Node {
	out := make([]views.Node, 0, len(loads))
	for _, l := range loads {
		a := l.Arrival
		detail := a.Process
		if a.Rate > 0 {
			detail += fmt.Sprintf(" %g/s", float64(a.Rate))
		}
		detail += " → " + orDefault(l.Bus, bus.DefaultBusName)
		out = append(out, views.Node{Kind: "load", Label: l.Name, Detail: detail})
	}
	return out
}

func expectNodes(sc *scenarios.Scenario) []views.Node {
	out := make([]views.Node, 0, len(sc.Expect))
	for _, e := range sc.Expect {
		out = append(out, views.Node{Kind: "expect", Label: e.Name, Detail: e.Assert})
	}
	return out
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
