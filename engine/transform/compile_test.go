package transform

import (
	"errors"
	"testing"
)

func TestCompileErrors(t *testing.T) {
	for _, tc := range []struct {
		spec  Spec
		field string
		msg   string
	}{
		{Spec{Form: "PARTIAL"}, "form", `unknown form "PARTIAL"; valid forms are ORIGINAL, JSONPATH, CONSTANT and TEMPLATE`},
		{Spec{Form: "Template", Template: "x"}, "form", `unknown form "Template"; valid forms are ORIGINAL, JSONPATH, CONSTANT and TEMPLATE (did you mean "TEMPLATE"?)`},
		{Spec{Value: Text("$.data")}, "form", `missing; a value or template needs a form: valid forms are ORIGINAL, JSONPATH, CONSTANT and TEMPLATE`},
		{Spec{Template: "x"}, "form", `missing; a value or template needs a form: valid forms are ORIGINAL, JSONPATH, CONSTANT and TEMPLATE`},
		{Spec{Form: FormOriginal, Value: Text("$.data")}, "value", `form ORIGINAL takes no value; remove it`},
		{Spec{Form: FormOriginal, Template: "x"}, "template", `form ORIGINAL takes no template; remove it`},
		{Spec{Form: FormJSONPath}, "value", `missing; form JSONPATH needs one JSONPath, e.g. $.data.name`},
		{Spec{Form: FormJSONPath, Value: Text("")}, "value", `missing; form JSONPATH needs one JSONPath, e.g. $.data.name`},
		{Spec{Form: FormJSONPath, Value: Text("data.name")}, "value", `invalid JSONPath "data.name" at offset 0: a JSONPath starts with "$", e.g. $.data.name`},
		{Spec{Form: FormJSONPath, Value: Vars(map[string]string{"a": "$.a"})}, "value", `form JSONPATH takes one JSONPath, e.g. $.data.name, not an object; quote it to pass JSON text`},
		{Spec{Form: FormJSONPath, Value: Text("$.a"), Template: "x"}, "template", `form JSONPATH takes no template; remove it`},
		{Spec{Form: FormConstant}, "value", `missing; form CONSTANT needs the literal to deliver`},
		{Spec{Form: FormConstant, Value: Vars(map[string]string{})}, "value", `form CONSTANT takes the literal to deliver, not an object; quote it to pass JSON text`},
		{Spec{Form: FormTemplate, Value: Vars(map[string]string{})}, "template", `missing; form TEMPLATE needs a template using ${var} placeholders`},
		{Spec{Form: FormTemplate, Template: "x"}, "value", `missing; form TEMPLATE needs a JSON map of variables, e.g. {"name":"$.data.name"}`},
		{Spec{Form: FormTemplate, Value: Text(`{"a":`), Template: "x"}, "value", `not a JSON map of variables, e.g. {"name":"$.data.name"}: unexpected EOF`},
		{Spec{Form: FormTemplate, Value: Text(`["$.a"]`), Template: "x"}, "value", `not a JSON map of variables, e.g. {"name":"$.data.name"}: json: cannot unmarshal array into Go value of type map[string]interface {}`},
		{Spec{Form: FormTemplate, Value: Text(`{"a":"$.a"} {}`), Template: "x"}, "value", `not a JSON map of variables, e.g. {"name":"$.data.name"}: unexpected data after the JSON object`},
		{Spec{Form: FormTemplate, Value: Text(`{"a":{"b":"$.b"}}`), Template: "${a}"}, "value.a", `nested structures are not allowed in variable definitions; give a JSONPath (e.g. $.data.a) and inject it unquoted with ${a}`},
		{Spec{Form: FormTemplate, Value: Text(`{"a":["$.b"]}`), Template: "${a}"}, "value.a", `nested structures are not allowed in variable definitions; give a JSONPath (e.g. $.data.a) and inject it unquoted with ${a}`},
		{Spec{Form: FormTemplate, Value: Text(`{"a":null}`), Template: "${a}"}, "value.a", `null is not a variable definition; give a JSONPath such as $.data.a or a literal`},
		{Spec{Form: FormTemplate, Value: Text(`{"a b":"x"}`), Template: "x"}, "value", `variable name "a b" may contain only letters, digits, "_" and "-"`},
		{Spec{Form: FormTemplate, Value: Text(`{"":"x"}`), Template: "x"}, "value", `empty variable name`},
		{Spec{Form: FormTemplate, Value: Text(`{"a":"$.a["}`), Template: "${a}"}, "value.a", `invalid JSONPath "$.a[" at offset 3: unclosed "[" (a value starting with "$" is a JSONPath)`},
		{Spec{Form: FormTemplate, Value: Text(`{"a":"$.a"}`), Template: "x ${a"}, "template", `at offset 2: unclosed "${": the template ends before "}"`},
		{Spec{Form: FormTemplate, Value: Text(`{"a":"$.a"}`), Template: "${}"}, "template", `at offset 0: invalid placeholder "${}": empty variable name`},
		{Spec{Form: FormTemplate, Value: Text(`{"a":"$.a"}`), Template: "${ a }"}, "template", `at offset 0: unclosed "${": found " " where "}" was expected; write ${name} or ${jsonEscape(name)}`},
		{Spec{Form: FormTemplate, Value: Text(`{"a":"$.a"}`), Template: "${b}"}, "template", `at offset 0: unknown variable "b"; defined variables: a`},
		{Spec{Form: FormTemplate, Value: Text(`{}`), Template: "${b}"}, "template", `at offset 0: unknown variable "b"; defined variables: none (define them in value)`},
		{Spec{Form: FormTemplate, Value: Text(`{"a":"$.a"}`), Template: "${upper(a)}"}, "template", `at offset 0: unknown function "upper"; valid functions are jsonEscape and htmlEscape`},
		{Spec{Form: FormTemplate, Value: Text(`{"a":"$.a"}`), Template: "${jsonEscape(a}"}, "template", `at offset 0: invalid placeholder "${jsonEscape(a}": expected ${jsonEscape(name)}`},
		{Spec{Form: FormTemplate, Value: Text(`{"a":"$.a"}`), Template: "${jsonEscape()}"}, "template", `at offset 0: invalid placeholder "${jsonEscape()}": empty variable name`},
		{Spec{Form: FormTemplate, Value: Text(`{"a":"$.a"}`), Template: "${jsonEscape(htmlEscape(a))}"}, "template", `at offset 0: invalid placeholder "${jsonEscape(htmlEscape(a))}": variable name "htmlEscape(a)" may contain only letters, digits, "_" and "-"`},
	} {
		_, err := Compile(tc.spec)
		var se *SpecError
		if !errors.As(err, &se) {
			t.Errorf("Compile(%+v) = %v, want a *SpecError", tc.spec, err)
			continue
		}
		if se.Field != tc.field || se.Msg != tc.msg {
			t.Errorf("Compile(%+v):\n got %s: %s\nwant %s: %s", tc.spec, se.Field, se.Msg, tc.field, tc.msg)
		}
	}
}

func TestCompileAccepts(t *testing.T) {
	for _, s := range []Spec{
		{},
		{Form: FormOriginal},
		{Form: FormJSONPath, Value: Text("$")},
		{Form: FormConstant, Value: Text(" ")},
		{Form: FormTemplate, Value: Text(`{}`), Template: "fixed"},
		{Form: FormTemplate, Value: Text(`{"n":5,"b":true,"f":1.5}`), Template: "${n}${b}${f}"},
		{Form: FormTemplate, Value: Vars(map[string]string{"unused": "$.x"}), Template: "no placeholder"},
	} {
		tr, err := Compile(s)
		if err != nil {
			t.Errorf("Compile(%+v): %v", s, err)
			continue
		}
		if want := s.Form; want != "" && tr.Form() != want || want == "" && tr.Form() != FormOriginal {
			t.Errorf("Compile(%+v).Form() = %s", s, tr.Form())
		}
	}
}

func TestTemplateNumberLiterals(t *testing.T) {
	tr := mustCompile(t, Spec{Form: FormTemplate, Value: Text(`{"n":5,"b":true,"f":1.50}`), Template: "${n} ${b} ${f}"})
	res, err := tr.Apply([]byte(`{}`))
	if err != nil || string(res.Payload) != "5 true 1.50" {
		t.Errorf("got %q, %v; want number literals as written", res.Payload, err)
	}
}
