package scenarios

import (
	"encoding"
	"reflect"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
)

// fieldInfo is one YAML key of a struct type.
type fieldInfo struct {
	name  string // the YAML key
	index []int  // for reflect.Value.FieldByIndex
	typ   reflect.Type
}

var fieldCache sync.Map // reflect.Type → []fieldInfo

// fieldsOf lists the YAML keys of struct type t the way goccy/go-yaml names them: the yaml tag
// (else the json tag, else the lowercased field name), with ",inline" structs flattened.
func fieldsOf(t reflect.Type) []fieldInfo {
	if v, ok := fieldCache.Load(t); ok {
		return v.([]fieldInfo)
	}
	var out []fieldInfo
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.PkgPath != "" && !f.Anonymous {
			continue
		}
		tag := f.Tag.Get("yaml")
		if tag == "" {
			tag = f.Tag.Get("json")
		}
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if strings.Contains(","+opts+",", ",inline,") && f.Type.Kind() == reflect.Struct {
			for _, sub := range fieldsOf(f.Type) {
				sub.index = append([]int{i}, sub.index...)
				out = append(out, sub)
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out = append(out, fieldInfo{name: name, index: []int{i}, typ: f.Type})
	}
	fieldCache.Store(t, out)
	return out
}

// fieldNames returns the keys of a struct type in declaration order.
func fieldNames(t reflect.Type) []string {
	fs := fieldsOf(t)
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	return names
}

var (
	textUnmarshaler  = reflect.TypeFor[encoding.TextUnmarshaler]()
	yamlUnmarshalers = []reflect.Type{
		reflect.TypeFor[yaml.BytesUnmarshaler](),
		reflect.TypeFor[yaml.BytesUnmarshalerContext](),
		reflect.TypeFor[yaml.InterfaceUnmarshaler](),
		reflect.TypeFor[yaml.InterfaceUnmarshalerContext](),
		reflect.TypeFor[yaml.NodeUnmarshaler](),
		reflect.TypeFor[yaml.NodeUnmarshalerContext](),
	}
)

// customYAML reports whether *t decodes itself from YAML (goccy's unmarshaler interfaces).
func customYAML(t reflect.Type) bool {
	pt := reflect.PointerTo(t)
	for _, u := range yamlUnmarshalers {
		if pt.Implements(u) {
			return true
		}
	}
	return false
}

// customText reports whether *t decodes itself from text (encoding.TextUnmarshaler).
func customText(t reflect.Type) bool { return reflect.PointerTo(t).Implements(textUnmarshaler) }

// namesUnder lists the YAML keys of every struct type reachable from t (through pointers,
// slices, maps and struct fields), for "did you mean" hints inside types that decode themselves.
func namesUnder(t reflect.Type) []string {
	seen := map[reflect.Type]bool{}
	var names []string
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for _, f := range fieldsOf(t) {
			names = append(names, f.name)
			walk(f.typ)
		}
	}
	walk(t)
	return names
}
