package world

import (
	"fmt"
	"sort"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/obs"
)

// buildFunctions builds every function of every service with its own random streams
// ("fc/<service>/<function>/..."), keyed by "service/function" and, when the name is unique
// across services, by the bare function name.
func (w *World) buildFunctions() error {
	env := fc.Env{Sched: w.sched, Streams: w.streams, Prices: w.cfg.Prices, Model: w.cfg.Billing}
	if w.cfg.Sink != nil {
		env.Observer = instanceObserver{w.cfg.Sink}
	}
	w.functions = map[string]*bus.Function{}
	bare := map[string]int{}
	for _, s := range w.cfg.Services {
		fns, err := fc.NewService(s, env)
		if err != nil {
			return fmt.Errorf("service %q: %w", s.Name, err)
		}
		for _, f := range fns {
			bf := bus.NewFunction(f, w.sched, &w.envs)
			w.fnList = append(w.fnList, bf)
			w.functions[bf.Key()] = bf
			bare[f.Name]++
		}
	}
	for _, f := range w.fnList {
		if bare[f.FC().Name] == 1 {
			w.functions[f.FC().Name] = f
		}
	}
	return nil
}

// buildQueues builds every queue and topic; a consumer invokes its function through its own
// Invoker and draws from "queue/<name>/consumer".
func (w *World) buildQueues() error {
	w.queues = map[string]*delivery.Queue{}
	for _, spec := range w.cfg.Queues {
		qc := delivery.QueueConfig{Spec: spec}
		if c := spec.Consumer; c != nil {
			f, ok := w.functions[c.Function]
			if !ok {
				return fmt.Errorf("queue %q: consumer function %q does not exist", spec.Name, c.Function)
			}
			qc.Consumer = f.Invoker()
			qc.Rand = w.streams.Stream("queue/" + spec.Name + "/consumer")
		}
		if spec.FIFO && spec.GroupBy != "" {
			g, err := groupFunc(spec.GroupBy, &w.envs)
			if err != nil {
				return fmt.Errorf("queue %q: group_by: %w", spec.Name, err)
			}
			qc.Group = g
		}
		var q *delivery.Queue
		if sink := w.cfg.Sink; sink != nil {
			dlq := w.deadLetterQueues()[spec.Name]
			qc.Observer = delivery.ObserverFunc(func(rec delivery.Record) {
				if depthChanges(rec.Kind) && rec.Queue == q.Name() {
					sink.QueueDepth(obs.QueueDepth{At: rec.At, Queue: rec.Queue, Depth: int64(q.Depth()), DLQ: dlq})
				}
			})
		}
		q, err := delivery.NewQueue(w.sched, qc)
		if err != nil {
			return err
		}
		w.queues[spec.Name] = q
		w.queueList = append(w.queueList, q)
	}
	return nil
}

// depthChanges reports whether a queue record changes the queue's depth.
func depthChanges(k delivery.Kind) bool {
	switch k {
	case delivery.KindEnqueued, delivery.KindConsumed, delivery.KindConsumeFailed, delivery.KindReplayed:
		return true
	}
	return false
}

// deadLetterQueues returns the queues that are dead-letter destinations: of a target, or a
// function's on-failure destination.
func (w *World) deadLetterQueues() map[string]bool {
	out := map[string]bool{}
	for _, r := range w.cfg.Rules {
		for _, t := range r.Targets {
			if t.DeadLetter != nil {
				out[t.DeadLetter.Queue] = true
			}
		}
	}
	for _, s := range w.cfg.Services {
		for _, f := range s.Functions {
			if f.Async.OnFailure != "" {
				out[f.Async.OnFailure] = true
			}
		}
	}
	return out
}

// buildNetwork builds the routing layer over the buses, functions and queues.
func (w *World) buildNetwork() error {
	names := make([]string, 0, len(w.buses))
	for n := range w.buses {
		names = append(names, n)
	}
	sort.Strings(names)
	net, err := bus.NewNetwork(bus.NetworkConfig{Sched: w.sched, Streams: w.streams, Dialect: w.cfg.Dialect,
		Buses: names, Rules: w.cfg.Rules, Functions: w.functions, Queues: w.queues, Sink: w.cfg.Sink})
	if err != nil {
		return err
	}
	w.net = net
	return nil
}

// instanceObserver passes fc instance transitions to the sink.
type instanceObserver struct{ sink obs.Sink }

func (o instanceObserver) InstanceChanged(e fc.InstanceEvent) {
	o.sink.Instance(obs.Instance{At: e.Time, Service: e.Service, Function: e.Function, Instance: e.Instance,
		From: obs.InstanceState(e.From), To: obs.InstanceState(e.To), Provisioned: e.Provisioned})
}
