package views

import (
	"context"
	"errors"
	"fmt"
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/fanout/fanout/views/chart"
)

// onRun starts a sweep on its own goroutine; progress and the result come back through fyne.Do.
func (s *SweepScreen) onRun() {
	req, err := s.request()
	if err != nil {
		s.showError(err.Error())
		return
	}
	s.Stop()
	s.errLabel.Hide()
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.runID++
	id := s.runID
	total := len(sweepUnique(append(append([]int(nil), req.SizesMB...), req.BaselineMB)))
	s.progress.Max = float64(total)
	s.progress.SetValue(0)
	s.setStatus(fmt.Sprintf("0 of %d sizes", total))
	s.runBtn.Disable()
	s.cancelBtn.Enable()
	go func() {
		res, err := s.runner.RunSweep(ctx, req, func(done, total int) {
			fyne.Do(func() { s.onProgress(id, done, total) })
		})
		fyne.Do(func() { s.finish(id, res, err) })
	}()
}

// Stop cancels the running sweep, if any. The screen's owner calls it when the screen goes
// away (e.g. another scenario is opened).
func (s *SweepScreen) Stop() {
	if c := s.cancel; c != nil {
		s.cancel = nil // before cancelling: the sweep's goroutine may see it at once
		c()
	}
}

// setStatus sets the text the progress bar shows.
func (s *SweepScreen) setStatus(text string) {
	s.status.SetText(text)
	s.progress.Refresh()
}

// Running reports whether a sweep is in progress.
func (s *SweepScreen) Running() bool { return s.cancel != nil }

func (s *SweepScreen) onProgress(id, done, total int) {
	if id != s.runID {
		return
	}
	s.progress.Max = float64(total)
	s.progress.SetValue(float64(done))
	s.setStatus(fmt.Sprintf("%d of %d sizes", done, total))
}

// finish shows the result of run id (ignored when a newer run started).
func (s *SweepScreen) finish(id int, res SweepResult, err error) {
	if s.afterFinish != nil {
		defer s.afterFinish()
	}
	if id != s.runID {
		return
	}
	s.Stop() // release the context
	s.runBtn.Enable()
	s.cancelBtn.Disable()
	switch {
	case errors.Is(err, context.Canceled):
		s.setStatus("cancelled")
		return
	case err != nil:
		s.setStatus("failed")
		s.showError("sweep failed: " + err.Error())
		return
	}
	s.setStatus(fmt.Sprintf("%d sizes swept", len(res.Rows)))
	s.result = &res
	s.show(res)
}

// show judges res under the current objective and refreshes the verdict, chart and table.
func (s *SweepScreen) show(res SweepResult) {
	s.judgment = s.runner.JudgeSweep(res, s.objective())
	s.verdict.SetText("◆ " + s.judgment.Verdict)
	s.rows = sweepTable(res, s.judgment)
	s.table.Refresh()
	s.chart.Refresh()
}

func (s *SweepScreen) showError(msg string) {
	s.errLabel.SetText(msg)
	s.errLabel.Show()
}

// chartData is the sweep chart's input for the last result (empty before the first sweep).
func (s *SweepScreen) chartData() chart.Sweep {
	if s.result == nil {
		return chart.Sweep{}
	}
	sw := chart.Sweep{OptimumMB: float64(s.judgment.OptimumMB), BaselineMB: float64(s.result.BaselineMB),
		Objective: s.strategy.Selected}
	for _, r := range s.result.Rows {
		if r.Err != "" {
			continue
		}
		sw.Points = append(sw.Points, chart.SweepPoint{MemoryMB: float64(r.MemoryMB), P50Ms: r.P50Ms, P99Ms: r.P99Ms,
			ColdStartMs: r.ColdStartMs, CostPer1M: r.CostPer1M, ErrorRate: r.ErrorRate})
	}
	return sw
}

// drawChart renders the sweep chart at the raster's pixel size.
func (s *SweepScreen) drawChart(w, h int) image.Image {
	if w < 2 || h < 2 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	o := chart.Options{}
	if a := fyne.CurrentApp(); a != nil && a.Settings().ThemeVariant() == theme.VariantDark {
		o.Theme = chart.Dark()
	}
	return chart.Image(chart.SweepChart(s.chartData(), o), w, h)
}
