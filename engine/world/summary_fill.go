package world

import (
	"errors"
	"strings"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/fc"
)

func latency(l bus.LatencyStats) Latency {
	return Latency{P50: l.P50, P90: l.P90, P99: l.P99, Mean: l.Mean, Max: l.Max}
}

// routingSummary fills the routing layer's sections of s.
func (w *World) routingSummary(s *Summary) {
	s.Events.Replayed = w.replayed
	s.Events.Generated += w.replayed + w.putEntries
	s.Events.Unroutable = w.routeErrs
	s.Rules = map[string]RuleSummary{}
	for k, r := range w.net.Rules() {
		s.Rules[k] = RuleSummary{Bus: r.Bus, Enabled: r.Enabled, Evaluated: r.Evaluated, Matched: r.Matched}
	}
	s.Targets = map[string]TargetSummary{}
	for k, t := range w.net.Targets() {
		s.Targets[k] = targetSummary(t)
	}
	s.Functions = w.functionSummaries()
	s.Queues = w.queueSummaries()
	s.DeadLetter = map[string]DeadLetterSummary{}
	for q, m := range w.net.DeadLetters() {
		d := DeadLetterSummary{ByReason: m}
		for _, v := range m {
			d.Messages += v
		}
		s.DeadLetter[q] = d
	}
	f := w.net.Fanout()
	s.Fanout = FanoutSummary{Events: f.Events, Complete: f.Complete, AllSucceeded: f.AllSucceeded,
		InFlight: f.InFlight, Completion: latency(f.Took)}
	s.Conservation = w.conservation(s.Targets)
}

func targetSummary(t bus.TargetStats) TargetSummary {
	return TargetSummary{Type: t.Type, Resource: t.Resource, Invocation: t.Invocation, Routed: t.Routed,
		Delivered: t.Delivered, DeadLettered: t.DeadLettered, Discarded: t.Discarded, Expired: t.Expired,
		InFlight: t.InFlight, Attempts: t.Attempts, Retried: t.Retried, Throttled: t.Throttled,
		Blocked: t.TargetCounts.Blocked, Duplicates: t.Duplicates, DuplicatesAbsorbed: t.DuplicatesAbsorbed,
		DuplicateSideEffects: t.DuplicateSideEffects, TransformErrors: t.TransformErrors, Latency: latency(t.Latency)}
}

func (w *World) functionSummaries() map[string]FunctionSummary {
	out := make(map[string]FunctionSummary, len(w.fnList))
	for _, f := range w.fnList {
		st := f.FC().Stats()
		rs := f.Stats()
		fs := FunctionSummary{Invocations: st.Invocations, InFlight: st.InFlight, ColdStarts: st.ColdStarts,
			Throttles: st.Throttles, Errors: rs.Errors, LatencyE2E: latency(rs.E2E), LatencyExec: latency(rs.Exec),
			MeanInstances: st.MeanInstances, MeanBusy: st.MeanBusy, MaxInstances: st.MaxInstances,
			IdleInstanceSeconds: st.IdleSeconds, BilledGBSeconds: st.Invocation.GBs + st.ProvisionedIdle.GBs,
			VCPUSeconds: st.Invocation.VCPUs, CU: st.Invocation.CU + st.ProvisionedIdle.CU, CostUSD: st.USD,
			DuplicatesAbsorbed: f.DedupAbsorbed()}
		if n := st.Invocations + int64(st.InFlight); n > 0 {
			fs.ColdStartProbability = float64(st.ColdStarts) / float64(n)
		}
		out[f.Key()] = fs
	}
	w.applyFreeTier(out)
	return out
}

// applyFreeTier deducts the account's free quota from the functions' cost (GB-second model),
// sharing the saving in proportion to each function's invocation cost.
func (w *World) applyFreeTier(out map[string]FunctionSummary) {
	p := w.cfg.Prices
	if !w.cfg.FreeTier || p == nil || (w.cfg.Billing != "" && w.cfg.Billing != fc.ModelGBSecond) {
		return
	}
	var reqs, gbs, cost float64
	inv := make([]float64, len(w.fnList))
	for i, f := range w.fnList {
		st := f.FC().Stats()
		reqs += float64(st.Invocations)
		gbs += st.Invocation.GBs
		inv[i] = st.Invocation.USD
		cost += st.Invocation.USD
	}
	saving := cost - p.GBSecondCost(reqs, gbs, true)
	if saving <= 0 || cost <= 0 {
		return
	}
	for i, f := range w.fnList {
		fs := out[f.Key()]
		fs.CostUSD -= saving * inv[i] / cost
		out[f.Key()] = fs
	}
}

func (w *World) queueSummaries() map[string]QueueSummary {
	out := make(map[string]QueueSummary, len(w.queueList))
	for i, q := range w.queueList {
		c := q.Counts()
		qs := QueueSummary{Type: w.cfg.Queues[i].Type, FIFO: q.FIFO(), Enqueued: c.Enqueued, Rejected: c.Rejected,
			Consumed: c.Consumed, ConsumeFailed: c.ConsumeFailed, Replayed: c.Replayed, Depth: c.Depth,
			MaxDepth: c.MaxDepth, WaitP50: c.WaitP50.Seconds(), WaitP90: c.WaitP90.Seconds(),
			WaitP99: c.WaitP99.Seconds(), WaitMax: c.WaitMax.Seconds()}
		if t := q.Consumer(); t != nil {
			tc := t.Counts()
			qs.ConsumerAttempts, qs.ConsumerRetried = tc.Attempts, tc.Retried
		}
		out[q.Name()] = qs
	}
	return out
}

// conservation checks every (event, target) pair and every queue.
func (w *World) conservation(targets map[string]TargetSummary) ConservationSummary {
	var c ConservationSummary
	for _, t := range targets {
		c.Routed += t.Routed
		c.Delivered += t.Delivered
		c.DeadLettered += t.DeadLettered
		c.Discarded += t.Discarded
		c.Expired += t.Expired
		c.InFlight += t.InFlight
	}
	var consumers []*delivery.Target
	for _, q := range w.queueList {
		if t := q.Consumer(); t != nil {
			consumers = append(consumers, t)
		}
	}
	err := errors.Join(w.net.Check(), delivery.Conservation(consumers, w.queueList))
	if c.Delivered+c.DeadLettered+c.Discarded+c.Expired+c.InFlight != c.Routed {
		err = errors.Join(err, errors.New("the targets' final states and in-flight deliveries do not add up to the routed pairs"))
	}
	c.OK = err == nil
	if err != nil {
		c.Violations = strings.Split(err.Error(), "\n")
	}
	return c
}

// ConservationError returns the summary's conservation violation as an error, nil when ok.
func (s Summary) ConservationError() error {
	if s.Conservation.OK {
		return nil
	}
	return errors.New("conservation violated: " + strings.Join(s.Conservation.Violations, "; "))
}
