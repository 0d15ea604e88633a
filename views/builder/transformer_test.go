package builder

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/transform"
)

func putObjectSample(t *testing.T) []byte {
	t.Helper()
	c, _ := event.Lookup("oss:ObjectCreated:PutObject")
	e, err := c.Build("sample-1", time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	return e.JSON()
}

func TestTransformerPreviewIsApply(t *testing.T) {
	newTestApp(t)
	sample := putObjectSample(t)
	for _, spec := range []transform.Spec{
		{},
		{Form: transform.FormJSONPath, Value: transform.Text("$.data.oss.object")},
		{Form: transform.FormConstant, Value: transform.Text(`{"kind":"csv"}`)},
		{Form: transform.FormTemplate, Value: transform.Vars(map[string]string{"key": "$.data.oss.object.key", "size": "$.data.oss.object.size"}),
			Template: `New CSV upload ${key} (${size} bytes)`},
		{Form: transform.FormTemplate, Value: transform.Vars(map[string]string{"gone": "$.data.nothing"}), Template: `{"g": "${gone}"}`},
	} {
		e := NewTransformerEditor(&spec, sample)
		x, err := transform.Compile(spec)
		if err != nil {
			t.Fatal(err)
		}
		want, err := x.Apply(sample)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.preview.Text; got != prettyPayload(want.Payload) {
			t.Errorf("%s preview\n%s\nwant\n%s", spec.Form, got, prettyPayload(want.Payload))
		}
		if (len(want.Warnings) > 0) != e.warn.Visible() {
			t.Errorf("%s: warnings %v, shown %v", spec.Form, want.Warnings, e.warn.Visible())
		}
	}
}

func TestTransformerEditsAndErrorsInPlace(t *testing.T) {
	newTestApp(t)
	e := NewTransformerEditor(nil, putObjectSample(t))
	var got []transform.Spec
	e.OnChanged = func(s transform.Spec) { got = append(got, s) }
	e.form.SetSelected(transform.FormJSONPath)
	e.value.SetText("")
	test.Type(e.value, "$.data.oss.object.key")
	if e.preview.Text != "uploads/report-0001.csv" { // JSONPATH delivers a string as its text
		t.Errorf("preview %q", e.preview.Text)
	}
	if n := len(got); n == 0 || got[n-1].Form != transform.FormJSONPath {
		t.Fatalf("OnChanged not called with the JSONPATH spec: %v", got)
	}
	// A path outside the documented subset: the error sits under the value, nothing is reported
	// as changed.
	n := len(got)
	e.value.SetText("$..key")
	if !e.errs["value"].Visible() || !strings.HasPrefix(e.errs["value"].Text, "value") {
		t.Errorf("value error %q (visible %v)", e.errs["value"].Text, e.errs["value"].Visible())
	}
	if len(got) != n {
		t.Errorf("an invalid spec was reported as changed")
	}
	// A template with an unknown variable: the error is at the template.
	e.form.SetSelected(transform.FormTemplate)
	e.vars.SetText("key: $.data.oss.object.key")
	e.template.SetText("got ${nokey}")
	if !e.errs["template"].Visible() {
		t.Errorf("template error not shown; value error %q", e.errs["value"].Text)
	}
	e.template.SetText("got ${key}")
	if e.preview.Text != "got uploads/report-0001.csv" || e.errs["template"].Visible() {
		t.Errorf("preview %q, template error %q", e.preview.Text, e.errs["template"].Text)
	}
}
