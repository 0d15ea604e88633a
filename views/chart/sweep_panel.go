package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// panel builds one sweep panel: markers per series at the tested sizes (plus lines when asked),
// the optimum as a shaded band labelled "optimum" with diamond markers, and the baseline as a
// dashed line. yfmt formats the Y ticks.
func (sp sweepPlot) panel(title, ylabel string, yfmt func(v, step float64) string, ss []sweepSeries) *Panel {
	th := sp.th
	p := newPlot(th, "memory", ylabel)
	pn := &Panel{Plot: p, Title: title}
	sizes := make([]float64, len(sp.pts))
	for i, pt := range sp.pts {
		sizes[i] = pt.MemoryMB
	}
	var marks []plot.Plotter
	for _, s := range ss {
		if len(s.xy) == 0 {
			continue
		}
		if sp.lines {
			p.Add(line(s.xy, withAlpha(s.col, 0.6), 1))
		}
		sc, _ := plotter.NewScatter(s.xy)
		sc.GlyphStyle = draw.GlyphStyle{Color: s.col, Radius: 3.2, Shape: s.glyph}
		marks = append(marks, sc)
		pn.Legend = append(pn.Legend, LegendItem{Label: s.name, Thumbs: []plot.Thumbnailer{sc}})
		marks = append(marks, sp.optimumMarks(s)...)
	}
	if len(marks) == 0 {
		markEmpty(p, th, pn)
		return pn
	}
	if len(pn.Legend) == 1 {
		pn.Legend = nil
	}
	sp.addOptimumBand(p, pn)
	sp.addBaseline(p, pn)
	p.Add(marks...)
	p.X.Scale = plot.LogScale{}
	p.X.Min, p.X.Max = sizes[0]/1.3, sizes[len(sizes)-1]*1.3
	p.X.Tick.Marker = fixedTicks{Values: sizes, Format: memoryLabel}
	p.Y.Tick.Marker = scaledTicks{Div: 1, N: 4, Format: yfmt}
	p.Y.Min = math.Min(p.Y.Min, 0)
	p.Y.Max *= 1.12 // room for the optimum label
	fixRange(&p.X, true)
	fixRange(&p.Y, false)
	roundUpAxis(&p.Y, 4)
	return pn
}

// hasSize reports whether mb is one of the tested sizes.
func (sp sweepPlot) hasSize(mb float64) bool {
	for _, p := range sp.pts {
		if p.MemoryMB == mb {
			return true
		}
	}
	return false
}

// optimumMarks returns a large diamond in the series colour on s's optimum point.
func (sp sweepPlot) optimumMarks(s sweepSeries) []plot.Plotter {
	for _, xy := range s.xy {
		if xy.X == sp.s.OptimumMB {
			sc, _ := plotter.NewScatter(plotter.XYs{xy})
			sc.GlyphStyle = draw.GlyphStyle{Color: s.col, Radius: 4.5, Shape: diamondGlyph{}}
			return []plot.Plotter{sc}
		}
	}
	return nil
}

// addOptimumBand shades the optimum size and adds "optimum N MB" to the legend.
func (sp sweepPlot) addOptimumBand(p *plot.Plot, pn *Panel) {
	if !sp.hasSize(sp.s.OptimumMB) {
		return
	}
	b := band{x0: sp.s.OptimumMB / 1.12, x1: sp.s.OptimumMB * 1.12,
		fill:  withAlpha(sp.th.Foreground, 0.08),
		label: "optimum", text: textStyle(sp.th.FontSize, true, sp.th.Foreground),
		glyph: draw.GlyphStyle{Color: sp.th.Foreground, Radius: 3.5, Shape: diamondGlyph{}}}
	p.Add(b)
	pn.Legend = append(pn.Legend, LegendItem{Label: "optimum", Thumbs: []plot.Thumbnailer{b}})
}

// addBaseline draws the current setting as a dashed vertical line and adds it to the legend.
func (sp sweepPlot) addBaseline(p *plot.Plot, pn *Panel) {
	if !sp.hasSize(sp.s.BaselineMB) || sp.s.BaselineMB == sp.s.OptimumMB {
		return
	}
	v := vline{x: sp.s.BaselineMB,
		style: draw.LineStyle{Color: sp.th.Muted, Width: 1, Dashes: []vg.Length{4, 3}}}
	p.Add(v)
	pn.Legend = append(pn.Legend, LegendItem{Label: "current", Thumbs: []plot.Thumbnailer{v}})
}

// addErrors rings, in the accent colour, the points of xy whose size had errors, with the
// error rate written under them, and adds "errors" to the legend.
func (sp sweepPlot) addErrors(pn *Panel, xy plotter.XYs) {
	var ringed plotter.XYs
	for _, pt := range sp.pts {
		if pt.ErrorRate <= 0 || !finite(pt.ErrorRate) {
			continue
		}
		for _, v := range xy {
			if v.X == pt.MemoryMB {
				ringed = append(ringed, v)
				pn.Plot.Add(pointLabel{x: v.X, y: v.Y, below: true,
					label: fmt.Sprintf("%s%% errors", number(pt.ErrorRate*100, 0.1)),
					style: textStyle(sp.th.FontSize, true, sp.th.Accent)})
			}
		}
	}
	if len(ringed) == 0 {
		return
	}
	sc, _ := plotter.NewScatter(ringed)
	sc.GlyphStyle = draw.GlyphStyle{Color: sp.th.Accent, Radius: 6, Shape: draw.RingGlyph{}}
	pn.Plot.Add(sc)
	pn.Legend = append(pn.Legend, LegendItem{Label: "errors", Thumbs: []plot.Thumbnailer{sc}})
}
