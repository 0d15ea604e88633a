package views

import (
	"fmt"
	"sync"
	"time"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
)

func at(ms float64) sim.Time { return sim.Time(ms * float64(time.Millisecond)) }

// uploadStory emits the UI sketch's event: an OSS upload that csv-uploads matches and
// large-images does not; index-fn cold-starts, times out, waits, and succeeds on attempt 2;
// notify is delivered at once.
func uploadStory(s obs.Sink, ref obs.EventRef, t0 float64) {
	data := []byte(`{"oss":{"bucket":{"name":"bucket-a"},"object":{"key":"uploads/2026/sales.csv","size":2097152}},"region":"cn-hangzhou"}`)
	s.Received(obs.Received{Event: ref, At: at(t0), ID: fmt.Sprintf("7f3c-%04d", ref), Bus: "default",
		Source: "acs.oss", Type: "oss:ObjectCreated:PutObject", Subject: "acs:oss:cn-hangzhou:1234:bucket-a/uploads/2026/sales.csv",
		Size: 612, Accepted: true, Data: data, Time: "2026-11-27T09:00:00Z", SpecVersion: "1.0", ContentType: "application/json"})
	s.RuleEvaluated(obs.RuleEvaluated{Event: ref, At: at(t0), Bus: "default", Rule: "csv-uploads", Matched: true})
	s.RuleEvaluated(obs.RuleEvaluated{Event: ref, At: at(t0), Bus: "default", Rule: "large-images"})
	for _, tg := range []string{"index-fn", "notify"} {
		s.Transformed(obs.Transformed{Event: ref, At: at(t0 + 1), Rule: "csv-uploads", Target: tg, PayloadSize: 600})
	}
	s.Attempt(obs.Attempt{Event: ref, Rule: "csv-uploads", Target: "notify", Number: 1, Scheduled: at(t0 + 1), Start: at(t0 + 1), End: at(t0 + 61)})
	s.Delivered(obs.Delivered{Event: ref, At: at(t0 + 61), Created: at(t0 + 1), Rule: "csv-uploads", Target: "notify", Attempts: 1})
	s.Attempt(obs.Attempt{Event: ref, Rule: "csv-uploads", Target: "index-fn", Number: 1, Scheduled: at(t0 + 1), Start: at(t0 + 1), End: at(t0 + 481), Outcome: obs.OutcomeTimeout, Error: "Timeout"})
	s.Invocation(obs.Invocation{Event: ref, Rule: "csv-uploads", Target: "index-fn", Attempt: 1, Service: "media", Function: "index-fn",
		Instance: 1, Cold: true, Enqueued: at(t0 + 1), QueueWait: 40 * time.Millisecond, ColdStart: 220 * time.Millisecond, Init: 40 * time.Millisecond,
		Start: at(t0 + 301), End: at(t0 + 481), Billed: 200 * time.Millisecond, MemoryMB: 512, CostUSD: 1.7e-6, Outcome: obs.OutcomeTimeout, ErrorKind: "timeout"})
	s.RetryScheduled(obs.RetryScheduled{Event: ref, At: at(t0 + 481), Next: at(t0 + 1481), Rule: "csv-uploads", Target: "index-fn", Attempt: 2, Why: "Timeout"})
	s.Attempt(obs.Attempt{Event: ref, Rule: "csv-uploads", Target: "index-fn", Number: 2, Scheduled: at(t0 + 1481), Start: at(t0 + 1481), End: at(t0 + 1671)})
	s.Invocation(obs.Invocation{Event: ref, Rule: "csv-uploads", Target: "index-fn", Attempt: 2, Service: "media", Function: "index-fn",
		Instance: 1, Enqueued: at(t0 + 1481), Start: at(t0 + 1481), End: at(t0 + 1671), Billed: 200 * time.Millisecond, MemoryMB: 512, CostUSD: 1.7e-6})
	s.Delivered(obs.Delivered{Event: ref, At: at(t0 + 1671), Created: at(t0 + 1), Rule: "csv-uploads", Target: "index-fn", Attempts: 2})
	s.FanoutComplete(obs.FanoutComplete{Event: ref, Received: at(t0), At: at(t0 + 1671), Targets: 2, Succeeded: 2})
}

// plainStory emits a small event; every third is dead-lettered after 2 attempts, every fifth
// matches nothing.
func plainStory(s obs.Sink, ref obs.EventRef, t0 float64) {
	id := fmt.Sprintf("ev-%06d", ref)
	s.Received(obs.Received{Event: ref, At: at(t0), ID: id, Bus: "orders", Source: "shop", Type: "order.created",
		Subject: fmt.Sprintf("orders/%d", ref), Size: 120, Accepted: true, Data: []byte(`{"amount":12}`)})
	matched := ref%5 != 0
	s.RuleEvaluated(obs.RuleEvaluated{Event: ref, At: at(t0), Bus: "orders", Rule: "orders-to-billing", Matched: matched})
	if !matched {
		s.FanoutComplete(obs.FanoutComplete{Event: ref, Received: at(t0), At: at(t0)})
		return
	}
	s.Transformed(obs.Transformed{Event: ref, At: at(t0), Rule: "orders-to-billing", Target: "billing"})
	if ref%3 == 0 {
		for n := int32(1); n <= 2; n++ {
			s.Attempt(obs.Attempt{Event: ref, Rule: "orders-to-billing", Target: "billing", Number: n, Scheduled: at(t0), Start: at(t0 + float64(n-1)*10), End: at(t0 + float64(n)*10), Outcome: obs.OutcomeError, Error: "503"})
		}
		s.DeadLettered(obs.DeadLettered{Event: ref, At: at(t0 + 20), Created: at(t0), Rule: "orders-to-billing", Target: "billing",
			Queue: "billing-dlq", Reason: "retries_exhausted", Attempts: 2, LastError: "503"})
		s.FanoutComplete(obs.FanoutComplete{Event: ref, Received: at(t0), At: at(t0 + 20), Targets: 1})
		return
	}
	s.Attempt(obs.Attempt{Event: ref, Rule: "orders-to-billing", Target: "billing", Number: 1, Scheduled: at(t0), Start: at(t0), End: at(t0 + 5)})
	s.Delivered(obs.Delivered{Event: ref, At: at(t0 + 5), Created: at(t0), Rule: "orders-to-billing", Target: "billing", Attempts: 1})
	s.FanoutComplete(obs.FanoutComplete{Event: ref, Received: at(t0), At: at(t0 + 5), Targets: 1, Succeeded: 1})
}

// memoryRun is a run of n events in obs.Memory: event 1 is the upload story, the rest plain.
func memoryRun(n int) *obs.Memory {
	m := obs.NewMemory()
	uploadStory(m, 1, 0)
	for i := 2; i <= n; i++ {
		plainStory(m, obs.EventRef(i), float64(i)*100)
	}
	return m
}

// recordingSource is obs.Memory that remembers every Events call.
type recordingSource struct {
	*obs.Memory
	mu    sync.Mutex
	calls []eventsCall
}

type eventsCall struct {
	f obs.EventFilter
	p obs.PageRequest
}

func (r *recordingSource) Events(f obs.EventFilter, p obs.PageRequest) (obs.EventPage, error) {
	r.mu.Lock()
	r.calls = append(r.calls, eventsCall{f, p})
	r.mu.Unlock()
	return r.Memory.Events(f, p)
}

func (r *recordingSource) last() eventsCall {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.calls[len(r.calls)-1]
}

// queuedBackground holds fetches until the test runs them, to play out races.
type queuedBackground struct{ jobs []func() func() }

func (q *queuedBackground) run(fetch func() func()) { q.jobs = append(q.jobs, fetch) }

// runAll runs every queued fetch and its apply, in order, until none is left.
func (q *queuedBackground) runAll() {
	for len(q.jobs) > 0 {
		j := q.jobs[0]
		q.jobs = q.jobs[1:]
		if apply := j(); apply != nil {
			apply()
		}
	}
}
