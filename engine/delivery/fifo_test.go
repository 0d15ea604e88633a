package delivery

import (
	"slices"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

type take struct {
	id string
	at sim.Time
}

// fifoRun enqueues a1 a2 a3 b1 b2 b3 at 0 into a topic whose consumer (concurrency 2, 1 s per
// message) fails a1 twice; it returns the consumer's attempts in order.
func fifoRun(t *testing.T, fifo bool) ([]take, *Queue) {
	s := sim.NewScheduler()
	var got []take
	consumer := newFake(s, time.Second, func(m *Message) Result {
		got = append(got, take{m.ID(), s.Now()})
		if m.ID() == "a1" && m.Attempt <= 2 {
			return failed
		}
		return ok
	})
	spec := QueueSpec{Name: "orders", Type: QueueRocketMQ, FIFO: fifo,
		Consumer: &ConsumerSpec{Function: "svc/consume", Concurrency: 2}}
	if fifo {
		spec.GroupBy = "subject"
	}
	q := mustQueue(t, s, QueueConfig{Spec: spec, Consumer: consumer, Rand: seeded(1),
		Group: func(m *Message) string { return m.Event.Subject }})
	s.ScheduleFunc(0, func() {
		for _, id := range []string{"a1", "a2", "a3", "b1", "b2", "b3"} {
			e := ev(id)
			e.Subject = id[:1]
			if err := q.Enqueue(Message{Event: e}); err != nil {
				t.Fatal(err)
			}
		}
	})
	s.Run()
	if err := q.Check(); err != nil {
		t.Fatal(err)
	}
	return got, q
}

// A FIFO topic: a1 fails twice and blocks group a while it is retried (1 s apart); group b
// keeps flowing on the other consumer slot.
func TestFIFOGroupBlocksOthersFlow(t *testing.T) {
	got, q := fifoRun(t, true)
	want := []take{{"a1", 0}, {"b1", 0}, {"b2", sec(1)}, {"a1", sec(2)}, {"b3", sec(2)},
		{"a1", sec(4)}, {"a2", sec(5)}, {"a3", sec(6)}}
	if !slices.Equal(got, want) {
		t.Fatalf("consumer attempts\n got %v\nwant %v", got, want)
	}
	c := q.Counts()
	if c.Consumed != 6 || c.Depth != 0 || c.MaxDepth != 6 || c.WaitMax != 6*time.Second || !within(c.WaitP50, time.Second) {
		t.Errorf("counts %+v", c)
	}
	if cc := q.Consumer().Counts(); cc.Attempts != 8 || cc.Retried != 2 {
		t.Errorf("consumer counts %+v", cc)
	}
}

// The same topic without FIFO: a2 does not wait for a1.
func TestNormalTopicDoesNotSerialise(t *testing.T) {
	got, _ := fifoRun(t, false)
	if got[1] != (take{"a2", 0}) {
		t.Fatalf("a2 should be taken at once, beside a1: %v", got)
	}
}

// A FIFO group whose message is given up (retries exhausted) goes on with the next message;
// the given-up message goes to the consumer's dead-letter queue.
func TestFIFOGivenUpMessageReleasesGroup(t *testing.T) {
	s := sim.NewScheduler()
	var order []string
	consumer := newFake(s, 0, func(m *Message) Result {
		order = append(order, m.ID())
		if m.ID() == "x1" {
			return failed
		}
		return ok
	})
	dlq := mustQueue(t, s, QueueConfig{Spec: QueueSpec{Name: "dlq"}})
	q := mustQueue(t, s, QueueConfig{Spec: QueueSpec{Name: "t", Type: QueueRocketMQ, FIFO: true,
		Consumer: &ConsumerSpec{Function: "f"}}, Consumer: consumer, Rand: seeded(1),
		ConsumerPolicy: Fixed{Count: 2, Interval: time.Second}, ConsumerDeadLetter: dlq})
	s.ScheduleFunc(0, func() {
		_ = q.Enqueue(Message{Event: ev("x1")})
		_ = q.Enqueue(Message{Event: ev("x2")})
	})
	s.Run()
	if want := []string{"x1", "x1", "x1", "x2"}; !slices.Equal(order, want) {
		t.Fatalf("order %v", order)
	}
	if c := q.Counts(); c.Consumed != 1 || c.ConsumeFailed != 1 || dlq.Depth() != 1 {
		t.Errorf("counts %+v, dlq %d", c, dlq.Depth())
	}
	if d := dlq.Messages()[0].Dead; d.Rule != "t" || d.Target != "f" || d.Attempts != 3 {
		t.Errorf("dead letter %+v", d)
	}
}

// A low-frequency diagnostic consumer of a dead-letter queue: every 10 minutes it takes at
// most 2 messages.
func TestPollingConsumer(t *testing.T) {
	s := sim.NewScheduler()
	consumer := newFake(s, time.Second, always(ok))
	q := mustQueue(t, s, QueueConfig{Spec: QueueSpec{Name: "dlq", Consumer: &ConsumerSpec{
		Function: "diag", Concurrency: 5, Batch: 2, Schedule: 0}}, Consumer: consumer, Rand: seeded(1)})
	q.every = 10 * time.Minute // set directly: field.Duration conversion tested by the spec owner
	for k := range 5 {
		s.ScheduleFunc(sec(float64(k+1)), func() { _ = q.Enqueue(Message{Event: ev(string(rune('a' + k)))}) })
	}
	s.Run()
	want := map[string]sim.Time{"a": sec(600), "b": sec(600), "c": sec(1200), "d": sec(1200), "e": sec(1800)}
	for id, at := range want {
		if got := consumer.attempts[id]; !slices.Equal(got, []sim.Time{at}) {
			t.Errorf("%s taken at %v, want %v", id, got, at)
		}
	}
	if c := q.Counts(); c.Consumed != 5 || c.WaitMax != 1795*time.Second || !within(c.WaitP50, 1196*time.Second) {
		t.Errorf("counts %+v", c)
	}
	if s.Pending() != 0 {
		t.Errorf("%d actions left: polling must stop when the queue is empty", s.Pending())
	}
}

// A consumer with concurrency 1 makes waiting in the queue real waiting.
func TestQueueWaitPercentiles(t *testing.T) {
	s := sim.NewScheduler()
	consumer := newFake(s, time.Second, always(ok))
	q := mustQueue(t, s, QueueConfig{Spec: QueueSpec{Name: "q", Consumer: &ConsumerSpec{Function: "f"}},
		Consumer: consumer, Rand: seeded(1)})
	s.ScheduleFunc(0, func() {
		for k := range 100 {
			_ = q.Enqueue(Message{Event: ev(string(rune(k)))})
		}
	})
	s.Run()
	c := q.Counts()
	// waits are 0, 1, …, 99 s
	if !within(c.WaitP50, 49*time.Second) || !within(c.WaitP90, 89*time.Second) ||
		!within(c.WaitP99, 98*time.Second) || c.WaitMax != 99*time.Second || c.MaxDepth != 100 {
		t.Errorf("counts %+v", c)
	}
}

// within reports whether a histogram percentile is the exact value to within 0.1 %.
func within(got, want time.Duration) bool {
	return got >= want && float64(got-want) <= 0.001*float64(want)
}
