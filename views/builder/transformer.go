package builder

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/fanout/fanout/engine/transform"
)

// TransformerEditor edits one target's input transformer (ORIGINAL, JSONPATH, CONSTANT,
// TEMPLATE) with a live preview of the payload on the sample event.
type TransformerEditor struct {
	sample   []byte
	form     *widget.Select
	value    *widget.Entry // JSONPATH path or CONSTANT text
	vars     *widget.Entry // TEMPLATE variables, "name: $.path" per line
	template *widget.Entry
	errs     map[string]*widget.Label // by SpecError field: form, value, template
	preview  *widget.Label
	warn     *widget.Label
	content  *fyne.Container
	formRow  fyne.CanvasObject
	shown    string // the form whose fields are laid out
	// OnChanged is called with the spec after every edit that compiles.
	OnChanged func(transform.Spec)
}

// NewTransformerEditor edits spec (nil: ORIGINAL) against the sample event JSON.
func NewTransformerEditor(spec *transform.Spec, sample []byte) *TransformerEditor {
	t := &TransformerEditor{sample: sample, errs: map[string]*widget.Label{}}
	var s transform.Spec
	if spec != nil {
		s = *spec
	}
	text, vars := valueParts(s.Value)
	t.value = widget.NewMultiLineEntry()
	t.value.SetMinRowsVisible(1)
	t.value.SetText(text)
	t.vars = widget.NewMultiLineEntry()
	t.vars.SetPlaceHolder("key: $.data.oss.object.key")
	t.vars.SetMinRowsVisible(3)
	t.vars.SetText(vars)
	t.template = widget.NewMultiLineEntry()
	t.template.SetPlaceHolder(`New upload ${key}`)
	t.template.SetMinRowsVisible(2)
	t.template.SetText(s.Template)
	for _, f := range []string{"form", "value", "template"} {
		l := widget.NewLabel("")
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		l.Hide()
		t.errs[f] = l
	}
	t.preview = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	t.preview.Wrapping = fyne.TextWrapWord
	t.warn = widget.NewLabel("")
	t.warn.Importance = widget.WarningImportance
	t.warn.Wrapping = fyne.TextWrapWord
	form := s.Form
	if form == "" {
		form = transform.FormOriginal
	}
	t.form = widget.NewSelect([]string{transform.FormOriginal, transform.FormJSONPath, transform.FormConstant,
		transform.FormTemplate}, nil)
	t.form.Selected = form
	t.form.OnChanged = func(string) { t.edited() }
	for _, e := range []*widget.Entry{t.value, t.vars, t.template} {
		e.OnChanged = func(string) { t.edited() }
	}
	t.content = container.NewVBox()
	t.layout()
	t.refresh()
	return t
}

// Content is the editor's root object.
func (t *TransformerEditor) Content() fyne.CanvasObject { return t.content }

// Form returns the selected form.
func (t *TransformerEditor) Form() string { return t.form.Selected }

// SetSample changes the event the preview renders.
func (t *TransformerEditor) SetSample(js []byte) {
	t.sample = js
	t.refresh()
}

// Spec returns the transformer as edited.
func (t *TransformerEditor) Spec() transform.Spec {
	s := transform.Spec{Form: t.form.Selected}
	switch s.Form {
	case transform.FormJSONPath, transform.FormConstant:
		s.Value = transform.Text(t.value.Text)
	case transform.FormTemplate:
		s.Value = transform.Vars(parseVars(t.vars.Text))
		s.Template = t.template.Text
	}
	return s
}

// Preview compiles the spec and applies it to the sample: the payload or the error.
func (t *TransformerEditor) Preview() (transform.Result, error) {
	x, err := transform.Compile(t.Spec())
	if err != nil {
		return transform.Result{}, err
	}
	return x.Apply(t.sample)
}

func (t *TransformerEditor) edited() {
	t.layout()
	if t.refresh() && t.OnChanged != nil {
		t.OnChanged(t.Spec())
	}
}

// layout shows the fields of the selected form (only when the form changed, so the entries
// keep their place while typing).
func (t *TransformerEditor) layout() {
	if t.shown == t.form.Selected && t.formRow != nil {
		return
	}
	t.shown = t.form.Selected
	if t.formRow == nil {
		t.formRow = widget.NewForm(widget.NewFormItem("Form", t.form))
	}
	objs := []fyne.CanvasObject{t.formRow, t.errs["form"]}
	switch t.form.Selected {
	case transform.FormJSONPath:
		objs = append(objs, labelled("JSONPath", t.value), t.errs["value"])
	case transform.FormConstant:
		objs = append(objs, labelled("Constant", t.value), t.errs["value"])
	case transform.FormTemplate:
		objs = append(objs, labelled("Variables (name: JSONPath or literal)", t.vars), t.errs["value"],
			labelled("Template", t.template), t.errs["template"])
	}
	objs = append(objs, labelled("Payload on the sample", t.preview), t.warn)
	t.content.Objects = objs
	t.content.Refresh()
}

// refresh recomputes the preview; it reports whether the spec compiles.
func (t *TransformerEditor) refresh() bool {
	for _, l := range t.errs {
		l.Hide()
	}
	t.warn.Hide()
	res, err := t.Preview()
	var se *transform.SpecError
	if errors.As(err, &se) {
		key := strings.SplitN(se.Field, ".", 2)[0]
		if l := t.errs[key]; l != nil {
			l.SetText(se.Error())
			l.Show()
		}
		t.preview.SetText("—")
		return false
	}
	if err != nil {
		t.preview.SetText("error: " + err.Error())
		return true
	}
	t.preview.SetText(prettyPayload(res.Payload))
	if len(res.Warnings) > 0 {
		ws := make([]string, len(res.Warnings))
		for i, w := range res.Warnings {
			ws[i] = "⚠ " + w.String()
		}
		t.warn.SetText(strings.Join(ws, "\n"))
		t.warn.Show()
	}
	return true
}

func labelled(title string, o fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(l, o)
}

// prettyPayload indents a JSON payload; other text is shown as is.
func prettyPayload(b []byte) string {
	var buf bytes.Buffer
	if json.Valid(b) && json.Indent(&buf, b, "", "  ") == nil {
		return buf.String()
	}
	return string(b)
}

// valueParts splits a Value into its text and its variables rendered "name: value" per line.
func valueParts(v transform.Value) (string, string) {
	b, err := v.MarshalJSON()
	if err != nil {
		return "", ""
	}
	var s string
	if json.Unmarshal(b, &s) == nil {
		return s, ""
	}
	var m map[string]any
	if json.Unmarshal(b, &m) != nil {
		return "", ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sb strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&sb, "%s: %v\n", k, m[k])
	}
	return "", strings.TrimRight(sb.String(), "\n")
}

// parseVars reads "name: value" lines; blank lines are skipped, a line without ':' names a
// variable with an empty value (Compile reports it).
func parseVars(text string) map[string]string {
	out := map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		k, v, _ := strings.Cut(line, ":")
		out[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return out
}
