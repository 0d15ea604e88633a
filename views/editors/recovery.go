package editors

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/scenarios/edit"
)

// RecoveryDoc is what keeping a recovery copy needs (*edit.Doc implements it).
type RecoveryDoc interface {
	WriteRecovery(dir string) error
	OnChange(f func())
}

// KeepRecovery writes doc's recovery copy into dir after every change (Bar.SaveTo removes
// it). Write errors go to onErr (nil: ignored).
func KeepRecovery(doc RecoveryDoc, dir string, onErr func(error)) {
	doc.OnChange(func() {
		if err := doc.WriteRecovery(dir); err != nil && onErr != nil {
			onErr(err)
		}
	})
}

// RecoveryPrompt lists the recovery copies a crash left in a directory and lets the user
// restore or discard each.
type RecoveryPrompt struct {
	dir      string
	readFile func(string) ([]byte, error)
	restore  func(*edit.Doc)
	items    []edit.Recovery
	list     *fyne.Container
	dlg      dialog.Dialog
}

// ShowRecoveryPrompt shows the prompt over win when dir holds recovery copies and returns
// it (nil when there are none). restore receives each document the user restores (dirty,
// named as the file it was opened from); readFile resolves the files it refers to.
func ShowRecoveryPrompt(dir string, win fyne.Window, readFile func(string) ([]byte, error), restore func(*edit.Doc)) (*RecoveryPrompt, error) {
	rs, err := edit.Recoveries(dir)
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	p := &RecoveryPrompt{dir: dir, readFile: readFile, restore: restore, items: rs, list: container.NewVBox()}
	intro := widget.NewLabel("Fanout closed before these scenarios were saved. Restore them to keep your changes, or discard them.")
	intro.Wrapping = fyne.TextWrapWord
	p.dlg = dialog.NewCustom("Recover unsaved scenarios", "Later", container.NewBorder(intro, nil, nil, nil, container.NewVScroll(p.list)), win)
	p.rebuild()
	p.dlg.Resize(fyne.NewSize(560, 320))
	p.dlg.Show()
	return p, nil
}

// Items are the recovery copies still offered.
func (p *RecoveryPrompt) Items() []edit.Recovery { return p.items }

// Restore opens item i, hands it to the restore callback and removes it from the list (its
// file stays until the document is saved).
func (p *RecoveryPrompt) Restore(i int) error {
	d, err := p.items[i].Open(p.readFile)
	if err != nil {
		return err
	}
	p.drop(i)
	p.restore(d)
	return nil
}

// Discard deletes item i's recovery file.
func (p *RecoveryPrompt) Discard(i int) error {
	if err := p.items[i].Discard(); err != nil {
		return err
	}
	p.drop(i)
	return nil
}

func (p *RecoveryPrompt) drop(i int) {
	p.items = append(p.items[:i], p.items[i+1:]...)
	p.rebuild()
	if len(p.items) == 0 {
		p.dlg.Hide()
	}
}

func (p *RecoveryPrompt) rebuild() {
	p.list.RemoveAll()
	for i, r := range p.items {
		name := widget.NewLabelWithStyle(r.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		when := widget.NewLabel("changed " + r.Saved.Local().Format("2006-01-02 15:04:05"))
		when.Importance = widget.LowImportance
		restore := widget.NewButton("Restore", func() { p.report(p.Restore(i)) })
		restore.Importance = widget.HighImportance
		discard := widget.NewButton("Discard", func() { p.report(p.Discard(i)) })
		p.list.Add(container.NewBorder(nil, nil, nil, container.NewHBox(discard, restore), container.NewVBox(name, when)))
	}
}

func (p *RecoveryPrompt) report(err error) {
	if err != nil {
		p.list.Add(widget.NewLabel(fmt.Sprintf("error: %v", err)))
	}
}
