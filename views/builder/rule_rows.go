package builder

import (
	"errors"
	"regexp"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/fanout/fanout/engine/pattern"
)

// rowUI holds the widgets of one field row (exposed to the package's tests).
type rowUI struct {
	group *widget.Select
	or    *widget.Button
	del   *widget.Button
	conds []condUI
	err   *widget.Label
}

// condUI holds the widgets of one condition.
type condUI struct {
	op                *widget.Select
	kind              *widget.Select
	value, value2     *widget.Entry
	cmp, cmp2, exists *widget.Select
	del               *widget.Button
}

// kinds offered for exact and anything-but values of fields the sample does not have.
var valueKinds = []string{kindString, kindNumber, kindBool, kindNull}

// groupNames are the $or choices of a row (aws dialect).
var groupNames = []string{"all of", "$or 1", "$or 2", "$or 3", "$or 4"}

// AddCondition adds a condition on the field at path: the sample's value there, exactly. A
// field that already has a row gets one more alternative (OR).
func (b *RuleBuilder) AddCondition(path string) {
	c := defaultCondition(b.kinds[path], b.texts[path])
	for i := range b.form.Rows {
		if b.form.Rows[i].Path == path {
			b.form.Rows[i].Conds = append(b.form.Rows[i].Conds, c)
			b.formChanged()
			return
		}
	}
	b.form.Rows = append(b.form.Rows, Row{Path: path, Conds: []Condition{c}})
	b.formChanged()
}

// renderRows rebuilds the condition rows from the form.
func (b *RuleBuilder) renderRows() {
	b.rowUIs = b.rowUIs[:0]
	objs := make([]fyne.CanvasObject, 0, len(b.form.Rows))
	for ri := range b.form.Rows {
		ui, obj := b.rowWidgets(ri)
		b.rowUIs = append(b.rowUIs, ui)
		objs = append(objs, obj)
	}
	if len(objs) == 0 {
		empty := widget.NewLabel("No conditions: the pattern {} matches every event.")
		empty.Importance = widget.LowImportance
		objs = append(objs, empty)
	}
	b.rows.Objects = objs
	b.rows.Refresh()
}

func (b *RuleBuilder) rowWidgets(ri int) (*rowUI, fyne.CanvasObject) {
	r := &b.form.Rows[ri]
	ui := &rowUI{err: widget.NewLabel("")}
	ui.err.Importance = widget.DangerImportance
	ui.err.Wrapping = fyne.TextWrapWord
	ui.err.Hide()
	title := widget.NewLabelWithStyle(r.Path, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ui.or = widget.NewButtonWithIcon("OR", theme.ContentAddIcon(), func() { b.AddCondition(r.Path) })
	ui.del = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		b.form.Rows = append(b.form.Rows[:ri], b.form.Rows[ri+1:]...)
		b.formChanged()
	})
	right := container.NewHBox(ui.or, ui.del)
	if b.dialect == pattern.AWS {
		ui.group = widget.NewSelect(groupNames, nil)
		ui.group.Selected = groupNames[min(r.Group, len(groupNames)-1)]
		ui.group.OnChanged = func(s string) {
			for i, g := range groupNames {
				if g == s {
					r.Group = i
				}
			}
			b.formChanged()
		}
		right.Objects = append([]fyne.CanvasObject{ui.group}, right.Objects...)
	}
	box := container.NewVBox(container.NewBorder(nil, nil, nil, right, title))
	for ci := range r.Conds {
		cu, obj := b.condWidgets(ri, ci)
		ui.conds = append(ui.conds, cu)
		box.Add(obj)
	}
	box.Add(ui.err)
	box.Add(widget.NewSeparator())
	return ui, box
}

func (b *RuleBuilder) condWidgets(ri, ci int) (condUI, fyne.CanvasObject) {
	r := &b.form.Rows[ri]
	c := &r.Conds[ci]
	kind := b.kinds[r.Path]
	var cu condUI
	ops := OpsFor(kind, b.texts[r.Path], b.dialect)
	names := make([]string, 0, len(ops)+1)
	for _, o := range ops {
		names = append(names, string(o))
	}
	if !containsOp(ops, c.Op) {
		names = append(names, string(c.Op))
	}
	cu.op = widget.NewSelect(names, nil)
	cu.op.Selected = string(c.Op)
	cu.op.OnChanged = func(s string) {
		*c = convert(*c, Op(s), kind)
		b.formChanged()
	}
	cu.del = widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		r.Conds = append(r.Conds[:ci], r.Conds[ci+1:]...)
		if len(r.Conds) == 0 {
			b.form.Rows = append(b.form.Rows[:ri], b.form.Rows[ri+1:]...)
		}
		b.formChanged()
	})
	edited := func() { b.textChanged() }
	entry := func(text, hint string, set func(string)) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(hint)
		e.OnChanged = func(s string) { set(s); edited() }
		return e
	}
	choice := func(opts []string, cur string, set func(string)) *widget.Select {
		s := widget.NewSelect(opts, nil)
		s.Selected = cur
		s.OnChanged = func(v string) { set(v); edited() }
		return s
	}
	var body fyne.CanvasObject
	switch c.Op {
	case OpNumeric:
		cu.cmp = choice(NumericCmps, c.Cmp, func(v string) { c.Cmp = v })
		cu.value = entry(c.Value, "number or size, e.g. 1 MB", func(v string) { c.Value = v })
		cu.cmp2 = widget.NewSelect([]string{"—", "<", "<="}, nil)
		cu.cmp2.Selected = orDash(c.Cmp2)
		cu.cmp2.OnChanged = func(v string) {
			if v == "—" {
				v, c.Value2 = "", ""
			}
			c.Cmp2 = v
			b.formChanged()
		}
		var upper fyne.CanvasObject = cu.cmp2
		if c.Cmp2 != "" {
			cu.value2 = entry(c.Value2, "upper bound", func(v string) { c.Value2 = v })
			upper = container.NewBorder(nil, nil, cu.cmp2, nil, cu.value2)
			body = container.NewBorder(nil, nil, cu.cmp, nil, container.NewGridWithColumns(2, cu.value, upper))
		} else {
			body = container.NewBorder(nil, nil, cu.cmp, upper, cu.value)
		}
	case OpExists:
		cu.exists = choice([]string{"true", "false"}, c.Value, func(v string) { c.Value = v })
		body = cu.exists
	default:
		cu.value = entry(c.Value, hintFor(c.Op), func(v string) { c.Value = v })
		body = cu.value
		if (c.Op == OpExact || c.Op == OpAnythingBut) && kind == "" {
			cu.kind = choice(valueKinds, orString(c.Kind), func(v string) { c.Kind = v })
			body = container.NewBorder(nil, nil, nil, cu.kind, cu.value)
		}
	}
	return cu, container.NewBorder(nil, nil, cu.op, cu.del, body)
}

// textChanged regenerates the JSON after a value was typed, without rebuilding the rows (the
// entry keeps its focus).
func (b *RuleBuilder) textChanged() {
	b.formStale = false
	js, errs := b.form.JSON()
	b.pattern.show(js, errs)
	b.markFormErrors(errs)
	if len(errs) == 0 {
		b.evaluate(js)
	}
}

func (b *RuleBuilder) markFormErrors(errs []FormError) {
	for i, ui := range b.rowUIs {
		msg := ""
		for _, e := range errs {
			if e.Row == i {
				msg = e.Msg
			}
		}
		setErr(ui.err, msg)
	}
}

// locPath splits a compile error's path ("$or[1].data.size[0]") into the row's group, field
// path and condition index.
var locPath = regexp.MustCompile(`^(?:\$or\[(\d+)\]\.)?(.*?)(?:\[(\d+)\].*)?$`)

// markRows shows a compile error in the row of the field it names (nil clears the marks).
func (b *RuleBuilder) markRows(err error) {
	var ce *pattern.CompileError
	group, path := -1, ""
	if errors.As(err, &ce) {
		m := locPath.FindStringSubmatch(ce.Path)
		group, path = 0, m[2]
		if m[1] != "" {
			g, _ := strconv.Atoi(m[1])
			group = g + 1
		}
	}
	for i, ui := range b.rowUIs {
		msg := ""
		if i < len(b.form.Rows) && b.form.Rows[i].Path == path && b.form.Rows[i].Group == group {
			msg = ce.Error()
		}
		setErr(ui.err, msg)
	}
}

func setErr(l *widget.Label, msg string) {
	if msg == "" {
		l.Hide()
		return
	}
	l.SetText(msg)
	l.Show()
}

func hintFor(op Op) string {
	switch op {
	case OpAnythingBut:
		return "value, or a, b, c"
	case OpCIDR:
		return "10.0.0.0/24"
	case OpWildcard:
		return "dir/*.png"
	case OpRaw:
		return `{"operator": …}`
	}
	return "value"
}

func containsOp(ops []Op, op Op) bool {
	for _, o := range ops {
		if o == op {
			return true
		}
	}
	return false
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func orString(s string) string {
	if s == "" {
		return kindString
	}
	return s
}
