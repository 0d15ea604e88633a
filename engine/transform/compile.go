package transform

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxChars is the limit, in characters (Unicode code points), of a partial
// event JSONPath, a constant, each template variable value and a template
// (facts sheet §2.3).
const MaxChars = 10240

// SpecError is the error Compile returns: the field at fault ("form",
// "value", "value.<var>", "template") and what would be valid.
type SpecError struct {
	Field string
	Msg   string
}

func (e *SpecError) Error() string { return e.Field + ": " + e.Msg }

// Transformer is a compiled Spec. It is immutable and safe for concurrent use.
type Transformer struct {
	spec      Spec
	form      string
	path      *Path      // JSONPATH
	set       pathSet    // the definite paths (JSONPATH, TEMPLATE variables)
	constant  []byte     // CONSTANT
	vars      []variable // TEMPLATE, sorted by name
	segs      []segment  // TEMPLATE
	looksJSON bool       // the template starts with {, [ or "
}

// variable is a TEMPLATE variable: a JSONPath (path != nil) or a literal.
type variable struct {
	name    string
	path    *Path
	slot    int    // result slot in the pathSet when path is definite
	literal []byte // the literal text, when path is nil
}

// Form returns the transformer's form (ORIGINAL for an empty Spec).
func (t *Transformer) Form() string { return t.form }

// Spec returns the Spec the transformer was compiled from.
func (t *Transformer) Spec() Spec { return t.spec }

// Compile validates spec completely and compiles it. The error is a
// *SpecError naming the field and what is valid.
func Compile(spec Spec) (*Transformer, error) {
	t := &Transformer{spec: spec, form: spec.Form}
	var err error
	switch spec.Form {
	case "":
		if !spec.Value.IsZero() || spec.Template != "" {
			return nil, &SpecError{"form", "missing; a value or template needs a form: " + validForms}
		}
		t.form = FormOriginal
	case FormOriginal:
		err = unused(spec, true, true)
	case FormJSONPath:
		err = t.compileJSONPath(spec)
	case FormConstant:
		err = t.compileConstant(spec)
	case FormTemplate:
		err = t.compileTemplate(spec)
	default:
		err = &SpecError{"form", fmt.Sprintf("unknown form %q; %s%s", spec.Form, validForms, didYouMean(spec.Form))}
	}
	if err != nil {
		return nil, err
	}
	return t, nil
}

const validForms = "valid forms are ORIGINAL, JSONPATH, CONSTANT and TEMPLATE"

// didYouMean suggests the form a wrongly cased name stands for.
func didYouMean(form string) string {
	for _, f := range []string{FormOriginal, FormJSONPath, FormConstant, FormTemplate} {
		if strings.EqualFold(form, f) {
			return fmt.Sprintf(" (did you mean %q?)", f)
		}
	}
	return ""
}

// unused rejects a value or template that the form does not take.
func unused(spec Spec, value, template bool) error {
	if value && !spec.Value.IsZero() {
		return &SpecError{"value", fmt.Sprintf("form %s takes no value; remove it", spec.Form)}
	}
	if template && spec.Template != "" {
		return &SpecError{"template", fmt.Sprintf("form %s takes no template; remove it", spec.Form)}
	}
	return nil
}

// textValue returns the spec's value as text, checking presence and limit.
func textValue(spec Spec, what string) (string, error) {
	v := spec.Value
	switch {
	case v.IsZero() || (!v.IsObject() && v.text == ""):
		return "", &SpecError{"value", fmt.Sprintf("missing; form %s needs %s", spec.Form, what)}
	case v.IsObject():
		return "", &SpecError{"value", fmt.Sprintf("form %s takes %s, not an object; quote it to pass JSON text", spec.Form, what)}
	}
	if err := checkLimit("value", "the value", v.text); err != nil {
		return "", err
	}
	return v.text, nil
}

// checkLimit enforces MaxChars on s, in the cloud's wording.
func checkLimit(field, what, s string) error {
	if n := utf8.RuneCountInString(s); n > MaxChars {
		return &SpecError{field, fmt.Sprintf("%s is at most %s characters (got %s)", what, thousands(MaxChars), thousands(n))}
	}
	return nil
}

// thousands formats n with comma separators, as the cloud's limits page does.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func (t *Transformer) compileJSONPath(spec Spec) error {
	if err := unused(spec, false, true); err != nil {
		return err
	}
	src, err := textValue(spec, "one JSONPath, e.g. $.data.name")
	if err != nil {
		return err
	}
	if t.path, err = ParsePath(src); err != nil {
		return &SpecError{"value", err.Error()}
	}
	if t.path.definite {
		t.set.add(t.path)
	}
	return nil
}

func (t *Transformer) compileConstant(spec Spec) error {
	if err := unused(spec, false, true); err != nil {
		return err
	}
	lit, err := textValue(spec, "the literal to deliver")
	if err != nil {
		return err
	}
	t.constant = []byte(lit)
	return nil
}

func (t *Transformer) compileTemplate(spec Spec) error {
	if spec.Template == "" {
		return &SpecError{"template", "missing; form TEMPLATE needs a template using ${var} placeholders"}
	}
	if err := checkLimit("template", "the template", spec.Template); err != nil {
		return err
	}
	obj, err := templateVars(spec.Value)
	if err != nil {
		return err
	}
	if t.vars, err = compileVars(obj); err != nil {
		return err
	}
	for i := range t.vars {
		if p := t.vars[i].path; p != nil && p.definite {
			t.vars[i].slot = t.set.add(p)
		}
	}
	if t.segs, err = parseTemplate(spec.Template); err != nil {
		return &SpecError{"template", err.Error()}
	}
	if err := t.bindSegments(); err != nil {
		return err
	}
	first := strings.TrimLeft(spec.Template, " \t\r\n")
	t.looksJSON = first != "" && strings.ContainsRune("{[\"", rune(first[0]))
	return nil
}

// templateVars returns the variable map of a TEMPLATE value, decoding the
// JSON string form.
func templateVars(v Value) (map[string]any, error) {
	const hint = `a JSON map of variables, e.g. {"name":"$.data.name"}`
	switch {
	case v.IsObject():
		return v.obj, nil
	case v.IsZero() || v.text == "":
		return nil, &SpecError{"value", "missing; form TEMPLATE needs " + hint}
	}
	obj, err := decodeObject([]byte(v.text))
	if err != nil {
		return nil, &SpecError{"value", fmt.Sprintf("not %s: %v", hint, err)}
	}
	return obj, nil
}

// compileVars checks and compiles each variable, in name order.
func compileVars(obj map[string]any) ([]variable, error) {
	names := make([]string, 0, len(obj))
	for k := range obj {
		names = append(names, k)
	}
	sort.Strings(names)
	vars := make([]variable, 0, len(names))
	for _, name := range names {
		v, err := compileVar(name, obj[name])
		if err != nil {
			return nil, err
		}
		vars = append(vars, v)
	}
	return vars, nil
}

// compileVar compiles one variable definition: a JSONPath (text starting with
// "$") or a literal. Nested structures are rejected (facts sheet §2.3).
func compileVar(name string, x any) (variable, error) {
	field := "value." + name
	if err := checkVarName(name); err != nil {
		return variable{}, &SpecError{"value", err.Error()}
	}
	var s string
	switch t := x.(type) {
	case map[string]any, []any:
		return variable{}, &SpecError{field, "nested structures are not allowed in variable definitions; give a JSONPath (e.g. $.data." + name + ") and inject it unquoted with ${" + name + "}"}
	case nil:
		return variable{}, &SpecError{field, "null is not a variable definition; give a JSONPath such as $.data." + name + " or a literal"}
	case json.Number, bool, float64, float32, int, int64, uint64:
		s = scalarText(t)
	case string:
		s = t
	default:
		return variable{}, &SpecError{field, fmt.Sprintf("unsupported value %v; give a JSONPath or a literal", t)}
	}
	if err := checkLimit(field, "each variable value", s); err != nil {
		return variable{}, err
	}
	v := variable{name: name, literal: []byte(s)}
	if strings.HasPrefix(s, "$") {
		p, err := ParsePath(s)
		if err != nil {
			return variable{}, &SpecError{field, err.Error() + " (a value starting with \"$\" is a JSONPath)"}
		}
		v.path = p
	}
	return v, nil
}

// bindSegments resolves each placeholder's variable, rejecting unknown names.
func (t *Transformer) bindSegments() error {
	for i := range t.segs {
		s := &t.segs[i]
		if !s.hasVar {
			continue
		}
		k := sort.Search(len(t.vars), func(j int) bool { return t.vars[j].name >= s.name })
		if k == len(t.vars) || t.vars[k].name != s.name {
			return &SpecError{"template", fmt.Sprintf("at offset %d: unknown variable %q; defined variables: %s", s.off, s.name, t.varNames())}
		}
		s.varIdx = k
	}
	return nil
}

// varNames lists the defined variables for messages.
func (t *Transformer) varNames() string {
	if len(t.vars) == 0 {
		return "none (define them in value)"
	}
	names := make([]string, len(t.vars))
	for i, v := range t.vars {
		names[i] = v.name
	}
	return strings.Join(names, ", ")
}
