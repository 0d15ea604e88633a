package obs

// Sink receives a run's records, one method per kind, each record by value (see the package
// doc: no allocation on the hot path). Methods are called from the run goroutine only, in
// simulated-time order within an event; a Sink must not call back into the engine and must not
// keep pointers into the record beyond its strings and Data.
type Sink interface {
	Received(Received)
	RuleEvaluated(RuleEvaluated)
	Transformed(Transformed)
	Attempt(Attempt)
	Invocation(Invocation)
	RetryScheduled(RetryScheduled)
	Delivered(Delivered)
	DeadLettered(DeadLettered)
	Discarded(Discarded)
	Expired(Expired)
	Instance(Instance)
	QueueDepth(QueueDepth)
	FanoutComplete(FanoutComplete)
}

// Discard is a Sink that drops every record. Embed it to implement only some methods.
type Discard struct{}

// Received drops r.
func (Discard) Received(Received) {}

// RuleEvaluated drops r.
func (Discard) RuleEvaluated(RuleEvaluated) {}

// Transformed drops r.
func (Discard) Transformed(Transformed) {}

// Attempt drops r.
func (Discard) Attempt(Attempt) {}

// Invocation drops r.
func (Discard) Invocation(Invocation) {}

// RetryScheduled drops r.
func (Discard) RetryScheduled(RetryScheduled) {}

// Delivered drops r.
func (Discard) Delivered(Delivered) {}

// DeadLettered drops r.
func (Discard) DeadLettered(DeadLettered) {}

// Discarded drops r.
func (Discard) Discarded(Discarded) {}

// Expired drops r.
func (Discard) Expired(Expired) {}

// Instance drops r.
func (Discard) Instance(Instance) {}

// QueueDepth drops r.
func (Discard) QueueDepth(QueueDepth) {}

// FanoutComplete drops r.
func (Discard) FanoutComplete(FanoutComplete) {}

// Tee returns a Sink that passes every record to each of sinks in order.
func Tee(sinks ...Sink) Sink {
	if len(sinks) == 1 {
		return sinks[0]
	}
	return tee(append([]Sink(nil), sinks...))
}

type tee []Sink

func (t tee) Received(r Received) {
	for _, s := range t {
		s.Received(r)
	}
}
func (t tee) RuleEvaluated(r RuleEvaluated) {
	for _, s := range t {
		s.RuleEvaluated(r)
	}
}
func (t tee) Transformed(r Transformed) {
	for _, s := range t {
		s.Transformed(r)
	}
}
func (t tee) Attempt(r Attempt) {
	for _, s := range t {
		s.Attempt(r)
	}
}
func (t tee) Invocation(r Invocation) {
	for _, s := range t {
		s.Invocation(r)
	}
}
func (t tee) RetryScheduled(r RetryScheduled) {
	for _, s := range t {
		s.RetryScheduled(r)
	}
}
func (t tee) Delivered(r Delivered) {
	for _, s := range t {
		s.Delivered(r)
	}
}
func (t tee) DeadLettered(r DeadLettered) {
	for _, s := range t {
		s.DeadLettered(r)
	}
}
func (t tee) Discarded(r Discarded) {
	for _, s := range t {
		s.Discarded(r)
	}
}
func (t tee) Expired(r Expired) {
	for _, s := range t {
		s.Expired(r)
	}
}
func (t tee) Instance(r Instance) {
	for _, s := range t {
		s.Instance(r)
	}
}
func (t tee) QueueDepth(r QueueDepth) {
	for _, s := range t {
		s.QueueDepth(r)
	}
}
func (t tee) FanoutComplete(r FanoutComplete) {
	for _, s := range t {
		s.FanoutComplete(r)
	}
}
