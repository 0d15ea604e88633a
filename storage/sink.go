package storage

import (
	"time"

	"github.com/fanout/fanout/engine/obs"
)

// Batching: the Sink appends records to the batch it fills; a batch goes to the writer when it
// holds batchRecords records, or when it is older than batchAge (checked every 1024 records),
// or on Flush. Batches travel over a channel of queueBatches and come back on a free list, so
// at most queueBatches+2 batches exist: memory is bounded and a slow writer slows the run
// (back-pressure) instead of buffering without limit.
const (
	batchRecords = 16384
	batchAge     = 100 * time.Millisecond
	queueBatches = 4
)

type batch struct {
	received    []obs.Received
	rules       []obs.RuleEvaluated
	transforms  []obs.Transformed
	attempts    []obs.Attempt
	invocations []obs.Invocation
	retries     []obs.RetryScheduled
	finals      []obs.Final
	instances   []obs.Instance
	depths      []obs.QueueDepth
	fanouts     []obs.FanoutComplete
	n           int
	born        time.Time
	done        chan error // Flush waits on it; nil otherwise
}

func (b *batch) reset() {
	b.received = clear0(b.received)
	b.rules = clear0(b.rules)
	b.transforms = clear0(b.transforms)
	b.attempts = clear0(b.attempts)
	b.invocations = clear0(b.invocations)
	b.retries = clear0(b.retries)
	b.finals = clear0(b.finals)
	b.instances = clear0(b.instances)
	b.depths = clear0(b.depths)
	b.fanouts = clear0(b.fanouts)
	b.n, b.done = 0, nil
}

// clear0 empties s, dropping the strings it referenced so that they can be collected.
func clear0[T any](s []T) []T {
	clear(s)
	return s[:0]
}

// sink is the run-goroutine side of the writer.
type sink struct {
	w   *writer
	cur *batch
}

var _ obs.Sink = (*sink)(nil)

// added counts one record and hands the batch over when it is full or old.
func (s *sink) added() {
	b := s.cur
	b.n++
	if b.n == 1 {
		b.born = time.Now()
	}
	if b.n >= batchRecords || b.n&1023 == 0 && time.Since(b.born) > batchAge {
		s.w.send(b, nil)
		s.cur = s.w.take()
	}
}

func (s *sink) Received(r obs.Received) { s.cur.received = append(s.cur.received, r); s.added() }
func (s *sink) RuleEvaluated(r obs.RuleEvaluated) {
	s.cur.rules = append(s.cur.rules, r)
	s.added()
}
func (s *sink) Transformed(r obs.Transformed) {
	s.cur.transforms = append(s.cur.transforms, r)
	s.added()
}
func (s *sink) Attempt(r obs.Attempt) { s.cur.attempts = append(s.cur.attempts, r); s.added() }
func (s *sink) Invocation(r obs.Invocation) {
	s.cur.invocations = append(s.cur.invocations, r)
	s.added()
}
func (s *sink) RetryScheduled(r obs.RetryScheduled) {
	s.cur.retries = append(s.cur.retries, r)
	s.added()
}
func (s *sink) Delivered(r obs.Delivered)       { s.final(r.Final()) }
func (s *sink) DeadLettered(r obs.DeadLettered) { s.final(r.Final()) }
func (s *sink) Discarded(r obs.Discarded)       { s.final(r.Final()) }
func (s *sink) Expired(r obs.Expired)           { s.final(r.Final()) }
func (s *sink) final(f obs.Final)               { s.cur.finals = append(s.cur.finals, f); s.added() }
func (s *sink) Instance(r obs.Instance)         { s.cur.instances = append(s.cur.instances, r); s.added() }
func (s *sink) QueueDepth(r obs.QueueDepth)     { s.cur.depths = append(s.cur.depths, r); s.added() }
func (s *sink) FanoutComplete(r obs.FanoutComplete) {
	s.cur.fanouts = append(s.cur.fanouts, r)
	s.added()
}
