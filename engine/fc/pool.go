package fc

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
)

// ErrThrottled is returned by Invoke when no instance has spare concurrency and the function is
// at max_instances. The request is not billed; the caller retries (the routing layer does).
var ErrThrottled = errors.New("throttled: function at max_instances")

// Env is what a function needs from the run.
type Env struct {
	Sched    *sim.Scheduler // required
	Streams  *sim.Streams   // required; streams are named "fc/<service>/<function>/<use>"
	Prices   *Prices        // nil: no money amounts
	Model    Model          // billing model; "" is gb_second
	Observer Observer       // optional instance life-cycle observer
}

// Request is one invocation request.
type Request struct {
	Tag   uint64         // caller data, returned in the Invocation
	Event []byte         // the CloudEvent as structured JSON; decoded only for expr rules
	Env   map[string]any // the decoded event; used instead of Event when not nil
}

// Callback receives the result of an accepted invocation when it completes.
type Callback interface {
	InvocationDone(inv Invocation)
}

// Function is one function and its instance pool on a scheduler. Not safe for concurrent use.
type Function struct {
	Service, Name string

	spec      FunctionSpec // defaults applied
	sched     *sim.Scheduler
	vcpu      float64
	selection string
	keepAlive time.Duration
	rules     rules
	variab    sim.Dist // nil: no variability
	varMean   float64
	cold      coldModel
	biller    Biller
	obs       Observer

	rDur, rFail, rCold, rSel *rand.Rand

	insts      []instance
	freeInst   []int32
	head, tail int32
	nAvail     int
	nextID     uint64
	calls      []call
	freeCall   []int32

	imageCached bool
	imageUntil  sim.Time
	stats       stats
}

// NewFunction validates spec and builds the function of service on env's scheduler, with its
// provisioned instances already warm.
func NewFunction(service string, spec FunctionSpec, env Env) (*Function, error) {
	if err := spec.Validate(); err != nil {
		return nil, fmt.Errorf("function %s/%s: %w", service, spec.Name, err)
	}
	if env.Sched == nil || env.Streams == nil {
		return nil, fmt.Errorf("function %s/%s: env needs a scheduler and streams", service, spec.Name)
	}
	model, err := ParseModel(string(env.Model))
	if err != nil {
		return nil, err
	}
	spec = spec.WithDefaults()
	f := &Function{Service: service, Name: spec.Name, spec: spec, sched: env.Sched,
		selection: spec.InstanceSelection, keepAlive: spec.KeepAlive.D(),
		biller: Biller{Prices: env.Prices, Model: model}, obs: env.Observer, head: -1, tail: -1}
	f.vcpu = spec.VCPU
	if f.vcpu == 0 {
		f.vcpu = DefaultVCPU(int64(spec.Memory))
	}
	// Validate compiled these already; errors are impossible here.
	f.rules, _ = compileRules(spec.Handler)
	f.variab, _ = buildVariability(spec.Handler.Variability)
	if f.variab != nil {
		f.varMean = f.variab.Mean()
	}
	f.cold, _ = newColdModel(spec)
	prefix := "fc/" + service + "/" + spec.Name + "/"
	f.rDur = env.Streams.Stream(prefix + "duration")
	f.rFail = env.Streams.Stream(prefix + "failure")
	f.rCold = env.Streams.Stream(prefix + "coldstart")
	f.rSel = env.Streams.Stream(prefix + "select")
	now := env.Sched.Now()
	f.stats.start, f.stats.last = now, now
	for range spec.Provisioned {
		f.pushFront(f.newInstance(StateIdle, true))
	}
	if spec.Provisioned > 0 {
		f.touchImage()
	}
	return f, nil
}

// NewService builds every function of a service; see NewFunction.
func NewService(s ServiceSpec, env Env) ([]*Function, error) {
	if err := s.Validate(); err != nil {
		return nil, fmt.Errorf("service %s: %w", s.Name, err)
	}
	fns := make([]*Function, 0, len(s.Functions))
	for _, spec := range s.Functions {
		f, err := NewFunction(s.Name, spec, env)
		if err != nil {
			return nil, err
		}
		fns = append(fns, f)
	}
	return fns, nil
}

// Spec returns the function's spec with defaults applied.
func (f *Function) Spec() FunctionSpec { return f.spec }

// VCPU returns the function's vCPU (explicit or proportional to memory).
func (f *Function) VCPU() float64 { return f.vcpu }

// Memory returns the function's memory size.
func (f *Function) Memory() field.Bytes { return f.spec.Memory }

// Instances returns the number of live instances (starting, busy or idle).
func (f *Function) Instances() int { return f.stats.alive }

// touchImage extends the host image cache from now (custom-container only).
func (f *Function) touchImage() {
	if f.cold.image == nil {
		return
	}
	f.imageCached = true
	f.imageUntil = f.sched.Now().Add(f.cold.image.CachedTTL.D())
}

// imageIsCached reports whether a cold start now finds the image on the host.
func (f *Function) imageIsCached() bool {
	return f.imageCached && f.sched.Now() <= f.imageUntil
}

// InstanceCounts returns the current number of instances by state.
func (f *Function) InstanceCounts() (starting, busy, idle int) {
	c := f.stats.count
	return c[StateStarting], c[StateBusy], c[StateIdle]
}
