package main

import (
	"fmt"
	"sort"
	"time"

	"fyne.io/fyne/v2"

	"github.com/fanout/fanout/app/cli"
	"github.com/fanout/fanout/app/driver"
	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/engine/world"
	"github.com/fanout/fanout/storage"
	"github.com/fanout/fanout/views"
	"github.com/fanout/fanout/views/chart"
)

// worldEngine adapts a world to the driver's Engine.
type worldEngine struct{ w *world.World }

func (e worldEngine) Now() time.Duration       { return time.Duration(e.w.Now()) }
func (e worldEngine) Horizon() time.Duration   { return time.Duration(e.w.Horizon()) }
func (e worldEngine) Done() bool               { return e.w.Done() }
func (e worldEngine) Step() bool               { return e.w.Step() }
func (e worldEngine) RunUntil(t time.Duration) { e.w.RunUntil(sim.Time(t)) }
func (e worldEngine) Snapshot() world.Summary  { return e.w.Summary() }

// runHost builds worlds from the open scenario and drives them for the Run screens. Its methods
// run on the Fyne thread; the driver's goroutine hands updates back through fyne.Do.
type runHost struct {
	config func() (world.Config, error) // the open scenario's configuration as it is now
	path   string                       // the scenario's file, or shipped:NAME
	source func() []byte                // the scenario's text as it is now (with unsaved edits)
	screen *views.RunScreen             // nil until the Run screen is first shown
	dash   *views.Dashboard             // nil until the Dashboard is first shown
	charts *views.ChartsScreen          // nil until the Charts screen is first shown
	stores *storeScreens                // the Events and Dead letters screens
	// chartTheme is the theme of charts built from a run's records.
	chartTheme chart.Theme
	status     func(string)
	drv        *driver.Driver[liveSnap]
	store      *cli.RunStore // the live run's database
}

func (h *runHost) Start(seed uint64, speed float64, paused bool) {
	h.stop()
	cfg, err := h.config()
	if err != nil {
		h.fail(err)
		return
	}
	cfg.Seed = seed
	metrics := obs.NewMetrics()
	store, err := cli.OpenRunStore("", false, cfg, h.path, h.source())
	if err != nil {
		h.fail(err)
		return
	}
	cfg.Sink = obs.Tee(metrics, store.Store().Sink())
	w, err := world.New(cfg)
	if err != nil {
		store.Close()
		h.fail(err)
		return
	}
	h.store = store
	h.stores.cfg = cfg
	if h.charts != nil {
		h.charts.SetRun(nil)
	}
	h.drv = driver.New[liveSnap](liveEngine{worldEngine{w}, metrics}, h.publisher(cfg, store))
	h.stores.show(store.Store(), false, h.replayer(w, store))
	h.drv.SetSpeed(speed)
	if !paused {
		h.drv.Run()
	}
}

// showRunCharts hands the Charts screen the charts of a finished run, built from its records
// (on the calling goroutine: it reads the database).
func (h *runHost) showRunCharts(st *storage.Store) {
	drawers, err := runDrawers(st, h.chartTheme)
	fyne.Do(func() {
		if err != nil {
			h.status("charts: " + err.Error())
			return
		}
		if h.charts != nil {
			h.charts.SetRun(drawers)
		}
	})
}

// runDrawers is the Charts screen's input for a stored run.
func runDrawers(st *storage.Store, th chart.Theme) ([]chart.Drawer, error) {
	charts, err := cli.RunCharts(st, th)
	if err != nil {
		return nil, err
	}
	out := make([]chart.Drawer, len(charts))
	for i, c := range charts {
		out[i] = c.Drawer
	}
	return out, nil
}

// fail shows a run that could not start.
func (h *runHost) fail(err error) {
	if h.screen != nil {
		h.screen.Update(views.RunStatus{Err: fmt.Sprintf("cannot build the run: %v", err)})
	}
	h.status(err.Error())
}

// publisher returns the driver's callback: on the run goroutine it keeps the database up to date
// (flushed when the run pauses, finished when it ends), then hands copies to the screens.
func (h *runHost) publisher(cfg world.Config, store *cli.RunStore) func(driver.Update[liveSnap]) {
	return func(u driver.Update[liveSnap]) {
		switch u.State {
		case driver.Paused, driver.Stopped:
			store.Store().Flush()
		case driver.Finished:
			if err := store.Finish(u.Snapshot.Summary, nil, true); err != nil {
				fyne.Do(func() { h.status(err.Error()) })
			}
			h.showRunCharts(store.Store())
		}
		st := runStatus(driver.Update[world.Summary]{State: u.State, Sim: u.Sim, Horizon: u.Horizon, Snapshot: u.Snapshot.Summary})
		dd := views.DashboardData{Live: u.Snapshot.Live, Flows: flows(cfg, u.Snapshot.Summary)}
		settled := u.State == driver.Paused || u.State == driver.Finished || u.State == driver.Stopped
		fyne.Do(func() {
			if settled && h.store == store {
				h.stores.refresh()
			}
			if h.screen != nil {
				h.screen.Update(st)
			}
			if h.dash != nil {
				h.dash.Update(dd)
			}
			if h.charts != nil {
				h.charts.Update(liveChartData(dd.Live))
			}
			h.status(statusText(st, u.Snapshot.Summary))
		})
	}
}

// replayer returns the Dead letters screen's replay: the selected messages are re-published
// into the live run, on its goroutine.
func (h *runHost) replayer(w *world.World, store *cli.RunStore) func([]obs.Final) {
	drv := h.drv
	return func(finals []obs.Final) {
		byQueue := map[string][]string{}
		var order []string
		for _, f := range finals {
			tr, err := store.Store().Trace(f.Event)
			if err != nil {
				continue
			}
			if _, ok := byQueue[f.Queue]; !ok {
				order = append(order, f.Queue)
			}
			byQueue[f.Queue] = append(byQueue[f.Queue], tr.Event.ID)
		}
		drv.Exec(func() {
			for _, q := range order {
				if _, err := w.ReplayDeadLetters(q, byQueue[q]); err != nil {
					fyne.Do(func() { h.status("replay: " + err.Error()) })
				}
			}
		})
	}
}

// Stop ends the run where it is; its records stay browsable (the run is marked incomplete).
func (h *runHost) Stop() {
	if h.drv != nil {
		h.drv.Stop()
		h.stores.refresh()
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

// stop ends the current run's goroutine, if any, and closes its database (a run stopped before
// its horizon stays marked incomplete).
func (h *runHost) stop() {
	if h.drv != nil {
		h.drv.Stop()
		h.drv = nil
	}
	if h.store != nil {
		h.stores.release()
		h.store.Close()
		h.store = nil
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
		{Label: "events generated", Value: views.Count(s.Events.Generated)},
		{Label: "accepted", Value: views.Count(s.Events.Accepted)},
		{Label: "rejected", Value: views.Count(s.Events.Rejected), Attention: s.Events.Rejected > 0},
		{Label: "events / s (sim)", Value: fmt.Sprintf("%.1f", rate)},
		{Label: "actions", Value: views.Count(s.Actions)},
	}
	st.Rows = countRows(s)
	for _, e := range s.Expect {
		st.Expect = append(st.Expect, views.ExpectLine{Name: e.Name, Assert: e.Assert, Passed: e.Passed, Error: e.Error})
	}
	return st
}

// statusText is the status line of a run: the UI sketch's "sim 00:14:32 / 01:00:00,
// 212,408 events, match 9.8%, $0.0183, running".
func statusText(st views.RunStatus, s world.Summary) string {
	if st.Err != "" {
		return st.Err
	}
	var evaluated, matched uint64
	for _, r := range s.Rules {
		evaluated += r.Evaluated
		matched += r.Matched
	}
	match := 0.0
	if evaluated > 0 {
		match = 100 * float64(matched) / float64(evaluated)
	}
	cost := 0.0
	for _, f := range s.Functions {
		cost += f.CostUSD
	}
	return fmt.Sprintf("sim %s / %s   %s events   match %.1f%%   $%.4f   ● %s",
		st.Sim.Truncate(time.Second), st.Horizon, views.Count(s.Events.Accepted), match, cost, st.State)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
