package delivery

import (
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// syncInvoker answers at once: OK, or Failed for the first failN attempts of each delivery.
type syncInvoker struct{ failN int }

func (s syncInvoker) Invoke(_ uint64, m *Message, _ Completer) Result {
	if m.Attempt <= s.failN {
		return failed
	}
	return ok
}

// benchDeliver delivers b.N messages in batches of 1024, running the scheduler 60 s after each
// batch (long enough for every retry of BACKOFF_RETRY's first two), and reports deliveries/s.
func benchDeliver(b *testing.B, inv Invoker, p Policy) {
	s := sim.NewScheduler()
	tg := mustTarget(b, s, TargetConfig{Invoker: inv, Policy: p})
	e := ev("bench")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; {
		for k := 0; k < 1024 && i < b.N; k++ {
			tg.Deliver(Message{Event: e})
			i++
		}
		s.RunUntil(s.Now().Add(60 * time.Second))
	}
	b.StopTimer()
	s.Run()
	if c := tg.Counts(); c.Delivered != uint64(b.N) {
		b.Fatalf("delivered %d of %d", c.Delivered, b.N)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "deliveries/s")
}

// A target that always succeeds at once (a queue target, say).
func BenchmarkDeliverOK(b *testing.B) { benchDeliver(b, syncInvoker{}, nil) }

// A target that fails twice, then succeeds: two BACKOFF_RETRY retries through the scheduler.
func BenchmarkDeliverFailTwiceThenOK(b *testing.B) { benchDeliver(b, syncInvoker{failN: 2}, nil) }

// An endpoint with a 10 ms latency: each attempt completes through the scheduler.
func BenchmarkDeliverEndpoint(b *testing.B) {
	s := sim.NewScheduler()
	lat, _ := sim.NewConstant(0.01)
	e, _ := NewEndpoint(s, lat, time.Second, 0, "", seeded(2))
	tg := mustTarget(b, s, TargetConfig{Invoker: e})
	evt := ev("bench")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; {
		for k := 0; k < 1024 && i < b.N; k++ {
			tg.Deliver(Message{Event: evt})
			i++
		}
		s.RunUntil(s.Now().Add(time.Second))
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "deliveries/s")
}

// Enqueue into a queue target whose consumer (concurrency 8) succeeds at once.
func BenchmarkDeliverQueueWithConsumer(b *testing.B) {
	s := sim.NewScheduler()
	q := mustQueue(b, s, QueueConfig{Spec: QueueSpec{Name: "q", Consumer: &ConsumerSpec{Function: "f", Concurrency: 8}},
		Consumer: syncInvoker{}, Rand: seeded(1)})
	benchDeliverTo(b, s, q)
}

func benchDeliverTo(b *testing.B, s *sim.Scheduler, inv Invoker) {
	tg := mustTarget(b, s, TargetConfig{Invoker: inv})
	evt := ev("bench")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tg.Deliver(Message{Event: evt})
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "deliveries/s")
}
