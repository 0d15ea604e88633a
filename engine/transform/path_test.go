package transform

import (
	"strings"
	"testing"
)

func TestParsePathValid(t *testing.T) {
	for _, tc := range []struct {
		src      string
		steps    []step
		definite bool
	}{
		{"$", nil, true},
		{"$.data", []step{{kind: stepKey, key: "data"}}, true},
		{"$.data.name", []step{{kind: stepKey, key: "data"}, {kind: stepKey, key: "name"}}, true},
		{"$.a-b_c9", []step{{kind: stepKey, key: "a-b_c9"}}, true},
		{"$.名前", []step{{kind: stepKey, key: "名前"}}, true},
		{"$['a.b']", []step{{kind: stepKey, key: "a.b"}}, true},
		{`$["a b"]`, []step{{kind: stepKey, key: "a b"}}, true},
		{`$['it\'s']`, []step{{kind: stepKey, key: "it's"}}, true},
		{`$['']`, []step{{kind: stepKey, key: ""}}, true},
		{"$.a[0]", []step{{kind: stepKey, key: "a"}, {kind: stepIndex, index: 0}}, true},
		{"$[12][3]", []step{{kind: stepIndex, index: 12}, {kind: stepIndex, index: 3}}, true},
		{"$.a[*].b", []step{{kind: stepKey, key: "a"}, {kind: stepWildcard}, {kind: stepKey, key: "b"}}, false},
		{"$.a.*", []step{{kind: stepKey, key: "a"}, {kind: stepWildcard}}, false},
	} {
		p, err := ParsePath(tc.src)
		if err != nil {
			t.Errorf("ParsePath(%q): %v", tc.src, err)
			continue
		}
		if !equalSteps(p.steps, tc.steps) || p.Definite() != tc.definite || p.String() != tc.src {
			t.Errorf("ParsePath(%q) = %+v definite=%v, want %+v definite=%v", tc.src, p.steps, p.definite, tc.steps, tc.definite)
		}
	}
}

func equalSteps(a, b []step) bool {
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

func TestParsePathInvalid(t *testing.T) {
	for _, tc := range []struct {
		src, msg string
		off      int
	}{
		{"", "empty path", 0},
		{"data.name", `starts with "$"`, 0},
		{"$.", `ends after "."`, 1},
		{"$..name", `recursive descent`, 1},
		{"$.a b", `unexpected " "`, 3},
		{"$.a.length()", `functions such as length() are not supported`, 4},
		{"$[", `unclosed "["`, 1},
		{"$[0", `unclosed "["`, 1},
		{"$[-1]", `negative indexes`, 2},
		{"$[0:2]", `slices`, 3},
		{"$[:2]", `slices`, 2},
		{"$[0,1]", `unions`, 3},
		{"$['a','b']", `unions`, 5},
		{"$[?(@.a)]", `filter expressions`, 2},
		{"$['a'", `expected "]"`, 1},
		{"$['a", `unterminated quoted name`, 2},
		{"$[*", `expected "]" after "[*"`, 2},
		{"$[a]", `unexpected "a" after "["`, 2},
		{"$[1x]", `unexpected "x" in index`, 3},
		{"$[99999999999999999999]", `too large`, 2},
		{"$a", `unexpected "a"; expected "." or "["`, 1},
		{"$.a.", `ends after "."`, 3},
	} {
		_, err := ParsePath(tc.src)
		pe, ok := err.(*PathError)
		if !ok {
			t.Errorf("ParsePath(%q) = %v, want a *PathError", tc.src, err)
			continue
		}
		if !strings.Contains(pe.Msg, tc.msg) || pe.Offset != tc.off || pe.Path != tc.src {
			t.Errorf("ParsePath(%q) = %q at %d, want %q at %d", tc.src, pe.Msg, pe.Offset, tc.msg, tc.off)
		}
	}
}
