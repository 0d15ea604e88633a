package chart

import (
	"fmt"
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

// SweepChart charts a memory sweep as three panels against memory (log-scaled, ticks at the
// tested sizes): duration p50 and p99, cost per million invocations, and cold-start time.
// Points are markers only unless o.Lines. The optimum is a shaded, labelled band with diamond
// markers; the baseline (current setting) a dashed line; sizes with errors are ringed in the
// accent colour with their error rate. The chart's note says how the optimum compares with
// the baseline (SweepSummary).
func SweepChart(s Sweep, o Options) *Chart {
	th := o.Theme.orDefault()
	pts := sweepPoints(s.Points)
	get := func(f func(SweepPoint) float64) plotter.XYs {
		out := make(plotter.XYs, 0, len(pts))
		for _, p := range pts {
			if v := f(p); finite(v) {
				out = append(out, plotter.XY{X: p.MemoryMB, Y: v})
			}
		}
		return out
	}
	maxMs := 0.0
	for _, p := range pts {
		maxMs = math.Max(maxMs, math.Max(p.P50Ms, p.P99Ms))
	}
	ddiv, unit := durationUnit(maxMs)
	scale := func(xy plotter.XYs, k float64) plotter.XYs {
		out := append(plotter.XYs(nil), xy...)
		for i := range out {
			out[i].Y *= k
		}
		return out
	}
	sp := sweepPlot{th: th, s: s, pts: pts, lines: o.Lines}
	dur := sp.panel("duration", "duration ("+unit+")", number, []sweepSeries{
		{"p50", scale(get(func(p SweepPoint) float64 { return p.P50Ms }), 1/ddiv), th.color(0), draw.CircleGlyph{}},
		{"p99", scale(get(func(p SweepPoint) float64 { return p.P99Ms }), 1/ddiv), th.color(2), draw.TriangleGlyph{}},
	})
	cost := sp.panel("cost per 1M invocations", "cost (USD)", money, []sweepSeries{
		{"cost", get(func(p SweepPoint) float64 { return p.CostPer1M }), th.color(1), draw.CircleGlyph{}},
	})
	sp.addErrors(dur, scale(get(func(p SweepPoint) float64 { return p.P50Ms }), 1/ddiv))
	cold := sp.panel("cold start", "cold start (ms)", number, []sweepSeries{
		{"cold start", get(func(p SweepPoint) float64 { return p.ColdStartMs }), th.color(4), draw.CircleGlyph{}},
	})
	cold.Legend = nil // the panels above explain the markers
	c := &Chart{Title: o.title("Memory sweep"), Theme: th, Note: SweepSummary(s),
		Rows: []Row{{Panels: []*Panel{dur, cost}, Weight: 1.6}, {Panels: []*Panel{cold}}}}
	return c
}

// sweepPoints returns the points with a positive finite memory size, sorted by size.
func sweepPoints(in []SweepPoint) []SweepPoint {
	var out []SweepPoint
	for _, p := range in {
		if finite(p.MemoryMB) && p.MemoryMB > 0 {
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].MemoryMB < out[j].MemoryMB })
	return out
}

// SweepSummary says how the optimum compares with the baseline, e.g. "optimum (balanced):
// 512 MB — 38% cheaper and 61% faster (p50) than the current 128 MB". It returns "" when
// either is missing from the points.
func SweepSummary(s Sweep) string {
	var opt, base *SweepPoint
	for i := range s.Points {
		if s.Points[i].MemoryMB == s.OptimumMB {
			opt = &s.Points[i]
		}
		if s.Points[i].MemoryMB == s.BaselineMB {
			base = &s.Points[i]
		}
	}
	if opt == nil || base == nil || s.OptimumMB <= 0 || s.BaselineMB <= 0 {
		return ""
	}
	head := "optimum"
	if s.Objective != "" {
		head += " (" + s.Objective + ")"
	}
	if opt == base {
		return fmt.Sprintf("%s: %s, the current setting", head, memoryLabel(opt.MemoryMB))
	}
	return fmt.Sprintf("%s: %s — %s and %s (p50) than the current %s", head, memoryLabel(opt.MemoryMB),
		relative(opt.CostPer1M, base.CostPer1M, "cheaper", "dearer"),
		relative(opt.P50Ms, base.P50Ms, "faster", "slower"), memoryLabel(base.MemoryMB))
}

// relative words v against ref: "38% cheaper", "12% dearer", "as cheap".
func relative(v, ref float64, less, more string) string {
	if ref <= 0 || !finite(v) || !finite(ref) {
		return "n/a " + less
	}
	d := math.Round((v - ref) / ref * 100)
	switch {
	case d < 0:
		return fmt.Sprintf("%.0f%% %s", -d, less)
	case d > 0:
		return fmt.Sprintf("%.0f%% %s", d, more)
	}
	return "about as " + less[:len(less)-2]
}

// sweepSeries is one set of markers in a sweep panel.
type sweepSeries struct {
	name  string
	xy    plotter.XYs
	col   color.Color
	glyph draw.GlyphDrawer
}

// sweepPlot builds the panels of one sweep.
type sweepPlot struct {
	th    Theme
	s     Sweep
	pts   []SweepPoint
	lines bool
}
