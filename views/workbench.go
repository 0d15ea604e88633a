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
	built   map[int]fyne.CanvasObject
	nav     *widget.List
	body    *fyne.Container
	status  *widget.Label
	content fyne.CanvasObject
	current int
	// OnShow, when set, is called with the index of every screen shown (to remember it).
	OnShow func(i int)
}

// NewWorkbench builds the shell around screens; the first one is shown.
func NewWorkbench(screens []Screen) *Workbench {
	wb := &Workbench{screens: screens, built: map[int]fyne.CanvasObject{}, current: -1}
	wb.body = container.NewStack()
	wb.status = widget.NewLabel("")
	wb.nav = widget.NewList(
		func() int { return len(screens) },
		func() fyne.CanvasObject {
			group := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			group.Importance = widget.LowImportance
			return container.NewVBox(group, widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			group := box.Objects[0].(*widget.Label)
			if i == 0 || screens[i-1].Group != screens[i].Group {
				group.SetText(screens[i].Group)
				group.Show()
			} else {
				group.Hide()
			}
			box.Objects[1].(*widget.Label).SetText("  " + screens[i].Title)
		})
	wb.nav.OnSelected = func(i widget.ListItemID) { wb.Show(i) }
	split := container.NewHSplit(wb.nav, wb.body)
	split.Offset = 0.18
	wb.content = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), wb.status), nil, nil, split)
	if len(screens) > 0 {
		wb.nav.Select(0)
	}
	return wb
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
	wb.nav.Select(i)
	if wb.OnShow != nil {
		wb.OnShow(i)
	}
}

// Len is the number of screens.
func (wb *Workbench) Len() int { return len(wb.screens) }

// Current is the index of the screen shown.
func (wb *Workbench) Current() int { return wb.current }

// SetStatus sets the status line's text.
func (wb *Workbench) SetStatus(s string) { wb.status.SetText(s) }
