package chart

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// LatencyOverTime charts end-to-end latency percentiles (milliseconds) against simulated time:
// p50, p90 and p99 lines. Empty percentiles are left out of the chart and legend.
func LatencyOverTime(l Percentiles, o Options) *Chart {
	th := o.Theme.orDefault()
	p := newPlot(th, "", "")
	tdiv := timeAxis(p, maxT(l.P50, l.P90, l.P99))
	ddiv, unit := durationUnit(maxV(l.P50, l.P90, l.P99))
	p.Y.Label.Text = "latency (" + unit + ")"
	p.Y.Tick.Marker = scaledTicks{Div: 1, Format: number}
	pn := &Panel{Plot: p}
	named := []struct {
		name string
		pts  []Point
	}{{"p50", l.P50}, {"p90", l.P90}, {"p99", l.P99}}
	for i, s := range named {
		data := xys(s.pts, tdiv, 1/ddiv)
		if len(data) == 0 {
			continue
		}
		ln := addLine(p, data, th.color(i), 1.5)
		pn.Legend = append(pn.Legend, LegendItem{Label: s.name, Thumbs: []plot.Thumbnailer{ln}})
	}
	finishXY(p, th, pn, true)
	return single(o.title("Latency over time"), th, pn)
}

// finishXY fixes the ranges of a time chart, or marks it empty when nothing was added. A lone
// legend entry is dropped: a legend is only drawn for more than one series.
func finishXY(p *plot.Plot, th Theme, pn *Panel, fromZero bool) {
	if len(pn.Legend) == 0 {
		markEmpty(p, th, pn)
		return
	}
	if len(pn.Legend) == 1 {
		pn.Legend = nil
	}
	if fromZero {
		zeroBased(p)
	}
	fixRange(&p.X, false)
	fixRange(&p.Y, false)
	if fromZero {
		roundUpAxis(&p.Y, 5)
	}
}

// LatencyHistogram charts the latency distribution (milliseconds) of warm and cold invocations
// as two stacked panels sharing the latency axis, each with its own count scale (cold starts
// are usually far fewer). With o.LogX the latency axis is log-scaled.
func LatencyHistogram(warm, cold Histogram, o Options) *Chart {
	th := o.Theme.orDefault()
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, h := range []Histogram{warm, cold} {
		for _, b := range bins(h, o.LogX) {
			lo, hi = math.Min(lo, b.Min), math.Max(hi, b.Max)
		}
	}
	if !o.LogX && lo > 0 {
		lo = 0 // a linear latency axis starts at zero
	}
	ddiv, unit := durationUnit(hi)
	c := &Chart{Title: o.title("Latency distribution, warm and cold"), Theme: th, AlignX: true}
	for i, h := range []Histogram{warm, cold} {
		name := []string{"warm invocations", "cold starts"}[i]
		col := []int{0, 4}[i]
		xl := "latency (" + unit + ")"
		if o.LogX {
			xl = "latency (" + unit + ", log scale)"
		}
		p := newPlot(th, xl, "invocations")
		pn := &Panel{Plot: p}
		bs := bins(h, o.LogX)
		var n float64
		for k := range bs {
			bs[k].Min, bs[k].Max = bs[k].Min/ddiv, bs[k].Max/ddiv
			n += bs[k].Weight
		}
		pn.Title = name + " (" + number(n, 1) + ")"
		if len(bs) == 0 || n == 0 {
			markEmpty(p, th, pn)
			c.Rows = append(c.Rows, Row{Panels: []*Panel{pn}})
			continue
		}
		hist := &plotter.Histogram{Bins: bs, FillColor: withAlpha(th.color(col), 0.55)}
		hist.LineStyle.Color = th.color(col)
		hist.LineStyle.Width = 0.8
		p.Add(hist)
		p.Y.Tick.Marker = scaledTicks{Div: 1, Format: number}
		p.Y.Min = 0
		p.X.Min, p.X.Max = lo/ddiv, hi/ddiv
		latencyScale(&p.X, o.LogX)
		fixRange(&p.Y, false)
		roundUpAxis(&p.Y, 5)
		c.Rows = append(c.Rows, Row{Panels: []*Panel{pn}})
	}
	return c
}

// latencyScale sets a linear or log latency axis with number ticks.
func latencyScale(ax *plot.Axis, logScale bool) {
	fixRange(ax, logScale)
	if logScale {
		ax.Scale = plot.LogScale{}
		ax.Tick.Marker = logTicks{Format: func(v float64) string { return number(v, v) }}
		return
	}
	ax.Tick.Marker = scaledTicks{Div: 1, Format: number}
}

// bins converts a Histogram to plotter bins, skipping empty buckets (so the axis spans the
// data) and malformed ones (non-finite or non-ascending edges, edges ≤ 0 on a log axis).
func bins(h Histogram, logScale bool) []plotter.HistogramBin {
	var out []plotter.HistogramBin
	for i, n := range h.Counts {
		if i+1 >= len(h.Edges) {
			break
		}
		a, b := h.Edges[i], h.Edges[i+1]
		if n == 0 || !finite(a) || !finite(b) || b <= a || (logScale && a <= 0) {
			continue
		}
		out = append(out, plotter.HistogramBin{Min: a, Max: b, Weight: float64(n)})
	}
	return out
}
