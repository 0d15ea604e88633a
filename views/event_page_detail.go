package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/pattern"
)

// detailLabel is one line of the rules or deliveries panel; attention lines take the accent
// colour.
func detailLabel(text string, bold, attention bool) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
	l.Truncation = fyne.TextTruncateEllipsis
	if attention {
		l.Importance = widget.DangerImportance
	}
	return l
}

// ruleLines are the rules panel's lines: each rule's verdict and, when its pattern is known,
// each condition with the event's actual value.
func (p *EventPage) ruleLines() []*widget.Label {
	tr := p.trace
	if len(tr.Rules) == 0 {
		return []*widget.Label{detailLabel("no rule on this bus was evaluated", false, false)}
	}
	doc := eventJSON(tr.Event)
	var out []*widget.Label
	for _, r := range tr.Rules {
		mark := "✗"
		if r.Matched {
			mark = "✓"
		}
		out = append(out, detailLabel(mark+" "+r.Rule, true, false))
		out = append(out, p.explain(r, doc)...)
	}
	return out
}

// explain runs the rule's pattern from the open scenario against the event.
func (p *EventPage) explain(r obs.RuleEvaluated, doc []byte) []*widget.Label {
	if p.deps.Patterns == nil {
		return nil
	}
	src, dialect, ok := p.deps.Patterns.RulePattern(r.Bus, r.Rule)
	if !ok {
		return []*widget.Label{detailLabel("    the open scenario has no rule "+r.Rule, false, false)}
	}
	d, err := pattern.ParseDialect(dialect)
	if err != nil {
		return []*widget.Label{detailLabel("    "+err.Error(), false, true)}
	}
	pat, err := pattern.Compile(src, d)
	if err != nil {
		return []*widget.Label{detailLabel("    pattern: "+err.Error(), false, true)}
	}
	ex := pattern.Explain(pat, doc)
	if ex.Err != nil {
		return []*widget.Label{detailLabel("    "+ex.Err.Error(), false, true)}
	}
	var out []*widget.Label
	for _, n := range ex.Fields {
		mark := "✓"
		if !n.Met {
			mark = "✗"
		}
		out = append(out, detailLabel(fmt.Sprintf("    %s %s  %s   (event has %s)", mark, n.Path, n.Need, n.Actual),
			false, !n.Met && !r.Matched))
	}
	if ex.Note != "" {
		out = append(out, detailLabel("    "+ex.Note, false, false))
	}
	if ex.Matched != r.Matched {
		out = append(out, detailLabel("    the open scenario's pattern now gives the other verdict", false, true))
	}
	return out
}

func (p *EventPage) fillRules() {
	p.rulesBox.Objects = p.rulesBox.Objects[:0]
	for _, l := range p.ruleLines() {
		p.rulesBox.Add(l)
	}
	p.rulesBox.Refresh()
}

// deliveryLines are one heading per delivery (rule → target, final outcome) and one line per
// attempt with its invocation.
func deliveryLines(tr obs.Trace) []*widget.Label {
	var out []*widget.Label
	for _, s := range tr.Spans {
		if s.Kind != obs.SpanDelivery {
			continue
		}
		rule, target := spanAttr(s, "rule"), spanAttr(s, "target")
		out = append(out, detailLabel(fmt.Sprintf("%s   %s   %s", s.Name, s.Outcome, evDur(s.Duration())),
			true, spanFailed(s)))
		for _, a := range tr.Attempts {
			if a.Rule != rule || a.Target != target {
				continue
			}
			line := fmt.Sprintf("    attempt %d   at %s   %s   %s", a.Number, evClock(a.Start),
				evDur(a.End.Sub(a.Start)), a.Outcome)
			if a.Error != "" {
				line += "   " + a.Error
			}
			if inv := invocationLine(tr, a); inv != "" {
				line += "   ·  " + inv
			}
			out = append(out, detailLabel(line, false, a.Outcome != obs.OutcomeOK))
		}
	}
	if len(out) == 0 {
		out = append(out, detailLabel("no deliveries", false, false))
	}
	return out
}

// invocationLine summarises the invocations an attempt made.
func invocationLine(tr obs.Trace, a obs.Attempt) string {
	var parts []string
	for _, inv := range tr.Invocations {
		if inv.Rule != a.Rule || inv.Target != a.Target || inv.Attempt != a.Number {
			continue
		}
		s := fmt.Sprintf("%s/%s #%d", inv.Service, inv.Function, inv.Instance)
		if inv.Cold {
			s += " cold " + evDur(inv.ColdStart+inv.Init)
		}
		s += fmt.Sprintf(" exec %s billed %s $%.7f", evDur(inv.Exec()), evDur(inv.Billed), inv.CostUSD)
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

func (p *EventPage) fillDeliveries() {
	p.delivBox.Objects = p.delivBox.Objects[:0]
	for _, l := range deliveryLines(p.trace) {
		p.delivBox.Add(l)
	}
	p.delivBox.Refresh()
}

func spanAttr(s obs.Span, key string) string {
	for _, a := range s.Attrs {
		if a.Key == key {
			return a.Value
		}
	}
	return ""
}

// showSpan shows span i's attributes beside the waterfall.
func (p *EventPage) showSpan(i int) {
	if i < 0 || i >= len(p.trace.Spans) {
		return
	}
	s := p.trace.Spans[i]
	var b strings.Builder
	fmt.Fprintf(&b, "%s\nkind      %s\nstart     +%s\nduration  %s\noutcome   %s\n", s.Name, s.Kind,
		evDur(s.Start.Sub(p.trace.Event.At)), evDur(s.Duration()), s.Outcome)
	for _, a := range s.Attrs {
		fmt.Fprintf(&b, "%-9s %s\n", a.Key, a.Value)
	}
	p.spanInfo.SetText(strings.TrimRight(b.String(), "\n"))
}
