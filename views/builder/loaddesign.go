package builder

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/scenarios"
	"github.com/fanout/fanout/views/chart"
	"github.com/goccy/go-yaml"
)

// curveBins is the number of bins of the arrival-rate preview.
const curveBins = 120

// LoadDesigner edits one load: its arrival process and parameters with a chart of the arrival
// rate over the run, and its event templates (YAML) with a preview of generated events.
type LoadDesigner struct {
	env      Env
	doc      Doc
	sc       *scenarios.Scenario
	path     string // e.g. "loads[0]"
	orig     load.Spec
	spec     load.Spec
	process  *widget.Select
	params   *fyne.Container
	forms    map[string]fyne.CanvasObject // per process, built once
	shown    string                       // the process whose form is shown
	fields   map[string][]*textField[load.Arrival]
	poisson  *widget.Check
	tmpl     *widget.Entry
	tmplInit string
	count    *widget.Select
	errLbl   *widget.Label
	events   *widget.Label
	chartImg *canvas.Image
	status   *widget.Label
	content  fyne.CanvasObject
	work     worker
	// Expected and Sampled are the curves of the last preview; Previewed its events.
	Expected, Sampled []chart.Point
	Previewed         [][]byte
}

// templates is the YAML the template entry holds: the load's vars and event templates.
type templates struct {
	Vars   load.Gens       `yaml:"vars,omitempty"`
	Events []load.Template `yaml:"events"`
}

// NewLoadDesigner edits the load called name in doc.
func NewLoadDesigner(env Env, doc Doc, name string) (*LoadDesigner, error) {
	sc := doc.Scenario()
	if sc == nil {
		return nil, fmt.Errorf("load %q: the scenario does not decode", name)
	}
	for i, l := range sc.Loads {
		if l.Name == name {
			d := &LoadDesigner{env: env, doc: doc, sc: sc, path: "loads[" + strconv.Itoa(i) + "]", orig: l, spec: l,
				work: worker{sync: env.Sync}}
			d.build()
			d.edited()
			return d, nil
		}
	}
	return nil, fmt.Errorf("load %q not found", name)
}

// Content is the designer's root object.
func (d *LoadDesigner) Content() fyne.CanvasObject { return d.content }

// Wait blocks until pending previews are delivered (not on the Fyne thread).
func (d *LoadDesigner) Wait() { d.work.Wait() }

func (d *LoadDesigner) build() {
	a := &d.orig.Arrival
	type A = load.Arrival
	dur := func(key, label, hint string, get func(*A) *field.Duration) *textField[A] {
		return durationField(key, label, hint, get, a)
	}
	rate := func(key, label string, get func(*A) *field.Rate) *textField[A] {
		return rateField(key, label, "5/s", get, a)
	}
	d.fields = map[string][]*textField[A]{
		load.ProcConstant: {rate("rate", "Rate", func(a *A) *field.Rate { return &a.Rate })},
		load.ProcPoisson:  {rate("rate", "Mean rate", func(a *A) *field.Rate { return &a.Rate })},
		load.ProcBursts: {rate("on_rate", "Rate when on", func(a *A) *field.Rate { return &a.OnRate }),
			rate("off_rate", "Rate when off", func(a *A) *field.Rate { return &a.OffRate }),
			dur("on", "On for", "30s", func(a *A) *field.Duration { return &a.On }),
			dur("off", "Off for", "5m", func(a *A) *field.Duration { return &a.Off })},
		load.ProcDiurnal: {rate("rate", "Mean rate", func(a *A) *field.Rate { return &a.Rate }),
			floatField("amplitude", "Amplitude (0–1)", "0.5", func(a *A) *float64 { return &a.Amplitude }, a),
			dur("period", "Period", "24h", func(a *A) *field.Duration { return &a.Period }),
			dur("peak", "Peak at", "14h", func(a *A) *field.Duration { return &a.Peak })},
		load.ProcRamp: {rate("from", "From", func(a *A) *field.Rate { return &a.From }),
			rate("to", "To", func(a *A) *field.Rate { return &a.To }),
			dur("over", "Over", "10m", func(a *A) *field.Duration { return &a.Over })},
		load.ProcReplay: {stringField("file", "Trace file", "trace.jsonl", func(a *A) *string { return &a.File }, a),
			stringField("format", "Format", "timestamps|cloudevents", func(a *A) *string { return &a.Format }, a),
			floatField("time_scale", "Time scale", "1", func(a *A) *float64 { return &a.TimeScale }, a)},
	}
	for _, fs := range d.fields {
		for _, f := range fs {
			f.entry = widget.NewEntry()
			f.entry.SetText(f.init)
			f.entry.SetPlaceHolder(f.hint)
			f.entry.OnChanged = func(string) { d.edited() }
		}
	}
	d.poisson = widget.NewCheck("Poisson arrivals within periods", func(bool) { d.edited() })
	d.poisson.Checked = a.Poisson
	d.process = widget.NewSelect([]string{load.ProcConstant, load.ProcPoisson, load.ProcBursts, load.ProcDiurnal,
		load.ProcRamp, load.ProcReplay}, nil)
	d.process.Selected = a.Process
	d.process.OnChanged = func(string) { d.edited() }
	d.params = container.NewVBox()
	b, _ := yaml.Marshal(templates{Vars: d.orig.Vars, Events: d.orig.Events})
	d.tmplInit = string(b)
	d.tmpl = widget.NewMultiLineEntry()
	d.tmpl.TextStyle = fyne.TextStyle{Monospace: true}
	d.tmpl.SetText(d.tmplInit)
	d.tmpl.SetMinRowsVisible(12)
	d.tmpl.OnChanged = func(string) { d.edited() }
	d.count = widget.NewSelect([]string{"1", "3", "5", "10"}, func(string) { d.edited() })
	d.count.Selected = "3"
	d.errLbl = widget.NewLabel("")
	d.errLbl.Importance = widget.DangerImportance
	d.errLbl.Wrapping = fyne.TextWrapWord
	d.events = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	d.chartImg = canvas.NewImageFromImage(nil)
	d.chartImg.FillMode = canvas.ImageFillContain
	d.chartImg.SetMinSize(fyne.NewSize(480, 240))
	d.status = widget.NewLabel("")
	d.layout()
}

func (d *LoadDesigner) layout() {
	apply := widget.NewButton("Apply to scenario", d.Apply)
	apply.Importance = widget.HighImportance
	arrival := widget.NewCard("", "Arrival process", container.NewVBox(
		widget.NewForm(widget.NewFormItem("Process", d.process)), d.params))
	tmpl := widget.NewCard("", "Event templates (YAML: vars and events)", d.tmpl)
	left := container.NewVBox(arrival, tmpl, d.errLbl)
	evs := widget.NewCard("", "Generated events", container.NewBorder(
		widget.NewForm(widget.NewFormItem("Show", d.count)), nil, nil, nil, container.NewVScroll(d.events)))
	right := container.NewBorder(d.chartImg, nil, nil, nil, evs)
	title := widget.NewLabelWithStyle("load "+d.orig.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	split := container.NewHSplit(container.NewVScroll(left), right)
	split.Offset = 0.45
	d.content = container.NewBorder(container.NewBorder(nil, nil, nil, apply, title), d.status, nil, nil, split)
}

// showParams shows the form of the selected process (built on first use).
func (d *LoadDesigner) showParams() {
	proc := d.process.Selected
	if proc == d.shown {
		return
	}
	if d.forms == nil {
		d.forms = map[string]fyne.CanvasObject{}
	}
	form, ok := d.forms[proc]
	if !ok {
		f := widget.NewForm()
		for _, tf := range d.fields[proc] {
			f.Append(tf.label, tf.entry)
		}
		form = f
		if proc == load.ProcBursts {
			form = container.NewVBox(f, d.poisson)
		}
		d.forms[proc] = form
	}
	d.shown = proc
	d.params.Objects = []fyne.CanvasObject{form}
	d.params.Refresh()
}

// prettyEvents renders events as indented JSON, separated by blank lines.
func prettyEvents(evs [][]byte) string {
	parts := make([]string, len(evs))
	for i, e := range evs {
		var buf bytes.Buffer
		if json.Indent(&buf, e, "", "  ") != nil {
			buf.Reset()
			buf.Write(e)
		}
		parts[i] = buf.String()
	}
	return strings.Join(parts, "\n\n")
}
