package sweep

import (
	"math"
	"strings"
	"testing"
)

// sz is a size that ran n invocations with the given cost per 1M and p50/p99 in ms.
func sz(mb int, cost, p50, p99 float64) Size {
	return Size{MemoryMB: mb, Invocations: 1000, CostPer1M: cost, P50Ms: p50, P99Ms: p99}
}

// curve is a hand-made sweep: cost falls then rises, duration falls then flattens.
//
//	size  cost  p50  p99   balanced w 0.5 (max cost 4.0, max p50 900)
//	128   2.0   900  2000  0.5·0.50 + 0.5·1.0000 = 0.7500
//	256   1.8   400  1000  0.5·0.45 + 0.5·0.4444 = 0.4472
//	512   2.2   250   300  0.5·0.55 + 0.5·0.2778 = 0.4139  ← balanced
//	1024  4.0   200   500  0.5·1.00 + 0.5·0.2222 = 0.6111
func curve() []Size {
	return []Size{sz(128, 2.0, 900, 2000), sz(256, 1.8, 400, 1000), sz(512, 2.2, 250, 300), sz(1024, 4.0, 200, 500)}
}

func obj(strategy string, w float64, pct string) Objective {
	return Objective{Strategy: strategy, Weight: w, Percentile: pct}
}

func TestOptimum(t *testing.T) {
	withErr := curve()
	withErr[1].Error = "function svc/worker: vcpu out of range" // the cheapest cannot run
	withErr[1].Invocations = 0
	oom := curve()
	oom[0].CostPer1M, oom[0].Errors.OOM = 0.1, 1000 // fails fast and cheap: never the optimum
	allOOM := curve()
	for i := range allOOM {
		allOOM[i].Errors.OOM = uint64(400 - 100*i) // 40%, 30%, 20%, 10%: only 1024 has the least
	}
	tieCost := []Size{sz(128, 1.0, 500, 900), sz(256, 1.0, 300, 900), sz(512, 1.0, 300, 900)}
	tieSpeed := []Size{sz(512, 3.0, 100, 900), sz(1024, 2.0, 100, 900), sz(2048, 2.0, 100, 900)}
	none := []Size{{MemoryMB: 128, Error: "boom"}, {MemoryMB: 256}}
	allFail := []Size{sz(128, 1, 10, 10), sz(256, 2, 10, 10)}
	allFail[0].Errors.OOM, allFail[1].Errors.Timeout = 1000, 1000
	for _, tc := range []struct {
		name  string
		sizes []Size
		o     Objective
		want  int // MB; 0 = none
	}{
		{"cost", curve(), obj(Cost, 0.5, P50), 256},
		{"speed p50", curve(), obj(Speed, 0.5, P50), 1024},
		{"speed p99", curve(), obj(Speed, 0.5, P99), 512},
		{"balanced 0.5", curve(), obj(Balanced, 0.5, P50), 512},
		{"balanced all cost", curve(), obj(Balanced, 1, P50), 256},
		{"balanced all speed", curve(), obj(Balanced, 0, P50), 1024},
		// w 0.9: 256 → 0.9·0.45+0.1·0.4444 = 0.4494; 512 → 0.9·0.55+0.1·0.2778 = 0.5228
		{"balanced 0.9", curve(), obj(Balanced, 0.9, P50), 256},
		{"size that errors entirely", withErr, obj(Cost, 0.5, P50), 128},
		{"out of memory excluded", oom, obj(Cost, 0.5, P50), 256},
		{"least memory failures", allOOM, obj(Cost, 0.5, P50), 1024},
		{"tie on cost: shorter duration, then less memory", tieCost, obj(Cost, 0.5, P50), 256},
		{"tie on speed: cheaper, then less memory", tieSpeed, obj(Speed, 0.5, P50), 1024},
		{"balanced tie: less memory", []Size{sz(256, 1, 100, 1), sz(128, 1, 100, 1)}, obj(Balanced, 0.5, P50), 128},
		{"nothing ran", none, obj(Balanced, 0.5, P50), 0},
		{"every invocation failed", allFail, obj(Cost, 0.5, P50), 0},
		{"empty", nil, obj(Cost, 0.5, P50), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			i, ok := Optimum(tc.sizes, tc.o)
			got := 0
			if ok {
				got = tc.sizes[i].MemoryMB
			}
			if got != tc.want {
				t.Errorf("optimum = %d MB, want %d MB (scores %v)", got, tc.want, Scores(tc.sizes, tc.o))
			}
		})
	}
}

func TestScoresBalanced(t *testing.T) {
	want := []float64{0.75, 0.5*0.45 + 0.5*400.0/900, 0.5*0.55 + 0.5*250.0/900, 0.5 + 0.5*200.0/900}
	got := Scores(curve(), DefaultObjective())
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Errorf("score[%d] = %v, want %v", i, got[i], want[i])
		}
	}
	s := curve()
	s[3].Error = "x" // the maxima are over eligible sizes only: max cost becomes 2.2
	if got := Scores(s, DefaultObjective()); !math.IsNaN(got[3]) || math.Abs(got[2]-(0.5+0.5*250.0/900)) > 1e-12 {
		t.Errorf("scores without 1024 = %v, want NaN for 1024 and 0.5·1 + 0.5·250/900 for 512", got)
	}
	free := []Size{sz(128, 0, 100, 1), sz(256, 0, 50, 1)} // no prices: the cost term counts 0
	if got := Scores(free, DefaultObjective()); got[0] != 0.5 || got[1] != 0.25 {
		t.Errorf("scores with zero cost = %v, want [0.5 0.25]", got)
	}
}

func TestCompare(t *testing.T) {
	c := curve()
	for _, tc := range []struct {
		s, base Size
		o       Objective
		phrase  string
	}{
		{c[1], c[0], DefaultObjective(), "10% cheaper, 56% faster"},           // (2−1.8)/2, (900−400)/900
		{c[3], c[2], DefaultObjective(), "82% dearer, 20% faster"},            // (2.2−4)/2.2, (250−200)/250
		{c[3], c[2], obj(Speed, 0, P99), "82% dearer, 67% slower"},            // (300−500)/300
		{c[0], c[0], DefaultObjective(), "same cost, same speed"},             //
		{c[1], Size{MemoryMB: 64, Error: "x"}, DefaultObjective(), "n/a"},     // baseline did not run
		{c[1], sz(128, 0, 900, 900), DefaultObjective(), "n/a"},               // no prices
		{Size{MemoryMB: 512, Error: "boom"}, c[0], DefaultObjective(), "n/a"}, // size did not run
	} {
		if got := Compare(tc.s, tc.base, tc.o).Phrase(); got != tc.phrase {
			t.Errorf("%d MB vs %d MB: %q, want %q", tc.s.MemoryMB, tc.base.MemoryMB, got, tc.phrase)
		}
	}
}

func TestEvaluate(t *testing.T) {
	r := Result{Function: "svc/worker", BaselineMB: 128, Sizes: curve()}
	rep := Evaluate(r, DefaultObjective())
	if rep.OptimumMB != 512 || !strings.Contains(rep.Verdict, "512 MB — 10% dearer, 72% faster than the baseline 128 MB") {
		t.Errorf("optimum %d, verdict %q", rep.OptimumMB, rep.Verdict)
	}
	r.BaselineMB = 768 // not among the sizes
	rep = Evaluate(r, DefaultObjective())
	for _, c := range rep.VsBaseline {
		if c.OK {
			t.Errorf("comparison with a baseline that did not run: %+v", c)
		}
	}
	if !strings.Contains(rep.Verdict, "no comparison: the baseline 768 MB did not run") {
		t.Errorf("verdict %q", rep.Verdict)
	}
	r.BaselineMB = 512
	if rep = Evaluate(r, DefaultObjective()); rep.Verdict != "optimum (balanced, w 0.5, p50): 512 MB, the baseline" {
		t.Errorf("verdict %q", rep.Verdict)
	}
	r.CurrentMB = 512
	if rep = Evaluate(r, DefaultObjective()); rep.Verdict != "optimum (balanced, w 0.5, p50): 512 MB, the current setting" {
		t.Errorf("verdict %q", rep.Verdict)
	}
	r.BaselineMB = 128
	if rep = Evaluate(r, DefaultObjective()); !strings.HasSuffix(rep.Verdict, "faster than the baseline 128 MB") {
		t.Errorf("verdict %q", rep.Verdict)
	}
	if rep = Evaluate(Result{Sizes: []Size{{MemoryMB: 128, Error: "x"}}}, obj(Cost, 0.5, P50)); rep.OptimumMB != 0 ||
		rep.Verdict != "optimum (cost): none — no size ran without errors" {
		t.Errorf("optimum %d, verdict %q", rep.OptimumMB, rep.Verdict)
	}
}

func TestObjectiveValidate(t *testing.T) {
	for _, tc := range []struct {
		o   Objective
		err string
	}{
		{DefaultObjective(), ""},
		{obj(Cost, 0, P99), ""},
		{obj("cheap", 0.5, P50), `strategy "cheap" is not one of cost, speed, balanced`},
		{obj(Balanced, 1.5, P50), "weight 1.5 is out of range"},
		{obj(Balanced, math.NaN(), P50), "weight NaN is out of range"},
		{obj(Speed, 0.5, "p90"), `percentile "p90" is not one of p50, p99`},
	} {
		err := tc.o.Validate()
		if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("%+v: %v, want %q", tc.o, err, tc.err)
		}
	}
}
