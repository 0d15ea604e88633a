package main

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/world"
	"github.com/fanout/fanout/storage"
	"github.com/fanout/fanout/views"
)

// storeScreens shows a run's database in the Events and Dead letters screens: the live run's
// while one is running, or a stored run opened from the Runs screen. Its methods run on the
// Fyne thread.
type storeScreens struct {
	cfg    world.Config
	events *fyne.Container // the Events screen's content holder
	dead   *fyne.Container // the Dead letters screen's content holder
	st     *storage.Store  // the database shown; nil before the first run
	owned  bool            // st was opened here (a stored run) and must be closed here
	replay func([]obs.Final)
}

func newStoreScreens() *storeScreens {
	empty := func() fyne.CanvasObject {
		l := widget.NewLabel("Run the scenario, or open a stored run from Runs, to browse its events.")
		l.Importance = widget.LowImportance
		return container.NewCenter(l)
	}
	return &storeScreens{events: container.NewStack(empty()), dead: container.NewStack(empty())}
}

// show browses st; replay, when not nil, re-publishes dead letters into the live run.
func (s *storeScreens) show(st *storage.Store, owned bool, replay func([]obs.Final)) {
	s.release()
	s.st, s.owned, s.replay = st, owned, replay
	s.refresh()
}

// refresh rebuilds the screens on the current database, so they query it afresh (after a live
// run paused or finished).
func (s *storeScreens) refresh() {
	st := s.st
	if st == nil {
		return
	}
	deps := views.EventPageDeps{Patterns: scenarioPatterns{s.cfg}, ExportTrace: st.ExportTrace}
	s.events.Objects = []fyne.CanvasObject{views.NewEventBrowser(st, deps).Content()}
	s.events.Refresh()
	s.dead.Objects = []fyne.CanvasObject{views.NewDeadLetters(st, s.replay).Content()}
	s.dead.Refresh()
}

// release closes a stored run opened here.
func (s *storeScreens) release() {
	if s.owned && s.st != nil {
		s.st.Close()
	}
	s.st, s.owned = nil, false
}

// scenarioPatterns gives the event page each rule's pattern from the open scenario.
type scenarioPatterns struct{ cfg world.Config }

func (p scenarioPatterns) RulePattern(busName, rule string) ([]byte, string, bool) {
	for _, r := range p.cfg.Rules {
		if r.Name == rule && orDefault(r.Bus, bus.DefaultBusName) == busName {
			return r.Pattern, p.cfg.Dialect.String(), true
		}
	}
	return nil, "", false
}

// runsCatalog lists the runs folder for the Runs screen.
type runsCatalog struct{ dir string }

func (c runsCatalog) Runs() ([]views.RunEntry, error) {
	list, err := storage.ListRuns(c.dir)
	if err != nil {
		return nil, err
	}
	out := make([]views.RunEntry, len(list))
	for i, e := range list {
		out[i] = views.RunEntry{File: e.File, Scenario: e.Scenario, Seed: e.Seed, Started: e.Started,
			SimDuration: e.SimDuration, Events: e.Events, Complete: e.Complete, Missing: e.Missing}
	}
	return out, nil
}

func (c runsCatalog) Summary(file string) ([]byte, error) {
	st, err := storage.OpenRun(file)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	info, err := st.Info()
	if err != nil {
		return nil, fmt.Errorf("read run %s: %w", file, err)
	}
	return info.Summary, nil
}
