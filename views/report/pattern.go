package report

import (
	"bytes"
	"encoding/json"
	"strings"
)

// patternWidth is the widest line prettyJSON keeps on one line.
const patternWidth = 64

// prettyJSON indents JSON text for reading, keeping its key order and number text: an object
// or array whose compact form fits on the line stays on one line, e.g.
// "size": [{"numeric": [">=", 1048576]}]. Invalid JSON is returned as is.
func prettyJSON(b []byte) string {
	var compact bytes.Buffer
	if err := json.Compact(&compact, b); err != nil {
		return string(b)
	}
	var out strings.Builder
	writeJSON(&out, compact.Bytes(), 0, 0)
	return out.String()
}

// writeJSON writes the compact JSON value v at indentation depth, after a key of keyLen
// bytes on the same line.
func writeJSON(out *strings.Builder, v []byte, depth, keyLen int) {
	if one := spaced(v); len(v) == 0 || (v[0] != '{' && v[0] != '[') || len(one)+2*depth+keyLen <= patternWidth {
		out.Write(one)
		return
	}
	open, close := v[0], v[len(v)-1]
	items := splitTop(v[1 : len(v)-1])
	out.WriteByte(open)
	for i, it := range items {
		out.WriteString("\n" + strings.Repeat("  ", depth+1))
		if open == '{' {
			k, val := splitKey(it)
			out.Write(k)
			out.WriteString(": ")
			writeJSON(out, val, depth+1, len(k)+2)
		} else {
			writeJSON(out, it, depth+1, 0)
		}
		if i < len(items)-1 {
			out.WriteByte(',')
		}
	}
	out.WriteString("\n" + strings.Repeat("  ", depth))
	out.WriteByte(close)
}

// splitTop splits the members of a compact object or array body at its top-level commas.
func splitTop(body []byte) [][]byte {
	var items [][]byte
	depth, start, inStr := 0, 0, false
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case inStr && c == '\\':
			i++
		case c == '"':
			inStr = !inStr
		case inStr:
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
		case c == ',' && depth == 0:
			items = append(items, body[start:i])
			start = i + 1
		}
	}
	if start < len(body) {
		items = append(items, body[start:])
	}
	return items
}

// splitKey splits a compact object member into its key and value.
func splitKey(m []byte) ([]byte, []byte) {
	for i := 1; i < len(m); i++ {
		if m[i] == '\\' {
			i++
			continue
		}
		if m[i] == '"' {
			return m[:i+1], m[i+2:]
		}
	}
	return m, nil
}

// spaced adds a space after the commas and colons of compact JSON, outside strings.
func spaced(v []byte) []byte {
	var b bytes.Buffer
	inStr := false
	for i := 0; i < len(v); i++ {
		c := v[i]
		b.WriteByte(c)
		switch {
		case inStr && c == '\\' && i+1 < len(v):
			i++
			b.WriteByte(v[i])
		case c == '"':
			inStr = !inStr
		case !inStr && (c == ',' || c == ':'):
			b.WriteByte(' ')
		}
	}
	return b.Bytes()
}
