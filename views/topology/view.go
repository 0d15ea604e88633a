package topology

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/scenarios"
)

// Doc is what the topology screen needs of the open scenario document (*edit.Doc implements
// it).
type Doc interface {
	Scenario() *scenarios.Scenario
	Set(path string, value any) error
	Append(listPath string, value any) error
	Delete(path string) error
	Rename(kind, old, new string) error
	OnChange(f func())
}

// View is the topology screen: a toolbar (add bus, rule, queue, function, load; rename;
// delete; zoom) above the scrollable diagram. It redraws after every change of the document.
type View struct {
	doc     Doc
	win     fyne.Window
	diagram *Diagram
	message *widget.Label
	content fyne.CanvasObject
	rename  *widget.Button
	del     *widget.Button
	zoomBt  *widget.Button // shows the zoom; resets it to 100%
	// OnSelect, when set, is called with the element the user selects (kind and name, as
	// in ID), so the app can open its editor.
	OnSelect func(kind, name string)
}

// New builds the topology screen of doc. win parents the rename and delete dialogs. It
// registers a change listener on doc; call it on the Fyne thread, and make the document's
// changes on the Fyne thread too.
func New(doc Doc, win fyne.Window) *View {
	v := &View{doc: doc, win: win, diagram: NewDiagram(), message: widget.NewLabel("")}
	v.message.Importance = widget.DangerImportance
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Hide()
	v.diagram.OnSelect = func(id ID) { v.selected(id) }
	v.rename = widget.NewButtonWithIcon("Rename…", theme.DocumentCreateIcon(), v.ShowRename)
	v.del = widget.NewButtonWithIcon("Delete…", theme.DeleteIcon(), v.ShowDelete)
	v.zoomBt = widget.NewButton("100%", func() { v.zoom(1) })
	bar := container.NewHBox(
		v.button("Bus", v.AddBus), v.button("Rule", v.AddRule), v.button("Queue", v.AddQueue),
		v.button("Function", v.AddFunction), v.button("Load", v.AddLoad),
		widget.NewSeparator(), v.rename, v.del, widget.NewSeparator(),
		widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { v.zoom(v.diagram.Zoom() / 1.25) }),
		v.zoomBt,
		widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { v.zoom(v.diagram.Zoom() * 1.25) }),
	)
	v.content = container.NewBorder(container.NewVBox(bar, v.message), nil, nil, nil, container.NewScroll(v.diagram))
	doc.OnChange(v.Refresh)
	v.Refresh()
	return v
}

// button makes an "add" button that reports its error under the toolbar.
func (v *View) button(label string, add func() error) *widget.Button {
	b := widget.NewButtonWithIcon(label, theme.ContentAddIcon(), func() { v.report(add()) })
	b.Importance = widget.LowImportance
	return b
}

// Content is the screen's root object.
func (v *View) Content() fyne.CanvasObject { return v.content }

// Diagram is the drawing (exposed for tests and for live counts).
func (v *View) Diagram() *Diagram { return v.diagram }

// Refresh rebuilds the diagram from the document's current scenario.
func (v *View) Refresh() {
	g := Build(v.doc.Scenario())
	Layout(g)
	v.diagram.SetGraph(g)
	v.updateButtons()
}

// zoom sets the diagram's zoom and shows it.
func (v *View) zoom(z float32) {
	v.diagram.SetZoom(z)
	v.zoomBt.SetText(fmt.Sprintf("%.0f%%", v.diagram.Zoom()*100))
}

// SetCounts shows live figures and health colours per element (see Counts).
func (v *View) SetCounts(c Counts) { v.diagram.SetCounts(c) }

// Select highlights an element without calling OnSelect; false when it is not in the diagram.
func (v *View) Select(kind, name string) bool {
	ok := v.diagram.Select(ID{kind, name})
	v.updateButtons()
	return ok
}

// Selected returns the selected element's kind and name ("" when none).
func (v *View) Selected() (kind, name string) {
	id, _ := v.diagram.Selected()
	return id.Kind, id.Name
}

func (v *View) selected(id ID) {
	v.updateButtons()
	if v.OnSelect != nil {
		v.OnSelect(id.Kind, id.Name)
	}
}

func (v *View) updateButtons() {
	if _, ok := v.diagram.Selected(); ok {
		v.rename.Enable()
		v.del.Enable()
	} else {
		v.rename.Disable()
		v.del.Disable()
	}
}

// report shows err under the toolbar (nil clears it).
func (v *View) report(err error) {
	if err == nil {
		v.message.SetText("")
		v.message.Hide()
		return
	}
	v.message.SetText(err.Error())
	v.message.Show()
}

// ShowRename asks for a new name of the selected element and applies it.
func (v *View) ShowRename() {
	id, ok := v.diagram.Selected()
	if !ok {
		return
	}
	entry := widget.NewEntry()
	entry.SetText(shortName(id))
	dialog.ShowForm(fmt.Sprintf("Rename %s %s", id.Kind, id.Name), "Rename", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("New name", entry)},
		func(ok bool) {
			if ok {
				v.report(v.RenameSelected(entry.Text))
			}
		}, v.win)
}

// ShowDelete asks for confirmation, saying what refers to the element, then deletes it.
func (v *View) ShowDelete() {
	id, ok := v.diagram.Selected()
	if !ok {
		return
	}
	msg := fmt.Sprintf("Delete %s %s?", id.Kind, id.Name)
	if n := references(v.doc.Scenario(), id); n > 0 {
		msg += fmt.Sprintf("\n%s will show errors until you change them.", plural(n, "reference"))
	}
	msg += "\nUndo brings it back."
	dialog.ShowConfirm("Delete "+id.Kind, msg, func(ok bool) {
		if ok {
			v.report(v.DeleteSelected())
		}
	}, v.win)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
