package sweep

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/field"
)

// smallConfig is a short run: Poisson at 20/s for 120 s (about 2,400 invocations).
func smallConfig() (cfgRate float64, d time.Duration) { return 20, 120 * time.Second }

func runSmall(t *testing.T, sizes []int, opts Options) Result {
	t.Helper()
	rate, d := smallConfig()
	res, err := Run(context.Background(), testConfig(rate, d, cpuHandler()), "worker", sizes, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestRunDeterministic(t *testing.T) {
	sizes := []int{128, 512, 2048}
	var out [3][]byte
	for i, p := range []int{1, 3, 2} {
		var b bytes.Buffer
		rep := Evaluate(runSmall(t, sizes, Options{Parallel: p}), DefaultObjective())
		if err := WriteJSON(&b, rep); err != nil {
			t.Fatal(err)
		}
		out[i] = b.Bytes()
	}
	if !bytes.Equal(out[0], out[1]) || !bytes.Equal(out[0], out[2]) {
		t.Errorf("the same sweep gave different JSON with 1, 3 and 2 workers:\n%s\n---\n%s", out[0], out[1])
	}
}

// A size swept alone gives exactly the figures it gives inside a parallel sweep: the worlds
// share nothing mutable.
func TestRunSizesIndependent(t *testing.T) {
	all := runSmall(t, []int{256, 512, 1024}, Options{Parallel: 3})
	alone := runSmall(t, []int{512}, Options{BaselineMB: 512})
	got, _ := all.Find(512)
	if !reflect.DeepEqual(got, alone.Sizes[0]) {
		t.Errorf("512 MB in a sweep %+v\nalone %+v", got, alone.Sizes[0])
	}
}

// The same seed gives the same arrivals at every size: with no failures and no throttling,
// completed plus running invocations are the events routed, the same at every size.
func TestRunSameArrivals(t *testing.T) {
	rate, d := smallConfig()
	cfg := testConfig(rate, d, cpuHandler())
	cfg.Services[0].Functions[0].Timeout = field.Duration(time.Minute) // no timeouts at 128 MB
	res, err := Run(context.Background(), cfg, "worker", DefaultSizes, Options{})
	if err != nil {
		t.Fatal(err)
	}
	first := res.Sizes[0].Invocations + int64(res.Sizes[0].InFlight)
	for _, s := range res.Sizes {
		if n := s.Invocations + int64(s.InFlight); n != first || n < 2000 {
			t.Errorf("%d MB: %d invocations + in flight, want %d (same at every size)", s.MemoryMB, n, first)
		}
		if s.Error != "" || s.ErrorRate != 0 || s.Stopped {
			t.Errorf("%d MB: error %q, rate %v, stopped %v", s.MemoryMB, s.Error, s.ErrorRate, s.Stopped)
		}
	}
}

// The handler uses two threads: duration falls with memory until two vCPUs (about 3.5 GB),
// and the cold start (handler init scales with the CPU share up to one vCPU) falls until
// one vCPU.
func TestRunMemoryCurve(t *testing.T) {
	res := runSmall(t, []int{128, 256, 512, 1024, 2048}, Options{})
	for i := 1; i < len(res.Sizes); i++ {
		a, b := res.Sizes[i-1], res.Sizes[i]
		if !(b.P50Ms < a.P50Ms*0.6) {
			t.Errorf("p50 %d MB %.1f ms → %d MB %.1f ms: want roughly halved", a.MemoryMB, a.P50Ms, b.MemoryMB, b.P50Ms)
		}
		if !(b.P50Ms <= b.P90Ms && b.P90Ms <= b.P99Ms) || b.ColdStarts == 0 || b.ColdStartMs <= 0 {
			t.Errorf("%d MB: p50 %v p90 %v p99 %v, cold starts %d (%v ms)", b.MemoryMB, b.P50Ms, b.P90Ms, b.P99Ms,
				b.ColdStarts, b.ColdStartMs)
		}
		if b.CostPer1M <= 0 || b.VCPU <= a.VCPU {
			t.Errorf("%d MB: cost/1M %v, vCPU %v", b.MemoryMB, b.CostPer1M, b.VCPU)
		}
	}
	if a, b := res.Sizes[0], res.Sizes[3]; !(b.ColdStartMs < a.ColdStartMs/2) {
		t.Errorf("cold start 128 MB %.1f ms, 1 GB %.1f ms: want the init to shrink with the CPU share", a.ColdStartMs, b.ColdStartMs)
	}
}

func TestRunWorkingSetOOM(t *testing.T) {
	h := cpuHandler()
	h.WorkingSet = 300 << 20
	rate, d := smallConfig()
	res, err := Run(context.Background(), testConfig(rate, d, h), "svc/worker", []int{256, 384, 512}, Options{BaselineMB: 512})
	if err != nil {
		t.Fatal(err)
	}
	if s := res.Sizes[0]; s.MemoryMB != 256 || s.Errors.OOM == 0 || s.ErrorRate != 1 {
		t.Errorf("256 MB below a 300 MB working set: %+v errors, rate %v; want every invocation out of memory", s.Errors, s.ErrorRate)
	}
	for _, s := range res.Sizes[1:] {
		if s.Errors.OOM != 0 {
			t.Errorf("%d MB: %d out of memory", s.MemoryMB, s.Errors.OOM)
		}
	}
	if rep := Evaluate(res, obj(Cost, 0, P50)); rep.OptimumMB == 256 {
		t.Errorf("the size that fails out of memory was chosen: %s", rep.Verdict)
	}
}

func TestRunInvocationLimit(t *testing.T) {
	res := runSmall(t, []int{128, 1024}, Options{Invocations: 500})
	for _, s := range res.Sizes {
		if s.Invocations != 500 || !s.Stopped || s.SimSeconds >= 120 {
			t.Errorf("%d MB: %d invocations at %.1f s, stopped %v; want 500 and stopped early", s.MemoryMB,
				s.Invocations, s.SimSeconds, s.Stopped)
		}
	}
	if res.InvocationLimit != 500 {
		t.Errorf("limit %d", res.InvocationLimit)
	}
}

func TestRunBaselineAdded(t *testing.T) {
	res := runSmall(t, []int{1024, 256}, Options{BaselineMB: 384})
	var got []int
	for _, s := range res.Sizes {
		got = append(got, s.MemoryMB)
	}
	if !reflect.DeepEqual(got, []int{256, 384, 1024}) || res.BaselineMB != 384 || res.CurrentMB != 128 {
		t.Errorf("sizes %v, baseline %d, current %d", got, res.BaselineMB, res.CurrentMB)
	}
	if res := runSmall(t, []int{256}, Options{}); res.BaselineMB != 128 || len(res.Sizes) != 2 {
		t.Errorf("default baseline %d (want the current 128 MB), sizes %d", res.BaselineMB, len(res.Sizes))
	}
}

func TestRunProgressAndCancel(t *testing.T) {
	var seen []int
	res := runSmall(t, []int{128, 256, 512}, Options{Progress: func(p Progress) {
		seen = append(seen, p.Done)
		if p.Total != 3 || p.Size.Invocations == 0 {
			t.Errorf("progress %+v", p)
		}
	}})
	if !reflect.DeepEqual(seen, []int{1, 2, 3}) || len(res.Sizes) != 3 {
		t.Errorf("progress %v, %d sizes", seen, len(res.Sizes))
	}

	ctx, cancel := context.WithCancel(context.Background())
	rate, _ := smallConfig()
	res, err := Run(ctx, testConfig(rate, time.Hour, cpuHandler()), "worker", []int{128, 256, 512, 1024}, Options{
		Parallel: 1, Progress: func(Progress) { cancel() }})
	if !errors.Is(err, context.Canceled) || len(res.Sizes) != 1 {
		t.Errorf("cancelled after the first size: err %v, %d sizes", err, len(res.Sizes))
	}
}

func TestRunBadInput(t *testing.T) {
	rate, d := smallConfig()
	cfg := testConfig(rate, d, cpuHandler())
	for _, tc := range []struct {
		fn    string
		sizes []int
		opts  Options
		want  string
	}{
		{"nope", []int{128}, Options{}, `function "nope" not found; the scenario's functions are svc/worker`},
		{"other/worker", []int{128}, Options{}, `function "other/worker" not found`},
		{"worker", []int{100}, Options{}, "memory 100 MB is not valid"},
		{"worker", []int{128}, Options{BaselineMB: 200}, "memory 200 MB is not valid"},
		{"worker", nil, Options{}, "no memory sizes"},
	} {
		_, err := Run(context.Background(), cfg, tc.fn, tc.sizes, tc.opts)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Run(%q, %v): %v, want %q", tc.fn, tc.sizes, err, tc.want)
		}
	}
	if cfg.Services[0].Functions[0].Memory != 128<<20 {
		t.Error("Run changed the caller's configuration")
	}
}

func TestResolveAmbiguous(t *testing.T) {
	rate, d := smallConfig()
	cfg := testConfig(rate, d, cpuHandler())
	other := cfg.Services[0]
	other.Name = "other"
	cfg.Services = append(cfg.Services, other)
	if _, err := Resolve(cfg, "worker"); err == nil || !strings.Contains(err.Error(), "ambiguous: name it as service/function (svc/worker or other/worker)") {
		t.Errorf("Resolve: %v", err)
	}
	if r, err := Resolve(cfg, "other/worker"); err != nil || r.Key() != "other/worker" {
		t.Errorf("Resolve(other/worker) = %v, %v", r, err)
	}
}
