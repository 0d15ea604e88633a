package main

import (
	"fmt"

	"github.com/fanout/fanout/engine/world"
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
		add("load "+n, count(l.Generated+l.Errors), count(l.Generated), count(l.Errors), "")
	}
	for _, n := range sortedKeys(s.Buses) {
		b := s.Buses[n]
		add("bus "+n, count(b.Accepted+b.Rejected), count(b.Accepted), count(b.Rejected), "")
	}
	for _, n := range sortedKeys(s.Rules) {
		r := s.Rules[n]
		add("rule "+n+" (matched)", count(r.Evaluated), count(r.Matched), "", "")
	}
	for _, n := range sortedKeys(s.Targets) {
		t := s.Targets[n]
		add("target "+n, count(t.Routed), count(t.Delivered), count(t.DeadLettered+t.Discarded+t.Expired), count(t.InFlight))
	}
	for _, n := range sortedKeys(s.Functions) {
		f := s.Functions[n]
		var errs uint64
		for _, v := range f.Errors {
			errs += v
		}
		add(fmt.Sprintf("function %s (%d cold)", n, f.ColdStarts), count(uint64(f.Invocations)),
			count(uint64(f.Invocations)-errs), count(errs), count(uint64(f.InFlight)))
	}
	for _, n := range sortedKeys(s.Queues) {
		q := s.Queues[n]
		add("queue "+n, count(q.Enqueued), count(q.Consumed), count(q.ConsumeFailed), count(q.Depth))
	}
	return rows
}
