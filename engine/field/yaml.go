package field

import "github.com/goccy/go-yaml/ast"

// YAMLKey returns the text of a scalar mapping key of a goccy/go-yaml tree; false for a key
// that is not a scalar. Spec decoders and the scenario loader share it.
func YAMLKey(k ast.MapKeyNode) (string, bool) {
	switch t := k.(type) {
	case *ast.MappingKeyNode:
		if mk, ok := t.Value.(ast.MapKeyNode); ok {
			return YAMLKey(mk)
		}
		return "", false
	case *ast.StringNode:
		return t.Value, true
	case ast.ScalarNode:
		return t.GetToken().Value, true
	}
	return "", false
}

// YAMLPairs returns the key/value pairs of a mapping node (a lone MappingValueNode is a
// one-pair mapping), or false when n is not a mapping.
func YAMLPairs(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch t := n.(type) {
	case *ast.MappingNode:
		return t.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{t}, true
	}
	return nil, false
}
