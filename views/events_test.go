package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/engine/obs"
)

// browserFixture shows a browser over n events in a test window, fetches queued.
func browserFixture(t *testing.T, n, page int) (*EventBrowser, *recordingSource, *queuedBackground, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	src := &recordingSource{Memory: memoryRun(n)}
	q := &queuedBackground{}
	b := newEventBrowser(src, EventPageDeps{}, q.run, page)
	w := test.NewWindow(b.Content())
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1400, 800))
	q.runAll()
	return b, src, q, w
}

func TestBrowserShowsFirstPage(t *testing.T) {
	b, src, _, _ := browserFixture(t, 500, 50)
	if src.calls[0].p.After != 0 || src.calls[0].f != (obs.EventFilter{}) {
		t.Fatalf("first call = %+v, want the whole run from the start", src.calls[0])
	}
	if rows, cols := b.table.Length(); rows != 100 || cols != len(eventColumns) {
		t.Fatalf("table %dx%d, want 100 rows (a page and one to come) x %d", rows, cols, len(eventColumns))
	}
	row, _ := b.pager.Row(0)
	if text, _ := eventCell(row, 6, obs.Any); text != "2/2 delivered" {
		t.Errorf("outcome of the upload = %q, want 2/2 delivered", text)
	}
	if text, _ := eventCell(row, 7, obs.Any); text != "1,671 ms" {
		t.Errorf("latency of the upload = %q, want 1,671 ms", text)
	}
	if !strings.Contains(b.status.Text, "50+ events") && !strings.Contains(b.status.Text, "100+ events") {
		t.Errorf("status = %q", b.status.Text)
	}
}

func TestBrowserFiltersReachTheQuerier(t *testing.T) {
	b, src, q, _ := browserFixture(t, 500, 50)
	test.Type(b.filters.search, "ev-0001")
	q.runAll()
	if got := src.last().f.Text; got != "ev-0001" {
		t.Fatalf("text filter = %q, want ev-0001", got)
	}
	b.filters.outcome.SetSelected("dead_lettered")
	b.filters.sort.SetSelected("newest first")
	b.filters.cold.SetSelected("no cold start")
	b.filters.bus.SetText("orders")
	b.filters.from.SetText("10s")
	b.filters.to.SetText("0:00:30")
	b.filters.rule.SetText("orders-to-billing")
	b.filters.matched.SetSelected("matched")
	test.Tap(b.filters.apply)
	q.runAll()
	c := src.last()
	want := obs.EventFilter{Text: "ev-0001", Outcome: "dead_lettered", Cold: obs.No, Bus: "orders",
		From: at(10000), To: at(30000), Rule: "orders-to-billing", Matched: obs.Yes}
	if c.f != want || c.p.Sort != obs.SortNewest || c.p.After != 0 {
		t.Fatalf("query = %+v %+v, want %+v newest first from the start", c.f, c.p, want)
	}
	// ev-000100 .. ev-000199 received at 10 s..19.9 s, dead-lettered: ref%3==0, ref%5!=0.
	for i := 0; i < b.pager.Rows(); i++ {
		row, ok := b.pager.Row(i)
		if !ok || !strings.HasPrefix(row.ID, "ev-0001") || row.Event%3 != 0 || row.Succeeded != 0 {
			t.Fatalf("row %d = %+v does not satisfy the filter", i, row)
		}
	}
	nDL := 0
	for r := 100; r <= 199; r++ {
		if r%3 == 0 && r%5 != 0 {
			nDL++
		}
	}
	if b.pager.Rows() != nDL || !b.pager.Complete() {
		t.Fatalf("rows = %d, want %d dead-lettered events in ev-0001xx", b.pager.Rows(), nDL)
	}
	test.Tap(b.filters.clear)
	q.runAll()
	if c := src.last(); c.f != (obs.EventFilter{}) || c.p.Sort != obs.SortOldest {
		t.Fatalf("after clear query = %+v", c)
	}
}

func TestBrowserRejectsABadTimeInPlace(t *testing.T) {
	b, src, q, _ := browserFixture(t, 20, 50)
	n := len(src.calls)
	b.filters.from.SetText("yesterday")
	test.Tap(b.filters.apply)
	q.runAll()
	if len(src.calls) != n {
		t.Fatalf("a bad time must not query the store")
	}
	if !b.errLabel.Visible() || !strings.Contains(b.errLabel.Text, `from: "yesterday"`) {
		t.Fatalf("error label = %q visible %v", b.errLabel.Text, b.errLabel.Visible())
	}
	b.filters.from.SetText("2s")
	b.filters.to.SetText("1s")
	test.Tap(b.filters.apply)
	if !b.errLabel.Visible() || !strings.Contains(b.errLabel.Text, "empty time range") {
		t.Fatalf("reversed range: error label = %q", b.errLabel.Text)
	}
}

func TestBrowserSelectingARowOpensItsPage(t *testing.T) {
	b, _, q, w := browserFixture(t, 30, 50)
	b.table.Select(widget.TableCellID{Row: 2, Col: 3})
	if b.page == nil || b.page.ref != 3 {
		t.Fatalf("selecting row 2 should open event 3, got %+v", b.page)
	}
	q.runAll()
	if b.page.title.Text != "ev-000003" {
		t.Fatalf("page title = %q", b.page.title.Text)
	}
	if !hasLabel(t, w.Canvas().Content(), "ev-000003") {
		t.Fatalf("the page is not on screen")
	}
	test.Tap(b.page.back)
	if b.page != nil || b.body.Objects[0] != b.list {
		t.Fatalf("back should return to the list")
	}
}
