package builder

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/field"
)

// Memory limits of a function (seed article: 128 MB to 32 GB in 64 MB steps).
const (
	memStep = 64 << 20
	memMin  = 128 << 20
	memMax  = 32 << 30
)

// predictRuns is the number of invocations the function editor's prediction simulates.
const predictRuns = 2000

// FunctionEditor edits one function: runtime, memory (a slider in 64 MB steps with an entry),
// vCPU, timeout, concurrency, instances, keep-alive and the handler model, with the model's
// predicted duration and cost per invocation at the current settings.
type FunctionEditor struct {
	env     Env
	doc     Doc
	path    string // e.g. "services[0].functions[1]"
	orig    fc.FunctionSpec
	spec    fc.FunctionSpec // as edited (when every field parses)
	events  [][]byte        // the events the function receives, for its expression rules
	runtime *widget.Select
	memory  *widget.Slider
	memText *widget.Entry
	fields  []*textField[fc.FunctionSpec]
	pred    *widget.Label
	status  *widget.Label
	content fyne.CanvasObject
	work    worker
	// Prediction is the latest delivered prediction (zero until the first one).
	Prediction Prediction
}

// NewFunctionEditor edits the function ref ("service/function" or a unique name) of doc.
// events are the events it receives (e.g. MatchedEvents of the rules that target it), used by
// its duration and failure rules; nil is fine.
func NewFunctionEditor(env Env, doc Doc, ref string, events [][]byte) (*FunctionEditor, error) {
	sc := doc.Scenario()
	if sc == nil {
		return nil, fmt.Errorf("function %q: the scenario does not decode", ref)
	}
	path, spec, ok := functionPath(sc.Services, ref)
	if !ok {
		return nil, fmt.Errorf("function %q not found", ref)
	}
	e := &FunctionEditor{env: env, doc: doc, path: path, orig: spec, spec: spec, events: events, work: worker{sync: env.Sync}}
	e.build()
	e.edited()
	return e, nil
}

// functionPath finds a function by reference and returns its document path.
func functionPath(svcs []fc.ServiceSpec, ref string) (string, fc.FunctionSpec, bool) {
	svc, name, qualified := strings.Cut(ref, "/")
	if !qualified {
		name = svc
	}
	for i, s := range svcs {
		for j, f := range s.Functions {
			if f.Name == name && (!qualified || s.Name == svc) {
				return fmt.Sprintf("services[%d].functions[%d]", i, j), f, true
			}
		}
	}
	return "", fc.FunctionSpec{}, false
}

// Content is the editor's root object.
func (e *FunctionEditor) Content() fyne.CanvasObject { return e.content }

// Spec returns the function as edited.
func (e *FunctionEditor) Spec() fc.FunctionSpec { return e.spec }

// Wait blocks until pending predictions are delivered (not on the Fyne thread).
func (e *FunctionEditor) Wait() { e.work.Wait() }

func (e *FunctionEditor) build() {
	s := &e.orig
	type F = fc.FunctionSpec
	e.fields = []*textField[F]{
		floatField("vcpu", "vCPU", "auto: 1 per 1,769 MB", func(f *F) *float64 { return &f.VCPU }, s),
		durationField("timeout", "Timeout", "3s", func(f *F) *field.Duration { return &f.Timeout }, s),
		intField("concurrency", "Instance concurrency", "1", func(f *F) *int { return &f.Concurrency }, s),
		intField("max_instances", "Max instances", "100", func(f *F) *int { return &f.MaxInstances }, s),
		intField("provisioned", "Provisioned instances", "0", func(f *F) *int { return &f.Provisioned }, s),
		durationField("keep_alive", "Keep-alive when idle", "5m", func(f *F) *field.Duration { return &f.KeepAlive }, s),
		durationField("handler.cpu", "CPU work (at 1 vCPU)", "120ms", func(f *F) *field.Duration { return &f.Handler.CPU }, s),
		intField("handler.threads", "Threads", "1", func(f *F) *int { return &f.Handler.Threads }, s),
		durationField("handler.io", "I/O wait", "30ms", func(f *F) *field.Duration { return &f.Handler.IO }, s),
		sigmaField(s),
		durationField("handler.init", "Init (per instance)", "200ms", func(f *F) *field.Duration { return &f.Handler.Init }, s),
		bytesField("handler.working_set", "Working set", "256MB", func(f *F) *field.Bytes { return &f.Handler.WorkingSet }, s),
		floatField("handler.failure_rate", "Failure rate", "0.01", func(f *F) *float64 { return &f.Handler.FailureRate }, s),
		stringField("handler.failure", "Failure rule (expr)", `data.size > 5e7 ? "timeout" : ""`, func(f *F) *string { return &f.Handler.Failure }, s),
		stringField("handler.duration_extra", "Extra CPU ms (expr)", "data.size / 1e6 * 8", func(f *F) *string { return &f.Handler.DurationExtra }, s),
	}
	form := widget.NewForm()
	e.runtime = widget.NewSelect(fc.Runtimes, nil)
	e.runtime.Selected = s.Runtime
	e.runtime.OnChanged = func(string) { e.edited() }
	form.Append("Runtime", e.runtime)
	form.Append("Memory", e.memoryRow())
	for _, f := range e.fields {
		f.entry = widget.NewEntry()
		f.entry.SetText(f.init)
		f.entry.SetPlaceHolder(f.hint)
		f.entry.OnChanged = func(string) { e.edited() }
		form.Append(f.label, f.entry)
	}
	e.pred = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	e.pred.Wrapping = fyne.TextWrapWord
	e.status = widget.NewLabel("")
	e.status.Wrapping = fyne.TextWrapWord
	apply := widget.NewButton("Apply to scenario", e.Apply)
	apply.Importance = widget.HighImportance
	title := widget.NewLabelWithStyle(e.orig.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	predCard := widget.NewCard("", "Predicted per invocation (warm, from the handler model)", e.pred)
	e.content = container.NewBorder(container.NewBorder(nil, nil, nil, apply, title),
		e.status, nil, nil, container.NewHSplit(container.NewVScroll(form), predCard))
}

// memoryRow is the memory slider (one step = 64 MB) with an entry that accepts any size.
func (e *FunctionEditor) memoryRow() fyne.CanvasObject {
	mem := e.orig.Memory
	if mem == 0 {
		mem = fc.DefaultMemory
	}
	e.memory = widget.NewSlider(memMin/memStep, memMax/memStep)
	e.memory.Step = 1
	e.memory.Value = float64(mem / memStep)
	e.memText = widget.NewEntry()
	e.memText.SetText(mem.String())
	e.memory.OnChanged = func(v float64) {
		e.memText.SetText(field.Bytes(int64(v) * memStep).String())
	}
	e.memText.OnChanged = func(t string) {
		if b, err := field.ParseBytes(strings.TrimSpace(t)); err == nil && b%memStep == 0 && b >= memMin && b <= memMax {
			if v := float64(b / memStep); v != e.memory.Value {
				e.memory.Value = v
				e.memory.Refresh()
			}
		}
		e.edited()
	}
	return container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(110, e.memText.MinSize().Height), e.memText), e.memory)
}

// SetEvents sets the events the function receives (for its expression rules) and refreshes
// the prediction.
func (e *FunctionEditor) SetEvents(events [][]byte) {
	e.events = events
	e.edited()
}

// Memory returns the memory the editor holds.
func (e *FunctionEditor) Memory() field.Bytes { return e.spec.Memory }

// edited re-reads every field, validates the function and refreshes the prediction.
func (e *FunctionEditor) edited() {
	s := e.orig
	s.Runtime = e.runtime.Selected
	var problems []string
	b, err := field.ParseBytes(strings.TrimSpace(e.memText.Text))
	showErr(e.memText, err)
	if err != nil {
		problems = append(problems, "memory: "+err.Error())
	} else {
		s.Memory = b
	}
	for _, f := range e.fields {
		err := f.parse(f.entry.Text, &s)
		showErr(f.entry, err)
		if err != nil {
			problems = append(problems, f.label+": "+err.Error())
		}
	}
	if len(problems) > 0 {
		e.showStatus(strings.Join(problems, "\n"), true)
		return
	}
	err = s.Validate()
	showErr(e.memText, fieldErr(err, "memory"))
	for _, f := range e.fields {
		fe := fieldErr(err, f.key)
		if fe == nil && strings.HasPrefix(f.key, "handler.") {
			fe = fieldErr(err, strings.TrimPrefix(f.key, "handler."))
		}
		showErr(f.entry, fe)
	}
	e.spec = s
	if err != nil {
		e.showStatus(err.Error(), true)
		e.pred.SetText("—")
		return
	}
	e.showStatus("", false)
	e.predict()
}

func (e *FunctionEditor) predict() {
	spec, events, bill := e.spec, e.events, e.env.Billing
	e.pred.SetText("computing…")
	run(&e.work, func() predResult {
		p, err := Predict(spec, events, predictRuns, bill)
		return predResult{p, err}
	}, func(r predResult) {
		if r.err != nil {
			e.pred.SetText(r.err.Error())
			return
		}
		e.Prediction = r.Prediction
		e.pred.SetText(PredictionText(r.Prediction, bill.Prices != nil))
	})
}

type predResult struct {
	Prediction
	err error
}

func (e *FunctionEditor) showStatus(msg string, bad bool) {
	e.status.Importance = widget.MediumImportance
	if bad {
		e.status.Importance = widget.DangerImportance
	}
	e.status.SetText(msg)
}
