package delivery

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// Conservation names the difference when the books do not balance.
func TestConservationReportsDifferences(t *testing.T) {
	s := sim.NewScheduler()
	tg := mustTarget(t, s, TargetConfig{Invoker: newFake(s, time.Second, always(ok))})
	q := mustQueue(t, s, QueueConfig{Spec: QueueSpec{Name: "q"}})
	deliverAt(s, tg, 0, "e1")
	deliverAt(s, tg, 0, "e2")
	s.ScheduleFunc(0, func() { _ = q.Enqueue(Message{Event: ev("m")}) })
	s.RunUntil(sec(0.5))
	if err := Conservation([]*Target{tg}, []*Queue{q}); err != nil {
		t.Fatalf("balanced books reported: %v", err)
	}
	if c := tg.Counts(); c.InFlight != 2 || c.Deliveries != 2 {
		t.Fatalf("in flight at the horizon: %+v", c)
	}
	tg.counts.Delivered++ // a delivery counted twice
	q.counts.Consumed++   // a message that vanished
	err := Conservation([]*Target{tg}, []*Queue{q})
	for _, want := range []string{"target rule/target: 2 deliveries but delivered 1", "= 3 (+1)",
		`queue "q": enqueued 1 − consumed 1`, "holds 1 waiting"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not say %q", err, want)
		}
	}
}

// A Complete for an attempt that is not in progress is a contract violation of the Invoker.
func TestCompleteTwicePanics(t *testing.T) {
	s := sim.NewScheduler()
	var tag uint64
	var done Completer
	inv := invokerFunc(func(tg uint64, _ *Message, d Completer) Result { tag, done = tg, d; return Result{Status: Pending} })
	tgt := mustTarget(t, s, TargetConfig{Invoker: inv})
	tgt.Deliver(Message{Event: ev("e")})
	done.Complete(tag, ok)
	defer func() {
		if recover() == nil {
			t.Error("second Complete did not panic")
		}
	}()
	done.Complete(tag, ok)
}

type invokerFunc func(uint64, *Message, Completer) Result

func (f invokerFunc) Invoke(tag uint64, m *Message, d Completer) Result { return f(tag, m, d) }

func TestCompleteInsideInvokePanics(t *testing.T) {
	s := sim.NewScheduler()
	inv := invokerFunc(func(tg uint64, _ *Message, d Completer) Result {
		d.Complete(tg, ok)
		return Result{Status: Pending}
	})
	tgt := mustTarget(t, s, TargetConfig{Invoker: inv})
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "inside Invoke") {
			t.Errorf("recovered %v", r)
		}
	}()
	tgt.Deliver(Message{Event: ev("e")})
}
