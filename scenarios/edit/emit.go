package edit

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
)

// Layout of new YAML, in the style of the shipped scenarios: block mappings and lists,
// lists indented under their key, and small leaves on one line.
const (
	flowListMax = 60 // a list of scalars whose flow form is at most this long stays on one line
	flowMapMax  = 50 // a nested mapping of scalars whose flow form is at most this long, too
)

// emit writes plain data (yaml.MapSlice, []any, scalars) as YAML. flow forces one line.
// depth is 0 for the value being written: a mapping there is always block unless flow. typ
// is the format's Go type for v (nil when unknown): a list of structs (buses, rules,
// targets, ...) is always written as a block. block reports whether the text is a block
// collection.
func emit(v any, flow bool, depth int, typ reflect.Type) (out string, block bool, err error) {
	switch t := v.(type) {
	case yaml.MapSlice:
		if len(t) == 0 {
			return "{}", false, nil
		}
		f, err := emitFlowMap(t)
		if err != nil {
			return "", false, err
		}
		if flow || (depth > 0 && allScalars(mapValues(t)) && len(f) <= flowMapMax) {
			return f, false, nil
		}
		s, err := emitBlockMap(t, depth, typ)
		return s, true, err
	case []any:
		if len(t) == 0 {
			return "[]", false, nil
		}
		f, err := emitFlowList(t)
		if err != nil {
			return "", false, err
		}
		if flow || (!structElems(typ) && allSmall(t) && len(f) <= flowListMax) {
			return f, false, nil
		}
		s, err := emitBlockList(t, childType(typ, seg{isIndex: true}))
		return s, true, err
	}
	s, err := emitScalar(v, flow)
	return s, false, err
}

func emitBlockMap(m yaml.MapSlice, depth int, typ reflect.Type) (string, error) {
	var b strings.Builder
	for i, it := range m {
		k, err := emitScalar(it.Key, true)
		if err != nil {
			return "", err
		}
		v, block, err := emit(it.Value, false, depth+1, childType(typ, seg{key: fmt.Sprint(it.Key)}))
		if err != nil {
			return "", err
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		if block {
			fmt.Fprintf(&b, "%s:\n  %s", k, indent(v, 2))
		} else {
			fmt.Fprintf(&b, "%s: %s", k, indent(v, 0))
		}
	}
	return b.String(), nil
}

func emitBlockList(l []any, elem reflect.Type) (string, error) {
	var b strings.Builder
	for i, x := range l {
		v, _, err := emit(x, false, 0, elem) // a mapping item of a block list is a block
		if err != nil {
			return "", err
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("- " + indent(v, 2))
	}
	return b.String(), nil
}

func emitFlowMap(m yaml.MapSlice) (string, error) {
	parts := make([]string, len(m))
	for i, it := range m {
		k, err := emitScalar(it.Key, true)
		if err != nil {
			return "", err
		}
		v, _, err := emit(it.Value, true, 1, nil)
		if err != nil {
			return "", err
		}
		parts[i] = k + ": " + v
	}
	return "{" + strings.Join(parts, ", ") + "}", nil
}

func emitFlowList(l []any) (string, error) {
	parts := make([]string, len(l))
	for i, x := range l {
		v, _, err := emit(x, true, 1, nil)
		if err != nil {
			return "", err
		}
		parts[i] = v
	}
	return "[" + strings.Join(parts, ", ") + "]", nil
}

// emitScalar writes one scalar: integral floats without a fraction, multi-line strings as
// literal blocks (unless flow), everything else as goccy writes it.
func emitScalar(v any, flow bool) (string, error) {
	switch t := v.(type) {
	case nil:
		return "null", nil
	case float64:
		if t == math.Trunc(t) && math.Abs(t) < 1e15 {
			return strconv.FormatInt(int64(t), 10), nil
		}
	}
	opts := []yaml.EncodeOption{yaml.UseLiteralStyleIfMultiline(!flow)}
	if flow {
		opts = append(opts, yaml.Flow(true))
	}
	b, err := yaml.MarshalWithOptions(v, opts...)
	if err != nil {
		return "", err
	}
	return strings.TrimRight(string(b), "\n"), nil
}

func allScalars(l []any) bool {
	for _, x := range l {
		switch x.(type) {
		case yaml.MapSlice, []any:
			return false
		}
	}
	return true
}

// allSmall reports whether every item is a scalar, or a collection of scalars.
func allSmall(l []any) bool {
	for _, x := range l {
		switch t := x.(type) {
		case yaml.MapSlice:
			if !allScalars(mapValues(t)) {
				return false
			}
		case []any:
			if !allScalars(t) {
				return false
			}
		}
	}
	return true
}

// structElems reports whether typ is a list of structs.
func structElems(typ reflect.Type) bool {
	e := childType(typ, seg{isIndex: true})
	return e != nil && deref(e).Kind() == reflect.Struct
}

func mapValues(m yaml.MapSlice) []any {
	out := make([]any, len(m))
	for i, it := range m {
		out[i] = it.Value
	}
	return out
}
