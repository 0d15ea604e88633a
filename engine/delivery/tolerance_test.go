package delivery

import (
	"slices"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// Tolerance ALL without a dead-letter queue: after the last retry the event is discarded, and
// the discard is recorded with its reason and last error.
func TestToleranceAllDiscardsAndRecords(t *testing.T) {
	s := sim.NewScheduler()
	rec := &recorder{}
	tg := mustTarget(t, s, TargetConfig{Invoker: newFake(s, 0, always(failed)), Observer: rec})
	deliverAt(s, tg, 0, "e1")
	s.Run()
	d := rec.kinds(KindDiscarded)
	if len(d) != 1 || d[0].Reason != ReasonRetriesExhausted || d[0].Err != "handler" || d[0].Msg.Attempt != 4 {
		t.Fatalf("discard records %+v", d)
	}
	if c := tg.Counts(); c.Discarded != 1 || c.DeadLettered != 0 || c.InFlight != 0 {
		t.Errorf("counts %+v", c)
	}
}

// A dead letter carries the original event unchanged plus why, how many attempts, the last
// error, rule, target and the first and last attempt times.
func TestDeadLetterContents(t *testing.T) {
	s := sim.NewScheduler()
	dlq := mustQueue(t, s, QueueConfig{Spec: QueueSpec{Name: "rule-deadletterqueue"}})
	errs := []string{"timeout", "oom", "handler", "handler 503"}
	f := newFake(s, 2*time.Second, func(m *Message) Result { return Result{Status: Failed, Err: errs[m.Attempt-1]} })
	tg := mustTarget(t, s, TargetConfig{Rule: "csv-upload", Name: "audit", Invoker: f, DeadLetter: dlq})
	orig := ev("e-42")
	pristine := orig.Clone()
	s.ScheduleFunc(sec(3), func() {
		tg.Deliver(Message{Event: orig, Payload: []byte(`{"transformed":true}`)})
	})
	s.Run()
	msgs := dlq.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d dead letters", len(msgs))
	}
	m, at := msgs[0], f.attempts["e-42"]
	if m.Event != orig || !m.Event.Equal(pristine) || m.Payload != nil {
		t.Errorf("the dead letter must carry the original event unchanged, not the payload: %+v", m)
	}
	want := DeadLetter{Reason: ReasonRetriesExhausted, Attempts: 4, LastError: "handler 503",
		Rule: "csv-upload", Target: "audit", Created: sec(3), FirstAttempt: at[0], LastAttempt: at[3],
		At: at[3].Add(2 * time.Second)}
	if *m.Dead != want {
		t.Errorf("dead letter\n got %+v\nwant %+v", *m.Dead, want)
	}
	if at[0] != sec(3) {
		t.Errorf("first attempt at %v", at[0])
	}
	if c := tg.Counts(); c.DeadLettered != 1 || c.Discarded != 0 {
		t.Errorf("counts %+v", c)
	}
}

// A non-retryable error is given up at once (reason discarded): no retries.
func TestRejectedIsNotRetried(t *testing.T) {
	s := sim.NewScheduler()
	dlq := mustQueue(t, s, QueueConfig{Spec: QueueSpec{Name: "dlq"}})
	f := newFake(s, 0, always(Result{Status: Rejected, Err: "invalid resource"}))
	tg := mustTarget(t, s, TargetConfig{Invoker: f, DeadLetter: dlq})
	deliverAt(s, tg, 0, "e1")
	s.Run()
	m := dlq.Messages()
	if f.calls != 1 || len(m) != 1 || m[0].Dead.Reason != ReasonDiscarded || m[0].Dead.LastError != "invalid resource" {
		t.Fatalf("calls %d, dead letters %+v", f.calls, m)
	}
}

// A message too large for the MNS dead-letter queue (64 KB) is discarded, with the queue's error.
func TestDeadLetterRefusedIsDiscarded(t *testing.T) {
	s := sim.NewScheduler()
	dlq := mustQueue(t, s, QueueConfig{Spec: QueueSpec{Name: "dlq", Type: QueueMNS}})
	rec := &recorder{}
	tg := mustTarget(t, s, TargetConfig{Invoker: newFake(s, 0, always(failed)), DeadLetter: dlq, Observer: rec})
	big := ev("big")
	big.Data = make([]byte, 70<<10)
	s.ScheduleFunc(0, func() { tg.Deliver(Message{Event: big}) })
	s.Run()
	d := rec.kinds(KindDiscarded)
	if len(d) != 1 || tg.Counts().Discarded != 1 || dlq.Depth() != 0 || dlq.Counts().Rejected != 1 {
		t.Fatalf("discards %+v, counts %+v", d, tg.Counts())
	}
	if want := "dead letter to dlq: message of"; len(d[0].Err) < len(want) || d[0].Err[:len(want)] != want {
		t.Errorf("discard error %q", d[0].Err)
	}
	mustCheck(t, tg)
}

// Tolerance NONE: once an event exhausts its retries, later events wait behind it, in order,
// and go on as soon as it succeeds. Events already in flight are not held.
func TestToleranceNoneBlocksThenUnblocks(t *testing.T) {
	s := sim.NewScheduler()
	rec := &recorder{}
	var delivered []string
	f := newFake(s, 0, func(m *Message) Result {
		if m.ID() == "A" && m.Attempt <= 6 {
			return failed
		}
		delivered = append(delivered, m.ID())
		return ok
	})
	tg := mustTarget(t, s, TargetConfig{Invoker: f, Tolerance: ToleranceNone, Observer: rec,
		Policy: Fixed{Count: 3, Interval: 10 * time.Second}})
	deliverAt(s, tg, 0, "A")      // attempts at 0, 10, 20, 30 (exhausted: blocks), 40, 50, 60 (ok)
	deliverAt(s, tg, sec(5), "X") // in flight before the block: goes through at once
	deliverAt(s, tg, sec(31), "B")
	deliverAt(s, tg, sec(32), "C")
	s.RunUntil(sec(45))
	if !tg.Blocked() || tg.Counts().InFlight != 3 {
		t.Fatalf("at 45s: blocked=%v counts %+v", tg.Blocked(), tg.Counts())
	}
	s.Run()
	if want := []string{"X", "A", "B", "C"}; !slices.Equal(delivered, want) {
		t.Fatalf("delivery order %v, want %v", delivered, want)
	}
	if got := f.attempts["B"]; !slices.Equal(got, []sim.Time{sec(60)}) {
		t.Errorf("B attempted at %v, want 60s (when A succeeded)", got)
	}
	if b, u := rec.kinds(KindBlocked), rec.kinds(KindUnblocked); len(b) != 1 || b[0].At != sec(30) || len(u) != 1 || u[0].At != sec(60) {
		t.Errorf("blocked %+v unblocked %+v", b, u)
	}
	if c := tg.Counts(); c.Delivered != 4 || c.Attempts != 10 || c.Blocked != 1 || tg.Blocked() {
		t.Errorf("counts %+v", c)
	}
	mustCheck(t, tg)
}

// Tolerance NONE with a target that never recovers: the held events stay in flight at the
// horizon, and conservation still holds. A second target of the same rule is not delayed.
func TestToleranceNoneNeverRecoversOtherTargetUnaffected(t *testing.T) {
	s := sim.NewScheduler()
	bad := mustTarget(t, s, TargetConfig{Rule: "r", Name: "bad", Invoker: newFake(s, 0, always(failed)), Tolerance: ToleranceNone})
	good := newFake(s, 0, always(ok))
	other := mustTarget(t, s, TargetConfig{Rule: "r", Name: "good", Invoker: good})
	for k, id := range []string{"e1", "e2", "e3"} {
		at := sec(float64(k) * 100)
		s.ScheduleFunc(at, func() {
			bad.Deliver(Message{Event: ev(id)})
			other.Deliver(Message{Event: ev(id)})
		})
	}
	s.RunUntil(sec(3600))
	if c := bad.Counts(); c.InFlight != 3 || c.Final() != 0 || !bad.Blocked() {
		t.Errorf("bad target %+v", c)
	}
	if len(bad.slots) == 0 || len(f0(bad)) != 1 {
		t.Errorf("only e1 may have been attempted: %v", f0(bad))
	}
	for k, id := range []string{"e1", "e2", "e3"} {
		if got := good.attempts[id]; !slices.Equal(got, []sim.Time{sec(float64(k) * 100)}) {
			t.Errorf("good target got %s at %v", id, got)
		}
	}
	if err := Conservation([]*Target{bad, other}, nil); err != nil {
		t.Fatal(err)
	}
}

// f0 lists the ids a target's fake invoker was called with.
func f0(tg *Target) []string {
	var ids []string
	for id := range tg.inv.(*fake).attempts {
		ids = append(ids, id)
	}
	return ids
}

// A blocking event with a zero-interval policy is retried at least MinBlockedWait apart.
func TestBlockedRetriesHaveAFloor(t *testing.T) {
	s := sim.NewScheduler()
	f := newFake(s, 0, always(failed))
	tg := mustTarget(t, s, TargetConfig{Invoker: f, Tolerance: ToleranceNone, Policy: Fixed{}})
	deliverAt(s, tg, 0, "e")
	s.RunUntil(sec(3.5))
	if got, want := f.attempts["e"], []sim.Time{0, sec(1), sec(2), sec(3)}; !slices.Equal(got, want) {
		t.Errorf("attempts %v, want %v", got, want)
	}
}
