// Package engine_test enforces the house rules of DESIGN.md §4 on every engine package:
// no GUI, database or plotting imports, no file or network I/O, no wall clock, no goroutines,
// and lower layers never importing higher ones.
package engine_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/fanout/fanout"

// forbiddenDeps are import-path prefixes no engine package may depend on, even indirectly.
var forbiddenDeps = []string{"fyne.io/", "database/sql", "github.com/mattn/go-sqlite3", "gonum.org/v1/plot"}

// forbiddenImports may not be imported directly by engine code (file, process and network I/O).
var forbiddenImports = map[string]bool{
	"os": true, "os/exec": true, "io/ioutil": true, "net/http": true, "syscall": true, "io/fs": true,
}

// forbiddenCalls read the wall clock or sleep.
var forbiddenCalls = map[string]bool{
	"Now": true, "Sleep": true, "After": true, "Tick": true, "NewTimer": true, "NewTicker": true,
	"Since": true, "Until": true, "AfterFunc": true,
}

// layer ranks the engine packages (DESIGN.md §4 rule 2): a package may import only packages of a
// strictly lower rank. field holds shared spec helpers and sits with sim at the bottom.
var layer = map[string]int{
	"field": 0, "sim": 0, "event": 1, "pattern": 2, "transform": 2, "obs": 2,
	"delivery": 3, "fc": 4, "bus": 5, "load": 6, "world": 7,
}

func TestEngineDependencies(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "./...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, bad := range forbiddenDeps {
			if strings.HasPrefix(dep, bad) {
				t.Errorf("engine depends on %s (DESIGN.md §4 rule 1)", dep)
			}
		}
	}
}

func TestEngineSourceRules(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		checkFile(t, fset, path, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func checkFile(t *testing.T, fset *token.FileSet, path string, f *ast.File) {
	pkg := strings.Split(filepath.ToSlash(path), "/")[0]
	rank, known := layer[pkg]
	if !known {
		t.Errorf("%s: engine package %q has no layer in rules_test.go: add it", path, pkg)
	}
	timeName := ""
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if forbiddenImports[p] {
			t.Errorf("%s: imports %q: the engine does no file, process or network I/O", path, p)
		}
		if p == "time" {
			timeName = "time"
			if imp.Name != nil {
				timeName = imp.Name.Name
			}
		}
		if rest, ok := strings.CutPrefix(p, module+"/engine/"); ok {
			other := strings.Split(rest, "/")[0]
			if r, ok := layer[other]; ok && other != pkg && r >= rank {
				t.Errorf("%s: %s imports %s, which is not below it (DESIGN.md §4 rule 2)", path, pkg, other)
			}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			t.Errorf("%s: starts a goroutine: the engine is single-threaded", fset.Position(n.Pos()))
		case *ast.SelectorExpr:
			if id, ok := n.X.(*ast.Ident); ok && timeName != "" && id.Name == timeName && forbiddenCalls[n.Sel.Name] {
				t.Errorf("%s: time.%s: the engine never reads the wall clock", fset.Position(n.Pos()), n.Sel.Name)
			}
		}
		return true
	})
}
