package views

import (
	"image/color"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
)

// Waterfall geometry, in device-independent pixels.
const (
	wfNameW   = 240 // the span names column
	wfDurW    = 96  // the durations column (right-aligned)
	wfRightM  = 14  // room for a scroll bar on the right
	wfGap     = 8   // between columns
	wfRowH    = 22
	wfAxisH   = 22
	wfIndent  = 14 // per nesting level
	wfMinBar  = 2  // an instant still shows
	wfMinArea = 240
)

// Waterfall draws a trace: a time axis, one bar per span at x proportional to its start,
// nested by parent, coloured by kind (errors in the accent colour), with right-aligned
// durations. Tapping a row selects its span and calls OnSelect with its index in Spans;
// tapping the ▾/▸ before a span with children folds or unfolds them.
type Waterfall struct {
	widget.BaseWidget
	spans    []obs.Span
	depth    []int
	t0, t1   sim.Time
	selected int
	hasKids  []bool
	folded   map[int]bool // spans whose children are hidden
	rows     []int        // the spans shown, top to bottom
	// OnSelect is called with the index of the span tapped.
	OnSelect func(i int)
	r        *waterfallRenderer
}

// NewWaterfall shows spans (parents before children, as obs.BuildTrace lays them out).
func NewWaterfall(spans []obs.Span) *Waterfall {
	w := &Waterfall{selected: -1}
	w.ExtendBaseWidget(w)
	w.SetSpans(spans)
	return w
}

// SetSpans replaces the spans shown.
func (w *Waterfall) SetSpans(spans []obs.Span) {
	w.spans = spans
	w.depth = spanDepths(spans)
	w.t0, w.t1 = spanRange(spans)
	w.selected = -1
	w.folded = map[int]bool{}
	w.hasKids = make([]bool, len(spans))
	for _, s := range spans {
		if p := int(s.Parent) - 1; p >= 0 && p < len(spans) {
			w.hasKids[p] = true
		}
	}
	w.layoutRows()
	w.Refresh()
}

// layoutRows lists the spans not hidden under a folded ancestor.
func (w *Waterfall) layoutRows() {
	hidden := make([]bool, len(w.spans))
	w.rows = w.rows[:0]
	for i, s := range w.spans {
		if p := int(s.Parent) - 1; p >= 0 && p < i {
			hidden[i] = hidden[p] || w.folded[p]
		}
		if !hidden[i] {
			w.rows = append(w.rows, i)
		}
	}
}

// Toggle folds or unfolds the children of span i.
func (w *Waterfall) Toggle(i int) {
	if i < 0 || i >= len(w.spans) || !w.hasKids[i] {
		return
	}
	w.folded[i] = !w.folded[i]
	w.layoutRows()
	w.Refresh()
}

// Rows is the number of spans shown (folded ones hide their descendants).
func (w *Waterfall) Rows() int { return len(w.rows) }

// rowOf is the row showing span i, or -1 when it is hidden.
func (w *Waterfall) rowOf(i int) int {
	for r, k := range w.rows {
		if k == i {
			return r
		}
	}
	return -1
}

// Selected is the index of the selected span, or -1.
func (w *Waterfall) Selected() int { return w.selected }

// Tapped selects the span on the row tapped.
func (w *Waterfall) Tapped(ev *fyne.PointEvent) {
	r := int(math.Floor(float64((ev.Position.Y - wfAxisH) / wfRowH)))
	if ev.Position.Y < wfAxisH || r < 0 || r >= len(w.rows) {
		return
	}
	i := w.rows[r]
	if w.hasKids[i] && ev.Position.X < float32(w.depth[i])*wfIndent+wfIndent+4 {
		w.Toggle(i)
		return
	}
	w.Select(i)
}

// Select selects span i and calls OnSelect.
func (w *Waterfall) Select(i int) {
	if i < 0 || i >= len(w.spans) {
		return
	}
	w.selected = i
	w.Refresh()
	if w.OnSelect != nil {
		w.OnSelect(i)
	}
}

// MinSize fits every row and a usable bar area.
func (w *Waterfall) MinSize() fyne.Size {
	return fyne.NewSize(wfNameW+wfGap+wfMinArea+wfGap+wfDurW+wfRightM, wfAxisH+float32(len(w.rows))*wfRowH+4)
}

// spanDepths is each span's nesting level (the root is 0).
func spanDepths(spans []obs.Span) []int {
	d := make([]int, len(spans))
	for i, s := range spans {
		if p := int(s.Parent) - 1; p >= 0 && p < i {
			d[i] = d[p] + 1
		}
	}
	return d
}

// spanRange is the time covered by the spans; an empty or instant trace gets 1 ms.
func spanRange(spans []obs.Span) (sim.Time, sim.Time) {
	if len(spans) == 0 {
		return 0, sim.Time(time.Millisecond)
	}
	t0, t1 := spans[0].Start, spans[0].End
	for _, s := range spans {
		t0, t1 = min(t0, s.Start), max(t1, s.End)
	}
	if t1 <= t0 {
		t1 = t0 + sim.Time(time.Millisecond)
	}
	return t0, t1
}

// barArea is the x range of the bars for a widget of width width.
func barArea(width float32) (x0, w float32) {
	x0 = wfNameW + wfGap
	w = width - x0 - wfGap - wfDurW - wfRightM
	return x0, max(w, 1)
}

// barFrame is span s's bar: left x and width in a widget of width width.
func (w *Waterfall) barFrame(s obs.Span, width float32) (x, bw float32) {
	x0, aw := barArea(width)
	span := float64(w.t1 - w.t0)
	x = x0 + float32(float64(s.Start-w.t0)/span)*aw
	bw = float32(float64(s.End-s.Start)/span) * aw
	return x, max(bw, wfMinBar)
}

// spanFailed says whether a span's outcome needs attention.
func spanFailed(s obs.Span) bool {
	switch s.Outcome {
	case "error", "timeout", "oom", "dead_lettered", "discarded", "expired":
		return true
	}
	return strings.HasPrefix(s.Outcome, "failed") || strings.HasPrefix(s.Outcome, "rejected")
}

// spanColour is the calm colour of a span kind; failures take the theme's error colour.
func spanColour(s obs.Span) color.Color {
	if spanFailed(s) {
		return theme.Color(theme.ColorNameError)
	}
	switch s.Kind {
	case obs.SpanEvent:
		return color.NRGBA{0x8a, 0x8f, 0x98, 0xff}
	case obs.SpanMatch:
		return color.NRGBA{0x7b, 0x8f, 0xb5, 0xff}
	case obs.SpanDelivery:
		return color.NRGBA{0x5b, 0x7f, 0xa8, 0xff}
	case obs.SpanTransform:
		return color.NRGBA{0x5a, 0x9e, 0x9a, 0xff}
	case obs.SpanRetryWait:
		return color.NRGBA{0xc7, 0xb2, 0x7a, 0xff}
	case obs.SpanQueueWait:
		return color.NRGBA{0xa8, 0xb0, 0xbb, 0xff}
	case obs.SpanColdStart:
		return color.NRGBA{0x9a, 0x86, 0xb8, 0xff}
	case obs.SpanInit:
		return color.NRGBA{0xb3, 0xa3, 0xcf, 0xff}
	case obs.SpanExecution:
		return color.NRGBA{0x6a, 0xa3, 0x7f, 0xff}
	case obs.SpanAttempt, obs.SpanInvocation:
		return color.NRGBA{0x6e, 0x8c, 0xaf, 0xff}
	}
	return color.NRGBA{0x6b, 0x72, 0x80, 0xff}
}

// rowLabel is a span's name with its fold mark.
func (w *Waterfall) rowLabel(i int) string {
	switch {
	case !w.hasKids[i]:
		return "   " + w.spans[i].Name
	case w.folded[i]:
		return "▸ " + w.spans[i].Name
	}
	return "▾ " + w.spans[i].Name
}

// spanNote is the mark drawn beside a failed span's bar: "✗ timeout"; "" for the others.
func spanNote(s obs.Span) string {
	if spanFailed(s) {
		return "✗ " + s.Outcome
	}
	return ""
}

// niceStep picks a tick step of 1, 2 or 5 × 10^k so that about n ticks cover d.
func niceStep(d time.Duration, n int) time.Duration {
	if d <= 0 || n <= 0 {
		return time.Millisecond
	}
	raw := float64(d) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			return time.Duration(m * mag)
		}
	}
	return time.Duration(10 * mag)
}
