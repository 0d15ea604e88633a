package builder

import (
	"errors"
	"fmt"
	"image"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"
	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/views/chart"
	"github.com/goccy/go-yaml"
)

// edited re-reads the form, validates the load and refreshes the previews.
func (d *LoadDesigner) edited() {
	d.showParams()
	spec, err := d.read()
	d.spec = spec
	if err != nil {
		d.errLbl.SetText(err.Error())
		d.errLbl.Show()
		return
	}
	d.errLbl.Hide()
	d.preview(spec)
}

// read builds the spec from the form; errors name the field.
func (d *LoadDesigner) read() (load.Spec, error) {
	spec := d.orig
	spec.Arrival = load.Arrival{Process: d.process.Selected, Poisson: d.process.Selected == load.ProcBursts && d.poisson.Checked}
	var problems []string
	for _, f := range d.fields[d.process.Selected] {
		err := f.parse(f.entry.Text, &spec.Arrival)
		showErr(f.entry, err)
		if err != nil {
			problems = append(problems, f.label+": "+err.Error())
		}
	}
	var t templates
	if err := yaml.Unmarshal([]byte(d.tmpl.Text), &t); err != nil {
		problems = append(problems, "event templates: "+yaml.FormatError(err, false, true))
	} else {
		spec.Vars, spec.Events = t.Vars, t.Events
	}
	if len(problems) > 0 {
		return spec, errors.New(strings.Join(problems, "\n"))
	}
	err := spec.Validate()
	for _, f := range d.fields[d.process.Selected] {
		if fe := fieldErr(err, "arrival."+f.key); fe != nil {
			showErr(f.entry, fe)
		}
	}
	if err != nil {
		return spec, fmt.Errorf("load %q: %w", spec.Name, err)
	}
	return spec, nil
}

type loadPreview struct {
	expected, sampled []chart.Point
	events            [][]byte
	img               image.Image
	err               error
}

// preview computes the rate curves, the chart and the generated events off the Fyne thread.
func (d *LoadDesigner) preview(spec load.Spec) {
	n, _ := strconv.Atoi(d.count.Selected)
	sc, rf := d.sc, d.env.ReadFile
	run(&d.work, func() loadPreview {
		var p loadPreview
		p.expected, p.sampled = RateCurves(spec, sc.Seed, sc.Duration.D(), curveBins)
		p.img = chart.Image(rateChart(p.expected, p.sampled), 720, 300)
		l, err := load.Build(spec, load.Env{Streams: sim.NewStreams(sc.Seed), Start: sc.Start,
			Horizon: sim.Time(sc.Duration.D()), ReadFile: rf})
		if err != nil {
			p.err = err
			return p
		}
		evs, err := l.Sample(n)
		p.err = err
		for _, e := range evs {
			p.events = append(p.events, e.JSON())
		}
		return p
	}, func(p loadPreview) {
		d.Expected, d.Sampled, d.Previewed = p.expected, p.sampled, p.events
		d.chartImg.Image = p.img
		d.chartImg.Refresh()
		text := prettyEvents(p.events)
		if p.err != nil {
			text = "⚠ " + p.err.Error() + "\n\n" + text
		}
		d.events.SetText(text)
	})
}

// Apply writes the arrival process (when changed) and the templates (when changed) into the
// document.
func (d *LoadDesigner) Apply() {
	spec, err := d.read()
	if err != nil {
		d.setStatus("not applied: "+err.Error(), true)
		return
	}
	var n int
	oldA, _ := yaml.Marshal(d.orig.Arrival)
	newA, _ := yaml.Marshal(spec.Arrival)
	if string(oldA) != string(newA) {
		if err := d.doc.Set(d.path+".arrival", spec.Arrival); err != nil {
			d.setStatus("not applied: "+err.Error(), true)
			return
		}
		n++
	}
	if d.tmpl.Text != d.tmplInit {
		oldV, _ := yaml.Marshal(d.orig.Vars)
		newV, _ := yaml.Marshal(spec.Vars)
		if string(oldV) != string(newV) {
			if err := d.doc.Set(d.path+".vars", spec.Vars); err != nil {
				d.setStatus("not applied: "+err.Error(), true)
				return
			}
			n++
		}
		if err := d.doc.Set(d.path+".events", spec.Events); err != nil {
			d.setStatus("not applied: "+err.Error(), true)
			return
		}
		n++
		d.tmplInit = d.tmpl.Text
	}
	d.orig = spec
	d.setStatus(fmt.Sprintf("applied %d change(s) to %s", n, d.path), false)
}

func (d *LoadDesigner) setStatus(msg string, bad bool) {
	d.status.Importance = widget.MediumImportance
	if bad {
		d.status.Importance = widget.DangerImportance
	}
	d.status.SetText(msg)
}
