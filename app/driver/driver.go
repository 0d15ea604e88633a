// Package driver owns the one goroutine that drives a run (DESIGN.md §4 rule 4). The engine is
// single-threaded: every call into it happens on that goroutine; the GUI sends commands through
// a channel and receives snapshots (copies) through a callback, which the GUI wraps in fyne.Do.
//
// A run goes as fast as the machine allows (Speed 0) or paced to the wall clock times a speed
// factor; it can be paused, stepped one scheduled action at a time and stopped. The engine
// itself stays clock-free: the driver advances it in slices with RunUntil(now + slice).
package driver

import (
	"sync"
	"time"
)

// Engine is what the driver needs of a run; *world.World satisfies it through a small adapter.
type Engine[S any] interface {
	Now() time.Duration     // simulated time
	Horizon() time.Duration // where the run ends
	Done() bool             // nothing left to run before the horizon
	Step() bool             // run one scheduled action
	RunUntil(t time.Duration)
	Snapshot() S // a copy the GUI may keep
}

// State of a run.
type State int

const (
	Paused State = iota
	Running
	Finished
	Stopped
)

func (s State) String() string {
	return [...]string{"paused", "running", "finished", "stopped"}[s]
}

// Update is what the GUI receives: the state, and a snapshot taken after the last advance.
type Update[S any] struct {
	State    State
	Sim      time.Duration
	Horizon  time.Duration
	Snapshot S
}

type command struct {
	kind  int
	speed float64
	fn    func()
}

const (
	cmdRun = iota
	cmdPause
	cmdStep
	cmdStop
	cmdSpeed
	cmdExec
)

// Driver runs one engine on its own goroutine.
type Driver[S any] struct {
	eng      Engine[S]
	publish  func(Update[S])
	cmds     chan command
	done     chan struct{}
	every    time.Duration // minimum wall time between two published updates
	tick     time.Duration // wall time slice of the paced loop
	maxSlice time.Duration // simulated slice of the fast loop
	stopOnce sync.Once
}

// New starts the driver goroutine, paused. publish is called from that goroutine with every
// update (at most one per `every` while running, and always after a state change or a step).
func New[S any](eng Engine[S], publish func(Update[S])) *Driver[S] {
	d := &Driver[S]{eng: eng, publish: publish, cmds: make(chan command, 16), done: make(chan struct{}),
		every: 100 * time.Millisecond, tick: 20 * time.Millisecond}
	d.maxSlice = eng.Horizon() / 1000
	if d.maxSlice <= 0 {
		d.maxSlice = time.Millisecond
	}
	go d.loop()
	return d
}

// Run starts or resumes the run. Speed 0 is as fast as possible; otherwise simulated seconds
// per wall second (1, 10, 100, 1000…).
func (d *Driver[S]) Run() { d.send(command{kind: cmdRun}) }

// Pause pauses the run.
func (d *Driver[S]) Pause() { d.send(command{kind: cmdPause}) }

// Step pauses and runs one scheduled action.
func (d *Driver[S]) Step() { d.send(command{kind: cmdStep}) }

// SetSpeed changes the pace, also while running.
func (d *Driver[S]) SetSpeed(x float64) { d.send(command{kind: cmdSpeed, speed: x}) }

// Exec runs f on the run goroutine between two advances (the engine is single-threaded: this
// is the only way to call into it from elsewhere), then publishes an update.
func (d *Driver[S]) Exec(f func()) { d.send(command{kind: cmdExec, fn: f}) }

// Stop ends the run and the goroutine; it waits for the goroutine to finish.
func (d *Driver[S]) Stop() {
	d.stopOnce.Do(func() { d.cmds <- command{kind: cmdStop} })
	<-d.done
}

// Wait blocks until the run has finished or been stopped.
func (d *Driver[S]) Wait() { <-d.done }

func (d *Driver[S]) send(c command) {
	select {
	case <-d.done:
	case d.cmds <- c:
	}
}
