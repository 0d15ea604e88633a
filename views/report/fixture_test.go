package report

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/scenarios"
	"github.com/fanout/fanout/views/chart"
)

// memRecords is a Records over records kept in memory: obs.Memory answers Buckets and
// DeadLetters, the slices the Each methods.
type memRecords struct {
	*obs.Memory
	inv   []obs.Invocation
	att   []obs.Attempt
	evals []obs.RuleEvaluated
	inst  []obs.Instance
	dep   []obs.QueueDepth
}

func (m *memRecords) EachInvocation(fn func(obs.Invocation) error) error { return each(m.inv, fn) }
func (m *memRecords) EachAttempt(fn func(obs.Attempt) error) error       { return each(m.att, fn) }
func (m *memRecords) EachRuleEvaluation(fn func(obs.RuleEvaluated) error) error {
	return each(m.evals, fn)
}
func (m *memRecords) EachInstance(fn func(obs.Instance) error) error     { return each(m.inst, fn) }
func (m *memRecords) EachQueueDepth(fn func(obs.QueueDepth) error) error { return each(m.dep, fn) }

func each[T any](xs []T, fn func(T) error) error {
	for _, x := range xs {
		if err := fn(x); err != nil {
			return err
		}
	}
	return nil
}

// sink feeds both the Memory and the slices.
type sink struct {
	obs.Discard
	m *memRecords
}

func (s sink) Invocation(r obs.Invocation)       { s.m.inv = append(s.m.inv, r) }
func (s sink) Attempt(r obs.Attempt)             { s.m.att = append(s.m.att, r) }
func (s sink) RuleEvaluated(r obs.RuleEvaluated) { s.m.evals = append(s.m.evals, r) }
func (s sink) Instance(r obs.Instance)           { s.m.inst = append(s.m.inst, r) }
func (s sink) QueueDepth(r obs.QueueDepth)       { s.m.dep = append(s.m.dep, r) }

func at(d time.Duration) sim.Time { return sim.Time(d) }

// fixtureRecords synthesises ten minutes of the csv-upload-fanout scenario: one event a
// second, a fifth of them matched and fanned out to four targets; the index function cold
// starts now and then, fails 1 in 8 attempts, and dead-letters three events; a consumer drains
// the dead-letter queue at 5 minutes, failing once.
func fixtureRecords() *memRecords {
	m := &memRecords{Memory: obs.NewMemory()}
	out := obs.Tee(m.Memory, sink{m: m})
	rng := rand.New(rand.NewPCG(7, 11))
	dlq, dead := int64(0), 0
	for i := 1; i <= 600; i++ {
		ref, t0 := obs.EventRef(i), at(time.Duration(i)*time.Second-500*time.Millisecond)
		out.Received(obs.Received{Event: ref, At: t0, ID: "evt-" + itoa(i), Bus: "default", Source: "acs.oss",
			Type: "oss:ObjectCreated:PutObject", Accepted: true, SpecVersion: "1.0"})
		matched := i%5 == 0
		out.RuleEvaluated(obs.RuleEvaluated{Event: ref, At: t0, Bus: "default", Rule: "csv-uploads", Matched: matched})
		if !matched {
			out.FanoutComplete(obs.FanoutComplete{Event: ref, Received: t0, At: t0})
			continue
		}
		for _, tg := range []string{"notify", "audit-log"} {
			end := t0.Add(time.Duration(10+rng.IntN(80)) * time.Millisecond)
			a := obs.Attempt{Event: ref, Rule: "csv-uploads", Target: tg, Number: 1, Scheduled: t0, Start: t0, End: end}
			if tg == "notify" && i%100 == 0 {
				a.Outcome, a.Error = obs.OutcomeError, "dingtalk: 429 too many requests"
			}
			out.Attempt(a)
			out.Delivered(obs.Delivered{Event: ref, At: end, Created: t0, Rule: "csv-uploads", Target: tg, Attempts: 1})
		}
		for _, fn := range []string{"index-fn", "invalidate-fn"} {
			cold := i%60 == 5
			start := t0.Add(20 * time.Millisecond)
			if cold {
				out.Instance(obs.Instance{At: t0, Service: "csv-pipeline", Function: fn, Instance: uint64(i), From: obs.InstanceNone, To: obs.InstanceStarting})
				start = start.Add(400 * time.Millisecond)
			}
			end := start.Add(time.Duration(60+rng.IntN(300)) * time.Millisecond)
			if cold {
				out.Instance(obs.Instance{At: start, Service: "csv-pipeline", Function: fn, Instance: uint64(i), From: obs.InstanceStarting, To: obs.InstanceBusy})
				out.Instance(obs.Instance{At: end, Service: "csv-pipeline", Function: fn, Instance: uint64(i), From: obs.InstanceBusy, To: obs.InstanceIdle})
				out.Instance(obs.Instance{At: end.Add(time.Minute), Service: "csv-pipeline", Function: fn, Instance: uint64(i), From: obs.InstanceIdle, To: obs.InstanceReclaimed})
			}
			iv := obs.Invocation{Event: ref, Rule: "csv-uploads", Target: fn, Attempt: 1, Service: "csv-pipeline", Function: fn,
				Cold: cold, Enqueued: t0, Start: start, End: end, Billed: end.Sub(start), MemoryMB: 1024, VCPU: 1,
				CostUSD: end.Sub(start).Seconds() * 1.6384e-5}
			if fn == "index-fn" && i%40 == 0 {
				iv.Outcome, iv.ErrorKind = obs.OutcomeError, "handler"
				iv.Stack = "Traceback (most recent call last):\n  File \"index.py\", line 12\nKeyError: 'rows'"
			}
			out.Invocation(iv)
			out.Attempt(obs.Attempt{Event: ref, Rule: "csv-uploads", Target: fn, Number: 1, Scheduled: t0, Start: t0, End: end,
				Outcome: iv.Outcome, Error: firstLine(lastLine(iv.Stack), 80)})
			if iv.Outcome != obs.OutcomeOK && dead < 3 {
				dead++
				dlq++
				out.DeadLettered(obs.DeadLettered{Event: ref, At: end, Created: t0, Rule: "csv-uploads", Target: fn, Queue: "csv-dlq",
					Reason: "retries_exhausted", Attempts: 4, LastError: "KeyError: 'rows'"})
				out.QueueDepth(obs.QueueDepth{At: end, Queue: "csv-dlq", Depth: dlq, DLQ: true})
			} else {
				out.Delivered(obs.Delivered{Event: ref, At: end, Created: t0, Rule: "csv-uploads", Target: fn, Attempts: 1})
			}
		}
	}
	consumer := at(300 * time.Second)
	for k := int64(0); k < dlq; k++ {
		iv := obs.Invocation{Service: "csv-pipeline", Function: "invalidate-fn", Enqueued: consumer, Start: consumer,
			End: consumer.Add(80 * time.Millisecond), Billed: 80 * time.Millisecond, MemoryMB: 256, CostUSD: 3e-7}
		if k == 0 {
			iv.Outcome, iv.ErrorKind, iv.Stack = obs.OutcomeTimeout, "timeout", "Task timed out after 10 seconds"
		}
		out.Invocation(iv)
		out.QueueDepth(obs.QueueDepth{At: consumer, Queue: "csv-dlq", Depth: dlq - k - 1, DLQ: true})
	}
	sort.SliceStable(m.inst, func(i, j int) bool { return m.inst[i].At < m.inst[j].At })
	return m
}

func itoa(i int) string { return count(int64(i)) }

// fixtureInput is the input of the golden report: the scenario, the summary and the records.
func fixtureInput(t testing.TB) Input {
	t.Helper()
	src, err := os.ReadFile("testdata/scenario.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sc, err := scenarios.Parse("scenario.yaml", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile("testdata/summary.json")
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(sum) {
		t.Fatal("testdata/summary.json is not valid JSON")
	}
	return Input{Scenario: sc, Summary: sum, Records: fixtureRecords(),
		Run: Run{Scenario: sc.Name, Seed: sc.Seed, Source: "fixture.db", SimDuration: 10 * time.Minute, Complete: true,
			Started: time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)}}
}

// fixtureSweep is a small memory sweep.
func fixtureSweep() *Sweep {
	pts := []chart.SweepPoint{{MemoryMB: 256, P50Ms: 420, P99Ms: 900, ColdStartMs: 600, CostPer1M: 2.1},
		{MemoryMB: 512, P50Ms: 230, P99Ms: 480, ColdStartMs: 420, CostPer1M: 1.9},
		{MemoryMB: 1024, P50Ms: 150, P99Ms: 300, ColdStartMs: 380, CostPer1M: 2.5}}
	return &Sweep{Title: "Memory sweep of csv-pipeline/index-fn", Verdict: "optimum (balanced): 512 MB",
		Header: []string{"", "memory", "p50 ms", "p99 ms", "$/1M"},
		Rows:   [][]string{{"", "256 MB", "420", "900", "$2.10"}, {"◆", "512 MB", "230", "480", "$1.90"}, {"=", "1 GB", "150", "300", "$2.50"}},
		Curves: chart.Sweep{Points: pts, OptimumMB: 512, BaselineMB: 1024, Objective: "balanced"}}
}
