package views

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

type fakeHost struct {
	calls []string
	seed  uint64
	speed float64
}

func (h *fakeHost) Start(seed uint64, speed float64, paused bool) {
	if paused {
		h.calls = append(h.calls, "start-paused")
	} else {
		h.calls = append(h.calls, "start")
	}
	h.seed, h.speed = seed, speed
}
func (h *fakeHost) Pause()             { h.calls = append(h.calls, "pause") }
func (h *fakeHost) Resume()            { h.calls = append(h.calls, "resume") }
func (h *fakeHost) Step()              { h.calls = append(h.calls, "step") }
func (h *fakeHost) Stop()              { h.calls = append(h.calls, "stop") }
func (h *fakeHost) SetSpeed(x float64) { h.calls = append(h.calls, "speed"); h.speed = x }
func (h *fakeHost) last() string       { return h.calls[len(h.calls)-1] }
func (h *fakeHost) reset()             { h.calls = nil }

func TestRunScreenStartsWithSeedAndSpeed(t *testing.T) {
	test.NewTempApp(t)
	h := &fakeHost{}
	r := NewRunScreen(h, 42, time.Hour)
	w := test.NewWindow(r.Content())
	defer w.Close()
	h.reset()
	r.speed.SetSelected("100×")
	r.seed.SetText("427")
	test.Tap(r.runBtn)
	if h.last() != "start" || h.seed != 427 || h.speed != 100 {
		t.Fatalf("calls %v seed %d speed %g, want start with 427 at 100×", h.calls, h.seed, h.speed)
	}
}

func TestRunScreenRejectsBadSeed(t *testing.T) {
	test.NewTempApp(t)
	h := &fakeHost{}
	r := NewRunScreen(h, 1, time.Hour)
	r.seed.SetText("forty-two")
	test.Tap(r.runBtn)
	for _, c := range h.calls {
		if c == "start" {
			t.Fatalf("a bad seed must not start a run")
		}
	}
	if !r.errLabel.Visible() || r.errLabel.Text == "" {
		t.Errorf("the seed error must be shown in place")
	}
}

func TestRunScreenFollowsState(t *testing.T) {
	test.NewTempApp(t)
	h := &fakeHost{}
	r := NewRunScreen(h, 1, time.Hour)
	r.Update(RunStatus{State: "running", Sim: 30 * time.Minute, Horizon: time.Hour,
		Tiles:  []Tile{{Label: "events", Value: "1,234"}, {Label: "rejected", Value: "3", Attention: true}},
		Rows:   [][]string{{"element", "accepted"}, {"bus default", "1,231"}},
		Expect: []ExpectLine{{Name: "fan-out", Assert: "events.accepted > 0", Passed: true}}})
	if r.progress.Value != 0.5 {
		t.Errorf("progress = %v, want 0.5", r.progress.Value)
	}
	if !r.runBtn.Disabled() || r.pauseBtn.Disabled() || r.stopBtn.Disabled() {
		t.Errorf("while running: run must be disabled, pause and stop enabled")
	}
	h.reset()
	test.Tap(r.stopBtn)
	if h.last() != "stop" {
		t.Errorf("stop called %v", h.calls)
	}
	if len(r.tiles.Objects) != 2 {
		t.Errorf("tiles = %d, want 2", len(r.tiles.Objects))
	}
	if rows, cols := r.table.Length(); rows != 1 || cols != 2 {
		t.Errorf("table %dx%d, want 1x2", rows, cols)
	}
	if r.clock.Text != "sim 0:30:00 / 1:00:00  running" {
		t.Errorf("clock = %q", r.clock.Text)
	}
	r.Update(RunStatus{State: "paused", Sim: 31 * time.Minute, Horizon: time.Hour})
	if r.runBtn.Text != "Resume" {
		t.Errorf("paused: run button says %q, want Resume", r.runBtn.Text)
	}
	h.reset()
	test.Tap(r.runBtn)
	if h.last() != "resume" {
		t.Errorf("run while paused called %v, want resume", h.calls)
	}
	test.Tap(r.stepBtn)
	if h.last() != "step" {
		t.Errorf("step called %v", h.calls)
	}
}

func TestRunScreenStepWithoutRunStartsPaused(t *testing.T) {
	test.NewTempApp(t)
	h := &fakeHost{}
	r := NewRunScreen(h, 9, time.Hour)
	w := test.NewWindow(r.Content())
	defer w.Close()
	w.Resize(fyne.NewSize(900, 600))
	h.reset()
	test.Tap(r.stepBtn)
	want := []string{"start-paused", "step"}
	if len(h.calls) != 2 || h.calls[0] != want[0] || h.calls[1] != want[1] {
		t.Errorf("calls = %v, want %v", h.calls, want)
	}
}
