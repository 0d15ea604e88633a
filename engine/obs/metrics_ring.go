package obs

import (
	"github.com/HdrHistogram/hdrhistogram-go"

	"github.com/fanout/fanout/engine/sim"
)

// counters are the additive metrics of a bucket or of the whole run, plus the gauges a bucket
// carries (their value at its last change, carried into the next bucket).
type counters struct {
	received, rejected                 int64
	evaluated, matched                 int64
	ruleEval, ruleMatch                []int64 // per rule index
	attempts, attemptErrors, retries   int64
	invocations, coldStarts, costPico  int64
	delivered, deadLettered, discarded int64
	expired, fanouts, fanoutsOK        int64
	started                            int64 // instances started (totals only)
	instances                          [numInstanceStates]int64
	queued, dlq                        int64
}

func (c *counters) rule(i int, matched bool) {
	for len(c.ruleEval) <= i {
		c.ruleEval = append(c.ruleEval, 0)
		c.ruleMatch = append(c.ruleMatch, 0)
	}
	c.evaluated++
	c.ruleEval[i]++
	if matched {
		c.matched++
		c.ruleMatch[i]++
	}
}

func (c *counters) attempt(bad bool) {
	c.attempts++
	if bad {
		c.attemptErrors++
	}
}

func (c *counters) invocation(cold bool, pico int64) {
	c.invocations++
	c.costPico += pico
	if cold {
		c.coldStarts++
	}
}

func (c *counters) final(o FinalOutcome) {
	switch o {
	case FinalDelivered:
		c.delivered++
	case FinalDeadLettered:
		c.deadLettered++
	case FinalDiscarded:
		c.discarded++
	case FinalExpired:
		c.expired++
	}
}

func (c *counters) fanout(ok bool) {
	c.fanouts++
	if ok {
		c.fanoutsOK++
	}
}

// bucket is one slice of time of one resolution.
type bucket struct {
	n     int64 // absolute bucket number: start = n × width
	c     counters
	fn    []*hdrhistogram.Histogram // per function index, nil until used
	tgt   []*hdrhistogram.Histogram // per target index
	fan   *hdrhistogram.Histogram
	dirty bool       // changed since its stats were last computed
	stats BucketStat // cached by Snapshot
}

// hist returns the bucket's histogram for key i in hs, making it on first use.
func (b *bucket) hist(hs *[]*hdrhistogram.Histogram, i int) *hdrhistogram.Histogram {
	for len(*hs) <= i {
		*hs = append(*hs, nil)
	}
	if (*hs)[i] == nil {
		(*hs)[i] = newHist()
	}
	return (*hs)[i]
}

// reset empties b for reuse as bucket n, keeping its histograms' memory and carrying the
// gauges over.
func (b *bucket) reset(n int64, gauges counters) {
	for _, h := range b.fn {
		if h != nil {
			h.Reset()
		}
	}
	for _, h := range b.tgt {
		if h != nil {
			h.Reset()
		}
	}
	if b.fan != nil {
		b.fan.Reset()
	}
	re, rm := b.c.ruleEval[:0], b.c.ruleMatch[:0]
	b.c = counters{ruleEval: re, ruleMatch: rm, instances: gauges.instances, queued: gauges.queued, dlq: gauges.dlq}
	b.n, b.dirty = n, true
}

// ring is the buckets of one resolution; head is the newest bucket's number (-1: none yet).
type ring struct {
	width sim.Time
	head  int64
	b     []bucket
}

// at returns the bucket holding t, advancing the ring when t is past its newest bucket; nil
// when t is older than the ring keeps.
func (r *ring) at(t sim.Time, m *Metrics) *bucket {
	n := int64(t / r.width)
	size := int64(len(r.b))
	if n > r.head {
		var g counters
		if r.head >= 0 {
			g = r.b[r.head%size].c
		}
		for k := max(r.head+1, n-size+1); k <= n; k++ {
			r.b[k%size].reset(k, g)
		}
		r.head = n
	}
	if n <= r.head-size || n < 0 {
		return nil
	}
	return &r.b[n%size]
}
