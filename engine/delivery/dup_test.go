package delivery

import (
	"fmt"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// dupRun delivers n events to a target that succeeds after 100 ms and returns its counts and
// how many times the function ran.
func dupRun(t *testing.T, n int, p float64, store *DedupStore, seed uint64) (TargetCounts, int) {
	s := sim.NewScheduler()
	f := newFake(s, 100*time.Millisecond, always(ok))
	rec := &recorder{}
	tg := mustTarget(t, s, TargetConfig{Invoker: f, DuplicateProbability: p, Dedup: store, Rand: seeded(seed), Observer: rec})
	for k := range n {
		deliverAt(s, tg, sec(float64(k)), fmt.Sprint("e", k))
	}
	s.Run()
	mustCheck(t, tg)
	if d := rec.kinds(KindDuplicate); uint64(len(d)) != tg.Counts().Duplicates {
		t.Errorf("%d duplicate records for %d duplicates", len(d), tg.Counts().Duplicates)
	}
	return tg.Counts(), f.calls
}

func TestDuplicatesWithoutStoreRepeatSideEffects(t *testing.T) {
	c, calls := dupRun(t, 100, 1, nil, 1)
	if c.Delivered != 100 || c.Duplicates != 100 || c.DuplicateSideEffects != 100 || c.DuplicatesAbsorbed != 0 || calls != 200 {
		t.Errorf("counts %+v, calls %d", c, calls)
	}
	if c.Attempts != 100 {
		t.Errorf("attempts %d: duplicates are not attempts", c.Attempts)
	}
}

func TestDedupStoreAbsorbsDuplicates(t *testing.T) {
	store := NewDedupStore(0)
	c, calls := dupRun(t, 100, 1, store, 1)
	if c.Delivered != 100 || c.Duplicates != 100 || c.DuplicateSideEffects != 0 || c.DuplicatesAbsorbed != 100 || calls != 100 {
		t.Errorf("counts %+v, calls %d", c, calls)
	}
	if store.Absorbed() != 100 || store.Len() != 100 {
		t.Errorf("store absorbed %d, holds %d", store.Absorbed(), store.Len())
	}
}

// With probability 0.3 about 30 % of deliveries are duplicated: the count is binomial(1000, 0.3),
// so within ±5 standard deviations of 300; the same seed gives the same count.
func TestDuplicateProbability(t *testing.T) {
	c, _ := dupRun(t, 1000, 0.3, nil, 5)
	if c.Duplicates < 228 || c.Duplicates > 372 {
		t.Errorf("%d duplicates of 1000 at p=0.3", c.Duplicates)
	}
	if c2, _ := dupRun(t, 1000, 0.3, nil, 5); c2 != c {
		t.Errorf("same seed, different counts: %+v vs %+v", c, c2)
	}
}

// The store is shared by the targets of one function: the same event routed twice to the
// function (two rules) runs once; a bounded store forgets its oldest markers.
func TestDedupStoreSharedAndBounded(t *testing.T) {
	s := sim.NewScheduler()
	store := NewDedupStore(2)
	f := newFake(s, 0, always(ok))
	t1 := mustTarget(t, s, TargetConfig{Rule: "r1", Name: "fn", Invoker: f, Dedup: store})
	t2 := mustTarget(t, s, TargetConfig{Rule: "r2", Name: "fn", Invoker: f, Dedup: store})
	e := ev("same")
	s.ScheduleFunc(0, func() { t1.Deliver(Message{Event: e}) })
	s.ScheduleFunc(sec(1), func() { t2.Deliver(Message{Event: e}) })
	s.Run()
	if f.calls != 1 || t2.Counts().DuplicatesAbsorbed != 1 || t2.Counts().Delivered != 1 {
		t.Errorf("calls %d, t2 %+v", f.calls, t2.Counts())
	}
	store.Mark("x")
	store.Mark("y") // evicts "same"
	if store.Seen("same") || !store.Seen("x") || !store.Seen("y") || store.Len() != 2 {
		t.Errorf("bounded store: same=%v x=%v y=%v len=%d", store.Seen("same"), store.Seen("x"), store.Seen("y"), store.Len())
	}
}

// The on-success destination receives each delivered message once (not duplicates).
func TestOnSuccessDestination(t *testing.T) {
	s := sim.NewScheduler()
	okq := mustQueue(t, s, QueueConfig{Spec: QueueSpec{Name: "done"}})
	f := newFake(s, 0, failFirst(1))
	p, _ := NewAsyncRetry(nil)
	tg := mustTarget(t, s, TargetConfig{Invoker: f, Policy: p, OnSuccess: okq, DuplicateProbability: 1})
	deliverAt(s, tg, 0, "e1")
	s.Run()
	m := okq.Messages()
	if len(m) != 1 || m[0].ID() != "e1" || m[0].Attempt != 2 || m[0].Target != "target" {
		t.Fatalf("on-success messages %+v", m)
	}
}
