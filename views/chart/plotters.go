package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/brewer"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// note draws a line of text centred in the data area.
type note struct {
	text  string
	style text.Style
}

// Plot implements plot.Plotter.
func (n note) Plot(c draw.Canvas, _ *plot.Plot) {
	s := n.style
	s.XAlign, s.YAlign = draw.XCenter, draw.YCenter
	c.FillText(s, c.Center(), n.text)
}

// diamondGlyph draws a filled diamond; it marks the sweep optimum.
type diamondGlyph struct{}

// DrawGlyph implements draw.GlyphDrawer.
func (diamondGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	r := sty.Radius * 1.3
	var p vg.Path
	p.Move(vg.Point{X: pt.X, Y: pt.Y + r})
	p.Line(vg.Point{X: pt.X + r, Y: pt.Y})
	p.Line(vg.Point{X: pt.X, Y: pt.Y - r})
	p.Line(vg.Point{X: pt.X - r, Y: pt.Y})
	p.Close()
	c.SetColor(sty.Color)
	c.Fill(p)
}

// heatCells draws a grid of counts with explicit cell edges, so cells stay exact on a log
// latency axis (plotter.HeatMap infers edges as linear midpoints between cell centres, which is
// wrong for log-spaced buckets). Colour is the palette index of log(count)/log(max); zero
// counts are left unpainted.
type heatCells struct {
	h   Heatmap
	tdv float64 // seconds → time-axis unit
	pal []color.Color
	max float64
}

// Plot implements plot.Plotter.
func (hc *heatCells) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for col, counts := range hc.h.Counts {
		if col+1 >= len(hc.h.Times) {
			break
		}
		x0, x1 := trX(hc.h.Times[col]/hc.tdv), trX(hc.h.Times[col+1]/hc.tdv)
		for row, n := range counts {
			if n == 0 || row+1 >= len(hc.h.Edges) || hc.h.Edges[row] <= 0 {
				continue
			}
			y0, y1 := trY(hc.h.Edges[row]), trY(hc.h.Edges[row+1])
			pts := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
			c.FillPolygon(hc.colorOf(float64(n)), c.ClipPolygonXY(pts))
		}
	}
}

// colorOf maps a positive count to a palette colour on a log scale.
func (hc *heatCells) colorOf(n float64) color.Color {
	i := 0
	if hc.max > 1 {
		i = int(math.Round(math.Log(n) / math.Log(hc.max) * float64(len(hc.pal)-1)))
	}
	return hc.pal[max(0, min(i, len(hc.pal)-1))]
}

// DataRange implements plot.DataRanger.
func (hc *heatCells) DataRange() (xmin, xmax, ymin, ymax float64) {
	t, e := hc.h.Times, hc.h.Edges
	return t[0] / hc.tdv, t[len(t)-1] / hc.tdv, e[0], e[len(e)-1]
}

// colourScale draws the heatmap's legend: the palette as stacked bands from 1 to max on the
// (log) Y axis of a narrow plot.
type colourScale struct {
	pal []color.Color
	max float64
}

// Plot implements plot.Plotter.
func (cs colourScale) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(cs.pal)
	for i, col := range cs.pal {
		lo := math.Pow(cs.max, float64(i)/float64(n))
		hi := math.Pow(cs.max, float64(i+1)/float64(n))
		pts := []vg.Point{{X: trX(0), Y: trY(lo)}, {X: trX(1), Y: trY(lo)}, {X: trX(1), Y: trY(hi)}, {X: trX(0), Y: trY(hi)}}
		c.FillPolygon(col, c.ClipPolygonXY(pts))
	}
}

// heatPalette returns the sequential, colour-blind-safe palette for heatmaps (ColorBrewer
// YlGnBu, 9 classes), reversed on dark themes so that low counts recede into the background.
func heatPalette(th Theme) []color.Color {
	p, err := brewer.GetPalette(brewer.TypeSequential, "YlGnBu", 9)
	if err != nil { // cannot happen: the palette is compiled in
		panic(fmt.Sprintf("chart: brewer YlGnBu: %v", err))
	}
	cols := append([]color.Color(nil), p.Colors()...)
	if th.HeatLowDark {
		slices.Reverse(cols)
	}
	return cols
}

// vline draws a vertical line at x across the data area.
type vline struct {
	x     float64
	style draw.LineStyle
}

// Plot implements plot.Plotter.
func (v vline) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	x := trX(v.x)
	if x < c.Min.X || x > c.Max.X {
		return
	}
	c.StrokeLine2(v.style, x, c.Min.Y, x, c.Max.Y)
}

// Thumbnail implements plot.Thumbnailer.
func (v vline) Thumbnail(c *draw.Canvas) {
	x := (c.Min.X + c.Max.X) / 2
	c.StrokeLine2(v.style, x, c.Min.Y, x, c.Max.Y)
}

// pointLabel writes text just above a data point (below it when asked or when there is no
// room above).
type pointLabel struct {
	x, y  float64
	label string
	style text.Style
	below bool // prefer below the point
}

// Plot implements plot.Plotter.
func (l pointLabel) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	pt := vg.Point{X: trX(l.x), Y: trY(l.y) + 8}
	s := l.style
	s.XAlign, s.YAlign = draw.XCenter, draw.YBottom
	if l.below || pt.Y+s.Height(l.label) > c.Max.Y {
		pt.Y -= 16
		s.YAlign = draw.YTop
	}
	w := s.Width(l.label) / 2
	pt.X = max(c.Min.X+w, min(pt.X, c.Max.X-w))
	c.FillText(s, pt, l.label)
}

// band shades a vertical strip [x0, x1] of the data area and writes a label at its top.
type band struct {
	x0, x1 float64
	fill   color.Color
	label  string
	text   text.Style
	glyph  draw.GlyphStyle // drawn in the legend thumbnail
}

// Plot implements plot.Plotter.
func (b band) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	x0, x1 := max(trX(b.x0), c.Min.X), min(trX(b.x1), c.Max.X)
	if x1 <= x0 {
		return
	}
	pts := []vg.Point{{X: x0, Y: c.Min.Y}, {X: x1, Y: c.Min.Y}, {X: x1, Y: c.Max.Y}, {X: x0, Y: c.Max.Y}}
	c.FillPolygon(b.fill, pts)
	if b.label != "" {
		s := b.text
		s.XAlign, s.YAlign = draw.XCenter, draw.YTop
		w := s.Width(b.label) / 2
		x := max(c.Min.X+w, min((x0+x1)/2, c.Max.X-w))
		c.FillText(s, vg.Point{X: x, Y: c.Max.Y}, b.label)
	}
}

// Thumbnail implements plot.Thumbnailer.
func (b band) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(b.fill, []vg.Point{c.Min, {X: c.Max.X, Y: c.Min.Y}, c.Max, {X: c.Min.X, Y: c.Max.Y}})
	c.DrawGlyph(b.glyph, c.Center())
}
