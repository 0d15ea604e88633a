package transform

import (
	"errors"
	"strings"
	"testing"
)

func mustCompile(t testing.TB, s Spec) *Transformer {
	t.Helper()
	tr, err := Compile(s)
	if err != nil {
		t.Fatalf("Compile(%+v): %v", s, err)
	}
	return tr
}

func jp(path string) Spec { return Spec{Form: FormJSONPath, Value: Text(path)} }

func tmpl(vars map[string]string, template string) Spec {
	return Spec{Form: FormTemplate, Value: Vars(vars), Template: template}
}

func TestApplyJSONPath(t *testing.T) {
	pretty := "{ \"data\" : {\n  \"a\" : [ 1 , 2 ],\n  \"s\" : \"x y\" } }\n"
	for _, tc := range []struct {
		event, path, want string
		missing           bool
	}{
		{pretty, "$.data.a", `[1,2]`, false},
		{pretty, "$.data", `{"a":[1,2],"s":"x y"}`, false},
		{pretty, "$", `{"data":{"a":[1,2],"s":"x y"}}`, false},
		{pretty, "$.data.a[1]", `2`, false},
		{`{"s":"a\"b\u00e9\n\/"}`, "$.s", "a\"bé\n/", false},
		{`{"o":{"s":"a\" }"}}`, "$.o", `{"s":"a\" }"}`, false},
		{`{"o":{"s":"a\" }", "t" : 1}}`, "$.o", `{"s":"a\" }","t":1}`, false},
		{`{"d\u0061ta":{"x":1}}`, "$.data.x", `1`, false},
		{`{"a":1,"a":2}`, "$.a", `2`, false},
		{`{"n":1.50e3,"z":-0,"t":true,"f":false,"u":null}`, "$.n", `1.50e3`, false},
		{`{"n":1.50e3,"z":-0,"t":true,"f":false,"u":null}`, "$.z", `-0`, false},
		{`{"n":1.50e3,"z":-0,"t":true,"f":false,"u":null}`, "$.f", `false`, false},
		{`{"n":1.50e3,"z":-0,"t":true,"f":false,"u":null}`, "$.u", `null`, false},
		{`{"a":[1,2]}`, "$.a[2]", ``, true},
		{`{"a":[1,2]}`, "$.a.b", ``, true},
		{`{"a":{"0":1}}`, "$.a[0]", ``, true},
		{`{"a":"str"}`, "$.a.b", ``, true},
		{`{"a":"str"}`, "$.a[0]", ``, true},
		{`{"a":{}}`, "$.a.b", ``, true},
		{`{"a":[]}`, "$.a[0]", ``, true},
		{`{"a":{"x":1,"y":[2]}}`, "$.a.*", `[1,[2]]`, false},
		{`{"a":[[1,2],[3]]}`, "$.a[*][*]", `[1,2,3]`, false},
		{`{"a":[{"b":1},{"c":2},{"b":"x"}]}`, "$.a[*].b", `[1,"x"]`, false},
		{`{"a":[ { "b" : [ 1, 2 ] } ]}`, "$.a[*].b", `[[1,2]]`, false},
		{`{"a":[]}`, "$.a[*]", `[]`, true},
		{`{"a":1}`, "$.a[*]", `[]`, true},
		{`{"a":1}`, "$.b[*]", `[]`, true},
		{`{"a b":{"c.d":"ok"}}`, `$['a b']["c.d"]`, `ok`, false},
	} {
		res, err := mustCompile(t, jp(tc.path)).Apply([]byte(tc.event))
		if err != nil {
			t.Errorf("%s on %s: %v", tc.path, tc.event, err)
			continue
		}
		if string(res.Payload) != tc.want {
			t.Errorf("%s on %s = %q, want %q", tc.path, tc.event, res.Payload, tc.want)
		}
		gotMissing := len(res.Warnings) == 1 && res.Warnings[0].Kind == WarnMissingPath && res.Warnings[0].Path == tc.path
		if gotMissing != tc.missing || (!tc.missing && len(res.Warnings) > 0) {
			t.Errorf("%s on %s: warnings %v, want missing=%v", tc.path, tc.event, res.Warnings, tc.missing)
		}
	}
}

func TestApplyTemplate(t *testing.T) {
	ev := withData(`{"name":"test","obj":{"a":"b"},"html":"<a href='x'>&\"</a>","ctl":"\u0001\t","n":7,"nul":null}`)
	for _, tc := range []struct {
		name     string
		vars     map[string]string
		template string
		want     string
		warnings []WarningKind
	}{
		{"osrc missing", map[string]string{"text": "$.data.text", "number": "$.data.number"},
			"The ${text} = ${number}!", "The  = !", []WarningKind{WarnMissingPath, WarnMissingPath}},
		{"twice", map[string]string{"name": "$.data.name"}, "${name}/${name}", "test/test", nil},
		{"dollar text", map[string]string{"name": "$.data.name"}, "cost $5 {$} ${name}$", "cost $5 {$} test$", nil},
		{"plain text no check", map[string]string{"name": "$.data.name"}, "name: ${name} {", "name: test {", nil},
		{"leading blank json", map[string]string{"n": "$.data.n"}, " \n{\"n\":${n}}", " \n{\"n\":7}", nil},
		{"null", map[string]string{"v": "$.data.nul"}, `[${v},"${v}"]`, `[null,"null"]`, nil},
		{"object in quotes", map[string]string{"o": "$.data.obj"}, `{"o":"${o}"}`, `{"o":"{"a":"b"}"}`, []WarningKind{WarnInvalidJSON}},
		{"jsonEscape object", map[string]string{"o": "$.data.obj"}, `{"o":"${jsonEscape(o)}"}`, `{"o":"{\"a\":\"b\"}"}`, nil},
		{"jsonEscape control", map[string]string{"c": "$.data.ctl"}, `"${jsonEscape(c)}"`, `"\u0001\t"`, nil},
		{"htmlEscape", map[string]string{"h": "$.data.html"}, `${htmlEscape(h)}`, `&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;`, nil},
		{"html in json", map[string]string{"h": "$.data.html"}, `{"h":"${htmlEscape(h)}"}`, `{"h":"&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;"}`, nil},
		{"literal", map[string]string{"c": "Please deal with it timely.", "name": "$.data.name"}, `{"c":"${c}","n":"${name}"}`, `{"c":"Please deal with it timely.","n":"test"}`, nil},
		{"literal unquoted", map[string]string{"c": "oops"}, `{"c":${c}}`, `{"c":oops}`, []WarningKind{WarnInvalidJSON}},
		{"number literal ok", map[string]string{"c": "12"}, `{"c":${c}}`, `{"c":12}`, nil},
		{"whole event", map[string]string{"e": "$"}, `{"event":${e}}`, `{"event":` + ev + `}`, nil},
		{"no placeholders", map[string]string{}, `{"fixed":true}`, `{"fixed":true}`, nil},
		{"wildcard missing", map[string]string{"w": "$.data.none[*]"}, `{"w":${w}}`, `{"w":[]}`, []WarningKind{WarnMissingPath}},
	} {
		res, err := mustCompile(t, tmpl(tc.vars, tc.template)).Apply([]byte(ev))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if string(res.Payload) != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, res.Payload, tc.want)
		}
		var kinds []WarningKind
		for _, w := range res.Warnings {
			kinds = append(kinds, w.Kind)
		}
		if !equalKinds(kinds, tc.warnings) {
			t.Errorf("%s: warnings %v, want %v", tc.name, res.Warnings, tc.warnings)
		}
	}
}

func equalKinds(a, b []WarningKind) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestApplyOriginalAndConstant(t *testing.T) {
	ev := []byte("not even JSON {")
	res, err := mustCompile(t, Spec{}).Apply(ev)
	if err != nil || &res.Payload[0] != &ev[0] || len(res.Payload) != len(ev) {
		t.Errorf("empty spec: got %q, %v; want the event itself", res.Payload, err)
	}
	res, err = mustCompile(t, Spec{Form: FormConstant, Value: Text(`{"k":1}`)}).Apply(ev)
	if err != nil || string(res.Payload) != `{"k":1}` {
		t.Errorf("CONSTANT: got %q, %v", res.Payload, err)
	}
}

// TestApplyBadEvent feeds events that are malformed on the path being read.
func TestApplyBadEvent(t *testing.T) {
	for _, tc := range []struct{ ev, path string }{
		{``, "$.data.name"}, {`   `, "$.data.name"}, {`{"data":`, "$.data.name"},
		{`{"data":{"name":tru}}`, "$.data.name"}, {`{"data":{"name":"x}}`, "$.data.name"},
		{`{data:1}`, "$.data.name"}, {`{"data" 1}`, "$.data.name"}, {`{"data":1 "x":2}`, "$.data.name"},
		{`{"data":{"name":[1 2]}}`, "$.data.name"}, {`{"data":{"name":"a` + "\x01" + `"}}`, "$.data.name"},
		{`{"data":{"name":"\q"}}`, "$.data.name"}, {`{"data":{"name":[1,2,}}`, "$.data.name"},
		{`{"data":{"name":01}}`, "$.data.name"}, {`{"data":{"name":1.}}`, "$.data.name"},
		{`{"data":{"name":-}}`, "$.data.name"}, {`{"data":{"name":1e}}`, "$.data.name"},
		{`{"data":[{"name":{"a" 1}}]}`, "$.data[*].name"}, {`{"data":[1 2]}`, "$.data[*]"},
		{`{"data":{"x":1,}}`, "$.data.*"}, {`{"data":[1,2`, "$.data[5]"},
	} {
		specs := []Spec{jp(tc.path), tmpl(map[string]string{"n": tc.path}, "${n}")}
		for _, spec := range specs {
			_, err := mustCompile(t, spec).Apply([]byte(tc.ev))
			if !errors.Is(err, ErrBadEvent) {
				t.Errorf("%s %s on %q: err = %v, want ErrBadEvent", spec.Form, tc.path, tc.ev, err)
			}
		}
	}
}

func TestApplyBadEventNamesVariable(t *testing.T) {
	for _, tc := range []struct{ path, ev, want string }{
		{"$.data.name", `{"data":`, `template variables: event is not valid JSON`},
		{"$.data.name", `{"data":{"name":"\q"}}`, `variable "n" ($.data.name): event is not valid JSON`},
		{"$.data[*]", `{"data":[1 2]}`, `variable "n" ($.data[*]): event is not valid JSON`},
	} {
		_, err := mustCompile(t, tmpl(map[string]string{"n": tc.path}, "${n}")).Apply([]byte(tc.ev))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s on %s: err = %v, want prefix %q", tc.path, tc.ev, err, tc.want)
		}
	}
}

func TestApplyManyVariables(t *testing.T) {
	vars := map[string]string{}
	var tpl strings.Builder
	for i := range 12 {
		name := string(rune('a' + i))
		vars[name] = "$.data." + name
		tpl.WriteString("${" + name + "}")
	}
	ev := withData(`{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"j":0,"k":1,"l":2}`)
	res, err := mustCompile(t, tmpl(vars, tpl.String())).Apply([]byte(ev))
	if err != nil || string(res.Payload) != "123456789012" {
		t.Errorf("got %q, %v", res.Payload, err)
	}
}
