package obs

import (
	"time"

	"github.com/HdrHistogram/hdrhistogram-go"

	"github.com/fanout/fanout/engine/sim"
)

// Resolutions of the live metrics: 1 s buckets rolled up into 10 s and 1 min buckets. Each
// resolution keeps a ring of RingBuckets buckets (1 min of 1 s buckets, 10 min of 10 s, 1 h of
// 1 min); totals cover the whole run. Memory is bounded: at most 3 × RingBuckets buckets, each
// with one latency histogram per function and per target that had a sample in it (about 25 KB
// each), all reused when the ring wraps.
var Resolutions = [3]time.Duration{time.Second, 10 * time.Second, time.Minute}

// RingBuckets is the number of buckets kept per resolution.
const RingBuckets = 60

// Latencies are recorded in microseconds from 1 µs to 1 h (longer ones count as 1 h) with two
// significant digits.
const (
	latMinUS = 1
	latMaxUS = int64(time.Hour / time.Microsecond)
	latSig   = 2
)

func newHist() *hdrhistogram.Histogram { return hdrhistogram.New(latMinUS, latMaxUS, latSig) }

func record(h *hdrhistogram.Histogram, d time.Duration) {
	us := min(max(int64(d/time.Microsecond), latMinUS), latMaxUS)
	_ = h.RecordValue(us)
}

// Metrics is a Sink that keeps live metrics in memory for the dashboard: throughput, match
// rate per rule, latency percentiles per function (invocation: queue to end) and per target
// (delivery: transform to final state), fan-out completion time, cold starts, instances by
// state, queue and dead-letter depths, and cost so far. Recording allocates only when a new
// rule, function, target or queue appears or a bucket's first histogram for a key is made.
// Not safe for concurrent use: call Snapshot from the run goroutine and hand the copy over.
type Metrics struct {
	now    sim.Time
	totals counters
	rings  [3]ring

	keys      keys
	fnHist    []*hdrhistogram.Histogram // cumulative, per function index
	tgtHist   []*hdrhistogram.Histogram // cumulative, per target index
	fanHist   *hdrhistogram.Histogram
	instances [][numInstanceStates]int64 // per function index
	queues    []queueGauge               // per queue index
}

type queueGauge struct {
	depth int64
	dlq   bool
}

// NewMetrics returns empty metrics.
func NewMetrics() *Metrics {
	m := &Metrics{fanHist: newHist(), keys: newKeys()}
	for i, w := range Resolutions {
		m.rings[i] = ring{width: sim.Time(w), head: -1, b: make([]bucket, RingBuckets)}
	}
	return m
}

// each applies f to the bucket holding t in every resolution that still keeps it.
func (m *Metrics) each(t sim.Time, f func(*bucket)) {
	if t > m.now {
		m.now = t
	}
	for i := range m.rings {
		if b := m.rings[i].at(t, m); b != nil {
			b.dirty = true
			f(b)
		}
	}
}

// Received counts r.
func (m *Metrics) Received(r Received) {
	m.totals.received++
	if !r.Accepted {
		m.totals.rejected++
	}
	m.each(r.At, func(b *bucket) {
		b.c.received++
		if !r.Accepted {
			b.c.rejected++
		}
	})
}

// RuleEvaluated counts r in its rule's match rate.
func (m *Metrics) RuleEvaluated(r RuleEvaluated) {
	i := m.keys.rule(r.Rule)
	m.totals.rule(i, r.Matched)
	m.each(r.At, func(b *bucket) { b.c.rule(i, r.Matched) })
}

// Transformed is not counted (the delivery's latency starts at its transform, carried by the
// target's final record through its attempts).
func (m *Metrics) Transformed(Transformed) {}

// Attempt counts r.
func (m *Metrics) Attempt(r Attempt) {
	bad := r.Outcome != OutcomeOK
	m.totals.attempt(bad)
	m.each(r.Start, func(b *bucket) { b.c.attempt(bad) })
}

// Invocation counts r, its cold start and cost, and records its latency.
func (m *Metrics) Invocation(r Invocation) {
	i := m.keys.function(r.Service, r.Function, m)
	lat, pico := r.Latency(), PicoUSD(r.CostUSD)
	m.totals.invocation(r.Cold, pico)
	record(m.fnHist[i], lat)
	m.each(r.End, func(b *bucket) {
		b.c.invocation(r.Cold, pico)
		record(b.hist(&b.fn, i), lat)
	})
}

// RetryScheduled counts r.
func (m *Metrics) RetryScheduled(r RetryScheduled) {
	m.totals.retries++
	m.each(r.At, func(b *bucket) { b.c.retries++ })
}

func (m *Metrics) final(f Final) {
	i := m.keys.target(f.Rule, f.Target, m)
	lat := f.At.Sub(f.Created)
	m.totals.final(f.Outcome)
	record(m.tgtHist[i], lat)
	m.each(f.At, func(b *bucket) {
		b.c.final(f.Outcome)
		record(b.hist(&b.tgt, i), lat)
	})
}

// Delivered counts r.
func (m *Metrics) Delivered(r Delivered) { m.final(r.Final()) }

// DeadLettered counts r.
func (m *Metrics) DeadLettered(r DeadLettered) { m.final(r.Final()) }

// Discarded counts r.
func (m *Metrics) Discarded(r Discarded) { m.final(r.Final()) }

// Expired counts r.
func (m *Metrics) Expired(r Expired) { m.final(r.Final()) }

// Instance updates the function's instances by state.
func (m *Metrics) Instance(r Instance) {
	i := m.keys.function(r.Service, r.Function, m)
	if r.From != InstanceNone && r.From < numInstanceStates {
		m.instances[i][r.From]--
	}
	if r.To < numInstanceStates {
		m.instances[i][r.To]++
	}
	if r.From == InstanceNone && r.To == InstanceStarting {
		m.totals.started++
	}
	all := m.allInstances()
	m.each(r.At, func(b *bucket) { b.c.instances = all })
}

// QueueDepth updates the queue's depth.
func (m *Metrics) QueueDepth(r QueueDepth) {
	i := m.keys.queue(r.Queue, m)
	m.queues[i] = queueGauge{depth: r.Depth, dlq: r.DLQ}
	q, d := m.depths()
	m.each(r.At, func(b *bucket) { b.c.queued, b.c.dlq = q, d })
}

// FanoutComplete counts r and records its completion time. An event no rule matched has no
// fan-out (Targets == 0): it is not counted, so the latency is that of real fan-outs.
func (m *Metrics) FanoutComplete(r FanoutComplete) {
	if r.Targets == 0 {
		return
	}
	all := r.AllSucceeded()
	m.totals.fanout(all)
	record(m.fanHist, r.Duration())
	m.each(r.At, func(b *bucket) {
		b.c.fanout(all)
		if b.fan == nil {
			b.fan = newHist()
		}
		record(b.fan, r.Duration())
	})
}

// allInstances sums the instances of every function by state.
func (m *Metrics) allInstances() [numInstanceStates]int64 {
	var all [numInstanceStates]int64
	for _, s := range m.instances {
		for k, n := range s {
			all[k] += n
		}
	}
	return all
}

// depths sums the depths of the queues and of the dead-letter queues.
func (m *Metrics) depths() (queued, dlq int64) {
	for _, q := range m.queues {
		if q.dlq {
			dlq += q.depth
		} else {
			queued += q.depth
		}
	}
	return queued, dlq
}
