package obs

import "github.com/fanout/fanout/engine/sim"

// Memory is a Sink that keeps every record and answers the Querier's questions by scanning
// them. It is the reference implementation the SQLite store is checked against; it is meant
// for tests and small runs (memory grows with the run). Not safe for concurrent use.
type Memory struct {
	order     []EventRef // events in receipt order
	stories   map[EventRef]*Story
	ids       map[string]EventRef
	recv      map[EventRef]bool
	finals    []Final // every final in arrival order
	Instances []Instance
	Depths    []QueueDepth
}

// NewMemory returns an empty Memory sink.
func NewMemory() *Memory {
	return &Memory{stories: map[EventRef]*Story{}, ids: map[string]EventRef{}, recv: map[EventRef]bool{}}
}

func (m *Memory) story(ref EventRef) *Story {
	s := m.stories[ref]
	if s == nil {
		s = &Story{}
		s.Event.Event = ref
		m.stories[ref] = s
	}
	return s
}

// Received keeps r.
func (m *Memory) Received(r Received) {
	s := m.story(r.Event)
	s.Event = r
	m.order = append(m.order, r.Event)
	m.recv[r.Event] = true
	if _, dup := m.ids[r.ID]; !dup {
		m.ids[r.ID] = r.Event
	}
}

// RuleEvaluated keeps r.
func (m *Memory) RuleEvaluated(r RuleEvaluated) {
	s := m.story(r.Event)
	s.Rules = append(s.Rules, r)
}

// Transformed keeps r.
func (m *Memory) Transformed(r Transformed) {
	s := m.story(r.Event)
	s.Transforms = append(s.Transforms, r)
}

// Attempt keeps r.
func (m *Memory) Attempt(r Attempt) {
	s := m.story(r.Event)
	s.Attempts = append(s.Attempts, r)
}

// Invocation keeps r.
func (m *Memory) Invocation(r Invocation) {
	s := m.story(r.Event)
	s.Invocations = append(s.Invocations, r)
}

// RetryScheduled keeps r.
func (m *Memory) RetryScheduled(r RetryScheduled) {
	s := m.story(r.Event)
	s.Retries = append(s.Retries, r)
}

func (m *Memory) final(f Final) {
	s := m.story(f.Event)
	s.Finals = append(s.Finals, f)
	m.finals = append(m.finals, f)
}

// Delivered keeps r.
func (m *Memory) Delivered(r Delivered) { m.final(r.Final()) }

// DeadLettered keeps r.
func (m *Memory) DeadLettered(r DeadLettered) { m.final(r.Final()) }

// Discarded keeps r.
func (m *Memory) Discarded(r Discarded) { m.final(r.Final()) }

// Expired keeps r.
func (m *Memory) Expired(r Expired) { m.final(r.Final()) }

// Instance keeps r.
func (m *Memory) Instance(r Instance) { m.Instances = append(m.Instances, r) }

// QueueDepth keeps r.
func (m *Memory) QueueDepth(r QueueDepth) { m.Depths = append(m.Depths, r) }

// FanoutComplete keeps r.
func (m *Memory) FanoutComplete(r FanoutComplete) {
	s := m.story(r.Event)
	s.Fanout, s.Done = r, true
}

// Len is the number of events received.
func (m *Memory) Len() int { return len(m.order) }

// latest is the latest time any record carries, for Buckets with no upper bound.
func (m *Memory) latest() sim.Time {
	var t sim.Time
	for _, ref := range m.order {
		s := m.stories[ref]
		t = max(t, s.Event.At)
		for _, r := range s.Rules {
			t = max(t, r.At)
		}
		for _, a := range s.Attempts {
			t = max(t, a.Start)
		}
		for _, i := range s.Invocations {
			t = max(t, i.End)
		}
		for _, f := range s.Finals {
			t = max(t, f.At)
		}
		if s.Done {
			t = max(t, s.Fanout.At)
		}
	}
	return t
}
