package views

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func TestWorkbenchNavigationBuildsScreensOnce(t *testing.T) {
	test.NewTempApp(t)
	builds := map[string]int{}
	mk := func(name string) func() fyne.CanvasObject {
		return func() fyne.CanvasObject { builds[name]++; return widget.NewLabel(name) }
	}
	wb := NewWorkbench([]Screen{
		{Group: "SCENARIO", Title: "Overview", Make: mk("overview")},
		{Group: "RUN", Title: "Summary", Make: mk("summary")},
	})
	if wb.Current() != 0 || builds["overview"] != 1 {
		t.Fatalf("first screen should be shown and built once: current=%d builds=%v", wb.Current(), builds)
	}
	wb.Show(1)
	wb.Show(0)
	wb.Show(1)
	if builds["summary"] != 1 || builds["overview"] != 1 {
		t.Errorf("screens must be built once each: %v", builds)
	}
	if wb.Current() != 1 {
		t.Errorf("current = %d, want 1", wb.Current())
	}
	wb.SetStatus("sim 00:00:00")
	if wb.status.Text != "sim 00:00:00" {
		t.Errorf("status = %q", wb.status.Text)
	}
}

// TestOverviewGolden renders the overview without a display and compares it with the golden PNG
// in testdata (regenerate: delete testdata/overview.png or copy testdata/failed/overview.png).
func TestOverviewGolden(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.LightTheme())
	doc := sampleDoc()
	doc.Problems = []Problem{{Where: "csv-upload-fanout.yaml:14:9", Msg: "rules[0].targets: a rule has at most 5 targets"}}
	w := test.NewWindow(NewWorkbench([]Screen{
		{Group: "SCENARIO", Title: "Overview", Make: func() fyne.CanvasObject { return NewOverview(doc).Content() }},
	}).Content())
	defer w.Close()
	w.Resize(fyne.NewSize(800, 500))
	img := software.RenderCanvas(w.Canvas(), theme.LightTheme())
	if img.Bounds().Empty() || blank(img) {
		t.Fatalf("rendered image is empty")
	}
	test.AssertImageMatches(t, "overview.png", img)
}

func blank(img image.Image) bool {
	b := img.Bounds()
	first := img.At(b.Min.X, b.Min.Y)
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			if img.At(x, y) != first {
				return false
			}
		}
	}
	return true
}
