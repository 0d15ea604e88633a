package pattern

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestMatchInvalidEvents(t *testing.T) {
	m := NewMatcher(Alibaba)
	m.Add(1, MustCompile(`{"a":["x"],"b":{"c":[{"exists":true}]}}`, Alibaba))
	bad := []string{``, `   `, `[1]`, `"x"`, `5`, `{`, `{"a"}`, `{"a":}`, `{"a":"x",}`, `{"a":[1,]}`,
		`{"a":"x"} {}`, `{"a":tru}`, `{"a":nul}`, `{"a":01}`, `{"a":1.}`, `{"a":1e}`, `{"a":-}`,
		`{"a":"\x"}`, `{"a":"\u12"}`, "{\"a\":\"\x01\"}", `{"a":"x}`, `{a:1}`, `{"a":1 "b":2}`,
		`{"a":[1 2]}`, `{"a":+1}`, `{"b":{"c":[}}`, `{"a":.5}`, `{"a":"x"]`}
	for _, ev := range bad {
		if json.Valid([]byte(ev)) && strings.HasPrefix(ev, "{") {
			t.Fatalf("test bug: %q is valid", ev)
		}
		if ids, err := m.Match([]byte(ev), nil); err == nil {
			t.Errorf("%q: no error (ids %v)", ev, ids)
		}
	}
	// The matcher is usable after an error.
	if ids, err := m.Match([]byte(`{"a":"x","b":{"c":1}}`), nil); err != nil || len(ids) != 1 {
		t.Errorf("after errors: %v %v", ids, err)
	}
}

func TestMatchNestingLimit(t *testing.T) {
	m := NewMatcher(AWS)
	m.Add(1, MustCompile(`{"a":[{"exists":false}]}`, AWS))
	for _, depth := range []int{9999, 10000, 10001} {
		ev := []byte(`{"b":` + strings.Repeat("[", depth-1) + strings.Repeat("]", depth-1) + `}`)
		_, err := m.Match(ev, nil)
		if (err == nil) != json.Valid(ev) {
			t.Errorf("depth %d: matcher error %v, json.Valid %v", depth, err, json.Valid(ev))
		}
	}
}

// TestMatchScannerDetails pins behaviour that the naive matcher (encoding/json) cannot show.
func TestMatchScannerDetails(t *testing.T) {
	cases := []struct {
		pat, ev string
		want    bool
	}{
		// A key written twice in an event: every occurrence is seen, like array elements.
		{`{"a":["1"]}`, `{"a":"1","a":"2"}`, true},
		{`{"a":["2"]}`, `{"a":"1","a":"2"}`, true},
		// Escaped keys are decoded before lookup.
		{`{"ab":["x"]}`, `{"a\u0062":"x"}`, true},
		{`{"a":{"b":["x"]}}`, `{"a\u002eb":"x"}`, true},
		{`{"a":{"b":{"c":["x"]}}}`, `{"a.b":{"c":"x"}}`, true},
		{`{"a":{"":["x"]}}`, `{"a.":"x"}`, true},
		{`{"a":["x"]}`, " \n\t{ \"a\" :\r\n \"x\" } \n", true},
		// Strings compare as raw bytes; escapes are decoded.
		{`{"a":["\n\t/"]}`, `{"a":"\n\t\/"}`, true},
	}
	for _, c := range cases {
		p := MustCompile(c.pat, AWS)
		got, err := fastMatch(p, []byte(c.ev), AWS)
		if err != nil || got != c.want {
			t.Errorf("%s / %s: got %v %v, want %v", c.pat, c.ev, got, err, c.want)
		}
	}
}

func TestMatchReuseAndRemove(t *testing.T) {
	m := NewMatcher(Alibaba)
	for id, src := range map[int]string{30: `{"a":["x"]}`, 10: `{"a":[{"prefix":"x"}]}`, 20: `{"b":[1]}`} {
		if err := m.AddPattern(id, []byte(src)); err != nil {
			t.Fatal(err)
		}
	}
	ids, _ := m.Match([]byte(`{"a":"x","b":1}`), nil)
	if fmtInts(ids) != "[10 20 30]" {
		t.Fatalf("got %v", ids)
	}
	if !m.Remove(10) || m.Remove(10) {
		t.Fatal("remove")
	}
	ids, _ = m.Match([]byte(`{"a":"x","b":1}`), ids)
	if fmtInts(ids) != "[20 30]" {
		t.Fatalf("after remove: %v", ids)
	}
	c := m.Clone()
	m.Add(30, MustCompile(`{"a":["y"]}`, Alibaba))
	if ids, _ = m.Match([]byte(`{"a":"x"}`), ids); len(ids) != 0 {
		t.Fatalf("replaced rule still matches: %v", ids)
	}
	if ids, _ = c.Match([]byte(`{"a":"x"}`), ids); fmtInts(ids) != "[30]" {
		t.Fatalf("clone: %v", ids)
	}
	if err := m.AddPattern(1, []byte(`{"a":[]}`)); err == nil {
		t.Fatal("AddPattern accepted an invalid pattern")
	}
}

func fmtInts(s []int) string {
	b, _ := json.Marshal(s)
	return strings.ReplaceAll(strings.ReplaceAll(string(b), ",", " "), "null", "[]")
}

func TestMatchAllocs(t *testing.T) {
	m := NewMatcher(AWS)
	for i, c := range allCases() {
		m.Add(i, MustCompile(c.pat, AWS))
	}
	ev := []byte(`{"source":"acs.oss","a":[{"b":1,"c":2}],"v":"ALICE","c":3,"ip":"10.0.0.1","data":{"state":"x\u00e9"}}`)
	var ids []int
	ids, _ = m.Match(ev, ids)
	if len(ids) == 0 {
		t.Fatal("the event matches nothing")
	}
	allocs := testing.AllocsPerRun(100, func() { ids, _ = m.Match(ev, ids) })
	if allocs > 0 {
		t.Errorf("%v allocations per Match", allocs)
	}
}

// TestVerifyPathological: the array-consistency search stays small on events built to make a
// naive backtracking search explode (many interchangeable values, a contradiction found last).
func TestVerifyPathological(t *testing.T) {
	ones := strings.TrimSuffix(strings.Repeat("1,", 3000), ",")
	objs := func(k string) string {
		return strings.TrimSuffix(strings.Repeat(`{"`+k+`":1},`, 300), ",")
	}
	cases := []struct{ pat, ev string }{
		{`{"a":{"b":[1],"c":[1],"d":[1],"e":[1]}}`,
			`{"a":[{"b":[` + ones + `],"c":[` + ones + `],"d":[` + ones + `]},{"e":1}]}`},
		{`{"a":{"x":{"b":[1]},"y":{"c":[1]},"z":{"d":[1]},"e":[1]}}`,
			`{"a":[{"x":[` + objs("b") + `],"y":[` + objs("c") + `],"z":[` + objs("d") + `]},{"e":1}]}`},
	}
	for _, c := range cases {
		for _, d := range []Dialect{Alibaba, AWS} {
			if ok, err := fastMatch(MustCompile(c.pat, d), []byte(c.ev), d); ok || err != nil {
				t.Errorf("%s: %v %v", c.pat, ok, err)
			}
		}
	}
}
