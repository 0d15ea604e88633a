package report

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/fanout/fanout/engine/obs"
)

// headline is the summary's key numbers.
func headline(s summary) []Figure {
	return []Figure{
		{"events accepted", ucount(s.Events.Accepted), "events"},
		{"events rejected", ucount(s.Events.Rejected), "events"},
		{"match rate", num(s.matchRate()*100, 1), "%"},
		{"fan-outs complete", ucount(s.Fanout.Complete), "of " + ucount(s.Fanout.Events)},
		{"fan-out p99", ms(s.Fanout.Completion.P99), "ms"},
		{"delivered", ucount(delivered(s)), "deliveries"},
		{"dead-lettered", ucount(deadTotal(s)), "messages"},
		{"invocations", count(invocations(s)), "invocations"},
		{"cold starts", count(coldStarts(s)), "starts"},
		{"cost", strings.TrimPrefix(usd(s.totalCost()), "$"), "USD"},
	}
}

func delivered(s summary) uint64 {
	var n uint64
	for _, k := range sortedKeys(s.Targets) {
		n += s.Targets[k].Delivered
	}
	return n
}

func deadTotal(s summary) uint64 {
	var n uint64
	for _, k := range sortedKeys(s.DeadLetter) {
		n += s.DeadLetter[k].Messages
	}
	return n
}

func invocations(s summary) (n int64) {
	for _, k := range sortedKeys(s.Functions) {
		n += s.Functions[k].Invocations
	}
	return n
}

func coldStarts(s summary) (n int64) {
	for _, k := range sortedKeys(s.Functions) {
		n += s.Functions[k].ColdStarts
	}
	return n
}

// summaryTables are the summary's per-rule, per-target, per-function and per-queue tables.
func summaryTables(s summary) []Table {
	rules := Table{ID: "rules", Caption: "Rules", Header: []string{"rule", "bus", "enabled", "evaluated", "matched", "match rate"},
		Numeric: []bool{false, false, false, true, true, true}, Empty: "No rules."}
	for _, k := range sortedKeys(s.Rules) {
		r := s.Rules[k]
		rate := "–"
		if r.Evaluated > 0 {
			rate = pct(float64(r.Matched) / float64(r.Evaluated))
		}
		rules.Rows = append(rules.Rows, []string{k, r.Bus, strconv.FormatBool(r.Enabled), ucount(r.Evaluated), ucount(r.Matched), rate})
	}
	targets := Table{ID: "targets", Caption: "Targets (latency from the start of the delivery to delivered)",
		Header: []string{"target", "type", "routed", "delivered", "dead-lettered", "discarded", "expired",
			"in flight", "attempts", "retried", "p50 ms", "p99 ms"},
		Numeric: []bool{false, false, true, true, true, true, true, true, true, true, true, true}, Empty: "No targets."}
	for _, k := range sortedKeys(s.Targets) {
		t := s.Targets[k]
		targets.Rows = append(targets.Rows, []string{k, t.Type, ucount(t.Routed), ucount(t.Delivered), ucount(t.DeadLettered),
			ucount(t.Discarded), ucount(t.Expired), ucount(t.InFlight), ucount(t.Attempts), ucount(t.Retried),
			ms(t.Latency.P50), ms(t.Latency.P99)})
		targets.Fail = append(targets.Fail, t.DeadLettered+t.Discarded+t.Expired > 0)
	}
	fns := Table{ID: "functions", Caption: "Functions (end-to-end latency: delivery start to end of execution)",
		Header: []string{"function", "invocations", "cold starts", "throttles", "errors", "max instances",
			"exec p50 ms", "e2e p99 ms", "cost"},
		Numeric: []bool{false, true, true, true, true, true, true, true, true}, Empty: "No functions."}
	for _, k := range sortedKeys(s.Functions) {
		f := s.Functions[k]
		var errs uint64
		for _, e := range sortedKeys(f.Errors) {
			errs += f.Errors[e]
		}
		fns.Rows = append(fns.Rows, []string{k, count(f.Invocations), count(f.ColdStarts), count(f.Throttles),
			ucount(errs), strconv.Itoa(f.MaxInstances), ms(f.LatencyExec.P50), ms(f.LatencyE2E.P99), usd(f.CostUSD)})
		fns.Fail = append(fns.Fail, errs > 0)
	}
	queues := Table{ID: "queues", Caption: "Queues", Header: []string{"queue", "type", "enqueued", "consumed", "depth", "max depth", "wait p99 ms", "dead letters"},
		Numeric: []bool{false, false, true, true, true, true, true, true}, Empty: "No queues."}
	for _, k := range sortedKeys(s.Queues) {
		q := s.Queues[k]
		queues.Rows = append(queues.Rows, []string{k, q.Type, ucount(q.Enqueued), ucount(q.Consumed), ucount(q.Depth),
			ucount(q.MaxDepth), ms(q.WaitP99), ucount(s.DeadLetter[k].Messages)})
		queues.Fail = append(queues.Fail, s.DeadLetter[k].Messages > 0)
	}
	return []Table{rules, targets, fns, queues}
}

// expectTable lists the expect results; failures are marked.
func expectTable(s summary) Table {
	t := Table{ID: "expect", Caption: "Expectations", Header: []string{"result", "name", "assertion", "error"},
		Empty: "The scenario has no expect assertions."}
	for _, e := range s.Expect {
		res := "pass"
		if !e.Passed {
			res = "FAIL"
		}
		t.Rows = append(t.Rows, []string{res, e.Name, e.Assert, e.Error})
		t.Fail = append(t.Fail, !e.Passed)
	}
	if !s.Conservation.OK && len(s.Conservation.Violations) > 0 {
		for _, v := range s.Conservation.Violations {
			t.Rows = append(t.Rows, []string{"FAIL", "conservation", "every (event, target) pair accounted for", v})
			t.Fail = append(t.Fail, true)
		}
	}
	return t
}

// errorTable groups failed attempts, failed consumer invocations and rejected entries by
// where, kind and message, most frequent first.
func errorTable(s summary, a *agg, limit int) (Table, []errCount) {
	t := Table{ID: "errors", Caption: "Top errors", Header: []string{"where", "kind", "message", "count"},
		Numeric: []bool{false, false, false, true}, Empty: "No errors."}
	errs := map[errKey]int64{}
	if a != nil {
		for k, n := range a.errs {
			errs[k] = n
		}
	}
	for _, r := range sortedKeys(s.Events.RejectedBy) {
		errs[errKey{"bus (PutEvents)", "rejected", r}] += int64(s.Events.RejectedBy[r])
	}
	keys := make([]errKey, 0, len(errs))
	for k := range errs {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if errs[a] != errs[b] {
			return errs[a] > errs[b]
		}
		if a.where != b.where {
			return a.where < b.where
		}
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		return a.msg < b.msg
	})
	var all []errCount
	for i, k := range keys {
		if i < limit {
			t.Rows = append(t.Rows, []string{k.where, k.kind, k.msg, count(errs[k])})
		}
		all = append(all, errCount{k, errs[k]})
	}
	return t, all
}

// errCount is one group of errors.
type errCount struct {
	errKey
	n int64
}

// deadTable lists the first dead letters; without records only their number is known.
func deadTable(dead []obs.Final, total uint64, records bool) Table {
	t := Table{ID: "dead_letters", Caption: "Dead-letter queue contents (first " + strconv.Itoa(len(dead)) + " of " + ucount(total) + ")",
		Header:  []string{"event", "at", "rule/target", "queue", "reason", "attempts", "last error"},
		Numeric: []bool{true, true, false, false, false, true, false}, Empty: "No dead letters."}
	if !records {
		t.Caption = "Dead-letter queue contents"
		t.Empty = ucount(total) + " dead letters; their contents are in the run's records, which are not available."
	}
	for _, d := range dead {
		t.Rows = append(t.Rows, []string{"#" + strconv.FormatUint(uint64(d.Event), 10), dur(time.Duration(d.At).Round(time.Millisecond)),
			d.Rule + "/" + d.Target, d.Queue, d.Reason, strconv.Itoa(int(d.Attempts)), firstLine(d.LastError, 100)})
	}
	return t
}
