package editors

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/scenarios"
)

// BarDoc is what the undo/redo/save bar needs of the document (*edit.Doc implements it).
type BarDoc interface {
	Undo() bool
	Redo() bool
	CanUndo() bool
	CanRedo() bool
	Dirty() bool
	Save(path string) error
	RemoveRecovery(dir string) error
	Diagnostics() scenarios.Diagnostics
	OnChange(f func())
}

// Bar is the undo, redo and save buttons with the document's state ("unsaved", "3
// problems"), for the app's toolbar.
type Bar struct {
	doc                BarDoc
	win                fyne.Window
	undo, redo, saveBt *widget.Button
	state              *widget.Label
	content            fyne.CanvasObject
	// Path is the file Save writes; empty asks for one (Save As).
	Path string
	// RecoveryDir, when set, holds the document's recovery copy: a save removes it.
	RecoveryDir string
	// OnSaved, when set, is called after a save with the path written.
	OnSaved func(path string)
}

// Shortcuts of the bar.
var (
	ShortcutUndo = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault}
	ShortcutRedo = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	ShortcutSave = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
)

// NewBar builds the bar of doc; win parents its dialogs.
func NewBar(doc BarDoc, win fyne.Window) *Bar {
	b := &Bar{doc: doc, win: win, state: widget.NewLabel("")}
	b.undo = widget.NewButtonWithIcon("", theme.ContentUndoIcon(), b.Undo)
	b.redo = widget.NewButtonWithIcon("", theme.ContentRedoIcon(), b.Redo)
	b.saveBt = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), b.Save)
	b.state.Importance = widget.LowImportance
	b.content = container.NewHBox(b.undo, b.redo, b.saveBt, b.state)
	doc.OnChange(b.Refresh)
	b.Refresh()
	return b
}

// Content is the bar's root object.
func (b *Bar) Content() fyne.CanvasObject { return b.content }

// AddShortcuts registers Ctrl+Z (undo), Ctrl+Shift+Z (redo) and Ctrl+S (save) on c
// (Cmd on macOS).
func (b *Bar) AddShortcuts(c fyne.Canvas) {
	c.AddShortcut(ShortcutUndo, func(fyne.Shortcut) { b.Undo() })
	c.AddShortcut(ShortcutRedo, func(fyne.Shortcut) { b.Redo() })
	c.AddShortcut(ShortcutSave, func(fyne.Shortcut) { b.Save() })
}

// Refresh updates the buttons and the state text from the document.
func (b *Bar) Refresh() {
	enable(b.undo, b.doc.CanUndo())
	enable(b.redo, b.doc.CanRedo())
	enable(b.saveBt, b.doc.Dirty())
	text := "saved"
	if b.doc.Dirty() {
		text = "● unsaved"
	}
	if n := len(b.doc.Diagnostics()); n == 1 {
		text += " · 1 problem"
	} else if n > 1 {
		text += fmt.Sprintf(" · %d problems", n)
	}
	b.state.SetText(text)
}

func enable(w *widget.Button, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// Undo undoes the last edit.
func (b *Bar) Undo() { b.doc.Undo() }

// Redo redoes the last undone edit.
func (b *Bar) Redo() { b.doc.Redo() }

// Save writes the document to Path, asking for a path when there is none, and for a
// confirmation when the scenario has problems (`fanout validate` would reject the file).
func (b *Bar) Save() {
	if b.win == nil {
		b.report(b.SaveTo(b.Path))
		return
	}
	write := func() {
		if b.Path != "" {
			b.report(b.SaveTo(b.Path))
			return
		}
		dialog.ShowFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				b.report(err)
				return
			}
			path := w.URI().Path()
			_ = w.Close()
			b.report(b.SaveTo(path))
		}, b.win)
	}
	if n := len(b.doc.Diagnostics()); n > 0 {
		dialog.ShowConfirm("Save with problems?",
			fmt.Sprintf("The scenario has %d problems: fanout validate and runs will reject the file until they are fixed. Save anyway?", n),
			func(ok bool) {
				if ok {
					write()
				}
			}, b.win)
		return
	}
	write()
}

// SaveTo writes the document to path, makes it the bar's Path, and removes the recovery copy.
func (b *Bar) SaveTo(path string) error {
	if path == "" {
		return fmt.Errorf("save: no file chosen")
	}
	if err := b.doc.Save(path); err != nil {
		return err
	}
	b.Path = path
	if b.RecoveryDir != "" {
		if err := b.doc.RemoveRecovery(b.RecoveryDir); err != nil {
			return err
		}
	}
	b.Refresh()
	if b.OnSaved != nil {
		b.OnSaved(path)
	}
	return nil
}

func (b *Bar) report(err error) {
	if err != nil && b.win != nil {
		dialog.ShowError(err, b.win)
	}
}
