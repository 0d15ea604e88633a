package load

import (
	"fmt"
	"time"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/sim"
)

var _ sim.Handler = (*Load)(nil)

// Start schedules the load's first arrival on s; each arrival, when it fires, publishes its
// event to out and schedules the next one, so at most one action of the load is pending and
// the run is never generated ahead. The load itself is the scheduled Handler (no closure per
// arrival). Arrivals before s.Now() are skipped.
func (l *Load) Start(s *sim.Scheduler, out Publisher) {
	l.sched, l.out = s, out
	for {
		t, ok := l.nextArrival()
		if !ok || t >= s.Now() {
			break
		}
	}
	if l.next != sim.Never {
		s.Schedule(l.next, l, 0)
	}
}

// Fire implements sim.Handler: it handles the pending arrival and schedules the next.
func (l *Load) Fire(uint64) {
	now := l.next
	e, err := l.generate(now)
	if err == nil {
		l.out.Publish(now, l.bus, e)
	}
	if t, ok := l.nextArrival(); ok {
		l.sched.Schedule(t, l, 0)
	}
}

// Pending returns the time of the next arrival, or sim.Never.
func (l *Load) Pending() sim.Time { return l.next }

// Sample generates the next n events without a scheduler, exactly as a run would produce its
// first n events (same times and contents) on a fresh Load; fewer when the load stops sooner.
// Arrivals whose event fails to generate are skipped and counted; the error reports how many
// failed and the last error, alongside the events that succeeded.
func (l *Load) Sample(n int) ([]event.Event, error) {
	out := make([]event.Event, 0, n)
	failed0 := l.stats.Failed
	for len(out) < n {
		t, ok := l.nextArrival()
		if !ok {
			break
		}
		if e, err := l.generate(t); err == nil {
			out = append(out, e)
		}
		if l.stats.Failed-failed0 >= uint64(n)+100 {
			break // every arrival fails: do not spin
		}
	}
	if f := l.stats.Failed - failed0; f > 0 {
		return out, fmt.Errorf("load %q: %d events failed to generate, last: %w", l.name, f, l.stats.LastError)
	}
	return out, nil
}

// nextArrival draws the next arrival into l.next; false (and l.next = Never) past the stop.
func (l *Load) nextArrival() (sim.Time, bool) {
	t, ok := l.arr.Next(l.rArr)
	if !ok || t >= l.stop {
		l.next = sim.Never
		return sim.Never, false
	}
	l.next = t
	return t, true
}

// generate builds the event of the arrival at now, counting failures.
func (l *Load) generate(now sim.Time) (event.Event, error) {
	l.stats.Arrivals++
	e, err := l.event(now)
	if err != nil {
		err = fmt.Errorf("load %q at %s: %w", l.name, now, err)
		l.stats.Failed++
		l.stats.LastError = err
		if l.onError != nil {
			l.onError(l.name, err)
		}
		return e, err
	}
	l.stats.Generated++
	return e, nil
}

// event draws the vars, picks a template and builds the event (or takes the replayed one).
//
// A generated event's id is a version-7 UUID of its time: ids sort by the time they were made.
func (l *Load) event(now sim.Time) (event.Event, error) {
	at := l.wallStart.Add(time.Duration(now))
	id := uuid7(at, l.rIDs)
	if l.trace != nil {
		return l.trace.Events[l.arr.(*replay).index()].Clone(), nil
	}
	clear(l.env)
	for _, s := range l.vars {
		v, err := s.gen.next(s.r, l.env)
		if err != nil {
			return event.Event{}, fmt.Errorf("vars.%s: %w", s.name, err)
		}
		l.env[s.name] = v
	}
	i := 0
	if len(l.tmpls) > 1 {
		i = pick(l.cum, l.rChoice.Float64())
	}
	e, err := l.tmpls[i].build(id, at, l.env)
	if err != nil {
		return e, fmt.Errorf("events[%d]: %w", i, err)
	}
	return e, nil
}
