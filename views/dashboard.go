package views

import (
	"fmt"
	"image"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/views/chart"
)

// DashboardData is one snapshot for the live dashboard: the live metrics and the flows of the
// topology strip. Both are copies.
type DashboardData struct {
	Live  obs.Snapshot
	Flows []Flow
}

// Flow is one rule of the topology strip with its targets.
type Flow struct {
	Bus, Rule string
	Evaluated uint64
	Matched   uint64
	Targets   []FlowTarget
}

// FlowTarget is one target's live counts; Health says what needs attention.
type FlowTarget struct {
	ID, Kind                                   string
	Delivered, InFlight, Retried, DeadLettered uint64
	Discarded, Expired, Throttled              uint64
}

// Health is the target's state for the strip: ok, retrying, throttled or dead-lettering.
func (t FlowTarget) Health() string {
	switch {
	case t.DeadLettered > 0 || t.Discarded > 0 || t.Expired > 0:
		return "dead-lettering"
	case t.Throttled > 0 && t.InFlight > 0:
		return "throttled"
	case t.Retried > 0 && t.InFlight > 0:
		return "retrying"
	}
	return "ok"
}

// Dashboard is the live view of a run: headline tiles, the topology strip and small charts of
// the last minutes.
type Dashboard struct {
	tiles   *fyne.Container
	strip   *fyne.Container
	latency *ChartView
	inst    *ChartView
	thru    *ChartView
	theme   chart.Theme
	content fyne.CanvasObject
}

// NewDashboard builds an empty dashboard; Update fills it.
func NewDashboard(dark bool) *Dashboard {
	d := &Dashboard{theme: chart.Light()}
	if dark {
		d.theme = chart.Dark()
	}
	d.tiles = container.NewGridWrap(fyne.NewSize(150, 64))
	d.strip = container.NewVBox()
	min := fyne.NewSize(320, 200)
	d.latency = NewChartView(min, nil)
	d.inst = NewChartView(min, nil)
	d.thru = NewChartView(min, nil)
	charts := container.NewGridWithColumns(3, d.latency, d.inst, d.thru)
	stripCard := widget.NewCard("", "Topology, live", container.NewVScroll(d.strip))
	body := container.NewVSplit(stripCard, charts)
	body.Offset = 0.45
	d.content = container.NewBorder(d.tiles, nil, nil, nil, body)
	d.Update(DashboardData{})
	return d
}

// Content is the screen's root object.
func (d *Dashboard) Content() fyne.CanvasObject { return d.content }

// Update shows data; call it on the Fyne thread.
func (d *Dashboard) Update(data DashboardData) {
	d.tiles.Objects = tileObjects(DashboardTiles(data.Live))
	d.tiles.Refresh()
	d.strip.Objects = flowRows(data.Flows)
	d.strip.Refresh()
	series := CompleteBuckets(data.Live, 1) // 10 s buckets: the last 10 minutes
	th := d.theme
	d.latency.SetRender(func(w, h int) image.Image {
		return chart.Image(chart.LatencyOverTime(latencySeries(series), chart.Options{Theme: th, Title: "fan-out latency, last 10 min"}), w, h)
	})
	d.inst.SetRender(func(w, h int) image.Image {
		return chart.Image(chart.Instances(instanceLayers(series), chart.Options{Theme: th}), w, h)
	})
	d.thru.SetRender(func(w, h int) image.Image {
		rates, match := throughputSeries(series)
		return chart.Image(chart.Throughput(rates, match, chart.Options{Theme: th}), w, h)
	})
}

func tileObjects(tiles []Tile) []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(tiles))
	for i, t := range tiles {
		objs[i] = newTile(t)
	}
	return objs
}

// DashboardTiles computes the headline numbers of a snapshot.
func DashboardTiles(s obs.Snapshot) []Tile {
	t := s.Totals
	rate := 0.0
	if bs := CompleteBuckets(s, 1); len(bs) > 0 {
		rate = bs[len(bs)-1].Throughput()
	}
	cold := 0.0
	if t.Invocations > 0 {
		cold = float64(t.ColdStarts) / float64(t.Invocations)
	}
	return []Tile{
		{Label: "events / s", Value: fmt.Sprintf("%.1f", rate)},
		{Label: "match rate", Value: fmt.Sprintf("%.1f %%", 100*t.MatchRate())},
		{Label: "queued", Value: fmt.Sprint(t.Queued)},
		{Label: "p50 fan-out", Value: msText(s.Fanout.P50)},
		{Label: "p99 fan-out", Value: msText(s.Fanout.P99)},
		{Label: "cold starts", Value: fmt.Sprintf("%.1f %%", 100*cold)},
		{Label: "instances busy/idle", Value: fmt.Sprintf("%d / %d", t.Instances[obs.InstanceBusy], t.Instances[obs.InstanceIdle])},
		{Label: "dead letters", Value: fmt.Sprint(t.DLQ), Attention: t.DLQ > 0},
		{Label: "cost so far", Value: fmt.Sprintf("$%.4f", t.CostUSD)},
	}
}

// CompleteBuckets returns the buckets of resolution res that have ended by the snapshot's time:
// the bucket still filling would read as a drop at the end of every chart.
func CompleteBuckets(s obs.Snapshot, res int) []obs.BucketStat {
	bs := s.Series[res]
	for len(bs) > 0 && bs[len(bs)-1].Start.Add(bs[len(bs)-1].Width) > s.Now {
		bs = bs[:len(bs)-1]
	}
	return bs
}

// msText formats a latency in ms with a thousands separator, or seconds above 10 s.
func msText(d time.Duration) string {
	if d >= 10*time.Second {
		return fmt.Sprintf("%.1f s", d.Seconds())
	}
	return fmt.Sprintf("%d ms", d.Milliseconds())
}
