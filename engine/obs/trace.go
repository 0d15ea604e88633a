package obs

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// Story is everything recorded about one event. Stores gather it; BuildTrace turns it into
// spans.
type Story struct {
	Event       Received
	Rules       []RuleEvaluated // in evaluation order
	Transforms  []Transformed
	Attempts    []Attempt
	Invocations []Invocation
	Retries     []RetryScheduled
	Finals      []Final
	Fanout      FanoutComplete // valid when Done
	Done        bool
}

// Trace is an event's story and its waterfall of spans.
type Trace struct {
	Story
	Spans []Span // parents before children; Spans[0] is the root
}

// Span kinds.
const (
	SpanEvent      = "event"
	SpanMatch      = "match"
	SpanDelivery   = "delivery"
	SpanTransform  = "transform"
	SpanRetryWait  = "retry_wait"
	SpanAttempt    = "attempt"
	SpanInvocation = "invocation"
	SpanQueueWait  = "queue_wait"
	SpanColdStart  = "cold_start"
	SpanInit       = "init"
	SpanExecution  = "execution"
	SpanFinal      = "final"
)

// Span is one step of the waterfall. IDs are 1-based positions in Trace.Spans; Parent 0 is
// the root's parent.
type Span struct {
	ID, Parent int32
	Kind       string
	Name       string
	Start, End sim.Time
	Outcome    string
	Attrs      []Attr
}

// Duration is End − Start.
func (s Span) Duration() time.Duration { return s.End.Sub(s.Start) }

// Attr is one span attribute; values are text.
type Attr struct{ Key, Value string }

// Normalize sorts the story's lists into their canonical order (a store may gather them in
// any order) and turns empty lists into nil.
func (s *Story) Normalize() {
	key := func(r, t string) string { return r + "\x00" + t }
	slices.SortStableFunc(s.Transforms, func(a, b Transformed) int {
		return cmp.Or(cmp.Compare(a.At, b.At), cmp.Compare(key(a.Rule, a.Target), key(b.Rule, b.Target)))
	})
	slices.SortStableFunc(s.Attempts, func(a, b Attempt) int {
		return cmp.Or(cmp.Compare(key(a.Rule, a.Target), key(b.Rule, b.Target)), cmp.Compare(a.Number, b.Number))
	})
	slices.SortStableFunc(s.Invocations, func(a, b Invocation) int {
		return cmp.Or(cmp.Compare(key(a.Rule, a.Target), key(b.Rule, b.Target)),
			cmp.Compare(a.Attempt, b.Attempt), cmp.Compare(a.Enqueued, b.Enqueued))
	})
	slices.SortStableFunc(s.Retries, func(a, b RetryScheduled) int {
		return cmp.Or(cmp.Compare(key(a.Rule, a.Target), key(b.Rule, b.Target)), cmp.Compare(a.At, b.At))
	})
	slices.SortStableFunc(s.Finals, func(a, b Final) int {
		return cmp.Or(cmp.Compare(a.At, b.At), cmp.Compare(key(a.Rule, a.Target), key(b.Rule, b.Target)))
	})
	s.Rules = nilIfEmpty(s.Rules)
	s.Transforms = nilIfEmpty(s.Transforms)
	s.Attempts = nilIfEmpty(s.Attempts)
	s.Invocations = nilIfEmpty(s.Invocations)
	s.Retries = nilIfEmpty(s.Retries)
	s.Finals = nilIfEmpty(s.Finals)
	if len(s.Event.Data) == 0 {
		s.Event.Data = nil
	}
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// BuildTrace normalizes s and lays out its spans: the event, one span per rule evaluated, one
// per delivery under its rule, and under each delivery its transform, retry waits, attempts
// (with their invocations: queue wait, cold start, init, execution) and its final state.
func BuildTrace(s Story) Trace {
	s.Normalize()
	b := &builder{}
	root := b.add(Span{Kind: SpanEvent, Name: "event " + s.Event.ID, Start: s.Event.At, End: s.Event.At,
		Outcome: eventOutcome(&s), Attrs: eventAttrs(&s.Event)})
	ruleSpan := map[string]int32{}
	for _, r := range s.Rules {
		out := "no match"
		if r.Matched {
			out = "matched"
		}
		id := b.add(Span{Parent: root, Kind: SpanMatch, Name: "rule " + r.Rule, Start: r.At, End: r.At,
			Outcome: out, Attrs: []Attr{{"bus", r.Bus}}})
		if r.Matched {
			ruleSpan[r.Rule] = id
		}
	}
	for _, d := range deliveries(&s) {
		parent := root
		if id, ok := ruleSpan[d.rule]; ok {
			parent = id
		}
		b.delivery(&s, d, parent)
	}
	if s.Done {
		b.spans[0].End = s.Fanout.At
	} else {
		b.spans[0].End = b.maxEnd()
	}
	return Trace{Story: s, Spans: b.spans}
}

type builder struct{ spans []Span }

func (b *builder) add(sp Span) int32 {
	sp.ID = int32(len(b.spans) + 1)
	b.spans = append(b.spans, sp)
	return sp.ID
}

func (b *builder) maxEnd() sim.Time { return b.maxEndFrom(0) }

// maxEndFrom is the latest end of the spans from index i on.
func (b *builder) maxEndFrom(i int32) sim.Time {
	var m sim.Time
	for _, sp := range b.spans[i:] {
		m = max(m, sp.End)
	}
	return m
}

func eventOutcome(s *Story) string {
	switch {
	case !s.Event.Accepted:
		return "rejected: " + s.Event.Reason
	case !s.Done:
		return "in flight"
	case s.Fanout.Targets == 0:
		return "no target"
	case s.Fanout.AllSucceeded():
		return "all delivered"
	}
	return "failed " + strconv.Itoa(int(s.Fanout.Targets-s.Fanout.Succeeded)) + " of " +
		strconv.Itoa(int(s.Fanout.Targets))
}

func eventAttrs(e *Received) []Attr {
	a := []Attr{{"id", e.ID}, {"bus", e.Bus}, {"source", e.Source}, {"type", e.Type}}
	if e.Subject != "" {
		a = append(a, Attr{"subject", e.Subject})
	}
	a = append(a, Attr{"size", strconv.Itoa(int(e.Size))})
	if !e.Accepted {
		a = append(a, Attr{"reason", e.Reason})
	}
	return a
}

func fmtDur(d time.Duration) string { return d.String() }
