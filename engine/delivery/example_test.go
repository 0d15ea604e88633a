package delivery_test

import (
	"fmt"
	"time"

	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/sim"
)

// A function target that always fails, with Function Compute's async policy (3 retries, no
// jitter here, so the times are exact) and an on-failure queue.
func ExampleTarget() {
	s := sim.NewScheduler()
	streams := sim.NewStreams(42)
	lat, _ := sim.NewConstant(0.25) // each attempt takes 250 ms
	fn, _ := delivery.NewEndpoint(s, lat, time.Second, 1, "handler", streams.Stream("fn"))
	dlq, _ := delivery.NewQueue(s, delivery.QueueConfig{Spec: delivery.QueueSpec{Name: "failed", Type: delivery.QueueMNS}})
	policy, _ := delivery.NewAsyncRetry(nil)
	policy.Jitter = delivery.JitterNone
	target, _ := delivery.NewTarget(s, delivery.TargetConfig{
		Rule: "csv-upload", Name: "index", Invoker: fn, Policy: policy,
		MaxAge: delivery.DefaultMaxEventAge, DeadLetter: dlq, Rand: streams.Stream("csv-upload/index"),
		Observer: delivery.ObserverFunc(func(r delivery.Record) {
			switch r.Kind {
			case delivery.KindAttemptStarted:
				fmt.Printf("%v attempt %d\n", r.At, r.Msg.Attempt)
			case delivery.KindRetryScheduled:
				fmt.Printf("%v retry at %v\n", r.At, r.Next)
			case delivery.KindDeadLettered:
				fmt.Printf("%v dead-lettered to %s (%v)\n", r.At, r.Queue, r.Reason)
			}
		}),
	})
	target.Deliver(delivery.Message{Event: &event.Event{ID: "e-1", Source: "acs.oss", SpecVersion: "1.0", Type: "oss:ObjectCreated:PutObject"}})
	s.Run()
	d := dlq.Messages()[0].Dead
	fmt.Printf("%s after %d attempts, last error %q, from %s/%s\n", d.Reason, d.Attempts, d.LastError, d.Rule, d.Target)
	fmt.Println(target.Check())
	// Output:
	// 0.000s attempt 1
	// 0.250s retry at 1.250s
	// 1.250s attempt 2
	// 1.500s retry at 3.500s
	// 3.500s attempt 3
	// 3.750s retry at 7.750s
	// 7.750s attempt 4
	// 8.000s dead-lettered to failed (retries_exhausted)
	// retries_exhausted after 4 attempts, last error "handler", from csv-upload/index
	// <nil>
}
