package views

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/fanout/fanout/engine/obs"
)

// gatedSource blocks Events until released, and says which goroutine answered.
type gatedSource struct {
	*obs.Memory
	release chan struct{}
	entered chan struct{}
}

func (g *gatedSource) Events(f obs.EventFilter, p obs.PageRequest) (obs.EventPage, error) {
	g.entered <- struct{}{}
	<-g.release
	return g.Memory.Events(f, p)
}

// TestBrowserFetchesOffTheCallingGoroutine drives the production background: the constructor
// returns while the store is still answering, and the page shows once it has.
func TestBrowserFetchesOffTheCallingGoroutine(t *testing.T) {
	test.NewTempApp(t)
	src := &gatedSource{Memory: memoryRun(50), release: make(chan struct{}), entered: make(chan struct{}, 1)}
	b := NewEventBrowser(src, EventPageDeps{})
	select {
	case <-src.entered:
	case <-time.After(5 * time.Second):
		t.Fatalf("the first page was never asked for")
	}
	if b.pager.Rows() != 0 || b.status.Text != "loading…" {
		t.Fatalf("the constructor must not wait for the store: rows %d status %q", b.pager.Rows(), b.status.Text)
	}
	done := make(chan struct{})
	b.pager.changed = func() { b.pageArrived(); close(done) }
	close(src.release)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatalf("the page never arrived")
	}
	if b.pager.Rows() != 50 || !b.pager.Complete() {
		t.Fatalf("rows = %d", b.pager.Rows())
	}
}
