package chart

import (
	"image/color"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// QueueDepth charts queue depths (messages) and dead-letter depths against simulated time.
// Dead-letter lines use the theme's accent colour: they need attention.
func QueueDepth(queues, deadLetters []Series, o Options) *Chart {
	th := o.Theme.orDefault()
	p := newPlot(th, "", "depth (messages)")
	pn := &Panel{Plot: p}
	tdiv := timeAxis(p, maxT(append(points(queues), points(deadLetters)...)...))
	p.Y.Tick.Marker = scaledTicks{Div: 1, Format: number}
	pn.Legend = addLines(p, queues, tdiv, 1, th.color, "queue")
	dlq := addLines(p, deadLetters, tdiv, 1, func(int) color.Color { return th.Accent }, "dead letters")
	for i, it := range dlq {
		ln := it.Thumbs[0].(*plotter.Line)
		ln.LineStyle.Width = 2
		if i > 0 {
			ln.LineStyle.Dashes = []vg.Length{5, 3}
		}
	}
	pn.Legend = append(pn.Legend, dlq...)
	finishXY(p, th, pn, true)
	return single(o.title("Queue and dead-letter depth"), th, pn)
}

// Throughput charts event rates (events per simulated second) in a top panel and match rates
// (fractions 0..1, shown in percent) in a bottom panel; the panels share the time axis.
func Throughput(rates, matchRates []Series, o Options) *Chart {
	th := o.Theme.orDefault()
	tmax := maxT(append(points(rates), points(matchRates)...)...)
	top := newPlot(th, "", "events/s")
	topPn := &Panel{Plot: top}
	tdiv := timeAxis(top, tmax)
	top.Y.Tick.Marker = scaledTicks{Div: 1, Format: number}
	topPn.Legend = addLines(top, rates, tdiv, 1, th.color, "events")
	finishXY(top, th, topPn, true)
	if !topPn.Empty {
		top.X.Label.Text = "" // the bottom panel labels the shared time axis
		top.X.Tick.Marker = scaledTicks{Div: 1, Format: func(float64, float64) string { return "" }}
	}

	bot := newPlot(th, "", "match (%)")
	botPn := &Panel{Plot: bot}
	timeAxis(bot, tmax)
	bot.Y.Tick.Marker = scaledTicks{Div: 1, N: 3, Format: number}
	botPn.Legend = addLines(bot, matchRates, tdiv, 100, func(i int) color.Color { return th.color(i + 2) }, "match rate")
	finishXY(bot, th, botPn, false)
	bot.Y.Min = 0
	roundUpAxis(&bot.Y, 3)
	if !topPn.Empty && !botPn.Empty {
		lo, hi := min(top.X.Min, bot.X.Min), max(top.X.Max, bot.X.Max)
		top.X.Min, top.X.Max, bot.X.Min, bot.X.Max = lo, hi, lo, hi
	}
	return &Chart{Title: o.title("Throughput and match rate"), Theme: th, AlignX: true,
		Rows: []Row{{Panels: []*Panel{topPn}, Weight: 1.3}, {Panels: []*Panel{botPn}}}}
}

// Cost charts cumulative cost in US dollars against simulated time; the first series is
// usually the total and is drawn heavier, the others (per function, per rule) lighter.
func Cost(series []Series, o Options) *Chart {
	th := o.Theme.orDefault()
	p := newPlot(th, "", "cost so far (USD)")
	pn := &Panel{Plot: p}
	tdiv := timeAxis(p, maxT(points(series)...))
	p.Y.Tick.Marker = scaledTicks{Div: 1, Format: money}
	pn.Legend = addLines(p, series, tdiv, 1, th.color, "total")
	for i, it := range pn.Legend {
		if i > 0 {
			it.Thumbs[0].(*plotter.Line).LineStyle.Width = 1
		}
	}
	finishXY(p, th, pn, true)
	return single(o.title("Cumulative cost"), th, pn)
}
