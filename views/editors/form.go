package editors

import (
	"fmt"
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/scenarios"
)

// spec describes one field of a form.
type spec struct {
	key     string   // the path below the element, e.g. "consumer.batch"
	label   string   // shown left of the field
	kind    kind     // how its text is read
	choices []string // kChoice: the values
	hint    string   // the placeholder: what applies when the field is empty
	rename  bool     // the element's name: applied on Enter as a rename
	// options, when set, offers choices for a text field (it stays free text)
	options func(*scenarios.Scenario) []string
}

// input is a spec bound to its widgets.
type input struct {
	spec
	entry    *widget.Entry
	choose   *widget.SelectEntry // the entry, when the field offers options
	opts     []string            // the options offered
	defOpt   string              // the choice that removes the key (the default applies)
	sel      *widget.Select
	check    *widget.Check
	msg      *widget.Label // the field's problem, under it
	parseErr string        // the text typed does not parse: not applied
	loaded   any           // the document's value last shown
}

// Editor is a form over one element of the scenario (a bus, a queue or topic, the
// metadata). It follows the document: undo, redo and other editors' changes show at once.
type Editor struct {
	doc        Doc
	title      *widget.Label
	kind       string                                           // the element's kind for renames ("" for the metadata)
	name       string                                           // the element's current name
	locate     func(*scenarios.Scenario, string) (string, bool) // the element's path by name
	fields     []*input
	others     *widget.Label  // problems of the element no field shows
	gone       *widget.Label  // shown when the element no longer exists
	declare    *widget.Button // shown with gone when the element can be added to the file
	declareRow *fyne.Container
	form       *fyne.Container
	content    fyne.CanvasObject
	loading    bool   // widgets are being set from the document: their callbacks do nothing
	typing     *input // the field whose change is being applied
	closed     bool   // Close was called: the editor no longer follows the document
}

// newEditor builds the form for specs and loads it from the document.
func newEditor(doc Doc, kind, name string, locate func(*scenarios.Scenario, string) (string, bool), specs []spec) *Editor {
	e := &Editor{doc: doc, kind: kind, name: name, locate: locate}
	e.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.title.SizeName = theme.SizeNameSubHeadingText
	e.others = newMessage()
	e.gone = newMessage()
	e.form = container.New(layout.NewFormLayout())
	for _, s := range specs {
		if s.kind == kHeading {
			h := widget.NewLabelWithStyle(s.label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
			e.form.Add(h)
			// A thin rule under the heading's row (a bare separator would fill the whole row).
			e.form.Add(container.NewBorder(nil, widget.NewSeparator(), nil, nil))
			continue
		}
		f := e.bind(s)
		e.fields = append(e.fields, f)
		label := widget.NewLabel(s.label)
		label.Alignment = fyne.TextAlignTrailing
		e.form.Add(label)
		e.form.Add(container.NewVBox(f.object(), f.msg))
	}
	e.declare = widget.NewButton("", nil)
	e.declareRow = container.NewHBox(e.declare)
	e.declareRow.Hide()
	e.content = container.NewVScroll(container.NewVBox(e.title, e.gone, e.declareRow, e.form, e.others))
	doc.OnChange(e.Refresh)
	e.Refresh()
	return e
}

func newMessage() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// Content is the editor's root object.
func (e *Editor) Content() fyne.CanvasObject { return e.content }

// Name is the element's current name (it follows renames made here).
func (e *Editor) Name() string { return e.name }

// path returns the element's current path and whether it exists.
func (e *Editor) path() (string, bool) {
	sc := e.doc.Scenario()
	if sc == nil {
		return "", false
	}
	return e.locate(sc, e.name)
}

func join(base, key string) string {
	if base == "" {
		return key
	}
	return base + "." + key
}

// Close stops the editor following the document (the document keeps no way to remove a
// listener, so an editor the app discards should be closed).
func (e *Editor) Close() { e.closed = true }

// Refresh reloads every field from the document (except the one being typed into) and
// shows the current problems.
func (e *Editor) Refresh() {
	if e.closed {
		return
	}
	base, ok := e.path()
	e.title.SetText(e.heading())
	if !ok {
		setMessage(e.gone, fmt.Sprintf("%s %q is not in the scenario any more.", e.kind, e.name))
		if e.declare.OnTapped != nil {
			e.gone.SetText(fmt.Sprintf("%s %q is not written in the file: it exists with its defaults.", e.kind, e.name))
			e.declareRow.Show()
		}
		e.form.Hide()
		return
	}
	e.gone.Hide()
	e.declareRow.Hide()
	e.form.Show()
	e.loading = true
	for _, f := range e.fields {
		if f.choose != nil {
			f.opts = f.options(e.doc.Scenario())
			f.choose.SetOptions(f.opts)
		}
		v, _ := e.doc.Get(join(base, f.key))
		if f != e.typing && !(f.parseErr != "" && reflect.DeepEqual(v, f.loaded)) {
			f.load(v) // a field holding text that does not parse keeps it, unless the value changed
		}
	}
	e.loading = false
	e.showProblems(base)
}

func (e *Editor) heading() string {
	if e.kind == "" {
		return "Scenario"
	}
	return strings.ToUpper(e.kind[:1]) + e.kind[1:] + " " + e.name
}

// showProblems puts each diagnostic under its field; the others go below the form.
func (e *Editor) showProblems(base string) {
	var rest []string
	shown := map[*input][]string{}
	for _, d := range e.doc.Diagnostics() {
		if base != "" && d.Path != base && !under(d.Path, base) {
			continue
		}
		var owner *input
		for _, f := range e.fields {
			if p := join(base, f.key); d.Path == p || under(d.Path, p) {
				owner = f
			}
		}
		if owner == nil {
			rest = append(rest, d.Msg)
			continue
		}
		shown[owner] = append(shown[owner], d.Msg)
	}
	for _, f := range e.fields {
		switch {
		case f.parseErr != "":
			setMessage(f.msg, f.parseErr)
		default:
			setMessage(f.msg, strings.Join(shown[f], "\n"))
		}
	}
	setMessage(e.others, strings.Join(rest, "\n"))
}

// under reports whether path p is inside the element or field at base.
func under(p, base string) bool {
	return strings.HasPrefix(p, base+".") || strings.HasPrefix(p, base+"[")
}

func setMessage(l *widget.Label, s string) {
	l.SetText(s)
	if s == "" {
		l.Hide()
	} else {
		l.Show()
	}
}
