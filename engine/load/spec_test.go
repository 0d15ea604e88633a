package load

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/fanout/fanout/engine/field"
)

// decodeSpec decodes one spec strictly, as the scenario loader does.
func decodeSpec(t testing.TB, src string) Spec {
	t.Helper()
	var s Spec
	if err := yaml.UnmarshalWithOptions([]byte(src), &s, yaml.DisallowUnknownField()); err != nil {
		t.Fatalf("decode: %v\n%s", err, src)
	}
	return s
}

const okArrival = "arrival: {process: poisson, rate: 5/s}\n"
const okEvent = "events: [{event: {source: app, type: t}}]\n"

func TestValidateOK(t *testing.T) {
	b, err := os.ReadFile("testdata/uploads.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var specs []Spec
	if err := yaml.UnmarshalWithOptions(b, &specs, yaml.DisallowUnknownField()); err != nil {
		t.Fatal(err)
	}
	for _, s := range specs {
		if err := s.Validate(); err != nil {
			t.Errorf("%s: %v", s.Name, err)
		}
	}
}

func TestValidateErrors(t *testing.T) {
	cases := []struct {
		name, src, path string
	}{
		{"no name", okArrival + okEvent, "name"},
		{"bad name", "name: 'a b'\n" + okArrival + okEvent, "name"},
		{"slash name", "name: a/b\n" + okArrival + okEvent, "name"},
		{"negative start", "name: a\nstart: -1s\n" + okArrival + okEvent, "start"},
		{"stop before start", "name: a\nstart: 10s\nstop: 5s\n" + okArrival + okEvent, "stop"},
		{"no process", "name: a\narrival: {rate: 5/s}\n" + okEvent, "arrival.process"},
		{"unknown process", "name: a\narrival: {process: periodic}\n" + okEvent, "arrival.process"},
		{"zero rate", "name: a\narrival: {process: poisson, rate: 0/s}\n" + okEvent, "arrival.rate"},
		{"negative rate", "name: a\narrival: {process: constant, rate: -2/s}\n" + okEvent, "arrival.rate"},
		{"huge rate", "name: a\narrival: {process: constant, rate: 2000000/s}\n" + okEvent, "arrival.rate"},
		{"field of another process", "name: a\narrival: {process: poisson, rate: 1/s, on: 10s}\n" + okEvent, "arrival.on"},
		{"bursts no on", "name: a\narrival: {process: bursts, on_rate: 10/s, off: 5s}\n" + okEvent, "arrival.on"},
		{"bursts no on_rate", "name: a\narrival: {process: bursts, on: 5s, off: 5s}\n" + okEvent, "arrival.on_rate"},
		{"bursts negative off_rate", "name: a\narrival: {process: bursts, on_rate: 1/s, off_rate: -1/s, on: 5s, off: 5s}\n" + okEvent, "arrival.off_rate"},
		{"diurnal amplitude", "name: a\narrival: {process: diurnal, rate: 1/s, amplitude: 1.5}\n" + okEvent, "arrival.amplitude"},
		{"diurnal peak", "name: a\narrival: {process: diurnal, rate: 1/s, period: 1h, peak: 2h}\n" + okEvent, "arrival.peak"},
		{"diurnal no rate", "name: a\narrival: {process: diurnal, amplitude: 0.5}\n" + okEvent, "arrival.rate"},
		{"ramp zero", "name: a\narrival: {process: ramp, over: 1m}\n" + okEvent, "arrival.to"},
		{"ramp no over", "name: a\narrival: {process: ramp, from: 1/s, to: 2/s}\n" + okEvent, "arrival.over"},
		{"replay no file", "name: a\narrival: {process: replay}\n" + okEvent, "arrival.file"},
		{"replay format", "name: a\narrival: {process: replay, file: x, format: csv}\n" + okEvent, "arrival.format"},
		{"replay scale", "name: a\narrival: {process: replay, file: x, time_scale: -1}\n" + okEvent, "arrival.time_scale"},
		{"no events", "name: a\n" + okArrival, "events"},
		{"replay timestamps needs events", "name: a\narrival: {process: replay, file: x}\n", "events"},
		{"all weights zero", "name: a\n" + okArrival + "events: [{weight: 0, event: {source: a, type: b}}]\n", "events"},
		{"negative weight", "name: a\n" + okArrival + "events: [{weight: -1, event: {source: a, type: b}}, {event: {source: a, type: b}}]\n", "events[0].weight"},
		{"catalog and event", "name: a\n" + okArrival + "events: [{catalog: 'oss:ObjectCreated:PutObject', event: {source: a, type: b}}]\n", "events[0].event"},
		{"neither", "name: a\n" + okArrival + "events: [{weight: 1}]\n", "events[0].catalog"},
		{"unknown catalog", "name: a\n" + okArrival + "events: [{catalog: 'oss:ObjectCreated:PutObjekt'}]\n", "events[0].catalog"},
		{"unknown param", "name: a\n" + okArrival + "events: [{catalog: 'oss:ObjectCreated:PutObject', params: {colour: red}}]\n", "events[0].params.colour"},
		{"param kind", "name: a\n" + okArrival + "events: [{catalog: 'oss:ObjectCreated:PutObject', params: {size: big}}]\n", "events[0].params.size"},
		{"param float for int", "name: a\n" + okArrival + "events: [{catalog: 'oss:ObjectCreated:PutObject', params: {size: {dist: {kind: constant, value: 3}}}}]\n", "events[0].params.size"},
		{"params on custom", "name: a\n" + okArrival + "events: [{event: {source: a, type: b}, params: {x: 1}}]\n", "events[0].params"},
		{"custom no source", "name: a\n" + okArrival + "events: [{event: {type: b}}]\n", "events[0].event.source"},
		{"custom no type", "name: a\n" + okArrival + "events: [{event: {source: a}}]\n", "events[0].event.type"},
		{"extension name", "name: a\n" + okArrival + "events: [{event: {source: a, type: b, extensions: {Bad: x}}}]\n", "events[0].event.extensions.Bad"},
		{"field path", "name: a\n" + okArrival + "events: [{event: {source: a, type: b}, fields: {subject.x: 1}}]\n", "events[0].fields.subject.x"},
		{"field path empty key", "name: a\n" + okArrival + "events: [{event: {source: a, type: b}, fields: {data..x: 1}}]\n", "events[0].fields.data..x"},
		{"field expr", "name: a\n" + okArrival + "events: [{event: {source: a, type: b}, fields: {subject: {expr: 'nope + 1'}}}]\n", "events[0].fields.subject.expr"},
		{"var name", "name: a\n" + okArrival + okEvent + "vars: {1x: 1}\n", "vars.1x"},
		{"choice negative", "name: a\n" + okArrival + okEvent + "vars: {ext: {choice: {csv: -1, png: 1}}}\n", "vars.ext.choice.csv"},
		{"choice zero", "name: a\n" + okArrival + okEvent + "vars: {ext: {choice: {csv: 0}}}\n", "vars.ext.choice"},
		{"choice empty", "name: a\n" + okArrival + okEvent + "vars: {ext: {choice: []}}\n", "vars.ext.choice"},
		{"dist", "name: a\n" + okArrival + okEvent + "vars: {size: {dist: {kind: lognormal, median: 20, p99: 10}}}\n", "vars.size.dist"},
		{"dist kind", "name: a\n" + okArrival + okEvent + "vars: {size: {dist: {kind: zipf}}}\n", "vars.size.dist"},
		{"dist as", "name: a\n" + okArrival + okEvent + "vars: {size: {dist: {kind: constant, value: 1}, as: string}}\n", "vars.size.as"},
		{"dist round", "name: a\n" + okArrival + okEvent + "vars: {size: {dist: {kind: constant, value: 1}, round: 20}}\n", "vars.size.round"},
		{"dist min max", "name: a\n" + okArrival + okEvent + "vars: {size: {dist: {kind: constant, value: 1}, min: 5, max: 2}}\n", "vars.size.max"},
		{"seq format", "name: a\n" + okArrival + okEvent + "vars: {n: {seq: {format: 'id-%s-%s'}}}\n", "vars.n.seq.format"},
		{"expr unknown name", "name: a\n" + okArrival + okEvent + "vars: {k: {expr: 'missing + 1'}}\n", "vars.k.expr"},
		{"expr later var", "name: a\n" + okArrival + okEvent + "vars: {a: {expr: 'b + 1'}, b: 1}\n", "vars.a.expr"},
		{"expr syntax", "name: a\n" + okArrival + okEvent + "vars: {a: {expr: '(1 +'}}\n", "vars.a.expr"},
		{"expr type", "name: a\n" + okArrival + okEvent + "vars: {s: x, a: {expr: 's * 2'}}\n", "vars.a.expr"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := decodeSpec(t, c.src).Validate()
			var l field.List
			if !errors.As(err, &l) {
				t.Fatalf("want a field.List at %q, got %v", c.path, err)
			}
			if len(l) != 1 || l[0].Path != c.path {
				t.Fatalf("want one error at %q, got %d: %v", c.path, len(l), err)
			}
			if l[0].Msg == "" {
				t.Fatal("empty message")
			}
		})
	}
}

// A duplicate variable cannot be written in YAML (duplicate key), but a Spec built in code can
// hold one.
func TestValidateDuplicateVar(t *testing.T) {
	s := decodeSpec(t, "name: a\n"+okArrival+okEvent+"vars: {x: 1}\n")
	s.Vars = append(s.Vars, s.Vars[0])
	err := s.Validate()
	if err == nil || !strings.Contains(err.Error(), "vars.x: duplicate") {
		t.Fatalf("got %v", err)
	}
}

func TestValidateScopes(t *testing.T) {
	ok := []string{
		// a field's expression sees the vars and the fields before it
		"vars: {n: {seq: {start: 1}}}\nevents: [{event: {source: a, type: b}, fields: {data.id: {expr: '\"o-\" + n'}, subject: {expr: 'data.id + \"/x\"'}}}]\n",
		// a catalog param's expression sees the earlier params
		"events: [{catalog: 'oss:ObjectCreated:PutObject', params: {bucket: b, key: {expr: 'bucket + \"/k\"'}}}]\n",
		// {const: ...} escapes a mapping that looks like a generator
		"vars: {c: {const: {seq: 1}}}\n" + okEvent,
	}
	for _, src := range ok {
		if err := decodeSpec(t, "name: a\n"+okArrival+src).Validate(); err != nil {
			t.Errorf("%s: %v", src, err)
		}
	}
	bad := []string{
		// a template's fields are not visible to another template
		"events: [{event: {source: a, type: b}, fields: {subject: x}}, {event: {source: a, type: b}, fields: {type: {expr: 'subject'}}}]\n",
		// a field is not visible to the field declared before it
		"events: [{event: {source: a, type: b}, fields: {subject: {expr: 'data.later'}, data.later: x}}]\n",
	}
	for _, src := range bad {
		if err := decodeSpec(t, "name: a\n"+okArrival+src).Validate(); err == nil {
			t.Errorf("%s: want an error", src)
		}
	}
}

// Malformed generators decode (keeping what was written) and fail Validate at their path.
func TestGenDecodeErrors(t *testing.T) {
	cases := []struct{ vars, path string }{
		{"{a: {choice: {x: 1}, seq: {start: 1}}}", "vars.a"},
		{"{a: {expr: 'x', round: 2}}", "vars.a.round"},
		{"{a: {uuid: false}}", "vars.a.uuid"},
		{"{a: {choice: 3}}", "vars.a.choice"},
		{"{a: {choice: {x: heavy}}}", "vars.a.choice.x"},
		{"{a: {choice: [{value: 1, wait: 2}]}}", "vars.a.choice[0]"},
		{"{a: {choice: [{value: 1, weight: w}]}}", "vars.a.choice[0].weight"},
		{"{a: {dist: {kind: constant, valu: 1}}}", "vars.a.dist"},
		{"{a: {seq: {start: 1, stop: 3}}}", "vars.a.seq"},
		{"{a: {expr: 3}}", "vars.a.expr"},
		{"{a: {dist: {kind: constant}, round: x}}", "vars.a.round"},
	}
	for _, c := range cases {
		src := "name: a\n" + okArrival + okEvent + "vars: " + c.vars + "\n"
		s := decodeSpec(t, src)
		err := s.Validate()
		var l field.List
		if !errors.As(err, &l) || len(l) != 1 || l[0].Path != c.path {
			t.Errorf("%s: want one error at %s, got %v", c.vars, c.path, err)
		}
		// what was written re-encodes unchanged
		out, err := yaml.Marshal(s.Vars)
		if err != nil {
			t.Fatal(err)
		}
		var back Gens
		if err := yaml.Unmarshal(out, &back); err != nil || !reflect.DeepEqual(back, s.Vars) {
			t.Errorf("%s: does not round-trip: %s", c.vars, out)
		}
	}
	var s Spec
	if err := yaml.Unmarshal([]byte("vars: [a, b]"), &s); err == nil {
		t.Error("vars as a list: want a decode error")
	}
}

func TestSpecRoundTrip(t *testing.T) {
	b, err := os.ReadFile("testdata/uploads.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var specs []Spec
	if err := yaml.Unmarshal(b, &specs); err != nil {
		t.Fatal(err)
	}
	specs = append(specs, decodeSpec(t, `
name: misc
arrival: {process: diurnal, rate: 2/s, amplitude: 0.5, period: 1h, peak: 15m}
events:
  - event: {source: a, type: b, data: {z: 1, a: [1, {y: 2, b: 3}]}}
    fields:
      data.k: {choice: [{value: {p: 1}, weight: 2}, {value: [1, 2], weight: 1}]}
      data.u: {uuid: true}
      data.c: {const: {expr: 1}}
      data.n: null
      data.s: {dist: {kind: uniform, min: 1, max: 2}, round: 2, min: 1, max: 1.5}
`))
	out, err := yaml.Marshal(specs)
	if err != nil {
		t.Fatal(err)
	}
	var back []Spec
	if err := yaml.UnmarshalWithOptions(out, &back, yaml.DisallowUnknownField()); err != nil {
		t.Fatalf("re-decode: %v\n%s", err, out)
	}
	if !reflect.DeepEqual(specs, back) {
		t.Fatalf("round trip changed the specs:\n%s", out)
	}
	// declaration order survives (vars: ext before seq; data keys z before a)
	if specs[0].Vars[0].Name != "ext" || specs[0].Vars[1].Name != "seq" {
		t.Errorf("vars order: %+v", specs[0].Vars)
	}
	data := back[2].Events[0].Event.Data.V.(yaml.MapSlice)
	if data[0].Key != "z" || data[1].Key != "a" {
		t.Errorf("data key order lost: %v", data)
	}
}

// Anchors and aliases elsewhere in the file resolve inside the order-keeping decoders.
func TestDecodeAliases(t *testing.T) {
	src := `
common: &ext {choice: {csv: 1}}
specs:
  - name: a
    arrival: {process: poisson, rate: 1/s}
    events: [{event: {source: a, type: b, data: &d {x: 1}}}, {event: {source: a, type: b, data: *d}}]
    vars: {e: *ext, f: {expr: 'e + "x"'}}
`
	var doc struct {
		Common any
		Specs  []Spec
	}
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	s := doc.Specs[0]
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	if s.Vars[0].Gen.Kind() != KindChoice || !reflect.DeepEqual(s.Events[0].Event.Data, s.Events[1].Event.Data) {
		t.Errorf("aliases not resolved: %+v", s)
	}
}

// Units are written as text or bare numbers (seconds, per second).
func TestDecodeUnits(t *testing.T) {
	s := decodeSpec(t, "name: a\nstart: 1.5\nstop: 90\narrival: {process: bursts, on_rate: 3000/min, on: 2, off: 0.5}\n"+okEvent)
	if s.Start.D() != 1500*time.Millisecond || s.Stop.D() != 90*time.Second ||
		s.Arrival.OnRate.PerSecond() != 50 || s.Arrival.On.D() != 2*time.Second || s.Arrival.Off.D() != 500*time.Millisecond {
		t.Fatalf("units: %+v", s)
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
}
