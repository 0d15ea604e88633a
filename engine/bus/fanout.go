package bus

import (
	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
)

// fanoutTracker follows each routed event until every one of its deliveries (one per matched
// rule's target) reaches a final state: the fan-out completion of DESIGN.md §3. Events live in
// a slab; a delivery's Message.Ref is the slot index and its generation, so a late duplicate
// never touches a reused slot.
type fanoutTracker struct {
	slots []fanSlot
	free  []int32

	events, complete, allOK uint64 // events with at least one delivery
	took                    *Hist  // receipt to the last final state
}

type fanSlot struct {
	ref       obs.EventRef
	received  sim.Time
	pending   int32 // deliveries not final yet, plus one while routing
	targets   int32
	succeeded int32
	gen       uint32
}

func newFanoutTracker() *fanoutTracker { return &fanoutTracker{took: NewHist()} }

// open starts tracking an event received at now; the returned Ref goes into its Messages.
// The slot holds a guard count until close, so deliveries that end inside Deliver cannot
// complete the event early.
func (f *fanoutTracker) open(ref obs.EventRef, now sim.Time) uint64 {
	var i int32
	if n := len(f.free); n > 0 {
		i, f.free = f.free[n-1], f.free[:n-1]
	} else {
		f.slots = append(f.slots, fanSlot{})
		i = int32(len(f.slots) - 1)
	}
	s := &f.slots[i]
	gen := s.gen + 1
	*s = fanSlot{ref: ref, received: now, pending: 1, gen: gen}
	return uint64(i) | uint64(gen)<<32
}

// add counts one more delivery of the event.
func (f *fanoutTracker) add(msgRef uint64) {
	s := &f.slots[int32(msgRef&(1<<32-1))]
	s.pending++
	s.targets++
}

// slot returns the live slot msgRef names, or nil when it was released.
func (f *fanoutTracker) slot(msgRef uint64) *fanSlot {
	i := int(msgRef & (1<<32 - 1))
	if i >= len(f.slots) || f.slots[i].gen != uint32(msgRef>>32) || f.slots[i].pending == 0 {
		return nil
	}
	return &f.slots[i]
}

// eventRef returns the obs reference of the event msgRef names (0 when released).
func (f *fanoutTracker) eventRef(msgRef uint64) obs.EventRef {
	if s := f.slot(msgRef); s != nil {
		return s.ref
	}
	return 0
}

// settle counts a final state; close drops the routing guard. Each returns the completion
// record when the event's fan-out is complete.
func (f *fanoutTracker) settle(msgRef uint64, st delivery.Final, now sim.Time) (obs.FanoutComplete, bool) {
	s := f.slot(msgRef)
	if s == nil {
		return obs.FanoutComplete{}, false
	}
	if st == delivery.Delivered {
		s.succeeded++
	}
	return f.done(msgRef, now)
}

func (f *fanoutTracker) close(msgRef uint64, now sim.Time) (obs.FanoutComplete, bool) {
	return f.done(msgRef, now)
}

func (f *fanoutTracker) done(msgRef uint64, now sim.Time) (obs.FanoutComplete, bool) {
	i := int32(msgRef & (1<<32 - 1))
	s := &f.slots[i]
	if s.pending--; s.pending > 0 {
		return obs.FanoutComplete{}, false
	}
	rec := obs.FanoutComplete{Event: s.ref, Received: s.received, At: now, Targets: s.targets, Succeeded: s.succeeded}
	if s.targets > 0 {
		f.events++
		f.complete++
		f.took.Add(now.Sub(s.received))
		if s.succeeded == s.targets {
			f.allOK++
		}
	}
	f.free = append(f.free, i)
	return rec, true
}

// inFlight returns the events whose fan-out is not complete yet.
func (f *fanoutTracker) inFlight() uint64 { return uint64(len(f.slots) - len(f.free)) }

// pendingDeliveries sums the deliveries not final yet over the open events.
func (f *fanoutTracker) pendingDeliveries() uint64 {
	var n uint64
	for i := range f.slots {
		if f.slots[i].pending > 0 {
			n += uint64(f.slots[i].pending)
		}
	}
	return n
}

// FanoutStats is the fan-out completion summary.
type FanoutStats struct {
	Events       uint64 // routed events that matched at least one target
	Complete     uint64 // of which every delivery reached a final state
	AllSucceeded uint64 // of which every delivery was delivered
	InFlight     uint64 // Events − Complete
	Took         LatencyStats
}

func (f *fanoutTracker) stats() FanoutStats {
	open := f.inFlight()
	return FanoutStats{Events: f.events + open, Complete: f.complete, AllSucceeded: f.allOK,
		InFlight: open, Took: Latency(f.took)}
}
