package edit

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
)

// render writes value as YAML text without the final newline: goccy marshals it (struct
// tags, MarshalYAML and MarshalText apply), the result is decoded to plain ordered data and
// emitted in the house layout (see emit); typ is the format's Go type at the destination
// (nil when unknown). flow asks for one line. block reports whether the
// text is a block mapping or list, which must start on its own line after a mapping key.
func render(value any, flow bool, typ reflect.Type) (out string, block bool, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, block, err = "", false, fmt.Errorf("cannot encode %T as YAML: %v", value, r)
		}
	}()
	if isNil(value) {
		return "null", false, nil
	}
	if t, ok := value.(time.Time); ok { // a YAML timestamp, written plain like the shipped files
		return t.Format(time.RFC3339Nano), false, nil
	}
	b, err := yaml.MarshalWithOptions(value, yaml.Flow(true))
	if err != nil {
		return "", false, fmt.Errorf("cannot encode %T as YAML: %w", value, err)
	}
	var data any
	if err := yaml.UnmarshalWithOptions(b, &data, yaml.UseOrderedMap()); err != nil {
		return "", false, fmt.Errorf("cannot encode %T as YAML: the encoder wrote %q", value, b)
	}
	out, block, err = emit(data, flow, 0, typ)
	if err != nil {
		return "", false, fmt.Errorf("cannot encode %T as YAML: %w", value, err)
	}
	return out, block, nil
}

// isNil reports whether v is nil or a nil pointer, map, slice or interface.
func isNil(v any) bool {
	if v == nil {
		return true
	}
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Interface:
		return r.IsNil()
	}
	return false
}

// indent prefixes every line of s after the first with n spaces (empty lines stay empty).
func indent(s string, n int) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	pad := strings.Repeat(" ", n)
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = pad + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// quoteScalar renders s as a one-line YAML scalar (quoted when needed).
func quoteScalar(s string) string {
	out, _, err := render(s, true, nil)
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	return out
}

func spaces(n int) string { return strings.Repeat(" ", max(n, 0)) }
