package edit

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/fanout/fanout/engine/field"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// yamlDoc is a parsed text with the byte offset of every line, to turn the AST's line and
// column (counted in runes) into byte offsets.
type yamlDoc struct {
	src   []byte
	lines []int
	body  ast.Node
}

// parseText parses src as one YAML document whose body is a mapping.
func parseText(src []byte) (*yamlDoc, error) {
	f, err := parseYAML(src)
	if err != nil {
		return nil, fmt.Errorf("invalid YAML: %w", err)
	}
	var body ast.Node
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			if body != nil {
				return nil, errors.New("more than one YAML document")
			}
			body = d.Body
		}
	}
	if body == nil {
		return nil, errors.New("empty document: want a mapping starting with version: 1")
	}
	if _, ok := field.YAMLPairs(unwrapAll(body)); !ok {
		return nil, errors.New("the document is not a mapping")
	}
	y := &yamlDoc{src: src, body: body, lines: []int{0}}
	for i, c := range src {
		if c == '\n' {
			y.lines = append(y.lines, i+1)
		}
	}
	return y, nil
}

// parseYAML parses src; goccy panics on a few malformed inputs, which count as errors.
func parseYAML(src []byte) (f *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("yaml parser: %v", r)
		}
	}()
	if len(src) > 0 && src[len(src)-1] != '\n' {
		// goccy misreads a block scalar that ends the input without a line break
		src = append(src[:len(src):len(src)], '\n')
	}
	return parser.ParseBytes(src, 0)
}

// off converts a token position to a byte offset.
func (y *yamlDoc) off(p *token.Position) int {
	if p.Line < 1 || p.Line > len(y.lines) {
		return len(y.src)
	}
	i := y.lines[p.Line-1]
	for c := 1; c < p.Column && i < len(y.src) && y.src[i] != '\n'; c++ {
		_, n := utf8.DecodeRune(y.src[i:])
		i += n
	}
	return i
}

// lineStart returns the offset of the start of the line holding offset i.
func (y *yamlDoc) lineStart(i int) int {
	for i > 0 && y.src[i-1] != '\n' {
		i--
	}
	return i
}

// lineEnd returns the offset of the newline ending the line holding i (or len(src)).
func (y *yamlDoc) lineEnd(i int) int {
	for i < len(y.src) && y.src[i] != '\n' {
		i++
	}
	return i
}

// column returns the 0-based byte column of offset i in its line.
func (y *yamlDoc) column(i int) int { return i - y.lineStart(i) }

// unwrapAll skips tags and anchors down to the value node.
func unwrapAll(n ast.Node) ast.Node {
	for {
		switch t := n.(type) {
		case *ast.TagNode:
			n = t.Value
		case *ast.AnchorNode:
			n = t.Value
		default:
			return n
		}
	}
}

// isFlow reports whether n is a flow-style collection.
func isFlow(n ast.Node) bool {
	switch t := n.(type) {
	case *ast.MappingNode:
		return t.IsFlowStyle
	case *ast.SequenceNode:
		return t.IsFlowStyle
	}
	return false
}

// keyOf returns the text of a mapping pair's key.
func keyOf(mv *ast.MappingValueNode) string {
	var k ast.Node = mv.Key
	if mk, ok := k.(*ast.MappingKeyNode); ok {
		k = mk.Value
	}
	if k == nil {
		return ""
	}
	if s, ok := k.(*ast.StringNode); ok {
		return s.Value
	}
	return k.GetToken().Value
}

// start returns the offset where node n's text begins.
func (y *yamlDoc) start(n ast.Node) int {
	switch t := n.(type) {
	case *ast.MappingNode:
		if !t.IsFlowStyle && len(t.Values) > 0 {
			return y.start(t.Values[0])
		}
		if t.Start != nil {
			return y.off(t.Start.Position)
		}
	case *ast.MappingValueNode:
		return y.start(t.Key)
	case *ast.SequenceNode:
		if t.Start != nil {
			return y.off(t.Start.Position)
		}
	}
	return y.off(n.GetToken().Position)
}

// end returns the offset just past node n's last character (trailing comments excluded).
func (y *yamlDoc) end(n ast.Node) int {
	tk := lastToken(n)
	lo := y.off(tk.Position) + 1
	hi := len(y.src)
	if tk.Next != nil {
		hi = y.off(tk.Next.Position)
	}
	if lit, ok := unwrapAll(n).(*ast.LiteralNode); ok && lit.Value != nil {
		// The content token's position is not reliable; its Origin is the raw text of the
		// lines after the header, up to the next token.
		lo = y.lineEnd(y.start(lit))
		hi = min(lo+1+len(lit.Value.GetToken().Origin), len(y.src))
	}
	for hi > lo && isSpace(y.src[hi-1]) {
		hi--
	}
	return max(hi, min(lo, len(y.src)))
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// lastToken returns the last token of node n.
func lastToken(n ast.Node) *token.Token {
	switch t := n.(type) {
	case *ast.MappingNode:
		if t.IsFlowStyle && t.End != nil {
			return t.End
		}
		if len(t.Values) > 0 {
			return lastToken(t.Values[len(t.Values)-1])
		}
	case *ast.MappingValueNode:
		return lastToken(t.Value)
	case *ast.SequenceNode:
		if t.IsFlowStyle && t.End != nil {
			return t.End
		}
		if len(t.Values) > 0 {
			return lastToken(t.Values[len(t.Values)-1])
		}
	case *ast.LiteralNode:
		if t.Value != nil {
			return t.Value.GetToken()
		}
	case *ast.AnchorNode:
		return lastToken(t.Value)
	case *ast.TagNode:
		return lastToken(t.Value)
	case *ast.AliasNode:
		return lastToken(t.Value)
	}
	return n.GetToken()
}

// implicitNull reports whether n is a null written as nothing (`key:` with no value).
func (y *yamlDoc) implicitNull(n ast.Node) bool {
	if _, ok := n.(*ast.NullNode); !ok {
		return false
	}
	i := y.off(n.GetToken().Position)
	for _, w := range []string{"null", "Null", "NULL", "~"} {
		if len(y.src) >= i+len(w) && string(y.src[i:i+len(w)]) == w {
			return false
		}
	}
	return true
}
