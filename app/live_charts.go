package main

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/views"
	"github.com/fanout/fanout/views/chart"
)

// liveChartData turns the live metrics into the Charts screen's series: 10 s buckets (the last
// 10 minutes) for rates and latencies, 1 min buckets (the last hour) for cumulative cost.
func liveChartData(s obs.Snapshot) views.ChartData {
	var d views.ChartData
	bs := views.CompleteBuckets(s, 1)
	rate := chart.Series{Name: "events/s"}
	match := chart.Series{Name: "match rate"}
	cold := chart.Series{Name: "cold starts"}
	queued := chart.Series{Name: "queued"}
	dlq := chart.Series{Name: "dead letters"}
	inst := chart.Stacked{Layers: []chart.Layer{{Name: "busy"}, {Name: "idle"}, {Name: "cold-starting"}}}
	for _, b := range bs {
		t := b.Start.Seconds()
		if b.Fanout.Count > 0 {
			d.Latency.P50 = append(d.Latency.P50, chart.Point{T: t, V: float64(b.Fanout.P50.Milliseconds())})
			d.Latency.P90 = append(d.Latency.P90, chart.Point{T: t, V: float64(b.Fanout.P90.Milliseconds())})
			d.Latency.P99 = append(d.Latency.P99, chart.Point{T: t, V: float64(b.Fanout.P99.Milliseconds())})
		}
		rate.Points = append(rate.Points, chart.Point{T: t, V: b.Throughput()})
		match.Points = append(match.Points, chart.Point{T: t, V: b.Totals.MatchRate()})
		cold.Points = append(cold.Points, chart.Point{T: t, V: float64(b.Totals.ColdStarts)})
		queued.Points = append(queued.Points, chart.Point{T: t, V: float64(b.Totals.Queued)})
		dlq.Points = append(dlq.Points, chart.Point{T: t, V: float64(b.Totals.DLQ)})
		inst.T = append(inst.T, t)
		in := b.Totals.Instances
		inst.Layers[0].V = append(inst.Layers[0].V, float64(in[obs.InstanceBusy]))
		inst.Layers[1].V = append(inst.Layers[1].V, float64(in[obs.InstanceIdle]))
		inst.Layers[2].V = append(inst.Layers[2].V, float64(in[obs.InstanceStarting]))
	}
	d.Rates, d.MatchRates = []chart.Series{rate}, []chart.Series{match}
	d.ColdStarts, d.Instances = cold, inst
	d.Queues, d.DeadLetter = []chart.Series{queued}, []chart.Series{dlq}
	d.Cost = []chart.Series{cumulativeCost(s)}
	return d
}

// cumulativeCost is the cost so far at the end of each 1 min bucket; the ring may not reach back
// to the start, so it counts back from the run's total.
func cumulativeCost(s obs.Snapshot) chart.Series {
	bs := s.Series[2]
	inRing := 0.0
	for _, b := range bs {
		inRing += b.Totals.CostUSD
	}
	sum := s.Totals.CostUSD - inRing
	out := chart.Series{Name: "cost"}
	for _, b := range bs {
		sum += b.Totals.CostUSD
		out.Points = append(out.Points, chart.Point{T: b.Start.Add(b.Width).Seconds(), V: sum})
	}
	return out
}

// saveChart asks for a file and writes a chart export into it.
func saveChart(w fyne.Window) views.ChartSaver {
	return func(name string, write func(io.Writer) error) {
		d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
			if err != nil {
				dialog.ShowError(err, w)
				return
			}
			if wc == nil {
				return
			}
			defer wc.Close()
			if err := write(wc); err != nil {
				dialog.ShowError(err, w)
			}
		}, w)
		d.SetFileName(name)
		d.Show()
	}
}
