package edit

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/token"

	"github.com/fanout/fanout/scenarios"
)

// comment is one comment of a text: its line and its text.
type comment struct {
	line int
	text string
}

func comments(src []byte) []comment {
	var out []comment
	for _, tk := range lexer.Tokenize(string(src)) {
		if tk.Type == token.CommentType {
			out = append(out, comment{tk.Position.Line, tk.Value})
		}
	}
	return out
}

// assertKept checks that every comment of before outside the lines [from, to] is in after.
func assertKept(t *testing.T, what string, before, after []byte, from, to int) {
	t.Helper()
	have := map[string]int{}
	for _, c := range comments(after) {
		have[c.text]++
	}
	for _, c := range comments(before) {
		if c.line >= from && c.line <= to {
			continue
		}
		if have[c.text] == 0 {
			t.Errorf("%s: lost comment on line %d: #%s", what, c.line, c.text)
		}
		have[c.text]--
	}
}

// paths lists every path of the data in src (mapping keys and list items), depth first.
func paths(t *testing.T, src []byte) []string {
	var v any
	if err := yaml.UnmarshalWithOptions(src, &v, yaml.UseOrderedMap()); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(p []seg, v any)
	walk = func(p []seg, v any) {
		if len(p) > 0 {
			out = append(out, formatPath(p))
		}
		switch x := v.(type) {
		case yaml.MapSlice:
			for _, it := range x {
				walk(append(p[:len(p):len(p)], seg{key: fmt.Sprint(it.Key)}), it.Value)
			}
		case []any:
			for i, e := range x {
				walk(append(p[:len(p):len(p)], seg{index: i, isIndex: true}), e)
			}
		}
	}
	walk(nil, v)
	return out
}

// span returns the lines [from, to] the node at path covers (with the comment block above
// it when above is set).
func span(t *testing.T, src []byte, path string, above bool) (int, int) {
	y, _ := parseText(src)
	segs, _ := parsePath(path)
	sl, _, err := y.locate(segs)
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := y.start(sl.node), y.end(sl.node)
	if sl.mv != nil {
		lo = y.start(sl.mv)
	}
	if seq, ok := sl.container.(*ast.SequenceNode); ok && !seq.IsFlowStyle {
		lo = y.off(seq.Entries[sl.index].Start.Position)
	}
	if above {
		lo = y.commentsAbove(y.lineStart(lo), y.column(lo))
	}
	return strings.Count(string(src[:lo]), "\n") + 1, strings.Count(string(src[:hi]), "\n") + 1
}

func valueAt(t *testing.T, src []byte, path string) any {
	data, err := generic(src)
	if err != nil {
		t.Fatal(err)
	}
	segs, _ := parsePath(path)
	var at any
	if _, err := genericEdit(data, segs, func(old any, _ bool) (any, bool, error) { at = old; return old, false, nil }); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return at
}

// TestShippedEveryNode edits every node of every shipped scenario: Set to a new value, Set
// to its own value, Delete, and Append to every list. Each edit must keep the comments
// outside the node, leave text that parses to the intended data, and undo exactly.
func TestShippedEveryNode(t *testing.T) {
	for _, info := range scenarios.Shipped() {
		src, _ := scenarios.ShippedSource(info.Name)
		d, err := Open(info.Path, src, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Diagnostics()) > 0 {
			t.Fatalf("%s: %v", info.Name, d.Diagnostics())
		}
		edits := 0
		for _, p := range paths(t, src) {
			old := valueAt(t, src, p)
			var ops []func() error
			var names []string
			add := func(name string, f func() error) { ops, names = append(ops, f), append(names, name) }
			switch old.(type) {
			case map[string]any, []any:
				add("set same", func() error { return d.Set(p, old) })
			default:
				add("set new", func() error { return d.Set(p, "edited value") })
			}
			if _, ok := old.([]any); ok {
				add("append", func() error { return d.Append(p, "appended") })
			}
			add("delete", func() error { return d.Delete(p) })
			for i, op := range ops {
				what := fmt.Sprintf("%s %s %s", info.Name, names[i], p)
				err := op()
				if strings.Contains(err2s(err), "alias") || strings.Contains(err2s(err), "anchor") {
					continue // editing through an alias is refused by design
				}
				if err != nil {
					t.Errorf("%s: %v", what, err)
					continue
				}
				edits++
				after := d.Text()
				from, to := span(t, src, p, names[i] == "delete")
				if names[i] == "append" {
					from, to = 0, -1
				}
				assertKept(t, what, src, after, from, to)
				if names[i] == "set same" && len(d.Diagnostics()) > 0 {
					t.Errorf("%s: rewriting a value as itself broke validation: %v", what, d.Diagnostics())
				}
				if names[i] != "delete" {
					want := any("edited value")
					if names[i] == "set same" {
						want = old
					}
					if names[i] == "append" {
						want = append(append([]any{}, old.([]any)...), "appended")
					}
					if got := valueAt(t, after, p); !reflect.DeepEqual(got, want) {
						t.Errorf("%s: value now %v, want %v", what, got, want)
					}
				}
				if string(after) == string(src) {
					if d.CanUndo() {
						t.Errorf("%s: an edit that changed nothing was recorded", what)
					}
					continue
				}
				if !d.Undo() || string(d.Text()) != string(src) {
					t.Fatalf("%s: undo did not restore the text", what)
				}
			}
		}
		if edits < 100 {
			t.Errorf("%s: only %d edits applied", info.Name, edits)
		}
	}
}

func err2s(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
