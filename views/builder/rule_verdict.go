package builder

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/fanout/fanout/engine/pattern"
)

// patternPane is the editable pattern JSON with its error line.
type patternPane struct {
	b       *RuleBuilder
	entry   *widget.Entry
	errLbl  *widget.Label
	syncing bool // the text is being set from the form: do not parse it back
	content fyne.CanvasObject
}

func newPatternPane(b *RuleBuilder) *patternPane {
	p := &patternPane{b: b}
	p.entry = widget.NewMultiLineEntry()
	p.entry.TextStyle = fyne.TextStyle{Monospace: true}
	p.entry.Wrapping = fyne.TextWrapOff
	p.entry.OnChanged = func(s string) {
		if !p.syncing {
			b.jsonChanged(s)
		}
	}
	p.errLbl = widget.NewLabel("")
	p.errLbl.Importance = widget.DangerImportance
	p.errLbl.Wrapping = fyne.TextWrapWord
	p.errLbl.Hide()
	p.content = widget.NewCard("", "Pattern JSON (editable)", container.NewBorder(nil, p.errLbl, nil, nil, p.entry))
	return p
}

// show sets the text from the form (indented) and lists the form's invalid conditions.
func (p *patternPane) show(compact string, errs []FormError) {
	var buf bytes.Buffer
	text := compact
	if json.Indent(&buf, []byte(compact), "", "  ") == nil {
		text = buf.String()
	}
	p.syncing = true
	p.entry.SetText(text)
	p.syncing = false
	if len(errs) > 0 {
		msgs := make([]string, len(errs))
		for i, e := range errs {
			msgs[i] = e.Msg
		}
		p.fail(fmt.Errorf("left out of the JSON: %s", strings.Join(msgs, "; ")))
		return
	}
	p.ok()
}

// fail shows err (a JSON syntax error with its line and column, or a compile error with its
// JSON path) under the text, which stays as the user wrote it.
func (p *patternPane) fail(err error) {
	p.errLbl.SetText(err.Error())
	p.errLbl.Show()
}

func (p *patternPane) ok() { p.errLbl.Hide() }

// verdictPane shows the explanation against the sample, the lint and the match rate.
type verdictPane struct {
	head    *widget.Label
	notes   *widget.Label
	lint    *widget.Label
	rate    *widget.Label
	targets *widget.Label
	content fyne.CanvasObject
}

func newVerdictPane() *verdictPane {
	v := &verdictPane{head: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	mono := func() *widget.Label {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	v.notes, v.lint, v.rate, v.targets = mono(), mono(), widget.NewLabel(""), mono()
	v.lint.Importance = widget.WarningImportance
	v.rate.TextStyle.Bold = true
	body := container.NewVBox(v.head, v.notes, v.lint, widget.NewSeparator(), v.rate, v.targets)
	v.content = widget.NewCard("", "Verdict", container.NewVScroll(body))
	return v
}

func (v *verdictPane) clear(why string) {
	v.head.Importance = widget.LowImportance
	v.head.SetText(why)
	v.notes.SetText("")
	v.lint.SetText("")
}

// showExplain renders pattern.Explain's verdict, one line per field.
func (v *verdictPane) showExplain(e pattern.Explanation) {
	v.head.SetText(verdictHead(e))
	v.head.Importance = widget.SuccessImportance
	if !e.Matched {
		v.head.Importance = widget.DangerImportance
	}
	v.head.Refresh()
	v.notes.SetText(ExplainLines(e))
}

func verdictHead(e pattern.Explanation) string {
	switch {
	case e.Err != nil:
		return "✗ the sample is not a JSON object: " + e.Err.Error()
	case e.Matched:
		return "✓ matches the sample"
	}
	return "✗ does not match the sample"
}

// ExplainLines renders an explanation as the verdict pane shows it: one line per field,
// ✓ or ✗, what the field needs and what the event has.
func ExplainLines(e pattern.Explanation) string {
	var sb strings.Builder
	for _, f := range e.Fields {
		mark := "✗"
		if f.Met {
			mark = "✓"
		}
		fmt.Fprintf(&sb, "%s %s: needs %s, event has %s\n", mark, f.Loc, f.Need, f.Actual)
	}
	if e.Note != "" {
		sb.WriteString(e.Note + "\n")
	}
	return strings.TrimRight(sb.String(), "\n")
}

// showLint lists the lint findings as warnings.
func (v *verdictPane) showLint(fs []pattern.Finding) {
	if len(fs) == 0 {
		v.lint.SetText("⚠ none")
		v.lint.Importance = widget.LowImportance
		v.lint.Refresh()
		return
	}
	lines := make([]string, len(fs))
	for i, f := range fs {
		lines[i] = "⚠ " + f.String()
	}
	v.lint.Importance = widget.WarningImportance
	v.lint.SetText(strings.Join(lines, "\n"))
}

// showRate renders the match-rate preview and what it costs the targets.
func (v *verdictPane) showRate(m MatchRate, err error) {
	if err != nil {
		v.rate.SetText("match rate: " + err.Error())
		v.targets.SetText("")
		return
	}
	v.rate.SetText(RateLine(m))
	v.targets.SetText(TargetLines(m))
}

// samePattern reports whether two pattern texts are the same JSON value (object member order
// aside; numbers compared by their text, as the alibaba dialect does).
func samePattern(a, b string) bool {
	va, errA := decodeNumbers(a)
	vb, errB := decodeNumbers(b)
	return errA == nil && errB == nil && reflect.DeepEqual(va, vb)
}

func decodeNumbers(s string) (any, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}
