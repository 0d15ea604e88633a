package edit

import (
	"fmt"

	"github.com/fanout/fanout/engine/field"
	"github.com/goccy/go-yaml/ast"
)

// slot is where a path leads: the value node and what holds it.
type slot struct {
	node      ast.Node              // the value node (with its tag or anchor, if any)
	container ast.Node              // the unwrapped mapping or list holding node; nil at the root
	mv        *ast.MappingValueNode // the pair holding node, in a mapping
	index     int                   // node's index, in a list
	flow      bool                  // node sits inside a flow collection
	anchored  bool                  // node or an ancestor carries an anchor (aliases may share it)
	path      []seg                 // the path of node
}

// locate follows segs from the document body. It stops at the first mapping key that is
// missing, or at a null where a mapping was expected, and returns how many steps it resolved.
// Steps through an alias, into a scalar, or past the end of a list are errors.
func (y *yamlDoc) locate(segs []seg) (slot, int, error) {
	cur := slot{node: y.body}
	for i, s := range segs {
		if hasAnchor(cur.node) {
			cur.anchored = true
		}
		c := unwrapAll(cur.node)
		at := formatPath(segs[:i])
		if a, ok := c.(*ast.AliasNode); ok {
			return cur, i, fmt.Errorf("%s is the alias *%s: edit the anchored value instead", orRoot(at), a.Value.GetToken().Value)
		}
		next := slot{container: c, flow: cur.flow || isFlow(c), anchored: cur.anchored, path: segs[:i+1]}
		if s.isIndex {
			seq, ok := c.(*ast.SequenceNode)
			if !ok {
				return cur, i, fmt.Errorf("%s is %s, not a list", orRoot(at), describe(c))
			}
			if s.index >= len(seq.Values) {
				return cur, i, fmt.Errorf("no item %s: %s has %d items", formatPath(segs[:i+1]), orRoot(at), len(seq.Values))
			}
			next.node, next.index = seq.Values[s.index], s.index
			cur = next
			continue
		}
		pairs, ok := field.YAMLPairs(c)
		if !ok {
			if _, null := c.(*ast.NullNode); null {
				return cur, i, nil
			}
			return cur, i, fmt.Errorf("%s is %s, not a mapping", orRoot(at), describe(c))
		}
		mv := findKey(pairs, s.key)
		if mv == nil {
			return cur, i, nil
		}
		next.node, next.mv = mv.Value, mv
		cur = next
	}
	if hasAnchor(cur.node) {
		cur.anchored = true
	}
	return cur, len(segs), nil
}

// findKey returns the pair with key k (the first, if repeated), or nil.
func findKey(pairs []*ast.MappingValueNode, k string) *ast.MappingValueNode {
	for _, mv := range pairs {
		if keyOf(mv) == k {
			return mv
		}
	}
	return nil
}

func hasAnchor(n ast.Node) bool {
	for {
		switch t := n.(type) {
		case *ast.AnchorNode:
			return true
		case *ast.TagNode:
			n = t.Value
		default:
			return false
		}
	}
}

func orRoot(p string) string {
	if p == "" {
		return "the document"
	}
	return p
}

// describe names a node's kind for messages.
func describe(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode:
		return "null"
	case *ast.AliasNode:
		return "an alias"
	}
	return fmt.Sprintf("the value %q", n.GetToken().Value)
}
