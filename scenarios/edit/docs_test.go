package edit

import (
	"os"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// docExample is an ```edit-example block of docs/editing.md.
type docExample struct {
	Op     string `yaml:"op"`
	Path   string `yaml:"path"`
	Index  int    `yaml:"index"`
	Value  any    `yaml:"value"`
	Before string `yaml:"before"`
	After  string `yaml:"after"`
}

// TestDocExamples applies every example of docs/editing.md.
func TestDocExamples(t *testing.T) {
	md, err := os.ReadFile("../../docs/editing.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(string(md), "```edit-example\n")[1:]
	if len(blocks) < 5 {
		t.Fatalf("found %d examples", len(blocks))
	}
	for i, b := range blocks {
		body, _, _ := strings.Cut(b, "```")
		var ex docExample
		if err := yaml.UnmarshalWithOptions([]byte(body), &ex, yaml.UseOrderedMap()); err != nil {
			t.Fatalf("example %d: %v", i, err)
		}
		d, err := Open("doc.yaml", []byte(ex.Before), nil)
		if err != nil {
			t.Fatalf("example %d: %v", i, err)
		}
		switch ex.Op {
		case "set":
			err = d.Set(ex.Path, ex.Value)
		case "append":
			err = d.Append(ex.Path, ex.Value)
		case "insert":
			err = d.Insert(ex.Path, ex.Index, ex.Value)
		case "delete":
			err = d.Delete(ex.Path)
		default:
			t.Fatalf("example %d: unknown op %q", i, ex.Op)
		}
		if err != nil {
			t.Fatalf("example %d: %v", i, err)
		}
		if got := string(d.Text()); got != ex.After {
			t.Errorf("example %d (%s %s): got\n%s\nwant\n%s", i, ex.Op, ex.Path, got, ex.After)
		}
	}
}
