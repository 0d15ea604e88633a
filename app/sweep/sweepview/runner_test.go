package sweepview

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/fanout/fanout/app/cli"
	"github.com/fanout/fanout/app/sweep"
	"github.com/fanout/fanout/views"
)

func openRunner(t *testing.T) Runner {
	t.Helper()
	_, cfg, err := cli.OpenScenario("../../cli/testdata/sweep/resize.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return Runner{Config: cfg, Options: sweep.Options{Invocations: 400}}
}

func TestRunnerFunctions(t *testing.T) {
	got := openRunner(t).SweepFunctions()
	if want := []views.SweepFunction{{Key: "media/resize", CurrentMB: 512}}; !reflect.DeepEqual(got, want) {
		t.Errorf("functions %+v, want %+v", got, want)
	}
}

// The screen's view of a sweep matches the library's: the same rows, the same optimum.
func TestRunnerSweepAndJudge(t *testing.T) {
	r := openRunner(t)
	var calls []int
	res, err := r.RunSweep(context.Background(), views.SweepRequest{Function: "media/resize",
		SizesMB: []int{128, 1024, 2048}, BaselineMB: 512}, func(done, total int) {
		if total != 4 {
			t.Errorf("total %d, want 4 (the baseline is added)", total)
		}
		calls = append(calls, done)
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(calls, []int{1, 2, 3, 4}) || len(res.Rows) != 4 || res.BaselineMB != 512 {
		t.Fatalf("progress %v, %d rows, baseline %d", calls, len(res.Rows), res.BaselineMB)
	}
	if r0 := res.Rows[0]; r0.MemoryMB != 128 || r0.OOM == 0 || r0.ErrorRate != 1 {
		t.Errorf("128 MB row %+v: want every invocation out of memory (working set 200 MB)", r0)
	}
	lib, err := sweep.Run(context.Background(), r.Config, "media/resize", []int{128, 1024, 2048},
		sweep.Options{Invocations: 400, BaselineMB: 512})
	if err != nil {
		t.Fatal(err)
	}
	for _, obj := range []views.SweepObjective{
		{Strategy: "cost", Weight: 0.5, Percentile: "p50"}, {Strategy: "speed", Weight: 0.5, Percentile: "p99"},
		{Strategy: "balanced", Weight: 0.3, Percentile: "p50"}} {
		j := r.JudgeSweep(res, obj)
		rep := sweep.Evaluate(lib, sweep.Objective{Strategy: obj.Strategy, Weight: obj.Weight, Percentile: obj.Percentile})
		if j.OptimumMB != rep.OptimumMB || j.Verdict != rep.Verdict || len(j.VsBaseline) != 4 {
			t.Errorf("%+v: screen %d MB %q, library %d MB %q", obj, j.OptimumMB, j.Verdict, rep.OptimumMB, rep.Verdict)
		}
		if !strings.Contains(j.VsBaseline[2], "faster") {
			t.Errorf("1 GB vs 512 MB: %q", j.VsBaseline[2])
		}
	}
}

func TestRunnerCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := openRunner(t).RunSweep(ctx, views.SweepRequest{Function: "resize", SizesMB: []int{256}, BaselineMB: 512}, nil)
	if err != context.Canceled {
		t.Errorf("err %v, want context.Canceled", err)
	}
}
