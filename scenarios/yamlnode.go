package scenarios

import (
	"github.com/goccy/go-yaml/ast"
)

// unwrap skips tags, anchors and document wrappers down to the value node.
func unwrap(n ast.Node) ast.Node {
	for {
		switch t := n.(type) {
		case *ast.TagNode:
			n = t.Value
		case *ast.AnchorNode:
			n = t.Value
		case *ast.DocumentNode:
			n = t.Body
		default:
			return n
		}
	}
}

// kindName describes a node's kind for messages: "a mapping", "a list", "a string", ...
func kindName(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.StringNode, *ast.LiteralNode:
		return "a string"
	case *ast.IntegerNode:
		return "an integer"
	case *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "a number"
	case *ast.BoolNode:
		return "a boolean"
	case *ast.NullNode, nil:
		return "null"
	}
	return "a " + n.Type().String()
}

// collectAnchors records every anchor under n (in document order, a later one replacing an
// earlier one of the same name), so aliases resolve even when the anchor sits under a field
// that is not decoded.
func collectAnchors(n ast.Node, into map[string]ast.Node, depth int) {
	if n == nil || depth > maxDepth {
		return
	}
	switch t := n.(type) {
	case *ast.AnchorNode:
		if t.Name != nil {
			into[t.Name.GetToken().Value] = t.Value
		}
		collectAnchors(t.Value, into, depth+1)
	case *ast.TagNode:
		collectAnchors(t.Value, into, depth+1)
	case *ast.MappingNode:
		for _, mv := range t.Values {
			collectAnchors(mv.Value, into, depth+1)
		}
	case *ast.MappingValueNode:
		collectAnchors(t.Value, into, depth+1)
	case *ast.SequenceNode:
		for _, v := range t.Values {
			collectAnchors(v, into, depth+1)
		}
	}
}
