package fc

import (
	"testing"
	"time"

	"github.com/fanout/fanout/engine/sim"
	"github.com/goccy/go-yaml"
)

// FuzzSpec: any YAML either fails to decode or validate, or builds functions that run a few
// invocations without panicking and with sane results.
func FuzzSpec(f *testing.F) {
	f.Add([]byte(exampleYAML))
	f.Add([]byte("services: [{name: s, functions: [{name: f, runtime: go1, handler: {cpu: 1s, variability: {kind: empirical, values: [1, 2]}}}]}]"))
	f.Add([]byte("services: [{name: s, functions: [{name: f, runtime: java11, classpath_mb: 2, concurrency: 3, provisioned: 2, handler: {failure: 'data.x', duration_extra: '1/0'}}]}]"))
	f.Add([]byte("services: [{name: s, functions: [{name: f, runtime: go1, memory: 1e30}]}]"))
	f.Fuzz(func(t *testing.T, b []byte) {
		var doc struct {
			Services []ServiceSpec `yaml:"services"`
		}
		if yaml.UnmarshalWithOptions(b, &doc, yaml.Strict()) != nil || ValidateServices(doc.Services) != nil {
			return
		}
		s := sim.NewScheduler()
		env := Env{Sched: s, Streams: sim.NewStreams(1)}
		c := &collector{}
		for _, svc := range doc.Services {
			fns, err := NewService(svc, env)
			if err != nil {
				t.Fatalf("valid spec failed to build: %v", err)
			}
			for _, fn := range fns {
				if fn.Spec().Provisioned > 50 || fn.Spec().MaxInstances > 1000 {
					continue // keep the fuzz fast
				}
				for range 3 {
					_ = fn.Invoke(Request{Event: []byte(`{"data":{"x":"oom"}}`)}, c)
				}
			}
		}
		s.RunUntil(sim.Time(48 * time.Hour))
		if s.Pending() > 0 && s.Pending() > 10000 {
			t.Fatalf("%d actions pending", s.Pending())
		}
		if c.execSum < 0 {
			t.Fatal("negative execution time")
		}
	})
}
