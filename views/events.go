package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/engine/obs"
)

// eventPageSize is the rows fetched per query: a screenful is ~40 rows, so one page covers
// several screens and a scroll step rarely waits.
const eventPageSize = 200

// eventColumns are the browser's columns; right marks right-aligned numbers.
var eventColumns = []struct {
	title string
	width float32
	right bool
}{
	{"id", 170, false}, {"time", 110, true}, {"source", 130, false}, {"type", 230, false},
	{"subject", 230, false}, {"rules", 60, true}, {"outcome per target", 170, false},
	{"latency", 96, true}, {"cold", 56, false},
}

// EventBrowser lists a run's events in a virtualised table with the store's filters; selecting a
// row opens the event's page in place.
type EventBrowser struct {
	src      EventSource
	deps     EventPageDeps
	bg       background
	pager    *eventPager
	filters  *eventFilters
	table    *widget.Table
	status   *widget.Label
	errLabel *widget.Label
	list     fyne.CanvasObject
	body     *fyne.Container
	page     *EventPage
	content  fyne.CanvasObject
}

// NewEventBrowser builds the browser over src and shows its first page (fetched off the Fyne
// thread). deps is handed to every event page it opens.
func NewEventBrowser(src EventSource, deps EventPageDeps) *EventBrowser {
	return newEventBrowser(src, deps, goBackground, eventPageSize)
}

func newEventBrowser(src EventSource, deps EventPageDeps, bg background, size int) *EventBrowser {
	b := &EventBrowser{src: src, deps: deps, bg: bg}
	b.pager = newEventPager(src, bg, size)
	b.pager.changed = b.pageArrived
	b.status = widget.NewLabel("loading…")
	b.status.Importance = widget.LowImportance
	b.errLabel = widget.NewLabel("")
	b.errLabel.Importance = widget.DangerImportance
	b.errLabel.Wrapping = fyne.TextWrapWord
	b.errLabel.Hide()
	b.table = b.newTable()
	b.filters = newEventFilters(b.apply)
	b.list = container.NewBorder(container.NewVBox(b.filters.content, b.errLabel), b.status, nil, nil, b.table)
	b.body = container.NewStack(b.list)
	b.content = b.body
	b.apply()
	return b
}

// Content is the screen's root object.
func (b *EventBrowser) Content() fyne.CanvasObject { return b.content }

// apply reads the filter controls and starts the query over.
func (b *EventBrowser) apply() {
	f, s, err := b.filters.read()
	if err == nil {
		err = f.Check()
	}
	if err != nil {
		b.errLabel.SetText(err.Error())
		b.errLabel.Show()
		return
	}
	b.errLabel.Hide()
	b.status.SetText("loading…")
	b.pager.Query(f, s)
	b.table.ScrollToTop()
	b.table.Refresh()
}

// pageArrived refreshes the table and the status line after a page arrives.
func (b *EventBrowser) pageArrived() {
	p := b.pager
	if p.err != nil {
		b.errLabel.SetText(fmt.Sprintf("events: %v", p.err))
		b.errLabel.Show()
	}
	n := evCount(int64(p.Rows()))
	if p.Complete() {
		b.status.SetText(fmt.Sprintf("%s events   ·   page in %s", n, evDur(p.took)))
	} else {
		b.status.SetText(fmt.Sprintf("%s+ events so far (more load as you scroll)   ·   page in %s", n, evDur(p.took)))
	}
	b.table.Refresh()
}

// Open shows the page of event ref in place of the list.
func (b *EventBrowser) Open(ref obs.EventRef) {
	b.page = newEventPage(b.src, ref, b.deps, b.bg)
	b.page.SetBack(b.Close)
	b.body.Objects = []fyne.CanvasObject{b.page.Content()}
	b.body.Refresh()
}

// Close goes back from an event page to the list, keeping its filters and scroll position.
func (b *EventBrowser) Close() {
	b.page = nil
	b.body.Objects = []fyne.CanvasObject{b.list}
	b.body.Refresh()
}

func (b *EventBrowser) newTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return b.pager.Rows(), len(eventColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateClip
			return l
		},
		b.updateCell)
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 && id.Col < len(eventColumns) {
			l := o.(*widget.Label)
			l.Alignment = alignOf(eventColumns[id.Col].right)
			l.SetText(eventColumns[id.Col].title)
		}
	}
	for i, c := range eventColumns {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		if row, ok := b.pager.Row(id.Row); ok {
			b.Open(row.Event)
		}
	}
	return t
}

func alignOf(right bool) fyne.TextAlign {
	if right {
		return fyne.TextAlignTrailing
	}
	return fyne.TextAlignLeading
}

func (b *EventBrowser) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Alignment = alignOf(eventColumns[id.Col].right)
	row, ok := b.pager.Row(id.Row)
	if !ok {
		l.Importance = widget.LowImportance
		l.SetText("…")
		return
	}
	text, attention := eventCell(row, id.Col, b.pager.filter.Cold)
	l.Importance = widget.MediumImportance
	if attention {
		l.Importance = widget.DangerImportance
	}
	l.SetText(text)
}
