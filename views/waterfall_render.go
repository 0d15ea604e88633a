package views

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// waterfallRenderer owns the canvas objects of a Waterfall: rebuilt when the spans change,
// placed by Layout.
type waterfallRenderer struct {
	w        *Waterfall
	sel      *canvas.Rectangle
	axis     *canvas.Line
	ticks    []*canvas.Line
	tickText []*canvas.Text
	names    []*canvas.Text
	bars     []*canvas.Rectangle
	durs     []*canvas.Text
	notes    []*canvas.Text
	objects  []fyne.CanvasObject
	size     fyne.Size
}

// CreateRenderer implements fyne.Widget.
func (w *Waterfall) CreateRenderer() fyne.WidgetRenderer {
	r := &waterfallRenderer{w: w}
	w.r = r
	r.rebuild()
	return r
}

func (r *waterfallRenderer) rebuild() {
	w := r.w
	fg := theme.Color(theme.ColorNameForeground)
	muted := theme.Color(theme.ColorNamePlaceHolder)
	r.sel = canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
	r.axis = canvas.NewLine(theme.Color(theme.ColorNameSeparator))
	r.objects = []fyne.CanvasObject{r.sel, r.axis}
	r.ticks, r.tickText = nil, nil
	step := niceStep(w.t1.Sub(w.t0), 5)
	for d := time.Duration(0); d <= w.t1.Sub(w.t0); d += step {
		l := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
		t := canvas.NewText(evDur(d), muted)
		t.TextSize = theme.CaptionTextSize()
		r.ticks, r.tickText = append(r.ticks, l), append(r.tickText, t)
		r.objects = append(r.objects, l, t)
	}
	n := len(w.spans)
	r.names, r.bars, r.durs = make([]*canvas.Text, n), make([]*canvas.Rectangle, n), make([]*canvas.Text, n)
	r.notes = make([]*canvas.Text, n)
	for i, s := range w.spans {
		col := fg
		if spanFailed(s) {
			col = theme.Color(theme.ColorNameError)
		}
		r.names[i] = canvas.NewText(w.rowLabel(i), col)
		r.notes[i] = canvas.NewText(spanNote(s), col)
		r.notes[i].TextSize = theme.CaptionTextSize()
		r.bars[i] = canvas.NewRectangle(spanColour(s))
		r.bars[i].CornerRadius = 2
		r.durs[i] = canvas.NewText(evDur(s.Duration()), col)
		r.durs[i].Alignment = fyne.TextAlignTrailing
		r.durs[i].TextStyle = fyne.TextStyle{Monospace: true}
		r.objects = append(r.objects, r.names[i], r.bars[i], r.durs[i], r.notes[i])
	}
}

// Layout places the axis, the ticks and each row.
func (r *waterfallRenderer) Layout(size fyne.Size) {
	r.size = size
	w := r.w
	x0, aw := barArea(size.Width)
	bottom := wfAxisH + float32(len(w.rows))*wfRowH
	r.axis.Position1 = fyne.NewPos(x0, wfAxisH-2)
	r.axis.Position2 = fyne.NewPos(x0+aw, wfAxisH-2)
	step := niceStep(w.t1.Sub(w.t0), 5)
	for i := range r.ticks {
		x := x0 + float32(float64(time.Duration(i)*step)/float64(w.t1-w.t0))*aw
		r.ticks[i].Position1 = fyne.NewPos(x, wfAxisH-6)
		r.ticks[i].Position2 = fyne.NewPos(x, bottom)
		ts := r.tickText[i].MinSize()
		r.tickText[i].Move(fyne.NewPos(min(x+2, size.Width-ts.Width), 0))
		r.tickText[i].Resize(ts)
	}
	for i := range w.spans {
		r.showRow(i, false)
	}
	for row, i := range w.rows {
		s := w.spans[i]
		r.showRow(i, true)
		y := wfAxisH + float32(row)*wfRowH
		indent := float32(r.w.depth[i]) * wfIndent
		r.names[i].Move(fyne.NewPos(indent+4, y+2))
		r.names[i].Resize(fyne.NewSize(wfNameW-indent-4, wfRowH-4))
		bx, bw := w.barFrame(s, size.Width)
		r.bars[i].Move(fyne.NewPos(bx, y+5))
		r.bars[i].Resize(fyne.NewSize(bw, wfRowH-10))
		r.placeNote(i, bx, bw, y, x0+aw)
		r.durs[i].Move(fyne.NewPos(size.Width-wfDurW-wfRightM, y+2))
		r.durs[i].Resize(fyne.NewSize(wfDurW-4, wfRowH-4))
	}
	if row := w.rowOf(w.selected); row >= 0 {
		r.sel.Show()
		r.sel.Move(fyne.NewPos(0, wfAxisH+float32(row)*wfRowH))
		r.sel.Resize(fyne.NewSize(size.Width, wfRowH))
	} else {
		r.sel.Hide()
	}
}

// showRow shows or hides the objects of span i.
func (r *waterfallRenderer) showRow(i int, on bool) {
	for _, o := range []fyne.CanvasObject{r.names[i], r.bars[i], r.durs[i], r.notes[i]} {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
}

// placeNote puts a failure mark just after its bar, or before it when the bar reaches the end
// of the axis.
func (r *waterfallRenderer) placeNote(i int, bx, bw, y, end float32) {
	ns := r.notes[i].MinSize()
	x := bx + bw + 4
	if x+ns.Width > end {
		x = max(bx-4-ns.Width, 0)
	}
	r.notes[i].Move(fyne.NewPos(x, y+(wfRowH-ns.Height)/2))
	r.notes[i].Resize(ns)
}

// MinSize implements fyne.WidgetRenderer.
func (r *waterfallRenderer) MinSize() fyne.Size { return r.w.MinSize() }

// Refresh rebuilds the objects (spans, theme or selection changed) and lays them out.
func (r *waterfallRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.size)
	canvas.Refresh(r.w)
}

// Objects implements fyne.WidgetRenderer.
func (r *waterfallRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy implements fyne.WidgetRenderer.
func (r *waterfallRenderer) Destroy() {}
