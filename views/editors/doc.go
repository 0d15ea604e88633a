// Package editors holds the workbench's form editors for a bus, a queue or topic and the
// scenario's metadata, and the glue every editing screen shares: the undo/redo/save bar with
// its shortcuts (Ctrl+Z, Ctrl+Shift+Z, Ctrl+S), the recovery file written on every change,
// and the prompt that offers recovery files back after a crash.
//
// Forms validate as the user types. A value that does not parse as the field's type (letters
// in a number, "10 parsecs" as a duration) is not applied: the document is unchanged and the
// error shows under the field. A value of the right type is applied at once through the
// document (one undo step per field typed into) and the document's own diagnostics for that
// field — a memory that is not a multiple of 64 MB, a consumer function that does not exist —
// show under it. The element's name is applied on Enter, as a rename that updates every
// reference. Constructors must be called on the Fyne thread; the document must be changed on
// the Fyne thread too. No package-level mutable state.
package editors

import "github.com/fanout/fanout/scenarios"

// Doc is what the editors need of the open scenario document (*edit.Doc implements it).
type Doc interface {
	Scenario() *scenarios.Scenario
	Diagnostics() scenarios.Diagnostics
	// Get returns the value written at a path, false when the file leaves it out.
	Get(path string) (any, bool)
	Set(path string, value any) error
	// SetTyping is Set, merged into one undo step while the same field is typed into.
	SetTyping(path string, value any) error
	Append(listPath string, value any) error
	Delete(path string) error
	Rename(kind, old, new string) error
	OnChange(f func())
}
