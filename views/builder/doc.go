// Package builder holds the workbench's visual editors: the rule builder (pattern by clicks on
// a sample event, live verdict, lint and match-rate preview, targets), the transformer editor,
// the function editor (memory slider and the handler model's prediction) and the load designer
// (arrival process with its rate curve, template preview).
//
// Each editor is a type with Content(). Editors read the open scenario and write their edits
// through Doc, the slice of scenarios/edit.Doc they use, so every change is validated,
// undoable and keeps the file's comments. Constructors must be called on the Fyne thread;
// previews that take more than a few milliseconds run on a goroutine and hand their results
// back with fyne.Do. No package-level mutable state.
package builder

import (
	"sync"

	"fyne.io/fyne/v2"
	"github.com/fanout/fanout/scenarios"
)

// Doc is what the editors need of the open scenario document (*edit.Doc implements it).
type Doc interface {
	// Scenario is the current decoding of the document (nil when none).
	Scenario() *scenarios.Scenario
	// Set replaces the value at a path such as "rules[0].pattern".
	Set(path string, value any) error
	// Append adds value to the end of the list at listPath.
	Append(listPath string, value any) error
	// Delete removes the list item or key at path.
	Delete(path string) error
}

// Env is what the editors need from the app besides the document.
type Env struct {
	// Billing prices function invocations (nil prices: durations only, no money).
	Billing Billing
	// Run gives sample events of a stored run; nil hides that source.
	Run RunEvents
	// ReadFile resolves replay files of loads; nil: replays cannot be previewed.
	ReadFile func(string) ([]byte, error)
	// Generated is the number of events per load in the match-rate preview. Default 5000.
	Generated int
	// Sync computes previews on the calling goroutine instead of a background one (headless
	// use and tests under the Fyne test driver, whose fyne.Do does not serialise); the GUI
	// leaves it false.
	Sync bool
}

func (e Env) generated() int {
	if e.Generated <= 0 {
		return 5000
	}
	return e.Generated
}

// worker runs previews off the Fyne thread. Only the latest request's result is delivered.
type worker struct {
	sync    bool // run inline (Env.Sync)
	mu      sync.Mutex
	gen     int
	pending sync.WaitGroup
}

// run computes work on a goroutine and hands its result to apply on the Fyne thread, unless
// a newer request was made meanwhile.
func run[T any](w *worker, work func() T, apply func(T)) {
	if w.sync {
		apply(work())
		return
	}
	w.mu.Lock()
	w.gen++
	gen := w.gen
	w.mu.Unlock()
	w.pending.Add(1)
	go func() {
		defer w.pending.Done()
		res := work()
		fyne.DoAndWait(func() {
			w.mu.Lock()
			latest := gen == w.gen
			w.mu.Unlock()
			if latest {
				apply(res)
			}
		})
	}()
}

// Wait blocks until every preview requested so far has been delivered (tests use it; never
// call it on the Fyne thread).
func (w *worker) Wait() { w.pending.Wait() }
