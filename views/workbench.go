package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Screen is one entry of the navigation: a group heading ("SCENARIO", "RUN"), a title and the
// function that builds its content when it is first shown.
type Screen struct {
	Group string
	Title string
	Make  func() fyne.CanvasObject
}

// Workbench is the main window's content: navigation on the left, the selected screen on the
// right, a status line at the bottom.
type Workbench struct {
	screens []Screen
	rows    []navRow // the navigation: group headings and screens
	built   map[int]fyne.CanvasObject
	nav     *widget.List
	body    *fyne.Container
	status  *widget.Label
	content fyne.CanvasObject
	current int
	// OnShow, when set, is called with the index of every screen shown (to remember it).
	OnShow func(i int)
}

// navRow is one line of the navigation: a group heading (screen < 0) or a screen.
type navRow struct {
	text   string
	screen int
}

func navRows(screens []Screen) []navRow {
	var rows []navRow
	for i, s := range screens {
		if i == 0 || screens[i-1].Group != s.Group {
			rows = append(rows, navRow{text: s.Group, screen: -1})
		}
		rows = append(rows, navRow{text: s.Title, screen: i})
	}
	return rows
}

// NewWorkbench builds the shell around screens; the first one is shown.
func NewWorkbench(screens []Screen) *Workbench {
	wb := &Workbench{screens: screens, rows: navRows(screens), built: map[int]fyne.CanvasObject{}, current: -1}
	wb.body = container.NewStack()
	wb.status = widget.NewLabel("")
	wb.nav = widget.NewList(
		func() int { return len(wb.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			r := wb.rows[i]
			if r.screen < 0 {
				l.TextStyle = fyne.TextStyle{Bold: true}
				l.Importance = widget.LowImportance
				l.SetText(r.text)
				return
			}
			l.TextStyle = fyne.TextStyle{}
			l.Importance = widget.MediumImportance
			l.SetText("   " + r.text)
		})
	wb.nav.OnSelected = func(i widget.ListItemID) {
		if wb.rows[i].screen < 0 { // a heading: keep the current screen selected
			wb.selectNav(wb.current)
			return
		}
		wb.Show(wb.rows[i].screen)
	}
	split := container.NewHSplit(wb.nav, wb.body)
	split.Offset = 0.18
	wb.content = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), wb.status), nil, nil, split)
	if len(screens) > 0 {
		wb.Show(0)
	}
	return wb
}

// selectNav selects screen i's row in the navigation.
func (wb *Workbench) selectNav(i int) {
	for r, row := range wb.rows {
		if row.screen == i {
			wb.nav.Select(r)
			return
		}
	}
}

// Content is the window content.
func (wb *Workbench) Content() fyne.CanvasObject { return wb.content }

// Show switches to screen i, building it on first use.
func (wb *Workbench) Show(i int) {
	if i < 0 || i >= len(wb.screens) || i == wb.current {
		return
	}
	obj, ok := wb.built[i]
	if !ok {
		obj = wb.screens[i].Make()
		wb.built[i] = obj
	}
	wb.current = i
	wb.body.Objects = []fyne.CanvasObject{obj}
	wb.body.Refresh()
	wb.selectNav(i)
	if wb.OnShow != nil {
		wb.OnShow(i)
	}
}

// ShowTitle switches to the first screen with the given title; false if there is none.
func (wb *Workbench) ShowTitle(title string) bool {
	for i, s := range wb.screens {
		if s.Title == title {
			wb.Show(i)
			return true
		}
	}
	return false
}

// Title is the title of screen i.
func (wb *Workbench) Title(i int) string { return wb.screens[i].Title }

// Len is the number of screens.
func (wb *Workbench) Len() int { return len(wb.screens) }

// Current is the index of the screen shown.
func (wb *Workbench) Current() int { return wb.current }

// SetStatus sets the status line's text.
func (wb *Workbench) SetStatus(s string) { wb.status.SetText(s) }
