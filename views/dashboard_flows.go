package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/views/chart"
)

// flowRows draws the topology strip: one line per rule, then one per target with its counts
// and a health mark coloured by what needs attention.
func flowRows(flows []Flow) []fyne.CanvasObject {
	var rows []fyne.CanvasObject
	for _, f := range flows {
		rate := 0.0
		if f.Evaluated > 0 {
			rate = 100 * float64(f.Matched) / float64(f.Evaluated)
		}
		head := widget.NewLabelWithStyle(fmt.Sprintf("bus %s  →  rule %s   matched %.1f%% of %s", f.Bus, f.Rule, rate, Count(f.Evaluated)),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		rows = append(rows, head)
		for i, t := range f.Targets {
			branch := "├→"
			if i == len(f.Targets)-1 {
				branch = "└→"
			}
			rows = append(rows, targetRow(branch, t))
		}
	}
	if len(rows) == 0 {
		l := widget.NewLabel("no rules have evaluated events yet")
		l.Importance = widget.LowImportance
		rows = append(rows, l)
	}
	return rows
}

func targetRow(branch string, t FlowTarget) fyne.CanvasObject {
	health := t.Health()
	col := theme.Color(theme.ColorNameSuccess)
	switch health {
	case "dead-lettering":
		col = theme.Color(theme.ColorNameError)
	case "retrying", "throttled":
		col = theme.Color(theme.ColorNameWarning)
	}
	dot := canvas.NewCircle(col)
	dotBox := container.NewGridWrap(fyne.NewSize(12, 12), dot)
	name := widget.NewLabel(fmt.Sprintf("      %s %s (%s)", branch, t.ID, t.Kind))
	counts := fmt.Sprintf("delivered %s   in flight %s   dead-lettered %s", Count(t.Delivered), Count(t.InFlight), Count(t.DeadLettered))
	if t.Discarded > 0 || t.Expired > 0 {
		counts += fmt.Sprintf("   discarded %s   expired %s", Count(t.Discarded), Count(t.Expired))
	}
	right := widget.NewLabelWithStyle(counts+"   "+health, fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
	return container.NewBorder(nil, nil, name, container.NewHBox(right, container.NewCenter(dotBox)))
}

// latencySeries turns buckets into fan-out latency percentiles over time, in ms.
func latencySeries(bs []obs.BucketStat) chart.Percentiles {
	var p chart.Percentiles
	for _, b := range bs {
		if b.Fanout.Count == 0 {
			continue
		}
		t := b.Start.Seconds()
		p.P50 = append(p.P50, chart.Point{T: t, V: ms(b.Fanout.P50.Seconds())})
		p.P90 = append(p.P90, chart.Point{T: t, V: ms(b.Fanout.P90.Seconds())})
		p.P99 = append(p.P99, chart.Point{T: t, V: ms(b.Fanout.P99.Seconds())})
	}
	return p
}

func ms(s float64) float64 { return s * 1000 }

// instanceLayers stacks instances by state over time.
func instanceLayers(bs []obs.BucketStat) chart.Stacked {
	st := chart.Stacked{Layers: []chart.Layer{{Name: "busy"}, {Name: "idle"}, {Name: "cold-starting"}}}
	for _, b := range bs {
		st.T = append(st.T, b.Start.Seconds())
		in := b.Totals.Instances
		st.Layers[0].V = append(st.Layers[0].V, float64(in[obs.InstanceBusy]))
		st.Layers[1].V = append(st.Layers[1].V, float64(in[obs.InstanceIdle]))
		st.Layers[2].V = append(st.Layers[2].V, float64(in[obs.InstanceStarting]))
	}
	return st
}

// throughputSeries gives events/s and the match rate (a fraction) over time.
func throughputSeries(bs []obs.BucketStat) (rates, match []chart.Series) {
	r := chart.Series{Name: "events/s"}
	m := chart.Series{Name: "match rate"}
	for _, b := range bs {
		t := b.Start.Seconds()
		r.Points = append(r.Points, chart.Point{T: t, V: b.Throughput()})
		m.Points = append(m.Points, chart.Point{T: t, V: b.Totals.MatchRate()})
	}
	return []chart.Series{r}, []chart.Series{m}
}
