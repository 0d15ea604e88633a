package topology

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// diagramRenderer rebuilds its canvas objects on every Refresh (a diagram has a few hundred).
type diagramRenderer struct {
	d       *Diagram
	objects []fyne.CanvasObject
}

func (r *diagramRenderer) Destroy()                     {}
func (r *diagramRenderer) Layout(fyne.Size)             {}
func (r *diagramRenderer) MinSize() fyne.Size           { return r.d.MinSize() }
func (r *diagramRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Refresh redraws the whole diagram at the current zoom.
func (r *diagramRenderer) Refresh() {
	d, z := r.d, r.d.zoom
	g := d.graph
	var objs []fyne.CanvasObject
	for _, h := range g.Headers {
		t := canvas.NewText(h.Text, theme.Color(theme.ColorNamePlaceHolder))
		t.TextSize = theme.CaptionTextSize() * z
		t.TextStyle = fyne.TextStyle{Bold: true}
		t.Move(fyne.NewPos(h.X*z, h.Y*z))
		objs = append(objs, t)
	}
	for _, e := range g.Edges {
		objs = append(objs, edgeObjects(e, z)...)
	}
	for _, n := range g.Nodes {
		objs = append(objs, r.nodeObjects(n)...)
	}
	r.objects = objs
	canvas.Refresh(d)
}

// nodeObjects draws one box: its frame, title, summary and live count.
func (r *diagramRenderer) nodeObjects(n Node) []fyne.CanvasObject {
	z := r.d.zoom
	c, hasCount := r.d.counts[n.ID]
	stroke, width := theme.Color(theme.ColorNameInputBorder), float32(1)
	switch {
	case n.ID == r.d.selected:
		stroke, width = theme.Color(theme.ColorNamePrimary), 2.5
	case hasCount && c.Health == HealthError:
		stroke, width = theme.Color(theme.ColorNameError), 2
	case hasCount && c.Health == HealthWarning:
		stroke, width = theme.Color(theme.ColorNameWarning), 2
	}
	box := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	box.StrokeColor, box.StrokeWidth = stroke, width
	box.CornerRadius = cornerRadius(n.ID.Kind) * z
	box.Move(fyne.NewPos(n.X*z, n.Y*z))
	box.Resize(fyne.NewSize(n.W*z, n.H*z))

	inset := 10 * z
	if n.ID.Kind == KindBus {
		inset = n.H * z / 2.5
	}
	avail := n.W*z - 2*inset
	countW := float32(0)
	var objs []fyne.CanvasObject
	objs = append(objs, box)
	if hasCount && c.Text != "" {
		ct := canvas.NewText(c.Text, healthColor(c.Health))
		ct.TextSize = theme.CaptionTextSize() * z
		ct.TextStyle = fyne.TextStyle{Monospace: true}
		countW = fyne.MeasureText(c.Text, ct.TextSize, ct.TextStyle).Width
		ct.Move(fyne.NewPos(n.X*z+n.W*z-inset-countW, n.Y*z+5*z))
		objs = append(objs, ct)
		countW += 6 * z
	}
	title := canvas.NewText("", theme.Color(theme.ColorNameForeground))
	title.TextSize = theme.TextSize() * z
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.Text = fit(n.Title, avail-countW, title.TextSize, title.TextStyle)
	title.Move(fyne.NewPos(n.X*z+inset, n.Y*z+4*z))
	sub := canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))
	sub.TextSize = theme.CaptionTextSize() * z
	sub.Text = fit(n.Sub, avail, sub.TextSize, sub.TextStyle)
	sub.Move(fyne.NewPos(n.X*z+inset, n.Y*z+n.H*z-sub.TextSize-8*z))
	return append(objs, title, sub)
}

// cornerRadius gives each kind its shape: buses are pills, rules rounded, the rest square-ish.
func cornerRadius(kind string) float32 {
	switch kind {
	case KindBus:
		return BoxH / 2
	case KindRule:
		return 12
	}
	return 3
}

// healthColor is the count's colour: the accent colours only where attention is needed.
func healthColor(h Health) color.Color {
	switch h {
	case HealthWarning:
		return theme.Color(theme.ColorNameWarning)
	case HealthError:
		return theme.Color(theme.ColorNameError)
	}
	return theme.Color(theme.ColorNameForeground)
}

// fit shortens s with an ellipsis until it is at most w wide.
func fit(s string, w, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(s, size, style).Width <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 1 {
		rs = rs[:len(rs)-1]
		if t := string(rs) + "…"; fyne.MeasureText(t, size, style).Width <= w {
			return t
		}
	}
	return "…"
}

// edgeObjects draws an arrow: its segments and a head at the last point.
func edgeObjects(e Edge, z float32) []fyne.CanvasObject {
	if len(e.Points) < 2 {
		return nil
	}
	col, width := theme.Color(theme.ColorNameForeground), float32(1.5)
	if e.Kind != EdgeEvents {
		col, width = theme.Color(theme.ColorNamePlaceHolder), 1
	}
	var objs []fyne.CanvasObject
	line := func(a, b Point) {
		l := canvas.NewLine(col)
		l.StrokeWidth = width * max(z, 0.5)
		l.Position1, l.Position2 = fyne.NewPos(a.X*z, a.Y*z), fyne.NewPos(b.X*z, b.Y*z)
		objs = append(objs, l)
	}
	for i := 1; i < len(e.Points); i++ {
		line(e.Points[i-1], e.Points[i])
	}
	a, b := e.Points[len(e.Points)-2], e.Points[len(e.Points)-1]
	ang := math.Atan2(float64(b.Y-a.Y), float64(b.X-a.X))
	const head, spread = 8, 0.45
	for _, s := range []float64{-spread, spread} {
		p := Point{b.X - head*float32(math.Cos(ang+s)), b.Y - head*float32(math.Sin(ang+s))}
		line(p, b)
	}
	return objs
}
