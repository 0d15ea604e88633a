package main

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/app/cli"
	"github.com/fanout/fanout/scenarios"
	"github.com/fanout/fanout/storage"
	"github.com/fanout/fanout/views"
	"github.com/fanout/fanout/views/chart"
)

// Preference keys.
const (
	prefRecent     = "recent"          // recently opened files, newest first
	prefLastScreen = "lastScreenTitle" // title of the screen shown last
	prefTheme      = "theme"           // light, dark or system
	maxRecent      = 8
)

// workbench is the main window: the open scenario, its screens and the menus around them.
type workbench struct {
	app   fyne.App
	win   fyne.Window
	path  string
	host  *runHost
	wb    *views.Workbench
	sess  *session           // the open scenario
	edit  *editing           // its editing screens; nil when it is not even YAML
	sweep *views.SweepScreen // nil until the sweep screen is first shown
}

func newWorkbench(a fyne.App, w fyne.Window) *workbench {
	b := &workbench{app: a, win: w}
	w.SetOnClosed(func() {
		b.close()
		if b.sess != nil && b.sess.doc != nil && !b.sess.doc.Dirty() {
			b.sess.doc.RemoveRecovery(b.recoveryDir())
		}
	})
	b.host = &runHost{status: func(s string) { b.wb.SetStatus(s) }}
	return b
}

// open replaces the window's content with the scenario at path ("" for the default one).
func (b *workbench) open(path string) { b.show(openSession(path)) }

// show makes s the open scenario: its screens, menus and shortcuts.
func (b *workbench) show(s *session) {
	b.close()
	b.sess = s
	b.host.path = s.path
	b.host.config = s.config
	b.host.source = func() []byte {
		if s.doc == nil {
			return nil
		}
		return s.doc.Text()
	}
	b.host.stores = newStoreScreens()
	screens := []views.Screen{{Group: "SCENARIO", Title: "Overview", Make: func() fyne.CanvasObject { return s.overview }}}
	var toolbar fyne.CanvasObject
	if s.doc != nil {
		b.edit = newEditing(b, s)
		screens = append(screens, b.edit.screenList()...)
		toolbar = b.edit.bar.Content()
	}
	screens = append(screens, b.runScreens()...)
	b.wb = views.NewWorkbench(screens)
	b.wb.SetStatus(statusLine(s.viewDoc()))
	s.follow(func() { b.wb.SetStatus(statusLine(s.viewDoc())) })
	if last := b.app.Preferences().String(prefLastScreen); last != "" {
		b.wb.ShowTitle(last)
	}
	b.wb.OnShow = func(i int) { b.app.Preferences().SetString(prefLastScreen, b.wb.Title(i)) }
	b.win.SetTitle("Fanout — " + s.name())
	content := b.wb.Content()
	if toolbar != nil {
		content = container.NewBorder(container.NewHBox(toolbar), nil, nil, nil, content)
	}
	b.win.SetContent(content)
	if _, shipped := cli.ShippedName(s.path); !shipped && s.doc != nil {
		b.remember(s.path)
	}
	b.win.SetMainMenu(b.menu())
	b.shortcuts()
	if b.edit != nil {
		b.edit.bar.AddShortcuts(b.win.Canvas())
	}
}

// close ends what belongs to the open scenario: its run, its sweep, its stored-run screens.
func (b *workbench) close() {
	b.host.stop()
	if b.sweep != nil {
		b.sweep.Stop()
		b.sweep = nil
	}
	if b.host.stores != nil {
		b.host.stores.release()
	}
	b.host.screen, b.host.dash, b.host.charts = nil, nil, nil
	b.edit = nil
}

// runScreens are the RUN and ANALYSE groups; they run the document as it is at each start.
func (b *workbench) runScreens() []views.Screen {
	cfg, _ := b.sess.config() // the seed and horizon shown before the first run
	return []views.Screen{
		{Group: "RUN", Title: "Run", Make: func() fyne.CanvasObject {
			b.host.screen = views.NewRunScreen(b.host, cfg.Seed, cfg.Duration)
			return b.host.screen.Content()
		}},
		{Group: "RUN", Title: "Dashboard", Make: func() fyne.CanvasObject {
			b.host.dash = views.NewDashboard(b.dark())
			return b.host.dash.Content()
		}},
		{Group: "RUN", Title: "Charts", Make: func() fyne.CanvasObject {
			th := chart.Light()
			if b.dark() {
				th = chart.Dark()
			}
			b.host.chartTheme = th
			b.host.charts = views.NewChartsScreen(th, saveChart(b.win))
			return b.host.charts.Content()
		}},
		{Group: "RUN", Title: "Events", Make: func() fyne.CanvasObject { return b.host.stores.events }},
		{Group: "RUN", Title: "Dead letters", Make: func() fyne.CanvasObject { return b.host.stores.dead }},
		{Group: "ANALYSE", Title: "Memory sweep", Make: func() fyne.CanvasObject {
			b.sweep = views.NewSweepScreen(liveSweepRunner{b.sess.config})
			return b.sweep.Content()
		}},
		{Group: "ANALYSE", Title: "Runs", Make: b.runsScreen},
		{Group: "ANALYSE", Title: "Report", Make: b.reportScreen},
	}
}

// runsScreen lists the stored runs; opening one browses it in the Events screen.
func (b *workbench) runsScreen() fyne.CanvasObject {
	dir, err := storage.DefaultRunsDir()
	if err != nil {
		return widget.NewLabel("no runs folder: " + err.Error())
	}
	return views.NewRuns(runsCatalog{dir}, func(e views.RunEntry) {
		st, err := storage.OpenRun(e.File)
		if err != nil {
			dialog.ShowError(err, b.win)
			return
		}
		b.host.stores.show(st, true, nil)
		if b.host.charts != nil {
			if d, err := runDrawers(st, b.host.chartTheme); err == nil {
				b.host.charts.SetRun(d)
			}
		}
		b.wb.ShowTitle("Events")
	}).Content()
}

// remember puts path first in the recent files.
func (b *workbench) remember(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	recent := []string{path}
	for _, p := range b.app.Preferences().StringList(prefRecent) {
		if p != path && len(recent) < maxRecent {
			recent = append(recent, p)
		}
	}
	b.app.Preferences().SetStringList(prefRecent, recent)
}

func (b *workbench) menu() *fyne.MainMenu {
	shipped := fyne.NewMenuItem("Open shipped scenario", nil)
	for _, s := range scenarios.Shipped() {
		name := s.Name
		item := fyne.NewMenuItem(name, func() { b.open(cli.ShippedPrefix + name) })
		shipped.ChildMenu = appendItem(shipped.ChildMenu, item)
	}
	recent := fyne.NewMenuItem("Open recent", nil)
	for _, p := range b.app.Preferences().StringList(prefRecent) {
		path := p
		recent.ChildMenu = appendItem(recent.ChildMenu, fyne.NewMenuItem(path, func() { b.open(path) }))
	}
	if recent.ChildMenu == nil {
		recent.Disabled = true
	}
	open := fyne.NewMenuItem("Open…", b.showOpen)
	open.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	browse := fyne.NewMenuItem("Shipped scenarios…", b.showShipped)
	file := fyne.NewMenu("File", open, browse, shipped, recent)
	view := fyne.NewMenu("View",
		fyne.NewMenuItem("Light theme", func() { b.setTheme("light") }),
		fyne.NewMenuItem("Dark theme", func() { b.setTheme("dark") }),
		fyne.NewMenuItem("System theme", func() { b.setTheme("system") }))
	return fyne.NewMainMenu(file, view)
}

func appendItem(m *fyne.Menu, it *fyne.MenuItem) *fyne.Menu {
	if m == nil {
		return fyne.NewMenu("", it)
	}
	m.Items = append(m.Items, it)
	return m
}

func (b *workbench) showOpen() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, b.win)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		b.open(path)
	}, b.win)
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".yaml", ".yml"}))
	d.Show()
}

// shortcuts binds the keyboard: Ctrl+O open, Ctrl+R run, Ctrl+P pause, Ctrl+. step,
// Ctrl+1…9 the screens.
func (b *workbench) shortcuts() {
	c := b.win.Canvas()
	mod := fyne.KeyModifierShortcutDefault
	bind := func(k fyne.KeyName, f func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: mod}, func(fyne.Shortcut) { f() })
	}
	bind(fyne.KeyO, b.showOpen)
	bind(fyne.KeyR, func() {
		if b.host.screen != nil {
			b.host.screen.RunOrResume()
		}
	})
	bind(fyne.KeyP, b.host.Pause)
	bind(fyne.KeyPeriod, func() {
		if b.host.screen != nil {
			b.host.screen.StepOnce()
		}
	})
	for i := 0; i < b.wb.Len() && i < 9; i++ {
		idx := i
		bind(fyne.KeyName(string(rune('1'+i))), func() { b.wb.Show(idx) })
	}
}

// dark reports whether the workbench shows the dark theme.
func (b *workbench) dark() bool { return b.app.Settings().ThemeVariant() == theme.VariantDark }

func (b *workbench) setTheme(name string) {
	b.app.Preferences().SetString(prefTheme, name)
	b.applyTheme(name)
}

func (b *workbench) applyTheme(name string) {
	switch strings.ToLower(name) {
	case "light":
		b.app.Settings().SetTheme(theme.LightTheme())
	case "dark":
		b.app.Settings().SetTheme(theme.DarkTheme())
	default:
		b.app.Settings().SetTheme(theme.DefaultTheme())
	}
}
