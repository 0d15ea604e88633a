package main

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/assets"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/views"
	"github.com/fanout/fanout/views/builder"
	"github.com/fanout/fanout/views/editors"
	"github.com/fanout/fanout/views/topology"
)

// editing holds the screens that edit the open scenario's document: the topology with a side
// panel for the selected element, the rule builder, the function and load editors, the
// scenario's settings, and the undo/redo/save bar.
type editing struct {
	b       *workbench
	s       *session
	bar     *editors.Bar
	side    *fyne.Container
	sideEd  *editors.Editor
	topo    *topology.View
	screens map[string]*builder.Screen
}

// recoveryDir is where the open scenario's recovery copy is written on every change.
func (b *workbench) recoveryDir() string {
	return filepath.Join(b.app.Storage().RootURI().Path(), "recovery")
}

func newEditing(b *workbench, s *session) *editing {
	e := &editing{b: b, s: s, side: container.NewStack(), screens: map[string]*builder.Screen{}}
	e.bar = editors.NewBar(s.doc, b.win)
	e.bar.Path = s.savePath()
	e.bar.RecoveryDir = b.recoveryDir()
	e.bar.OnSaved = func(path string) {
		s.path, e.bar.Path = path, path
		b.remember(path)
		b.win.SetTitle("Fanout — " + s.name())
	}
	editors.KeepRecovery(s.doc, b.recoveryDir(), func(err error) { b.wb.SetStatus("recovery copy: " + err.Error()) })
	s.follow(func() {
		for _, sc := range e.screens {
			sc.Reload()
		}
		b.win.SetTitle("Fanout — " + s.name())
	})
	return e
}

// env is what the builder's editors need from the app: prices for cost previews and files.
func (e *editing) env() builder.Env {
	env := builder.Env{ReadFile: e.s.readFile}
	if prices, err := fc.ParsePrices(assets.Prices()); err == nil {
		env.Billing.Prices = &prices
		if sc := e.s.doc.Scenario(); sc != nil {
			if m, err := fc.ParseModel(strings.ReplaceAll(sc.Settings.Billing.Model, "-", "_")); err == nil {
				env.Billing.Model = m
			}
		}
	}
	return env
}

// screens are the SCENARIO group's editing screens.
func (e *editing) screenList() []views.Screen {
	builderScreen := func(title string, mk func(builder.Env, builder.Doc) *builder.Screen) views.Screen {
		return views.Screen{Group: "SCENARIO", Title: title, Make: func() fyne.CanvasObject {
			sc := mk(e.env(), e.s.doc)
			e.screens[title] = sc
			return sc.Content()
		}}
	}
	return []views.Screen{
		{Group: "SCENARIO", Title: "Topology", Make: e.topology},
		builderScreen("Rules", builder.NewRulesScreen),
		builderScreen("Functions", builder.NewFunctionsScreen),
		builderScreen("Loads", builder.NewLoadsScreen),
		{Group: "SCENARIO", Title: "Settings", Make: func() fyne.CanvasObject {
			return editors.NewMetadataEditor(e.s.doc).Content()
		}},
	}
}

// topology is the diagram with the selected bus's or queue's editor beside it; selecting a
// rule, function or load opens its editor screen.
func (e *editing) topology() fyne.CanvasObject {
	e.topo = topology.New(e.s.doc, e.b.win)
	hint := widget.NewLabel("Select a bus or a queue to edit it here; a rule, function or load opens its screen.")
	hint.Wrapping = fyne.TextWrapWord
	e.side.Objects = []fyne.CanvasObject{hint}
	e.topo.OnSelect = e.selected
	split := container.NewHSplit(e.topo.Content(), container.NewVScroll(e.side))
	split.Offset = 0.8
	return split
}

func (e *editing) selected(kind, name string) {
	if e.sideEd != nil {
		e.sideEd.Close()
		e.sideEd = nil
	}
	switch kind {
	case topology.KindBus:
		e.sideEd = editors.NewBusEditor(e.s.doc, name)
	case topology.KindQueue:
		e.sideEd = editors.NewQueueEditor(e.s.doc, name)
	case topology.KindRule, topology.KindTarget:
		e.openScreen("Rules", strings.SplitN(name, "/", 2)[0])
		return
	case topology.KindFunction:
		e.openScreen("Functions", name)
		return
	case topology.KindLoad:
		e.openScreen("Loads", name)
		return
	default:
		return
	}
	e.side.Objects = []fyne.CanvasObject{e.sideEd.Content()}
	e.side.Refresh()
}

// openScreen shows an editor screen with the named element picked.
func (e *editing) openScreen(title, name string) {
	e.b.wb.ShowTitle(title)
	if sc := e.screens[title]; sc != nil {
		for _, opt := range sc.Picker().Options {
			if opt == name || strings.HasSuffix(opt, "/"+name) || strings.HasPrefix(opt, name+" ") {
				sc.Picker().SetSelected(opt)
				return
			}
		}
	}
}
