package editors

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// bind makes the widgets of a field and wires them to the document.
func (e *Editor) bind(s spec) *input {
	f := &input{spec: s, msg: newMessage()}
	switch s.kind {
	case kBool:
		f.check = widget.NewCheck("", func(on bool) {
			if !e.loading {
				e.apply(f, on, !on)
			}
		})
	case kChoice:
		f.defOpt = "default"
		if s.hint != "" {
			f.defOpt = "default: " + s.hint
		}
		opts := append([]string{f.defOpt}, s.choices...)
		f.sel = widget.NewSelect(opts, func(v string) {
			if !e.loading {
				e.apply(f, v, v == f.defOpt)
			}
		})
	default:
		f.entry = widget.NewEntry()
		if s.options != nil {
			f.choose = widget.NewSelectEntry(nil)
			f.entry = &f.choose.Entry
		}
		if s.kind == kMultiline {
			f.entry = widget.NewMultiLineEntry()
			f.entry.Wrapping = fyne.TextWrapWord
			f.entry.SetMinRowsVisible(3)
		}
		f.entry.SetPlaceHolder(s.hint)
		f.entry.OnChanged = func(text string) {
			if !e.loading {
				e.typed(f, text)
			}
		}
		f.entry.OnSubmitted = func(text string) {
			if s.rename {
				e.renameTo(f, text)
			}
		}
	}
	return f
}

// object is the field's input widget.
func (f *input) object() fyne.CanvasObject {
	switch {
	case f.check != nil:
		return f.check
	case f.sel != nil:
		return f.sel
	case f.choose != nil:
		return f.choose
	}
	return f.entry
}

// load shows the document's value v in the field.
func (f *input) load(v any) {
	f.parseErr, f.loaded = "", v
	switch {
	case f.check != nil:
		b, _ := v.(bool)
		f.check.SetChecked(b)
	case f.sel != nil:
		s := format(v)
		if s == "" {
			s = f.defOpt
		}
		f.sel.SetSelected(s)
	default:
		if t := format(v); f.entry.Text != t {
			f.entry.SetText(t)
		}
	}
}

// typed handles a keystroke in an entry: a name is only checked (applied on Enter); other
// values are parsed and, when they parse, applied.
func (e *Editor) typed(f *input, text string) {
	if f.rename {
		f.parseErr = ""
		if err := e.checkName(text); err != nil {
			f.parseErr = err.Error()
		} else if text != e.name {
			f.parseErr = "press Enter to rename (references follow)"
		}
		e.showProblems(e.currentBase())
		return
	}
	v, del, err := parse(f.kind, text)
	if err != nil {
		f.parseErr = err.Error()
		e.showProblems(e.currentBase())
		return
	}
	f.parseErr = ""
	e.apply(f, v, del)
}

func (e *Editor) currentBase() string {
	base, _ := e.path()
	return base
}

// apply writes v to the field's path (or removes the key when del) through the document.
func (e *Editor) apply(f *input, v any, del bool) {
	base, ok := e.path()
	if !ok {
		return
	}
	p := join(base, f.key)
	e.typing = f
	defer func() { e.typing = nil }()
	var err error
	_, exists := e.doc.Get(p)
	switch {
	case del && exists:
		err = e.doc.Delete(p)
	case del:
	case f.entry != nil:
		err = e.doc.SetTyping(p, v)
	default:
		err = e.doc.Set(p, v)
	}
	if err != nil {
		f.parseErr = err.Error()
	}
	f.loaded, _ = e.doc.Get(p)
	e.showProblems(base)
}

// checkName reports why text cannot be the element's new name.
func (e *Editor) checkName(text string) error {
	if text == "" {
		return errors.New("a name is required")
	}
	if text != e.name {
		if _, taken := e.locate(e.doc.Scenario(), text); taken {
			return fmt.Errorf("%s %q exists already", e.kind, text)
		}
	}
	return nil
}

// renameTo renames the element (and its references) to text.
func (e *Editor) renameTo(f *input, text string) {
	if err := e.checkName(text); err != nil || text == e.name {
		return
	}
	old := e.name
	e.name = text // before the document changes, so Refresh finds the element
	if err := e.doc.Rename(e.kind, old, text); err != nil {
		e.name = old
		f.parseErr = err.Error()
		e.showProblems(e.currentBase())
		return
	}
	f.parseErr = ""
	e.Refresh()
}
