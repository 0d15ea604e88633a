package fc

import (
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// Scheduled action kinds, packed with a slab index (and a generation) into the sim arg.
const (
	kindReady   = 1 // a cold start finished: begin executing call idx
	kindDone    = 2 // call idx finished executing
	kindReclaim = 3 // keep-alive check of instance idx (generation gen)
)

func pack(kind int, idx int32, gen uint32) uint64 {
	return uint64(kind) | uint64(idx)<<2 | uint64(gen)<<32
}

// handler is the Function seen as a sim.Handler, so Fire is not part of Function's API.
type handler Function

// Fire dispatches a scheduled action.
func (h *handler) Fire(arg uint64) {
	f := (*Function)(h)
	idx := int32(arg >> 2 & (1<<30 - 1))
	switch int(arg & 3) {
	case kindReady:
		f.ready(idx)
	case kindDone:
		f.finish(idx)
	case kindReclaim:
		f.checkReclaim(idx, uint32(arg>>32))
	}
}

// Invoke starts an invocation at the scheduler's current time. The request takes an instance
// with spare concurrency chosen by the selection policy, else starts a new instance (a cold
// start) if the function is below max_instances, else Invoke returns ErrThrottled and done is
// never called. Otherwise done.InvocationDone is called once, when the execution ends.
func (f *Function) Invoke(req Request, done Callback) error {
	i := f.pick()
	if i >= 0 {
		f.assign(i)
		f.startExec(f.newCall(req, done, i))
		return nil
	}
	if f.stats.alive >= f.spec.MaxInstances {
		f.stats.throttles++
		return ErrThrottled
	}
	i = f.newInstance(StateStarting, false)
	f.insts[i].active = 1
	ci := f.newCall(req, done, i)
	c := &f.calls[ci]
	c.cold = true
	c.coldStart = f.cold.sample(f.rCold, f.imageIsCached())
	c.init = f.initTime()
	f.sched.After(c.coldStart+c.init, (*handler)(f), pack(kindReady, ci, 0))
	return nil
}

// initTime is the handler's initialisation: init work on one thread at min(vCPU, 1).
func (f *Function) initTime() time.Duration {
	return time.Duration(float64(f.spec.Handler.Init) / min(f.vcpu, 1))
}

// assign gives ready instance i one more request.
func (f *Function) assign(i int32) {
	in := &f.insts[i]
	in.active++
	f.unlink(i)
	if in.active < f.spec.Concurrency {
		f.pushFront(i)
	}
	f.setState(i, StateBusy)
}

// ready ends the cold start of call ci's instance and starts the execution.
func (f *Function) ready(ci int32) {
	i := f.calls[ci].inst
	f.setState(i, StateBusy)
	if f.spec.Concurrency > 1 {
		f.pushFront(i) // spare concurrency is available from now on
	}
	f.touchImage()
	f.startExec(ci)
}

// startExec plans call ci's execution and schedules its end.
func (f *Function) startExec(ci int32) {
	c := &f.calls[ci]
	c.start = f.sched.Now()
	c.exec, c.outcome, c.detail = f.plan(&c.req, f.insts[c.inst].active)
	f.sched.After(c.exec, (*handler)(f), pack(kindDone, ci, 0))
}

// finish completes call ci: bills it, releases its instance's slot and calls back.
func (f *Function) finish(ci int32) {
	c := &f.calls[ci]
	i := c.inst
	in := &f.insts[i]
	billed := c.exec
	if c.cold {
		billed += c.init
	}
	inv := Invocation{Service: f.Service, Function: f.Name, Tag: c.req.Tag, Instance: in.id,
		Cold: c.cold, Provisioned: in.provisioned, ColdStart: c.coldStart, Init: c.init,
		Invoked: c.invoked, Start: c.start, End: f.sched.Now(), Memory: f.spec.Memory,
		VCPU: f.vcpu, Outcome: c.outcome, Detail: c.detail,
		Charge: f.biller.Invocation(f.spec.Memory, f.vcpu, billed)}
	done := c.done
	f.freeCallSlot(ci)
	f.record(&inv)
	in.active--
	f.unlink(i)
	f.pushFront(i)
	if in.active == 0 {
		in.idleSince = f.sched.Now()
		f.setState(i, StateIdle)
		if !in.provisioned && !in.timer {
			in.timer = true
			f.sched.Schedule(in.idleSince.Add(f.keepAlive), (*handler)(f), pack(kindReclaim, i, in.gen))
		}
	}
	f.touchImage()
	if done != nil {
		done.InvocationDone(inv)
	}
}

// record adds a completed invocation to the counters.
func (f *Function) record(inv *Invocation) {
	s := &f.stats
	s.invocations++
	if inv.Cold {
		// Counted when the invocation ends, like every other per-invocation figure, so that
		// cold starts never exceed invocations and agree with the invocation records.
		s.coldStarts++
	}
	s.outcomes[inv.Outcome]++
	s.billed += inv.Charge.Billed
	s.sum.Billed += inv.Charge.Billed
	s.sum.GBs += inv.Charge.GBs
	s.sum.VCPUs += inv.Charge.VCPUs
	s.sum.CU += inv.Charge.CU
	s.sum.USD += inv.Charge.USD
}

// checkReclaim runs instance i's keep-alive check: reclaim it if it has been idle for the whole
// keep-alive, else check again when the current idle period would end.
func (f *Function) checkReclaim(i int32, gen uint32) {
	in := &f.insts[i]
	if in.gen != gen || in.state == StateReclaimed {
		return
	}
	in.timer = false
	if in.active > 0 {
		return // finish schedules a new check when it goes idle
	}
	due := in.idleSince.Add(f.keepAlive)
	if f.sched.Now() >= due {
		f.reclaim(i)
		return
	}
	in.timer = true
	f.sched.Schedule(due, (*handler)(f), pack(kindReclaim, i, in.gen))
}

var _ sim.Handler = (*handler)(nil)
