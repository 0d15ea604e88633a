package bus

import (
	"testing"
	"time"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/sim"
)

// BenchmarkIngressPutBuilt measures one PutEvents entry built by the catalog (validation and
// stamping), the default scenario's case.
func BenchmarkIngressPutBuilt(b *testing.B) {
	c, ok := event.Lookup("oss:ObjectCreated:PutObject")
	if !ok {
		b.Fatal("no catalog entry")
	}
	built, err := c.Build("0b6bd9c4-7fd4-4a4c-9d2c-4f1a1d1e2f3a", time.Date(2026, 1, 1, 0, 0, 1, 0, time.UTC),
		map[string]any{"region": "cn-hangzhou", "account": "1234567890"})
	if err != nil {
		b.Fatal(err)
	}
	in := newTestIngress(0)
	now := sim.FromSeconds(0)
	for b.Loop() {
		e := built
		now += 1000
		if r := in.PutOne(now, &e); !r.OK() {
			b.Fatal(r.ErrorMessage)
		}
	}
}

// TestIngressChecksBuiltEventsChangedLater: an event built (and so marked valid) by the
// catalog is accepted, and the same event changed after Build is checked again and rejected.
func TestIngressChecksBuiltEventsChangedLater(t *testing.T) {
	c, _ := event.Lookup("oss:ObjectCreated:PutObject")
	built, err := c.Build("id-1", time.Date(2026, 1, 1, 0, 0, 1, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		change func(e *event.Event)
		reason string
	}{
		{"unchanged", func(*event.Event) {}, ""},
		{"id", func(e *event.Event) { e.ID = "bad id" }, "invalid:id"},
		{"data in place", func(e *event.Event) { e.Data[0] = '[' }, "invalid:data"},
	} {
		e := built.Clone()
		tc.change(&e)
		if r := newTestIngress(0).PutOne(sim.FromSeconds(1), &e); r.Reason != tc.reason {
			t.Errorf("%s: reason %q (%s), want %q", tc.name, r.Reason, r.ErrorMessage, tc.reason)
		}
	}
}
