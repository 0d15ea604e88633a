package obs

import (
	"strconv"

	"github.com/fanout/fanout/engine/sim"
)

type deliveryKey struct{ rule, target string }

// deliveries lists the story's (rule, target) pairs: transformed ones in transform order, then
// any others seen only in attempts or finals, in order of appearance.
func deliveries(s *Story) []deliveryKey {
	var out []deliveryKey
	seen := map[deliveryKey]bool{}
	add := func(r, t string) {
		k := deliveryKey{r, t}
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for _, t := range s.Transforms {
		add(t.Rule, t.Target)
	}
	for _, a := range s.Attempts {
		add(a.Rule, a.Target)
	}
	for _, f := range s.Finals {
		add(f.Rule, f.Target)
	}
	return out
}

// delivery adds one delivery's span and its children.
func (b *builder) delivery(s *Story, d deliveryKey, parent int32) {
	start := sim.Never
	for _, t := range s.Transforms {
		if t.Rule == d.rule && t.Target == d.target {
			start = min(start, t.At)
		}
	}
	for _, a := range s.Attempts {
		if a.Rule == d.rule && a.Target == d.target {
			start = min(start, a.Scheduled, a.Start)
		}
	}
	if start == sim.Never {
		start = s.Event.At
	}
	ds := b.add(Span{Parent: parent, Kind: SpanDelivery, Name: d.rule + " → " + d.target,
		Start: start, End: start, Outcome: FinalInFlight.String(),
		Attrs: []Attr{{"rule", d.rule}, {"target", d.target}}})
	for _, t := range s.Transforms {
		if t.Rule == d.rule && t.Target == d.target {
			b.add(Span{Parent: ds, Kind: SpanTransform, Name: "transform", Start: t.At, End: t.At,
				Outcome: "ok", Attrs: []Attr{{"payload_size", strconv.Itoa(int(t.PayloadSize))}}})
		}
	}
	for _, a := range s.Attempts {
		if a.Rule == d.rule && a.Target == d.target {
			b.retryWait(s, d, a.Number, ds)
			b.attempt(s, a, ds)
		}
	}
	end := b.maxEndFrom(ds - 1)
	for _, f := range s.Finals {
		if f.Rule == d.rule && f.Target == d.target {
			b.final(f, ds)
			b.spans[ds-1].Outcome = f.Outcome.String()
			end = f.At
		}
	}
	b.spans[ds-1].End = max(end, start)
}

func (b *builder) retryWait(s *Story, d deliveryKey, number int32, parent int32) {
	for _, r := range s.Retries {
		if r.Rule == d.rule && r.Target == d.target && r.Attempt == number {
			b.add(Span{Parent: parent, Kind: SpanRetryWait, Name: "retry wait", Start: r.At, End: r.Next,
				Outcome: "ok", Attrs: []Attr{{"why", r.Why}, {"attempt", strconv.Itoa(int(r.Attempt))}}})
		}
	}
}

func (b *builder) attempt(s *Story, a Attempt, parent int32) {
	attrs := []Attr{{"scheduled", a.Scheduled.String()}}
	if a.Error != "" {
		attrs = append(attrs, Attr{"error", a.Error})
	}
	as := b.add(Span{Parent: parent, Kind: SpanAttempt, Name: "attempt " + strconv.Itoa(int(a.Number)),
		Start: a.Start, End: a.End, Outcome: a.Outcome.String(), Attrs: attrs})
	for _, inv := range s.Invocations {
		if inv.Rule == a.Rule && inv.Target == a.Target && inv.Attempt == a.Number {
			b.invocation(inv, as)
		}
	}
}

func (b *builder) invocation(inv Invocation, parent int32) {
	attrs := []Attr{{"service", inv.Service}, {"function", inv.Function},
		{"instance", strconv.FormatUint(inv.Instance, 10)}, {"cold", strconv.FormatBool(inv.Cold)},
		{"provisioned", strconv.FormatBool(inv.Provisioned)}, {"billed", fmtDur(inv.Billed)},
		{"memory_mb", strconv.Itoa(int(inv.MemoryMB))}, {"vcpu", strconv.FormatFloat(inv.VCPU, 'g', -1, 64)},
		{"cost_usd", strconv.FormatFloat(inv.CostUSD, 'g', -1, 64)}}
	if inv.ErrorKind != "" {
		attrs = append(attrs, Attr{"error_kind", inv.ErrorKind})
	}
	if inv.Stack != "" {
		attrs = append(attrs, Attr{"stack", inv.Stack})
	}
	is := b.add(Span{Parent: parent, Kind: SpanInvocation, Name: "invoke " + inv.Service + "/" + inv.Function,
		Start: inv.Enqueued, End: inv.End, Outcome: inv.Outcome.String(), Attrs: attrs})
	t := inv.Enqueued
	for _, step := range []struct {
		kind, name string
		d          int64
	}{{SpanQueueWait, "queue wait", int64(inv.QueueWait)}, {SpanColdStart, "cold start", int64(inv.ColdStart)},
		{SpanInit, "init", int64(inv.Init)}} {
		if step.d > 0 {
			b.add(Span{Parent: is, Kind: step.kind, Name: step.name, Start: t, End: t + sim.Time(step.d), Outcome: "ok"})
			t += sim.Time(step.d)
		}
	}
	b.add(Span{Parent: is, Kind: SpanExecution, Name: "execution", Start: inv.Start, End: inv.End,
		Outcome: inv.Outcome.String()})
}

func (b *builder) final(f Final, parent int32) {
	name := f.Outcome.String()
	attrs := []Attr{{"attempts", strconv.Itoa(int(f.Attempts))}}
	if f.Queue != "" {
		name += " → " + f.Queue
		attrs = append(attrs, Attr{"queue", f.Queue})
	}
	if f.Reason != "" {
		attrs = append(attrs, Attr{"reason", f.Reason})
	}
	if f.LastError != "" {
		attrs = append(attrs, Attr{"last_error", f.LastError})
	}
	b.add(Span{Parent: parent, Kind: SpanFinal, Name: name, Start: f.At, End: f.At, Outcome: f.Outcome.String(), Attrs: attrs})
}
