package chart

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Layout: a panel is a header (heading, legend lines) above a plot; a plot is axes around a
// data area. Rows first receive their fixed overhead (headers, axes, tick labels) and then
// share the remaining height by weight, so small rows keep a readable data area.

const (
	thumbW    = vg.Length(14)
	headerGap = vg.Length(3)
)

// drawHeader draws the panel heading and legend at the top of pc and returns the rest.
func (pn *Panel) drawHeader(pc draw.Canvas, th Theme) draw.Canvas {
	if pn.Title != "" {
		sty := textStyle(th.FontSize+1, true, th.Foreground)
		h := sty.Height(pn.Title)
		pc.FillText(sty, vg.Point{X: pc.Min.X, Y: pc.Max.Y - h}, pn.Title)
		pc.Max.Y -= h + headerGap
	}
	if len(pn.Legend) > 0 {
		sty, lineH, pos := legendLayout(th, pn.Legend, pc.Max.X-pc.Min.X)
		desc := sty.FontExtents().Descent
		for k, it := range pn.Legend {
			x, y := pc.Min.X+pos[k].X, pc.Max.Y-lineH*(pos[k].Y+1)
			icon := draw.Canvas{Canvas: pc.Canvas, Rectangle: vg.Rectangle{
				Min: vg.Point{X: x, Y: y + 1}, Max: vg.Point{X: x + thumbW, Y: y + lineH - 3}}}
			for _, t := range it.Thumbs {
				t.Thumbnail(&icon)
			}
			pc.FillText(sty, vg.Point{X: x + thumbW + 4, Y: y + desc}, it.Label)
		}
		pc.Max.Y -= lineH*(pos[len(pos)-1].Y+1) + headerGap
	}
	return pc
}

// headerHeight is the height drawHeader takes in a panel of width w.
func (pn *Panel) headerHeight(th Theme, w vg.Length) vg.Length {
	var h vg.Length
	if pn.Title != "" {
		h += textStyle(th.FontSize+1, true, th.Foreground).Height(pn.Title) + headerGap
	}
	if len(pn.Legend) > 0 {
		_, lineH, pos := legendLayout(th, pn.Legend, w)
		h += lineH*(pos[len(pos)-1].Y+1) + headerGap
	}
	return h
}

// legendLayout places legend items left to right, wrapping within width w: pos[k].X is the
// item's x offset and pos[k].Y its line number (0 = top).
func legendLayout(th Theme, items []LegendItem, w vg.Length) (text.Style, vg.Length, []vg.Point) {
	sty := textStyle(th.FontSize, false, th.Foreground)
	lineH := sty.Height("Ag") + 2
	pos := make([]vg.Point, len(items))
	var x, line vg.Length
	for k, it := range items {
		iw := thumbW + 4 + sty.Width(it.Label) + 12
		if x > 0 && x+iw > w {
			x, line = 0, line+1
		}
		pos[k] = vg.Point{X: x, Y: line}
		x += iw
	}
	return sty, lineH, pos
}

// rowSplit divides dc into the rows' areas, top to bottom. Overheads are measured at an even
// split first and again at the resulting heights, since a plot's padding depends on its height
// (a rotated axis label longer than the axis pushes the data area in).
func (c *Chart) rowSplit(dc draw.Canvas, th Theme) []draw.Canvas {
	n := len(c.Rows)
	hs := make([]vg.Length, n)
	avail := dc.Max.Y - dc.Min.Y - gap*vg.Length(max(n-1, 0))
	var totalW float64
	for _, r := range c.Rows {
		totalW += orOne(r.Weight)
	}
	for i, r := range c.Rows {
		hs[i] = avail * vg.Length(orOne(r.Weight)/totalW)
	}
	for range 2 {
		over := make([]vg.Length, n)
		var totalOver vg.Length
		for i, r := range c.Rows {
			for j, pc := range split(dc, weightsOfPanels(r.Panels), true) {
				pc.Min.Y, pc.Max.Y = 0, hs[i]
				over[i] = max(over[i], r.Panels[j].overhead(pc, th))
			}
			totalOver += over[i]
		}
		free := avail - totalOver
		if free < 0 { // too small for the overheads: keep the split by weight
			break
		}
		for i, r := range c.Rows {
			hs[i] = over[i] + free*vg.Length(orOne(r.Weight)/totalW)
		}
	}
	out := make([]draw.Canvas, n)
	top := dc.Max.Y
	for i := range c.Rows {
		out[i] = dc
		out[i].Max.Y, out[i].Min.Y = top, top-hs[i]
		top -= hs[i] + gap
	}
	return out
}

// overhead is the height of the panel's header and axes: everything but its data area.
func (pn *Panel) overhead(pc draw.Canvas, th Theme) vg.Length {
	hh := pn.headerHeight(th, pc.Max.X-pc.Min.X)
	pc.Max.Y -= hh
	if pc.Max.Y-pc.Min.Y < 1 {
		return hh + 40 // nothing left to measure: assume a minimal axis
	}
	d := pn.Plot.DataCanvas(pc)
	return hh + (pc.Max.Y - pc.Min.Y) - (d.Max.Y - d.Min.Y)
}

// split divides c into parts proportional to weights, separated by gap, left to right when
// horizontal, else top to bottom.
func split(c draw.Canvas, weights []float64, horizontal bool) []draw.Canvas {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	size := c.Max.Y - c.Min.Y
	if horizontal {
		size = c.Max.X - c.Min.X
	}
	avail := size - gap*vg.Length(max(len(weights)-1, 0))
	out := make([]draw.Canvas, len(weights))
	pos := vg.Length(0)
	for i, w := range weights {
		n := avail * vg.Length(w/total)
		part := c
		if horizontal {
			part.Min.X, part.Max.X = c.Min.X+pos, c.Min.X+pos+n
		} else {
			part.Max.Y, part.Min.Y = c.Max.Y-pos, c.Max.Y-pos-n
		}
		out[i] = part
		pos += n + gap
	}
	return out
}

func weightsOfRows(rs []Row) []float64 {
	w := make([]float64, len(rs))
	for i, r := range rs {
		w[i] = orOne(r.Weight)
	}
	return w
}

func weightsOfPanels(ps []*Panel) []float64 {
	w := make([]float64, len(ps))
	for i, p := range ps {
		w[i] = orOne(p.Weight)
	}
	return w
}

func orOne(w float64) float64 {
	if w > 0 {
		return w
	}
	return 1
}

// textStyle is the theme's text at size, left-aligned.
func textStyle(size vg.Length, bold bool, c color.Color) text.Style {
	return text.Style{Color: c, Font: fontOf(size, bold), Handler: plot.DefaultTextHandler}
}
