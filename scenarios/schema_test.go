package scenarios

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
)

var update = flag.Bool("update", false, "rewrite docs/scenario.schema.json")

const schemaPath = "../docs/scenario.schema.json"

func readSchema(t *testing.T) obj {
	t.Helper()
	b, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatalf("%v (run go test ./scenarios -update)", err)
	}
	var s obj
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	return s
}

// TestSchemaUpToDate: the schema file is what the Go types generate. Descriptions (the Go doc
// comments) are left out of the comparison, so rewording a comment does not fail the build;
// `go test ./scenarios -update` refreshes them with the rest.
func TestSchemaUpToDate(t *testing.T) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(generateSchema(t)); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(schemaPath, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var want obj
	if err := json.Unmarshal(buf.Bytes(), &want); err != nil {
		t.Fatal(err)
	}
	got := readSchema(t)
	if !reflect.DeepEqual(stripDescriptions(got), stripDescriptions(want)) {
		t.Errorf("%s is out of date with the Go types: run go test ./scenarios -update and review the diff", schemaPath)
	}
}

// stripDescriptions returns v without "description" keys, recursively.
func stripDescriptions(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			if k != "description" {
				out[k] = stripDescriptions(e)
			}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = stripDescriptions(e)
		}
		return out
	}
	return v
}

// TestSchemaHasEveryField walks the Go types the decoder fills and checks that every key they
// accept is a property of the schema file, at the same place.
func TestSchemaHasEveryField(t *testing.T) {
	s := readSchema(t)
	c := &coverage{t: t, root: s, seen: map[reflect.Type]bool{}, special: special()}
	c.walk(reflect.TypeFor[Scenario](), s, "")
	if c.fields < 50 {
		t.Errorf("only %d fields checked; the walk is broken", c.fields)
	}
}

type coverage struct {
	t       *testing.T
	root    obj
	seen    map[reflect.Type]bool
	special map[reflect.Type]obj
	fields  int
}

func (c *coverage) walk(t reflect.Type, schema obj, path string) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		if _, sp := c.special[t]; sp {
			return
		}
		t = t.Elem()
		schema = c.deref(schema)
		if items, ok := schema["items"].(obj); ok {
			schema = items
		} else if ap, ok := schema["additionalProperties"].(obj); ok {
			schema = ap
		}
	}
	if _, sp := c.special[t]; sp || t.Kind() != reflect.Struct || customYAML(t) || customText(t) || c.seen[t] {
		return
	}
	c.seen[t] = true
	props, _ := c.deref(schema)["properties"].(obj)
	for _, f := range fieldsOf(t) {
		p := path + "." + f.name
		sub, ok := props[f.name].(obj)
		if !ok {
			c.t.Errorf("schema has no property %s (Go type %s)", p, t)
			continue
		}
		c.fields++
		c.walk(f.typ, sub, p)
	}
}

// deref follows a local $ref.
func (c *coverage) deref(s obj) obj {
	for i := 0; i < 10; i++ {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		s = c.root["$defs"].(obj)[strings.TrimPrefix(ref, "#/$defs/")].(obj)
	}
	return s
}

// TestShippedConformToSchema checks every shipped scenario against the schema with a small
// checker (type, properties, additionalProperties, required, items, enum, anyOf, minimum).
func TestShippedConformToSchema(t *testing.T) {
	s := readSchema(t)
	c := &coverage{root: s}
	for _, sh := range Shipped() {
		src, _ := ShippedSource(sh.Name)
		var doc any
		if err := yaml.Unmarshal(src, &doc); err != nil {
			t.Fatalf("%s: %v", sh.Name, err)
		}
		for _, e := range c.check(s, doc, "$") {
			t.Errorf("%s: %s", sh.Path, e)
		}
	}
	// The checker itself must catch mistakes.
	bad := map[string]any{"version": 1, "seeed": 1, "rules": []any{map[string]any{"name": "r", "targets": "x"}}}
	if errs := c.check(s, bad, "$"); len(errs) != 3 {
		t.Errorf("checker found %d problems in a bad document, want 3: %v", len(errs), errs)
	}
}

func (c *coverage) check(schema obj, v any, path string) []string {
	s := c.deref(schema)
	var errs []string
	if any, ok := s["anyOf"].([]any); ok {
		for _, alt := range any {
			if len(c.check(alt.(obj), v, path)) == 0 {
				return nil
			}
		}
		return []string{path + ": matches no alternative"}
	}
	if tp, ok := s["type"]; ok && !typeOK(tp, v) {
		return []string{fmt.Sprintf("%s: %v is not of type %v", path, v, tp)}
	}
	if e, ok := s["enum"].([]any); ok && !inEnum(e, v) {
		errs = append(errs, fmt.Sprintf("%s: %v is not one of %v", path, v, e))
	}
	if m, ok := s["minimum"].(float64); ok {
		if f, isNum := number(v); isNum && f < m {
			errs = append(errs, fmt.Sprintf("%s: %v < minimum %v", path, v, m))
		}
	}
	switch x := v.(type) {
	case map[string]any:
		errs = append(errs, c.checkObject(s, x, path)...)
	case []any:
		if items, ok := s["items"].(obj); ok {
			for i, it := range x {
				errs = append(errs, c.check(items, it, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	}
	return errs
}

func (c *coverage) checkObject(s obj, x map[string]any, path string) []string {
	var errs []string
	props, _ := s["properties"].(obj)
	keys := make([]string, 0, len(x))
	for k := range x {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch ps, ok := props[k].(obj); {
		case ok:
			errs = append(errs, c.check(ps, x[k], path+"."+k)...)
		case s["additionalProperties"] == false:
			errs = append(errs, fmt.Sprintf("%s: unknown property %q", path, k))
		default:
			if ap, ok := s["additionalProperties"].(obj); ok {
				errs = append(errs, c.check(ap, x[k], path+"."+k)...)
			}
		}
	}
	req, _ := s["required"].([]any)
	for _, r := range req {
		if _, ok := x[r.(string)]; !ok {
			errs = append(errs, fmt.Sprintf("%s: missing required %q", path, r))
		}
	}
	return errs
}

func typeOK(tp any, v any) bool {
	if list, ok := tp.([]any); ok {
		for _, one := range list {
			if typeOK(one, v) {
				return true
			}
		}
		return false
	}
	switch tp {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		switch v.(type) {
		case string, time.Time:
			return true
		}
		return false
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "number":
		_, ok := number(v)
		return ok
	case "integer":
		f, ok := number(v)
		return ok && f == math.Trunc(f)
	case "null":
		return v == nil
	}
	return false
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case uint64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

func inEnum(e []any, v any) bool {
	for _, x := range e {
		if x == v {
			return true
		}
	}
	return false
}
