package load

import (
	"os"
	"testing"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/fanout/fanout/engine/sim"
)

// FuzzSpecDecode decodes arbitrary YAML into a Spec, validates it, and when valid builds it
// and samples a few events and arrivals: nothing may panic or hang.
func FuzzSpecDecode(f *testing.F) {
	if b, err := os.ReadFile("testdata/uploads.yaml"); err == nil {
		var specs []yaml.MapSlice
		if yaml.Unmarshal(b, &specs) == nil {
			for _, s := range specs {
				if out, err := yaml.Marshal(s); err == nil {
					f.Add(out)
				}
			}
		}
	}
	for _, s := range []string{
		uploadsSpec,
		"name: r\narrival: {process: replay, file: t, format: cloudevents}\n",
		"name: r\narrival: {process: replay, file: t}\n" + okEvent,
		"name: b\narrival: {process: bursts, on_rate: 1/s, on: 1ms, off: 1h, poisson: true}\n" + okEvent,
		"name: d\narrival: {process: diurnal, rate: 1/s, amplitude: 1}\n" + okEvent + "vars: {a: {choice: [{value: {x: 1}}]}, b: {expr: 'a.x + 1'}}\n",
		"name: c\narrival: {process: ramp, from: 0/s, to: 1/s, over: 1s}\nevents: [{event: {source: a, type: b, data: [1]}, fields: {data.x.y: {uuid: true}, subject: {seq: {format: '%x'}}}}]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		var s Spec
		if err := yaml.UnmarshalWithOptions(in, &s, yaml.DisallowUnknownField()); err != nil {
			return
		}
		if s.Validate() != nil {
			return
		}
		trace := []byte("0\n1.5\n3\n")
		if s.Arrival.Format == FormatCloudEvents {
			trace = []byte(`{"specversion":"1.0","id":"1","source":"s","type":"t","time":"2026-01-01T00:00:00Z"}` + "\n")
		}
		l, err := Build(s, Env{Streams: sim.NewStreams(1), Start: time.Unix(0, 0), Horizon: sim.Time(time.Hour),
			ReadFile: func(string) ([]byte, error) { return trace, nil }})
		if err != nil {
			t.Fatalf("valid spec failed to build: %v\n%s", err, in)
		}
		evs, _ := l.Sample(5)
		for _, e := range evs {
			_ = e.JSON()
		}
		if _, err := yaml.Marshal(s); err != nil {
			t.Fatalf("valid spec does not encode: %v", err)
		}
	})
}

// FuzzReplayParse parses arbitrary replay input in both formats: no panic, and a successful
// parse gives sorted, finite, non-negative offsets starting at 0 (and one event per offset).
func FuzzReplayParse(f *testing.F) {
	f.Add([]byte("# trace\n10\n12.5\n11\n"), false)
	f.Add([]byte("2026-01-01T00:00:00Z\n2026-01-01T00:00:01.5+01:00\n"), false)
	f.Add([]byte(`{"specversion":"1.0","id":"1","source":"s","type":"t","time":"2026-01-01T00:00:00Z","data":{"a":1}}`+"\n"), true)
	f.Add([]byte(`{"specversion":"1.0","id":"1","source":"s","type":"t","time":"2020-08-17T16:04:46.149Asia/Shanghai"}`), true)
	f.Fuzz(func(t *testing.T, in []byte, ce bool) {
		format := FormatTimestamps
		if ce {
			format = FormatCloudEvents
		}
		tr, err := ParseTrace("f", format, in)
		if err != nil {
			return
		}
		if len(tr.Offsets) == 0 || tr.Offsets[0] != 0 || (ce && len(tr.Events) != len(tr.Offsets)) {
			t.Fatalf("bad trace %+v", tr)
		}
		for i := 1; i < len(tr.Offsets); i++ {
			if !(tr.Offsets[i] >= tr.Offsets[i-1]) {
				t.Fatalf("offsets not sorted: %v", tr.Offsets)
			}
		}
	})
}
