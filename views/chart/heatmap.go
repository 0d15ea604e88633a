package chart

import (
	"gonum.org/v1/plot"
)

// LatencyHeatmap charts how many deliveries fell in each (time, latency) cell: time on X,
// latency on a log-scaled Y axis (milliseconds), count as colour on a log scale, with a colour
// scale beside it. Malformed grids (too few edges, non-ascending edges) draw the empty chart.
func LatencyHeatmap(h Heatmap, o Options) *Chart {
	th := o.Theme.orDefault()
	p := newPlot(th, "", "latency (ms, log scale)")
	pn := &Panel{Plot: p}
	h = cleanHeatmap(h)
	var total, peak uint64
	for _, col := range h.Counts {
		for _, n := range col {
			total += n
			peak = max(peak, n)
		}
	}
	if total == 0 {
		timeAxis(p, 0)
		markEmpty(p, th, pn)
		return single(o.title("Latency heatmap"), th, pn)
	}
	tdiv := timeAxis(p, h.Times[len(h.Times)-1])
	pal := heatPalette(th)
	p.Add(&heatCells{h: h, tdv: tdiv, pal: pal, max: float64(peak)})
	p.X.Min, p.X.Max = h.Times[0]/tdiv, h.Times[len(h.Times)-1]/tdiv
	fixRange(&p.X, false)
	latencyScale(&p.Y, true)
	p.Y.Min, p.Y.Max = h.Edges[0], h.Edges[len(h.Edges)-1]
	fixRange(&p.Y, true)

	sp := newPlot(th, "", "count per cell (log)")
	sp.Add(colourScale{pal: pal, max: max(float64(peak), 2)})
	sp.X.Min, sp.X.Max = 0, 1
	sp.HideX()
	sp.Y.Min, sp.Y.Max = 1, max(float64(peak), 2)
	sp.Y.Scale = plot.LogScale{}
	sp.Y.Tick.Marker = logTicks{Format: func(v float64) string { return number(v, 1) }}
	scale := &Panel{Plot: sp, Weight: 0.11}
	return &Chart{Title: o.title("Latency heatmap"), Theme: th,
		Rows: []Row{{Panels: []*Panel{pn, scale}}}}
}

// cleanHeatmap returns h with a positive first latency edge (a [0, e1) bucket is drawn from
// e1/10 on the log axis), or an empty Heatmap when the grid is malformed.
func cleanHeatmap(h Heatmap) Heatmap {
	if len(h.Times) < 2 || len(h.Edges) < 2 || len(h.Counts) == 0 {
		return Heatmap{}
	}
	if !ascending(h.Times) || !ascending(h.Edges) || h.Edges[1] <= 0 {
		return Heatmap{}
	}
	if h.Edges[0] <= 0 {
		e := append([]float64(nil), h.Edges...)
		e[0] = e[1] / 10
		h.Edges = e
	}
	return h
}

// ascending reports whether vs is finite and strictly increasing.
func ascending(vs []float64) bool {
	for i, v := range vs {
		if !finite(v) || (i > 0 && v <= vs[i-1]) {
			return false
		}
	}
	return true
}
