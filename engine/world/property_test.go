package world

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// randomScenario writes a random routing scenario: one bus, 1–3 rules with 1–5 targets of
// random types, failure rates, retry policies, tolerances and dead-letter queues, functions with
// random failure rates, retries, maximum ages, instance limits and duplicates, and a Poisson load.
func randomScenario(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString("buses: [{name: b}]\nqueues:\n  - {name: dlq, type: mns}\n")
	b.WriteString("  - name: fifo\n    type: rocketmq\n    fifo: true\n    group_by: data.g\n")
	fmt.Fprintf(&b, "    consumer: {function: s/f1, concurrency: %d}\n", 1+r.IntN(4))
	fmt.Fprintf(&b, "  - name: work\n    type: mns\n    consumer: {function: s/f2, concurrency: %d, schedule: %ds, batch: %d}\n",
		1+r.IntN(4), r.IntN(3)*30, 1+r.IntN(16))
	b.WriteString("services:\n  - name: s\n    functions:\n")
	for _, f := range []string{"f1", "f2", "f3"} {
		fmt.Fprintf(&b, "      - name: %s\n        runtime: python3.10\n        max_instances: %d\n", f, 1+r.IntN(6))
		fmt.Fprintf(&b, "        handler: {io: %dms, failure_rate: %.2f}\n", 50+r.IntN(2000), r.Float64()*0.6)
		fmt.Fprintf(&b, "        async: {max_retries: %d, max_event_age: %ds", r.IntN(9), 1+r.IntN(120))
		if r.IntN(2) == 0 {
			b.WriteString(", on_failure: dlq")
		}
		b.WriteString("}\n")
	}
	b.WriteString("rules:\n")
	for i := range 1 + r.IntN(3) {
		fmt.Fprintf(&b, "  - name: r%d\n    bus: b\n    pattern: {data: {k: [%d]}}\n    targets:\n", i, r.IntN(3))
		for j := range 1 + r.IntN(5) {
			b.WriteString(randomTarget(r, j))
		}
	}
	fmt.Fprintf(&b, "loads:\n  - name: l\n    bus: b\n    arrival: {process: poisson, rate: %.2f}\n", 0.5+r.Float64()*5)
	b.WriteString("    events:\n      - event: {source: t, type: t}\n        fields:\n")
	b.WriteString("          data.k: {choice: [{value: 0}, {value: 1}, {value: 2}]}\n")
	b.WriteString("          data.g: {choice: {a: 1, b: 1, c: 1}}\n")
	return b.String()
}

func randomTarget(r *rand.Rand, j int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "      - id: t%d\n", j)
	switch r.IntN(5) {
	case 0:
		fmt.Fprintf(&b, "        type: function\n        function: s/f%d\n", 1+r.IntN(3))
		if r.IntN(3) == 0 {
			b.WriteString("        invocation: sync\n")
		} else if r.IntN(2) == 0 {
			fmt.Fprintf(&b, "        duplicate_probability: %.2f\n        dedup: %v\n", r.Float64()*0.3, r.IntN(2) == 0)
		}
	case 1:
		b.WriteString("        type: mns\n        queue: work\n")
	case 2:
		b.WriteString("        type: rocketmq\n        topic: fifo\n")
	default:
		fmt.Fprintf(&b, "        type: http\n        url: http://h/x\n        endpoint: {latency: {kind: exponential, mean: %d}, error_rate: %.2f}\n",
			1+r.IntN(3000), r.Float64()*0.8)
	}
	if r.IntN(2) == 0 {
		b.WriteString("        retry: {strategy: EXPONENTIAL_DECAY_RETRY}\n")
	}
	if r.IntN(4) == 0 {
		b.WriteString("        errors_tolerance: NONE\n")
	}
	if r.IntN(2) == 0 {
		b.WriteString("        dead_letter: {queue: dlq}\n")
	}
	return b.String()
}

// TestConservationProperty runs random scenarios to random horizons and checks that every
// (event, target) pair is accounted for, that the same seed gives the same summary bytes, and
// that recording to a sink changes nothing.
func TestConservationProperty(t *testing.T) {
	n := 40
	if testing.Short() {
		n = 10
	}
	for i := range n {
		r := rand.New(rand.NewPCG(uint64(i), 99))
		src := randomScenario(r)
		cfg := config(t, src, time.Duration(10+r.IntN(1800))*time.Second)
		cfg.Seed = r.Uint64()
		w1 := newWorld(t, cfg)
		w1.Run()
		s := w1.Summary()
		if err := s.ConservationError(); err != nil {
			t.Fatalf("case %d: %v\nscenario:\n%s", i, err, src)
		}
		if s.Conservation.Routed == 0 && s.Events.Accepted > 30 {
			t.Logf("case %d: nothing routed out of %d events", i, s.Events.Accepted)
		}
		sink := &countSink{}
		cfg.Sink = sink // the second run also emits records: they must not change the run
		w2 := newWorld(t, cfg)
		w2.Run()
		if a, b := summaryJSON(t, w1), summaryJSON(t, w2); !bytes.Equal(a, b) {
			t.Fatalf("case %d: same seed, different summaries\nscenario:\n%s", i, src)
		}
		if sink.transformed != s.Conservation.Routed || sink.delivered != s.Conservation.Delivered {
			t.Fatalf("case %d: records: %d transformed, %d delivered; summary: %d routed, %d delivered",
				i, sink.transformed, sink.delivered, s.Conservation.Routed, s.Conservation.Delivered)
		}
	}
}
