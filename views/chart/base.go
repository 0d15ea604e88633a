package chart

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// NoData is the note an empty panel shows.
const NoData = "no data yet"

// newPlot returns a plot styled by th with axis labels xl and yl and a horizontal grid.
// The plot has a transparent background: the Chart paints the page.
func newPlot(th Theme, xl, yl string) *plot.Plot {
	p := plot.New()
	p.BackgroundColor = nil
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Label.TextStyle.Font = fontOf(th.FontSize+0.5, false)
		ax.Label.TextStyle.Color = th.Foreground
		ax.Tick.Label.Font = fontOf(th.FontSize, false)
		ax.Tick.Label.Color = th.Muted
		ax.LineStyle.Color = th.Muted
		ax.LineStyle.Width = 0.6
		ax.Tick.LineStyle.Color = th.Muted
		ax.Tick.LineStyle.Width = 0.6
		ax.Tick.Length = 3
		ax.Padding = 2
	}
	p.X.Label.Text, p.Y.Label.Text = xl, yl
	g := plotter.NewGrid()
	g.Vertical.Color = nil
	g.Horizontal.Color = th.Grid
	g.Horizontal.Width = 0.5
	p.Add(g)
	return p
}

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// xys converts points to plotter.XYs in display units (T divided by tdiv, V times vmul),
// dropping non-finite samples.
func xys(pts []Point, tdiv, vmul float64) plotter.XYs {
	out := make(plotter.XYs, 0, len(pts))
	for _, pt := range pts {
		x, y := pt.T/tdiv, pt.V*vmul
		if finite(x) && finite(y) {
			out = append(out, plotter.XY{X: x, Y: y})
		}
	}
	return out
}

// addLine adds a solid line of width w in colour c to p, with a dot when there is a single
// point (a one-point line draws nothing), and returns the line for the legend.
func addLine(p *plot.Plot, data plotter.XYs, c color.Color, w vg.Length) *plotter.Line {
	ln := line(data, c, w)
	p.Add(ln)
	if len(data) == 1 {
		sc, _ := plotter.NewScatter(data)
		sc.GlyphStyle = draw.GlyphStyle{Color: c, Radius: w * 1.6, Shape: draw.CircleGlyph{}}
		p.Add(sc)
	}
	return ln
}

// line makes a solid line plotter of width w in colour c.
func line(data plotter.XYs, c color.Color, w vg.Length) *plotter.Line {
	l := &plotter.Line{XYs: data}
	l.LineStyle = draw.LineStyle{Color: c, Width: w}
	return l
}

// fixRange widens degenerate axis ranges (a single point, all-equal values, values too large
// for ±1 to change them) and keeps log axes positive, so drawing never divides by zero.
func fixRange(ax *plot.Axis, logScale bool) {
	if !finite(ax.Min) || !finite(ax.Max) || ax.Min > ax.Max {
		ax.Min, ax.Max = 0, 1
	}
	if logScale {
		if ax.Min <= 0 {
			ax.Min = math.Max(ax.Max/1000, math.SmallestNonzeroFloat64)
			if ax.Max <= 0 {
				ax.Min, ax.Max = 1, 10
			}
		}
		if ax.Max/ax.Min < 1.5 {
			ax.Min, ax.Max = ax.Min/1.5, ax.Max*1.5
		}
		return
	}
	span := ax.Max - ax.Min
	scale := math.Max(math.Abs(ax.Min), math.Abs(ax.Max))
	if span <= scale*1e-9 || span == 0 {
		pad := math.Max(scale*0.1, 1)
		if ax.Min >= 0 && ax.Min-pad < 0 {
			ax.Min, ax.Max = 0, ax.Max+pad
		} else {
			ax.Min, ax.Max = ax.Min-pad, ax.Max+pad
		}
	}
}

// zeroBased extends the Y range to include 0 (counts, depths, cost).
func zeroBased(p *plot.Plot) {
	p.Y.Min = math.Min(p.Y.Min, 0)
}

// markEmpty turns p into an empty frame with the NoData note and no ticks.
func markEmpty(p *plot.Plot, th Theme, pn *Panel) {
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	p.X.Scale, p.Y.Scale = plot.LinearScale{}, plot.LinearScale{}
	p.X.Tick.Marker = plot.ConstantTicks(nil)
	p.Y.Tick.Marker = plot.ConstantTicks(nil)
	p.Add(note{text: NoData, style: textStyle(th.FontSize+2, false, th.Muted)})
	pn.Empty = true
	pn.Legend = nil
}

// single wraps one panel in a one-row chart.
func single(title string, th Theme, pn *Panel) *Chart {
	return &Chart{Title: title, Theme: th, Rows: []Row{{Panels: []*Panel{pn}}}}
}

// timeAxis sets up p.X for simulated time whose largest value is maxSec and returns the
// divisor that converts seconds to the axis unit.
func timeAxis(p *plot.Plot, maxSec float64) float64 {
	div, unit := timeUnit(maxSec)
	p.X.Label.Text = "simulated time (" + unit + ")"
	p.X.Tick.Marker = scaledTicks{Div: 1, Format: number}
	return div
}

// maxT returns the largest finite T over the series.
func maxT(ss ...[]Point) float64 {
	m := 0.0
	for _, s := range ss {
		for _, p := range s {
			if finite(p.T) && p.T > m {
				m = p.T
			}
		}
	}
	return m
}

// maxV returns the largest finite V over the series.
func maxV(ss ...[]Point) float64 {
	m := 0.0
	for _, s := range ss {
		for _, p := range s {
			if finite(p.V) && p.V > m {
				m = p.V
			}
		}
	}
	return m
}
