package edit

import (
	"reflect"
	"strings"

	"github.com/fanout/fanout/scenarios"
)

// schemaType returns the Go type the scenario format has at path (a struct, slice, map or
// scalar type), or nil when the path leaves the known structure.
func schemaType(path []seg) reflect.Type {
	t := reflect.TypeOf(scenarios.Scenario{})
	for _, s := range path {
		if t = childType(t, s); t == nil {
			return nil
		}
	}
	return t
}

// childType returns the type of step s inside a value of type t (nil when unknown).
func childType(t reflect.Type, s seg) reflect.Type {
	if t == nil {
		return nil
	}
	t = deref(t)
	switch {
	case s.isIndex && t.Kind() == reflect.Slice:
		return t.Elem()
	case !s.isIndex && t.Kind() == reflect.Struct:
		if f, ok := fieldByKey(t, s.key); ok {
			return f.Type
		}
	case !s.isIndex && t.Kind() == reflect.Map:
		return t.Elem()
	}
	return nil
}

// fieldOrder returns the YAML keys of the struct type the scenario format has at path, in
// declaration order (the order the format documents), or nil when path does not lead to a
// struct (a map, a custom type, an unknown key).
func fieldOrder(path []seg) []string {
	t := schemaType(path)
	if t == nil || deref(t).Kind() != reflect.Struct {
		return nil
	}
	t = deref(t)
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		if k := yamlKey(t.Field(i)); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// fieldByKey finds the exported field whose YAML key is k.
func fieldByKey(t reflect.Type, k string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); yamlKey(f) == k {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// yamlKey is a field's YAML key: its yaml tag name, else its lowercased name ("" for
// unexported or skipped fields).
func yamlKey(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	switch name {
	case "-":
		return ""
	case "":
		return strings.ToLower(f.Name)
	}
	return name
}
