package scenarios

import (
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"

	"github.com/fanout/fanout/engine/field"
)

// pos is a 1-based line and column.
type pos struct{ line, col int }

// positions maps field paths ("rules[0].targets[1].function") to where they are written. A
// key whose value is a scalar maps to the value; one whose value is a mapping or sequence maps
// to the key; a sequence item maps to the item.
type positions map[string]pos

// tokenPos returns the position of a token, or the zero pos.
func tokenPos(t *token.Token) pos {
	if t == nil || t.Position == nil {
		return pos{}
	}
	return pos{t.Position.Line, t.Position.Column}
}

// nodePos returns the position of a node's first token.
func nodePos(n ast.Node) pos {
	if n == nil {
		return pos{}
	}
	if m, ok := n.(*ast.MappingNode); ok && len(m.Values) > 0 && !m.IsFlowStyle {
		return nodePos(m.Values[0].Key)
	}
	if m, ok := n.(*ast.MappingValueNode); ok {
		return nodePos(m.Key)
	}
	return tokenPos(n.GetToken())
}

// index records the position of every node under n, whose path is path.
func (ps positions) index(n ast.Node, path string, at pos) {
	if _, seen := ps[path]; !seen && at.line > 0 {
		ps[path] = at
	}
	switch t := unwrap(n).(type) {
	case *ast.MappingNode:
		ps.indexPairs(t.Values, path)
	case *ast.MappingValueNode:
		ps.indexPairs([]*ast.MappingValueNode{t}, path)
	case *ast.SequenceNode:
		for i, v := range t.Values {
			ps.index(v, field.Index(path, i), nodePos(v))
		}
	}
}

func (ps positions) indexPairs(values []*ast.MappingValueNode, path string) {
	for _, mv := range values {
		k, ok := field.YAMLKey(mv.Key)
		if !ok {
			continue
		}
		ps.index(mv.Value, field.Join(path, k), pairPos(mv))
	}
}

// pairPos is where a key/value pair is reported: the value when it is a scalar, else the key.
func pairPos(mv *ast.MappingValueNode) pos {
	switch unwrap(mv.Value).(type) {
	case *ast.MappingNode, *ast.MappingValueNode, *ast.SequenceNode, *ast.NullNode, nil:
		return nodePos(mv.Key)
	}
	if p := nodePos(mv.Value); p.line > 0 {
		return p
	}
	return nodePos(mv.Key)
}

// lookup returns the position of path, or of its nearest parent written in the file.
func (ps positions) lookup(path string) pos {
	for {
		if p, ok := ps[path]; ok {
			return p
		}
		if path == "" {
			return pos{1, 1}
		}
		path = parentPath(path)
	}
}

// parentPath drops the last element of a path: "a.b[2]" → "a.b", "a.b" → "a", "a" → "".
func parentPath(path string) string {
	if strings.HasSuffix(path, "]") {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			return path[:i]
		}
	}
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i]
	}
	return ""
}
