package pattern

import (
	"fmt"
	"strings"
	"testing"
)

func TestExplain(t *testing.T) {
	cases := []struct {
		d       Dialect
		pat, ev string
		matched bool
		want    string
	}{
		{Alibaba, `{"source":["acs.oss"],"data":{"oss":{"object":{"size":[{"numeric":[">=",1048576]}]}}}}`,
			`{"source":"acs.oss","data":{"oss":{"object":{"size":524288}}}}`, false,
			"met: source: needs \"acs.oss\", event has \"acs.oss\"\n" +
				"not met: data.oss.object.size: needs numeric >= 1048576, event has 524288\n"},
		{Alibaba, `{"type":[{"prefix":"oss:"},"x"],"subject":[{"suffix":".jpg"}]}`,
			`{"type":"oss:ObjectCreated:PutObject"}`, false,
			"met: type: needs prefix \"oss:\" or \"x\", event has \"oss:ObjectCreated:PutObject\"\n" +
				"not met: subject: needs suffix \".jpg\", event has no such field\n"},
		{AWS, `{"a":[{"exists":false}],"b":[1],"c":[{"anything-but":["x"]}]}`,
			`{"a":{"k":1},"b":[2,1],"c":"x"}`, false,
			"met: a: needs exists false, event has an object or an empty array\n" +
				"met: b: needs 1, event has [2, 1]\n" +
				"not met: c: needs anything-but [\"x\"], event has \"x\"\n"},
		{AWS, `{"$or":[{"a":[1]},{"b":[{"numeric":[">",0,"<",5]}]}]}`, `{"b":3}`, true,
			"not met: $or[0].a: needs 1, event has no such field\n" +
				"met: $or[1].b: needs numeric > 0 and < 5, event has 3\n"},
		{AWS, `{"a":{"b":[1],"c":[2]}}`, `{"a":[{"b":1},{"c":2}]}`, false,
			"met: a.b: needs 1, event has 1\nmet: a.c: needs 2, event has 2\n" +
				"every condition of an alternative holds, but not within one element of an array of objects\n"},
	}
	for _, c := range cases {
		e := Explain(MustCompile(c.pat, c.d), []byte(c.ev))
		if e.Matched != c.matched || e.String() != c.want {
			t.Errorf("%s / %s: matched %v (want %v)\n got:\n%s want:\n%s", c.pat, c.ev, e.Matched, c.matched, e, c.want)
		}
	}
	if e := Explain(MustCompile(`{}`, AWS), []byte(`{"a":1}`)); !e.Matched || e.String() != "the pattern {} matches every event\n" {
		t.Errorf("{}: %v %q", e.Matched, e)
	}
	if got := MustCompile(`{"b":[1],"$or":[{"a.x":[1]},{"b":[2]}]}`, AWS).Fields(); fmt.Sprint(got) != "[a.x b]" {
		t.Errorf("Fields: %v", got)
	}
	e := Explain(MustCompile(`{"a":[1]}`, AWS), []byte(`{"a":`))
	if e.Err == nil || !strings.HasPrefix(e.String(), "error: invalid event") {
		t.Errorf("invalid event: %v", e)
	}
}

// TestExplainAgreesWithMatch: Explain's verdict equals the matcher's on every table case.
func TestExplainAgreesWithMatch(t *testing.T) {
	for _, c := range allCases() {
		for _, d := range c.dialects() {
			e := Explain(MustCompile(c.pat, d), []byte(c.ev))
			if e.Matched != c.want {
				t.Errorf("%s: %s / %s: explain says %v", d, c.pat, c.ev, e.Matched)
			}
		}
	}
}
