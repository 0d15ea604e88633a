package transform

import (
	"encoding/json"
	"unicode/utf8"

	"github.com/fanout/fanout/engine/event"
)

// validJSON is encoding/json.Valid without its scanner pool (event.ValidJSON agrees with it on
// every input).
func validJSON(b []byte) bool { return event.ValidJSON(b) }

// extracted is the text a path or literal contributes to a payload.
type extracted struct {
	found bool   // false: the path matched nothing (renders empty)
	text  []byte // the text form; may alias the event or the transformer
	str   bool   // the value was a JSON string (text is its unescaped content)
}

// extract evaluates p against doc and returns the value's text form: a string's
// content, an object or array as compact JSON, a number, boolean or null as its
// JSON text. An indefinite path yields a compact JSON array of every match,
// and found is false only when nothing matched (the text is then "[]").
// Transformers evaluate their definite paths through a compiled pathSet; this
// is the one-path equivalent.
func extract(doc []byte, p *Path) (extracted, error) {
	if !p.definite {
		return extractAll(doc, p)
	}
	var ps pathSet
	ps.add(p)
	var res [1]hit
	if err := ps.eval(doc, res[:]); err != nil {
		return extracted{}, err
	}
	return hitText(doc, res[0])
}

// hitText is the text form of a path's result.
func hitText(doc []byte, h hit) (extracted, error) { return hitTextIn(doc, h, false) }

// hitTextIn is hitText; valid says doc is known to be valid JSON.
func hitTextIn(doc []byte, h hit, valid bool) (extracted, error) {
	if !h.found {
		return extracted{}, nil
	}
	return textForm(doc, h.v, valid)
}

// textForm returns the text form of the value at v, aliasing doc when the
// event's own bytes already are that form.
func textForm(doc []byte, v span, valid bool) (extracted, error) {
	raw := doc[v.s:v.e]
	switch raw[0] {
	case '"':
		_, escaped, _ := skipString(doc, v.s)
		if !escaped && plainString(raw[1:len(raw)-1]) {
			return extracted{found: true, text: raw[1 : len(raw)-1], str: true}, nil
		}
		var s string // escapes decoded, invalid UTF-8 replaced by U+FFFD
		if err := json.Unmarshal(raw, &s); err != nil {
			return extracted{}, badEvent(v.s, "invalid string (bad escape or control character)")
		}
		return extracted{found: true, text: []byte(s), str: true}, nil
	case '{', '[':
		if !valid && !validJSON(raw) {
			return extracted{}, badEvent(v.s, "invalid "+containerName(raw[0]))
		}
		if !hasSpace(raw) {
			return extracted{found: true, text: raw}, nil
		}
		return extracted{found: true, text: appendCompact(nil, raw)}, nil
	}
	return extracted{found: true, text: raw}, nil
}

// extractAll collects every match of an indefinite path into a JSON array.
func extractAll(doc []byte, p *Path) (extracted, error) {
	i := skipWS(doc, 0)
	if i >= len(doc) {
		return extracted{}, badEvent(i, "empty event")
	}
	spans, err := collect(doc, i, p.steps, nil)
	if err != nil {
		return extracted{}, err
	}
	out := append(make([]byte, 0, 64), '[')
	for k, v := range spans {
		if k > 0 {
			out = append(out, ',')
		}
		x, err := textForm(doc, v, false)
		if err != nil {
			return extracted{}, err
		}
		if x.str {
			out = appendCompact(out, doc[v.s:v.e])
		} else {
			out = append(out, x.text...)
		}
	}
	return extracted{found: len(spans) > 0, text: append(out, ']')}, nil
}

// plainString reports whether s, the content of a JSON string without
// escapes, is valid as it is: valid UTF-8 and no control characters.
func plainString(s []byte) bool {
	for _, c := range s {
		if c < 0x20 || c >= 0x80 {
			return utf8.Valid(s) && !hasControl(s)
		}
	}
	return true
}

func hasControl(s []byte) bool {
	for _, c := range s {
		if c < 0x20 {
			return true
		}
	}
	return false
}

// hasSpace reports whether raw JSON has whitespace outside strings.
func hasSpace(raw []byte) bool {
	i := 0
	for i < len(raw) && raw[i] > ' ' { // JSON whitespace is all at or below ' '
		i++
	}
	if i == len(raw) {
		return false
	}
	inStr := false
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case inStr && c == '\\':
			i++
		case c == '"':
			inStr = !inStr
		case !inStr && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			return true
		}
	}
	return false
}

// appendCompact appends raw JSON with the whitespace outside strings removed;
// key order, number text and string escapes are kept.
func appendCompact(dst, raw []byte) []byte {
	inStr := false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case inStr && c == '\\' && i+1 < len(raw):
			dst = append(dst, c, raw[i+1])
			i++
			continue
		case c == '"':
			inStr = !inStr
		case !inStr && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
			continue
		}
		dst = append(dst, c)
	}
	return dst
}

// appendJSONEscape appends s escaped as the content of a JSON string (without
// the surrounding quotes): ", \ and control characters are escaped; other
// characters, including non-ASCII and <, >, &, are kept as they are.
func appendJSONEscape(dst, s []byte) []byte {
	const hex = "0123456789abcdef"
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			dst = append(dst, '\\', c)
		case c == '\n':
			dst = append(dst, '\\', 'n')
		case c == '\r':
			dst = append(dst, '\\', 'r')
		case c == '\t':
			dst = append(dst, '\\', 't')
		case c == '\b':
			dst = append(dst, '\\', 'b')
		case c == '\f':
			dst = append(dst, '\\', 'f')
		case c < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// appendHTMLEscape appends s with &, <, >, " and ' replaced by &amp;, &lt;,
// &gt;, &quot; and &#39;.
func appendHTMLEscape(dst, s []byte) []byte {
	for _, c := range s {
		switch c {
		case '&':
			dst = append(dst, "&amp;"...)
		case '<':
			dst = append(dst, "&lt;"...)
		case '>':
			dst = append(dst, "&gt;"...)
		case '"':
			dst = append(dst, "&quot;"...)
		case '\'':
			dst = append(dst, "&#39;"...)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// needsJSONEscape reports whether s cannot stand inside a JSON string as is.
func needsJSONEscape(s []byte) bool {
	for _, c := range s {
		if c == '"' || c == '\\' || c < 0x20 {
			return true
		}
	}
	return !utf8.Valid(s)
}
