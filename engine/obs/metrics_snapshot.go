package obs

import (
	"slices"
	"time"

	"github.com/HdrHistogram/hdrhistogram-go"

	"github.com/fanout/fanout/engine/sim"
)

// Snapshot is a deep copy of the live metrics: nothing in it is shared with the Metrics or
// with another Snapshot, so the GUI may keep and read it on any goroutine.
type Snapshot struct {
	Now       sim.Time // the latest time recorded
	Totals    Totals   // the whole run
	Rules     []RuleStat
	Functions []LatencyStat // invocation latency (queue to end), whole run
	Targets   []LatencyStat // delivery latency (transform to final state), whole run
	Fanout    LatencyStat   // fan-out completion time, whole run
	Instances []InstanceStat
	Queues    []QueueStat
	// Series holds the buckets of each resolution (Resolutions order), oldest first, at most
	// RingBuckets each.
	Series [3][]BucketStat
}

// Totals are counts over a bucket or the whole run; the gauges (instances, queue depths) are
// their latest values.
type Totals struct {
	Received, Rejected, Evaluated, Matched      int64
	Attempts, AttemptErrors, Retries            int64
	Invocations, ColdStarts                     int64
	Delivered, DeadLettered, Discarded, Expired int64
	Fanouts, FanoutsAllOK, InstancesStarted     int64
	CostUSD                                     float64
	Instances                                   [numInstanceStates]int64 // by InstanceState
	Queued, DLQ                                 int64                    // messages in queues, in dead-letter queues
}

// MatchRate is Matched / Evaluated (0 when nothing was evaluated).
func (t Totals) MatchRate() float64 { return ratio(t.Matched, t.Evaluated) }

// RuleStat is one rule's match rate.
type RuleStat struct {
	Rule               string
	Evaluated, Matched int64
}

// Rate is Matched / Evaluated.
func (r RuleStat) Rate() float64 { return ratio(r.Matched, r.Evaluated) }

// LatencyStat summarises a latency histogram (two significant digits).
type LatencyStat struct {
	Name                     string
	Count                    int64
	Mean, P50, P90, P99, Max time.Duration
}

// InstanceStat is one function's instances by state now.
type InstanceStat struct {
	Function string
	ByState  [numInstanceStates]int64 // indexed by InstanceState
}

// QueueStat is one queue's depth now.
type QueueStat struct {
	Queue string
	Depth int64
	DLQ   bool
}

// BucketStat is one bucket of a series.
type BucketStat struct {
	Start     sim.Time
	Width     time.Duration
	Totals    Totals
	Rules     []RuleStat
	Functions []LatencyStat // functions with an invocation ending in the bucket
	Targets   []LatencyStat // targets with a delivery ending in the bucket
	Fanout    LatencyStat
}

// Throughput is the events received per second of simulated time.
func (b BucketStat) Throughput() float64 { return float64(b.Totals.Received) / b.Width.Seconds() }

func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Snapshot returns a deep copy of the metrics. Percentiles of buckets that did not change
// since the previous Snapshot are reused, so a snapshot per frame stays cheap.
func (m *Metrics) Snapshot() Snapshot {
	s := Snapshot{Now: m.now, Totals: m.totalsOf(&m.totals), Rules: m.ruleStats(&m.totals),
		Fanout: latency("fanout", m.fanHist)}
	s.Totals.Instances, s.Totals.InstancesStarted = m.allInstances(), m.totals.started
	s.Totals.Queued, s.Totals.DLQ = m.depths()
	for i, h := range m.fnHist {
		s.Functions = append(s.Functions, latency(m.keys.fnNames[i], h))
	}
	for i, h := range m.tgtHist {
		s.Targets = append(s.Targets, latency(m.keys.tgtNames[i], h))
	}
	for i, st := range m.instances {
		s.Instances = append(s.Instances, InstanceStat{Function: m.keys.fnNames[i], ByState: st})
	}
	for i, q := range m.queues {
		s.Queues = append(s.Queues, QueueStat{Queue: m.keys.qNames[i], Depth: q.depth, DLQ: q.dlq})
	}
	for r := range m.rings {
		s.Series[r] = m.series(&m.rings[r])
	}
	return s
}

func (m *Metrics) series(r *ring) []BucketStat {
	if r.head < 0 {
		return nil
	}
	size := int64(len(r.b))
	var out []BucketStat
	for n := max(0, r.head-size+1); n <= r.head; n++ {
		b := &r.b[n%size]
		if b.dirty {
			b.stats = m.bucketStat(b, r.width)
			b.dirty = false
		}
		out = append(out, cloneStat(b.stats))
	}
	return out
}

func (m *Metrics) bucketStat(b *bucket, width sim.Time) BucketStat {
	st := BucketStat{Start: sim.Time(b.n) * width, Width: time.Duration(width), Totals: m.totalsOf(&b.c),
		Rules: m.ruleStats(&b.c), Fanout: latency("fanout", b.fan)}
	for i, h := range b.fn {
		if h != nil && h.TotalCount() > 0 {
			st.Functions = append(st.Functions, latency(m.keys.fnNames[i], h))
		}
	}
	for i, h := range b.tgt {
		if h != nil && h.TotalCount() > 0 {
			st.Targets = append(st.Targets, latency(m.keys.tgtNames[i], h))
		}
	}
	return st
}

func cloneStat(b BucketStat) BucketStat {
	b.Rules, b.Functions, b.Targets = slices.Clone(b.Rules), slices.Clone(b.Functions), slices.Clone(b.Targets)
	return b
}

func (m *Metrics) totalsOf(c *counters) Totals {
	return Totals{Received: c.received, Rejected: c.rejected, Evaluated: c.evaluated, Matched: c.matched,
		Attempts: c.attempts, AttemptErrors: c.attemptErrors, Retries: c.retries, Invocations: c.invocations,
		ColdStarts: c.coldStarts, Delivered: c.delivered, DeadLettered: c.deadLettered, Discarded: c.discarded,
		Expired: c.expired, Fanouts: c.fanouts, FanoutsAllOK: c.fanoutsOK, CostUSD: float64(c.costPico) / 1e12,
		Instances: c.instances, Queued: c.queued, DLQ: c.dlq}
}

func (m *Metrics) ruleStats(c *counters) []RuleStat {
	out := make([]RuleStat, 0, len(c.ruleEval))
	for i, n := range c.ruleEval {
		if n > 0 {
			out = append(out, RuleStat{Rule: m.keys.ruleNames[i], Evaluated: n, Matched: c.ruleMatch[i]})
		}
	}
	return out
}

func latency(name string, h *hdrhistogram.Histogram) LatencyStat {
	if h == nil || h.TotalCount() == 0 {
		return LatencyStat{Name: name}
	}
	us := func(v int64) time.Duration { return time.Duration(v) * time.Microsecond }
	return LatencyStat{Name: name, Count: h.TotalCount(), Mean: time.Duration(h.Mean() * float64(time.Microsecond)),
		P50: us(h.ValueAtQuantile(50)), P90: us(h.ValueAtQuantile(90)), P99: us(h.ValueAtQuantile(99)), Max: us(h.Max())}
}
