package delivery

import (
	"fmt"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// Kind is what a Record reports.
type Kind uint8

// Record kinds.
const (
	KindAttemptStarted    Kind = iota + 1 // an attempt began (Msg.Attempt is its number)
	KindAttemptEnded                      // an attempt ended (Status, Err)
	KindThrottled                         // the invocation was refused; retried at Next (not an attempt)
	KindRetryScheduled                    // the next attempt will start at Next
	KindDelivered                         // final: delivered
	KindDeadLettered                      // final: sent to the dead-letter queue Queue (Reason)
	KindDiscarded                         // final: given up without a dead-letter queue (Reason, Err)
	KindExpired                           // final: reached the maximum event age
	KindBlocked                           // tolerance NONE: the target now blocks behind Msg
	KindUnblocked                         // tolerance NONE: Msg succeeded; the target goes on
	KindHeld                              // tolerance NONE: Msg waits behind a blocking event
	KindDuplicate                         // an at-least-once duplicate of Msg will be delivered
	KindDuplicateAbsorbed                 // the dedup store absorbed Msg (no side effect)
	KindEnqueued                          // Msg entered queue Queue
	KindRejected                          // queue Queue refused Msg (Err)
	KindTaken                             // queue Queue's consumer took Msg after waiting Wait
	KindConsumed                          // the consumer finished Msg; it left the queue
	KindConsumeFailed                     // the consumer gave Msg up (Reason); it left the queue
	KindReplayed                          // Msg left queue Queue to be re-published
)

var kindNames = [...]string{"", "attempt_started", "attempt_ended", "throttled", "retry_scheduled",
	"delivered", "dead_lettered", "discarded", "expired", "blocked", "unblocked", "held",
	"duplicate", "duplicate_absorbed", "enqueued", "rejected", "taken", "consumed",
	"consume_failed", "replayed"}

func (k Kind) String() string {
	if int(k) < len(kindNames) && k > 0 {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// Record is one step of a delivery or of a queue, for the observability layer.
type Record struct {
	Kind   Kind
	At     sim.Time
	Msg    *Message // valid during the Observe call only
	Queue  string   // the queue of queue records and of KindDeadLettered
	Status Status   // KindAttemptEnded
	// Started is when the attempt began (its KindAttemptStarted time); KindAttemptEnded only.
	Started sim.Time
	Err     string   // KindAttemptEnded, KindDiscarded, KindRejected
	Reason  Reason   // final records other than KindDelivered, KindConsumeFailed
	Next    sim.Time // KindRetryScheduled, KindThrottled: the next attempt's time
	Wait    time.Duration
}

// Observer receives the records of targets and queues. Records are passed by value, so a no-op
// observer costs a call and nothing else; an implementation must not keep rec.Msg.
type Observer interface {
	Observe(rec Record)
}

// StartsObserver is an Observer that can say it ignores the KindAttemptStarted records: a
// Target then does not send them (one per attempt), and sends every other record as usual.
// ObservesAttemptStarted is asked once, when the Target is made.
type StartsObserver interface {
	Observer
	ObservesAttemptStarted() bool
}

// NopObserver discards every record.
type NopObserver struct{}

// Observe does nothing.
func (NopObserver) Observe(Record) {}

// ObserverFunc adapts a function to Observer.
type ObserverFunc func(Record)

// Observe calls f(rec).
func (f ObserverFunc) Observe(rec Record) { f(rec) }
