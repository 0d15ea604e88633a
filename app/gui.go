package main

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/fanout/fanout/views"
)

// openWorkbench opens the main window on the scenario at path ("" for the shipped default
// scenario, "shipped:NAME" for another shipped one) and returns when the window closes. An
// invalid scenario still opens: its problems are shown next to whatever structure could be read.
func openWorkbench(path string) error {
	a := fyneapp.NewWithID("io.github.fanout.workbench")
	b := newWorkbench(a, a.NewWindow("Fanout"))
	b.applyTheme(a.Preferences().StringWithFallback(prefTheme, "system"))
	b.open(path)
	b.win.Resize(fyne.NewSize(1200, 760))
	b.win.ShowAndRun()
	return nil
}

func statusLine(doc views.ScenarioDoc) string {
	if n := len(doc.Problems); n > 0 {
		return views.Plural(n, "problem") + " in " + doc.Path
	}
	return "valid scenario — run it headless with: fanout run " + doc.RunArg
}
