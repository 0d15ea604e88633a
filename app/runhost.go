package main

import (
	"fmt"
	"sort"
	"time"

	"fyne.io/fyne/v2"

	"github.com/fanout/fanout/app/driver"
	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/engine/world"
	"github.com/fanout/fanout/views"
)

// worldEngine adapts a world to the driver's Engine.
type worldEngine struct{ w *world.World }

func (e worldEngine) Now() time.Duration       { return time.Duration(e.w.Now()) }
func (e worldEngine) Horizon() time.Duration   { return time.Duration(e.w.Horizon()) }
func (e worldEngine) Done() bool               { return e.w.Done() }
func (e worldEngine) Step() bool               { return e.w.Step() }
func (e worldEngine) RunUntil(t time.Duration) { e.w.RunUntil(sim.Time(t)) }
func (e worldEngine) Snapshot() world.Summary  { return e.w.Summary() }

// runHost builds worlds from the open scenario and drives them for the Run screen. Its methods
// run on the Fyne thread; the driver's goroutine hands updates back through fyne.Do.
type runHost struct {
	cfg    world.Config
	screen *views.RunScreen    // nil until the Run screen is first shown
	dash   *views.Dashboard    // nil until the Dashboard is first shown
	charts *views.ChartsScreen // nil until the Charts screen is first shown
	status func(string)
	drv    *driver.Driver[liveSnap]
}

func (h *runHost) Start(seed uint64, speed float64, paused bool) {
	h.stop()
	cfg := h.cfg
	cfg.Seed = seed
	metrics := obs.NewMetrics()
	cfg.Sink = metrics
	w, err := world.New(cfg)
	if err != nil {
		if h.screen != nil {
			h.screen.Update(views.RunStatus{Err: fmt.Sprintf("cannot build the run: %v", err)})
		}
		return
	}
	h.drv = driver.New[liveSnap](liveEngine{worldEngine{w}, metrics}, func(u driver.Update[liveSnap]) {
		st := runStatus(driver.Update[world.Summary]{State: u.State, Sim: u.Sim, Horizon: u.Horizon, Snapshot: u.Snapshot.Summary})
		dd := views.DashboardData{Live: u.Snapshot.Live, Flows: flows(cfg, u.Snapshot.Summary)}
		fyne.Do(func() {
			if h.screen != nil {
				h.screen.Update(st)
			}
			if h.dash != nil {
				h.dash.Update(dd)
			}
			if h.charts != nil {
				h.charts.Update(liveChartData(dd.Live))
			}
			h.status(statusText(st))
		})
	})
	h.drv.SetSpeed(speed)
	if !paused {
		h.drv.Run()
	}
}

func (h *runHost) Pause() {
	if h.drv != nil {
		h.drv.Pause()
	}
}

func (h *runHost) Resume() {
	if h.drv != nil {
		h.drv.Run()
	}
}

func (h *runHost) Step() {
	if h.drv != nil {
		h.drv.Step()
	}
}

func (h *runHost) SetSpeed(x float64) {
	if h.drv != nil {
		h.drv.SetSpeed(x)
	}
}

// stop ends the current run's goroutine, if any.
func (h *runHost) stop() {
	if h.drv != nil {
		h.drv.Stop()
		h.drv = nil
	}
}

// runStatus turns a driver update into what the Run screen shows.
func runStatus(u driver.Update[world.Summary]) views.RunStatus {
	s := u.Snapshot
	st := views.RunStatus{State: u.State.String(), Sim: u.Sim, Horizon: u.Horizon}
	rate := 0.0
	if u.Sim > 0 {
		rate = float64(s.Events.Accepted) / u.Sim.Seconds()
	}
	st.Tiles = []views.Tile{
		{Label: "events generated", Value: count(s.Events.Generated)},
		{Label: "accepted", Value: count(s.Events.Accepted)},
		{Label: "rejected", Value: count(s.Events.Rejected), Attention: s.Events.Rejected > 0},
		{Label: "events / s (sim)", Value: fmt.Sprintf("%.1f", rate)},
		{Label: "actions", Value: count(s.Actions)},
	}
	st.Rows = [][]string{{"element", "generated", "accepted", "rejected"}}
	for _, n := range sortedKeys(s.Loads) {
		st.Rows = append(st.Rows, []string{"load " + n, count(s.Loads[n].Generated), "", ""})
	}
	for _, n := range sortedKeys(s.Buses) {
		b := s.Buses[n]
		st.Rows = append(st.Rows, []string{"bus " + n, "", count(b.Accepted), count(b.Rejected)})
	}
	for _, r := range sortedKeys(s.Events.RejectedBy) {
		st.Rows = append(st.Rows, []string{"  rejected: " + r, "", "", count(s.Events.RejectedBy[r])})
	}
	for _, e := range s.Expect {
		st.Expect = append(st.Expect, views.ExpectLine{Name: e.Name, Assert: e.Assert, Passed: e.Passed, Error: e.Error})
	}
	return st
}

func statusText(st views.RunStatus) string {
	if st.Err != "" {
		return st.Err
	}
	events := ""
	if len(st.Tiles) > 1 {
		events = st.Tiles[1].Value + " events accepted"
	}
	return fmt.Sprintf("sim %s / %s   %s   ● %s", st.Sim.Truncate(time.Second), st.Horizon, events, st.State)
}

// count formats n with thousands separators.
func count(n uint64) string {
	s := fmt.Sprint(n)
	out := make([]byte, 0, len(s)+len(s)/3)
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
