package views

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// fakeSweeper is a SweepRunner with canned figures: the duration halves with each doubling of
// memory, the cost is flat then rises. With block set, RunSweep waits for ctx to be cancelled.
type fakeSweeper struct {
	block bool
	req   SweepRequest
	objs  []SweepObjective
}

func (f *fakeSweeper) SweepFunctions() []SweepFunction {
	return []SweepFunction{{Key: "media/resize", CurrentMB: 512}, {Key: "media/index", CurrentMB: 128}}
}

func (f *fakeSweeper) RunSweep(ctx context.Context, req SweepRequest, progress func(done, total int)) (SweepResult, error) {
	f.req = req
	if f.block {
		<-ctx.Done()
		return SweepResult{}, ctx.Err()
	}
	sizes := sweepUnique(append(append([]int(nil), req.SizesMB...), req.BaselineMB))
	res := SweepResult{Function: req.Function, BaselineMB: req.BaselineMB}
	for i, mb := range sizes {
		p50 := 400.0 * 512 / float64(mb)
		row := SweepRow{MemoryMB: mb, Invocations: 1000, ColdStarts: 10, ColdStartMs: 200, P50Ms: p50,
			P90Ms: p50 * 1.3, P99Ms: p50 * 2, CostPer1M: 2 + float64(mb)/1024}
		if mb == 128 {
			row.OOM, row.ErrorRate = 1000, 1
		}
		res.Rows = append(res.Rows, row)
		progress(i+1, len(sizes))
	}
	return res, nil
}

// JudgeSweep: cost picks the smallest size that ran clean, anything else the largest.
func (f *fakeSweeper) JudgeSweep(res SweepResult, obj SweepObjective) SweepJudgement {
	f.objs = append(f.objs, obj)
	j := SweepJudgement{}
	for _, r := range res.Rows {
		if r.OOM == 0 && (j.OptimumMB == 0 || obj.Strategy != "cost") {
			j.OptimumMB = r.MemoryMB
		}
		j.VsBaseline = append(j.VsBaseline, fmt.Sprintf("vs %d", r.MemoryMB))
	}
	j.Verdict = fmt.Sprintf("optimum (%s): %d MB", obj.Strategy, j.OptimumMB)
	return j
}

// newSweepTest builds the screen in a window; done receives after every finished run.
func newSweepTest(t *testing.T, f *fakeSweeper) (*SweepScreen, chan struct{}) {
	t.Helper()
	test.NewTempApp(t)
	s := NewSweepScreen(f)
	done := make(chan struct{}, 4)
	s.afterFinish = func() { done <- struct{}{} }
	w := test.NewWindow(s.Content())
	w.Resize(fyne.NewSize(1000, 800))
	t.Cleanup(w.Close)
	return s, done
}

func TestSweepScreenDefaults(t *testing.T) {
	s, _ := newSweepTest(t, &fakeSweeper{})
	if s.function.Selected != "media/resize" || s.baseline.Text != "512" {
		t.Errorf("function %q, baseline %q; want the first function and its current 512 MB", s.function.Selected, s.baseline.Text)
	}
	s.function.SetSelected("media/index")
	if s.baseline.Text != "128" {
		t.Errorf("baseline %q after choosing media/index, want 128", s.baseline.Text)
	}
	if got := len(s.sizes.Selected); got != 8 || s.strategy.Selected != "balanced" || s.weight.Value != 0.5 {
		t.Errorf("%d sizes, strategy %q, weight %v", got, s.strategy.Selected, s.weight.Value)
	}
}

func TestSweepScreenRun(t *testing.T) {
	f := &fakeSweeper{}
	s, done := newSweepTest(t, f)
	s.sizes.SetSelected([]string{"128 MB", "1 GB", "2 GB"})
	test.Type(s.extra, "640, 1792MB")
	test.Tap(s.runBtn)
	<-done
	want := SweepRequest{Function: "media/resize", SizesMB: []int{128, 640, 1024, 1792, 2048}, BaselineMB: 512}
	if !reflect.DeepEqual(f.req, want) {
		t.Fatalf("request %+v, want %+v", f.req, want)
	}
	if s.progress.Value != 6 || s.progress.Max != 6 || s.status.Text != "6 sizes swept" || s.Running() {
		t.Errorf("progress %v/%v, status %q, running %v", s.progress.Value, s.progress.Max, s.status.Text, s.Running())
	}
	if len(s.rows) != 7 || s.rows[1][0] != "128 MB" || s.rows[2][0] != "= 512 MB" || s.rows[6][0] != "◆ 2 GB" {
		t.Fatalf("table rows %q", s.rows)
	}
	if s.rows[2][10] != "baseline" || s.rows[3][10] != "vs 640" || s.rows[6][4] != "100 ms" || s.rows[1][7] != "1,000" {
		t.Errorf("rows %q", s.rows)
	}
	if s.verdict.Text != "◆ optimum (balanced): 2048 MB" || s.runBtn.Disabled() {
		t.Errorf("verdict %q", s.verdict.Text)
	}
	// The chart gets the tested sizes only (128 MB failed out of memory but ran, so it is a
	// point with its error rate), the optimum and the baseline.
	cd := s.chartData()
	if len(cd.Points) != 6 || cd.OptimumMB != 2048 || cd.BaselineMB != 512 || cd.Points[0].ErrorRate != 1 {
		t.Errorf("chart data %+v", cd)
	}
	if img := s.drawChart(640, 400); img.Bounds().Dx() != 640 || img.Bounds().Dy() != 400 {
		t.Errorf("chart image %v", img.Bounds())
	}
	// Changing the strategy re-judges without running again.
	s.strategy.SetSelected("cost")
	if last := f.objs[len(f.objs)-1]; last.Strategy != "cost" || s.verdict.Text != "◆ optimum (cost): 512 MB" {
		t.Errorf("after choosing cost: objective %+v, verdict %q", last, s.verdict.Text)
	}
	if s.rows[2][0] != "◆ 512 MB" || !s.weight.Disabled() {
		t.Errorf("rows %q, weight disabled %v", s.rows, s.weight.Disabled())
	}
}

func TestSweepScreenCancel(t *testing.T) {
	f := &fakeSweeper{block: true}
	s, done := newSweepTest(t, f)
	test.Tap(s.runBtn)
	if !s.Running() || !s.runBtn.Disabled() || s.cancelBtn.Disabled() {
		t.Fatalf("while running: running %v, run disabled %v, cancel disabled %v", s.Running(), s.runBtn.Disabled(), s.cancelBtn.Disabled())
	}
	test.Tap(s.cancelBtn)
	<-done
	if s.status.Text != "cancelled" || s.runBtn.Disabled() || s.Running() || s.result != nil {
		t.Errorf("after cancel: status %q, run disabled %v", s.status.Text, s.runBtn.Disabled())
	}
}

func TestSweepScreenBadInput(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(s *SweepScreen)
		want string
	}{
		{"bad extra size", func(s *SweepScreen) { s.extra.SetText("100") }, `size "100" is not valid`},
		{"no sizes", func(s *SweepScreen) { s.sizes.SetSelected(nil) }, "choose at least one memory size"},
		{"bad baseline", func(s *SweepScreen) { s.baseline.SetText("1000") }, `baseline "1000" is not valid`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeSweeper{}
			s, _ := newSweepTest(t, f)
			tc.set(s)
			test.Tap(s.runBtn)
			if s.Running() || f.req.Function != "" {
				t.Fatal("a sweep started on bad input")
			}
			if !s.errLabel.Visible() || !strings.Contains(s.errLabel.Text, tc.want) {
				t.Errorf("error %q (visible %v), want %q", s.errLabel.Text, s.errLabel.Visible(), tc.want)
			}
		})
	}
}

func TestSweepScreenNoFunctions(t *testing.T) {
	test.NewTempApp(t)
	s := NewSweepScreen(&noFunctions{})
	if !s.runBtn.Disabled() || !strings.Contains(s.status.Text, "no functions") {
		t.Errorf("run disabled %v, status %q", s.runBtn.Disabled(), s.status.Text)
	}
}

type noFunctions struct{ fakeSweeper }

func (noFunctions) SweepFunctions() []SweepFunction { return nil }
