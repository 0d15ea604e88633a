package main

import (
	"os"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/fanout/fanout/app/cli"
	"github.com/fanout/fanout/scenarios"
	"github.com/fanout/fanout/scenarios/edit"
	"github.com/fanout/fanout/views"
	"github.com/fanout/fanout/views/editors"
)

// openWorkbench opens the main window on the scenario at path ("" for the shipped default
// scenario, "shipped:NAME" for another shipped one) and returns when the window closes. An
// invalid scenario still opens: its problems are shown next to whatever structure could be read.
func openWorkbench(path string) error {
	a := fyneapp.NewWithID("io.github.fanout.workbench")
	b := newWorkbench(a, a.NewWindow("Fanout"))
	b.applyTheme(a.Preferences().StringWithFallback(prefTheme, "system"))
	b.open(path)
	// A scenario that was being edited when the workbench died is offered back.
	a.Lifecycle().SetOnStarted(func() {
		_, err := editors.ShowRecoveryPrompt(b.recoveryDir(), b.win, os.ReadFile, func(d *edit.Doc) {
			b.show(sessionOf(d, recoveredPath(d.Name())))
		})
		if err != nil {
			b.wb.SetStatus("recovery: " + err.Error())
		}
	})
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

// recoveredPath is where a recovered document belongs: a shipped scenario's copy (named
// scenarios/NAME.yaml when it was opened) stays shipped:NAME, so Save asks for a new file
// rather than overwriting the shipped one.
func recoveredPath(name string) string {
	if n, ok := strings.CutPrefix(name, "scenarios/"); ok {
		n = strings.TrimSuffix(n, ".yaml")
		if _, err := scenarios.ShippedSource(n); err == nil {
			return cli.ShippedPrefix + n
		}
	}
	return name
}
