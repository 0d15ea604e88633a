package world

import (
	"fmt"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/sim"
)

// ReplayDeadLetters re-publishes, at the current simulated time, the messages waiting in the
// queue named queue whose CloudEvents id is in ids (every waiting message when ids is empty)
// to the bus each event was first published to (its aliyuneventbusname), through PutEvents.
// Each replayed event is the original marked with the extension attributes fanoutreplay (the
// original id) and fanoutreplayqueue (the queue); it leaves the queue once published. Messages
// being processed by a consumer are skipped. It returns how many were replayed; an entry the
// bus rejects stops the replay with an error naming it.
func (w *World) ReplayDeadLetters(queue string, ids []string) (int, error) {
	q, ok := w.queues[queue]
	if !ok {
		return 0, fmt.Errorf("replay: queue %q does not exist", queue)
	}
	var sel func(*delivery.Message) bool
	if len(ids) > 0 {
		want := make(map[string]bool, len(ids))
		for _, id := range ids {
			want[id] = true
		}
		sel = func(m *delivery.Message) bool { return want[m.ID()] }
	}
	n, err := q.Replay(sel, func(e event.Event) error {
		busName, _ := e.Ext(event.ExtEventBusName)
		if busName == "" {
			busName = "default"
		}
		w.replayed++
		if r := w.put(w.sched.Now(), busName, &e); !r.OK() {
			return fmt.Errorf("bus %q rejected it: %s", busName, r.ErrorMessage)
		}
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("replay: %w", err)
	}
	return n, nil
}

// ScheduleReplay arranges ReplayDeadLetters(queue, nil) at simulated time at (which must not
// be in the past); the outcome is counted in the summary (events.replayed, queues.*.replayed)
// and an error is kept for ReplayErrors.
func (w *World) ScheduleReplay(queue string, at sim.Time) error {
	if _, ok := w.queues[queue]; !ok {
		return fmt.Errorf("replay: queue %q does not exist", queue)
	}
	if at < w.sched.Now() || at > w.horizon {
		return fmt.Errorf("replay: time %v is outside the run (now %v, horizon %v)", at, w.sched.Now(), w.horizon)
	}
	w.sched.ScheduleFunc(at, func() {
		if _, err := w.ReplayDeadLetters(queue, nil); err != nil {
			w.replayErrs = append(w.replayErrs, err.Error())
		}
	})
	return nil
}

// ReplayErrors returns the errors of scheduled replays, in order.
func (w *World) ReplayErrors() []string { return append([]string(nil), w.replayErrs...) }

// PutEvents is one PutEvents call to bus busName at the current simulated time, as a producer
// (or the workbench's "send event") makes it: 1 to the bus's entry limit per call, a result per
// entry; accepted entries are stamped and routed at once. The entries are copied: the caller
// may reuse the slice.
func (w *World) PutEvents(busName string, entries []event.Event) ([]bus.EntryResult, error) {
	max := w.cfg.PutEventsMaxEntries
	if in, ok := w.buses[busName]; ok {
		max = in.MaxEntries()
	}
	if max <= 0 {
		max = bus.DefaultPutEntries
	}
	if len(entries) == 0 || len(entries) > max {
		return nil, fmt.Errorf("%w: %d entries, a call carries 1 to %d", bus.ErrEntryCount, len(entries), max)
	}
	out := make([]bus.EntryResult, len(entries))
	for i := range entries {
		e := entries[i].Clone()
		w.putEntries++
		out[i] = w.put(w.sched.Now(), busName, &e)
	}
	return out, nil
}

// QueueMessages returns copies of the messages in the queue named name (waiting or being
// processed), in enqueue order: the workbench's dead-letter inspection.
func (w *World) QueueMessages(name string) ([]delivery.Message, error) {
	q, ok := w.queues[name]
	if !ok {
		return nil, fmt.Errorf("queue %q does not exist", name)
	}
	return q.Messages(), nil
}
