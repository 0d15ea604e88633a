package fc

import "github.com/fanout/fanout/engine/sim"

// State is an instance's life-cycle state.
type State uint8

// Instance states: an on-demand instance goes Starting → Busy ⇄ Idle → Reclaimed; a
// provisioned one is created Idle and alternates Busy ⇄ Idle for the whole run.
const (
	StateNone      State = iota // before creation (From of the first event)
	StateStarting               // cold start: platform start plus handler init
	StateBusy                   // serving at least one request
	StateIdle                   // ready, serving nothing
	StateReclaimed              // released after the keep-alive
)

var stateNames = [...]string{"none", "starting", "busy", "idle", "reclaimed"}

func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return "state?"
}

// InstanceEvent is one instance life-cycle transition, for observers.
type InstanceEvent struct {
	Time        sim.Time
	Service     string
	Function    string
	Instance    uint64 // 1-based, per function, in creation order
	From, To    State
	Provisioned bool
	Active      int // requests in service after the transition
}

// Observer receives instance life-cycle events as they happen (obs and the GUI record them).
// It must not call back into the Function.
type Observer interface {
	InstanceChanged(e InstanceEvent)
}

// instance is one slot of the pool's instance slab.
type instance struct {
	id          uint64
	gen         uint32
	state       State
	provisioned bool
	inList      bool
	timer       bool // a reclaim check is scheduled
	active      int
	idleSince   sim.Time
	prev, next  int32 // links of the available list (-1: none)
}

// The available list holds ready instances with spare concurrency, most recently used first.
// It is intrusive (links in the slab), so moves and removals are O(1) and allocation-free.

// pushFront puts instance i at the head of the available list.
func (f *Function) pushFront(i int32) {
	in := &f.insts[i]
	in.prev, in.next, in.inList = -1, f.head, true
	if f.head >= 0 {
		f.insts[f.head].prev = i
	} else {
		f.tail = i
	}
	f.head = i
	f.nAvail++
}

// unlink removes instance i from the available list.
func (f *Function) unlink(i int32) {
	in := &f.insts[i]
	if !in.inList {
		return
	}
	if in.prev >= 0 {
		f.insts[in.prev].next = in.next
	} else {
		f.head = in.next
	}
	if in.next >= 0 {
		f.insts[in.next].prev = in.prev
	} else {
		f.tail = in.prev
	}
	in.prev, in.next, in.inList = -1, -1, false
	f.nAvail--
}

// pick chooses an available instance by the selection policy; -1 if none.
func (f *Function) pick() int32 {
	if f.nAvail == 0 {
		return -1
	}
	switch f.selection {
	case SelectOldest:
		return f.tail
	case SelectRandom:
		i := f.head
		for k := f.rSel.IntN(f.nAvail); k > 0; k-- {
			i = f.insts[i].next
		}
		return i
	}
	return f.head
}

// newInstance takes a slot from the slab for a new instance in state st.
func (f *Function) newInstance(st State, provisioned bool) int32 {
	var i int32
	if n := len(f.freeInst); n > 0 {
		i = f.freeInst[n-1]
		f.freeInst = f.freeInst[:n-1]
	} else {
		f.insts = append(f.insts, instance{})
		i = int32(len(f.insts) - 1)
	}
	f.nextID++
	in := &f.insts[i]
	*in = instance{id: f.nextID, gen: in.gen + 1, provisioned: provisioned, prev: -1, next: -1}
	f.setState(i, st)
	return i
}

// setState moves instance i to st, keeping the time-weighted counts and telling the observer.
func (f *Function) setState(i int32, st State) {
	in := &f.insts[i]
	from := in.state
	if from == st {
		return
	}
	f.stats.move(f.sched.Now(), from, st, in.provisioned)
	in.state = st
	if f.obs != nil {
		f.obs.InstanceChanged(InstanceEvent{Time: f.sched.Now(), Service: f.Service, Function: f.Name,
			Instance: in.id, From: from, To: st, Provisioned: in.provisioned, Active: in.active})
	}
}

// reclaim releases idle on-demand instance i.
func (f *Function) reclaim(i int32) {
	f.unlink(i)
	f.setState(i, StateReclaimed)
	f.insts[i].gen++
	f.freeInst = append(f.freeInst, i)
	f.touchImage()
}
