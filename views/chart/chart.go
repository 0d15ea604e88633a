package chart

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Chart is a titled figure made of one or more panels laid out in rows. It implements Drawer,
// so it can be rendered with PNG, SVG and Image at any size.
type Chart struct {
	Title string
	Note  string // one line under the title (e.g. the sweep's verdict); optional
	Theme Theme
	Rows  []Row
	// AlignX aligns the data areas of rows that hold a single panel, so stacked panels that
	// share a time axis line up.
	AlignX bool
}

// Row is a horizontal band of panels; Weight is its share of the height (0 means 1).
type Row struct {
	Panels []*Panel
	Weight float64
}

// Panel is one plot with an optional heading and a legend drawn as a row above the plot.
type Panel struct {
	Title  string
	Plot   *plot.Plot
	Legend []LegendItem
	Weight float64 // share of the row's width (0 means 1)
	Empty  bool    // the panel had no data and shows the "no data yet" note
}

// LegendItem is one legend entry: a label and the plotter(s) whose thumbnail it shows.
type LegendItem struct {
	Label  string
	Thumbs []plot.Thumbnailer
}

// Panels returns every panel, row by row.
func (c *Chart) Panels() []*Panel {
	var out []*Panel
	for _, r := range c.Rows {
		out = append(out, r.Panels...)
	}
	return out
}

const (
	outerPad = vg.Length(8)
	gap      = vg.Length(10)
)

// Draw draws the chart onto dc. It never panics on a chart built by this package.
func (c *Chart) Draw(dc draw.Canvas) {
	th := c.Theme.orDefault()
	dc.SetColor(th.Background)
	dc.Fill(dc.Rectangle.Path())
	dc = draw.Crop(dc, outerPad, -outerPad, outerPad, -outerPad)
	if c.Title != "" {
		sty := textStyle(th.FontSize+3, true, th.Foreground)
		h := sty.Height(c.Title)
		dc.FillText(sty, vg.Point{X: dc.Min.X, Y: dc.Max.Y - h}, c.Title)
		dc.Max.Y -= h + gap/2
	}
	if c.Note != "" {
		sty := textStyle(th.FontSize+0.5, false, th.Foreground)
		h := sty.Height(c.Note)
		dc.FillText(sty, vg.Point{X: dc.Min.X, Y: dc.Max.Y - h}, c.Note)
		dc.Max.Y -= h + gap/2
	}
	var aligned []draw.Canvas
	var alignedPlots []*plot.Plot
	for i, area := range c.rowSplit(dc, th) {
		for j, pc := range split(area, weightsOfPanels(c.Rows[i].Panels), true) {
			pn := c.Rows[i].Panels[j]
			pc = pn.drawHeader(pc, th)
			if c.AlignX && len(c.Rows[i].Panels) == 1 {
				aligned = append(aligned, pc)
				alignedPlots = append(alignedPlots, pn.Plot)
				continue
			}
			pn.Plot.Draw(pc)
		}
	}
	alignLeftRight(alignedPlots, aligned)
	for k, p := range alignedPlots {
		p.Draw(aligned[k])
	}
}

// alignLeftRight shrinks each canvas so that the plots' data areas share left and right edges.
func alignLeftRight(ps []*plot.Plot, cs []draw.Canvas) {
	if len(ps) < 2 {
		return
	}
	var left, right vg.Length
	for i, p := range ps {
		d := p.DataCanvas(cs[i])
		left = max(left, d.Min.X-cs[i].Min.X)
		right = max(right, cs[i].Max.X-d.Max.X)
	}
	for i, p := range ps {
		d := p.DataCanvas(cs[i])
		cs[i].Min.X += left - (d.Min.X - cs[i].Min.X)
		cs[i].Max.X -= right - (cs[i].Max.X - d.Max.X)
	}
}
