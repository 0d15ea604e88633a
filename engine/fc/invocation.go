package fc

import (
	"time"

	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
)

// Outcome is how an invocation ended.
type Outcome uint8

// Outcomes. Throttled invocations are rejected by Invoke (ErrThrottled) and never complete;
// the value exists for records and Stats.Outcomes.
const (
	OK           Outcome = iota
	ErrorHandler         // the handler failed (failure_rate, or a failure rule)
	ErrorOOM             // the working set exceeded the memory
	ErrorTimeout         // killed at the timeout, billed to the timeout
	Throttled            // no instance available (not billed)
	numOutcomes
)

var outcomeNames = [...]string{"ok", "handler", "oom", "timeout", "throttled"}

func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return "outcome?"
}

// Invocation is the result of one completed invocation.
type Invocation struct {
	Service, Function string
	Tag               uint64        // Request.Tag
	Instance          uint64        // 1-based instance id, per function
	Cold              bool          // the request started a new instance
	Provisioned       bool          // served by a provisioned instance
	ColdStart         time.Duration // platform cold start (0 when warm)
	Init              time.Duration // handler initialisation (0 when warm)
	Invoked           sim.Time      // Invoke was called
	Start             sim.Time      // execution began (Invoked + ColdStart + Init)
	End               sim.Time      // execution ended (or was killed)
	Memory            field.Bytes
	VCPU              float64
	Outcome           Outcome
	Detail            string // the failure rule's text for handler errors from a rule
	Charge            Charge // billed duration (init + execution), GB-s, vCPU-s, CU, USD
}

// Exec returns the execution time (End − Start).
func (i Invocation) Exec() time.Duration { return i.End.Sub(i.Start) }

// Latency returns the time from Invoke to the end of execution.
func (i Invocation) Latency() time.Duration { return i.End.Sub(i.Invoked) }

// call is one in-flight invocation, a slot of the call slab.
type call struct {
	req       Request
	done      Callback
	inst      int32
	cold      bool
	invoked   sim.Time
	start     sim.Time
	coldStart time.Duration
	init      time.Duration
	exec      time.Duration
	outcome   Outcome
	detail    string
}

// newCall takes a call slot.
func (f *Function) newCall(req Request, done Callback, inst int32) int32 {
	var ci int32
	if n := len(f.freeCall); n > 0 {
		ci = f.freeCall[n-1]
		f.freeCall = f.freeCall[:n-1]
	} else {
		f.calls = append(f.calls, call{})
		ci = int32(len(f.calls) - 1)
	}
	f.calls[ci] = call{req: req, done: done, inst: inst, invoked: f.sched.Now()}
	f.stats.inflight++
	return ci
}

// freeCallSlot releases slot ci, dropping its references.
func (f *Function) freeCallSlot(ci int32) {
	f.calls[ci] = call{}
	f.freeCall = append(f.freeCall, ci)
	f.stats.inflight--
}
