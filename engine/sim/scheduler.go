package sim

import (
	"fmt"
	"time"
)

// Handler is a scheduled action. Fire runs it; arg is the caller data given
// to Schedule (for example an index into the caller's own slab), so that a
// long-lived Handler value can serve many actions without allocating a
// closure per action.
type Handler interface{ Fire(arg uint64) }

// Token identifies a scheduled action for Cancel. The zero Token is never
// issued and names no action.
type Token uint64

// Scheduler is a discrete-event scheduler: a binary heap of pending actions
// ordered by time and then by a rising sequence number, so actions at equal
// times run in the order they were scheduled (FIFO). Time never goes
// backwards. Cancel removes the action from the heap at once (O(log n)), and
// freed slots are reused, so a steady state of Schedule and Step does not
// allocate. A Scheduler is not safe for concurrent use; it starts no
// goroutines and never reads the wall clock. Handlers may call any method,
// including Schedule, Cancel and Step.
type Scheduler struct {
	now      Time
	seq      uint64
	executed uint64
	heap     []entry // binary min-heap by (at, seq)
	slots    []slot  // action data, indexed by entry.slot and the Token
	free     []uint32
}

// entry is a heap element: kept small so sifting moves little memory.
type entry struct {
	at   Time
	seq  uint64
	slot uint32
}

// slot holds one pending action. gen changes every time the slot is freed,
// so a stale Token cannot cancel a later action that reuses the slot.
type slot struct {
	h   Handler
	arg uint64
	gen uint32
	pos int32 // index in heap; -1 when free
}

// NewScheduler returns an empty scheduler with the clock at 0.
func NewScheduler() *Scheduler { return &Scheduler{} }

// Now returns the current simulated time: the time of the action running or
// last run, or the time given to the last RunUntil, whichever is later.
func (s *Scheduler) Now() Time { return s.now }

// Pending returns the number of scheduled actions not yet run or cancelled.
func (s *Scheduler) Pending() int { return len(s.heap) }

// Executed returns the number of actions run so far.
func (s *Scheduler) Executed() uint64 { return s.executed }

// NextTime returns the time of the earliest pending action; false if none.
func (s *Scheduler) NextTime() (Time, bool) {
	if len(s.heap) == 0 {
		return Never, false
	}
	return s.heap[0].at, true
}

// Schedule arranges for h.Fire(arg) to run at time at and returns a Token
// for Cancel. It panics if at is before Now (time never goes backwards) or
// if h is nil. Scheduling at Now is allowed: the action runs after every
// action already scheduled for that time.
func (s *Scheduler) Schedule(at Time, h Handler, arg uint64) Token {
	if at < s.now {
		panic(fmt.Sprintf("sim: schedule at %v is before now %v", at, s.now))
	}
	if h == nil {
		panic("sim: schedule with a nil handler")
	}
	idx := s.alloc()
	sl := &s.slots[idx]
	sl.h, sl.arg = h, arg
	s.seq++
	s.heap = append(s.heap, entry{at: at, seq: s.seq, slot: idx})
	s.up(len(s.heap) - 1)
	return Token(uint64(sl.gen)<<32 | uint64(idx))
}

// After schedules h.Fire(arg) at Now()+d (saturating at Never). It panics if
// d is negative.
func (s *Scheduler) After(d time.Duration, h Handler, arg uint64) Token {
	if d < 0 {
		panic(fmt.Sprintf("sim: after negative delay %v", d))
	}
	return s.Schedule(s.now.Add(d), h, arg)
}

// funcHandler adapts a func() to Handler; arg is ignored.
type funcHandler func()

func (f funcHandler) Fire(uint64) { f() }

// ScheduleFunc schedules f() at time at. A convenience for set-up code and
// tests: the closure usually allocates, so hot paths use Schedule.
func (s *Scheduler) ScheduleFunc(at Time, f func()) Token {
	if f == nil {
		panic("sim: schedule with a nil func")
	}
	return s.Schedule(at, funcHandler(f), 0)
}

// Cancel removes the action named by t. It returns false if t is zero, was
// never issued, or its action already ran (or is running) or was cancelled.
func (s *Scheduler) Cancel(t Token) bool {
	idx, gen := uint32(t), uint32(t>>32)
	if gen == 0 || int(idx) >= len(s.slots) {
		return false
	}
	sl := &s.slots[idx]
	if sl.gen != gen || sl.pos < 0 {
		return false
	}
	s.remove(int(sl.pos))
	s.release(idx)
	return true
}

// Step runs the earliest pending action, advancing the clock to its time.
// It returns false, doing nothing, when no action is pending.
func (s *Scheduler) Step() bool {
	if len(s.heap) == 0 {
		return false
	}
	e := s.heap[0]
	s.remove(0)
	sl := &s.slots[e.slot]
	h, arg := sl.h, sl.arg
	s.release(e.slot) // before Fire: the running action can no longer be cancelled
	s.now = e.at
	s.executed++
	h.Fire(arg)
	return true
}

// RunUntil runs, in order, every action whose time is <= t, including those
// scheduled meanwhile by the actions it runs, then sets the clock to t. It
// returns the number of actions run. If t is before Now it does nothing and
// returns 0. Paced mode calls RunUntil(Now()+slice) once per wall-clock tick.
func (s *Scheduler) RunUntil(t Time) int {
	if t < s.now {
		return 0
	}
	n := 0
	for len(s.heap) > 0 && s.heap[0].at <= t {
		s.Step()
		n++
	}
	if t > s.now {
		s.now = t
	}
	return n
}

// Run runs actions until none is pending and returns how many ran. The
// clock is left at the time of the last action. A model that reschedules
// itself forever makes Run loop forever; bound such runs with RunUntil.
func (s *Scheduler) Run() int {
	n := 0
	for s.Step() {
		n++
	}
	return n
}

// alloc returns a free slot index, growing the slab when none is free.
func (s *Scheduler) alloc() uint32 {
	if n := len(s.free); n > 0 {
		idx := s.free[n-1]
		s.free = s.free[:n-1]
		return idx
	}
	if len(s.slots) >= 1<<31-1 {
		panic("sim: too many pending actions")
	}
	s.slots = append(s.slots, slot{gen: 1, pos: -1})
	return uint32(len(s.slots) - 1)
}

// release frees a slot and invalidates its outstanding Token.
func (s *Scheduler) release(idx uint32) {
	sl := &s.slots[idx]
	sl.h, sl.arg, sl.pos = nil, 0, -1
	sl.gen++
	if sl.gen == 0 {
		sl.gen = 1
	}
	s.free = append(s.free, idx)
}
