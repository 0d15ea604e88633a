package chart

import "testing"

// BenchmarkPNG renders each chart type to an 800×400 PNG: the GUI re-renders on resize and on
// live updates, so this is the cost of one frame (encoding included).
func BenchmarkPNG(b *testing.B) {
	for _, c := range chartCases() {
		ch := c.build(Options{})
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := PNG(ch, 800, 400, DefaultDPI); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImage is the GUI path: build the chart from data and rasterise it, no PNG encoding.
func BenchmarkImage(b *testing.B) {
	for _, c := range chartCases() {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				Image(c.build(Options{}), 800, 400)
			}
		})
	}
}

// BenchmarkSVG renders the sweep (the largest chart) to SVG, as reports do.
func BenchmarkSVG(b *testing.B) {
	ch := SweepChart(fixSweep(), Options{})
	for b.Loop() {
		if _, err := SVG(ch, 800, 400); err != nil {
			b.Fatal(err)
		}
	}
}
