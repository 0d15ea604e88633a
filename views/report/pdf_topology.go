package report

// topology draws the topology diagram with PDF primitives, scaled to the page width.
func (d *pdfDoc) topology(g graph) {
	if len(g.nodes) == 0 {
		return
	}
	w, h := g.size()
	k := min(d.w/float64(w), 0.3) // mm per CSS pixel
	x0, y0 := 12.0, d.f.GetY()+2
	_, ph := d.f.GetPageSize()
	if y0+float64(h)*k > ph-14 {
		d.f.AddPage()
		x0, y0 = 12, d.f.GetY()
	}
	pos := func(n node) (float64, float64) {
		x, y := nodePos(n)
		return x0 + float64(x)*k, y0 + float64(y)*k
	}
	bw, bh := topoBoxW*k, topoBoxH*k
	d.f.SetLineWidth(0.25)
	for _, e := range g.edges {
		x1, y1 := pos(g.nodes[e.from])
		x2, y2 := pos(g.nodes[e.to])
		d.f.SetDrawColor(87, 96, 106)
		if e.dashed {
			d.f.SetDrawColor(213, 94, 0)
			d.f.SetDashPattern([]float64{1.2, 0.9}, 0)
		}
		x1, y1, y2 = x1+bw, y1+bh/2, y2+bh/2
		d.f.CurveBezierCubic(x1, y1, x1+4, y1, x2-4, y2, x2, y2, "D")
		d.f.Line(x2, y2, x2-1.2, y2-0.8)
		d.f.Line(x2, y2, x2-1.2, y2+0.8)
		d.f.SetDashPattern(nil, 0)
	}
	for _, n := range g.nodes {
		x, y := pos(n)
		c := topoFill[n.col]
		d.f.SetFillColor(c[0], c[1], c[2])
		d.f.SetDrawColor(140, 149, 159)
		d.f.RoundedRect(x, y, bw, bh, 1.2, "1234", "FD")
		d.font("B", 8)
		d.f.SetXY(x+1, y+1)
		d.f.CellFormat(bw-2, bh/2-1, d.fitRaw(d.text(n.label), bw-1), "", 0, "L", false, 0, "")
		d.font("", 6.5)
		d.f.SetXY(x+1, y+bh/2)
		d.f.CellFormat(bw-2, bh/2-1, d.fitRaw(d.text(n.sub), bw-1), "", 0, "L", false, 0, "")
	}
	d.f.SetXY(12, y0+float64(h)*k+3)
}
