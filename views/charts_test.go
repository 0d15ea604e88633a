package views

import (
	"bytes"
	"encoding/xml"
	"io"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/fanout/fanout/views/chart"
)

func sampleChartData() ChartData {
	var d ChartData
	for i := 0; i < 10; i++ {
		t := float64(i * 10)
		d.Latency.P50 = append(d.Latency.P50, chart.Point{T: t, V: 100 + float64(i)})
		d.Latency.P90 = append(d.Latency.P90, chart.Point{T: t, V: 200})
		d.Latency.P99 = append(d.Latency.P99, chart.Point{T: t, V: 900})
	}
	d.Rates = []chart.Series{{Name: "events/s", Points: d.Latency.P50}}
	return d
}

func TestChartsScreenDrawsEachKind(t *testing.T) {
	test.NewTempApp(t)
	c := NewChartsScreen(chart.Light(), nil)
	w := test.NewWindow(c.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(900, 600))
	c.Update(sampleChartData())
	for _, k := range ChartKinds {
		c.Select(k)
		img := c.view.img.Image
		if img == nil || img.Bounds().Dx() != int(c.view.Size().Width) {
			t.Errorf("%s: not drawn at the view's size", k)
		}
	}
}

func TestChartsScreenExportsSVGAndPNG(t *testing.T) {
	test.NewTempApp(t)
	var name string
	var out bytes.Buffer
	c := NewChartsScreen(chart.Light(), func(n string, write func(io.Writer) error) {
		name = n
		out.Reset()
		if err := write(&out); err != nil {
			t.Fatal(err)
		}
	})
	c.Update(sampleChartData())
	c.export("svg")
	if name != "latency-over-time.svg" {
		t.Errorf("suggested name %q", name)
	}
	if err := xml.Unmarshal(out.Bytes(), new(struct{})); err != nil {
		t.Errorf("exported SVG does not parse: %v", err)
	}
	c.Select(ChartKinds[6])
	c.export("png")
	if name != "throughput-and-match-rate.png" || !bytes.HasPrefix(out.Bytes(), []byte("\x89PNG")) {
		t.Errorf("PNG export: name %q, %d bytes", name, out.Len())
	}
}

// A finished run's charts replace the live ones of the same kind; the others stay live.
func TestChartsScreenPrefersTheRunsCharts(t *testing.T) {
	test.NewTempApp(t)
	c := NewChartsScreen(chart.Light(), nil)
	c.Update(sampleChartData())
	heat := chart.LatencyHeatmap(chart.Heatmap{}, chart.Options{})
	c.SetRun([]chart.Drawer{nil, heat})
	if c.drawer(ChartKinds[1]) != chart.Drawer(heat) {
		t.Errorf("the heatmap should be the run's")
	}
	if c.drawer(ChartKinds[0]) == nil {
		t.Errorf("latency should fall back to the live data")
	}
	c.SetRun(nil)
	if c.drawer(ChartKinds[1]) == chart.Drawer(heat) {
		t.Errorf("SetRun(nil) must drop the run's charts")
	}
}
