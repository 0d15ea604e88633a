package driver

import "time"

// loop is the driver goroutine: it applies commands and advances the engine.
func (d *Driver[S]) loop() {
	defer close(d.done)
	state, speed := Paused, 0.0
	var lastPub time.Time
	var anchorWall time.Time
	var anchorSim time.Duration
	d.emit(state)
	for {
		if state == Running {
			select {
			case c := <-d.cmds:
				state, speed = d.apply(c, state, speed)
				anchorWall, anchorSim = time.Now(), d.eng.Now()
				if state == Stopped {
					d.emit(state)
					return
				}
				if state != Running {
					d.emit(state)
				}
				continue
			default:
			}
			d.advance(speed, anchorWall, anchorSim)
			if d.eng.Done() {
				d.eng.RunUntil(d.eng.Horizon())
				d.emit(Finished)
				state = Finished
				continue
			}
			if time.Since(lastPub) >= d.every {
				d.emit(state)
				lastPub = time.Now()
			}
			continue
		}
		c := <-d.cmds
		prev := state
		state, speed = d.apply(c, state, speed)
		anchorWall, anchorSim = time.Now(), d.eng.Now()
		if state == Stopped {
			d.emit(state)
			return
		}
		if state != prev || c.kind == cmdStep || c.kind == cmdExec {
			d.emit(state)
		}
	}
}

// apply handles one command and returns the new state and speed.
func (d *Driver[S]) apply(c command, state State, speed float64) (State, float64) {
	switch c.kind {
	case cmdRun:
		if state != Finished {
			return Running, speed
		}
	case cmdPause:
		if state == Running {
			return Paused, speed
		}
	case cmdStep:
		if state == Finished {
			return state, speed
		}
		if !d.eng.Step() || d.eng.Done() {
			d.eng.RunUntil(d.eng.Horizon())
			return Finished, speed
		}
		return Paused, speed
	case cmdSpeed:
		return state, c.speed
	case cmdExec:
		c.fn()
		return state, speed
	case cmdStop:
		return Stopped, speed
	}
	return state, speed
}

// advance moves the engine forward: one slice at full speed, or up to the simulated time the
// wall clock allows at a paced speed (sleeping one tick when it is ahead).
func (d *Driver[S]) advance(speed float64, anchorWall time.Time, anchorSim time.Duration) {
	if speed <= 0 {
		d.eng.RunUntil(d.eng.Now() + d.maxSlice)
		return
	}
	target := anchorSim + time.Duration(float64(time.Since(anchorWall))*speed)
	if target > d.eng.Horizon() {
		target = d.eng.Horizon()
	}
	if target <= d.eng.Now() {
		time.Sleep(d.tick)
		return
	}
	d.eng.RunUntil(target)
}

func (d *Driver[S]) emit(state State) {
	d.publish(Update[S]{State: state, Sim: d.eng.Now(), Horizon: d.eng.Horizon(), Snapshot: d.eng.Snapshot()})
}
