package transform

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// Spec is the declarative transformer of one target, as written in scenario
// files (YAML or JSON) and in Alibaba's ParamList {Form, Value, Template}.
type Spec struct {
	// Form is ORIGINAL, JSONPATH, CONSTANT or TEMPLATE (exact case). Empty
	// means ORIGINAL when Value and Template are empty too.
	Form string `yaml:"form" json:"form"`
	// Value is the JSONPath (JSONPATH), the literal (CONSTANT) or the map of
	// variables to JSONPaths or literals (TEMPLATE), given either as an object
	// or as a JSON string holding the object. Unused by ORIGINAL.
	Value Value `yaml:"value,omitempty" json:"value,omitzero"`
	// Template is the TEMPLATE text with ${var} placeholders; TEMPLATE only.
	Template string `yaml:"template,omitempty" json:"template,omitempty"`
}

// Form names, as the Alibaba API spells them.
const (
	FormOriginal = "ORIGINAL"
	FormJSONPath = "JSONPATH"
	FormConstant = "CONSTANT"
	FormTemplate = "TEMPLATE"
)

// Value is the Spec's value field. It is either text (a string, or a scalar
// written without quotes, kept as its text) or an object of TEMPLATE
// variables. The zero Value is unset.
type Value struct {
	set  bool
	text string         // when set and obj == nil
	obj  map[string]any // the object form: values as decoded (string, json.Number, bool, nested...)
}

// Text returns a text Value.
func Text(s string) Value { return Value{set: true, text: s} }

// Vars returns an object Value mapping variable names to JSONPaths or literals.
func Vars(m map[string]string) Value {
	obj := make(map[string]any, len(m))
	for k, v := range m {
		obj[k] = v
	}
	return Value{set: true, obj: obj}
}

// IsZero reports whether the value is unset.
func (v Value) IsZero() bool { return !v.set }

// IsObject reports whether the value was given as an object.
func (v Value) IsObject() bool { return v.obj != nil }

// String returns the text form: the text itself, or the object as compact JSON
// with sorted keys.
func (v Value) String() string {
	if v.obj == nil {
		return v.text
	}
	b, err := json.Marshal(v.obj)
	if err != nil {
		return fmt.Sprint(v.obj)
	}
	return string(b)
}

// UnmarshalJSON accepts a JSON string, an object, or a scalar (kept as text).
func (v *Value) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*v = Text(s)
	case len(b) > 0 && b[0] == '{':
		obj, err := decodeObject(b)
		if err != nil {
			return err
		}
		*v = Value{set: true, obj: obj}
	case len(b) > 0 && b[0] == '[':
		return fmt.Errorf("value must be a string or an object, not an array")
	case string(b) == "null":
		*v = Value{}
	default:
		*v = Text(string(b))
	}
	return nil
}

// UnmarshalYAML accepts a string, a mapping or a scalar (kept as its text).
// The signature is the one github.com/goccy/go-yaml (and go-yaml v2) call.
func (v *Value) UnmarshalYAML(unmarshal func(any) error) error {
	var x any
	if err := unmarshal(&x); err != nil {
		return err
	}
	switch t := x.(type) {
	case nil:
		*v = Value{}
	case string:
		*v = Text(t)
	case map[string]any:
		if t == nil {
			t = map[string]any{}
		}
		*v = Value{set: true, obj: t}
	case []any:
		return fmt.Errorf("value must be a string or a mapping, not a sequence")
	default:
		*v = Text(scalarText(t))
	}
	return nil
}

// MarshalJSON writes the text as a JSON string or the object as an object.
func (v Value) MarshalJSON() ([]byte, error) {
	if v.obj != nil {
		return json.Marshal(v.obj)
	}
	return json.Marshal(v.text)
}

// MarshalYAML returns the text or the object, for YAML encoders.
func (v Value) MarshalYAML() (any, error) {
	if v.obj != nil {
		return v.obj, nil
	}
	return v.text, nil
}

// decodeObject decodes a JSON object keeping numbers as their text.
func decodeObject(b []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("unexpected data after the JSON object")
	}
	if obj == nil {
		obj = map[string]any{}
	}
	return obj, nil
}

// scalarText renders a decoded scalar (number or bool) as text.
func scalarText(x any) string {
	switch t := x.(type) {
	case string:
		return t
	case json.Number:
		return t.String()
	case bool:
		return strconv.FormatBool(t)
	case float64:
		return strconv.FormatFloat(t, 'g', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(t), 'g', -1, 32)
	default:
		return fmt.Sprint(t)
	}
}
