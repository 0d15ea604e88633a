package views

import (
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// RunHost is what the Run screen asks of the application: it owns the engine and the goroutine
// that drives it, and calls RunScreen.Update (inside fyne.Do) with every new status.
type RunHost interface {
	// Start builds a fresh run with seed at speed (0 = as fast as possible); it starts running
	// unless paused is true.
	Start(seed uint64, speed float64, paused bool)
	Pause()
	Resume()
	Step()
	// Stop ends the run where it is; its records stay, marked incomplete.
	Stop()
	SetSpeed(speed float64)
}

// RunStatus is one snapshot of a run for display. All values are copies.
type RunStatus struct {
	State   string // paused, running, finished, stopped, or "" before the first start
	Sim     time.Duration
	Horizon time.Duration
	Tiles   []Tile     // headline numbers
	Rows    [][]string // the counts table; Rows[0] is the header
	Expect  []ExpectLine
	Err     string // a failure to build or run, shown in place
}

// Tile is one headline number: "events/s 58.9".
type Tile struct {
	Label     string
	Value     string
	Attention bool // drawn in the accent colour: needs attention
}

// ExpectLine is one expect assertion's outcome.
type ExpectLine struct {
	Name, Assert string
	Passed       bool
	Error        string
}

// Speeds offered by the speed selector, in simulated seconds per wall second; 0 = max.
var Speeds = []struct {
	Label string
	X     float64
}{{"max", 0}, {"1×", 1}, {"10×", 10}, {"100×", 100}, {"1000×", 1000}}

// RunScreen runs the open scenario and watches it.
type RunScreen struct {
	host     RunHost
	seed     *widget.Entry
	speed    *widget.Select
	runBtn   *widget.Button
	pauseBtn *widget.Button
	stopBtn  *widget.Button
	stepBtn  *widget.Button
	progress *widget.ProgressBar
	clock    *widget.Label
	tiles    *fyne.Container
	table    *widget.Table
	expect   *fyne.Container
	errLabel *widget.Label
	rows     [][]string
	state    string
	content  fyne.CanvasObject
}

// NewRunScreen builds the screen for a scenario whose own seed is seed and whose runs cover
// horizon of simulated time.
func NewRunScreen(host RunHost, seed uint64, horizon time.Duration) *RunScreen {
	r := &RunScreen{host: host}
	r.seed = widget.NewEntry()
	r.seed.SetText(strconv.FormatUint(seed, 10))
	r.speed = widget.NewSelect(speedLabels(), func(string) { r.host.SetSpeed(r.speedX()) })
	r.speed.SetSelected("max")
	r.runBtn = widget.NewButtonWithIcon("Run", theme.MediaPlayIcon(), r.onRun)
	r.runBtn.Importance = widget.HighImportance
	r.pauseBtn = widget.NewButtonWithIcon("Pause", theme.MediaPauseIcon(), host.Pause)
	r.stopBtn = widget.NewButtonWithIcon("Stop", theme.MediaStopIcon(), host.Stop)
	r.stepBtn = widget.NewButtonWithIcon("Step", theme.MediaSkipNextIcon(), r.onStep)
	r.progress = widget.NewProgressBar()
	r.clock = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
	r.tiles = container.NewGridWrap(fyne.NewSize(150, 64))
	r.table = r.newTable()
	r.expect = container.NewVBox()
	r.errLabel = widget.NewLabel("")
	r.errLabel.Importance = widget.DangerImportance
	r.errLabel.Wrapping = fyne.TextWrapWord
	r.errLabel.Hide()
	r.content = r.layout()
	r.Update(RunStatus{Horizon: horizon})
	return r
}

// Content is the screen's root object.
func (r *RunScreen) Content() fyne.CanvasObject { return r.content }

func (r *RunScreen) layout() fyne.CanvasObject {
	seedBox := container.NewHBox(widget.NewLabel("seed"), container.NewGridWrap(fyne.NewSize(140, 36), r.seed))
	speedBox := container.NewHBox(widget.NewLabel("speed"), r.speed)
	bar := container.NewHBox(r.runBtn, r.pauseBtn, r.stepBtn, r.stopBtn, widget.NewSeparator(), speedBox, seedBox)
	top := container.NewVBox(bar, container.NewBorder(nil, nil, nil, r.clock, r.progress), r.errLabel, r.tiles)
	tableCard := widget.NewCard("", "Counts", r.table)
	expectCard := widget.NewCard("", "Expect", container.NewVScroll(r.expect))
	split := container.NewVSplit(tableCard, expectCard)
	split.Offset = 0.7
	return container.NewBorder(top, nil, nil, nil, split)
}

func speedLabels() []string {
	out := make([]string, len(Speeds))
	for i, s := range Speeds {
		out[i] = s.Label
	}
	return out
}

func (r *RunScreen) speedX() float64 {
	for _, s := range Speeds {
		if s.Label == r.speed.Selected {
			return s.X
		}
	}
	return 0
}

// RunOrResume is the Run button's action (also bound to a keyboard shortcut).
func (r *RunScreen) RunOrResume() { r.onRun() }

// StepOnce is the Step button's action (also bound to a keyboard shortcut).
func (r *RunScreen) StepOnce() { r.onStep() }

// onRun starts a fresh run, or resumes a paused one.
func (r *RunScreen) onRun() {
	if r.state == "paused" {
		r.host.Resume()
		return
	}
	seed, err := strconv.ParseUint(r.seed.Text, 10, 64)
	if err != nil {
		r.showError(fmt.Sprintf("seed: %q is not a whole number from 0 to %d", r.seed.Text, uint64(1<<64-1)))
		return
	}
	r.host.Start(seed, r.speedX(), false)
}

// onStep steps the current run, starting a paused one first when there is none.
func (r *RunScreen) onStep() {
	if r.state == "" || r.state == "finished" || r.state == "stopped" {
		seed, err := strconv.ParseUint(r.seed.Text, 10, 64)
		if err != nil {
			r.showError(fmt.Sprintf("seed: %q is not a whole number", r.seed.Text))
			return
		}
		r.host.Start(seed, r.speedX(), true)
	}
	r.host.Step()
}

func (r *RunScreen) showError(msg string) {
	r.errLabel.SetText(msg)
	r.errLabel.Show()
}
