package report

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/fanout/fanout/views/chart"
)

// pdfDoc writes the report with fpdf: A4 landscape, the core Helvetica and Courier fonts
// (cp1252 text), tables drawn as cells, charts as PNG images rendered from the same drawers
// as the HTML's SVG.
type pdfDoc struct {
	f  *fpdf.Fpdf
	tr func(string) string
	w  float64 // usable width, mm

	images int // charts placed so far
}

// pdfSubst replaces characters cp1252 lacks.
var pdfSubst = strings.NewReplacer("→", "->", "◆", "*", "≥", ">=", "≤", "<=", "✓", "ok", "✗", "x")

// WritePDF writes the report as a PDF document: the same sections as the HTML (the topology as
// a list), with the charts as images. The same report gives the same bytes: the document's
// dates are the report's generation time, else the run's start.
func (r Report) WritePDF(w io.Writer) error {
	f := fpdf.New("L", "mm", "A4", "")
	created := r.created
	if created.IsZero() {
		created = time.Unix(0, 0).UTC()
	}
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	f.SetCatalogSort(true)
	f.SetCreator("fanout report", false)
	f.SetMargins(12, 12, 12)
	f.SetAutoPageBreak(true, 12)
	d := &pdfDoc{f: f, tr: f.UnicodeTranslatorFromDescriptor("")}
	d.f.SetTitle(d.text(r.Title), false)
	pw, _ := f.GetPageSize()
	d.w = pw - 24
	f.SetFooterFunc(func() {
		f.SetY(-10)
		d.font("", 7)
		f.CellFormat(0, 4, d.text(fmt.Sprintf("%s · page %d", r.Title, f.PageNo())), "", 0, "R", false, 0, "")
	})
	f.AddPage()
	if err := d.report(r); err != nil {
		return err
	}
	if err := f.Output(w); err != nil {
		return fmt.Errorf("write pdf report: %w", err)
	}
	return nil
}

func (d *pdfDoc) text(s string) string { return d.tr(pdfSubst.Replace(s)) }

func (d *pdfDoc) font(style string, size float64) {
	d.f.SetFont("Helvetica", style, size)
	d.f.SetTextColor(36, 41, 47)
}

// report writes every section in the HTML's order.
func (d *pdfDoc) report(r Report) error {
	d.font("B", 18)
	d.f.MultiCell(0, 9, d.text(r.Title), "", "L", false)
	for _, m := range r.Meta {
		d.font("", 9)
		d.f.CellFormat(28, 5, d.text(m.Label), "", 0, "L", false, 0, "")
		d.f.CellFormat(0, 5, d.text(m.Value), "", 1, "L", false, 0, "")
	}
	d.para(r.Description)
	for _, n := range r.Notes {
		d.f.SetTextColor(213, 94, 0)
		d.f.MultiCell(0, 5, d.text(n), "", "L", false)
	}
	d.section("Topology", false)
	d.topology(r.graph)
	for _, rc := range r.Rules {
		var ts []string
		for _, t := range rc.Targets.Rows {
			ts = append(ts, fmt.Sprintf("%s (%s %s)", t[0], t[1], t[2]))
		}
		d.para(fmt.Sprintf("bus %s -> rule %s -> %s", rc.Bus, rc.Name, strings.Join(ts, ", ")))
	}
	d.section("Configuration", true)
	for _, rc := range r.Rules {
		d.heading("Rule "+rc.Name, 12)
		d.para(fmt.Sprintf("bus %s, enabled %t. %s", rc.Bus, rc.Enabled, rc.Description))
		d.f.SetFont("Courier", "", 8)
		d.f.MultiCell(0, 3.6, d.text(rc.Pattern), "1", "L", false)
		d.f.Ln(2)
		d.table(rc.Targets)
	}
	d.tables(r.Config...)
	d.section("Summary", true)
	d.headline(r.Headline)
	d.tables(r.Summary...)
	d.section("Expectations", false)
	d.table(r.Expect)
	d.section("Charts", true)
	if err := d.charts(r.Charts); err != nil {
		return err
	}
	d.section("Cost", false)
	d.tables(r.Cost...)
	d.para("Cost per rule: each function invocation's cost goes to the rule whose target's delivery caused it, retries and duplicates included; queue consumers belong to no rule; idle provisioned capacity is caused by no delivery.")
	d.section("Top errors", false)
	d.table(r.Errors)
	d.section("Dead letters", false)
	d.table(r.DeadLetters)
	if s := r.Sweep; s != nil {
		d.section("Memory sweep", true)
		d.para(s.Verdict)
		d.table(s.Table)
		return d.charts([]Chart{s.Chart})
	}
	return nil
}

// section starts a section: on a new page when newPage or when less than a third of the page
// is left.
func (d *pdfDoc) section(title string, newPage bool) {
	_, ph := d.f.GetPageSize()
	if newPage || d.f.GetY() > ph*2/3 {
		d.f.AddPage()
	} else {
		d.f.Ln(4)
	}
	d.f.Bookmark(d.text(title), 0, -1)
	d.heading(title, 15)
}

func (d *pdfDoc) heading(s string, size float64) {
	d.font("B", size)
	d.f.Ln(1)
	d.f.MultiCell(0, size*0.5, d.text(s), "", "L", false)
	d.f.Ln(1)
}

func (d *pdfDoc) para(s string) {
	if s == "" {
		return
	}
	d.font("", 9)
	d.f.MultiCell(0, 4.5, d.text(s), "", "L", false)
	d.f.Ln(1)
}

// headline writes the key figures as a row of boxes, values right-aligned with their units.
func (d *pdfDoc) headline(figs []Figure) {
	const perRow = 5
	bw := d.w / perRow
	for i, fg := range figs {
		x, y := d.f.GetXY()
		d.f.Rect(x, y, bw-2, 14, "D")
		d.font("", 7.5)
		d.f.SetXY(x+1.5, y+1)
		d.f.CellFormat(bw-5, 4, d.text(fg.Label), "", 0, "L", false, 0, "")
		d.font("B", 12)
		d.f.SetXY(x+1.5, y+6)
		d.f.CellFormat(bw-5, 6, d.text(fg.Value+" "+fg.Unit), "", 0, "R", false, 0, "")
		if (i+1)%perRow == 0 || i == len(figs)-1 {
			d.f.SetXY(12, y+16)
		} else {
			d.f.SetXY(x+bw, y)
		}
	}
	d.f.Ln(2)
}

// charts places the charts as PNG images, two per page, centred. Each image is one pixel
// wider than the one before: fpdf writes images in the order of their widths and breaks ties
// in map order, so equal widths would not give the same bytes twice.
func (d *pdfDoc) charts(cs []Chart) error {
	_, ph := d.f.GetPageSize()
	cw := min(d.w, 200.0) // two charts a page
	for i, c := range cs {
		pw, pxh := chartW*3/2+d.images, chartH*3/2
		d.images++
		h := cw * float64(pxh) / float64(pw)
		b, err := opaquePNG(c.drawer, pw, pxh)
		if err != nil {
			return fmt.Errorf("pdf chart %s: %w", c.ID, err)
		}
		if d.f.GetY()+h+8 > ph-12 && i > 0 {
			d.f.AddPage()
		}
		d.f.Ln(2)
		name := "chart-" + c.ID
		d.f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(b))
		d.f.ImageOptions(name, 12+(d.w-cw)/2, d.f.GetY(), cw, h, true, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		if err := d.f.Error(); err != nil {
			return fmt.Errorf("pdf chart %s: %w", c.ID, err)
		}
	}
	return nil
}

// opaquePNG renders d at 1.5× (w×h pixels) over white and encodes it without an alpha
// channel, which fpdf embeds as is instead of splitting the alpha out.
func opaquePNG(d chart.Drawer, w, h int) ([]byte, error) {
	img := chart.ImageDPI(d, w, h, chart.DefaultDPI*3/2)
	dst := image.NewRGBA(img.Bounds())
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(dst, dst.Bounds(), img, img.Bounds().Min, draw.Over)
	var b bytes.Buffer
	if err := png.Encode(&b, dst); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
