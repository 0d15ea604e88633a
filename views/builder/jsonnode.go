package builder

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// node is one value of a JSON document parsed with its members' order kept (encoding/json maps
// would sort them). Leaves keep their JSON text.
type node struct {
	Key      string // member name, "[i]" for array elements, "" for the root
	Kind     string // object, array, string, number, bool, null
	Text     string // a leaf's JSON text
	Children []node
}

// Value kinds of nodes.
const (
	kindObject = "object"
	kindArray  = "array"
	kindString = "string"
	kindNumber = "number"
	kindBool   = "bool"
	kindNull   = "null"
)

// parseNode parses b as one JSON value, keeping member order.
func parseNode(b []byte) (node, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	n, err := decodeNode(dec, "")
	if err != nil {
		return node{}, syntaxError(b, dec, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return node{}, fmt.Errorf("offset %d: unexpected data after the JSON value", dec.InputOffset())
	}
	return n, nil
}

// syntaxError locates a JSON syntax error by line and column.
func syntaxError(b []byte, dec *json.Decoder, err error) error {
	off := dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	line := 1 + bytes.Count(b[:off], []byte("\n"))
	col := int(off) - bytes.LastIndexByte(b[:off], '\n')
	return fmt.Errorf("line %d, column %d: %v", line, col, err)
}

func decodeNode(dec *json.Decoder, key string) (node, error) {
	tok, err := dec.Token()
	if err != nil {
		return node{}, err
	}
	n := node{Key: key}
	switch v := tok.(type) {
	case json.Delim:
		if v != '{' && v != '[' {
			return n, fmt.Errorf("unexpected %q", string(v))
		}
		n.Kind = kindObject
		if v == '[' {
			n.Kind = kindArray
		}
		for i := 0; dec.More(); i++ {
			k := "[" + strconv.Itoa(i) + "]"
			if n.Kind == kindObject {
				kt, err := dec.Token()
				if err != nil {
					return n, err
				}
				k, _ = kt.(string)
			}
			c, err := decodeNode(dec, k)
			if err != nil {
				return n, err
			}
			n.Children = append(n.Children, c)
		}
		if _, err := dec.Token(); err != nil {
			return n, err
		}
	case string:
		n.Kind = kindString
		n.Text = quote(v)
	case json.Number:
		n.Kind, n.Text = kindNumber, v.String()
	case bool:
		n.Kind, n.Text = kindBool, strconv.FormatBool(v)
	case nil:
		n.Kind, n.Text = kindNull, "null"
	}
	return n, nil
}

// quote returns s as a JSON string without HTML escaping.
func quote(s string) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return string(bytes.TrimRight(buf.Bytes(), "\n"))
}

// str returns a string leaf's content.
func (n node) str() string {
	var s string
	if n.Kind == kindString {
		_ = json.Unmarshal([]byte(n.Text), &s)
	}
	return s
}

// compact renders the node back to compact JSON in its member order.
func (n node) compact() string {
	var b bytes.Buffer
	n.write(&b)
	return b.String()
}

func (n node) write(b *bytes.Buffer) {
	switch n.Kind {
	case kindObject, kindArray:
		open, end := byte('{'), byte('}')
		if n.Kind == kindArray {
			open, end = '[', ']'
		}
		b.WriteByte(open)
		for i, c := range n.Children {
			if i > 0 {
				b.WriteByte(',')
			}
			if n.Kind == kindObject {
				b.WriteString(quote(c.Key))
				b.WriteByte(':')
			}
			c.write(b)
		}
		b.WriteByte(end)
	default:
		b.WriteString(n.Text)
	}
}

// leafKinds maps every field path of an event ("data.oss.object.size") to the kind of value
// found there; array elements count at the array's path. A path with several kinds keeps the
// first.
func leafKinds(root node) map[string]string {
	out := map[string]string{}
	var walk func(prefix string, n node)
	walk = func(prefix string, n node) {
		if n.Kind == kindArray {
			for _, c := range n.Children {
				walk(prefix, c)
			}
			if len(n.Children) == 0 && prefix != "" {
				setOnce(out, prefix, kindArray)
			}
			return
		}
		if prefix != "" {
			setOnce(out, prefix, n.Kind)
		}
		for _, c := range n.Children {
			walk(joinPath(prefix, c.Key), c)
		}
	}
	walk("", root)
	return out
}

func setOnce(m map[string]string, k, v string) {
	if _, ok := m[k]; !ok {
		m[k] = v
	}
}

func joinPath(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}
