package delivery

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/sim"
)

// fake is a test Invoker: each attempt's result comes from decide, after latency (0: the
// result is returned from Invoke). It records the start time of every attempt per event id.
type fake struct {
	sched    *sim.Scheduler
	latency  time.Duration
	decide   func(m *Message) Result
	attempts map[string][]sim.Time
	calls    int
}

func newFake(s *sim.Scheduler, latency time.Duration, decide func(m *Message) Result) *fake {
	return &fake{sched: s, latency: latency, decide: decide, attempts: map[string][]sim.Time{}}
}

func (f *fake) Invoke(tag uint64, m *Message, done Completer) Result {
	f.calls++
	r := f.decide(m)
	if r.Status != Throttled {
		f.attempts[m.ID()] = append(f.attempts[m.ID()], f.sched.Now())
	}
	if f.latency == 0 || r.Status == Throttled {
		return r
	}
	f.sched.ScheduleFunc(f.sched.Now().Add(f.latency), func() { done.Complete(tag, r) })
	return Result{Status: Pending}
}

var (
	ok     = Result{Status: OK}
	failed = Result{Status: Failed, Err: "handler"}
)

func always(r Result) func(*Message) Result { return func(*Message) Result { return r } }

// failFirst fails the first n attempts of every event, then succeeds.
func failFirst(n int) func(*Message) Result {
	return func(m *Message) Result {
		if m.Attempt <= n {
			return failed
		}
		return ok
	}
}

func ev(id string) *event.Event {
	return &event.Event{ID: id, Source: "acs.oss", SpecVersion: "1.0", Type: "oss:ObjectCreated:PutObject",
		Data: []byte(`{"k":"v"}`)}
}

func seeded(seed uint64) *rand.Rand { return sim.NewStreams(seed).Stream("test") }

// recorder keeps every record (with a copy of its message) for assertions.
type recorder struct{ recs []Record }

func (r *recorder) Observe(rec Record) {
	if rec.Msg != nil {
		m := *rec.Msg
		rec.Msg = &m
	}
	r.recs = append(r.recs, rec)
}

func (r *recorder) kinds(k Kind) []Record {
	var out []Record
	for _, rec := range r.recs {
		if rec.Kind == k {
			out = append(out, rec)
		}
	}
	return out
}

func mustTarget(t testing.TB, s *sim.Scheduler, cfg TargetConfig) *Target {
	t.Helper()
	if cfg.Rand == nil {
		cfg.Rand = seeded(1)
	}
	if cfg.Rule == "" {
		cfg.Rule, cfg.Name = "rule", "target"
	}
	tg, err := NewTarget(s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func mustCheck(t testing.TB, tg *Target) {
	t.Helper()
	if err := tg.Check(); err != nil {
		t.Fatal(err)
	}
}

func sec(s float64) sim.Time { return sim.FromSeconds(s) }

func deliverAt(s *sim.Scheduler, tg *Target, at sim.Time, id string) {
	s.ScheduleFunc(at, func() { tg.Deliver(Message{Event: ev(id)}) })
}

func fmtTimes(ts []sim.Time) string { return fmt.Sprint(ts) }
