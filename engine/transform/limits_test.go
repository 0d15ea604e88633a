package transform

import (
	"errors"
	"strings"
	"testing"
)

// TestLimits checks every 10,240-character limit at the boundary exactly, in
// characters (code points) rather than bytes.
func TestLimits(t *testing.T) {
	path := func(n int) string { return "$." + strings.Repeat("a", n-2) }
	lit := func(n int) string { return strings.Repeat("é", n) }
	tpl := func(n int) string { return "${v}" + strings.Repeat("x", n-4) }
	for _, tc := range []struct {
		name  string
		spec  func(n int) Spec
		field string
		msg   string
	}{
		{"jsonpath value", func(n int) Spec { return jp(path(n)) }, "value", "the value is at most 10,240 characters (got 10,241)"},
		{"constant value", func(n int) Spec { return Spec{Form: FormConstant, Value: Text(lit(n))} }, "value", "the value is at most 10,240 characters (got 10,241)"},
		{"variable literal", func(n int) Spec { return tmpl(map[string]string{"v": lit(n)}, "${v}") }, "value.v", "each variable value is at most 10,240 characters (got 10,241)"},
		{"variable path", func(n int) Spec { return tmpl(map[string]string{"v": path(n)}, "${v}") }, "value.v", "each variable value is at most 10,240 characters (got 10,241)"},
		{"template", func(n int) Spec { return tmpl(map[string]string{"v": "$.v"}, tpl(n)) }, "template", "the template is at most 10,240 characters (got 10,241)"},
		{"template multibyte", func(n int) Spec { return tmpl(map[string]string{"v": "$.v"}, "${v}"+lit(n-4)) }, "template", "the template is at most 10,240 characters (got 10,241)"},
	} {
		if _, err := Compile(tc.spec(MaxChars)); err != nil {
			t.Errorf("%s: %d characters rejected: %v", tc.name, MaxChars, err)
		}
		_, err := Compile(tc.spec(MaxChars + 1))
		var se *SpecError
		if !errors.As(err, &se) || se.Field != tc.field || se.Msg != tc.msg {
			t.Errorf("%s: %d characters: err = %v, want %s: %s", tc.name, MaxChars+1, err, tc.field, tc.msg)
		}
	}
}

// TestLimitValueMapNotLimited: the variable map as a whole may exceed the limit
// as long as each value stays within it (docs/transformers.md, Limits).
func TestLimitValueMapNotLimited(t *testing.T) {
	vars := map[string]string{"a": strings.Repeat("a", MaxChars), "b": strings.Repeat("b", MaxChars)}
	if _, err := Compile(tmpl(vars, "${a}${b}")); err != nil {
		t.Errorf("a %d-character map of two variables was rejected: %v", 2*MaxChars, err)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 10240: "10,240", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
