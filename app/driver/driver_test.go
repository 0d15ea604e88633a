package driver

import (
	"hash/fnv"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// fakeEngine is a real sim.Scheduler running a self-rescheduling random process whose log is
// hashed: any difference in what ran, or in which order, changes the snapshot.
type fakeEngine struct {
	s       *sim.Scheduler
	r       *rand.Rand
	horizon sim.Time
	h       uint64
	fired   int
}

func newFake(seed uint64, horizon time.Duration) *fakeEngine {
	e := &fakeEngine{s: sim.NewScheduler(), r: sim.NewStreams(seed).Stream("fake"), horizon: sim.Time(horizon)}
	e.s.Schedule(0, e, 0)
	return e
}

func (e *fakeEngine) Fire(arg uint64) {
	e.fired++
	h := fnv.New64a()
	var b [16]byte
	for i := 0; i < 8; i++ {
		b[i] = byte(e.h >> (8 * i))
		b[8+i] = byte(uint64(e.s.Now()) >> (8 * i))
	}
	h.Write(b[:])
	e.h = h.Sum64()
	e.s.After(time.Duration(e.r.ExpFloat64()*float64(time.Second)), e, arg+1)
}

func (e *fakeEngine) Now() time.Duration     { return time.Duration(e.s.Now()) }
func (e *fakeEngine) Horizon() time.Duration { return time.Duration(e.horizon) }
func (e *fakeEngine) Done() bool {
	next, ok := e.s.NextTime()
	return e.s.Now() >= e.horizon || !ok || next > e.horizon
}
func (e *fakeEngine) Step() bool {
	if next, ok := e.s.NextTime(); !ok || next > e.horizon {
		return false
	}
	return e.s.Step()
}
func (e *fakeEngine) RunUntil(t time.Duration) {
	if sim.Time(t) > e.horizon {
		t = time.Duration(e.horizon)
	}
	e.s.RunUntil(sim.Time(t))
}
func (e *fakeEngine) Snapshot() [2]uint64 { return [2]uint64{e.h, uint64(e.fired)} }

func collect(d *Driver[[2]uint64], updates chan Update[[2]uint64]) Update[[2]uint64] {
	var last Update[[2]uint64]
	for u := range updates {
		last = u
		if u.State == Finished || u.State == Stopped {
			return last
		}
	}
	return last
}

func runWith(t *testing.T, speed float64) Update[[2]uint64] {
	t.Helper()
	updates := make(chan Update[[2]uint64], 1<<16)
	d := New[[2]uint64](newFake(7, time.Hour), func(u Update[[2]uint64]) { updates <- u })
	d.SetSpeed(speed)
	d.Run()
	last := collect(d, updates)
	d.Stop()
	return last
}

// The result of a run never depends on how the driver slices it: full speed and a paced run
// fast enough to finish quickly give identical engine states.
func TestSlicingDoesNotChangeTheRun(t *testing.T) {
	fast := runWith(t, 0)
	paced := runWith(t, 1e6) // an hour of simulated time in ~3.6 ms of wall time per tick
	if fast.State != Finished || paced.State != Finished {
		t.Fatalf("states: %v, %v", fast.State, paced.State)
	}
	if fast.Snapshot != paced.Snapshot {
		t.Errorf("fast %v != paced %v", fast.Snapshot, paced.Snapshot)
	}
	if fast.Sim != time.Hour {
		t.Errorf("finished at %v, want the horizon", fast.Sim)
	}
	ref := newFake(7, time.Hour)
	ref.RunUntil(time.Hour)
	if ref.Snapshot() != fast.Snapshot {
		t.Errorf("driver run %v differs from a direct run %v", fast.Snapshot, ref.Snapshot())
	}
}

func TestStepRunsExactlyOneAction(t *testing.T) {
	updates := make(chan Update[[2]uint64], 64)
	d := New[[2]uint64](newFake(3, time.Minute), func(u Update[[2]uint64]) { updates <- u })
	defer d.Stop()
	if u := <-updates; u.State != Paused || u.Snapshot[1] != 0 {
		t.Fatalf("initial update %+v, want paused with nothing run", u)
	}
	for i := 1; i <= 3; i++ {
		d.Step()
		u := <-updates
		if u.State != Paused || u.Snapshot[1] != uint64(i) {
			t.Fatalf("after step %d: %+v", i, u)
		}
	}
}

func TestPauseStopsAdvancing(t *testing.T) {
	updates := make(chan Update[[2]uint64], 1<<16)
	d := New[[2]uint64](newFake(5, 1000*time.Hour), func(u Update[[2]uint64]) { updates <- u })
	d.SetSpeed(1) // real time: an hour would take an hour
	d.Run()
	d.Pause()
	var paused Update[[2]uint64]
	sawRunning := false
	for u := range updates {
		sawRunning = sawRunning || u.State == Running
		if sawRunning && u.State == Paused {
			paused = u
			break
		}
	}
	d.Step()
	u := <-updates
	if u.Snapshot[1] != paused.Snapshot[1]+1 {
		t.Errorf("a step after pause ran %d actions, want 1", u.Snapshot[1]-paused.Snapshot[1])
	}
	d.Stop()
	if last := drain(updates); last.State != Stopped {
		t.Errorf("last state %v, want stopped", last.State)
	}
}

func drain(ch chan Update[[2]uint64]) Update[[2]uint64] {
	var last Update[[2]uint64]
	for {
		select {
		case u := <-ch:
			last = u
		default:
			return last
		}
	}
}

func TestExecRunsOnTheRunGoroutineAndPublishes(t *testing.T) {
	updates := make(chan Update[[2]uint64], 64)
	eng := newFake(3, time.Minute)
	d := New[[2]uint64](eng, func(u Update[[2]uint64]) { updates <- u })
	defer d.Stop()
	<-updates
	d.Exec(func() { eng.s.Step() }) // a call into the engine, as a replay would make
	u := <-updates
	if u.Snapshot[1] != 1 {
		t.Errorf("after Exec the update shows %d actions, want 1", u.Snapshot[1])
	}
}
