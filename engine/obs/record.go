// Package obs holds the observability records of a run (DESIGN.md §3), the Sink that receives
// them, an in-memory sink that answers the workbench's queries, and live metrics in time
// buckets.
//
// # Records
//
// Every step an event takes is one plain struct: value types only, times as sim.Time, no
// interfaces or pointers other than strings. Records refer to their event by EventRef, a
// number the bus gives the event at receipt, so a store joins rows on an integer instead of the
// CloudEvents id; Received carries the id once.
//
// # The hot path
//
// The Sink has one method per record kind taking the record by value. Emitting a record is one
// interface call that copies a few words and allocates nothing (BenchmarkEmit checks it); a
// sink that keeps a record copies it into storage it owns. Strings are referenced, never
// copied: the engine's strings are immutable.
package obs

import (
	"fmt"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// EventRef is the run-unique number of an event, given by the bus at receipt in receipt order
// (1-based; rejected entries get one too). 0 means "no event" (instance and queue records).
type EventRef uint64

// Kind names a record type.
type Kind uint8

// Record kinds, one per record struct.
const (
	KindReceived Kind = iota + 1
	KindRuleEvaluated
	KindTransformed
	KindAttempt
	KindInvocation
	KindRetryScheduled
	KindDelivered
	KindDeadLettered
	KindDiscarded
	KindExpired
	KindInstance
	KindQueueDepth
	KindFanoutComplete
	numKinds
)

var kindNames = [...]string{"", "received", "rule_evaluated", "transformed", "attempt",
	"invocation", "retry_scheduled", "delivered", "dead_lettered", "discarded", "expired",
	"instance", "queue_depth", "fanout_complete"}

// String is the kind's snake_case name, as stored.
func (k Kind) String() string {
	if k > 0 && k < numKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Received is one PutEvents entry (or system event) arriving at a bus, accepted or rejected.
type Received struct {
	Event                    EventRef
	At                       sim.Time
	ID, Bus, Source, Type    string // CloudEvents id, bus name, source, type
	Subject                  string // CloudEvents subject ("" when absent)
	Size                     int32  // bytes, as the facts sheet [AB-SIZE] counts them
	Accepted                 bool
	Reason                   string // rejection key ("invalid:id", "too_large", …); "" when accepted
	Data                     []byte // the event's JSON data, for traces; may be nil; never modified
	Time                     string // the CloudEvents time attribute as given ("" when absent)
	PublishTime              string // aliyunpublishtime ("" when absent)
	SpecVersion, ContentType string // specversion, datacontenttype
}

// RuleEvaluated is the result of one rule's pattern on one event.
type RuleEvaluated struct {
	Event     EventRef
	At        sim.Time
	Bus, Rule string
	Matched   bool
}

// Transformed is a matched rule's input transformer producing one target's payload: the start
// of one delivery (event, rule, target).
type Transformed struct {
	Event        EventRef
	At           sim.Time
	Rule, Target string
	PayloadSize  int32 // bytes of the payload the target will receive
}

// Outcome is how a delivery attempt or an invocation ended.
type Outcome uint8

// Outcomes.
const (
	OutcomeOK        Outcome = iota // succeeded
	OutcomeError                    // the target or handler failed
	OutcomeTimeout                  // the handler ran out of time
	OutcomeThrottled                // refused for lack of capacity (not billed, not an attempt)
	OutcomeOOM                      // the handler ran out of memory
	numOutcomes
)

var outcomeNames = [...]string{"ok", "error", "timeout", "throttled", "oom"}

// String is the outcome's stored name.
func (o Outcome) String() string {
	if o < numOutcomes {
		return outcomeNames[o]
	}
	return fmt.Sprintf("outcome(%d)", uint8(o))
}

// ParseOutcome is the inverse of Outcome.String.
func ParseOutcome(s string) (Outcome, error) {
	for i, n := range outcomeNames {
		if n == s {
			return Outcome(i), nil
		}
	}
	return 0, fmt.Errorf("unknown outcome %q (want ok, error, timeout, throttled or oom)", s)
}

// Attempt is one delivery attempt of an event to a target.
type Attempt struct {
	Event        EventRef
	Rule, Target string
	Number       int32    // 1-based attempt number
	Scheduled    sim.Time // when the attempt was due
	Start, End   sim.Time // when it began and ended
	Outcome      Outcome
	Error        string // the error text ("" on success)
}

// Invocation is one Function Compute invocation made for a delivery. Its phases follow each
// other: Enqueued + QueueWait (async queue) + ColdStart + Init == Start; Start..End is the
// execution. From an fc.Invocation: Enqueued = Invoked − QueueWait, Outcome by fc outcome
// (ok, handler → OutcomeError, oom, timeout, throttled), ErrorKind = the fc outcome's name.
type Invocation struct {
	Event             EventRef
	Rule, Target      string // the delivery that caused it
	Attempt           int32  // the delivery attempt number (1-based)
	Service, Function string
	Instance          uint64 // 1-based per function
	Cold              bool   // started a new instance
	Provisioned       bool   // served by a provisioned instance
	Enqueued          sim.Time
	Start, End        sim.Time      // execution (after cold start and init)
	QueueWait         time.Duration // in the async queue before Invoke
	ColdStart, Init   time.Duration // platform start, handler init (0 when warm)
	Billed            time.Duration
	MemoryMB          int32
	VCPU              float64
	CostUSD           float64
	Outcome           Outcome
	ErrorKind         string // "handler", "oom", "timeout", … ("" on success)
	Stack             string // the handler's simulated stack trace on failure ("" otherwise)
}

// Exec is the execution time.
func (i Invocation) Exec() time.Duration { return i.End.Sub(i.Start) }

// Latency is the time from the invocation entering the queue to the end of execution.
func (i Invocation) Latency() time.Duration { return i.End.Sub(i.Enqueued) }

// RetryScheduled says the next attempt of a delivery will start at Next.
type RetryScheduled struct {
	Event        EventRef
	At, Next     sim.Time
	Rule, Target string
	Attempt      int32  // the number of the attempt that will run at Next
	Why          string // the failure or "throttled"
}

// Delivered is the final record of a successful delivery.
type Delivered struct {
	Event        EventRef
	At           sim.Time
	Created      sim.Time // when the delivery began (its transform): the origin of its latency
	Rule, Target string
	Attempts     int32
}

// DeadLettered is the final record of a delivery given up into a dead-letter queue.
type DeadLettered struct {
	Event        EventRef
	At           sim.Time
	Created      sim.Time // when the delivery began (its transform): the origin of its latency
	Rule, Target string
	Queue        string // the dead-letter queue
	Reason       string // "retries_exhausted", "event_too_old", …
	Attempts     int32
	LastError    string
}

// Discarded is the final record of a delivery given up without a dead-letter queue.
type Discarded struct {
	Event        EventRef
	At           sim.Time
	Created      sim.Time // when the delivery began (its transform): the origin of its latency
	Rule, Target string
	Reason       string
	Attempts     int32
	LastError    string
}

// Expired is the final record of a delivery that reached the maximum event age without a
// dead-letter destination.
type Expired struct {
	Event        EventRef
	At           sim.Time
	Created      sim.Time // when the delivery began (its transform): the origin of its latency
	Rule, Target string
	Attempts     int32
	LastError    string
}

// InstanceState mirrors a Function Compute instance's life cycle; its values equal fc.State's,
// so obs.InstanceState(e.From) converts.
type InstanceState uint8

// Instance states. Started is a transition to Starting; ready is From == Starting.
const (
	InstanceNone InstanceState = iota
	InstanceStarting
	InstanceBusy
	InstanceIdle
	InstanceReclaimed
	numInstanceStates
)

var stateNames = [...]string{"none", "starting", "busy", "idle", "reclaimed"}

// String is the state's stored name.
func (s InstanceState) String() string {
	if s < numInstanceStates {
		return stateNames[s]
	}
	return fmt.Sprintf("state(%d)", uint8(s))
}

// Instance is one instance life-cycle transition.
type Instance struct {
	At                sim.Time
	Service, Function string
	Instance          uint64
	From, To          InstanceState
	Provisioned       bool
}

// QueueDepth is a queue's depth after a change.
type QueueDepth struct {
	At    sim.Time
	Queue string
	Depth int64
	DLQ   bool // the queue is a dead-letter destination
}

// FanoutComplete says every matched target's delivery of an event reached a final state. It
// is emitted once per accepted event, at routing time when no rule matched (Targets == 0).
type FanoutComplete struct {
	Event     EventRef
	Received  sim.Time
	At        sim.Time
	Targets   int32 // deliveries started
	Succeeded int32 // of which delivered
}

// AllSucceeded reports whether every delivery was delivered.
func (f FanoutComplete) AllSucceeded() bool { return f.Succeeded == f.Targets }

// Duration is the time from receipt to the last final state.
func (f FanoutComplete) Duration() time.Duration { return f.At.Sub(f.Received) }
