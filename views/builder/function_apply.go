package builder

import (
	"fmt"
	"strings"

	"github.com/fanout/fanout/engine/field"
)

// Apply writes the settings that changed into the document, one key at a time, so the rest
// of the function (and its comments) stays as written. Nothing is written while a field does
// not parse.
func (e *FunctionEditor) Apply() {
	mem, err := field.ParseBytes(strings.TrimSpace(e.memText.Text))
	if err != nil {
		e.showStatus("not applied: memory: "+err.Error(), true)
		return
	}
	for _, f := range e.fields {
		s := e.orig
		if err := f.parse(f.entry.Text, &s); err != nil {
			e.showStatus(fmt.Sprintf("not applied: %s: %v", f.label, err), true)
			return
		}
	}
	var n int
	set := func(key string, v any) error {
		n++
		return e.doc.Set(e.path+"."+key, v)
	}
	if e.runtime.Selected != e.orig.Runtime {
		if err := set("runtime", e.runtime.Selected); err != nil {
			e.showStatus("not applied: "+err.Error(), true)
			return
		}
	}
	if mem != e.orig.Memory {
		if err := set("memory", mem.String()); err != nil {
			e.showStatus("not applied: "+err.Error(), true)
			return
		}
	}
	for _, f := range e.fields {
		if !f.changed() {
			continue
		}
		var err error
		if strings.TrimSpace(f.entry.Text) == "" {
			n++
			err = e.doc.Delete(e.path + "." + f.key) // back to the default
		} else {
			err = set(f.key, f.yaml(f.entry.Text))
		}
		if err != nil {
			e.showStatus("not applied: "+err.Error(), true)
			return
		}
		f.init = strings.TrimSpace(f.entry.Text)
	}
	e.orig = e.spec
	e.showStatus(fmt.Sprintf("applied %d change(s) to %s", n, e.path), false)
}
