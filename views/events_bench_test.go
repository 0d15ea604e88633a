package views

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/fanout/fanout/engine/obs"
)

// synthSource is a run of n events made up on demand, with the keyset paging of the store
// (filters other than sort are ignored): a million rows cost no memory.
type synthSource struct{ n int }

func (s synthSource) row(ref obs.EventRef) obs.EventRow {
	return obs.EventRow{Received: obs.Received{Event: ref, At: at(float64(ref) * 3.6), ID: fmt.Sprintf("ev-%07d", ref),
		Bus: "default", Source: "acs.oss", Type: "oss:ObjectCreated:PutObject", Subject: fmt.Sprintf("bucket-a/uploads/%d.csv", ref),
		Accepted: true}, Matched: 1, Targets: 2, Succeeded: 2, Done: true, FanoutTime: 1e6 * 412}
}

func (s synthSource) Events(f obs.EventFilter, p obs.PageRequest) (obs.EventPage, error) {
	var page obs.EventPage
	lim := p.Lim()
	step, next := obs.EventRef(1), p.After+1
	if p.Sort == obs.SortNewest {
		step, next = ^obs.EventRef(0), p.After-1 // -1
		if p.After == 0 {
			next = obs.EventRef(s.n)
		}
	}
	for ; next >= 1 && next <= obs.EventRef(s.n); next += step {
		if len(page.Rows) == lim {
			page.Next = page.Rows[lim-1].Event
			break
		}
		page.Rows = append(page.Rows, s.row(next))
	}
	return page, nil
}

func (s synthSource) Trace(ref obs.EventRef) (obs.Trace, error) { return obs.Trace{}, obs.ErrNotFound }

// showBrowser opens a browser over src in a window and shows its first page.
func showBrowser(src EventSource, q *queuedBackground) (*EventBrowser, fyne.Window) {
	b := newEventBrowser(src, EventPageDeps{}, q.run, eventPageSize)
	w := test.NewWindow(b.Content())
	w.Resize(fyne.NewSize(1400, 800))
	q.runAll()
	return b, w
}

// BenchmarkEventBrowserFirstPage: build the browser over a million events, fetch the first
// page and lay out the visible cells.
func BenchmarkEventBrowserFirstPage(bm *testing.B) {
	test.NewTempApp(bm)
	src := synthSource{n: 1_000_000}
	for bm.Loop() {
		q := &queuedBackground{}
		b, w := showBrowser(src, q)
		if r, ok := b.pager.Row(0); !ok || r.Event != 1 {
			bm.Fatalf("first row not shown")
		}
		w.Close()
	}
}

// BenchmarkEventBrowserScrollStep: scroll a million-event browser down one screen per step,
// fetching pages as they come into view.
func BenchmarkEventBrowserScrollStep(bm *testing.B) {
	test.NewTempApp(bm)
	q := &queuedBackground{}
	b, w := showBrowser(synthSource{n: 1_000_000}, q)
	defer w.Close()
	y := float32(0)
	for bm.Loop() {
		y += 760
		b.table.ScrollToOffset(fyne.NewPos(0, y))
		q.runAll()
	}
	bm.ReportMetric(float64(b.pager.fetches)/float64(bm.N), "pages/step")
}

func TestBrowserScrollsDeepIntoAMillionRows(t *testing.T) {
	test.NewTempApp(t)
	q := &queuedBackground{}
	b, w := showBrowser(synthSource{n: 1_000_000}, q)
	defer w.Close()
	y := float32(0)
	for step := 0; step < 300; step++ {
		y += 760
		b.table.ScrollToOffset(fyne.NewPos(0, y))
		q.runAll()
	}
	rows := b.pager.Rows()
	if rows < 5000 || b.pager.Complete() {
		t.Fatalf("after 300 screens rows = %d complete %v", rows, b.pager.Complete())
	}
	for _, i := range []int{rows - eventPageSize - 1, rows - eventPageSize - 40} {
		if r, ok := b.pager.Row(i); !ok || r.Event != obs.EventRef(i+1) {
			t.Fatalf("row %d = %d,%v, want event %d in memory", i, r.Event, ok, i+1)
		}
	}
	if len(b.pager.pages) > 2*b.pager.keep+1 {
		t.Fatalf("pages in memory = %d", len(b.pager.pages))
	}
	if b.pager.fetches > rows/eventPageSize+2 {
		t.Fatalf("fetched %d pages for %d rows: pages are fetched more than once", b.pager.fetches, rows)
	}
}
