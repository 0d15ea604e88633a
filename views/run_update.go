package views

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Update shows s. Call it on the Fyne thread (fyne.Do from the run goroutine).
func (r *RunScreen) Update(s RunStatus) {
	r.state = s.State
	if s.Err != "" {
		r.showError(s.Err)
	} else {
		r.errLabel.Hide()
	}
	if s.Horizon > 0 {
		r.progress.SetValue(float64(s.Sim) / float64(s.Horizon))
	} else {
		r.progress.SetValue(0)
	}
	r.clock.SetText(fmt.Sprintf("sim %s / %s  %s", clockText(s.Sim), clockText(s.Horizon), stateText(s.State)))
	running := s.State == "running"
	setEnabled(r.pauseBtn, running)
	setEnabled(r.stopBtn, running || s.State == "paused")
	setEnabled(r.runBtn, !running)
	if s.State == "paused" {
		r.runBtn.SetText("Resume")
	} else {
		r.runBtn.SetText("Run")
	}
	r.updateTiles(s.Tiles)
	r.rows = s.Rows
	r.table.Refresh()
	r.updateExpect(s.Expect)
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

func stateText(s string) string {
	if s == "" {
		return "ready"
	}
	return s
}

// clockText formats simulated time as h:mm:ss.
func clockText(d time.Duration) string {
	d = d.Truncate(time.Second)
	return fmt.Sprintf("%d:%02d:%02d", int(d.Hours()), int(d.Minutes())%60, int(d.Seconds())%60)
}

func (r *RunScreen) updateTiles(tiles []Tile) {
	objs := make([]fyne.CanvasObject, len(tiles))
	for i, t := range tiles {
		objs[i] = newTile(t)
	}
	r.tiles.Objects = objs
	r.tiles.Refresh()
}

func newTile(t Tile) fyne.CanvasObject {
	label := canvas.NewText(t.Label, theme.Color(theme.ColorNamePlaceHolder))
	label.TextSize = theme.CaptionTextSize()
	col := theme.Color(theme.ColorNameForeground)
	if t.Attention {
		col = theme.Color(theme.ColorNameError)
	}
	value := canvas.NewText(t.Value, col)
	value.TextSize = theme.TextSubHeadingSize()
	value.TextStyle = fyne.TextStyle{Bold: true}
	value.Alignment = fyne.TextAlignTrailing
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	return container.NewStack(bg, container.NewPadded(container.NewVBox(label, value)))
}

func (r *RunScreen) newTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) {
			if len(r.rows) < 2 {
				return 0, 0
			}
			return len(r.rows) - 1, len(r.rows[0])
		},
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			row := r.rows[id.Row+1]
			if id.Col < len(row) {
				l.SetText(row[id.Col])
			}
			if id.Col == 0 {
				l.Alignment = fyne.TextAlignLeading
			} else {
				l.Alignment = fyne.TextAlignTrailing
			}
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if len(r.rows) > 0 && id.Row < 0 && id.Col >= 0 && id.Col < len(r.rows[0]) {
			o.(*widget.Label).SetText(r.rows[0][id.Col])
		}
	}
	t.SetColumnWidth(0, 260)
	for c := 1; c < 8; c++ {
		t.SetColumnWidth(c, 110)
	}
	return t
}

func (r *RunScreen) updateExpect(lines []ExpectLine) {
	objs := make([]fyne.CanvasObject, 0, len(lines))
	for _, e := range lines {
		icon := widget.NewIcon(theme.ConfirmIcon())
		if !e.Passed {
			icon = widget.NewIcon(theme.NewErrorThemedResource(theme.CancelIcon()))
		}
		text := e.Name + ": " + e.Assert
		if e.Error != "" {
			text += "  (" + e.Error + ")"
		}
		l := widget.NewLabel(text)
		l.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, container.NewBorder(nil, nil, icon, nil, l))
	}
	r.expect.Objects = objs
	r.expect.Refresh()
}
