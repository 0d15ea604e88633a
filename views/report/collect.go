package report

import (
	"fmt"
	"time"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
)

// agg holds what the report computes from a run's records, bucket by bucket.
type agg struct {
	width   time.Duration
	n       int          // buckets covering [0, horizon)
	buckets []obs.Bucket // from Records.Buckets
	lat     []*hist      // invocation latency (queue to end) per bucket of its end; nil: none
	warm    *hist        // latency of warm invocations
	cold    *hist        // latency of cold invocations
	rules   keyed        // per rule: [0] evaluated, [1] matched, per bucket
	fnCost  keyed        // per function: cost per bucket, USD
	inst    [4][]float64 // busy, idle, starting, provisioned at each bucket's end
	queues  keyed        // per queue: peak depth per bucket
	dlq     map[string]bool
	rule    map[string]*ruleCost // invocation cost by the rule whose delivery caused it
	invCost float64              // sum of every invocation's cost
	errs    map[errKey]int64
	invErr  map[attemptKey]errKey // failed invocations of rule targets, by the attempt they served
	dead    []obs.Final
}

// attemptKey names one delivery attempt.
type attemptKey struct {
	event        obs.EventRef
	rule, target string
	number       int32
}

// keyed is a set of named per-bucket series.
type keyed map[string][][]float64

func (k keyed) at(name string, series, n int) []float64 {
	if k[name] == nil {
		k[name] = make([][]float64, 2)
	}
	if k[name][series] == nil {
		k[name][series] = make([]float64, n)
	}
	return k[name][series]
}

type ruleCost struct {
	invocations int64
	usd         float64
}

type errKey struct{ where, kind, msg string }

// pickWidth returns the smallest round bucket width that covers horizon in at most 120 buckets.
func pickWidth(horizon time.Duration) time.Duration {
	steps := []time.Duration{time.Second, 5 * time.Second, 10 * time.Second, 30 * time.Second,
		time.Minute, 5 * time.Minute, 10 * time.Minute, 30 * time.Minute, time.Hour, 6 * time.Hour, 24 * time.Hour}
	for _, s := range steps {
		if horizon <= 120*s {
			return s
		}
	}
	return horizon / 120
}

// collect reads every record kind the report needs from r.
func collect(r Records, horizon, width time.Duration, maxDead int) (*agg, error) {
	if width <= 0 {
		width = pickWidth(horizon)
	}
	n := max(1, int((horizon+width-1)/width))
	a := &agg{width: width, n: n, lat: make([]*hist, n), warm: newHist(), cold: newHist(), rules: keyed{}, fnCost: keyed{},
		queues: keyed{}, dlq: map[string]bool{}, rule: map[string]*ruleCost{}, errs: map[errKey]int64{},
		invErr: map[attemptKey]errKey{}}
	for i := range a.inst {
		a.inst[i] = make([]float64, n)
	}
	var err error
	if a.buckets, err = r.Buckets(width, 0, sim.Time(time.Duration(n)*width)); err != nil {
		return nil, fmt.Errorf("read buckets: %w", err)
	}
	steps := []struct {
		what string
		run  func() error
	}{
		{"invocations", func() error { return r.EachInvocation(a.invocation) }},
		{"attempts", func() error { return r.EachAttempt(a.attempt) }},
		{"rule evaluations", func() error { return r.EachRuleEvaluation(a.ruleEval) }},
		{"instances", a.instances(r)},
		{"queue depths", a.depths(r)},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return nil, fmt.Errorf("read %s: %w", s.what, err)
		}
	}
	if a.dead, err = r.DeadLetters(0, maxDead); err != nil {
		return nil, fmt.Errorf("read dead letters: %w", err)
	}
	return a, nil
}

// bucket is the index of the bucket holding t, clamped to the covered range.
func (a *agg) bucket(t sim.Time) int {
	return min(max(0, int(time.Duration(t)/a.width)), a.n-1)
}

func (a *agg) invocation(iv obs.Invocation) error {
	l := float64(iv.Latency()) / 1e6
	b := a.bucket(iv.End)
	if a.lat[b] == nil {
		a.lat[b] = newHist()
	}
	a.lat[b].add(l)
	if iv.Cold {
		a.cold.add(l)
	} else {
		a.warm.add(l)
	}
	a.fnCost.at(iv.Service+"/"+iv.Function, 0, a.n)[b] += iv.CostUSD
	a.invCost += iv.CostUSD
	rc := a.rule[iv.Rule]
	if rc == nil {
		rc = &ruleCost{}
		a.rule[iv.Rule] = rc
	}
	rc.invocations++
	rc.usd += iv.CostUSD
	if iv.Outcome == obs.OutcomeOK || iv.Outcome == obs.OutcomeThrottled {
		return nil
	}
	k := errKey{kind: iv.ErrorKind, msg: lastLine(iv.Stack)}
	if k.kind == "" {
		k.kind = iv.Outcome.String()
	}
	if iv.Rule == "" {
		k.where = iv.Service + "/" + iv.Function + " (consumer)"
		a.errs[k]++
		return nil
	}
	a.invErr[attemptKey{iv.Event, iv.Rule, iv.Target, iv.Attempt}] = k
	return nil
}

// attempt counts a failed attempt under its target, with the failed invocation's kind and
// exception line when a function served it (the attempt's own error is only the kind).
func (a *agg) attempt(at obs.Attempt) error {
	if at.Outcome == obs.OutcomeOK || at.Outcome == obs.OutcomeThrottled {
		return nil
	}
	k, ok := a.invErr[attemptKey{at.Event, at.Rule, at.Target, at.Number}]
	if !ok {
		k = errKey{kind: at.Outcome.String(), msg: firstLine(at.Error, 120)}
		if k.msg == k.kind {
			k.msg = "" // the error says no more than its kind
		}
	}
	k.where = at.Rule + "/" + at.Target
	a.errs[k]++
	return nil
}

func (a *agg) ruleEval(e obs.RuleEvaluated) error {
	b := a.bucket(e.At)
	a.rules.at(e.Rule, 0, a.n)[b]++
	if e.Matched {
		a.rules.at(e.Rule, 1, a.n)[b]++
	}
	return nil
}

// instances replays the instance transitions (in time order) into the counts by layer at
// each bucket's end: busy, idle, cold-starting, provisioned.
func (a *agg) instances(r Records) func() error {
	return func() error {
		var cur [4]float64
		next := 0 // the first bucket not filled yet
		layer := func(s obs.InstanceState, prov bool) int {
			switch {
			case s == obs.InstanceNone || s == obs.InstanceReclaimed:
				return -1
			case prov:
				return 3
			case s == obs.InstanceBusy:
				return 0
			case s == obs.InstanceIdle:
				return 1
			}
			return 2
		}
		fill := func(upto int) {
			for ; next < upto; next++ {
				for l := range cur {
					a.inst[l][next] = cur[l]
				}
			}
		}
		err := r.EachInstance(func(in obs.Instance) error {
			fill(a.bucket(in.At))
			if l := layer(in.From, in.Provisioned); l >= 0 {
				cur[l]--
			}
			if l := layer(in.To, in.Provisioned); l >= 0 {
				cur[l]++
			}
			return nil
		})
		fill(a.n)
		return err
	}
}

// depths keeps each queue's peak depth per bucket, carrying the last depth forward.
func (a *agg) depths(r Records) func() error {
	return func() error {
		last := map[string]float64{}
		next := map[string]int{}
		carry := func(q string, upto int) []float64 {
			s := a.queues.at(q, 0, a.n)
			for ; next[q] < upto; next[q]++ {
				s[next[q]] = last[q]
			}
			return s
		}
		err := r.EachQueueDepth(func(d obs.QueueDepth) error {
			b := a.bucket(d.At)
			s := carry(d.Queue, b+1)
			s[b] = max(s[b], float64(d.Depth))
			last[d.Queue] = float64(d.Depth)
			a.dlq[d.Queue] = a.dlq[d.Queue] || d.DLQ
			return nil
		})
		for _, q := range sortedKeys(a.queues) {
			carry(q, a.n)
		}
		return err
	}
}

// lastLine returns the last non-empty line of s (a stack trace's exception line).
func lastLine(s string) string {
	lines := splitLines(s)
	for i := len(lines) - 1; i >= 0; i-- {
		if l := firstLine(lines[i], 120); l != "" {
			return l
		}
	}
	return ""
}
