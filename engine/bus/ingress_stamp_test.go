package bus

import (
	"maps"
	"testing"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/sim"
)

// TestStampKeepsCallerMapsAndInstants: stamping never modifies a producer's extension map,
// events without extensions accepted at one instant get equal stamps, and a later instant gets
// its own publish time without changing the maps of events already accepted.
func TestStampKeepsCallerMapsAndInstants(t *testing.T) {
	in := newTestIngress(0)
	own := map[string]string{"traceparent": "00-1"}
	withExt := testEvent("e1")
	withExt.Extensions = own
	entries := []event.Event{testEvent("e2"), testEvent("e3"), withExt}
	if _, err := in.Put(sim.FromSeconds(1), entries); err != nil {
		t.Fatal(err)
	}
	if len(own) != 1 {
		t.Errorf("the producer's map was modified: %v", own)
	}
	if !maps.Equal(entries[0].Extensions, entries[1].Extensions) || len(entries[0].Extensions) != 4 {
		t.Errorf("same-instant stamps differ: %v %v", entries[0].Extensions, entries[1].Extensions)
	}
	if got := entries[2].Extensions; got["traceparent"] != "00-1" || got[event.ExtEventBusName] != "orders" {
		t.Errorf("stamped extensions = %v", got)
	}
	first := maps.Clone(entries[0].Extensions)
	later := []event.Event{testEvent("e4")}
	if _, err := in.Put(sim.FromSeconds(2), later); err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(entries[0].Extensions, first) {
		t.Errorf("an accepted event's stamps changed: %v, want %v", entries[0].Extensions, first)
	}
	if later[0].Extensions[event.ExtPublishTime] == first[event.ExtPublishTime] {
		t.Errorf("a later instant kept the publish time %q", first[event.ExtPublishTime])
	}
}
