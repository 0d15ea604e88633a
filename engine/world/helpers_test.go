package world

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/engine/obs"
)

// spec is the part of a scenario the tests write in YAML.
type spec struct {
	Buses    []bus.BusSpec        `yaml:"buses"`
	Rules    []bus.RuleSpec       `yaml:"rules"`
	Services []fc.ServiceSpec     `yaml:"services"`
	Queues   []delivery.QueueSpec `yaml:"queues"`
	Loads    []load.Spec          `yaml:"loads"`
}

// config decodes src into a Config with the given horizon.
func config(t testing.TB, src string, d time.Duration) Config {
	t.Helper()
	var s spec
	if err := yaml.UnmarshalWithOptions([]byte(src), &s, yaml.Strict()); err != nil {
		t.Fatalf("decode test scenario: %v", err)
	}
	return Config{Name: "test", Seed: 1, Duration: d, Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		Limits: event.DefaultLimits(), Buses: s.Buses, Rules: s.Rules, Services: s.Services,
		Queues: s.Queues, Loads: s.Loads}
}

// newWorld builds the world or fails the test.
func newWorld(t testing.TB, cfg Config) *World {
	t.Helper()
	w, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return w
}

// ev is a custom event with a JSON data object.
func ev(id, source, data string) event.Event {
	return event.Event{ID: id, Source: source, SpecVersion: "1.0", Type: "test:Event",
		DataContentType: "application/json", Data: json.RawMessage(data)}
}

// put sends entries to busName at the current time, failing the test on a call error.
func put(t testing.TB, w *World, busName string, entries ...event.Event) []bus.EntryResult {
	t.Helper()
	res, err := w.PutEvents(busName, entries)
	if err != nil {
		t.Fatalf("PutEvents: %v", err)
	}
	return res
}

// summaryJSON is the byte-comparable summary.
func summaryJSON(t testing.TB, w *World) []byte {
	t.Helper()
	b, err := json.Marshal(w.Summary())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// mustConserve fails the test when the summary reports a conservation violation.
func mustConserve(t testing.TB, s Summary) {
	t.Helper()
	if err := s.ConservationError(); err != nil {
		t.Fatal(err)
	}
}

// discardSink is obs.Discard behind the Sink interface (records are built and passed).
type discardSink struct{ obs.Discard }
