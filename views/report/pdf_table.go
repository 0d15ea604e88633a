package report

import "strings"

const (
	pdfCell  = 7.5 // table text size, pt
	pdfLineH = 3.4 // table line height, mm
	pdfLines = 4   // most lines a cell wraps to
)

func (d *pdfDoc) tables(ts ...Table) {
	for _, t := range ts {
		d.table(t)
	}
}

// table writes a table: columns sized to their content within the page width, long cells
// wrapped (up to pdfLines lines), numbers right-aligned, failing rows in the accent colour,
// the header repeated on a new page.
func (d *pdfDoc) table(t Table) {
	d.font("B", 9)
	d.f.MultiCell(0, 5, d.text(t.Caption), "", "L", false)
	if len(t.Rows) == 0 {
		d.font("I", 8.5)
		d.f.MultiCell(0, 4.5, d.text(t.Empty), "", "L", false)
		d.f.Ln(2)
		return
	}
	widths := d.widths(t)
	header := func() {
		d.font("B", pdfCell)
		d.f.SetFillColor(234, 238, 242)
		d.row(t, t.Header, widths, true)
	}
	header()
	_, ph := d.f.GetPageSize()
	for r, row := range t.Rows {
		d.font("", pdfCell)
		if d.f.GetY()+d.rowHeight(row, widths) > ph-14 {
			d.f.AddPage()
			header()
			d.font("", pdfCell)
		}
		if r < len(t.Fail) && t.Fail[r] {
			d.f.SetTextColor(213, 94, 0)
		}
		d.row(t, row, widths, false)
	}
	d.f.Ln(3)
}

// cellLines wraps a cell's text to its column.
func (d *pdfDoc) cellLines(s string, w float64) []string {
	lines := d.f.SplitText(d.text(s), w) // less the cell margins
	if len(lines) > pdfLines {
		lines = lines[:pdfLines]
		lines[pdfLines-1] = d.fitRaw(lines[pdfLines-1]+"...", w)
	}
	return lines
}

func (d *pdfDoc) rowHeight(row []string, widths []float64) float64 {
	n := 1
	for i, c := range row {
		if i < len(widths) {
			n = max(n, len(d.cellLines(c, widths[i])))
		}
	}
	return float64(n)*pdfLineH + 1
}

// row draws one row of cells, each wrapped in its column, with a rule under the row.
func (d *pdfDoc) row(t Table, row []string, widths []float64, fill bool) {
	x0, y := d.f.GetXY()
	h := d.rowHeight(row, widths)
	if fill {
		d.f.Rect(x0, y, sum(widths), h, "F")
	}
	x := x0
	for i, w := range widths {
		c := ""
		if i < len(row) {
			c = row[i]
		}
		for k, l := range d.cellLines(c, w) {
			d.f.SetXY(x, y+0.5+float64(k)*pdfLineH)
			d.f.CellFormat(w, pdfLineH, l, "", 0, d.align(t, i), false, 0, "")
		}
		x += w
	}
	d.f.SetDrawColor(208, 215, 222)
	d.f.Line(x0, y+h, x0+sum(widths), y+h)
	d.f.SetXY(x0, y+h)
}

func sum(xs []float64) (s float64) {
	for _, x := range xs {
		s += x
	}
	return s
}

func (d *pdfDoc) align(t Table, col int) string {
	if col < len(t.Numeric) && t.Numeric[col] {
		return "R"
	}
	return "L"
}

// widths shares the page width among the columns. Every column first gets its longest word
// (so words are never broken), then the rest is water-filled: a column that needs no more
// than an even share of what is left gets what it needs; the wide ones split the rest and
// wrap. A table narrower than the page keeps its natural widths.
func (d *pdfDoc) widths(t Table) []float64 {
	want := make([]float64, len(t.Header))
	minW := make([]float64, len(t.Header))
	measure := func(i int, s string) {
		tx := d.text(s)
		want[i] = max(want[i], d.f.GetStringWidth(tx)+3)
		for _, w := range strings.Fields(tx) {
			minW[i] = max(minW[i], min(d.f.GetStringWidth(w)+3, 40))
		}
	}
	d.font("B", pdfCell)
	for i, h := range t.Header {
		measure(i, h)
	}
	d.font("", pdfCell)
	for _, row := range t.Rows {
		for i := range want {
			if i < len(row) {
				measure(i, row[i])
			}
		}
	}
	out := make([]float64, len(want))
	copy(out, minW)
	left, open := d.w-sum(minW), 0
	need := make([]float64, len(want))
	for i := range want {
		if need[i] = want[i] - minW[i]; need[i] > 0 {
			open++
		}
	}
	for changed := true; changed && open > 0 && left > 0; {
		changed = false
		fair := left / float64(open)
		for i, n := range need {
			if n > 0 && n <= fair {
				out[i], left, open, need[i], changed = out[i]+n, left-n, open-1, 0, true
			}
		}
	}
	for i, n := range need {
		if n > 0 && left > 0 {
			out[i] += left / float64(open)
		}
	}
	if total := sum(out); total > d.w {
		for i := range out {
			out[i] *= d.w / total
		}
	}
	return out
}

// fitRaw cuts already translated text so that it fits in width w.
func (d *pdfDoc) fitRaw(t string, w float64) string {
	for len(t) > 4 && d.f.GetStringWidth(t) > w-1.5 {
		t = t[:len(t)-4] + "..."
	}
	return t
}
