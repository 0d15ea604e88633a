package sweep

import (
	"time"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
)

// recorder is the sink of one sweep run, one per world (nothing shared): it counts the swept
// function's completed invocations, for the invocation limit, and measures its cold starts
// from the instance life cycle (creation to the end of the starting state: platform start
// plus handler initialisation).
type recorder struct {
	obs.Discard
	service, function string
	invocations       int64
	created           []sim.Time // by instance id - 1: when the instance began starting
	started           int64      // instances that finished starting
	startTime         time.Duration
}

func (r *recorder) Invocation(i obs.Invocation) {
	if i.Function == r.function && i.Service == r.service {
		r.invocations++
	}
}

func (r *recorder) Instance(e obs.Instance) {
	if e.Function != r.function || e.Service != r.service || e.Instance == 0 {
		return
	}
	switch {
	case e.To == obs.InstanceStarting:
		for uint64(len(r.created)) < e.Instance {
			r.created = append(r.created, 0)
		}
		r.created[e.Instance-1] = e.At
	case e.From == obs.InstanceStarting && e.Instance <= uint64(len(r.created)):
		r.started++
		r.startTime += e.At.Sub(r.created[e.Instance-1])
	}
}
