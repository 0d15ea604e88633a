package delivery

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// Endpoint is a simulated target that is not a function: an HTTP endpoint, a Log Service
// store, a notification channel — or a stand-in function for tests. Each attempt takes a
// latency drawn from Latency and fails with probability ErrorRate; both are drawn from the
// endpoint's own stream when the attempt starts. It completes through the scheduler, never
// inside Invoke.
type Endpoint struct {
	sched   *sim.Scheduler
	latency sim.Dist // in units of unit
	unit    time.Duration
	errRate float64
	err     string
	rng     *rand.Rand
	calls   []call
	free    []int32
}

type call struct {
	tag  uint64
	done Completer
	fail bool
}

// NewEndpoint returns an endpoint whose attempts take latency × unit (e.g. a distribution in
// milliseconds with unit time.Millisecond, as EndpointSpec writes it; negative samples count
// as 0) and fail with probability errRate (0–1), with error text err ("error" when empty).
func NewEndpoint(s *sim.Scheduler, latency sim.Dist, unit time.Duration, errRate float64, err string, r *rand.Rand) (*Endpoint, error) {
	switch {
	case s == nil || latency == nil || r == nil:
		return nil, errors.New("endpoint: scheduler, latency and rand are required")
	case unit <= 0:
		return nil, fmt.Errorf("endpoint: latency unit must be positive, got %v", unit)
	case !(errRate >= 0 && errRate <= 1):
		return nil, fmt.Errorf("endpoint: error rate must be between 0 and 1, got %v", errRate)
	}
	if err == "" {
		err = "error"
	}
	return &Endpoint{sched: s, latency: latency, unit: unit, errRate: errRate, err: err, rng: r}, nil
}

// Invoke starts an attempt; it always returns Pending.
func (e *Endpoint) Invoke(tag uint64, _ *Message, done Completer) Result {
	d := time.Duration(max(e.latency.Sample(e.rng), 0) * float64(e.unit))
	fail := e.errRate > 0 && e.rng.Float64() < e.errRate
	var i int32
	if n := len(e.free); n > 0 {
		i = e.free[n-1]
		e.free = e.free[:n-1]
	} else {
		e.calls = append(e.calls, call{})
		i = int32(len(e.calls) - 1)
	}
	e.calls[i] = call{tag: tag, done: done, fail: fail}
	e.sched.After(d, (*endpointHandler)(e), uint64(i))
	return Result{Status: Pending}
}

type endpointHandler Endpoint

// Fire completes call arg.
func (h *endpointHandler) Fire(arg uint64) {
	e := (*Endpoint)(h)
	c := e.calls[arg]
	e.calls[arg] = call{}
	e.free = append(e.free, int32(arg))
	r := Result{Status: OK}
	if c.fail {
		r = Result{Status: Failed, Err: e.err}
	}
	c.done.Complete(c.tag, r)
}
