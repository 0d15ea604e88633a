package chart

import (
	"bytes"
	"fmt"
	"image"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Drawer is anything that draws itself on a canvas: a *Chart or a bare *plot.Plot.
type Drawer interface {
	Draw(draw.Canvas)
}

// DefaultDPI is the resolution Image and SVG assume: 96 pixels per inch, as on screens.
const DefaultDPI = 96

// pxToPt converts pixels at dpi to points (1/72 inch).
func pxToPt(px, dpi int) vg.Length {
	return vg.Length(float64(px) * 72 / float64(dpi))
}

func checkSize(w, h, dpi int) error {
	if w <= 0 || h <= 0 || w > 20000 || h > 20000 {
		return fmt.Errorf("chart: size %dx%d px out of range (1..20000)", w, h)
	}
	if dpi <= 0 || dpi > 1200 {
		return fmt.Errorf("chart: dpi %d out of range (1..1200)", dpi)
	}
	return nil
}

// PNG renders d as a w×h pixel PNG; dpi scales text and lines (96 for screens, 192 for 2×).
func PNG(d Drawer, w, h, dpi int) ([]byte, error) {
	if err := checkSize(w, h, dpi); err != nil {
		return nil, err
	}
	c := vgimg.NewWith(vgimg.UseWH(pxToPt(w, dpi), pxToPt(h, dpi)), vgimg.UseDPI(dpi))
	d.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: c}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("chart: encode png: %w", err)
	}
	return buf.Bytes(), nil
}

// Image renders d as a w×h pixel image at DefaultDPI, for display in the GUI. A non-positive
// or absurd size yields a 1×1 image rather than a panic.
func Image(d Drawer, w, h int) image.Image {
	return ImageDPI(d, w, h, DefaultDPI)
}

// ImageDPI is Image at a given dpi (e.g. 192 on a 2× display).
func ImageDPI(d Drawer, w, h, dpi int) image.Image {
	if checkSize(w, h, dpi) != nil {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	c := vgimg.NewWith(vgimg.UseWH(pxToPt(w, dpi), pxToPt(h, dpi)), vgimg.UseDPI(dpi))
	d.Draw(draw.New(c))
	return c.Image()
}

// SVG renders d as an SVG document w×h CSS pixels (96 per inch) in size, laid out exactly as
// the PNG at DefaultDPI. Fonts are not embedded: text names Liberation Sans with the
// metric-compatible Arial and Helvetica as fallbacks, so it reads well without network access.
func SVG(d Drawer, w, h int) ([]byte, error) {
	if err := checkSize(w, h, DefaultDPI); err != nil {
		return nil, err
	}
	c := vgsvg.NewWith(vgsvg.UseWH(pxToPt(w, DefaultDPI), pxToPt(h, DefaultDPI)))
	d.Draw(draw.New(c))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("chart: encode svg: %w", err)
	}
	out := bytes.ReplaceAll(buf.Bytes(), []byte("font-family:Liberation Sans;"),
		[]byte("font-family:'Liberation Sans',Arial,Helvetica,sans-serif;"))
	return out, nil
}
