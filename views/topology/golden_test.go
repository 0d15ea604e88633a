package topology

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/fanout/fanout/scenarios"
)

// TestGoldenShipped renders the diagram of every shipped scenario.
func TestGoldenShipped(t *testing.T) {
	test.NewTempApp(t)
	for _, info := range scenarios.Shipped() {
		d := openShipped(t, info.Name)
		v := New(d, nil)
		g := v.Diagram().Graph()
		size := fyne.NewSize(max(g.W, 400), max(g.H, 300)+60)
		renderGolden(t, v.Content(), size, "topology-"+info.Name+".png")
	}
}

// TestGoldenLive renders the default scenario with a selection and live counts, at 125%.
func TestGoldenLive(t *testing.T) {
	test.NewTempApp(t)
	v := New(openShipped(t, scenarios.DefaultName), nil)
	v.Select(KindRule, "csv-uploads")
	v.SetCounts(Counts{
		{KindLoad, "oss-uploads"}:                    {Text: "18,000", Health: HealthOK},
		{KindRule, "csv-uploads"}:                    {Text: "9.8%", Health: HealthOK},
		{KindTarget, "csv-uploads/notify"}:           {Text: "✓ 2,041", Health: HealthOK},
		{KindFunction, "csv-pipeline/index-fn"}:      {Text: "⟳ 12", Health: HealthWarning},
		{KindFunction, "csv-pipeline/invalidate-fn"}: {Text: "✗ 3", Health: HealthError},
	})
	before := v.Diagram().MinSize()
	v.zoom(1.25)
	if after := v.Diagram().MinSize(); after.Width != before.Width*1.25 || after.Height != before.Height*1.25 {
		t.Fatalf("zoom 1.25: min size %v, want %v × 1.25", after, before)
	}
	renderGolden(t, v.Content(), fyne.NewSize(1400, 620), "topology-live.png")
}
