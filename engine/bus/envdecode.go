package bus

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/fanout/fanout/engine/event"
)

// fastEnv builds the map that json.Unmarshal(e.JSON(), &m) gives (the expr environment of an
// event) without encoding the event and decoding it again: the attributes are copied and only
// the data is parsed. ok is false when it cannot be sure of giving the same map (an attribute
// that is not valid UTF-8, data that is not plain valid JSON, a number out of range, deep
// nesting); the caller then takes the encoding/json path, which decides.
func fastEnv(e *event.Event) (map[string]any, bool) {
	env := make(map[string]any, 8+len(e.Extensions))
	// The members in the order JSON writes them: a later duplicate key wins, as in decoding.
	attrs := [...]struct{ k, v string }{{"id", e.ID}, {"source", e.Source}, {"type", e.Type},
		{"subject", e.Subject}, {"time", e.Time}, {"datacontenttype", e.DataContentType},
		{"dataschema", e.DataSchema}}
	if !utf8.ValidString(e.SpecVersion) {
		return nil, false
	}
	env["specversion"] = e.SpecVersion
	for _, a := range attrs {
		if a.v == "" {
			continue
		}
		if !utf8.ValidString(a.v) {
			return nil, false
		}
		env[a.k] = a.v
	}
	for k, v := range e.Extensions {
		if !utf8.ValidString(k) || !utf8.ValidString(v) {
			return nil, false
		}
		env[k] = v
	}
	if e.Data == nil {
		return env, true
	}
	d := jsonDecoder{b: e.Data}
	v, ok := d.document()
	if !ok {
		return nil, false
	}
	if e.DataBase64 {
		env["data_base64"] = v
	} else {
		env["data"] = v
	}
	return env, true
}

// maxEnvDepth bounds the nesting jsonDecoder follows; deeper data takes the slow path.
const maxEnvDepth = 256

// jsonDecoder decodes one JSON document into the values encoding/json gives for an `any`
// (map[string]any, []any, string, float64, bool, nil). It only accepts valid JSON: any doubt
// makes it report false.
type jsonDecoder struct {
	b     []byte
	i     int
	depth int
}

// document decodes the whole input: one value with optional surrounding whitespace.
func (d *jsonDecoder) document() (any, bool) {
	v, ok := d.value()
	if !ok {
		return nil, false
	}
	d.space()
	return v, d.i == len(d.b)
}

func (d *jsonDecoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *jsonDecoder) value() (any, bool) {
	d.space()
	if d.i >= len(d.b) {
		return nil, false
	}
	switch c := d.b[d.i]; {
	case c == '{':
		return d.object()
	case c == '[':
		return d.array()
	case c == '"':
		return d.str()
	case c == 't':
		return true, d.literal("true")
	case c == 'f':
		return false, d.literal("false")
	case c == 'n':
		return nil, d.literal("null")
	case c == '-' || c >= '0' && c <= '9':
		return d.number()
	}
	return nil, false
}

func (d *jsonDecoder) literal(lit string) bool {
	if len(d.b)-d.i < len(lit) || string(d.b[d.i:d.i+len(lit)]) != lit {
		return false
	}
	d.i += len(lit)
	return true
}

func (d *jsonDecoder) object() (any, bool) {
	if d.depth++; d.depth > maxEnvDepth {
		return nil, false
	}
	d.i++ // '{'
	m := map[string]any{}
	d.space()
	if d.i < len(d.b) && d.b[d.i] == '}' {
		d.i++
		d.depth--
		return m, true
	}
	for {
		d.space()
		if d.i >= len(d.b) || d.b[d.i] != '"' {
			return nil, false
		}
		k, ok := d.str()
		if !ok {
			return nil, false
		}
		if d.space(); d.i >= len(d.b) || d.b[d.i] != ':' {
			return nil, false
		}
		d.i++
		v, ok := d.value()
		if !ok {
			return nil, false
		}
		m[k.(string)] = v
		if d.space(); d.i >= len(d.b) {
			return nil, false
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			d.depth--
			return m, true
		default:
			return nil, false
		}
	}
}

func (d *jsonDecoder) array() (any, bool) {
	if d.depth++; d.depth > maxEnvDepth {
		return nil, false
	}
	d.i++ // '['
	a := []any{}
	d.space()
	if d.i < len(d.b) && d.b[d.i] == ']' {
		d.i++
		d.depth--
		return a, true
	}
	for {
		v, ok := d.value()
		if !ok {
			return nil, false
		}
		a = append(a, v)
		if d.space(); d.i >= len(d.b) {
			return nil, false
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			d.depth--
			return a, true
		default:
			return nil, false
		}
	}
}

// str decodes the string at d.i (its opening quote). Strings without escapes or control bytes
// that are valid UTF-8 are taken as they are (as encoding/json does); the others are decoded
// by encoding/json.
func (d *jsonDecoder) str() (any, bool) {
	start := d.i
	d.i++
	escaped, ascii := false, true
	for d.i < len(d.b) {
		switch c := d.b[d.i]; {
		case c == '"':
			d.i++
			tok := d.b[start:d.i]
			if !escaped && (ascii || utf8.Valid(tok)) {
				return string(tok[1 : len(tok)-1]), true
			}
			var s string
			if json.Unmarshal(tok, &s) != nil {
				return nil, false
			}
			return s, true
		case c == '\\':
			escaped = true
			d.i += 2
		case c < 0x20:
			escaped = true
			d.i++
		case c >= utf8.RuneSelf:
			ascii = false
			d.i++
		default:
			d.i++
		}
	}
	return nil, false
}

// number decodes a number of strict JSON grammar as encoding/json does: strconv.ParseFloat.
func (d *jsonDecoder) number() (any, bool) {
	start := d.i
	if d.b[d.i] == '-' {
		d.i++
	}
	switch {
	case d.i < len(d.b) && d.b[d.i] == '0':
		d.i++
	case d.i < len(d.b) && d.b[d.i] >= '1' && d.b[d.i] <= '9':
		d.digits()
	default:
		return nil, false
	}
	if d.i < len(d.b) && d.b[d.i] == '.' {
		d.i++
		if !d.digits() {
			return nil, false
		}
	}
	if d.i < len(d.b) && (d.b[d.i] == 'e' || d.b[d.i] == 'E') {
		d.i++
		if d.i < len(d.b) && (d.b[d.i] == '+' || d.b[d.i] == '-') {
			d.i++
		}
		if !d.digits() {
			return nil, false
		}
	}
	f, err := strconv.ParseFloat(string(d.b[start:d.i]), 64)
	return f, err == nil
}

// digits skips a run of decimal digits and reports whether there was at least one.
func (d *jsonDecoder) digits() bool {
	start := d.i
	for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
		d.i++
	}
	return d.i > start
}
