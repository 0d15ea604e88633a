package views

import (
	"bytes"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/engine/obs"
)

// TraceSource gives one event's trace (obs.Querier, obs.Memory and *storage.Store have it).
type TraceSource interface {
	Trace(ref obs.EventRef) (obs.Trace, error)
}

// RulePatterns gives the event pattern of a rule of the open scenario, so the page can say why
// an event did not match.
type RulePatterns interface {
	// RulePattern returns the pattern JSON of rule on bus and its dialect ("alibaba" or "aws");
	// ok is false when the scenario has no such rule.
	RulePattern(bus, rule string) (src []byte, dialect string, ok bool)
}

// EventPageDeps is what an event page needs besides the trace. Every field may be nil.
type EventPageDeps struct {
	// Patterns explains the rules' verdicts; nil shows verdicts without explanation.
	Patterns RulePatterns
	// ExportTrace writes the event's trace as OTLP JSON ((*storage.Store).ExportTrace fits);
	// nil disables "Export trace".
	ExportTrace func(w io.Writer, ref obs.EventRef) error
}

// EventPage shows one event: the CloudEvent as a JSON tree, each rule's verdict with its
// explanation, each delivery with its attempts, and the trace as a waterfall.
type EventPage struct {
	src       TraceSource
	ref       obs.EventRef
	deps      EventPageDeps
	bg        background
	trace     obs.Trace
	loaded    bool
	title     *widget.Label
	subtitle  *widget.Label
	errLabel  *widget.Label
	back      *widget.Button
	copyBtn   *widget.Button
	exportBtn *widget.Button
	eventBox  *fyne.Container
	rulesBox  *fyne.Container
	delivBox  *fyne.Container
	waterfall *Waterfall
	spanInfo  *widget.Label
	content   fyne.CanvasObject
	// save hands exported bytes to the user; the default asks for a file.
	save func(name string, data []byte)
}

// NewEventPage builds the page of event ref and loads its trace off the Fyne thread.
func NewEventPage(src TraceSource, ref obs.EventRef, deps EventPageDeps) *EventPage {
	return newEventPage(src, ref, deps, goBackground)
}

func newEventPage(src TraceSource, ref obs.EventRef, deps EventPageDeps, bg background) *EventPage {
	p := &EventPage{src: src, ref: ref, deps: deps, bg: bg}
	p.title = widget.NewLabelWithStyle(fmt.Sprintf("event #%d", ref), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true})
	p.subtitle = widget.NewLabel("loading…")
	p.subtitle.Truncation = fyne.TextTruncateEllipsis
	p.errLabel = widget.NewLabel("")
	p.errLabel.Importance = widget.DangerImportance
	p.errLabel.Wrapping = fyne.TextWrapWord
	p.errLabel.Hide()
	p.back = widget.NewButtonWithIcon("Events", theme.NavigateBackIcon(), nil)
	p.back.Hide()
	p.copyBtn = widget.NewButtonWithIcon("Copy event JSON", theme.ContentCopyIcon(), p.copyJSON)
	p.exportBtn = widget.NewButtonWithIcon("Export trace (OTLP)", theme.DocumentSaveIcon(), p.export)
	p.copyBtn.Disable()
	p.exportBtn.Disable()
	p.eventBox = container.NewStack()
	p.rulesBox = container.NewVBox()
	p.delivBox = container.NewVBox()
	p.waterfall = NewWaterfall(nil)
	p.waterfall.OnSelect = p.showSpan
	p.spanInfo = widget.NewLabelWithStyle("Tap a bar for the span's attributes.", fyne.TextAlignLeading,
		fyne.TextStyle{Monospace: true})
	p.spanInfo.Wrapping = fyne.TextWrapWord
	p.save = p.saveDialog
	p.content = p.layout()
	p.load()
	return p
}

// Content is the screen's root object.
func (p *EventPage) Content() fyne.CanvasObject { return p.content }

// SetBack shows a back button that calls f.
func (p *EventPage) SetBack(f func()) {
	p.back.OnTapped = f
	p.back.Show()
}

func (p *EventPage) layout() fyne.CanvasObject {
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(p.copyBtn, p.exportBtn),
		container.NewHBox(p.back, p.title)), p.subtitle, p.errLabel)
	event := widget.NewCard("", "Event", p.eventBox)
	verdicts := widget.NewCard("", "Rules", p.rulesBox)
	deliveries := widget.NewCard("", "Deliveries", p.delivBox)
	right := container.NewVScroll(container.NewVBox(verdicts, deliveries))
	upper := container.NewHSplit(event, right)
	upper.Offset = 0.4
	info := container.NewVScroll(p.spanInfo)
	info.SetMinSize(fyne.NewSize(220, 0))
	wf := container.NewScroll(p.waterfall)
	trace := widget.NewCard("", "Trace", container.NewBorder(nil, nil, nil, info, wf))
	split := container.NewVSplit(upper, trace)
	split.Offset = 0.45
	return container.NewBorder(top, nil, nil, nil, split)
}

func (p *EventPage) load() {
	src, ref := p.src, p.ref
	p.bg(func() func() {
		tr, err := src.Trace(ref)
		return func() {
			if err != nil {
				p.subtitle.SetText("")
				p.errLabel.SetText(fmt.Sprintf("event #%d: %v", ref, err))
				p.errLabel.Show()
				return
			}
			p.show(tr)
		}
	})
}

// show fills the page with tr. Call on the Fyne thread.
func (p *EventPage) show(tr obs.Trace) {
	p.trace, p.loaded = tr, true
	e := tr.Event
	p.title.SetText(e.ID)
	p.subtitle.SetText(fmt.Sprintf("%s   %s   bus %s   received %s   %s",
		e.Type, e.Subject, e.Bus, evClock(e.At), traceOutcome(tr)))
	p.eventBox.Objects = []fyne.CanvasObject{p.eventTree(e)}
	p.eventBox.Refresh()
	p.fillRules()
	p.fillDeliveries()
	p.waterfall.SetSpans(tr.Spans)
	p.copyBtn.Enable()
	if p.deps.ExportTrace != nil {
		p.exportBtn.Enable()
	}
}

func traceOutcome(tr obs.Trace) string {
	if len(tr.Spans) > 0 {
		return tr.Spans[0].Outcome
	}
	return ""
}

func (p *EventPage) eventTree(e obs.Received) fyne.CanvasObject {
	root, err := parseJSONTree(eventJSON(e))
	if err != nil {
		l := widget.NewLabel(err.Error())
		l.Importance = widget.DangerImportance
		return l
	}
	return newJSONTree(root)
}

func (p *EventPage) copyJSON() {
	if !p.loaded {
		return
	}
	fyne.CurrentApp().Clipboard().SetContent(string(eventJSONIndent(p.trace.Event)))
}

func (p *EventPage) export() {
	if p.deps.ExportTrace == nil || !p.loaded {
		return
	}
	var buf bytes.Buffer
	if err := p.deps.ExportTrace(&buf, p.ref); err != nil {
		p.errLabel.SetText(fmt.Sprintf("export trace of event #%d: %v", p.ref, err))
		p.errLabel.Show()
		return
	}
	p.save(fmt.Sprintf("trace-%s.otlp.json", p.trace.Event.ID), buf.Bytes())
}

func (p *EventPage) saveDialog(name string, data []byte) {
	win := windowOf(p.content)
	if win == nil {
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		defer w.Close()
		if _, err := w.Write(data); err != nil {
			dialog.ShowError(fmt.Errorf("write %s: %w", w.URI().Name(), err), win)
		}
	}, win)
	d.SetFileName(name)
	d.Show()
}
