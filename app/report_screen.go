package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/app/cli"
	"github.com/fanout/fanout/views/report"
)

// reportScreen exports the report of the run shown in the Events screen (the live run once it
// has finished, or a stored run opened from Runs): HTML, PDF, or the CSV/JSON data in a folder.
func (b *workbench) reportScreen() fyne.CanvasObject {
	which := widget.NewLabel("")
	which.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	current := func() (string, bool) {
		st := b.host.stores.st
		if st == nil {
			return "No run yet: run the scenario, or open a stored run from Runs.", false
		}
		return "Report of " + st.Path(), true
	}
	build := func() (report.Report, string, error) {
		st := b.host.stores.st
		if st == nil {
			return report.Report{}, "", fmt.Errorf("no run to report on")
		}
		r, err := cli.ReportOf(st)
		return r, strings.TrimSuffix(filepath.Base(st.Path()), ".db"), err
	}
	save := func(ext string, write func(report.Report, io.Writer) error) {
		r, name, err := build()
		if err != nil {
			dialog.ShowError(err, b.win)
			return
		}
		saveChart(b.win)(name+"-report"+ext, func(w io.Writer) error {
			if err := write(r, w); err != nil {
				return err
			}
			status.SetText("exported " + name + "-report" + ext)
			return nil
		})
	}
	html := widget.NewButton("Export HTML…", func() { save(".html", report.Report.WriteHTML) })
	pdf := widget.NewButton("Export PDF…", func() { save(".pdf", report.Report.WritePDF) })
	data := widget.NewButton("Export data (CSV, JSON)…", func() {
		r, _, err := build()
		if err != nil {
			dialog.ShowError(err, b.win)
			return
		}
		dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil || dir == nil {
				return
			}
			files, err := r.WriteData(dir.Path())
			if err != nil {
				dialog.ShowError(err, b.win)
				return
			}
			status.SetText(fmt.Sprintf("wrote %d files to %s", len(files), dir.Path()))
		}, b.win)
	})
	refresh := func() {
		text, ok := current()
		which.SetText(text)
		for _, btn := range []*widget.Button{html, pdf, data} {
			if ok {
				btn.Enable()
			} else {
				btn.Disable()
			}
		}
	}
	refresh()
	intro := widget.NewLabel("A self-contained report: the scenario, its configuration, the summary, " +
		"the expect results, every chart, cost per function and per rule, top errors and the dead letters " +
		"(docs/report.md). The same as `fanout report RUN.db`.")
	intro.Wrapping = fyne.TextWrapWord
	again := widget.NewButton("Refresh", refresh)
	return container.NewVBox(intro, which, container.NewHBox(html, pdf, data, again), status)
}
