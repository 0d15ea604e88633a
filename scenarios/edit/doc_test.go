package edit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fanout/fanout/scenarios"
)

func openShipped(t *testing.T, name string) *Doc {
	t.Helper()
	src, err := scenarios.ShippedSource(name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Open(name+".yaml", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func hasDiag(d *Doc, path string) bool {
	for _, x := range d.Diagnostics() {
		if x.Path == path {
			return true
		}
	}
	return false
}

func TestValidatesAsItEdits(t *testing.T) {
	d := openShipped(t, "csv-upload-fanout")
	changes := 0
	d.OnChange(func() { changes++ })
	const mem = "services[0].functions[1].memory"
	if err := d.Set(mem, "100MB"); err != nil {
		t.Fatal(err)
	}
	if !hasDiag(d, mem) {
		t.Fatalf("100MB memory: want a diagnostic at %s, got %v", mem, d.Diagnostics())
	}
	if err := d.Set(mem, "512MB"); err != nil {
		t.Fatal(err)
	}
	if len(d.Diagnostics()) != 0 {
		t.Fatalf("512MB: %v", d.Diagnostics())
	}
	if got := d.Scenario().Services[0].Functions[1].Memory.String(); got != "512MB" {
		t.Errorf("decoded memory %s", got)
	}
	if err := d.Set("rules[0].targets[2].dead_letter.queue", "nope"); err != nil {
		t.Fatal(err)
	}
	if len(d.Diagnostics()) == 0 {
		t.Error("a dangling dead-letter queue: want a diagnostic")
	}
	if changes != 3 {
		t.Errorf("OnChange called %d times, want 3", changes)
	}
}

func TestUndoRedoExact(t *testing.T) {
	d := openShipped(t, "retries-and-dlq")
	texts := []string{string(d.Text())}
	edits := []func() error{
		func() error { return d.Set("seed", 7) },
		func() error { return d.Set("description", "changed") },
		func() error { return d.Append("buses", map[string]any{"name": "extra"}) },
		func() error { return d.Delete("expect[0]") },
		func() error { return d.Rename("queue", d.Scenario().Queues[0].Name, "renamed-q") },
	}
	for i, e := range edits {
		if err := e(); err != nil {
			t.Fatalf("edit %d: %v", i, err)
		}
		texts = append(texts, string(d.Text()))
	}
	if !d.Dirty() || d.CanRedo() {
		t.Fatal("after edits: want dirty, nothing to redo")
	}
	for i := len(texts) - 2; i >= 0; i-- {
		if !d.Undo() || string(d.Text()) != texts[i] {
			t.Fatalf("undo to %d: text differs", i)
		}
	}
	if d.Undo() || d.CanUndo() || d.Dirty() {
		t.Fatal("all undone: want nothing more to undo and a clean document")
	}
	for i := 1; i < len(texts); i++ {
		if !d.Redo() || string(d.Text()) != texts[i] {
			t.Fatalf("redo to %d: text differs", i)
		}
	}
	if d.Redo() {
		t.Fatal("redo past the end")
	}
	d.Undo()
	if err := d.Set("seed", 9); err != nil || d.CanRedo() {
		t.Fatal("a new edit must clear the redo stack")
	}
}

func TestRefusedEditLeavesDocUnchanged(t *testing.T) {
	d := openShipped(t, "csv-upload-fanout")
	before := string(d.Text())
	called := false
	d.OnChange(func() { called = true })
	for _, err := range []error{
		d.Set("loads[0].events[1].params.bucket", "x"), // through the alias *object
		d.Set("rules[9].name", "x"),
		d.Set("name.first", "x"),
		d.Delete("nothing"),
		d.Rename("bus", "default", "other"),
		d.Rename("rule", "no-such-rule", "x"),
		d.Rename("kind", "a", "b"),
	} {
		if err == nil {
			t.Error("want an error")
		}
	}
	if string(d.Text()) != before || d.CanUndo() || called || d.Dirty() {
		t.Fatal("a refused edit changed the document")
	}
}

func TestNewValidates(t *testing.T) {
	d := New("my scenario")
	if len(d.Diagnostics()) != 0 {
		t.Fatalf("New: %v", d.Diagnostics())
	}
	if d.Scenario().Name != "my scenario" || !d.Dirty() {
		t.Fatalf("New: name %q dirty %v", d.Scenario().Name, d.Dirty())
	}
	if err := d.Append("buses", map[string]any{"name": "orders"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(d.Text()), "buses:\n  - name: orders\n") {
		t.Fatalf("text:\n%s", d.Text())
	}
}

func TestSave(t *testing.T) {
	d := openShipped(t, "fifo-vs-parallel")
	if d.Dirty() {
		t.Fatal("a just-opened document is clean")
	}
	if err := d.Set("duration", "17m"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "s.yaml")
	if err := d.Save(path); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if string(b) != string(d.Text()) || d.Dirty() {
		t.Fatal("saved text differs or document still dirty")
	}
	sc, err := scenarios.Load(path) // what `fanout validate` runs
	if err != nil || sc.Duration.D().Minutes() != 17 {
		t.Fatalf("saved file: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("temporary files left: %v", entries)
	}
	d.Undo()
	if !d.Dirty() {
		t.Fatal("undo after save: want dirty")
	}
	if err := d.Save(filepath.Join(t.TempDir(), "missing", "s.yaml")); err == nil {
		t.Fatal("save into a missing directory: want an error")
	}
}

func shippedSrc(name string) ([]byte, error) { return scenarios.ShippedSource(name) }

func TestSetTypingIsOneUndoStep(t *testing.T) {
	d := openShipped(t, "csv-upload-fanout")
	orig := string(d.Text())
	if err := d.Set("seed", 1); err != nil {
		t.Fatal(err)
	}
	afterSeed := string(d.Text())
	for _, v := range []string{"5", "51", "512", "512M", "512MB"} {
		if err := d.SetTyping("services[0].functions[1].memory", v); err != nil {
			t.Fatal(err)
		}
	}
	if v, ok := d.Get("services[0].functions[1].memory"); !ok || v != "512MB" {
		t.Fatalf("Get memory = %v, %v", v, ok)
	}
	if !d.Undo() || string(d.Text()) != afterSeed {
		t.Fatal("one undo must remove the whole typing")
	}
	if !d.Undo() || string(d.Text()) != orig {
		t.Fatal("the edit before the typing is its own step")
	}
	// typing back to the start leaves no step
	for _, v := range []string{"256MBx", "256MB"} {
		if err := d.SetTyping("services[0].functions[1].memory", v); err != nil {
			t.Fatal(err)
		}
	}
	if string(d.Text()) != orig || d.CanUndo() {
		t.Fatal("typing back to the original text must leave nothing to undo")
	}
	// another path starts a new step
	_ = d.SetTyping("seed", 3)
	_ = d.SetTyping("description", "x")
	d.Undo()
	if v, _ := d.Get("seed"); v != uint64(3) {
		t.Fatalf("seed = %#v after undoing the description only", v)
	}
	if _, ok := d.Get("nothing.here"); ok {
		t.Fatal("Get of a missing path")
	}
}
