package transform

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzTemplateParse: the template parser never panics; its errors carry an
// offset inside the template; a compiled template renders without panicking
// on arbitrary events, and on an event where no path matches it renders
// exactly its literal text.
func FuzzTemplateParse(f *testing.F) {
	for _, s := range []string{
		"The instance is broken, which name is ${name}, ${constant}",
		`{"name":"${name}","state":[9,"${state}",true]}`, `{"Files":${Files}}`,
		"${jsonEscape(a)}${htmlEscape(b)}", "${", "${a", "${a(b)}", "$${a}}", `"\"${a}\""`, "${}",
	} {
		f.Add(s, []byte(`{"data":{"name":"test","a":"\"x\"","Files":[1,{"b":2}]}}`))
	}
	f.Fuzz(func(t *testing.T, template string, event []byte) {
		segs, err := parseTemplate(template)
		if err != nil {
			te, ok := err.(*TemplateError)
			if !ok || te.Offset < 0 || te.Offset > len(template) {
				t.Fatalf("parseTemplate(%q): bad error %#v", template, err)
			}
			return
		}
		vars := map[string]string{}
		for _, s := range segs {
			if s.hasVar {
				vars[s.name] = "$.data." + s.name
			}
		}
		tr, err := Compile(Spec{Form: FormTemplate, Value: Vars(vars), Template: template})
		if err != nil {
			if template != "" && len(template) <= MaxChars { // empty or long templates are rejected
				t.Fatalf("Compile of a parsed template %q: %v", template, err)
			}
			return
		}
		_, _ = tr.Apply(event)
		res, err := tr.Apply([]byte(`{"nodata":1}`))
		if err != nil {
			t.Fatal(err)
		}
		var lits strings.Builder
		for _, s := range segs {
			lits.WriteString(s.lit)
		}
		if string(res.Payload) != lits.String() {
			t.Fatalf("with every path missing, %q rendered %q, want %q", template, res.Payload, lits.String())
		}
	})
}

// FuzzJSONPath: the path parser never panics; extraction never panics; on a
// valid JSON document it never fails and agrees with the reference evaluator.
func FuzzJSONPath(f *testing.F) {
	for _, p := range []string{"$", "$.data.name", "$['a.b'][0]", "$.a[*].b", "$.*", "$..x", "$[?(@.a)]", `$["q\"x"]`} {
		f.Add(p, []byte(`{"data":{"name":"test","scope":100},"a.b":[{"b":1}],"a":[{"b":"x"},{"c":null}]}`))
	}
	f.Fuzz(func(t *testing.T, src string, doc []byte) {
		p, err := ParsePath(src)
		if err != nil {
			if pe, ok := err.(*PathError); !ok || pe.Offset < 0 || pe.Offset > len(src) {
				t.Fatalf("ParsePath(%q): bad error %#v", src, err)
			}
			return
		}
		x, err := extract(doc, p)
		if !json.Valid(doc) {
			return
		}
		if err != nil {
			t.Fatalf("extract %s on valid %q: %v", src, doc, err)
		}
		root, err := decodeUseNumber(doc)
		if err != nil {
			return
		}
		if msg := compareExtract(p, x, refEval(root, p.steps)); msg != "" {
			t.Fatalf("%s on %q: %s", src, doc, msg)
		}
	})
}

// FuzzCompile: decoding and compiling arbitrary specifications never panics,
// errors are *SpecError, and a compiled transformer applies to arbitrary
// events without panicking (ORIGINAL returning the event itself).
func FuzzCompile(f *testing.F) {
	for _, ex := range factsExamples {
		spec, _ := json.Marshal(ex.spec)
		f.Add(spec, []byte(ex.event))
	}
	f.Add([]byte(`{"form":"TEMPLATE","value":"{\"a\":\"$.a[*].b\"}","template":"${htmlEscape(a)}"}`), []byte(`{"a":[{"b":"<"}]}`))
	f.Fuzz(func(t *testing.T, specJSON, event []byte) {
		var spec Spec
		if json.Unmarshal(specJSON, &spec) != nil {
			return
		}
		tr, err := Compile(spec)
		if err != nil {
			if _, ok := err.(*SpecError); !ok {
				t.Fatalf("Compile error %T %v, want *SpecError", err, err)
			}
			return
		}
		res, err := tr.Apply(event)
		if tr.Form() == FormOriginal && (err != nil || string(res.Payload) != string(event)) {
			t.Fatalf("ORIGINAL changed the event")
		}
	})
}
