package delivery

import (
	"slices"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

func mustQueue(t testing.TB, s *sim.Scheduler, cfg QueueConfig) *Queue {
	t.Helper()
	if cfg.Spec.Type == "" {
		cfg.Spec.Type = QueueMNS
	}
	q, err := NewQueue(s, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// Every attempt of an EXPONENTIAL_DECAY_RETRY delivery to a target that always fails at once:
// 0, 1, 3, 7, …, then 512 s apart; the 177th and last attempt starts at 86,015 s.
func TestTargetExponentialDecayAttemptTimes(t *testing.T) {
	s := sim.NewScheduler()
	f := newFake(s, 0, always(failed))
	dlq := mustQueue(t, s, QueueConfig{Spec: QueueSpec{Name: "dlq"}})
	tg := mustTarget(t, s, TargetConfig{Invoker: f, Policy: ExponentialDecay{}, DeadLetter: dlq})
	deliverAt(s, tg, 0, "e1")
	s.Run()
	want := []sim.Time{0}
	for _, d := range exponentialTable() {
		want = append(want, want[len(want)-1].Add(d))
	}
	if got := f.attempts["e1"]; !slices.Equal(got, want) {
		t.Fatalf("attempt times:\n got %v\nwant %v", got, want)
	}
	if last := want[len(want)-1]; last != sec(86015) {
		t.Fatalf("last attempt at %v, want 86015s", last)
	}
	msgs := dlq.Messages()
	if len(msgs) != 1 || msgs[0].Dead.Attempts != 177 || msgs[0].Dead.At != sec(86015) {
		t.Fatalf("dead letters: %+v", msgs)
	}
	c := tg.Counts()
	if c.Attempts != 177 || c.Retried != 176 || c.DeadLettered != 1 {
		t.Errorf("counts %+v", c)
	}
	mustCheck(t, tg)
}

// BACKOFF_RETRY: 4 attempts; each retry starts 10–20 s after the previous attempt failed.
// The draws come from the target's stream: the same seed gives the same times, another seed
// other times.
func TestTargetBackoffAttemptTimes(t *testing.T) {
	run := func(seed uint64) []sim.Time {
		s := sim.NewScheduler()
		f := newFake(s, 100*time.Millisecond, always(failed))
		tg := mustTarget(t, s, TargetConfig{Invoker: f, Rand: seeded(seed)})
		deliverAt(s, tg, sec(5), "e1")
		s.Run()
		if c := tg.Counts(); c.Attempts != 4 || c.Retried != 3 || c.Discarded != 1 {
			t.Fatalf("counts %+v", c)
		}
		mustCheck(t, tg)
		return f.attempts["e1"]
	}
	a := run(1)
	if len(a) != 4 || a[0] != sec(5) {
		t.Fatalf("attempts %v", a)
	}
	for k := 1; k < len(a); k++ {
		gap := a[k].Sub(a[k-1].Add(100 * time.Millisecond)) // from the failure
		if gap < 10*time.Second || gap > 20*time.Second {
			t.Errorf("retry %d starts %v after the failure, want [10s, 20s]", k, gap)
		}
	}
	if b := run(1); !slices.Equal(a, b) {
		t.Errorf("same seed, different times: %v vs %v", a, b)
	}
	if c := run(2); slices.Equal(a, c) {
		t.Errorf("seeds 1 and 2 gave the same times %v", a)
	}
}

// Function Compute async without jitter: attempts at 0, 1, 3, 7 s (3 retries), then the
// on-failure destination with reason retries_exhausted.
func TestTargetAsyncAttemptTimes(t *testing.T) {
	s := sim.NewScheduler()
	f := newFake(s, 0, always(failed))
	dlq := mustQueue(t, s, QueueConfig{Spec: QueueSpec{Name: "onfailure"}})
	p, _ := NewAsyncRetry(nil)
	p.Jitter = JitterNone
	tg := mustTarget(t, s, TargetConfig{Invoker: f, Policy: p, MaxAge: DefaultMaxEventAge, DeadLetter: dlq})
	deliverAt(s, tg, 0, "e1")
	s.Run()
	if got, want := f.attempts["e1"], []sim.Time{0, sec(1), sec(3), sec(7)}; !slices.Equal(got, want) {
		t.Fatalf("attempts %v, want %v", got, want)
	}
	if m := dlq.Messages(); len(m) != 1 || m[0].Dead.Reason != ReasonRetriesExhausted {
		t.Fatalf("dead letters %+v", m)
	}
}

// With equal jitter the retries stay within [max(d/2, 1 s), d] of the failure.
func TestTargetAsyncJitteredBounds(t *testing.T) {
	s := sim.NewScheduler()
	f := newFake(s, 0, always(failed))
	eight := 8
	p, _ := NewAsyncRetry(&eight)
	tg := mustTarget(t, s, TargetConfig{Invoker: f, Policy: p, Rand: seeded(11)})
	for k := range 50 {
		deliverAt(s, tg, sec(float64(k)), "e"+string(rune('A'+k)))
	}
	s.Run()
	exp := []float64{1, 2, 4, 8, 16, 32, 60, 60}
	for id, at := range f.attempts {
		if len(at) != 9 {
			t.Fatalf("%s: %d attempts, want 9", id, len(at))
		}
		for n := 1; n < len(at); n++ {
			g := at[n].Sub(at[n-1]).Seconds()
			if e := exp[n-1]; g < max(e/2, 1) || g > e {
				t.Errorf("%s retry %d after %vs, want [%v, %v]", id, n, g, max(e/2, 1), e)
			}
		}
	}
}

// The maximum event age: with 5 s, the retry due at 7 s never happens; the event expires at 5 s.
func TestTargetExpiresAtMaxAge(t *testing.T) {
	for _, withDLQ := range []bool{false, true} {
		s := sim.NewScheduler()
		f := newFake(s, 0, always(failed))
		p, _ := NewAsyncRetry(nil)
		p.Jitter = JitterNone
		rec := &recorder{}
		cfg := TargetConfig{Invoker: f, Policy: p, MaxAge: 5 * time.Second, Observer: rec}
		var dlq *Queue
		if withDLQ {
			dlq = mustQueue(t, s, QueueConfig{Spec: QueueSpec{Name: "dlq"}})
			cfg.DeadLetter = dlq
		}
		tg := mustTarget(t, s, cfg)
		deliverAt(s, tg, sec(2), "e1")
		s.Run()
		if got := f.attempts["e1"]; !slices.Equal(got, []sim.Time{sec(2), sec(3), sec(5)}) {
			t.Fatalf("attempts %v", got)
		}
		c := tg.Counts()
		if !withDLQ {
			ex := rec.kinds(KindExpired)
			if c.Expired != 1 || len(ex) != 1 || ex[0].At != sec(7) || ex[0].Reason != ReasonEventTooOld {
				t.Fatalf("expired: %+v %+v", c, ex)
			}
		} else {
			m := dlq.Messages()
			if c.DeadLettered != 1 || len(m) != 1 || m[0].Dead.Reason != ReasonEventTooOld || m[0].Dead.At != sec(7) {
				t.Fatalf("dead letter: %+v %+v", c, m)
			}
		}
		mustCheck(t, tg)
	}
}

// Throttled invocations are retried 0.5, 1, 2 s later and are not attempts.
func TestTargetThrottleBackoffNotCounted(t *testing.T) {
	s := sim.NewScheduler()
	var invoked []sim.Time
	n := 0
	f := newFake(s, 0, func(m *Message) Result {
		invoked = append(invoked, s.Now())
		if n++; n <= 3 {
			return Result{Status: Throttled}
		}
		return ok
	})
	p, _ := NewAsyncRetry(nil)
	tg := mustTarget(t, s, TargetConfig{Invoker: f, Policy: p, MaxAge: time.Hour})
	deliverAt(s, tg, sec(1), "e1")
	s.Run()
	if want := []sim.Time{sec(1), sec(1.5), sec(2.5), sec(4.5)}; !slices.Equal(invoked, want) {
		t.Fatalf("invocations at %v, want %v", invoked, want)
	}
	c := tg.Counts()
	if c.Attempts != 1 || c.Throttled != 3 || c.Retried != 0 || c.Delivered != 1 {
		t.Errorf("counts %+v", c)
	}
}

// A target that stays throttled expires at the maximum age without a single attempt.
func TestTargetThrottledUntilTooOld(t *testing.T) {
	s := sim.NewScheduler()
	f := newFake(s, 0, always(Result{Status: Throttled}))
	rec := &recorder{}
	tg := mustTarget(t, s, TargetConfig{Invoker: f, MaxAge: 10 * time.Second, Observer: rec})
	deliverAt(s, tg, 0, "e1")
	s.Run()
	c := tg.Counts()
	ex := rec.kinds(KindExpired)
	if c.Attempts != 0 || c.Expired != 1 || len(ex) != 1 || ex[0].At != sec(10) {
		t.Fatalf("counts %+v expired %+v", c, ex)
	}
	// 0, 0.5, 1.5, 3.5, 7.5 s; the next (15.5 s) is past the age.
	if c.Throttled != 5 {
		t.Errorf("throttled %d times, want 5", c.Throttled)
	}
	mustCheck(t, tg)
}
