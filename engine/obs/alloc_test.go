package obs

import (
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// hot are records of the steady state: every key (rule, function, target) already seen.
var hot = struct {
	rec Received
	ev  RuleEvaluated
	tr  Transformed
	at  Attempt
	inv Invocation
	del Delivered
	fan FanoutComplete
}{
	Received{Event: 1, ID: "e", Bus: "b", Source: "s", Type: "t", Accepted: true},
	RuleEvaluated{Event: 1, Bus: "b", Rule: "r", Matched: true},
	Transformed{Event: 1, Rule: "r", Target: "t"},
	Attempt{Event: 1, Rule: "r", Target: "t", Number: 1},
	Invocation{Event: 1, Rule: "r", Target: "t", Service: "s", Function: "f", End: ms(5)},
	Delivered{Event: 1, Rule: "r", Target: "t", Attempts: 1},
	FanoutComplete{Event: 1},
}

func emitHot(s Sink, at time.Duration) {
	r := hot
	r.rec.At, r.ev.At, r.tr.At = msd(at), msd(at), msd(at)
	r.at.Start, r.at.End, r.inv.Start, r.inv.End = msd(at), msd(at), msd(at), msd(at+5*time.Millisecond)
	r.del.At, r.fan.At = msd(at+5*time.Millisecond), msd(at+5*time.Millisecond)
	s.Received(r.rec)
	s.RuleEvaluated(r.ev)
	s.Transformed(r.tr)
	s.Attempt(r.at)
	s.Invocation(r.inv)
	s.Delivered(r.del)
	s.FanoutComplete(r.fan)
}

func msd(d time.Duration) sim.Time { return sim.Time(d) }

// TestEmitDoesNotAllocate: the Discard sink and the live metrics (in the steady state, inside
// one bucket) record without allocating.
func TestEmitDoesNotAllocate(t *testing.T) {
	m := NewMetrics()
	emitHot(m, 0)
	_ = m.Snapshot()
	for name, s := range map[string]Sink{"discard": Discard{}, "metrics": m, "tee": Tee(Discard{}, m)} {
		if n := testing.AllocsPerRun(200, func() { emitHot(s, time.Millisecond) }); n != 0 {
			t.Errorf("%s: %v allocations per event", name, n)
		}
	}
}

func BenchmarkEmitDiscard(b *testing.B) {
	var s Sink = Discard{}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		emitHot(s, time.Duration(i)*time.Microsecond)
	}
}

func BenchmarkEmitMetrics(b *testing.B) {
	var s Sink = NewMetrics()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		emitHot(s, time.Duration(i)*time.Microsecond)
	}
}

func BenchmarkSnapshot(b *testing.B) {
	m := NewMetrics()
	for i := range 100_000 {
		emitHot(m, time.Duration(i)*time.Millisecond)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		emitHot(m, time.Duration(100_000+i)*time.Millisecond)
		_ = m.Snapshot()
	}
}
