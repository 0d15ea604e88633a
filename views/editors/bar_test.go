package editors

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fanout/fanout/scenarios"
	"github.com/fanout/fanout/scenarios/edit"
)

func TestBarShortcutsAndSave(t *testing.T) {
	test.NewTempApp(t)
	doc := openShipped(t, "fifo-vs-parallel")
	dir := t.TempDir()
	KeepRecovery(doc, dir, func(err error) { t.Error(err) })
	b := NewBar(doc, nil)
	b.Path = filepath.Join(dir, "s.yaml")
	b.RecoveryDir = dir
	saved := ""
	b.OnSaved = func(p string) { saved = p }
	w := test.NewWindow(b.Content())
	defer w.Close()
	b.AddShortcuts(w.Canvas())
	press := func(s fyne.Shortcut) { w.Canvas().(fyne.Shortcutable).TypedShortcut(s) }

	if !b.undo.Disabled() || !b.saveBt.Disabled() || b.state.Text != "saved" {
		t.Fatal("a fresh document: undo and save disabled, state saved")
	}
	orig := string(doc.Text())
	if err := doc.Set("seed", 99); err != nil {
		t.Fatal(err)
	}
	edited := string(doc.Text())
	if b.undo.Disabled() || b.saveBt.Disabled() || b.state.Text != "● unsaved" {
		t.Fatalf("after an edit: state %q", b.state.Text)
	}
	if rs, _ := edit.Recoveries(dir); len(rs) != 1 {
		t.Fatal("the change did not write a recovery copy")
	}
	press(ShortcutUndo)
	if string(doc.Text()) != orig || b.redo.Disabled() {
		t.Fatal("Ctrl+Z did not undo")
	}
	press(ShortcutRedo)
	if string(doc.Text()) != edited {
		t.Fatal("Ctrl+Shift+Z did not redo")
	}
	press(ShortcutSave)
	got, err := os.ReadFile(b.Path)
	if err != nil || string(got) != edited || saved != b.Path || doc.Dirty() || b.state.Text != "saved" {
		t.Fatalf("Ctrl+S: %v, dirty %v, state %q", err, doc.Dirty(), b.state.Text)
	}
	if _, err := scenarios.Load(b.Path); err != nil {
		t.Fatalf("the saved file does not validate: %v", err)
	}
	if rs, _ := edit.Recoveries(dir); len(rs) != 0 {
		t.Fatal("saving must remove the recovery copy")
	}
	_ = doc.Set("settings.put_events_max_entries", 99)
	if b.state.Text != "● unsaved · 1 problem" {
		t.Fatalf("state %q", b.state.Text)
	}
}

func TestRecoveryPrompt(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	a := openShipped(t, "csv-upload-fanout")
	b := openShipped(t, "retries-and-dlq")
	for _, d := range []*edit.Doc{a, b} {
		KeepRecovery(d, dir, nil)
		if err := d.Set("description", "unsaved work of "+d.Name()); err != nil {
			t.Fatal(err)
		}
	}
	wantText := map[string]string{a.Name(): string(a.Text()), b.Name(): string(b.Text())}
	a, b = nil, nil // the crash

	w := test.NewWindow(widget.NewLabel("workbench"))
	defer w.Close()
	w.Resize(fyne.NewSize(800, 600))
	var restored []*edit.Doc
	p, err := ShowRecoveryPrompt(dir, w, nil, func(d *edit.Doc) { restored = append(restored, d) })
	if err != nil || p == nil || len(p.Items()) != 2 {
		t.Fatalf("prompt: %v, %v", p, err)
	}
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no dialog shown")
	}
	first := p.Items()[0].Name
	test.Tap(find(overlay, func(b *widget.Button) bool { return b.Text == "Restore" }))
	if len(restored) != 1 || string(restored[0].Text()) != wantText[first] || !restored[0].Dirty() {
		t.Fatal("restore did not hand back the unsaved document")
	}
	test.Tap(find(overlay, func(b *widget.Button) bool { return b.Text == "Discard" }))
	if len(p.Items()) != 0 || w.Canvas().Overlays().Top() != nil {
		t.Fatal("the prompt must close when every copy is handled")
	}
	if rs, _ := edit.Recoveries(dir); len(rs) != 1 || rs[0].Name != first {
		t.Fatalf("after discarding one: %v", rs)
	}
	if p, err := ShowRecoveryPrompt(t.TempDir(), w, nil, nil); p != nil || err != nil {
		t.Fatal("no recovery copies: no prompt")
	}
}
