package builder

import (
	"fmt"
	"reflect"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/transform"
)

// targetsEditor is the compact form of a rule's targets (1 to 5), each with its transformer,
// push retry policy, errors tolerance and dead-letter queue.
type targetsEditor struct {
	b       *RuleBuilder
	list    []bus.TargetSpec
	box     *fyne.Container
	errLbl  *widget.Label
	add     *widget.Button
	xforms  []*TransformerEditor
	content fyne.CanvasObject
}

func newTargetsEditor(b *RuleBuilder, list []bus.TargetSpec) *targetsEditor {
	t := &targetsEditor{b: b, list: append([]bus.TargetSpec(nil), list...)}
	t.box = container.NewVBox()
	t.errLbl = widget.NewLabel("")
	t.errLbl.Importance = widget.DangerImportance
	t.errLbl.Wrapping = fyne.TextWrapWord
	t.errLbl.Hide()
	t.add = widget.NewButtonWithIcon("Target", theme.ContentAddIcon(), t.Add)
	t.render()
	t.content = widget.NewCard("", "Targets", container.NewBorder(nil,
		container.NewVBox(t.errLbl, t.add), nil, nil, container.NewVScroll(t.box)))
	return t
}

// specs returns the targets as edited.
func (t *targetsEditor) specs() []bus.TargetSpec { return append([]bus.TargetSpec(nil), t.list...) }

// Add appends a target; a sixth is refused with the cloud's wording of the limit.
func (t *targetsEditor) Add() {
	if len(t.list) >= bus.MaxTargetsPerRule {
		t.errLbl.SetText(fmt.Sprintf("rule %q has %d targets: the number of targets per rule exceeds the limit of %d",
			t.b.name.Text, len(t.list)+1, bus.MaxTargetsPerRule))
		t.errLbl.Show()
		return
	}
	t.errLbl.Hide()
	t.list = append(t.list, bus.TargetSpec{ID: "target-" + strconv.Itoa(len(t.list)+1), Type: bus.TargetFunction})
	t.changed(true)
}

func (t *targetsEditor) changed(structural bool) {
	if structural {
		t.render()
	}
	js, _ := t.b.currentJSON()
	t.b.previewMatchRate(js)
}

func (t *targetsEditor) render() {
	t.box.Objects = nil
	t.xforms = t.xforms[:0]
	for i := range t.list {
		t.box.Add(t.targetForm(i))
	}
	t.box.Refresh()
}

// targetForm is one target: id, type and resource; retry, tolerance and dead letter; the
// transformer behind a toggle.
func (t *targetsEditor) targetForm(i int) fyne.CanvasObject {
	ts := &t.list[i]
	entry := func(text, hint string, set func(string)) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(hint)
		e.OnChanged = func(s string) { set(s); t.changed(false) }
		return e
	}
	choice := func(opts []string, cur string, set func(string)) *widget.Select {
		s := widget.NewSelect(opts, nil)
		s.Selected = cur
		s.OnChanged = func(v string) { set(v); t.changed(true) }
		return s
	}
	id := entry(ts.ID, "id", func(s string) { ts.ID = s })
	res := entry(ts.Resource(), resourceHint(ts.Type), func(s string) { setResource(ts, s) })
	typ := choice(bus.TargetTypes, ts.Type, func(v string) {
		r := ts.Resource()
		setResource(ts, "")
		ts.Type = v
		setResource(ts, r)
	})
	retry := choice([]string{delivery.BackoffRetry, delivery.ExponentialDecayRetry}, ts.Retry.StrategyOrDefault(),
		func(v string) { ts.Retry.Strategy = v })
	tol := choice([]string{delivery.ToleranceAll, "NONE"}, ts.ToleranceOrDefault(), func(v string) { ts.ErrorsTolerance = v })
	dlq := entry(deadLetterOf(ts), "dead-letter queue", func(s string) {
		ts.DeadLetter = nil
		if s != "" {
			ts.DeadLetter = &delivery.DeadLetterSpec{Queue: s}
		}
	})
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		t.list = append(t.list[:i], t.list[i+1:]...)
		t.errLbl.Hide()
		t.changed(true)
	})
	xe := NewTransformerEditor(ts.Transform, t.b.sample.JSON)
	toggle := widget.NewButton("transformer: "+xe.Form()+" ▸", nil)
	xe.OnChanged = func(s transform.Spec) {
		ts.Transform = nil
		if s.Form != "" && s.Form != transform.FormOriginal {
			ts.Transform = &s
		}
		toggle.SetText("transformer: " + s.Form + " ▾")
		t.changed(false)
	}
	t.xforms = append(t.xforms, xe)
	xbox := xe.Content()
	xbox.Hide()
	toggle.OnTapped = func() {
		arrow := " ▸"
		if xbox.Visible() {
			xbox.Hide()
		} else {
			xbox.Show()
			arrow = " ▾"
		}
		toggle.SetText("transformer: " + xe.Form() + arrow)
	}
	line1 := container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(120, id.MinSize().Height), id), del,
		container.NewBorder(nil, nil, typ, nil, res))
	line2 := container.NewGridWithColumns(3, retry, tol, dlq)
	return container.NewVBox(line1, line2, toggle, xbox, widget.NewSeparator())
}

func deadLetterOf(ts *bus.TargetSpec) string {
	if ts.DeadLetter == nil {
		return ""
	}
	return ts.DeadLetter.Queue
}

func resourceHint(typ string) string {
	switch typ {
	case bus.TargetFunction:
		return "service/function"
	case bus.TargetMNS:
		return "queue"
	case bus.TargetRocketMQ:
		return "topic"
	case bus.TargetLogstore:
		return "project/logstore"
	case bus.TargetHTTP:
		return "https://…"
	}
	return "channel"
}

// setResource sets the field of ts that its type delivers to.
func setResource(ts *bus.TargetSpec, v string) {
	switch ts.Type {
	case bus.TargetFunction:
		ts.Function = v
	case bus.TargetMNS:
		ts.Queue = v
	case bus.TargetRocketMQ:
		ts.Topic = v
	case bus.TargetLogstore:
		ts.Logstore = v
	case bus.TargetHTTP:
		ts.URL = v
	case bus.TargetNotification:
		ts.Channel = v
	}
}

// writeTargets writes the targets that changed: changed ones are replaced, new ones appended,
// removed ones deleted from the end, so unchanged targets keep their comments.
func writeTargets(doc Doc, path string, old, cur []bus.TargetSpec) error {
	for i := 0; i < min(len(old), len(cur)); i++ {
		if !reflect.DeepEqual(old[i], cur[i]) {
			if err := doc.Set(fmt.Sprintf("%s[%d]", path, i), cur[i]); err != nil {
				return fmt.Errorf("target %q: %w", cur[i].ID, err)
			}
		}
	}
	for i := len(old); i < len(cur); i++ {
		if err := doc.Append(path, cur[i]); err != nil {
			return fmt.Errorf("target %q: %w", cur[i].ID, err)
		}
	}
	for i := len(old) - 1; i >= len(cur); i-- {
		if err := doc.Delete(fmt.Sprintf("%s[%d]", path, i)); err != nil {
			return fmt.Errorf("target %q: %w", old[i].ID, err)
		}
	}
	return nil
}
