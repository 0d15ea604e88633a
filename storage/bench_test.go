package storage

import (
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
)

// counting counts the records that pass through to the sink.
type counting struct {
	obs.Sink
	n int64
}

func (c *counting) Received(r obs.Received)             { c.n++; c.Sink.Received(r) }
func (c *counting) RuleEvaluated(r obs.RuleEvaluated)   { c.n++; c.Sink.RuleEvaluated(r) }
func (c *counting) Transformed(r obs.Transformed)       { c.n++; c.Sink.Transformed(r) }
func (c *counting) Attempt(r obs.Attempt)               { c.n++; c.Sink.Attempt(r) }
func (c *counting) Invocation(r obs.Invocation)         { c.n++; c.Sink.Invocation(r) }
func (c *counting) RetryScheduled(r obs.RetryScheduled) { c.n++; c.Sink.RetryScheduled(r) }
func (c *counting) Delivered(r obs.Delivered)           { c.n++; c.Sink.Delivered(r) }
func (c *counting) DeadLettered(r obs.DeadLettered)     { c.n++; c.Sink.DeadLettered(r) }
func (c *counting) Discarded(r obs.Discarded)           { c.n++; c.Sink.Discarded(r) }
func (c *counting) Expired(r obs.Expired)               { c.n++; c.Sink.Expired(r) }
func (c *counting) Instance(r obs.Instance)             { c.n++; c.Sink.Instance(r) }
func (c *counting) QueueDepth(r obs.QueueDepth)         { c.n++; c.Sink.QueueDepth(r) }
func (c *counting) FanoutComplete(r obs.FanoutComplete) { c.n++; c.Sink.FanoutComplete(r) }

// BenchmarkSinkWrite measures the end-to-end write rate: the synthetic engine emits on the
// benchmark goroutine, the writer commits on its own; the time includes the final flush.
func BenchmarkSinkWrite(b *testing.B) {
	st := newStore(b)
	c := &counting{Sink: st.Sink()}
	const events = 100_000
	b.ResetTimer()
	start, cpu0 := time.Now(), cpuTime()
	for i := 0; i < b.N; i++ {
		synthFrom(c, i*events, events, uint64(i))
	}
	if err := st.Flush(); err != nil {
		b.Fatal(err)
	}
	sec, cpu := time.Since(start).Seconds(), (cpuTime() - cpu0).Seconds()
	b.ReportMetric(float64(b.N*events)/sec, "events/s")
	// CPU time of the whole process (generator, sink and writer): the machine is shared, so
	// this says more than the wall-clock rate.
	b.ReportMetric(float64(b.N*events)/cpu, "events/cpu-s")
	b.ReportMetric(float64(c.n)/sec, "rows/s")
	b.ReportMetric(float64(c.n)/float64(b.N*events), "rows/event")
}

// cpuTime is the process's user plus system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSynthOnly is the cost of generating the records alone, for comparison.
func BenchmarkSynthOnly(b *testing.B) {
	for i := 0; i < b.N; i++ {
		synthFrom(obs.Discard{}, i*100_000, 100_000, uint64(i))
	}
	b.ReportMetric(float64(b.N*100_000)/b.Elapsed().Seconds(), "events/s")
}

const fixtureEvents = 1_000_000

var (
	fixtureOnce sync.Once
	fixturePath string
	fixtureErr  error
)

// fixture returns a finished run database of 1,000,000 synthetic events, built once and kept
// in the temporary folder between benchmark runs.
func fixture(b *testing.B) *Store {
	fixtureOnce.Do(func() {
		fixturePath = filepath.Join(os.TempDir(), "fanout-bench-1m-v7.db")
		if st, err := OpenRun(fixturePath); err == nil {
			ri, err := st.Info()
			st.Close()
			if err == nil && ri.Complete && ri.Events == fixtureEvents {
				return
			}
		}
		start := time.Now()
		st, err := Create(fixturePath, Meta{Scenario: "bench", Seed: 1})
		if err != nil {
			fixtureErr = err
			return
		}
		synth(st.Sink(), fixtureEvents, 1)
		if fixtureErr = st.Flush(); fixtureErr != nil {
			return
		}
		written := time.Since(start)
		if fixtureErr = st.Finish([]byte(`{"sim_seconds":1000}`)); fixtureErr == nil {
			fixtureErr = st.Close()
		}
		b.Logf("built %s: records written in %v (%.0f events/s), indexes built by Finish in %v",
			fixturePath, written, fixtureEvents/written.Seconds(), time.Since(start)-written)
	})
	if fixtureErr != nil {
		b.Fatal(fixtureErr)
	}
	st, err := OpenRun(fixturePath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// BenchmarkPage100 asks for one page of 100 events with each filter, at the start and deep
// into the run (after event 900,000; newest first from the end).
func BenchmarkPage100(b *testing.B) {
	st := fixture(b)
	for name, f := range benchFilters() {
		for _, p := range []struct {
			name string
			req  obs.PageRequest
		}{{"first", obs.PageRequest{Limit: 100}}, {"deep", obs.PageRequest{Limit: 100, After: 900_000}},
			{"newest", obs.PageRequest{Limit: 100, Sort: obs.SortNewest}}} {
			b.Run(name+"/"+p.name, func(b *testing.B) {
				for b.Loop() {
					if _, err := st.Events(f, p.req); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/page")
			})
		}
	}
}

func benchFilters() map[string]obs.EventFilter {
	return map[string]obs.EventFilter{
		"none":          {},
		"time":          {From: sim.Time(500 * time.Second), To: sim.Time(600 * time.Second)},
		"bus":           {Bus: "default"},
		"bus-unseen":    {Bus: "nope"},
		"source":        {Source: "acs.rds"},
		"type":          {Type: "order.paid"},
		"rule-matched":  {Rule: "orders-audit", Matched: obs.Yes},
		"rule-not":      {Rule: "orders-audit", Matched: obs.No},
		"no-rule":       {Matched: obs.No},
		"dead-lettered": {Outcome: "dead_lettered"},
		"expired":       {Outcome: "expired"},
		"in-flight":     {Outcome: "in_flight"},
		"cold":          {Cold: obs.Yes},
		"error":         {Error: obs.Yes},
		"no-error":      {Error: obs.No},
		"text-id":       {Text: "evt-2bd"},
		"text-subject":  {Text: "sub/42"},
		"text-none":     {Text: "zzz"},
	}
}

// BenchmarkTrace gathers one event's full story and lays out its spans.
func BenchmarkTrace(b *testing.B) {
	st := fixture(b)
	ref := obs.EventRef(1)
	for b.Loop() {
		if _, err := st.Trace(ref); err != nil {
			b.Fatal(err)
		}
		ref = ref*7919%fixtureEvents + 1
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/trace")
	fi, err := os.Stat(fixturePath)
	if err == nil {
		b.ReportMetric(float64(fi.Size())/1e6, "MB/1M-events")
	}
}
