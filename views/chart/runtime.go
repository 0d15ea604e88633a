package chart

import (
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
)

// addLines adds one line per non-empty series (values times vmul) in colours from col and
// returns their legend entries; an unnamed series is called def.
func addLines(p *plot.Plot, ss []Series, tdiv, vmul float64, col func(int) color.Color, def string) []LegendItem {
	var items []LegendItem
	for i, s := range ss {
		data := xys(s.Points, tdiv, vmul)
		if len(data) == 0 {
			continue
		}
		ln := addLine(p, data, col(i), 1.5)
		name := s.Name
		if name == "" {
			name = def
		}
		items = append(items, LegendItem{Label: name, Thumbs: []plot.Thumbnailer{ln}})
	}
	return items
}

// points returns every series' points, for range computations.
func points(ss []Series) [][]Point {
	out := make([][]Point, len(ss))
	for i, s := range ss {
		out[i] = s.Points
	}
	return out
}

// ColdStarts charts cold starts per time bucket as bars: each point's T is the start of a bucket
// (simulated seconds) and V the number of cold starts in it; the bucket width is the smallest
// gap between consecutive points (1 s for a single point).
func ColdStarts(s Series, o Options) *Chart {
	th := o.Theme.orDefault()
	p := newPlot(th, "", "")
	pn := &Panel{Plot: p}
	width := bucketWidth(s.Points)
	tdiv := timeAxis(p, maxT(s.Points)+width)
	p.Y.Label.Text = "cold starts per " + secondsLabel(width)
	p.Y.Tick.Marker = scaledTicks{Div: 1, Format: number}
	var bs []plotter.HistogramBin
	for _, pt := range s.Points {
		if finite(pt.T) && finite(pt.V) {
			bs = append(bs, plotter.HistogramBin{Min: pt.T / tdiv, Max: (pt.T + width) / tdiv, Weight: pt.V})
		}
	}
	if len(bs) == 0 {
		markEmpty(p, th, pn)
		return single(o.title("Cold starts over time"), th, pn)
	}
	h := &plotter.Histogram{Bins: bs, FillColor: th.color(4)}
	h.LineStyle.Color = th.Background
	h.LineStyle.Width = 0.3
	p.Add(h)
	zeroBased(p)
	fixRange(&p.X, false)
	fixRange(&p.Y, false)
	roundUpAxis(&p.Y, 5)
	return single(o.title("Cold starts over time"), th, pn)
}

// bucketWidth is the smallest positive gap between consecutive T values, or 1.
func bucketWidth(pts []Point) float64 {
	w := math.Inf(1)
	for i := 1; i < len(pts); i++ {
		if d := pts[i].T - pts[i-1].T; d > 0 && d < w {
			w = d
		}
	}
	if !finite(w) {
		return 1
	}
	return w
}

// secondsLabel prints a bucket width: "10 s", "1 min", "2 h", "0.5 s".
func secondsLabel(s float64) string {
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	switch {
	case s >= 3600 && math.Mod(s, 3600) == 0:
		return f(s/3600) + " h"
	case s >= 60 && math.Mod(s, 60) == 0:
		return f(s/60) + " min"
	}
	return f(math.Round(s*1000)/1000) + " s"
}

// stackOrder maps layer positions to theme colours: busy blue, idle sky blue, cold-starting
// orange, provisioned green, then the rest.
var stackOrder = []int{0, 3, 4, 1, 2, 5}

// Instances charts function instances by state as stacked areas, layers bottom to top in the
// order given (busy, idle, cold-starting, provisioned), against simulated time.
func Instances(st Stacked, o Options) *Chart {
	th := o.Theme.orDefault()
	p := newPlot(th, "", "instances")
	pn := &Panel{Plot: p}
	tdiv := timeAxis(p, maxSlice(st.T))
	p.Y.Tick.Marker = scaledTicks{Div: 1, Format: number}
	below := make([]float64, len(st.T))
	for i, l := range st.Layers {
		upper, ok := stackLayer(st.T, l.V, below)
		if !ok {
			continue
		}
		ring := make(plotter.XYs, 0, 2*len(st.T))
		for k := range st.T {
			ring = append(ring, plotter.XY{X: st.T[k] / tdiv, Y: upper[k]})
		}
		for k := len(st.T) - 1; k >= 0; k-- {
			ring = append(ring, plotter.XY{X: st.T[k] / tdiv, Y: below[k]})
		}
		col := th.color(stackOrder[i%len(stackOrder)])
		poly := &plotter.Polygon{XYs: []plotter.XYs{ring}, Color: withAlpha(col, 0.85)}
		poly.LineStyle.Color = col
		poly.LineStyle.Width = 0.6
		p.Add(poly)
		pn.Legend = append(pn.Legend, LegendItem{Label: l.Name, Thumbs: []plot.Thumbnailer{poly}})
		below = upper
	}
	finishXY(p, th, pn, true)
	return single(o.title("Instances by state"), th, pn)
}

// stackLayer adds v to below, treating negative or non-finite values as 0; it reports false
// when v has the wrong length or T is not usable.
func stackLayer(t, v, below []float64) ([]float64, bool) {
	if len(v) != len(t) || len(t) == 0 || !ascendingOrEqual(t) {
		return nil, false
	}
	up := make([]float64, len(t))
	for k := range t {
		x := v[k]
		if !finite(x) || x < 0 {
			x = 0
		}
		up[k] = below[k] + x
	}
	return up, true
}

// ascendingOrEqual reports whether vs is finite and non-decreasing.
func ascendingOrEqual(vs []float64) bool {
	for i, v := range vs {
		if !finite(v) || (i > 0 && v < vs[i-1]) {
			return false
		}
	}
	return true
}

// maxSlice is the largest finite value of vs, or 0.
func maxSlice(vs []float64) float64 {
	m := 0.0
	for _, v := range vs {
		if finite(v) && v > m {
			m = v
		}
	}
	return m
}
