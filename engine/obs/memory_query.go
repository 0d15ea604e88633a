package obs

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

var _ Querier = (*Memory)(nil)

// Events implements Querier by a scan in receipt order.
func (m *Memory) Events(f EventFilter, p PageRequest) (EventPage, error) {
	if err := f.Check(); err != nil {
		return EventPage{}, err
	}
	lim := p.Lim()
	var page EventPage
	n := len(m.order)
	for k := 0; k < n; k++ {
		i := k
		if p.Sort == SortNewest {
			i = n - 1 - k
		}
		ref := m.order[i]
		if p.After != 0 && ((p.Sort == SortOldest && ref <= p.After) || (p.Sort == SortNewest && ref >= p.After)) {
			continue
		}
		s := m.stories[ref]
		if !f.match(s) {
			continue
		}
		if len(page.Rows) == lim {
			page.Next = page.Rows[lim-1].Event
			break
		}
		page.Rows = append(page.Rows, rowOf(s))
	}
	return page, nil
}

// Check validates the filter.
func (f EventFilter) Check() error {
	if f.Outcome != "" {
		if _, ok := ParseFinal(f.Outcome); !ok {
			return fmt.Errorf("unknown target outcome %q (want delivered, dead_lettered, discarded, expired or in_flight)", f.Outcome)
		}
	}
	if f.To != 0 && f.To <= f.From {
		return fmt.Errorf("empty time range [%s, %s)", f.From, f.To)
	}
	return nil
}

// match is the reference semantics of every filter (storage's SQL must agree).
func (f EventFilter) match(s *Story) bool {
	e := &s.Event
	switch {
	case e.At < f.From, f.To != 0 && e.At >= f.To,
		f.Bus != "" && e.Bus != f.Bus, f.Source != "" && e.Source != f.Source, f.Type != "" && e.Type != f.Type,
		f.Text != "" && !strings.HasPrefix(e.ID, f.Text) && !strings.HasPrefix(e.Subject, f.Text):
		return false
	}
	if f.Matched != Any || f.Rule != "" {
		if !f.matchRule(s) {
			return false
		}
	}
	if f.Outcome != "" && !hasOutcome(s, f.Outcome) {
		return false
	}
	if f.Cold != Any && hasCold(s) != (f.Cold == Yes) {
		return false
	}
	if f.Error != Any && hasError(s) != (f.Error == Yes) {
		return false
	}
	return true
}

// matchRule: Rule with Yes (or Any): Rule matched; Rule with No: Rule was evaluated and did
// not match; no Rule with Yes: some rule matched; no Rule with No: accepted, and none matched.
func (f EventFilter) matchRule(s *Story) bool {
	want := f.Matched != No
	if f.Rule == "" {
		some := false
		for _, r := range s.Rules {
			some = some || r.Matched
		}
		return some == want && (want || s.Event.Accepted)
	}
	for _, r := range s.Rules {
		if r.Rule == f.Rule && r.Matched == want {
			return true
		}
	}
	return false
}

func hasOutcome(s *Story, o string) bool {
	if o == FinalInFlight.String() {
		return s.Event.Accepted && !s.Done
	}
	for _, x := range s.Finals {
		if x.Outcome.String() == o {
			return true
		}
	}
	return false
}

func hasCold(s *Story) bool {
	for _, i := range s.Invocations {
		if i.Cold {
			return true
		}
	}
	return false
}

func hasError(s *Story) bool {
	if !s.Event.Accepted {
		return true
	}
	for _, a := range s.Attempts {
		if a.Outcome != OutcomeOK {
			return true
		}
	}
	for _, i := range s.Invocations {
		if i.Outcome != OutcomeOK {
			return true
		}
	}
	for _, x := range s.Finals {
		if x.Outcome != FinalDelivered {
			return true
		}
	}
	return false
}

func rowOf(s *Story) EventRow {
	r := EventRow{Received: s.Event, Targets: int32(len(s.Transforms)), Done: s.Done}
	r.Data = nil
	for _, x := range s.Rules {
		if x.Matched {
			r.Matched++
		}
	}
	for _, x := range s.Finals {
		if x.Outcome == FinalDelivered {
			r.Succeeded++
		}
	}
	if s.Done {
		r.FanoutTime = s.Fanout.Duration()
	}
	return r
}

// Lookup implements Querier.
func (m *Memory) Lookup(id string) (EventRef, error) {
	if ref, ok := m.ids[id]; ok {
		return ref, nil
	}
	return 0, fmt.Errorf("event %q: %w", id, ErrNotFound)
}

// Trace implements Querier.
func (m *Memory) Trace(ref EventRef) (Trace, error) {
	s, ok := m.stories[ref]
	if !ok || !m.recv[ref] {
		return Trace{}, fmt.Errorf("event #%d: %w", ref, ErrNotFound)
	}
	c := *s
	c.Rules = append([]RuleEvaluated(nil), s.Rules...)
	c.Transforms = append([]Transformed(nil), s.Transforms...)
	c.Attempts = append([]Attempt(nil), s.Attempts...)
	c.Invocations = append([]Invocation(nil), s.Invocations...)
	c.Retries = append([]RetryScheduled(nil), s.Retries...)
	c.Finals = append([]Final(nil), s.Finals...)
	return BuildTrace(c), nil
}

// DeadLetters implements Querier: the dead letters of up to limit events after the cursor.
func (m *Memory) DeadLetters(after EventRef, limit int) ([]Final, error) {
	var out []Final
	refs := sortedRefs(m.finals, after)
	if len(refs) > limit {
		refs = refs[:limit]
	}
	for _, ref := range refs {
		for _, f := range m.finals {
			if f.Event == ref && f.Outcome == FinalDeadLettered {
				out = append(out, f)
			}
		}
	}
	return out, nil
}

// sortedRefs lists the distinct events after the cursor that have a dead letter, ascending.
func sortedRefs(finals []Final, after EventRef) []EventRef {
	seen := map[EventRef]bool{}
	var refs []EventRef
	for _, f := range finals {
		if f.Outcome == FinalDeadLettered && f.Event > after && !seen[f.Event] {
			seen[f.Event] = true
			refs = append(refs, f.Event)
		}
	}
	slices.Sort(refs)
	return refs
}

// Buckets implements Querier.
func (m *Memory) Buckets(width time.Duration, from, to sim.Time) ([]Bucket, error) {
	if to == 0 {
		to = m.latest() + 1
	}
	bs, err := NewBuckets(width, from, to)
	if err != nil {
		return nil, err
	}
	for _, ref := range m.order {
		bs.addStory(m.stories[ref])
	}
	return bs.List, nil
}
