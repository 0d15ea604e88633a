package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/app/cli"
	"github.com/fanout/fanout/scenarios"
)

// showShipped lists the shipped scenarios with their descriptions; choosing one opens it.
func (b *workbench) showShipped() {
	list := scenarios.Shipped()
	desc := widget.NewLabel("Each shipped scenario shows one lesson; pick one to read what it is about.")
	desc.Wrapping = fyne.TextWrapWord
	chosen := -1
	names := widget.NewList(
		func() int { return len(list) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(list[i].Name) })
	var d *dialog.CustomDialog
	open := widget.NewButton("Open", func() {
		if chosen >= 0 {
			d.Hide()
			b.open(cli.ShippedPrefix + list[chosen].Name)
		}
	})
	open.Importance = widget.HighImportance
	open.Disable()
	names.OnSelected = func(i widget.ListItemID) {
		chosen = i
		desc.SetText(list[i].Description)
		open.Enable()
	}
	body := container.NewHSplit(names, container.NewVScroll(desc))
	body.Offset = 0.35
	d = dialog.NewCustom("Shipped scenarios", "Cancel", container.NewBorder(nil, open, nil, nil, body), b.win)
	d.Resize(fyne.NewSize(760, 420))
	d.Show()
}
