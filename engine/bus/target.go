package bus

import (
	"fmt"
	"time"

	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/engine/transform"
)

// target is one target of a rule: its transformer and its delivery machinery.
type target struct {
	key      string // "rule/id"
	spec     TargetSpec
	rule     *rule
	tr       *transform.Transformer // nil: ORIGINAL (the event itself)
	d        *delivery.Target
	fn       *Function // function targets
	routed   uint64    // deliveries begun (Deliver calls) plus transform failures
	trErrors uint64    // events the transformer failed on (counted as discarded)
	latency  *Hist     // delivery begun → delivered
	net      *Network
}

// buildTarget builds the delivery of one target.
func (n *Network) buildTarget(cfg NetworkConfig, r *rule, ts TargetSpec) (*target, error) {
	t := &target{key: r.name + "/" + ts.ID, spec: ts, rule: r, latency: NewHist(), net: n}
	if ts.Transform != nil && ts.Transform.Form != "" && ts.Transform.Form != transform.FormOriginal {
		tr, err := transform.Compile(*ts.Transform)
		if err != nil {
			return nil, fmt.Errorf("transform: %w", err)
		}
		t.tr = tr
	}
	dc := delivery.TargetConfig{Rule: r.name, Name: ts.ID, Tolerance: ts.ErrorsTolerance,
		Rand:     cfg.Streams.Stream("delivery/" + r.bus.name + "/" + t.key),
		Observer: (*targetObserver)(t), Settler: (*targetSettler)(t)}
	pol, err := delivery.PolicyFor(ts.Retry)
	if err != nil {
		return nil, fmt.Errorf("retry: %w", err)
	}
	dc.Policy = pol
	if ts.DeadLetter != nil {
		if dc.DeadLetter, err = queueOf(cfg, ts.DeadLetter.Queue); err != nil {
			return nil, fmt.Errorf("dead_letter: %w", err)
		}
	}
	if dc.Invoker, err = n.invoker(cfg, t, &dc); err != nil {
		return nil, err
	}
	if dc.DeadLetter != nil {
		n.deadLetterQueue(dc.DeadLetter.Name())
	}
	if t.d, err = delivery.NewTarget(cfg.Sched, dc); err != nil {
		return nil, err
	}
	return t, nil
}

// queueOf looks a queue up by name.
func queueOf(cfg NetworkConfig, name string) (*delivery.Queue, error) {
	q, ok := cfg.Queues[name]
	if !ok {
		return nil, fmt.Errorf("queue %q does not exist", name)
	}
	return q, nil
}

// invoker returns the Invoker of t by its type and adjusts dc for function targets.
func (n *Network) invoker(cfg NetworkConfig, t *target, dc *delivery.TargetConfig) (delivery.Invoker, error) {
	ts := t.spec
	switch ts.Type {
	case TargetFunction:
		return n.functionInvoker(cfg, t, dc)
	case TargetMNS:
		return queueOf(cfg, ts.Queue)
	case TargetRocketMQ:
		return queueOf(cfg, ts.Topic)
	case TargetLogstore, TargetHTTP, TargetNotification:
		return endpointInvoker(cfg, t)
	}
	return nil, fmt.Errorf("unknown target type %q", ts.Type)
}

// functionInvoker sets up a function target. Asynchronous invocation (the default) follows
// Function Compute's async semantics: the push into FC's internal queue always succeeds in
// the simulation, so the handler-failure retries are FC's (0–8, exponential backoff from 1 s
// capped at 60 s), bounded by the maximum event age, and the given-up event goes to the
// function's on-failure destination (else the target's dead-letter queue); a delivered event
// is also copied to the on-success destination, if any; duplicates happen with the target's
// probability. Synchronous invocation is retried by EventBridge's push
// retry policy into the target's dead-letter queue, and its latency is on the producer side.
func (n *Network) functionInvoker(cfg NetworkConfig, t *target, dc *delivery.TargetConfig) (delivery.Invoker, error) {
	ts := t.spec
	fn, ok := cfg.Functions[ts.Function]
	if !ok {
		return nil, fmt.Errorf("function %q does not exist", ts.Function)
	}
	t.fn = fn
	if ts.Dedup {
		dc.Dedup = fn.Dedup()
	}
	if ts.InvocationOrDefault() == InvokeSync {
		return fn.targetInvoker(), nil
	}
	as := fn.FC().Spec().Async
	pol, err := delivery.NewAsyncRetry(as.MaxRetries)
	if err != nil {
		return nil, fmt.Errorf("function %q async: %w", ts.Function, err)
	}
	age, err := delivery.MaxEventAgeOrDefault(as.MaxEventAge.D())
	if err != nil {
		return nil, fmt.Errorf("function %q async: %w", ts.Function, err)
	}
	dc.Policy, dc.MaxAge, dc.DuplicateProbability = pol, age, ts.DuplicateProbability
	if as.OnSuccess != "" {
		if dc.OnSuccess, err = queueOf(cfg, as.OnSuccess); err != nil {
			return nil, fmt.Errorf("function %q on_success: %w", ts.Function, err)
		}
	}
	if as.OnFailure != "" {
		if dc.DeadLetter, err = queueOf(cfg, as.OnFailure); err != nil {
			return nil, fmt.Errorf("function %q on_failure: %w", ts.Function, err)
		}
	}
	return fn.targetInvoker(), nil
}

// endpointInvoker builds the simulated endpoint of a logstore, http or notification target.
func endpointInvoker(cfg NetworkConfig, t *target) (delivery.Invoker, error) {
	lat := sim.Spec{Kind: "constant", Value: DefaultEndpointLatencyMS}
	var rate float64
	if e := t.spec.Endpoint; e != nil {
		if e.Latency != nil {
			lat = *e.Latency
		}
		rate = e.ErrorRate
	}
	d, err := lat.Build()
	if err != nil {
		return nil, fmt.Errorf("endpoint latency: %w", err)
	}
	rng := cfg.Streams.Stream("endpoint/" + t.rule.bus.name + "/" + t.key)
	return delivery.NewEndpoint(cfg.Sched, d, time.Millisecond, rate, t.spec.Type+" error", rng)
}
