package views

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestEventPageGolden renders the upload event's page with its waterfall, the cold-start span
// selected (regenerate: delete testdata/event_page.png or copy testdata/failed/event_page.png).
func TestEventPageGolden(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.LightTheme())
	p := newEventPage(memoryRun(3), 1, EventPageDeps{Patterns: uploadPatterns}, inlineBackground)
	w := test.NewWindow(p.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 860))
	p.waterfall.Select(7)
	img := software.RenderCanvas(w.Canvas(), theme.LightTheme())
	if blank(img) {
		t.Fatalf("rendered image is empty")
	}
	test.AssertImageMatches(t, "event_page.png", img)
}

// TestEventBrowserGolden renders the browser's first page over the fixture run.
func TestEventBrowserGolden(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.LightTheme())
	q := &queuedBackground{}
	b := newEventBrowser(memoryRun(400), EventPageDeps{}, q.run, 100)
	b.pager.since = func(time.Time) time.Duration { return 3 * time.Millisecond }
	b.apply() // again, with the fixed clock
	w := test.NewWindow(b.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(1400, 640))
	q.runAll()
	w.Canvas().Refresh(b.Content())
	q.runAll()
	img := software.RenderCanvas(w.Canvas(), theme.LightTheme())
	if blank(img) {
		t.Fatalf("rendered image is empty")
	}
	test.AssertImageMatches(t, "event_browser.png", img)
}
