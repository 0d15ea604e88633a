package views

import (
	"strconv"

	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/engine/obs"
)

func (d *DeadLetters) newTable() *widget.Table {
	t := newColumnTable(deadLetterColumns, func() int { return len(d.items) }, func(id widget.TableCellID, l *widget.Label) {
		l.SetText(deadLetterCell(d.items[id.Row], id.Col, d.ticked[id.Row]))
	})
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		d.toggle(id.Row)
	}
	return t
}

// deadLetterCell is the text of column col of a dead letter.
func deadLetterCell(f obs.Final, col int, ticked bool) string {
	switch col {
	case 0:
		if ticked {
			return "☑"
		}
		return "☐"
	case 1:
		return "#" + strconv.FormatUint(uint64(f.Event), 10)
	case 2:
		return evClock(f.At)
	case 3:
		return f.Rule
	case 4:
		return f.Target
	case 5:
		return f.Queue
	case 6:
		return f.Reason
	case 7:
		return strconv.Itoa(int(f.Attempts))
	case 8:
		return f.LastError
	}
	return ""
}
