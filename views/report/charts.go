package report

import (
	"fmt"
	"html/template"
	"math"
	"regexp"
	"sort"
	"strconv"
	"time"

	"github.com/fanout/fanout/views/chart"
)

// Chart is one figure of the report: rendered once as SVG for the HTML; the PDF renders the
// same drawer as PNG. Data holds the plotted values as CSV rows (chart, series, x, value).
type Chart struct {
	ID    string
	Title string
	SVG   template.HTML // inline <svg> element, sized by the style sheet
	Data  [][]string

	drawer chart.Drawer
}

// Chart sizes in CSS pixels.
const chartW, chartH = 880, 360

var svgHead = regexp.MustCompile(`(?s)^.*?<svg width="[^"]*" height="[^"]*"`)

// render makes a Chart from a drawer and the series behind it.
func render(id, title string, d chart.Drawer, data [][]string) (Chart, error) {
	b, err := chart.SVG(d, chartW, chartH)
	if err != nil {
		return Chart{}, fmt.Errorf("chart %s: %w", id, err)
	}
	loc := svgHead.FindIndex(b)
	if loc == nil {
		return Chart{}, fmt.Errorf("chart %s: unexpected SVG header", id)
	}
	head := fmt.Sprintf(`<svg class="chart" role="img" aria-label="%s"`, template.HTMLEscapeString(title))
	svg := head + string(b[loc[1]:])
	return Chart{ID: id, Title: title, SVG: template.HTML(svg), Data: data, drawer: d}, nil
}

// seriesRows flattens named series into CSV rows.
func seriesRows(id string, ss ...chart.Series) [][]string {
	var rows [][]string
	for _, s := range ss {
		for _, p := range s.Points {
			rows = append(rows, []string{id, s.Name, fnum(p.T), fnum(p.V)})
		}
	}
	return rows
}

func fnum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// t is the start of bucket i in simulated seconds.
func (a *agg) t(i int) float64 { return float64(i) * a.width.Seconds() }

// series makes a series from per-bucket values.
func (a *agg) series(name string, v []float64) chart.Series {
	s := chart.Series{Name: name, Points: make([]chart.Point, 0, len(v))}
	for i, x := range v {
		s.Points = append(s.Points, chart.Point{T: a.t(i), V: x})
	}
	return s
}

// figure is one run chart before rendering: its drawer and the values behind it.
type figure struct {
	id, title string
	d         chart.Drawer
	data      [][]string
}

// figures builds every run chart in theme th, in the order of the workbench's Charts screen.
func (a *agg) figures(th chart.Theme) []figure {
	o := chart.Options{Theme: th}
	return []figure{a.latencyChart(o), a.heatmapChart(o), a.histogramChart(o), a.coldChart(o),
		a.instancesChart(o), a.queueChart(o), a.throughputChart(o), a.costChart(o)}
}

// charts renders every run chart for the report (light theme).
func (a *agg) charts() ([]Chart, error) {
	figs := a.figures(chart.Light())
	out := make([]Chart, 0, len(figs))
	for _, f := range figs {
		c, err := render(f.id, f.title, f.d, f.data)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// RunChart is one chart of a stored run, ready to draw at any size.
type RunChart struct {
	ID, Title string
	Drawer    chart.Drawer
}

// RunCharts aggregates a run's records into its eight charts (the report's, in the order of the
// workbench's Charts screen: latency, heatmap, cold/warm histogram, cold starts, instances,
// queues, throughput and match rate, cost), drawn in theme th. horizon is the simulated time
// the run covered.
func RunCharts(r Records, horizon time.Duration, o Options, th chart.Theme) ([]RunChart, error) {
	a, err := collect(r, horizon, o.BucketWidth, 0)
	if err != nil {
		return nil, err
	}
	figs := a.figures(th)
	out := make([]RunChart, len(figs))
	for i, f := range figs {
		out[i] = RunChart{ID: f.id, Title: f.title, Drawer: f.d}
	}
	return out, nil
}

func (a *agg) latencyChart(o chart.Options) figure {
	var p chart.Percentiles
	for i, l := range a.lat {
		if l.count() == 0 {
			continue
		}
		t := a.t(i)
		p.P50 = append(p.P50, chart.Point{T: t, V: l.quantile(.50)})
		p.P90 = append(p.P90, chart.Point{T: t, V: l.quantile(.90)})
		p.P99 = append(p.P99, chart.Point{T: t, V: l.quantile(.99)})
	}
	data := seriesRows("latency", chart.Series{Name: "p50", Points: p.P50},
		chart.Series{Name: "p90", Points: p.P90}, chart.Series{Name: "p99", Points: p.P99})
	return figure{"latency", "Invocation latency over time", chart.LatencyOverTime(p, o), data}
}

// logEdges returns edges 4 per decade covering the latencies (ms) recorded in hs, from at
// least 0.1 ms; nil when nothing was recorded.
func logEdges(hs ...*hist) []float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, h := range hs {
		if h.count() > 0 {
			l, u := h.span()
			lo, hi = math.Min(lo, math.Max(l, 0.1)), math.Max(hi, u)
		}
	}
	if math.IsInf(lo, 0) {
		return nil
	}
	var e []float64
	for x := math.Floor(math.Log10(lo) * 4); ; x++ {
		e = append(e, math.Pow(10, x/4))
		if e[len(e)-1] > hi {
			return e
		}
	}
}

// bin counts the latencies of h into the buckets of edges (values outside go in the first
// or last bucket).
func bin(edges []float64, h *hist) []uint64 {
	c := make([]uint64, len(edges)-1)
	h.each(func(v float64, n int64) {
		i := sort.SearchFloat64s(edges, v) - 1
		if i >= 0 && i < len(edges)-1 && edges[i+1] == v {
			i++
		}
		c[min(max(i, 0), len(c)-1)] += uint64(n)
	})
	return c
}

func (a *agg) heatmapChart(o chart.Options) figure {
	edges := logEdges(a.lat...)
	h := chart.Heatmap{Edges: edges}
	var data [][]string
	if edges != nil {
		for i, l := range a.lat {
			h.Times = append(h.Times, a.t(i))
			h.Counts = append(h.Counts, bin(edges, l))
			for j, c := range h.Counts[i] {
				if c > 0 {
					data = append(data, []string{"heatmap", "<" + fnum(edges[j+1]) + " ms", fnum(a.t(i)), fnum(float64(c))})
				}
			}
		}
		h.Times = append(h.Times, a.t(len(a.lat)))
	}
	return figure{"heatmap", "Latency heatmap", chart.LatencyHeatmap(h, o), data}
}

func (a *agg) histogramChart(o chart.Options) figure {
	edges := logEdges(a.warm, a.cold)
	var warm, cold chart.Histogram
	var data [][]string
	if edges != nil {
		warm = chart.Histogram{Edges: edges, Counts: bin(edges, a.warm)}
		cold = chart.Histogram{Edges: edges, Counts: bin(edges, a.cold)}
		for j := range warm.Counts {
			data = append(data, []string{"histogram", "warm", fnum(edges[j]), fnum(float64(warm.Counts[j]))},
				[]string{"histogram", "cold", fnum(edges[j]), fnum(float64(cold.Counts[j]))})
		}
	}
	o.LogX = true
	return figure{"histogram", "Cold and warm latency", chart.LatencyHistogram(warm, cold, o), data}
}

func (a *agg) coldChart(o chart.Options) figure {
	v := make([]float64, a.n)
	for _, b := range a.buckets {
		v[a.bucket(b.Start)] += float64(b.ColdStarts)
	}
	s := a.series("cold starts", v)
	return figure{"coldstarts", "Cold starts", chart.ColdStarts(s, o), seriesRows("coldstarts", s)}
}

func (a *agg) instancesChart(o chart.Options) figure {
	names := []string{"busy", "idle", "cold-starting", "provisioned"}
	st := chart.Stacked{}
	var ss []chart.Series
	for i := 0; i < a.n; i++ {
		st.T = append(st.T, a.t(i))
	}
	for l, name := range names {
		st.Layers = append(st.Layers, chart.Layer{Name: name, V: a.inst[l]})
		ss = append(ss, a.series(name, a.inst[l]))
	}
	return figure{"instances", "Instances by state", chart.Instances(st, o), seriesRows("instances", ss...)}
}

func (a *agg) queueChart(o chart.Options) figure {
	var qs, ds []chart.Series
	for _, q := range sortedKeys(a.queues) {
		s := a.series(q, a.queues[q][0])
		if a.dlq[q] {
			ds = append(ds, s)
		} else {
			qs = append(qs, s)
		}
	}
	data := seriesRows("queues", append(append([]chart.Series{}, qs...), ds...)...)
	return figure{"queues", "Queue and dead-letter depth", chart.QueueDepth(qs, ds, o), data}
}

func (a *agg) throughputChart(o chart.Options) figure {
	recv, done := make([]float64, a.n), make([]float64, a.n)
	sec := a.width.Seconds()
	for _, b := range a.buckets {
		i := a.bucket(b.Start)
		recv[i] += float64(b.Received) / sec
		done[i] += float64(b.Delivered) / sec
	}
	rates := []chart.Series{a.series("received/s", recv), a.series("delivered/s", done)}
	var match []chart.Series
	for _, r := range sortedKeys(a.rules) {
		s := chart.Series{Name: r}
		ev, m := a.rules.at(r, 0, a.n), a.rules.at(r, 1, a.n)
		for i := range ev {
			if ev[i] > 0 {
				s.Points = append(s.Points, chart.Point{T: a.t(i), V: m[i] / ev[i]})
			}
		}
		match = append(match, s)
	}
	data := append(seriesRows("throughput", rates...), seriesRows("match_rate", match...)...)
	return figure{"throughput", "Throughput and match rate", chart.Throughput(rates, match, o), data}
}

func (a *agg) costChart(o chart.Options) figure {
	total := make([]float64, a.n)
	for _, b := range a.buckets {
		total[a.bucket(b.Start)] += float64(b.CostPicoUSD) / 1e12
	}
	ss := []chart.Series{cumulative(a.series("total", total))}
	for _, f := range sortedKeys(a.fnCost) {
		ss = append(ss, cumulative(a.series(f, a.fnCost[f][0])))
	}
	return figure{"cost", "Cumulative cost", chart.Cost(ss, o), seriesRows("cost", ss...)}
}

// cumulative turns per-bucket values into running sums at each bucket's end.
func cumulative(s chart.Series) chart.Series {
	var sum float64
	for i := range s.Points {
		sum += s.Points[i].V
		s.Points[i].V = sum
	}
	return s
}
