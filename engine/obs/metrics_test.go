package obs

import (
	"math"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// Event 4 matched no rule: it has no fan-out, so Fanouts counts events 1 and 3 only.
func TestMetricsTotals(t *testing.T) {
	m := NewMetrics()
	emitStories(m)
	m.Instance(Instance{At: ms(1), Service: "s", Function: "f", Instance: 1, From: InstanceNone, To: InstanceStarting})
	m.Instance(Instance{At: ms(151), Service: "s", Function: "f", Instance: 1, From: InstanceStarting, To: InstanceBusy})
	s := m.Snapshot()
	tot := s.Totals
	if tot.Received != 4 || tot.Rejected != 1 || tot.Evaluated != 5 || tot.Matched != 2 || tot.Attempts != 3 ||
		tot.AttemptErrors != 2 || tot.Retries != 1 || tot.Invocations != 2 || tot.ColdStarts != 1 ||
		tot.Delivered != 1 || tot.DeadLettered != 1 || tot.Fanouts != 2 || tot.FanoutsAllOK != 1 ||
		tot.InstancesStarted != 1 || tot.DLQ != 1 || tot.Queued != 0 {
		t.Errorf("totals = %+v", tot)
	}
	if math.Abs(tot.CostUSD-1.5e-6) > 1e-15 || tot.Instances[InstanceBusy] != 1 || tot.Instances[InstanceStarting] != 0 {
		t.Errorf("cost %g, instances %v", tot.CostUSD, tot.Instances)
	}
	if len(s.Rules) != 3 || s.Rules[0].Rule != "a" || s.Rules[0].Rate() != 0.5 || s.Rules[1].Rate() != 0 || s.Rules[2].Rate() != 1 {
		t.Errorf("rules = %+v", s.Rules)
	}
	if len(s.Functions) != 1 || s.Functions[0].Name != "s/f" || s.Functions[0].Count != 2 {
		t.Errorf("functions = %+v", s.Functions)
	}
	// Delivery latency of a → fn: 1 ms to 1251 ms.
	if len(s.Targets) != 2 || !near(s.Targets[0].Max, 1250*time.Millisecond) {
		t.Errorf("targets = %+v", s.Targets)
	}
}

func near(got, want time.Duration) bool { return math.Abs(float64(got-want)) <= 0.01*float64(want) }

// TestMetricsPercentiles records a known distribution: 1..1000 ms once each.
func TestMetricsPercentiles(t *testing.T) {
	m := NewMetrics()
	for i := 1; i <= 1000; i++ {
		end := ms(10_000 + i)
		m.Invocation(Invocation{Service: "s", Function: "f", Enqueued: end - ms(i), Start: end - ms(i), End: end})
	}
	f := m.Snapshot().Functions[0]
	for _, c := range []struct{ got, want time.Duration }{
		{f.P50, 500 * time.Millisecond}, {f.P90, 900 * time.Millisecond}, {f.P99, 990 * time.Millisecond},
		{f.Max, time.Second}, {f.Mean, 500500 * time.Microsecond},
	} {
		if !near(c.got, c.want) {
			t.Errorf("got %v, want %v ± 1%%: %+v", c.got, c.want, f)
		}
	}
}

// TestMetricsRings: 125 s of one event per 100 ms; each ring keeps its last RingBuckets
// buckets, sums agree, and gauges carry over into buckets without changes.
func TestMetricsRings(t *testing.T) {
	m := NewMetrics()
	m.QueueDepth(QueueDepth{At: 0, Queue: "q", Depth: 7})
	for i := 0; i < 1250; i++ {
		m.Received(Received{Event: EventRef(i + 1), At: ms(100 * i), Accepted: true})
	}
	s := m.Snapshot()
	want := [3]struct {
		n     int
		first sim.Time
		sum   int64
	}{{60, ms(65_000), 600}, {13, 0, 1250}, {3, 0, 1250}}
	for r, w := range want {
		series := s.Series[r]
		var sum int64
		for i, b := range series {
			sum += b.Totals.Received
			if b.Totals.Queued != 7 || b.Width != Resolutions[r] || i > 0 && b.Start != series[i-1].Start+sim.Time(b.Width) {
				t.Fatalf("resolution %v bucket %d = %+v", Resolutions[r], i, b)
			}
		}
		if len(series) != w.n || series[0].Start != w.first || sum != w.sum {
			t.Errorf("resolution %v: %d buckets from %v summing %d; want %d from %v summing %d",
				Resolutions[r], len(series), series[0].Start, sum, w.n, w.first, w.sum)
		}
	}
	if got := s.Series[0][59].Throughput(); got != 10 {
		t.Errorf("throughput %v/s, want 10", got)
	}
}

// TestSnapshotIsACopy: changing a snapshot or the metrics afterwards affects neither.
func TestSnapshotIsACopy(t *testing.T) {
	m := NewMetrics()
	emitStories(m)
	a := m.Snapshot()
	a.Rules[0].Matched = 99
	a.Series[0][0].Rules[0].Matched = 99
	a.Series[0][0].Functions[0].Count = 99
	b := m.Snapshot()
	if b.Rules[0].Matched != 1 || b.Series[0][0].Rules[0].Matched != 1 || b.Series[0][0].Functions[0].Count != 1 {
		t.Errorf("a snapshot shares state: %+v", b.Series[0][0])
	}
	emitStories(m)
	if b.Totals.Received != 4 || b.Series[0][0].Totals.Received != 2 {
		t.Errorf("recording changed an earlier snapshot: %+v", b.Totals)
	}
	if c := m.Snapshot(); c.Totals.Received != 8 || c.Series[0][0].Totals.Received != 4 {
		t.Errorf("second pass: %+v", c.Series[0][0].Totals)
	}
}
