package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/fanout/fanout/app/cli"
	"github.com/fanout/fanout/engine/world"
	"github.com/fanout/fanout/scenarios"
	"github.com/fanout/fanout/scenarios/edit"
	"github.com/fanout/fanout/views"
)

// session is one open scenario: its editable document (nil when the file is not even YAML),
// where it came from, and the screens that follow it.
type session struct {
	path     string // a file, or shipped:NAME
	shown    string // how the overview names it
	doc      *edit.Doc
	readErr  error // why there is no document
	readFile func(string) ([]byte, error)
	overview *fyne.Container // the Overview screen, rebuilt on every change
	onChange []func()
}

// openSession reads the scenario at path ("" is the shipped default scenario).
func openSession(path string) *session {
	if path == "" {
		path = cli.ShippedPrefix + scenarios.DefaultName
	}
	s := &session{path: path, shown: path, overview: container.NewStack()}
	var src []byte
	if name, ok := cli.ShippedName(path); ok {
		s.shown = "scenarios/" + name + ".yaml"
		src, s.readErr = scenarios.ShippedSource(name)
		s.readFile = func(string) ([]byte, error) { return nil, errors.New("shipped scenarios read no files") }
	} else {
		src, s.readErr = os.ReadFile(path)
		dir := filepath.Dir(path)
		s.readFile = func(name string) ([]byte, error) {
			if !filepath.IsAbs(name) {
				name = filepath.Join(dir, name)
			}
			return os.ReadFile(name)
		}
	}
	if s.readErr == nil {
		s.doc, s.readErr = edit.Open(s.shown, src, s.readFile)
	}
	s.adopt()
	return s
}

// sessionOf wraps a document restored from a recovery file.
func sessionOf(doc *edit.Doc, path string) *session {
	s := &session{path: path, shown: doc.Name(), doc: doc, overview: container.NewStack(),
		readFile: func(string) ([]byte, error) { return nil, errors.New("a recovered scenario reads no files") }}
	s.adopt()
	return s
}

// adopt builds the overview and follows the document's changes.
func (s *session) adopt() {
	s.refreshOverview()
	if s.doc != nil {
		s.doc.OnChange(s.changed)
	}
}

// changed follows an edit, an undo or a redo.
func (s *session) changed() {
	s.refreshOverview()
	for _, f := range s.onChange {
		f()
	}
}

// follow registers f to run after every change of the document.
func (s *session) follow(f func()) { s.onChange = append(s.onChange, f) }

// viewDoc is what the overview shows now.
func (s *session) viewDoc() views.ScenarioDoc {
	if s.doc == nil {
		doc := scenarioDoc(s.shown, nil, s.readErr)
		doc.RunArg = s.path
		return doc
	}
	var diags error
	if d := s.doc.Diagnostics(); len(d) > 0 {
		diags = d
	}
	doc := scenarioDoc(s.shown, s.doc.Scenario(), diags)
	doc.RunArg = s.path
	return doc
}

func (s *session) refreshOverview() {
	s.overview.Objects = []fyne.CanvasObject{views.NewOverview(s.viewDoc()).Content()}
	s.overview.Refresh()
}

// config is the run configuration of the document as it is now; an error when it has problems.
func (s *session) config() (world.Config, error) {
	if s.doc == nil {
		return world.Config{}, fmt.Errorf("%s cannot be read: %v", s.shown, s.readErr)
	}
	if d := s.doc.Diagnostics(); len(d) > 0 {
		return world.Config{}, fmt.Errorf("%s has %s; fix them to run it", s.shown, views.Plural(len(d), "problem"))
	}
	return cli.WorldConfig(s.doc.Scenario(), s.readFile)
}

// name is the scenario's name for the title bar, with a mark when there are unsaved changes.
func (s *session) name() string {
	n := s.viewDoc().Name
	if s.doc != nil && s.doc.Dirty() {
		n = "● " + n
	}
	return n
}

// savePath is the file Save writes: none for a shipped scenario (Save asks for one).
func (s *session) savePath() string {
	if strings.HasPrefix(s.path, cli.ShippedPrefix) {
		return ""
	}
	return s.path
}
