package views

import (
	"time"

	"github.com/fanout/fanout/engine/obs"
)

// EventSource is what the event browser reads from a run: keyset pages of events and one
// event's trace. obs.Querier (obs.Memory, *storage.Store) satisfies it.
type EventSource interface {
	Events(f obs.EventFilter, p obs.PageRequest) (obs.EventPage, error)
	TraceSource
}

// eventPager turns keyset pages into random access by row for a virtualised table. It keeps
// every page's cursor it has seen (8 bytes a page) but the rows of only the pages near the
// one in view, fetches pages with bg, and drops answers to a query that has since changed.
// Use it on the Fyne thread only.
type eventPager struct {
	src     EventSource
	bg      background
	size    int // rows per page
	keep    int // pages kept on each side of the focus
	filter  obs.EventFilter
	sort    obs.Sort
	gen     int            // bumped by every new query
	started bool           // the first page has arrived
	cursors []obs.EventRef // cursors[k] is the After of page k: pages 0..len-1 exist
	last    int            // index of the final page once known, else -1
	lastLen int            // rows of the final page
	pages   map[int][]obs.EventRow
	loading map[int]bool
	focus   int
	err     error
	fetches int           // pages fetched, for the status line and tests
	took    time.Duration // wall time of the latest fetch
	changed func()        // called after a page arrives or fails
	since   func(time.Time) time.Duration
}

func newEventPager(src EventSource, bg background, size int) *eventPager {
	p := &eventPager{src: src, bg: bg, size: size, keep: 4, since: time.Since}
	p.reset()
	return p
}

func (p *eventPager) reset() {
	p.gen++
	p.started, p.err = false, nil
	p.cursors = []obs.EventRef{0}
	p.last, p.lastLen, p.focus = -1, 0, 0
	p.pages = map[int][]obs.EventRow{}
	p.loading = map[int]bool{}
}

// Query starts over with a new filter and sort and fetches the first page.
func (p *eventPager) Query(f obs.EventFilter, s obs.Sort) {
	p.filter, p.sort = f, s
	p.reset()
	p.request(0)
}

// Rows is the number of rows the table shows: the rows of every page known to exist, a full
// page for each one not fetched yet.
func (p *eventPager) Rows() int {
	switch {
	case !p.started:
		return 0
	case p.last >= 0:
		return p.last*p.size + p.lastLen
	}
	return len(p.cursors) * p.size
}

// Complete says whether the final page is known (Rows is then exact).
func (p *eventPager) Complete() bool { return p.last >= 0 }

// Row returns row i when its page is in memory; otherwise it asks for the page and reports
// false. Reading a row late in its page also fetches the next page ahead of the scroll.
func (p *eventPager) Row(i int) (obs.EventRow, bool) {
	k := i / p.size
	p.focus = k
	if i%p.size >= p.size*3/4 {
		p.request(k + 1)
	}
	rows, ok := p.pages[k]
	if !ok {
		p.request(k)
		return obs.EventRow{}, false
	}
	if j := i % p.size; j < len(rows) {
		return rows[j], true
	}
	return obs.EventRow{}, false
}

// request fetches page k when its cursor is known and it is neither loaded nor loading.
func (p *eventPager) request(k int) {
	if k < 0 || k >= len(p.cursors) || p.loading[k] || p.pages[k] != nil {
		return
	}
	p.loading[k] = true
	gen, f, req := p.gen, p.filter, obs.PageRequest{Sort: p.sort, After: p.cursors[k], Limit: p.size}
	src, since := p.src, p.since
	p.bg(func() func() {
		t0 := time.Now()
		page, err := src.Events(f, req)
		took := since(t0)
		return func() { p.arrive(gen, k, page, err, took) }
	})
}

// arrive stores page k of query gen.
func (p *eventPager) arrive(gen, k int, page obs.EventPage, err error, took time.Duration) {
	if gen != p.gen {
		return
	}
	delete(p.loading, k)
	p.fetches++
	p.took = took
	if err != nil {
		p.err = err
		p.started = true
		p.last, p.lastLen = 0, 0
		p.notify()
		return
	}
	p.started = true
	rows := page.Rows
	if rows == nil {
		rows = []obs.EventRow{}
	}
	p.pages[k] = rows
	if page.Next == 0 || len(rows) < p.size {
		p.last, p.lastLen = k, len(rows)
		p.cursors = p.cursors[:k+1]
	} else if k+1 == len(p.cursors) {
		p.cursors = append(p.cursors, page.Next)
	}
	p.evict()
	p.notify()
}

// evict drops the rows of pages far from the focus.
func (p *eventPager) evict() {
	if len(p.pages) <= 2*p.keep+1 {
		return
	}
	for k := range p.pages {
		if k < p.focus-p.keep || k > p.focus+p.keep {
			delete(p.pages, k)
		}
	}
}

func (p *eventPager) notify() {
	if p.changed != nil {
		p.changed()
	}
}
