package sim

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// recorder is a Handler that logs "arg@time" for each firing.
type recorder struct {
	s   *Scheduler
	log []string
}

func (r *recorder) Fire(arg uint64) { r.log = append(r.log, fmt.Sprintf("%d@%d", arg, r.s.Now())) }

func newRec() (*Scheduler, *recorder) {
	s := NewScheduler()
	return s, &recorder{s: s}
}

func TestSchedulerOrdering(t *testing.T) {
	tests := []struct {
		name string
		at   []Time // action i is scheduled at at[i] with arg i
		want []string
	}{
		{"empty", nil, nil},
		{"sorted", []Time{1, 2, 3}, []string{"0@1", "1@2", "2@3"}},
		{"reversed", []Time{3, 2, 1}, []string{"2@1", "1@2", "0@3"}},
		{"fifo at equal times", []Time{5, 5, 5, 5}, []string{"0@5", "1@5", "2@5", "3@5"}},
		{"mixed ties", []Time{2, 1, 2, 1, 0}, []string{"4@0", "1@1", "3@1", "0@2", "2@2"}},
		{"at zero", []Time{0, 0}, []string{"0@0", "1@0"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, r := newRec()
			for i, at := range tc.at {
				s.Schedule(at, r, uint64(i))
			}
			if n := s.Run(); n != len(tc.at) {
				t.Errorf("Run() = %d, want %d", n, len(tc.at))
			}
			if !reflect.DeepEqual(r.log, tc.want) {
				t.Errorf("order = %v, want %v", r.log, tc.want)
			}
			if s.Executed() != uint64(len(tc.at)) || s.Pending() != 0 {
				t.Errorf("Executed=%d Pending=%d", s.Executed(), s.Pending())
			}
		})
	}
}

func TestSchedulerCancel(t *testing.T) {
	s, r := newRec()
	a := s.Schedule(10, r, 1)
	b := s.Schedule(20, r, 2)
	c := s.Schedule(20, r, 3)
	tests := []struct {
		name string
		tok  Token
		want bool
	}{
		{"zero token", 0, false},
		{"unknown slot", Token(1<<32 | 999), false},
		{"wrong generation", Token(uint64(b) + 1<<32), false},
		{"pending", b, true},
		{"already cancelled", b, false},
	}
	for _, tc := range tests {
		if got := s.Cancel(tc.tok); got != tc.want {
			t.Errorf("%s: Cancel = %v, want %v", tc.name, got, tc.want)
		}
	}
	if !s.Step() {
		t.Fatal("Step() = false with actions pending")
	}
	if s.Cancel(a) {
		t.Error("Cancel after the action ran = true")
	}
	// a's slot is reused by d: a's stale token must not cancel d.
	d := s.Schedule(30, r, 4)
	if s.Cancel(a) {
		t.Error("stale token cancelled the action reusing its slot")
	}
	s.Run()
	if want := []string{"1@10", "3@20", "4@30"}; !reflect.DeepEqual(r.log, want) {
		t.Errorf("log = %v, want %v", r.log, want)
	}
	if s.Cancel(c) || s.Cancel(d) {
		t.Error("Cancel after Run = true")
	}
}

// selfCanceller tries to cancel its own token while running.
type selfCanceller struct {
	s   *Scheduler
	tok Token
	got bool
}

func (c *selfCanceller) Fire(uint64) { c.got = c.s.Cancel(c.tok) }

func TestCancelWhileRunning(t *testing.T) {
	s := NewScheduler()
	c := &selfCanceller{s: s}
	c.tok = s.Schedule(1, c, 0)
	s.Run()
	if c.got {
		t.Error("an action could cancel itself while running")
	}
}

func TestCancelFromHandler(t *testing.T) {
	s, r := newRec()
	var victim Token
	s.ScheduleFunc(5, func() {
		if !s.Cancel(victim) {
			t.Error("Cancel of a later action at the same time = false")
		}
	})
	victim = s.Schedule(5, r, 2)
	s.Schedule(5, r, 3)
	s.Run()
	if want := []string{"3@5"}; !reflect.DeepEqual(r.log, want) {
		t.Errorf("log = %v, want %v", r.log, want)
	}
}

func TestRunUntil(t *testing.T) {
	s, r := newRec()
	s.Schedule(10, r, 1)
	s.Schedule(20, r, 2)
	s.Schedule(30, r, 3)
	// an action at 20 schedules two more at 20: both run in the same RunUntil
	s.ScheduleFunc(20, func() {
		s.Schedule(20, r, 4)
		s.ScheduleFunc(20, func() { s.Schedule(20, r, 5) })
		s.Schedule(21, r, 6)
	})
	steps := []struct {
		until   Time
		ran     int
		now     Time
		pending int
	}{
		{5, 0, 5, 4},
		{10, 1, 10, 3},
		{9, 0, 10, 3}, // in the past: no-op, clock unchanged
		{20, 5, 20, 2},
		{20, 0, 20, 2},
		{25, 1, 25, 1},
		{100, 1, 100, 0},
		{Never, 0, Never, 0},
	}
	for _, st := range steps {
		if got := s.RunUntil(st.until); got != st.ran {
			t.Errorf("RunUntil(%d) ran %d, want %d", st.until, got, st.ran)
		}
		if s.Now() != st.now || s.Pending() != st.pending {
			t.Errorf("after RunUntil(%d): now=%d pending=%d, want %d %d", st.until, s.Now(), s.Pending(), st.now, st.pending)
		}
	}
	want := []string{"1@10", "2@20", "4@20", "5@20", "6@21", "3@30"}
	if !reflect.DeepEqual(r.log, want) {
		t.Errorf("log = %v, want %v", r.log, want)
	}
}

func TestStepAndNextTime(t *testing.T) {
	s, r := newRec()
	if s.Step() {
		t.Error("Step on empty scheduler = true")
	}
	if at, ok := s.NextTime(); ok || at != Never {
		t.Errorf("NextTime empty = %v %v", at, ok)
	}
	s.Schedule(7, r, 1)
	s.After(3*time.Nanosecond, r, 2)
	if at, ok := s.NextTime(); !ok || at != 3 {
		t.Errorf("NextTime = %v %v, want 3 true", at, ok)
	}
	if !s.Step() || s.Now() != 3 || s.Executed() != 1 {
		t.Errorf("after Step: now=%d executed=%d", s.Now(), s.Executed())
	}
	s.After(0, r, 3) // at Now: runs next, before 7
	s.Step()
	s.Step()
	if want := []string{"2@3", "3@3", "1@7"}; !reflect.DeepEqual(r.log, want) {
		t.Errorf("log = %v, want %v", r.log, want)
	}
}

func TestSchedulePanics(t *testing.T) {
	s, r := newRec()
	s.RunUntil(100)
	tests := []struct {
		name string
		f    func()
		msg  string
	}{
		{"past", func() { s.Schedule(99, r, 0) }, "before now"},
		{"negative after", func() { s.After(-1, r, 0) }, "negative delay"},
		{"nil handler", func() { s.Schedule(100, nil, 0) }, "nil handler"},
		{"nil func", func() { s.ScheduleFunc(100, nil) }, "nil func"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				v := recover()
				if v == nil || !strings.Contains(fmt.Sprint(v), tc.msg) {
					t.Errorf("panic = %v, want one containing %q", v, tc.msg)
				}
			}()
			tc.f()
		})
	}
	if s.Pending() != 0 {
		t.Errorf("a panicking Schedule left %d actions pending", s.Pending())
	}
}

func TestAfterSaturates(t *testing.T) {
	s, r := newRec()
	s.RunUntil(Never - 5)
	s.After(time.Hour, r, 1)
	if at, _ := s.NextTime(); at != Never {
		t.Errorf("After beyond Never scheduled at %d, want Never", at)
	}
}

// chain reschedules itself with a fixed delay: the steady-state workload.
type chain struct {
	s *Scheduler
	d time.Duration
}

func (c *chain) Fire(arg uint64) { c.s.After(c.d+time.Duration(arg%7), c, arg+1) }

func TestSteadyStateAllocs(t *testing.T) {
	s := NewScheduler()
	c := &chain{s: s, d: time.Millisecond}
	for i := range 1000 {
		s.Schedule(Time(i), c, uint64(i))
	}
	for range 5000 { // warm up: grow heap, slab and free list
		s.Step()
	}
	if n := testing.AllocsPerRun(10000, func() { s.Step() }); n != 0 {
		t.Errorf("Schedule+Step allocates %v times per op, want 0", n)
	}
	toks := make([]Token, 1000)
	for i := range toks {
		toks[i] = s.After(time.Second, c, 0)
	}
	i := 0
	n := testing.AllocsPerRun(10000, func() {
		s.Cancel(toks[i%len(toks)])
		toks[i%len(toks)] = s.After(time.Second, c, 0)
		i++
	})
	if n != 0 {
		t.Errorf("Schedule+Cancel allocates %v times per op, want 0", n)
	}
}
