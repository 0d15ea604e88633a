package scenarios

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/fc"
	"github.com/fanout/fanout/engine/field"
	"github.com/fanout/fanout/engine/load"
	"github.com/fanout/fanout/engine/sim"
	"github.com/fanout/fanout/engine/transform"
)

// This file generates docs/scenario.schema.json from the Go types the decoder accepts, their
// doc comments and the tables below (enums, required fields, the text-typed units). The
// golden test in schema_test.go compares it with the file; `go test ./scenarios -update`
// rewrites it.

type obj = map[string]any

// special are the types that decode from text or by their own rules, with their schema.
func special() map[reflect.Type]obj {
	return map[reflect.Type]obj{
		reflect.TypeFor[field.Duration](): {"$ref": "#/$defs/duration"},
		reflect.TypeFor[field.Bytes]():    {"$ref": "#/$defs/bytes"},
		reflect.TypeFor[field.Rate]():     {"$ref": "#/$defs/rate"},
		reflect.TypeFor[time.Time]():      {"type": "string", "format": "date-time"},
		reflect.TypeFor[bus.Pattern]():    {"$ref": "#/$defs/pattern"},
		reflect.TypeFor[transform.Value](): {"type": []any{"string", "number", "boolean", "object"},
			"$comment": "JSONPATH: a path; CONSTANT: the literal; TEMPLATE: a mapping of variables to JSONPaths or literals (or that mapping as a JSON string)"},
		reflect.TypeFor[load.Gen]():   {"$ref": "#/$defs/generator"},
		reflect.TypeFor[load.Gens]():  {"type": "object", "additionalProperties": obj{"$ref": "#/$defs/generator"}},
		reflect.TypeFor[load.Value](): {"$comment": "any YAML value (the event's JSON payload)"},
		reflect.TypeFor[fc.Variability](): {"anyOf": []any{
			obj{"type": "number", "minimum": 0, "description": "log-normal sigma"},
			obj{"$ref": "#/$defs/sim.Spec"}}},
	}
}

// unitDefs are the shared definitions the special types refer to.
var unitDefs = obj{
	"duration": obj{"type": []any{"string", "number"},
		"description": "a duration: Go duration text (250ms, 1h30m, 6h), days (7d) or a number of seconds"},
	"bytes": obj{"type": []any{"string", "integer"}, "minimum": 0,
		"description": "a size: a number of bytes or a number with B, KB, MB, GB, TB (1 KB = 1024 B)"},
	"rate": obj{"type": []any{"string", "number"},
		"description": "a rate in events per second: 50/s, 3000/min, 2/h, 10/day or a number per second"},
	"pattern": obj{"type": []any{"object", "string"},
		"description": "an event pattern: a mapping (AND across fields, OR within a list), or a string holding the JSON object; see docs/patterns.md"},
	"generator": obj{
		"description": "a constant (any value), or a mapping with one of const, choice, dist, seq, uuid, expr (and for dist: as, round, min, max)"},
}

// enums lists the valid values of string fields, keyed "package.Type.Field".
func enums() map[string][]string {
	return map[string][]string{
		"scenarios.Scenario.Dialect":        {"alibaba", "aws"},
		"scenarios.Billing.Model":           {"gb-second", "cu"},
		"bus.BusSpec.Kind":                  {bus.KindDefault, bus.KindCustom, bus.KindPartner},
		"bus.TargetSpec.Type":               bus.TargetTypes,
		"bus.TargetSpec.Invocation":         {bus.InvokeAsync, bus.InvokeSync},
		"bus.TargetSpec.ErrorsTolerance":    {delivery.ToleranceAll, delivery.ToleranceNone},
		"delivery.RetrySpec.Strategy":       {delivery.BackoffRetry, delivery.ExponentialDecayRetry},
		"delivery.QueueSpec.Type":           {delivery.QueueMNS, delivery.QueueRocketMQ},
		"transform.Spec.Form":               {transform.FormOriginal, transform.FormJSONPath, transform.FormConstant, transform.FormTemplate},
		"sim.Spec.Kind":                     sim.Kinds(),
		"fc.FunctionSpec.Runtime":           fc.Runtimes,
		"fc.FunctionSpec.InstanceSelection": {fc.SelectNewest, fc.SelectOldest, fc.SelectRandom},
		"load.Arrival.Process":              {load.ProcConstant, load.ProcPoisson, load.ProcBursts, load.ProcDiurnal, load.ProcRamp, load.ProcReplay},
		"load.Arrival.Format":               {load.FormatTimestamps, load.FormatCloudEvents},
	}
}

// required lists the keys each type needs, keyed "package.Type".
var required = map[string][]string{
	"scenarios.Scenario":      {"version"},
	"scenarios.Expectation":   {"name", "assert"},
	"bus.BusSpec":             {"name"},
	"bus.RuleSpec":            {"name", "pattern", "targets"},
	"bus.TargetSpec":          {"id", "type"},
	"delivery.QueueSpec":      {"name", "type"},
	"delivery.ConsumerSpec":   {"function"},
	"delivery.DeadLetterSpec": {"queue"},
	"fc.ServiceSpec":          {"name", "functions"},
	"fc.FunctionSpec":         {"name", "runtime"},
	"sim.Spec":                {"kind"},
	"load.Spec":               {"name", "arrival"},
	"load.Arrival":            {"process"},
}

// schemaGen builds the schema, one $defs entry per struct type.
type schemaGen struct {
	t       *testing.T
	docs    map[string]string // "package.Type.Field" → doc comment
	defs    obj
	special map[reflect.Type]obj
	enums   map[string][]string
}

func generateSchema(t *testing.T) obj {
	g := &schemaGen{t: t, docs: fieldDocs(t), defs: obj{}, special: special(), enums: enums()}
	for k, v := range unitDefs {
		g.defs[k] = v
	}
	root := g.structSchema(reflect.TypeFor[Scenario]())
	out := obj{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         "https://github.com/fanout/fanout/docs/scenario.schema.json",
		"title":       "Fanout scenario",
		"description": "A Fanout scenario file (docs/scenario-format.md). Generated from the Go types by `go test ./scenarios -update`.",
	}
	for k, v := range root {
		out[k] = v
	}
	out["$defs"] = g.defs
	return out
}

func typeKey(t reflect.Type) string {
	return filepath.Base(t.PkgPath()) + "." + t.Name()
}

func (g *schemaGen) schemaOf(t reflect.Type) obj {
	if s, ok := g.special[t]; ok {
		return copyObj(s)
	}
	if customYAML(t) || customText(t) {
		g.t.Errorf("type %s decodes itself: add it to special() in schema_gen_test.go", t)
		return obj{}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.schemaOf(t.Elem())
	case reflect.Struct:
		key := typeKey(t)
		if _, done := g.defs[key]; !done {
			g.defs[key] = obj{} // placeholder against recursion
			g.defs[key] = g.structSchema(t)
		}
		return obj{"$ref": "#/$defs/" + key}
	case reflect.Slice:
		return obj{"type": "array", "items": g.schemaOf(t.Elem())}
	case reflect.Map:
		return obj{"type": "object", "additionalProperties": g.schemaOf(t.Elem())}
	case reflect.String:
		return obj{"type": "string"}
	case reflect.Bool:
		return obj{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return obj{"type": "integer"}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return obj{"type": "integer", "minimum": 0}
	case reflect.Float32, reflect.Float64:
		return obj{"type": "number"}
	case reflect.Interface:
		return obj{}
	}
	g.t.Errorf("no schema for %s", t)
	return obj{}
}

func (g *schemaGen) structSchema(t reflect.Type) obj {
	props := obj{}
	for _, f := range fieldsOf(t) {
		s := g.schemaOf(f.typ)
		goName := t.FieldByIndex(f.index).Name
		key := typeKey(t) + "." + goName
		if d := g.docs[key]; d != "" {
			s["description"] = d
		}
		if e, ok := g.enums[key]; ok {
			s["enum"] = e
		}
		props[f.name] = s
	}
	s := obj{"type": "object", "additionalProperties": false, "properties": props}
	if r := required[typeKey(t)]; r != nil {
		s["required"] = r
	}
	return s
}

func copyObj(o obj) obj {
	c := obj{}
	for k, v := range o {
		c[k] = v
	}
	return c
}

// fieldDocs reads the doc comments of the struct fields of every package the scenario uses.
func fieldDocs(t *testing.T) map[string]string {
	docs := map[string]string{}
	for _, dir := range []string{".", "../engine/bus", "../engine/delivery", "../engine/fc", "../engine/load",
		"../engine/sim", "../engine/transform", "../engine/field"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		fset := token.NewFileSet()
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			af, err := parser.ParseFile(fset, f, src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			collectDocs(af, docs)
		}
	}
	return docs
}

func collectDocs(af *ast.File, docs map[string]string) {
	pkg := af.Name.Name
	ast.Inspect(af, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok {
			return true
		}
		st, ok := ts.Type.(*ast.StructType)
		if !ok {
			return false
		}
		for _, fl := range st.Fields.List {
			text := fl.Doc.Text()
			if text == "" {
				text = fl.Comment.Text()
			}
			text = strings.Join(strings.Fields(text), " ")
			for _, name := range fl.Names {
				if text != "" {
					docs[pkg+"."+ts.Name.Name+"."+name.Name] = text
				}
			}
		}
		return false
	})
}
