package scenarios

import (
	"errors"
	"strings"
	"testing"
)

// base is a valid scenario that the table tests extend or break.
const base = `version: 1
name: t
services:
  - name: svc
    functions:
      - name: fn
        runtime: python3.10
        handler: {cpu: 10ms}
queues:
  - {name: dlq, type: mns}
rules:
  - name: r
    pattern: {source: [acs.oss]}
    targets:
      - {id: f, type: function, function: svc/fn, dead_letter: {queue: dlq}}
`

func parseDiags(t *testing.T, src string) []string {
	t.Helper()
	_, err := Parse("f.yaml", []byte(src), nil)
	if err == nil {
		return nil
	}
	var ds Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("error %T is not Diagnostics: %v", err, err)
	}
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.String()
	}
	return out
}

func TestBaseIsValid(t *testing.T) {
	if d := parseDiags(t, base); d != nil {
		t.Fatalf("base scenario has problems:\n%s", strings.Join(d, "\n"))
	}
}

// TestDiagnostics: each kind of mistake gives exactly one FILE:LINE:COL message.
func TestDiagnostics(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"unknown field with suggestion", base + "duraton: 1h\n",
			`f.yaml:16:1: unknown field "duraton"; did you mean "duration"?`},
		{"unknown field without suggestion", base + "colour: red\n",
			`f.yaml:16:1: unknown field "colour"; valid fields are version, name, description, seed, duration, start, dialect, account, region, settings, buses, rules, services, queues, loads, expect`},
		{"unknown nested field", strings.Replace(base, "type: mns}", "type: mns, fifo: false, grup_by: x}", 1),
			`f.yaml:10:41: queues[0]: unknown field "grup_by"; did you mean "group_by"?`},
		{"duplicate field", base + "name: again\n", `f.yaml:16:1: name: duplicate field "name"`},
		{"bad duration", base + "duration: soon\n",
			`f.yaml:16:11: duration: invalid duration "soon": want e.g. 250ms, 30s, 5m, 6h, 7d or a number of seconds`},
		{"negative duration", base + "duration: -5s\n",
			`f.yaml:16:11: duration: must be between 1ns and 365d, got -5s`},
		{"bad time", base + "start: tomorrow\n",
			`f.yaml:16:8: start: invalid time "tomorrow": want RFC 3339, e.g. 2026-01-01T09:00:00Z`},
		{"wrong scalar type", base + "seed: abc\n",
			`f.yaml:16:7: seed: want an unsigned integer (64 bits), got "abc"`},
		{"list where a mapping goes", base + "settings: [1]\n",
			`f.yaml:16:11: settings: want a mapping with fields put_events_max_entries, max_event_bytes, max_batch_bytes, enforce_throughput_limits, billing, got a list`},
		{"missing version", strings.Replace(base, "version: 1\n", "", 1),
			`f.yaml:1:1: version: required: add version: 1 at the top of the file`},
		{"wrong version", strings.Replace(base, "version: 1", "version: 3", 1),
			`f.yaml:1:10: version: unsupported version 3: this Fanout reads version 1`},
		{"bad dialect", base + "dialect: gcp\n", `f.yaml:16:10: dialect: unknown dialect "gcp": want alibaba or aws`},
		{"unknown bus", strings.Replace(base, "  - name: r\n", "  - name: r\n    bus: orders\n", 1),
			`f.yaml:13:10: rules[0].bus: unknown bus "orders"; the declared buses are default`},
		{"unknown function", strings.Replace(base, "function: svc/fn", "function: svc/fm", 1),
			`f.yaml:15:43: rules[0].targets[0].function: unknown function "svc/fm"; did you mean "svc/fn"?`},
		{"unknown dead-letter queue", strings.Replace(base, "queue: dlq}}", "queue: dlq2}}", 1),
			`f.yaml:15:72: rules[0].targets[0].dead_letter.queue: unknown queue "dlq2"; did you mean "dlq"?`},
		{"invalid pattern operator", strings.Replace(base, "{source: [acs.oss]}", "{source: [{prefx: acs}]}", 1),
			`f.yaml:13:24: rules[0].pattern.source[0]: invalid pattern: unknown operator "prefx"`},
		{"pattern not JSON", strings.Replace(base, "{source: [acs.oss]}", `'{"source": [}'`, 1),
			`f.yaml:13:14: rules[0].pattern: pattern string is not valid JSON: invalid character '}' looking for beginning of value`},
		{"memory out of range", strings.Replace(base, "runtime: python3.10", "runtime: python3.10\n        memory: 64MB", 1),
			`f.yaml:8:17: services[0].functions[0].memory: memory 64MB out of range: 128 MB to 32 GB`},
		{"bad expect", base + "expect:\n  - {name: x, assert: 'events.accepted >'}\n",
			`f.yaml:17:23: expect[0].assert: invalid expression: unexpected token EOF (1:17)`},
		{"duplicate queue", strings.Replace(base, "  - {name: dlq, type: mns}\n", "  - {name: dlq, type: mns}\n  - {name: dlq, type: mns}\n", 1),
			`f.yaml:11:12: queues[1].name: duplicate queue name "dlq" (also queues[0])`},
		{"undefined alias", base + "description: *nothing\n",
			`f.yaml:16:14: description: alias *nothing refers to no anchor`},
		{"syntax error", base + "description: [unclosed\n", `f.yaml:16:14: invalid YAML: sequence end token ']' not found`},
		{"not a mapping", "- 1\n- 2\n", `f.yaml:1:1: want a mapping with version, name, buses, rules, ..., got a list`},
		{"empty file", "# nothing\n", `f.yaml:1:1: empty scenario: want a mapping starting with version: 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseDiags(t, tt.src)
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("got %d diagnostics:\n%s\nwant:\n%s", len(got), strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

// TestAllProblemsInOnePass: independent mistakes are all reported, in line order.
func TestAllProblemsInOnePass(t *testing.T) {
	src := strings.Replace(base, "name: t\n", "name: t\nseeed: 1\nduration: x\n", 1) + "dialect: gcp\n"
	got := parseDiags(t, src)
	if len(got) != 3 {
		t.Fatalf("got %d diagnostics, want 3:\n%s", len(got), strings.Join(got, "\n"))
	}
	for i, prefix := range []string{"f.yaml:3:1:", "f.yaml:4:11:", "f.yaml:18:10:"} {
		if !strings.HasPrefix(got[i], prefix) {
			t.Errorf("diagnostic %d = %q, want prefix %q", i, got[i], prefix)
		}
	}
}

// TestDecodeFailureNotRepeated: a value that did not decode is not reported again as missing.
func TestDecodeFailureNotRepeated(t *testing.T) {
	src := strings.Replace(base, "    targets:\n      - {id: f, type: function, function: svc/fn, dead_letter: {queue: dlq}}\n",
		"    targets: 5\n", 1)
	got := parseDiags(t, src)
	want := `f.yaml:14:14: rules[0].targets: want a list, got an integer`
	if len(got) != 1 || got[0] != want {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

func TestDefaultsApplied(t *testing.T) {
	sc, err := Parse("dir/my-scenario.yaml", []byte(strings.Replace(base, "name: t\n", "", 1)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Name != "my-scenario" || sc.Duration != DefaultDuration || !sc.Start.Equal(DefaultStart) ||
		sc.Dialect != "alibaba" || sc.Settings.PutEventsMaxEntries != 10 || sc.Settings.MaxEventBytes != 256<<10 ||
		sc.Settings.Billing.Model != "gb-second" {
		t.Errorf("defaults not applied: %+v", sc)
	}
}

// TestPatternForms: a pattern written as YAML, as JSON flow and as a JSON string gives the same
// compact JSON, and number text is kept (300.0 is not 300 in the Alibaba dialect).
func TestPatternForms(t *testing.T) {
	forms := []string{
		"\n      data:\n        n: [300.0, {numeric: [\">\", 1000.5]}]\n        s: [\"a&b\"]",
		` {"data": {"n": [300.0, {"numeric": [">", 1000.5]}], "s": ["a&b"]}}`,
		` '{"data": {"n": [300.0, {"numeric": [">", 1000.5]}], "s": ["a&b"]}}'`,
	}
	const want = `{"data":{"n":[300.0,{"numeric":[">",1000.5]}],"s":["a&b"]}}`
	for _, f := range forms {
		src := strings.Replace(base, " {source: [acs.oss]}", f, 1)
		sc, err := Parse("f.yaml", []byte(src), nil)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if got := string(sc.Rules[0].Pattern); got != want {
			t.Errorf("pattern %s\n got %s\nwant %s", f, got, want)
		}
	}
}

// TestPositionsFallback: a problem at a field that is not written is reported at its nearest
// written parent.
func TestPositionsFallback(t *testing.T) {
	src := strings.Replace(base, "    pattern: {source: [acs.oss]}\n", "", 1)
	got := parseDiags(t, src)
	want := `f.yaml:12:5: rules[0].pattern: required: an event pattern object, e.g. {source: [acs.oss]}`
	if len(got) != 1 || got[0] != want {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

// TestAliasBomb: nested aliases that expand to millions of values are refused quickly instead
// of being built ("billion laughs"), and so is an alias cycle.
func TestAliasBomb(t *testing.T) {
	src := "version: 1\nloads:\n  - name: l\n    arrival: {process: poisson, rate: 1/s}\n" +
		"    events:\n      - event:\n          source: a\n          type: b\n          data:\n" +
		"            a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h"} {
		src += "            " + name + ": &" + name + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
		prev = name
	}
	got := parseDiags(t, src)
	want := "f.yaml:15:19: the document expands to more than 200000 values through aliases; use fewer nested aliases"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
	cycle := parseDiags(t, "version: 1\nexpect: &x [*x]\n")
	if len(cycle) != 1 || !strings.Contains(cycle[0], "through aliases") {
		t.Errorf("alias cycle: %q", cycle)
	}
}

// TestUnknownFieldInsideCustomType: inside a type that decodes itself (a function's
// variability holds a distribution), an unknown field still gets a suggestion.
func TestUnknownFieldInsideCustomType(t *testing.T) {
	src := strings.Replace(base, "handler: {cpu: 10ms}", "handler: {cpu: 10ms, variability: {kind: normal, mean: 1, sdd: 2}}", 1)
	got := parseDiags(t, src)
	want := `f.yaml:8:67: services[0].functions[0].handler.variability: unknown field "sdd"; did you mean "sd"?`
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
