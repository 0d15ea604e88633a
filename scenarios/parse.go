package scenarios

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/fanout/fanout/engine/field"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// Load reads and parses the scenario file at path. Files the scenario refers to (replay
// traces) are read relative to its directory.
func Load(path string) (*Scenario, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load scenario %s: %w", path, err)
	}
	dir := filepath.Dir(path)
	return Parse(path, src, func(name string) ([]byte, error) {
		if !filepath.IsAbs(name) {
			name = filepath.Join(dir, name)
		}
		return os.ReadFile(name)
	})
}

// Parse decodes and validates the scenario src, read from the file name (used in diagnostics
// and for the default scenario name). readFile reads files the scenario refers to (nil: none
// can be read). The error, if any, is a Diagnostics list holding every problem found; the
// returned Scenario is then a best-effort decoding (nil only when the YAML itself does not
// parse), so a GUI can still show its structure next to the errors.
func Parse(name string, src []byte, readFile func(string) ([]byte, error)) (*Scenario, error) {
	p := &parse{file: name, readFile: readFile, pos: positions{}}
	sc := p.run(src)
	if len(p.diags) > 0 {
		return sc, p.diags.sortDedupe()
	}
	return sc, nil
}

// parse holds the state of one Parse call.
type parse struct {
	file     string
	readFile func(string) ([]byte, error)
	pos      positions
	diags    Diagnostics
	failed   map[string]bool // paths that did not decode: their validation errors are noise
}

func (p *parse) report(at pos, path, msg string) {
	p.diags = append(p.diags, Diagnostic{File: p.file, Line: at.line, Col: at.col, Path: path, Msg: msg})
}

// reportPath reports msg at the position of path (or its nearest written parent), unless path
// or a parent of it already failed to decode.
func (p *parse) reportPath(path, msg string) {
	for q := path; q != ""; q = parentPath(q) {
		if p.failed[q] {
			return
		}
	}
	p.report(p.pos.lookup(path), path, msg)
}

func (p *parse) run(src []byte) *Scenario {
	body, ok := p.document(src)
	if !ok {
		return nil
	}
	p.pos.index(body, "", nodePos(body))
	sc := &Scenario{}
	d := &decoder{report: p.report, anchors: map[string]ast.Node{}, failed: map[string]bool{}}
	collectAnchors(body, d.anchors, 0)
	e := &expander{anchors: d.anchors, memo: map[ast.Node]int{}}
	if e.size(body, 0) >= maxExpanded {
		at := nodePos(body)
		if e.culprit != nil {
			at = nodePos(e.culprit)
		}
		p.report(at, "", fmt.Sprintf("the document expands to more than %d values through aliases; use fewer nested aliases", maxExpanded))
		return nil
	}
	d.value(body, reflect.ValueOf(sc).Elem(), "", 0)
	p.failed = d.failed
	p.validate(sc)
	sc.applyDefaults(baseName(p.file))
	return sc
}

// document parses src and returns the single document's body.
func (p *parse) document(src []byte) (ast.Node, bool) {
	f, err := parser.ParseBytes(src, 0, parser.AllowDuplicateMapKey())
	if err != nil {
		at, msg := pos{1, 1}, err.Error()
		var ye yaml.Error
		if errors.As(err, &ye) {
			msg = ye.GetMessage()
			if tp := tokenPos(ye.GetToken()); tp.line > 0 {
				at = tp
			}
		}
		p.report(at, "", "invalid YAML: "+firstLine(msg))
		return nil, false
	}
	var docs []ast.Node
	for _, doc := range f.Docs {
		if doc != nil && doc.Body != nil {
			docs = append(docs, doc.Body)
		}
	}
	switch {
	case len(docs) == 0:
		p.report(pos{1, 1}, "", "empty scenario: want a mapping starting with version: 1")
		return nil, false
	case len(docs) > 1:
		p.report(nodePos(docs[1]), "", "a scenario file holds one YAML document; remove the extra ---")
	}
	body := docs[0]
	if _, ok := field.YAMLPairs(unwrap(body)); !ok {
		p.report(nodePos(body), "", "want a mapping with version, name, buses, rules, ..., got "+kindName(unwrap(body)))
		return nil, false
	}
	return body, true
}

// baseName is the file name without directory and extension.
func baseName(file string) string {
	b := filepath.Base(file)
	return strings.TrimSuffix(b, filepath.Ext(b))
}
