package fc

import (
	"strings"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/sim"
)

func validFn() FunctionSpec {
	return FunctionSpec{Name: "fn", Runtime: "python3.10", Memory: 512 << 20,
		Handler: HandlerSpec{CPU: dur(100 * time.Millisecond)}}
}

func intp(n int) *int { return &n }

// TestValidateLimits checks every limit at and just past its bounds. path "" means valid.
func TestValidateLimits(t *testing.T) {
	const mb = 1 << 20
	cases := []struct {
		name string
		mod  func(*FunctionSpec)
		path string
	}{
		{"valid", func(*FunctionSpec) {}, ""},
		{"memory min", func(f *FunctionSpec) { f.Memory = 128 * mb }, ""},
		{"memory max", func(f *FunctionSpec) { f.Memory = 32 << 30 }, ""},
		{"memory 64 MB step", func(f *FunctionSpec) { f.Memory = 192 * mb }, ""},
		{"memory below min", func(f *FunctionSpec) { f.Memory = 64 * mb }, "memory"},
		{"memory above max", func(f *FunctionSpec) { f.Memory = 32<<30 + 64*mb }, "memory"},
		{"memory off step", func(f *FunctionSpec) { f.Memory = 200 * mb }, "memory"},
		{"vcpu 1:1", func(f *FunctionSpec) { f.Memory, f.VCPU = 1<<30, 1 }, ""},
		{"vcpu 1:4", func(f *FunctionSpec) { f.Memory, f.VCPU = 1<<30, 0.25 }, ""},
		{"vcpu above 1:1", func(f *FunctionSpec) { f.Memory, f.VCPU = 1<<30, 1.05 }, "vcpu"},
		{"vcpu below 1:4", func(f *FunctionSpec) { f.Memory, f.VCPU = 1<<30, 0.2 }, "vcpu"},
		{"vcpu step", func(f *FunctionSpec) { f.Memory, f.VCPU = 1<<30, 0.33 }, "vcpu"},
		{"vcpu min", func(f *FunctionSpec) { f.Memory, f.VCPU = 128*mb, 0.05 }, ""},
		{"vcpu below min", func(f *FunctionSpec) { f.Memory, f.VCPU = 128*mb, 0.01 }, "vcpu"},
		{"vcpu max", func(f *FunctionSpec) { f.Memory, f.VCPU = 32<<30, 16 }, ""},
		{"vcpu above max", func(f *FunctionSpec) { f.Memory, f.VCPU = 32<<30, 16.05 }, "vcpu"},
		{"name 64", func(f *FunctionSpec) { f.Name = "a" + strings.Repeat("b", 63) }, ""},
		{"name 65", func(f *FunctionSpec) { f.Name = "a" + strings.Repeat("b", 64) }, "name"},
		{"name underscore start", func(f *FunctionSpec) { f.Name = "_f-1" }, ""},
		{"name digit start", func(f *FunctionSpec) { f.Name = "1f" }, "name"},
		{"name dash start", func(f *FunctionSpec) { f.Name = "-f" }, "name"},
		{"name dot", func(f *FunctionSpec) { f.Name = "f.g" }, "name"},
		{"name empty", func(f *FunctionSpec) { f.Name = "" }, "name"},
		{"runtime unknown", func(f *FunctionSpec) { f.Runtime = "python2.7" }, "runtime"},
		{"timeout min", func(f *FunctionSpec) { f.Timeout = dur(time.Second) }, ""},
		{"timeout max", func(f *FunctionSpec) { f.Timeout = dur(86400 * time.Second) }, ""},
		{"timeout short", func(f *FunctionSpec) { f.Timeout = dur(999 * time.Millisecond) }, "timeout"},
		{"timeout long", func(f *FunctionSpec) { f.Timeout = dur(86401 * time.Second) }, "timeout"},
		{"concurrency 200", func(f *FunctionSpec) { f.Concurrency = 200 }, ""},
		{"concurrency 201", func(f *FunctionSpec) { f.Concurrency = 201 }, "concurrency"},
		{"concurrency negative", func(f *FunctionSpec) { f.Concurrency = -1 }, "concurrency"},
		{"max_instances negative", func(f *FunctionSpec) { f.MaxInstances = -1 }, "max_instances"},
		{"provisioned = max", func(f *FunctionSpec) { f.MaxInstances, f.Provisioned = 5, 5 }, ""},
		{"provisioned > max", func(f *FunctionSpec) { f.MaxInstances, f.Provisioned = 5, 6 }, "provisioned"},
		{"provisioned negative", func(f *FunctionSpec) { f.Provisioned = -1 }, "provisioned"},
		{"keep_alive short", func(f *FunctionSpec) { f.KeepAlive = dur(time.Millisecond) }, "keep_alive"},
		{"keep_alive long", func(f *FunctionSpec) { f.KeepAlive = dur(25 * time.Hour) }, "keep_alive"},
		{"selection", func(f *FunctionSpec) { f.InstanceSelection = "fifo" }, "instance_selection"},
		{"retries 0", func(f *FunctionSpec) { f.Async.MaxRetries = intp(0) }, ""},
		{"retries 8", func(f *FunctionSpec) { f.Async.MaxRetries = intp(8) }, ""},
		{"retries 9", func(f *FunctionSpec) { f.Async.MaxRetries = intp(9) }, "async.max_retries"},
		{"retries -1", func(f *FunctionSpec) { f.Async.MaxRetries = intp(-1) }, "async.max_retries"},
		{"age 1s", func(f *FunctionSpec) { f.Async.MaxEventAge = dur(time.Second) }, ""},
		{"age 7d", func(f *FunctionSpec) { f.Async.MaxEventAge = dur(7 * 24 * time.Hour) }, ""},
		{"age short", func(f *FunctionSpec) { f.Async.MaxEventAge = dur(500 * time.Millisecond) }, "async.max_event_age"},
		{"age long", func(f *FunctionSpec) { f.Async.MaxEventAge = dur(7*24*time.Hour + time.Second) }, "async.max_event_age"},
		{"classpath on python", func(f *FunctionSpec) { f.ClasspathMB = 10 }, "classpath_mb"},
		{"classpath on java", func(f *FunctionSpec) { f.Runtime, f.ClasspathMB = "java11", 40 }, ""},
		{"container needs image", func(f *FunctionSpec) { f.Runtime = "custom-container" }, "image"},
		{"image on python", func(f *FunctionSpec) { f.Image = &ImageSpec{Size: 100 * mb} }, "image"},
		{"image too big", func(f *FunctionSpec) {
			f.Runtime, f.Image = "custom-container", &ImageSpec{Size: 11 << 30}
		}, "image.size"},
		{"cold start bad", func(f *FunctionSpec) { f.ColdStart = &sim.Spec{Kind: "exponential"} }, "cold_start"},
		{"threads 0 is default", func(f *FunctionSpec) { f.Handler.Threads = 0 }, ""},
		{"threads 65", func(f *FunctionSpec) { f.Handler.Threads = 65 }, "handler.threads"},
		{"cpu negative", func(f *FunctionSpec) { f.Handler.CPU = -1 }, "handler.cpu"},
		{"failure rate 1", func(f *FunctionSpec) { f.Handler.FailureRate = 1 }, ""},
		{"failure rate 1.5", func(f *FunctionSpec) { f.Handler.FailureRate = 1.5 }, "handler.failure_rate"},
		{"sigma negative", func(f *FunctionSpec) { f.Handler.Variability = &Variability{Sigma: -1} }, "handler.variability"},
		{"variability dist", func(f *FunctionSpec) {
			f.Handler.Variability = &Variability{Dist: &sim.Spec{Kind: "uniform", Min: 0.5, Max: 1.5}}
		}, ""},
		{"variability zero mean", func(f *FunctionSpec) {
			f.Handler.Variability = &Variability{Dist: &sim.Spec{Kind: "constant"}}
		}, "handler.variability"},
		{"failure expr", func(f *FunctionSpec) { f.Handler.Failure = `data.size > 5 ? "timeout" : ""` }, ""},
		{"failure expr syntax", func(f *FunctionSpec) { f.Handler.Failure = `data.size >` }, "handler.failure"},
		{"extra expr syntax", func(f *FunctionSpec) { f.Handler.DurationExtra = `(1` }, "handler.duration_extra"},
	}
	for _, c := range cases {
		f := validFn()
		c.mod(&f)
		err := f.Validate()
		if c.path == "" {
			if err != nil {
				t.Errorf("%s: unexpected error %v", c.name, err)
			}
			continue
		}
		fl, ok := err.(field.List)
		if !ok || len(fl) == 0 {
			t.Errorf("%s: got %v, want an error at %q", c.name, err, c.path)
			continue
		}
		if fl[0].Path != c.path {
			t.Errorf("%s: error at %q (%v), want %q", c.name, fl[0].Path, err, c.path)
		}
	}
}

func TestValidateServices(t *testing.T) {
	svc := ServiceSpec{Name: "media", Functions: []FunctionSpec{validFn(), validFn()}}
	err := ValidateServices([]ServiceSpec{svc, {Name: "media"}})
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	for _, want := range []string{
		`[0].functions[1].name: duplicate function name "fn"`,
		`[1].functions: a service needs at least one function`,
		`[1].name: duplicate service name "media"`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in %q", want, msg)
		}
	}
}

func TestDefaults(t *testing.T) {
	f := FunctionSpec{Name: "f", Runtime: "go1"}.WithDefaults()
	if f.Memory != 128<<20 || f.Timeout.D() != 3*time.Second || f.Concurrency != 1 ||
		f.MaxInstances != 100 || f.KeepAlive.D() != 5*time.Minute || f.InstanceSelection != "newest" ||
		*f.Async.MaxRetries != 3 || f.Async.MaxEventAge.D() != 6*time.Hour || f.Handler.Threads != 1 {
		t.Errorf("defaults: %+v", f)
	}
	if v := DefaultVCPU(1769 << 20); !near(v, 1, 1e-12) {
		t.Errorf("DefaultVCPU(1769 MB) = %v, want 1", v)
	}
	if v := DefaultVCPU(32 << 30); v != 16 {
		t.Errorf("DefaultVCPU(32 GB) = %v, want the 16 cap", v)
	}
}
