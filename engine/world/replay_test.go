package world

import (
	"testing"
	"time"

	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/sim"
)

func TestReplayDeadLetters(t *testing.T) {
	src := `
buses: [{name: shop}]
queues: [{name: dlq, type: mns}]
rules:
  - name: r
    bus: shop
    pattern: {source: [shop.orders]}
    targets:
      - id: flaky
        type: http
        url: http://flaky.example/hook
        endpoint: {error_rate: 1}
        dead_letter: {queue: dlq}
`
	w := newWorld(t, config(t, src, time.Hour))
	put(t, w, "shop", ev("a", "shop.orders", `{}`), ev("b", "shop.orders", `{}`), ev("c", "shop.orders", `{}`))
	w.RunUntil(sim.Time(10 * time.Minute))
	if n, err := w.ReplayDeadLetters("nope", nil); err == nil || n != 0 {
		t.Fatalf("unknown queue: %d, %v", n, err)
	}
	n, err := w.ReplayDeadLetters("dlq", []string{"b"})
	if err != nil || n != 1 {
		t.Fatalf("replay b: %d, %v", n, err)
	}
	w.Run()
	s := w.Summary()
	mustConserve(t, s)
	if s.Events.Replayed != 1 || s.Events.Generated != 4 || s.Queues["dlq"].Replayed != 1 || s.Targets["r/flaky"].Routed != 4 {
		t.Fatalf("events %+v, queue %+v, routed %d", s.Events, s.Queues["dlq"], s.Targets["r/flaky"].Routed)
	}
	msgs, _ := w.QueueMessages("dlq")
	if len(msgs) != 3 {
		t.Fatalf("%d dead letters, want 3 (a, c, and b again)", len(msgs))
	}
	last := msgs[2]
	if last.Event.ID != "b" || last.Event.Extensions[delivery.ExtReplay] != "b" ||
		last.Event.Extensions[delivery.ExtReplayQueue] != "dlq" {
		t.Errorf("replayed dead letter: id %q, extensions %v", last.Event.ID, last.Event.Extensions)
	}
	for _, m := range msgs[:2] {
		if _, marked := m.Event.Extensions[delivery.ExtReplay]; marked {
			t.Errorf("event %s marked as replayed", m.Event.ID)
		}
	}
}

func TestScheduleReplay(t *testing.T) {
	w := newWorld(t, config(t, "queues: [{name: dlq, type: mns}]", time.Hour))
	if err := w.ScheduleReplay("dlq", sim.Time(2*time.Hour)); err == nil {
		t.Error("replay after the horizon accepted")
	}
	if err := w.ScheduleReplay("other", 0); err == nil {
		t.Error("replay of an unknown queue accepted")
	}
	if err := w.ScheduleReplay("dlq", sim.Time(time.Minute)); err != nil {
		t.Fatal(err)
	}
	w.Run()
	if s := w.Summary(); s.Events.Replayed != 0 || len(w.ReplayErrors()) != 0 {
		t.Errorf("empty queue replay: %+v %v", s.Events, w.ReplayErrors())
	}
}
