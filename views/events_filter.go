package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/engine/obs"
)

// Choices of the filter selects; the first of each means "any".
var (
	matchedChoices = []string{"any verdict", "matched", "not matched"}
	outcomeChoices = []string{"any outcome", "delivered", "dead_lettered", "discarded", "expired", "in_flight"}
	coldChoices    = []string{"cold or warm", "cold start", "no cold start"}
	errorChoices   = []string{"errors or not", "with errors", "without errors"}
	sortChoices    = []string{"oldest first", "newest first"}
)

// eventFilters are the browser's filter controls. Selects and the search box apply at once;
// the other entries apply on Enter or with the Apply button.
type eventFilters struct {
	search, from, to, bus, source, typ, rule *widget.Entry
	matched, outcome, cold, errs, sort       *widget.Select
	apply, clear                             *widget.Button
	content                                  fyne.CanvasObject
}

func newEventFilters(onApply func()) *eventFilters {
	f := &eventFilters{}
	entry := func(place string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(place)
		e.OnSubmitted = func(string) { onApply() }
		return e
	}
	sel := func(opts []string) *widget.Select {
		s := widget.NewSelect(opts, nil)
		s.SetSelectedIndex(0)
		s.OnChanged = func(string) { onApply() }
		return s
	}
	f.search = entry("search id or subject (prefix)")
	f.search.OnChanged = func(string) { onApply() }
	f.from, f.to = entry("from 0:00:00"), entry("to (end)")
	f.bus, f.source, f.typ, f.rule = entry("bus"), entry("source"), entry("type"), entry("rule")
	f.matched, f.outcome = sel(matchedChoices), sel(outcomeChoices)
	f.cold, f.errs, f.sort = sel(coldChoices), sel(errorChoices), sel(sortChoices)
	f.apply = widget.NewButtonWithIcon("Apply", theme.SearchIcon(), onApply)
	f.clear = widget.NewButtonWithIcon("Clear", theme.ContentClearIcon(), func() { f.reset(); onApply() })
	row1 := container.NewBorder(nil, nil, nil,
		container.NewHBox(f.matched, f.outcome, f.cold, f.errs, f.sort), f.search)
	row2 := container.NewBorder(nil, nil, nil, container.NewHBox(f.apply, f.clear),
		container.NewGridWithColumns(6, f.from, f.to, f.bus, f.source, f.typ, f.rule))
	f.content = container.NewVBox(row1, row2)
	return f
}

// reset clears every control without applying (callbacks are muted meanwhile).
func (f *eventFilters) reset() {
	for _, e := range []*widget.Entry{f.search, f.from, f.to, f.bus, f.source, f.typ, f.rule} {
		cb := e.OnChanged
		e.OnChanged = nil
		e.SetText("")
		e.OnChanged = cb
	}
	for _, s := range []*widget.Select{f.matched, f.outcome, f.cold, f.errs, f.sort} {
		cb := s.OnChanged
		s.OnChanged = nil
		s.SetSelectedIndex(0)
		s.OnChanged = cb
	}
}

// read turns the controls into the store's filter and sort; a time that does not parse is an
// error naming the field.
func (f *eventFilters) read() (obs.EventFilter, obs.Sort, error) {
	var ef obs.EventFilter
	var ok bool
	if ef.From, ok = evParseClock(f.from.Text); !ok {
		return ef, 0, fmt.Errorf("from: %q is not a time (use 90s, 1h2m or h:mm:ss)", f.from.Text)
	}
	if ef.To, ok = evParseClock(f.to.Text); !ok {
		return ef, 0, fmt.Errorf("to: %q is not a time (use 90s, 1h2m or h:mm:ss)", f.to.Text)
	}
	ef.Bus, ef.Source, ef.Type = strings.TrimSpace(f.bus.Text), strings.TrimSpace(f.source.Text), strings.TrimSpace(f.typ.Text)
	ef.Rule = strings.TrimSpace(f.rule.Text)
	ef.Text = strings.TrimSpace(f.search.Text)
	if i := f.outcome.SelectedIndex(); i > 0 {
		ef.Outcome = outcomeChoices[i]
	}
	ef.Cold = obs.Tri(max(f.cold.SelectedIndex(), 0))
	ef.Error = obs.Tri(max(f.errs.SelectedIndex(), 0))
	ef.Matched = obs.Tri(max(f.matched.SelectedIndex(), 0))
	s := obs.SortOldest
	if f.sort.SelectedIndex() == 1 {
		s = obs.SortNewest
	}
	return ef, s, nil
}

// eventCell is the text of column col for row, and whether it needs attention. The store's
// rows do not say whether an event had a cold start, so that column is known only while the
// cold filter is set.
func eventCell(row obs.EventRow, col int, cold obs.Tri) (string, bool) {
	switch col {
	case 0:
		return row.ID, false
	case 1:
		return evClock(row.At), false
	case 2:
		return row.Source, false
	case 3:
		return row.Type, false
	case 4:
		return tailOf(row.Subject, 32), false
	case 5:
		return evCount(int64(row.Matched)), false
	case 6:
		return targetOutcome(row)
	case 7:
		if row.Done && row.Targets > 0 {
			return evDur(row.FanoutTime), false
		}
		return "", false
	case 8:
		switch cold {
		case obs.Yes:
			return "cold", false
		case obs.No:
			return "warm", false
		}
		return "·", false
	}
	return "", false
}

// targetOutcome summarises the deliveries of an event: "3/3 delivered", "2/3 delivered ✗",
// "1/2 delivered, in flight", "no match", "rejected: too_large".
func targetOutcome(row obs.EventRow) (string, bool) {
	switch {
	case !row.Accepted:
		return "rejected: " + row.Reason, true
	case row.Targets == 0 && row.Matched == 0:
		return "no match", false
	case row.Targets == 0:
		return "no target", false
	case !row.Done:
		return fmt.Sprintf("%d/%d delivered, in flight", row.Succeeded, row.Targets), false
	case row.Succeeded < row.Targets:
		return fmt.Sprintf("%d/%d delivered ✗", row.Succeeded, row.Targets), true
	}
	return fmt.Sprintf("%d/%d delivered", row.Succeeded, row.Targets), false
}

// tailOf keeps the last n-1 runes of s after an ellipsis when s is longer than n runes: a
// subject's end (the object key, the file) says more than its start.
func tailOf(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return "…" + string(r[len(r)-n+1:])
}
