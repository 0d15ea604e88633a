// Package views holds the workbench's Fyne screens. It reaches the engine, the scenario files and
// the run store only through the small types and interfaces it declares here; package main (app/)
// fills them from the concrete packages.
//
// Contract: every exported constructor must be called on the Fyne thread; background work hands
// results over with fyne.Do. No package-level mutable state: each screen owns its widgets.
package views

// ScenarioDoc is what the overview screen shows of an open scenario. It is a plain snapshot:
// the screen never reaches back into the scenario.
type ScenarioDoc struct {
	Name        string    // scenario name from the file, or the file name when it cannot be read
	Path        string    // the file it came from ("" for an unsaved scenario)
	RunArg      string    // how `fanout run` names it: the path, or shipped:NAME
	Description string    // free text from the file
	Facts       []Fact    // short key/value facts: seed, duration, dialect, …
	Root        []Node    // the structure: buses, rules with their targets, functions, queues, loads
	Problems    []Problem // validation problems; empty when the scenario is valid
}

// Fact is one labelled value of the overview's header.
type Fact struct{ Label, Value string }

// Node is one element of the structure tree: "rule csv-uploads" with its targets as children.
type Node struct {
	Kind     string // bus, rule, target, service, function, queue, load, section
	Label    string // the element's name
	Detail   string // a one-line summary shown beside the name
	Children []Node
}

// Problem is one validation problem, located in the file.
type Problem struct {
	Where string // "csv-upload-fanout.yaml:12:5"
	Msg   string
}
