package scenarios

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/fanout/fanout/engine/field"
)

// decoder fills Go values from a YAML AST, reporting every problem (unknown fields, wrong
// types, bad units) instead of stopping at the first. Types that decode themselves (goccy's
// unmarshaler interfaces) are handed to goccy; text types (durations, sizes, rates, times) get
// the scalar's text.
type decoder struct {
	report  func(at pos, path, msg string)
	anchors map[string]ast.Node
	failed  map[string]bool // paths whose value did not decode
}

// fail reports a value that did not decode and remembers its path, so that validation does not
// report the same field again (e.g. as missing).
func (d *decoder) fail(at pos, path, msg string) {
	d.failed[path] = true
	d.report(at, path, msg)
}

// maxDepth bounds the nesting the decoder follows (aliases can make cycles).
const maxDepth = 64

// value decodes n into v (addressable), whose field path is path.
func (d *decoder) value(n ast.Node, v reflect.Value, path string, depth int) {
	n = d.resolve(n, path)
	if depth > maxDepth {
		d.fail(nodePos(n), path, "nesting too deep")
		return
	}
	if _, null := n.(*ast.NullNode); null || n == nil {
		v.SetZero()
		return
	}
	t := v.Type()
	switch {
	case customYAML(t):
		d.custom(n, v, path)
		return
	case customText(t):
		d.text(n, v, path)
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		d.value(n, p.Elem(), path, depth+1)
		v.Set(p)
	case reflect.Struct:
		d.structure(n, v, path, depth)
	case reflect.Slice:
		d.slice(n, v, path, depth)
	case reflect.Map:
		d.mapping(n, v, path, depth)
	case reflect.Interface:
		d.custom(n, v, path)
	default:
		d.scalar(n, v, path)
	}
}

// resolve unwraps tags and anchors and follows aliases (anchors were collected beforehand).
func (d *decoder) resolve(n ast.Node, path string) ast.Node {
	for i := 0; i < maxDepth; i++ {
		switch t := n.(type) {
		case *ast.TagNode:
			n = t.Value
		case *ast.AnchorNode:
			n = t.Value
		case *ast.AliasNode:
			name := t.Value.GetToken().Value
			target, ok := d.anchors[name]
			if !ok {
				d.report(nodePos(t), path, fmt.Sprintf("alias *%s refers to no anchor", name))
				return nil
			}
			n = target
		default:
			return n
		}
	}
	return n
}

func (d *decoder) structure(n ast.Node, v reflect.Value, path string, depth int) {
	kvs, ok := field.YAMLPairs(n)
	if !ok {
		d.fail(nodePos(n), path, fmt.Sprintf("want a mapping with fields %s, got %s",
			strings.Join(fieldNames(v.Type()), ", "), kindName(n)))
		return
	}
	fields := fieldsOf(v.Type())
	seen := map[string]bool{}
	for _, kv := range kvs {
		key, ok := field.YAMLKey(kv.Key)
		if !ok {
			d.report(nodePos(kv.Key), path, "mapping keys must be plain names")
			continue
		}
		if key == "<<" {
			d.report(nodePos(kv.Key), path, "merge keys (<<) are not supported; repeat the fields instead")
			continue
		}
		if seen[key] {
			d.report(nodePos(kv.Key), field.Join(path, key), fmt.Sprintf("duplicate field %q", key))
			continue
		}
		seen[key] = true
		f, found := findField(fields, key)
		if !found {
			d.report(nodePos(kv.Key), path, unknownFieldMsg(key, fieldNames(v.Type())))
			continue
		}
		d.value(kv.Value, v.FieldByIndex(f.index), field.Join(path, key), depth+1)
	}
}

func findField(fields []fieldInfo, key string) (fieldInfo, bool) {
	for _, f := range fields {
		if f.name == key {
			return f, true
		}
	}
	return fieldInfo{}, false
}

func (d *decoder) slice(n ast.Node, v reflect.Value, path string, depth int) {
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		d.fail(nodePos(n), path, "want a list, got "+kindName(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(seq.Values), len(seq.Values))
	for i, item := range seq.Values {
		d.value(item, s.Index(i), field.Index(path, i), depth+1)
	}
	v.Set(s)
}

func (d *decoder) mapping(n ast.Node, v reflect.Value, path string, depth int) {
	kvs, ok := field.YAMLPairs(n)
	if !ok || v.Type().Key().Kind() != reflect.String {
		d.fail(nodePos(n), path, "want a mapping, got "+kindName(n))
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(kvs))
	for _, kv := range kvs {
		key, ok := field.YAMLKey(kv.Key)
		if !ok {
			d.report(nodePos(kv.Key), path, "mapping keys must be plain names")
			continue
		}
		elem := reflect.New(v.Type().Elem()).Elem()
		d.value(kv.Value, elem, field.Join(path, key), depth+1)
		m.SetMapIndex(reflect.ValueOf(key).Convert(v.Type().Key()), elem)
	}
	v.Set(m)
}

// custom hands n to goccy for a type that decodes itself.
func (d *decoder) custom(n ast.Node, v reflect.Value, path string) {
	err := yaml.NodeToValue(n, v.Addr().Interface(), yaml.DisallowUnknownField())
	if err == nil {
		return
	}
	at, msg := nodePos(n), err.Error()
	var ye yaml.Error
	if errors.As(err, &ye) {
		msg = ye.GetMessage()
		if p := tokenPos(ye.GetToken()); p.line > 0 {
			at = p
		}
	}
	var ue *yaml.UnknownFieldError
	if errors.As(err, &ue) && ue.GetToken() != nil {
		key := ue.GetToken().Value
		if s, ok := suggest(key, namesUnder(v.Type())); ok {
			msg = fmt.Sprintf("unknown field %q; did you mean %q?", key, s)
		}
	}
	d.fail(at, path, firstLine(msg))
}
