package sim

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// sched is the scheduler surface shared by Scheduler and refScheduler.
type sched interface {
	Now() Time
	Schedule(at Time, h Handler, arg uint64) Token
	Cancel(t Token) bool
	Step() bool
	RunUntil(t Time) int
	Pending() int
	NextTime() (Time, bool)
}

// refScheduler is a trivially correct reference: an unsorted slice scanned
// for the minimum (time, seq) on every step.
type refScheduler struct {
	now   Time
	seq   uint64
	items []refItem
}

type refItem struct {
	at  Time
	seq uint64
	h   Handler
	arg uint64
}

func (r *refScheduler) Now() Time    { return r.now }
func (r *refScheduler) Pending() int { return len(r.items) }

func (r *refScheduler) Schedule(at Time, h Handler, arg uint64) Token {
	if at < r.now {
		panic("ref: past")
	}
	r.seq++
	r.items = append(r.items, refItem{at, r.seq, h, arg})
	return Token(r.seq)
}

func (r *refScheduler) Cancel(t Token) bool {
	for i, it := range r.items {
		if Token(it.seq) == t {
			r.items = append(r.items[:i], r.items[i+1:]...)
			return true
		}
	}
	return false
}

func (r *refScheduler) min() int {
	best := 0
	for i, it := range r.items {
		b := r.items[best]
		if it.at < b.at || (it.at == b.at && it.seq < b.seq) {
			best = i
		}
	}
	return best
}

func (r *refScheduler) NextTime() (Time, bool) {
	if len(r.items) == 0 {
		return Never, false
	}
	return r.items[r.min()].at, true
}

func (r *refScheduler) Step() bool {
	if len(r.items) == 0 {
		return false
	}
	i := r.min()
	it := r.items[i]
	r.items = append(r.items[:i], r.items[i+1:]...)
	r.now = it.at
	it.h.Fire(it.arg)
	return true
}

func (r *refScheduler) RunUntil(t Time) int {
	if t < r.now {
		return 0
	}
	n := 0
	for at, ok := r.NextTime(); ok && at <= t; at, ok = r.NextTime() {
		r.Step()
		n++
	}
	r.now = t
	return n
}

// harness drives one implementation; its handler logs firings and, for
// some ids, schedules or cancels more actions from inside the action.
type harness struct {
	s    sched
	toks []Token // by action id
	log  []string
}

func (h *harness) schedule(at Time) {
	h.toks = append(h.toks, h.s.Schedule(at, h, uint64(len(h.toks))))
}

func (h *harness) Fire(id uint64) {
	h.log = append(h.log, fmt.Sprintf("%d@%d", id, h.s.Now()))
	switch id % 7 {
	case 3: // schedule a child, sometimes at the same time
		h.schedule(h.s.Now() + Time(id%3))
	case 5: // cancel an earlier action (may already have run)
		h.log = append(h.log, fmt.Sprint("c", h.s.Cancel(h.toks[id/2])))
	}
}

func TestSchedulerMatchesReference(t *testing.T) {
	for seed := range uint64(300) {
		real, ref := &harness{s: NewScheduler()}, &harness{s: &refScheduler{}}
		rng := rand.New(rand.NewPCG(seed, 42))
		for op := range 400 {
			k, x := rng.IntN(10), rng.Uint64()
			for _, h := range []*harness{real, ref} {
				apply(h, k, x)
			}
			if err := same(real, ref); err != nil {
				t.Fatalf("seed %d op %d (kind %d): %v", seed, op, k, err)
			}
		}
		real.s.(*Scheduler).Run()
		ref.s.(*refScheduler).RunUntil(Never - 1)
		if !reflect.DeepEqual(real.log, ref.log) {
			t.Fatalf("seed %d: final logs differ", seed)
		}
	}
}

// apply performs operation kind k with random word x on h.
func apply(h *harness, k int, x uint64) {
	switch {
	case k < 4: // schedule, often at equal times
		h.schedule(h.s.Now() + Time(x%5))
	case k < 6 && len(h.toks) > 0: // cancel a random id (pending, run or cancelled)
		h.log = append(h.log, fmt.Sprint("C", h.s.Cancel(h.toks[x%uint64(len(h.toks))])))
	case k < 8:
		h.log = append(h.log, fmt.Sprint("S", h.s.Step()))
	default:
		h.log = append(h.log, fmt.Sprint("R", h.s.RunUntil(h.s.Now()+Time(x%4)-1)))
	}
}

// same compares the observable state of two harnesses.
func same(a, b *harness) error {
	if !reflect.DeepEqual(a.log, b.log) {
		return fmt.Errorf("log\n got %v\nwant %v", a.log, b.log)
	}
	at1, ok1 := a.s.NextTime()
	at2, ok2 := b.s.NextTime()
	if a.s.Now() != b.s.Now() || a.s.Pending() != b.s.Pending() || at1 != at2 || ok1 != ok2 {
		return fmt.Errorf("state now=%d/%d pending=%d/%d next=%d,%v/%d,%v",
			a.s.Now(), b.s.Now(), a.s.Pending(), b.s.Pending(), at1, ok1, at2, ok2)
	}
	return nil
}
