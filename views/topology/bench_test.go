package topology

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// BenchmarkLayoutBig builds and lays out the 5-bus, 50-rule, 100-target scenario (done on
// every document change).
func BenchmarkLayoutBig(b *testing.B) {
	sc := big()
	for b.Loop() {
		Layout(Build(sc))
	}
}

// BenchmarkDrawBig redraws the big diagram's canvas objects.
func BenchmarkDrawBig(b *testing.B) {
	test.NewTempApp(b)
	g := Build(big())
	Layout(g)
	d := NewDiagram()
	d.SetGraph(g)
	r := d.CreateRenderer()
	for b.Loop() {
		r.Refresh()
	}
}
