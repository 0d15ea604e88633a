package scenarios

import (
	"github.com/goccy/go-yaml/ast"
)

// maxExpanded bounds how many values a document may expand to once aliases are followed. A
// real scenario has a few thousand; nested aliases ("billion laughs") can reach billions, which
// the decoders would otherwise try to build.
const maxExpanded = 200_000

// expander counts the values a node expands to, following aliases, memoised per node and
// saturating at maxExpanded.
type expander struct {
	anchors map[string]ast.Node
	memo    map[ast.Node]int
	culprit ast.Node // the deepest node whose expansion reached the limit
}

// size returns the number of values under n, at most maxExpanded.
func (e *expander) size(n ast.Node, depth int) int {
	if n == nil {
		return 0
	}
	if depth > maxDepth {
		return maxExpanded
	}
	if v, ok := e.memo[n]; ok {
		return v
	}
	e.memo[n] = maxExpanded // a cycle through an alias counts as too large
	total := 1
	add := func(k int) { total = min(total+k, maxExpanded) }
	switch t := n.(type) {
	case *ast.AliasNode:
		total = 0
		add(e.size(e.anchors[t.Value.GetToken().Value], depth+1))
	case *ast.AnchorNode:
		total = e.size(t.Value, depth+1)
	case *ast.TagNode:
		total = e.size(t.Value, depth+1)
	case *ast.MappingNode:
		for _, mv := range t.Values {
			add(e.size(mv.Value, depth+1))
		}
	case *ast.MappingValueNode:
		add(e.size(t.Value, depth+1))
	case *ast.SequenceNode:
		for _, v := range t.Values {
			add(e.size(v, depth+1))
		}
	}
	if total >= maxExpanded && e.culprit == nil {
		e.culprit = n
	}
	e.memo[n] = total
	return total
}
