package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// column is one column of the workbench's tables: its heading, width and whether it holds
// numbers (right-aligned).
type column struct {
	title string
	width float32
	right bool
}

// newColumnTable builds a table of rows() rows over cols: bold headings aligned like their
// columns, clipped cells (Fyne's ellipsis costs too much per scroll step), fixed widths. fill
// sets the text and importance of a cell whose label is already aligned; it is only called for
// rows below rows().
func newColumnTable(cols []column, rows func() int, fill func(id widget.TableCellID, l *widget.Label)) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateClip
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Alignment = alignOf(cols[id.Col].right)
			if id.Row >= rows() {
				l.SetText("")
				return
			}
			l.Importance = widget.MediumImportance
			fill(id, l)
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(cols) {
			l := o.(*widget.Label)
			l.Alignment = alignOf(cols[id.Col].right)
			l.SetText(cols[id.Col].title)
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
	return t
}
