package bus

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/pattern"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/engine/transform"
)

// benchNetwork is a bus with 50 rules; rule 7 matches the benchmark's event and has five
// logstore targets (1 ms latency) with different transformers.
func benchNetwork(b *testing.B) (*Network, *sim.Scheduler) {
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
		Buses: []string{"b"}, Rules: rules})
	if err != nil {
		b.Fatal(err)
	}
	return n, sched
}

// BenchmarkRoute measures routing alone (no PutEvents validation or stamping): match against
// 50 rules → transform → deliver to 5 targets → complete, 10 events per simulated millisecond.
func BenchmarkRoute(b *testing.B) {
	n, sched := benchNetwork(b)
	e := &event.Event{ID: "id-1", Source: "app-7", SpecVersion: "1.0", Type: "t", DataContentType: "application/json",
		Extensions: map[string]string{event.ExtEventBusName: "b"}, Data: json.RawMessage(`{"amount":120,"item":"book"}`)}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if err := n.Route("b", e, 0); err != nil {
			b.Fatal(err)
		}
		if i%10 == 9 {
			sched.RunUntil(sched.Now() + sim.Time(time.Millisecond))
		}
	}
	sched.Run()
	if got := n.Targets()["r7/t4"].Delivered; got == 0 || n.Check() != nil {
		b.Fatalf("delivered %d, check %v", got, n.Check())
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
