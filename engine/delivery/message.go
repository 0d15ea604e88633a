package delivery

import (
	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/sim"
)

// Message is one delivery's content: what a target receives, and what a queue holds.
//
// Targets keep Messages in a slab: the *Message an Invoker, Observer or Settler receives is
// valid only during that call (copy it to keep it).
type Message struct {
	// Event is the original event. It is shared by every delivery of the event and is never
	// modified: a replay or a transformer works on a copy.
	Event *event.Event
	// Payload is the body the target receives (the transformer's output); nil means the event
	// itself as structured JSON.
	Payload []byte
	// Ref is the caller's data, returned unchanged (a queue keeps its bookkeeping index here).
	Ref uint64
	// Rule and Target name the delivery ("rule" and the target's id); set by the Target.
	Rule, Target string
	// Created is when the delivery began (the origin of the maximum event age); set by the Target.
	Created sim.Time
	// Attempt is the number of the attempt in progress or last made (1-based); set by the Target.
	Attempt int
	// Duplicate marks an at-least-once redelivery of an already delivered message.
	Duplicate bool
	// Group is the FIFO message group, set by a FIFO topic.
	Group string
	// Dead is set on a dead letter: why and how the original delivery failed.
	Dead *DeadLetter
}

// Size is the message's size for queue limits: the payload's length, or the event's size
// (facts sheet [AB-SIZE]) when the payload is nil.
func (m *Message) Size() int {
	if m.Payload != nil || m.Event == nil {
		return len(m.Payload)
	}
	return m.Event.Size()
}

// ID returns the CloudEvents id of the message's event ("" without an event).
func (m *Message) ID() string {
	if m.Event == nil {
		return ""
	}
	return m.Event.ID
}

// DeadLetter is what a dead-lettered message carries besides the original event, unchanged:
// why the delivery was given up, after how many attempts, the last error, where it failed
// (rule and target) and when (STYLE.md "Self-explaining failures").
type DeadLetter struct {
	Reason       Reason   // retries_exhausted, event_too_old or discarded
	Attempts     int      // attempts made (throttled invocations excluded)
	LastError    string   // the last attempt's error ("" if none was made)
	Rule, Target string   // the delivery that failed
	Created      sim.Time // when the delivery began
	FirstAttempt sim.Time // start of the first attempt (Created if none was made)
	LastAttempt  sim.Time // start of the last attempt (Created if none was made)
	At           sim.Time // when it was dead-lettered
}
