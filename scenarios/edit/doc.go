// Package edit is the editable scenario document behind the workbench's editors.
//
// A Doc holds the YAML text of one scenario. Every edit (Set, Append, Insert, Delete, Rename)
// changes only the bytes of the node it addresses: the rest of the file — comments, blank
// lines, key order, quoting and alignment — stays byte for byte as the user wrote it. The goccy
// AST locates nodes (by line and column); the new value is marshalled by goccy, laid out in
// the style of the shipped scenarios (in flow style when it replaces a flow value) and
// spliced into the text. Printing the AST back would lose the alignment of trailing
// comments, so the text is never re-printed. After every edit the text is parsed again and
// its data compared with the intended result, so an edit either does exactly what it says
// or is refused with an error and leaves the document unchanged. docs/editing.md describes
// what is and is not preserved.
//
// Every accepted edit re-runs scenarios.Parse: Diagnostics are the problems of the current
// text. An edit that leaves the scenario invalid (a bad memory size, a dangling reference) is
// accepted — the user is mid-way through a change — and its problems show in Diagnostics;
// only an edit that would make the YAML unparseable is refused.
//
// Undo and Redo restore exact text snapshots. OnChange callbacks run after every edit, undo
// and redo. Save writes the text atomically; WriteRecovery keeps a crash copy that
// Recoveries finds again.
package edit

import (
	"errors"
	"fmt"

	"github.com/fanout/fanout/scenarios"
)

// maxHistory bounds the undo stack (each entry is one text snapshot).
const maxHistory = 500

// Doc is one editable scenario document. It is not safe for concurrent use: the GUI uses it
// from its own goroutine.
type Doc struct {
	name     string
	readFile func(string) ([]byte, error)
	text     []byte
	sc       *scenarios.Scenario
	diags    scenarios.Diagnostics
	undo     [][]byte
	redo     [][]byte
	saved    []byte // the text last saved or opened; Dirty compares with it
	onChange []func()
	parsed   *text  // the parse of a recent text, reused by the next edit when still current
	typing   string // the path of the last SetTyping, "" after any other change
}

// Open makes a Doc of the scenario text src read from the file name (used in diagnostics).
// readFile reads files the scenario refers to (nil: none). The error is non-nil only when src
// is not YAML that can be edited (it does not parse, or its body is not a mapping); a
// scenario with validation problems opens fine and lists them in Diagnostics.
func Open(name string, src []byte, readFile func(string) ([]byte, error)) (*Doc, error) {
	if _, err := parseText(src); err != nil {
		return nil, fmt.Errorf("open scenario %s: %w", name, err)
	}
	d := &Doc{name: name, readFile: readFile, text: clone(src), saved: clone(src)}
	d.revalidate()
	return d, nil
}

// New makes a Doc holding a minimal valid scenario: version 1 and the given name. The
// document is dirty (it has never been saved).
func New(name string) *Doc {
	src := []byte(fmt.Sprintf("version: 1\nname: %s\n", quoteScalar(name)))
	d, err := Open(name+".yaml", src, nil)
	if err != nil { // cannot happen: quoteScalar always yields a valid scalar
		panic(err)
	}
	d.saved = nil
	return d
}

// Name returns the file name the document was opened with.
func (d *Doc) Name() string { return d.name }

// Text returns a copy of the current YAML text.
func (d *Doc) Text() []byte { return clone(d.text) }

// Scenario returns the current decoding of the text: best effort when Diagnostics is not
// empty, nil only if the text holds no decodable scenario. Callers must not modify it.
func (d *Doc) Scenario() *scenarios.Scenario { return d.sc }

// Diagnostics returns the problems of the current text (empty when it validates).
func (d *Doc) Diagnostics() scenarios.Diagnostics { return d.diags }

// OnChange registers f to be called after every edit, undo and redo (on the caller's
// goroutine, after the document has changed).
func (d *Doc) OnChange(f func()) { d.onChange = append(d.onChange, f) }

// Dirty reports whether the text differs from what was last opened or saved.
func (d *Doc) Dirty() bool { return d.saved == nil || string(d.saved) != string(d.text) }

// CanUndo reports whether Undo has an edit to undo.
func (d *Doc) CanUndo() bool { return len(d.undo) > 0 }

// CanRedo reports whether Redo has an undone edit to redo.
func (d *Doc) CanRedo() bool { return len(d.redo) > 0 }

// Undo restores the text before the last edit; false when there is nothing to undo.
func (d *Doc) Undo() bool {
	if len(d.undo) == 0 {
		return false
	}
	prev := d.undo[len(d.undo)-1]
	d.undo, d.typing = d.undo[:len(d.undo)-1], ""
	d.redo = append(d.redo, d.text)
	d.replace(prev)
	return true
}

// Redo re-applies the last undone edit; false when there is nothing to redo.
func (d *Doc) Redo() bool {
	if len(d.redo) == 0 {
		return false
	}
	next := d.redo[len(d.redo)-1]
	d.redo, d.typing = d.redo[:len(d.redo)-1], ""
	d.undo = append(d.undo, d.text)
	d.replace(next)
	return true
}

// commit makes text the current text as one undoable edit. An edit that changes nothing is
// not recorded and notifies no one.
func (d *Doc) commit(text []byte) {
	d.typing = ""
	if string(text) == string(d.text) {
		return
	}
	d.undo = append(d.undo, d.text)
	if len(d.undo) > maxHistory {
		d.undo = d.undo[len(d.undo)-maxHistory:]
	}
	d.redo = nil
	d.replace(text)
}

// replace sets the text, re-validates it and notifies the listeners.
func (d *Doc) replace(text []byte) {
	d.text = text
	d.revalidate()
	d.notify()
}

// notify calls the change listeners.
func (d *Doc) notify() {
	for _, f := range d.onChange {
		f()
	}
}

// revalidate decodes and validates the current text.
func (d *Doc) revalidate() {
	sc, err := scenarios.Parse(d.name, d.text, d.readFile)
	d.sc, d.diags = sc, nil
	var ds scenarios.Diagnostics
	switch {
	case errors.As(err, &ds):
		d.diags = ds
	case err != nil:
		d.diags = scenarios.Diagnostics{{File: d.name, Msg: err.Error()}}
	}
}

func clone(b []byte) []byte { return append([]byte(nil), b...) }
