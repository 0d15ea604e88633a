package world

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/sim"
)

// benchScenario is a bus with 50 rules, one of which matches the benchmark's events and has
// five logstore targets with different transformers and a 1 ms delivery latency.
func benchScenario() string {
	var b strings.Builder
	b.WriteString("buses: [{name: b}]\nrules:\n")
	for i := range 50 {
		fmt.Fprintf(&b, "  - name: r%d\n    bus: b\n    pattern: {source: [app-%d], data: {amount: [{numeric: [\">\", %d]}]}}\n    targets:\n", i, i, i)
		n := 1
		if i == 7 {
			n = 5
		}
		forms := []string{"", ", transform: {form: JSONPATH, value: $.data.amount}",
			", transform: {form: TEMPLATE, value: {a: $.data.amount, s: $.source}, template: 'amount ${a} from ${s}'}",
			", transform: {form: CONSTANT, value: hello}", ", transform: {form: JSONPATH, value: $.data}"}
		for j := range n {
			fmt.Fprintf(&b, "      - {id: t%d, type: logstore, logstore: p/s, endpoint: {latency: {kind: constant, value: 1}}%s}\n", j, forms[j])
		}
	}
	return b.String()
}

// BenchmarkRoutingPath measures the whole routing path in simulated time with records going to
// a discarding sink: PutEvents (validation, stamping) → match against 50 rules → transform →
// deliver to 5 targets → complete, in batches of 10 events per simulated millisecond.
func BenchmarkRoutingPath(b *testing.B) {
	for _, sink := range []string{"nil-sink", "discard-sink"} {
		b.Run(sink, func(b *testing.B) {
			cfg := config(b, benchScenario(), 1000*time.Hour)
			if sink == "discard-sink" {
				cfg.Sink = discardSink{}
			}
			w := newWorld(b, cfg)
			batch := make([]event.Event, 10)
			for i := range batch {
				batch[i] = ev(fmt.Sprintf("id-%d", i), "app-7", `{"amount":120,"item":"book"}`)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i += len(batch) {
				if _, err := w.PutEvents("b", batch); err != nil {
					b.Fatal(err)
				}
				w.RunUntil(w.Now() + sim.Time(time.Millisecond))
			}
			w.RunUntil(w.Now() + sim.Time(time.Second))
			b.StopTimer()
			s := w.Summary()
			if s.Targets["r7/t4"].Delivered == 0 || !s.Conservation.OK {
				b.Fatalf("nothing delivered or not conserved: %+v", s.Conservation)
			}
			b.ReportMetric(float64(s.Events.Accepted)/b.Elapsed().Seconds(), "events/s")
		})
	}
}
