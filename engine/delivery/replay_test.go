package delivery

import (
	"errors"
	"testing"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/sim"
)

func TestReplaySelectedDeadLetters(t *testing.T) {
	s := sim.NewScheduler()
	dlq := mustQueue(t, s, QueueConfig{Spec: QueueSpec{Name: "dlq"}})
	rec := &recorder{}
	tg := mustTarget(t, s, TargetConfig{Invoker: newFake(s, 0, always(failed)), DeadLetter: dlq})
	dlq.obs = rec
	origs := map[string]*event.Event{}
	for k, id := range []string{"e1", "e2", "e3"} {
		e := ev(id)
		origs[id] = e
		s.ScheduleFunc(sec(float64(k)), func() { tg.Deliver(Message{Event: e}) })
	}
	s.Run()
	var published []event.Event
	n, err := dlq.Replay(func(m *Message) bool { return m.ID() != "e2" }, func(e event.Event) error {
		published = append(published, e)
		return nil
	})
	if err != nil || n != 2 || len(published) != 2 {
		t.Fatalf("replayed %d, %v", n, err)
	}
	// dead-letter (enqueue) order depends on the random backoffs; replay keeps it
	if q := dlq.counts.Enqueued; q != 3 {
		t.Fatalf("enqueued %d", q)
	}
	byID := map[string]event.Event{}
	for _, p := range published {
		byID[p.ID] = p
	}
	for k, id := range []string{"e1", "e3"} {
		p := byID[id]
		if p.ID != id || p.Extensions[ExtReplay] != id || p.Extensions[ExtReplayQueue] != "dlq" {
			t.Errorf("replayed %d: %+v", k, p)
		}
		if origs[id].Extensions != nil {
			t.Errorf("the original %s was modified: %v", id, origs[id].Extensions)
		}
	}
	if m := dlq.Messages(); len(m) != 1 || m[0].ID() != "e2" {
		t.Errorf("left in the queue: %+v", m)
	}
	if c := dlq.Counts(); c.Replayed != 2 || c.Depth != 1 || len(rec.kinds(KindReplayed)) != 2 {
		t.Errorf("counts %+v", c)
	}
	if err := dlq.Check(); err != nil {
		t.Fatal(err)
	}
	// a failing publish stops the replay and keeps the message
	boom := errors.New("bus not found")
	if n, err := dlq.Replay(nil, func(event.Event) error { return boom }); n != 0 || !errors.Is(err, boom) || dlq.Depth() != 1 {
		t.Errorf("failed replay: %d %v depth %d", n, err, dlq.Depth())
	}
	// an event replayed twice keeps the first original id
	first := byID["e1"]
	again := ReplayOf(&first, "other")
	if again.Extensions[ExtReplay] != "e1" || again.Extensions[ExtReplayQueue] != "other" {
		t.Errorf("replay of a replay: %v", again.Extensions)
	}
}

func TestQueueRejectsTooLargeMessages(t *testing.T) {
	s := sim.NewScheduler()
	q := mustQueue(t, s, QueueConfig{Spec: QueueSpec{Name: "q", Type: QueueMNS}})
	tg := mustTarget(t, s, TargetConfig{Invoker: q})
	s.ScheduleFunc(0, func() {
		tg.Deliver(Message{Event: ev("small")})
		tg.Deliver(Message{Event: ev("big"), Payload: make([]byte, 64<<10+1)})
	})
	s.Run()
	if c := tg.Counts(); c.Delivered != 1 || c.Discarded != 1 || c.Attempts != 2 {
		t.Errorf("target %+v", c)
	}
	if c := q.Counts(); c.Enqueued != 1 || c.Rejected != 1 || c.Depth != 1 {
		t.Errorf("queue %+v", c)
	}
}

func TestNewQueueAndTargetErrors(t *testing.T) {
	s := sim.NewScheduler()
	if _, err := NewQueue(s, QueueConfig{Spec: QueueSpec{Name: "q", Type: QueueMNS, Consumer: &ConsumerSpec{Function: "f"}}}); err == nil {
		t.Error("a consumer without an invoker accepted")
	}
	if _, err := NewQueue(s, QueueConfig{Spec: QueueSpec{Name: "q", Type: "kafka"}}); err == nil {
		t.Error("unknown queue type accepted")
	}
	for _, cfg := range []TargetConfig{{Rand: seeded(1)}, {Invoker: NopInvokerForTest{}},
		{Invoker: NopInvokerForTest{}, Rand: seeded(1), Tolerance: "SOME"},
		{Invoker: NopInvokerForTest{}, Rand: seeded(1), DuplicateProbability: 1.5}} {
		if _, err := NewTarget(s, cfg); err == nil {
			t.Errorf("NewTarget(%+v) accepted", cfg)
		}
	}
}

type NopInvokerForTest struct{}

func (NopInvokerForTest) Invoke(uint64, *Message, Completer) Result { return Result{Status: OK} }
