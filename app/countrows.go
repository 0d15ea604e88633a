package main

import (
	"fmt"

	"github.com/fanout/fanout/engine/world"
	"github.com/fanout/fanout/views"
)

// countRows is the Run screen's table: every element of the run with what came in, what came
// out well, what failed and what is still in flight. Rows[0] is the header.
func countRows(s world.Summary) [][]string {
	rows := [][]string{{"element", "in", "ok", "failed", "in flight"}}
	add := func(name string, in, ok, failed, flight string) {
		rows = append(rows, []string{name, in, ok, failed, flight})
	}
	for _, n := range sortedKeys(s.Loads) {
		l := s.Loads[n]
		add("load "+n, views.Count(l.Generated+l.Errors), views.Count(l.Generated), views.Count(l.Errors), "")
	}
	for _, n := range sortedKeys(s.Buses) {
		b := s.Buses[n]
		add("bus "+n, views.Count(b.Accepted+b.Rejected), views.Count(b.Accepted), views.Count(b.Rejected), "")
	}
	for _, n := range sortedKeys(s.Rules) {
		r := s.Rules[n]
		add("rule "+n+" (matched)", views.Count(r.Evaluated), views.Count(r.Matched), "", "")
	}
	for _, n := range sortedKeys(s.Targets) {
		t := s.Targets[n]
		add("target "+n, views.Count(t.Routed), views.Count(t.Delivered), views.Count(t.DeadLettered+t.Discarded+t.Expired), views.Count(t.InFlight))
	}
	for _, n := range sortedKeys(s.Functions) {
		f := s.Functions[n]
		var errs uint64
		for _, v := range f.Errors {
			errs += v
		}
		add(fmt.Sprintf("function %s (%d cold)", n, f.ColdStarts), views.Count(f.Invocations),
			views.Count(uint64(f.Invocations)-errs), views.Count(errs), views.Count(f.InFlight))
	}
	for _, n := range sortedKeys(s.Queues) {
		q := s.Queues[n]
		add("queue "+n, views.Count(q.Enqueued), views.Count(q.Consumed), views.Count(q.ConsumeFailed), views.Count(q.Depth))
	}
	return rows
}
