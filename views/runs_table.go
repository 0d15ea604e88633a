package views

import (
	"strconv"

	"fyne.io/fyne/v2/widget"
)

func (r *Runs) newTable() *widget.Table {
	t := newColumnTable(runColumns, func() int { return len(r.runs) }, func(id widget.TableCellID, l *widget.Label) {
		e := r.runs[id.Row]
		if id.Col == 6 && (!e.Complete || e.Missing) {
			l.Importance = widget.DangerImportance
		}
		l.SetText(runCell(e, id.Col, r.pickLetter(id.Row)))
	})
	t.OnSelected = func(id widget.TableCellID) {
		if id.Col == 0 {
			r.pick(id.Row)
			if r.current >= 0 {
				t.Select(widget.TableCellID{Row: r.current, Col: 1})
			} else {
				t.UnselectAll()
			}
			return
		}
		r.current = id.Row
		r.sync()
	}
	return t
}

// pickLetter is "A" or "B" for a row ticked for comparison, "" otherwise.
func (r *Runs) pickLetter(row int) string {
	for k, p := range r.picked {
		if p == row {
			return string(rune('A' + k))
		}
	}
	return ""
}

// runCell is the text of column col of a catalog entry.
func runCell(e RunEntry, col int, pick string) string {
	switch col {
	case 0:
		if pick != "" {
			return pick
		}
		return "☐"
	case 1:
		return e.Scenario
	case 2:
		return strconv.FormatUint(e.Seed, 10)
	case 3:
		return e.Started.Format("2006-01-02 15:04")
	case 4:
		return evDur(e.SimDuration)
	case 5:
		return evCount(e.Events)
	case 6:
		switch {
		case e.Missing:
			return "file missing"
		case !e.Complete:
			return "incomplete"
		}
		return "complete"
	}
	return ""
}
