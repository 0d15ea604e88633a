package views

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/engine/obs"
)

// DeadLetterSource lists a run's dead-lettered deliveries (obs.Querier has it).
type DeadLetterSource interface {
	DeadLetters(after obs.EventRef, limit int) ([]obs.Final, error)
}

// deadLetterBatch is the events whose dead letters one "Load more" fetches.
const deadLetterBatch = 500

var deadLetterColumns = []column{
	{"", 36, false}, {"event", 80, true}, {"at", 110, true}, {"rule", 160, false}, {"target", 140, false},
	{"queue", 130, false}, {"reason", 150, false}, {"attempts", 80, true}, {"last error", 300, false},
}

// DeadLetters lists the dead-letter messages with their reason, attempts and last error; rows
// are ticked by tapping them, and "Replay selected" hands the ticked ones to the live run.
type DeadLetters struct {
	src       DeadLetterSource
	replay    func([]obs.Final)
	bg        background
	items     []obs.Final
	ticked    map[int]bool
	after     obs.EventRef
	more      bool
	table     *widget.Table
	replayBtn *widget.Button
	moreBtn   *widget.Button
	status    *widget.Label
	errLabel  *widget.Label
	content   fyne.CanvasObject
}

// NewDeadLetters lists src's dead letters; replay (nil when no live run can replay) receives
// the selected messages in list order.
func NewDeadLetters(src DeadLetterSource, replay func([]obs.Final)) *DeadLetters {
	return newDeadLetters(src, replay, goBackground)
}

func newDeadLetters(src DeadLetterSource, replay func([]obs.Final), bg background) *DeadLetters {
	d := &DeadLetters{src: src, bg: bg, ticked: map[int]bool{}}
	d.status = widget.NewLabel("loading…")
	d.status.Importance = widget.LowImportance
	d.errLabel = widget.NewLabel("")
	d.errLabel.Importance = widget.DangerImportance
	d.errLabel.Hide()
	d.replayBtn = widget.NewButtonWithIcon("Replay selected", theme.MediaReplayIcon(), d.onReplay)
	d.replayBtn.Importance = widget.HighImportance
	d.moreBtn = widget.NewButtonWithIcon("Load more", theme.MoreVerticalIcon(), d.load)
	all := widget.NewButton("Select all", func() { d.tickAll(true) })
	none := widget.NewButton("Select none", func() { d.tickAll(false) })
	d.table = d.newTable()
	bar := container.NewHBox(d.replayBtn, all, none, d.moreBtn)
	d.content = container.NewBorder(container.NewVBox(bar, d.errLabel), d.status, nil, nil, d.table)
	d.SetReplay(replay)
	d.load()
	return d
}

// Content is the screen's root object.
func (d *DeadLetters) Content() fyne.CanvasObject { return d.content }

// SetReplay sets (or, with nil, removes) the live run's replay.
func (d *DeadLetters) SetReplay(replay func([]obs.Final)) {
	d.replay = replay
	d.syncButtons()
}

// Selected lists the ticked messages in list order.
func (d *DeadLetters) Selected() []obs.Final {
	var out []obs.Final
	for i, f := range d.items {
		if d.ticked[i] {
			out = append(out, f)
		}
	}
	return out
}

func (d *DeadLetters) load() {
	src, after := d.src, d.after
	d.moreBtn.Disable()
	d.bg(func() func() {
		items, err := src.DeadLetters(after, deadLetterBatch)
		return func() { d.arrive(items, err) }
	})
}

func (d *DeadLetters) arrive(items []obs.Final, err error) {
	if err != nil {
		d.errLabel.SetText(fmt.Sprintf("dead letters: %v", err))
		d.errLabel.Show()
		d.syncButtons()
		return
	}
	events := 0
	for i, f := range items {
		if i == 0 || f.Event != items[i-1].Event {
			events++
		}
		d.after = f.Event
	}
	d.items = append(d.items, items...)
	d.more = events == deadLetterBatch
	d.table.Refresh()
	d.syncButtons()
}

func (d *DeadLetters) toggle(i int) {
	if i < 0 || i >= len(d.items) {
		return
	}
	d.ticked[i] = !d.ticked[i]
	if !d.ticked[i] {
		delete(d.ticked, i)
	}
	d.table.Refresh()
	d.syncButtons()
}

func (d *DeadLetters) tickAll(on bool) {
	d.ticked = map[int]bool{}
	if on {
		for i := range d.items {
			d.ticked[i] = true
		}
	}
	d.table.Refresh()
	d.syncButtons()
}

func (d *DeadLetters) onReplay() {
	sel := d.Selected()
	if d.replay == nil || len(sel) == 0 {
		return
	}
	d.replay(sel)
	d.status.SetText(fmt.Sprintf("%s handed to the live run for replay", Plural(len(sel), "message")))
}

// syncButtons enables replay only with a live run and a selection, and says why not.
func (d *DeadLetters) syncButtons() {
	setEnabled(d.replayBtn, d.replay != nil && len(d.ticked) > 0)
	setEnabled(d.moreBtn, d.more)
	msg := Plural(len(d.items), "dead letter")
	if d.more {
		msg += " (more to load)"
	}
	msg += ", " + strconv.Itoa(len(d.ticked)) + " selected"
	if d.replay == nil {
		msg += "   ·   replay needs a live run"
	}
	d.status.SetText(msg)
}
