package bus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/fanout/fanout/engine/field"
	"github.com/goccy/go-yaml/ast"
)

// Pattern is an event pattern as compact JSON text. In a scenario file it is written either as a
// YAML (or JSON flow) mapping, or as a string holding the JSON object. Numbers keep their text
// (300.0 stays 300.0: the Alibaba dialect compares exact numbers by text) and keys keep their
// order.
type Pattern []byte

// UnmarshalYAML implements yaml.NodeUnmarshaler.
func (p *Pattern) UnmarshalYAML(node ast.Node) error {
	text, isString := "", false
	switch s := unwrap(node).(type) {
	case *ast.StringNode:
		text, isString = s.Value, true
	case *ast.LiteralNode:
		text, isString = s.Value.Value, true
	}
	if isString {
		var buf bytes.Buffer
		if err := json.Compact(&buf, []byte(text)); err != nil {
			return fmt.Errorf("pattern string is not valid JSON: %v", err)
		}
		*p = buf.Bytes()
		return nil
	}
	var buf bytes.Buffer
	if err := nodeJSON(&buf, node); err != nil {
		return err
	}
	*p = buf.Bytes()
	return nil
}

// MarshalYAML implements yaml.BytesMarshaler: JSON is a YAML flow mapping, so the text is
// written as is and decodes back to the same bytes.
func (p Pattern) MarshalYAML() ([]byte, error) {
	if len(p) == 0 {
		return []byte("null"), nil
	}
	return append([]byte(nil), p...), nil
}

// MarshalJSON writes the pattern object itself.
func (p Pattern) MarshalJSON() ([]byte, error) {
	if len(p) == 0 {
		return []byte("null"), nil
	}
	return append([]byte(nil), p...), nil
}

// UnmarshalJSON keeps the object as compact JSON.
func (p *Pattern) UnmarshalJSON(b []byte) error {
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		return err
	}
	*p = buf.Bytes()
	return nil
}

// unwrap skips tags, anchors and comment wrappers.
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

// nodeJSON writes node as JSON text, keeping key order and number text.
func nodeJSON(buf *bytes.Buffer, node ast.Node) error {
	switch n := unwrap(node).(type) {
	case nil, *ast.NullNode:
		buf.WriteString("null")
	case *ast.MappingNode:
		return mappingJSON(buf, n.Values)
	case *ast.MappingValueNode:
		return mappingJSON(buf, []*ast.MappingValueNode{n})
	case *ast.SequenceNode:
		buf.WriteByte('[')
		for i, v := range n.Values {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := nodeJSON(buf, v); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	case *ast.StringNode:
		writeString(buf, n.Value)
	case *ast.LiteralNode:
		writeString(buf, n.Value.Value)
	case *ast.BoolNode:
		buf.WriteString(strconv.FormatBool(n.Value))
	case *ast.IntegerNode, *ast.FloatNode:
		return numberJSON(buf, n)
	case *ast.AliasNode:
		return fmt.Errorf("aliases (*%s) are not supported inside a pattern", n.Value)
	default:
		return fmt.Errorf("unsupported YAML value %q in a pattern", n.String())
	}
	return nil
}

func mappingJSON(buf *bytes.Buffer, values []*ast.MappingValueNode) error {
	buf.WriteByte('{')
	for i, mv := range values {
		if i > 0 {
			buf.WriteByte(',')
		}
		k, ok := field.YAMLKey(mv.Key)
		if !ok {
			return fmt.Errorf("pattern keys must be strings, got %q", mv.Key.String())
		}
		writeString(buf, k)
		buf.WriteByte(':')
		if err := nodeJSON(buf, mv.Value); err != nil {
			return err
		}
	}
	buf.WriteByte('}')
	return nil
}

// numberJSON writes a YAML number with its own text when that is a JSON number.
func numberJSON(buf *bytes.Buffer, n ast.Node) error {
	text := n.GetToken().Value
	if json.Valid([]byte(text)) {
		buf.WriteString(text)
		return nil
	}
	var v any
	switch t := n.(type) {
	case *ast.IntegerNode:
		v = t.Value
	case *ast.FloatNode:
		v = t.Value
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("number %q cannot be written as JSON: %v", text, err)
	}
	buf.Write(b)
	return nil
}

func writeString(buf *bytes.Buffer, s string) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	buf.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}
