package bus

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/pattern"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/engine/transform"
)

// benchNetwork is a bus with 50 rules; rule 7 matches the benchmark's event and has five
// logstore targets (1 ms latency) with different transformers.
func benchNetwork(b *testing.B, sink obs.Sink) (*Network, *sim.Scheduler) {
	sched := sim.NewScheduler()
	lat := &sim.Spec{Kind: "constant", Value: 1}
	forms := []*transform.Spec{nil,
		{Form: transform.FormJSONPath, Value: transform.Text("$.data.amount")},
		{Form: transform.FormTemplate, Value: transform.Vars(map[string]string{"a": "$.data.amount", "s": "$.source"}),
			Template: "amount ${a} from ${s}"},
		{Form: transform.FormConstant, Value: transform.Text("hello")},
		{Form: transform.FormJSONPath, Value: transform.Text("$.data")}}
	var rules []RuleSpec
	for i := range 50 {
		r := RuleSpec{Name: fmt.Sprintf("r%d", i), Bus: "b",
			Pattern: Pattern(fmt.Sprintf(`{"source":["app-%d"],"data":{"amount":[{"numeric":[">",%d]}]}}`, i, i))}
		n := 1
		if i == 7 {
			n = 5
		}
		for j := range n {
			r.Targets = append(r.Targets, TargetSpec{ID: fmt.Sprintf("t%d", j), Type: TargetLogstore,
				Logstore: "p/s", Transform: forms[j], Endpoint: &EndpointSpec{Latency: lat}})
		}
		rules = append(rules, r)
	}
	n, err := NewNetwork(NetworkConfig{Sched: sched, Streams: sim.NewStreams(1), Dialect: pattern.Alibaba,
		Buses: []string{"b"}, Rules: rules, Sink: sink})
	if err != nil {
		b.Fatal(err)
	}
	return n, sched
}

// BenchmarkRoute measures routing alone (no PutEvents validation or stamping): match against
// 50 rules → transform → deliver to 5 targets → complete, 10 events per simulated millisecond.
func BenchmarkRoute(b *testing.B) {
	n, sched := benchNetwork(b, nil)
	e := &event.Event{ID: "id-1", Source: "app-7", SpecVersion: "1.0", Type: "t", DataContentType: "application/json",
		Extensions: map[string]string{event.ExtEventBusName: "b"}, Data: json.RawMessage(`{"amount":120,"item":"book"}`)}
	b.ReportAllocs()
	cpu := startCPU()
	for i := 0; b.Loop(); i++ {
		if err := n.Route("b", e, 0); err != nil {
			b.Fatal(err)
		}
		if i%10 == 9 {
			sched.RunUntil(sched.Now() + sim.Time(time.Millisecond))
		}
	}
	sched.Run()
	cpu.report(b, b.N)
	if got := n.Targets()["r7/t4"].Delivered; got == 0 || n.Check() != nil {
		b.Fatalf("delivered %d, check %v", got, n.Check())
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkRoutingPath measures the whole path of issue 4's performance target in simulated
// time, with every record built and passed to a discarding sink: PutEvents through the bus
// ingress (validation, throttle check, stamping) → match against 50 rules → transform → enqueue
// for 5 targets → deliver → complete, in calls of 10 entries, one call per simulated
// millisecond. One op is one event, so ns/op and allocs/op are per event. Each entry is a fresh
// Event (a copy of a producer's template, as a decoded PutEvents request would be); slots are
// reused only after their deliveries have completed.
func BenchmarkRoutingPath(b *testing.B) {
	n, sched := benchNetwork(b, obs.Discard{})
	var sink obs.Sink = obs.Discard{}
	in := NewIngress("b", IngressEnv{Limits: event.DefaultLimits(), Region: "cn-hangzhou",
		Account: "1234567890", Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	const batch, slots = 10, 8
	var tmpl [batch]event.Event
	for i := range tmpl {
		tmpl[i] = event.Event{ID: fmt.Sprintf("id-%d", i), Source: "app-7", SpecVersion: "1.0", Type: "test:Event",
			DataContentType: "application/json", Data: json.RawMessage(`{"amount":120,"item":"book"}`)}
	}
	var ring [slots][batch]event.Event
	var ref obs.EventRef
	b.ReportAllocs()
	b.ResetTimer()
	cpu := startCPU()
	for call := 0; int(ref) < b.N; call++ {
		entries := ring[call%slots][:min(batch, b.N-int(ref))]
		copy(entries, tmpl[:])
		res, err := in.Put(sched.Now(), entries)
		if err != nil {
			b.Fatal(err)
		}
		for i := range entries {
			ref++
			e := &entries[i]
			sink.Received(obs.Received{Event: ref, At: sched.Now(), ID: e.ID, Bus: "b", Source: e.Source,
				Type: e.Type, Size: int32(e.Size()), Accepted: res[i].OK(), Data: e.Data})
			if !res[i].OK() {
				b.Fatalf("entry %d rejected: %s", i, res[i].ErrorMessage)
			}
			if err := n.Route("b", e, ref); err != nil {
				b.Fatal(err)
			}
		}
		sched.RunUntil(sched.Now() + sim.Time(time.Millisecond))
	}
	sched.Run()
	b.StopTimer()
	cpu.report(b, b.N)
	if got, want := n.Targets()["r7/t4"].Delivered, uint64(ref); got != want || n.Check() != nil {
		b.Fatalf("delivered %d of %d, check %v", got, want, n.Check())
	}
	b.ReportMetric(float64(ref)/b.Elapsed().Seconds(), "events/s")
}
