package load

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
)

// eventsJSON runs the loads and returns the JSON of load name's events.
func eventsJSON(t *testing.T, seed uint64, name string, specs ...Spec) []byte {
	var loads []*Load
	for _, s := range specs {
		loads = append(loads, mustBuild(t, s, Env{Streams: sim.NewStreams(seed)}))
	}
	c := run(t, sim.Time(time.Minute), loads...)
	var b bytes.Buffer
	for i, e := range c.events {
		if e.Source == name || (name == "uploads" && e.Source == "acs.oss") {
			b.WriteString(c.times[i].String())
			b.Write(e.JSON())
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

func TestDeterminismAndIsolation(t *testing.T) {
	a := decodeSpec(t, uploadsSpec)
	a.Stop = field.Duration(time.Minute)
	b := decodeSpec(t, `
name: other
stop: 1m
arrival: {process: poisson, rate: 30/s}
events: [{event: {source: other, type: t}, fields: {data.x: {uuid: true}}}]
vars: {n: {dist: {kind: exponential, mean: 1}}}
`)
	first := eventsJSON(t, 7, "uploads", a, b)
	if len(first) == 0 {
		t.Fatal("no events")
	}
	if again := eventsJSON(t, 7, "uploads", a, b); !bytes.Equal(first, again) {
		t.Fatal("same seed, different events")
	}
	if other := eventsJSON(t, 8, "uploads", a, b); bytes.Equal(first, other) {
		t.Fatal("different seeds, same events")
	}
	// change load B in every way: A's events stay byte-identical
	b2 := b
	b2.Arrival.Process, b2.Arrival.Rate = ProcConstant, 100
	b2.Vars = append(Gens{{Name: "m", Gen: Gen{UUID: true}}}, b2.Vars...)
	b2.Events = append(b2.Events, b2.Events[0])
	if changed := eventsJSON(t, 7, "uploads", a, b2); !bytes.Equal(first, changed) {
		t.Fatal("changing load B changed load A's events")
	}
	if alone := eventsJSON(t, 7, "uploads", a); !bytes.Equal(first, alone) {
		t.Fatal("removing load B changed load A's events")
	}
}

func TestGenerationErrorsAreCounted(t *testing.T) {
	s := decodeSpec(t, `
name: flaky
arrival: {process: constant, rate: 1/s}
events: [{event: {source: a, type: b}, fields: {data.n: {expr: 'int(v)'}}}]
vars: {v: {choice: {"1": 1, "x": 1}}}
`)
	var seen []error
	l := mustBuild(t, s, Env{OnError: func(name string, err error) {
		if name != "flaky" {
			t.Errorf("OnError for %q", name)
		}
		seen = append(seen, err)
	}})
	evs, err := l.Sample(200)
	st := l.Stats()
	if err == nil || st.Failed == 0 || st.LastError == nil || len(seen) != int(st.Failed) {
		t.Fatalf("errors not surfaced: err=%v stats=%+v seen=%d", err, st, len(seen))
	}
	if len(evs) != 200 || st.Generated != 200 || st.Arrivals != st.Generated+st.Failed {
		t.Fatalf("stats %+v, %d events", st, len(evs))
	}
	binomialWithin(t, "failures", int(st.Failed), int(st.Arrivals), 0.5)
	if !strings.Contains(err.Error(), "fields.data.n") || !strings.Contains(st.LastError.Error(), `load "flaky"`) {
		t.Errorf("error does not locate the failure: %v", err)
	}

	c := run(t, sim.Time(100*time.Second), mustBuild(t, s, Env{Horizon: sim.Time(100 * time.Second)}))
	if len(c.events) == 0 || len(c.events) == 100 {
		t.Errorf("run published %d of 100 arrivals", len(c.events))
	}
}
