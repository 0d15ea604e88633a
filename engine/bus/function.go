package bus

import (
	"errors"

	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/sim"
)

// Function is a Function Compute function as the routing layer sees it: the fc instance pool,
// the delivery Invokers that targets and queue consumers call it through, and the latency and
// error statistics of every invocation made through them.
type Function struct {
	fn        *fc.Function
	sched     *sim.Scheduler
	needEvent bool // the handler has expr rules over the event
	dedup     *delivery.DedupStore
	e2e, exec *Hist
	errs      [5]uint64 // completed invocations by fc.Outcome
	// hook, when set, is told of every completed invocation (the obs records).
	hook func(inv *fc.Invocation, c *Call)
	envs *EventEnvs // decoded events for the handler's rules; nil: decode each time
}

// Call is what an Invoker remembers of one invocation in progress: the delivery's identity.
type Call struct {
	tag     uint64
	done    delivery.Completer
	Ref     uint64   // the delivery message's Ref
	Created sim.Time // when the delivery began
	Attempt int
	Rule    string
	Target  string
	// Routed is true for a rule target's invocation (Ref is then the routing layer's), false
	// for a queue consumer's.
	Routed bool
}

// NewFunction wraps an fc function built on sched. envs, shared by the run, caches decoded
// events for the handler's expr rules (nil: a private cache).
func NewFunction(fn *fc.Function, sched *sim.Scheduler, envs *EventEnvs) *Function {
	h := fn.Spec().Handler
	if envs == nil {
		envs = &EventEnvs{}
	}
	return &Function{fn: fn, sched: sched, needEvent: h.Failure != "" || h.DurationExtra != "",
		e2e: NewHist(), exec: NewHist(), envs: envs}
}

// FC returns the underlying fc function.
func (f *Function) FC() *fc.Function { return f.fn }

// Key returns "service/function".
func (f *Function) Key() string { return f.fn.Service + "/" + f.fn.Name }

// Dedup returns the function's dedup store keyed on the CloudEvents id, created on first use:
// every dedup target of the function shares it.
func (f *Function) Dedup() *delivery.DedupStore {
	if f.dedup == nil {
		f.dedup = delivery.NewDedupStore(0)
	}
	return f.dedup
}

// Invoker returns a new delivery.Invoker that invokes the function; give each delivery
// Target its own.
func (f *Function) Invoker() delivery.Invoker { return &fnInvoker{f: f} }

// SetHook sets a function told of every completed invocation made through its Invokers (the
// observability records); nil removes it. The Call is valid during the call only.
func (f *Function) SetHook(h func(inv *fc.Invocation, c *Call)) { f.hook = h }

// targetInvoker is Invoker for a rule's target.
func (f *Function) targetInvoker() delivery.Invoker { return &fnInvoker{f: f, routed: true} }

// fnInvoker adapts fc.Function.Invoke to delivery.Invoker: an accepted invocation is Pending
// and completes when the execution ends; a throttled one is Throttled (not billed, retried
// with the throttle backoff by the Target).
type fnInvoker struct {
	f      *Function
	routed bool
	calls  []Call
	free   []int32
}

func (a *fnInvoker) Invoke(tag uint64, msg *delivery.Message, done delivery.Completer) delivery.Result {
	var i int32
	if n := len(a.free); n > 0 {
		i, a.free = a.free[n-1], a.free[:n-1]
	} else {
		a.calls = append(a.calls, Call{})
		i = int32(len(a.calls) - 1)
	}
	a.calls[i] = Call{tag: tag, done: done, Ref: msg.Ref, Created: msg.Created, Attempt: msg.Attempt,
		Rule: msg.Rule, Target: msg.Target, Routed: a.routed}
	req := fc.Request{Tag: uint64(i)}
	if a.f.needEvent && msg.Event != nil { // the handler's rules read the original event
		if env, ok := a.f.envs.Env(msg.Event); ok {
			req.Env = env
		} else {
			req.Event = msg.Event.JSON() // fc counts the decoding error
		}
	}
	if err := a.f.fn.Invoke(req, a); err != nil {
		a.calls[i] = Call{}
		a.free = append(a.free, i)
		if errors.Is(err, fc.ErrThrottled) {
			return delivery.Result{Status: delivery.Throttled}
		}
		return delivery.Result{Status: delivery.Rejected, Err: err.Error()}
	}
	return delivery.Result{Status: delivery.Pending}
}

// InvocationDone completes the attempt of a finished invocation.
func (a *fnInvoker) InvocationDone(inv fc.Invocation) {
	c := a.calls[inv.Tag]
	a.calls[inv.Tag] = Call{}
	a.free = append(a.free, int32(inv.Tag))
	f := a.f
	f.e2e.Add(inv.End.Sub(c.Created))
	f.exec.Add(inv.Exec())
	if int(inv.Outcome) < len(f.errs) {
		f.errs[inv.Outcome]++
	}
	if f.hook != nil {
		f.hook(&inv, &c)
	}
	r := delivery.Result{Status: delivery.OK}
	if inv.Outcome != fc.OK {
		r = delivery.Result{Status: delivery.Failed, Err: inv.Outcome.String()}
	}
	c.done.Complete(c.tag, r)
}

// FunctionStats is the routing layer's view of a function's invocations.
type FunctionStats struct {
	// Errors counts completed invocations that failed, by kind: handler, oom, timeout.
	Errors map[string]uint64
	// E2E is from the start of the delivery (the first attempt, before retries and throttle
	// waits) to the end of execution; Exec is the execution alone. In seconds.
	E2E, Exec LatencyStats
}

// LatencyStats are percentiles of a duration in seconds.
type LatencyStats struct {
	P50, P90, P99, Mean, Max float64
}

// Latency summarises h.
func Latency(h *Hist) LatencyStats {
	return LatencyStats{P50: h.Quantile(0.5), P90: h.Quantile(0.9), P99: h.Quantile(0.99), Mean: h.Mean(), Max: h.Max()}
}

// Stats returns the function's routing-side statistics.
func (f *Function) Stats() FunctionStats {
	errs := map[string]uint64{}
	for o := fc.ErrorHandler; o <= fc.ErrorTimeout; o++ {
		errs[o.String()] = f.errs[o]
	}
	return FunctionStats{Errors: errs, E2E: Latency(f.e2e), Exec: Latency(f.exec)}
}

// DedupAbsorbed returns how many deliveries the function's dedup store absorbed.
func (f *Function) DedupAbsorbed() uint64 {
	if f.dedup == nil {
		return 0
	}
	return f.dedup.Absorbed()
}
