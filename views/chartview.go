package views

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// ChartView shows an image drawn for its current size: it calls render again whenever it is
// resized or SetRender is called, so a chart is always drawn at the pixels it occupies.
type ChartView struct {
	widget.BaseWidget
	render func(w, h int) image.Image
	img    *canvas.Image
	last   fyne.Size
	min    fyne.Size
}

// NewChartView builds a chart view with a minimum size; render may be nil until data exists.
func NewChartView(min fyne.Size, render func(w, h int) image.Image) *ChartView {
	c := &ChartView{render: render, min: min}
	c.img = canvas.NewImageFromImage(nil)
	c.img.FillMode = canvas.ImageFillStretch
	c.ExtendBaseWidget(c)
	return c
}

// SetRender replaces the drawing function and redraws at the current size.
func (c *ChartView) SetRender(render func(w, h int) image.Image) {
	c.render = render
	c.redraw(c.Size())
}

func (c *ChartView) redraw(size fyne.Size) {
	c.last = size
	if c.render == nil || size.Width < 2 || size.Height < 2 {
		return
	}
	scale := float32(1)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		scale = cv.Scale()
	}
	c.img.Image = c.render(int(size.Width*scale), int(size.Height*scale))
	c.img.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *ChartView) CreateRenderer() fyne.WidgetRenderer { return &chartRenderer{c: c} }

type chartRenderer struct{ c *ChartView }

func (r *chartRenderer) Layout(size fyne.Size) {
	r.c.img.Resize(size)
	if size != r.c.last {
		r.c.redraw(size)
	}
}
func (r *chartRenderer) MinSize() fyne.Size           { return r.c.min }
func (r *chartRenderer) Refresh()                     { r.c.img.Refresh() }
func (r *chartRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.c.img} }
func (r *chartRenderer) Destroy()                     {}
