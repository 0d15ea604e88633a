package views

import (
	"fmt"
	"image"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/views/chart"
)

// ChartData is everything the Charts screen can draw, filled by the app from the live metrics
// or from a stored run. Empty parts draw as "no data yet".
type ChartData struct {
	Latency    chart.Percentiles // ms over simulated time
	Heatmap    chart.Heatmap
	Warm, Cold chart.Histogram // execution latency of warm and cold invocations, ms
	ColdStarts chart.Series
	Instances  chart.Stacked
	Queues     []chart.Series
	DeadLetter []chart.Series
	Rates      []chart.Series // events per simulated second
	MatchRates []chart.Series // fractions 0..1
	Cost       []chart.Series // cumulative USD
}

// ChartKinds lists the charts in the order of the selector.
var ChartKinds = []string{
	"Latency over time", "Latency heatmap", "Latency histogram (cold vs warm)", "Cold starts",
	"Instances by state", "Queue and dead-letter depth", "Throughput and match rate", "Cumulative cost",
}

// Build returns the chart of the given kind for d.
func (d ChartData) Build(kind string, th chart.Theme) *chart.Chart {
	o := chart.Options{Theme: th}
	switch kind {
	case ChartKinds[1]:
		return chart.LatencyHeatmap(d.Heatmap, o)
	case ChartKinds[2]:
		o.LogX = true
		return chart.LatencyHistogram(d.Warm, d.Cold, o)
	case ChartKinds[3]:
		return chart.ColdStarts(d.ColdStarts, o)
	case ChartKinds[4]:
		return chart.Instances(d.Instances, o)
	case ChartKinds[5]:
		return chart.QueueDepth(d.Queues, d.DeadLetter, o)
	case ChartKinds[6]:
		return chart.Throughput(d.Rates, d.MatchRates, o)
	case ChartKinds[7]:
		return chart.Cost(d.Cost, o)
	}
	return chart.LatencyOverTime(d.Latency, o)
}

// ChartSaver asks where to write an exported chart; the app shows a file dialog. name is a
// suggested file name; write is called with the destination.
type ChartSaver func(name string, write func(io.Writer) error)

// ChartsScreen shows one chart at a time, drawn at the size of the window, with export to PNG
// and SVG.
type ChartsScreen struct {
	data    ChartData
	run     []chart.Drawer // the finished run's charts from its records, by ChartKinds index
	theme   chart.Theme
	kind    *widget.Select
	view    *ChartView
	save    ChartSaver
	status  *widget.Label
	content fyne.CanvasObject
}

// NewChartsScreen builds the screen; save may be nil (no export buttons).
func NewChartsScreen(th chart.Theme, save ChartSaver) *ChartsScreen {
	c := &ChartsScreen{theme: th, save: save}
	c.view = NewChartView(fyne.NewSize(480, 300), nil)
	c.kind = widget.NewSelect(ChartKinds, func(string) { c.redraw() })
	c.status = widget.NewLabel("")
	c.status.Importance = widget.LowImportance
	bar := container.NewHBox(widget.NewLabel("chart"), container.NewGridWrap(fyne.NewSize(300, c.kind.MinSize().Height), c.kind))
	if save != nil {
		bar.Add(widget.NewButton("Export PNG", func() { c.export("png") }))
		bar.Add(widget.NewButton("Export SVG", func() { c.export("svg") }))
	}
	bar.Add(c.status)
	c.content = container.NewBorder(bar, nil, nil, nil, c.view)
	c.kind.SetSelected(ChartKinds[0])
	return c
}

// Content is the screen's root object.
func (c *ChartsScreen) Content() fyne.CanvasObject { return c.content }

// Update replaces the live data and redraws; call it on the Fyne thread.
func (c *ChartsScreen) Update(d ChartData) {
	c.data = d
	c.redraw()
}

// SetRun shows the charts of a finished run, built from all its records (ChartKinds order; nil
// entries and a nil slice fall back to the live data). The live metrics keep only the last
// minutes and no latency distributions; a run's records have the whole run.
func (c *ChartsScreen) SetRun(charts []chart.Drawer) {
	c.run = charts
	c.redraw()
}

// drawer is the chart of kind: the run's when there is one, else built from the live data.
func (c *ChartsScreen) drawer(kind string) chart.Drawer {
	for i, k := range ChartKinds {
		if k == kind && i < len(c.run) && c.run[i] != nil {
			return c.run[i]
		}
	}
	return c.data.Build(kind, c.theme)
}

// Select shows the chart of the given kind.
func (c *ChartsScreen) Select(kind string) { c.kind.SetSelected(kind) }

func (c *ChartsScreen) redraw() {
	d := c.drawer(c.kind.Selected)
	c.view.SetRender(func(w, h int) image.Image { return chart.Image(d, w, h) })
}

// export writes the current chart at 1200×600 px (PNG) or as SVG.
func (c *ChartsScreen) export(format string) {
	ch := c.drawer(c.kind.Selected)
	name := strings.NewReplacer(" ", "-", "(", "", ")", "").Replace(strings.ToLower(c.kind.Selected)) + "." + format
	c.save(name, func(w io.Writer) error {
		var b []byte
		var err error
		if format == "svg" {
			b, err = chart.SVG(ch, 1200, 600)
		} else {
			b, err = chart.PNG(ch, 1200, 600, chart.DefaultDPI)
		}
		if err != nil {
			return fmt.Errorf("render %s: %w", name, err)
		}
		_, err = w.Write(b)
		return err
	})
	c.status.SetText("exported " + name)
}
