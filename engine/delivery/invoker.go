package delivery

import "fmt"

// Status is how an attempt ended, or that it has not yet.
type Status uint8

// Statuses.
const (
	// Pending: the Invoker accepted the attempt and will call Completer.Complete once.
	Pending Status = iota
	// OK: delivered.
	OK
	// Failed: the attempt failed; the retry policy decides what follows.
	Failed
	// Throttled: refused for lack of capacity; not an attempt, retried with the throttle backoff.
	Throttled
	// Rejected: a non-retryable error; the delivery is given up at once (reason discarded).
	Rejected
)

var statusNames = [...]string{"pending", "ok", "failed", "throttled", "rejected"}

func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("status(%d)", s)
}

// Result is an attempt's outcome; Err says what failed (a short constant text, e.g. "handler").
type Result struct {
	Status Status
	Err    string
}

// Invoker makes delivery attempts to one target: a function (fc implements it), a queue, a
// simulated endpoint. It is declared here, on the consumer side.
type Invoker interface {
	// Invoke starts an attempt at the scheduler's current time. It either returns the result
	// at once (OK, Failed, Throttled, Rejected), or returns Pending and later calls
	// done.Complete(tag, result) exactly once, with a non-Pending status, from a scheduled
	// action (never from inside Invoke). msg is valid only during the call. One Target always
	// passes the same done, so an adapter may bind it once.
	Invoke(tag uint64, msg *Message, done Completer) Result
}

// Completer receives the result of a Pending attempt.
type Completer interface {
	Complete(tag uint64, r Result)
}

// Final is the end state of one (event, target) delivery (DESIGN.md §2 "Conservation").
type Final uint8

// Final states.
const (
	Delivered Final = iota + 1
	DeadLettered
	Discarded
	Expired
)

var finalNames = [...]string{"", "delivered", "dead_lettered", "discarded", "expired"}

func (f Final) String() string {
	if int(f) < len(finalNames) && f > 0 {
		return finalNames[f]
	}
	return fmt.Sprintf("final(%d)", f)
}

// Settler is told the final state of each (non-duplicate) delivery of a Target, once; queues
// use it to learn that their consumer is done with a message.
type Settler interface {
	Settled(msg *Message, st Final)
}

// DeadLetterSink receives dead letters: msg.Event is the original event, msg.Payload is nil,
// msg.Dead says why. An error (for example a message too large for an MNS queue) makes the
// Target discard the event instead, recording the error. Queue implements it.
type DeadLetterSink interface {
	DeadLetter(msg Message) error
	Name() string
}

// Enqueuer accepts messages (Queue implements it): on-success destinations.
type Enqueuer interface {
	Enqueue(msg Message) error
}
