package load

import (
	"testing"
	"time"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/sim"
)

type discard struct{ n int }

func (d *discard) Publish(sim.Time, string, event.Event) { d.n++ }

// BenchmarkUploads measures events generated per second for the uploads example,
// through the scheduler as in a run.
func BenchmarkUploads(b *testing.B) {
	s := decodeSpec(b, uploadsSpec)
	l := mustBuild(b, s, Env{Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	sch := sim.NewScheduler()
	d := &discard{}
	l.Start(sch, d)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		sch.Step()
	}
	b.ReportMetric(float64(d.n)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkCustomEvent measures a custom event with data fields (copy-on-write data tree).
func BenchmarkCustomEvent(b *testing.B) {
	s := decodeSpec(b, `
name: orders
arrival: {process: poisson, rate: 100/s}
events:
  - event: {source: app.orders, type: order:Created, data: {order: {id: "", amount: 0}}}
    fields:
      data.order.id: {seq: {start: 1, format: "ord-%06d"}}
      data.order.amount: {dist: {kind: lognormal, median: 40, p99: 900}, round: 2}
`)
	l := mustBuild(b, s, Env{})
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := l.Sample(1); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
