package pattern

import (
	"strings"
	"testing"
)

func TestLint(t *testing.T) {
	known, err := FieldsOf([]byte(`{"source":"acs.oss","aliyunregionid":"cn-hangzhou","data":{"oss":{"object":{"size":1,"key":"k"}},"items":[{"x":1}]}}`))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		d     Dialect
		pat   string
		known Fields
		want  []string
	}{
		{Alibaba, `{"source":["acs.oss"],"data":{"oss":{"object":{"size":[{"numeric":[">",0,"<=",5]}]}}}}`, known, nil},
		{Alibaba, `{}`, nil, []string{`(pattern): suspicious: the pattern {} matches every event`}},
		{Alibaba, `{"data":{"items":{"x":[{"wildcard":"a*"}]}}}`, known, []string{`data.items.x[0]: not-portable: wildcard is not documented by Alibaba Cloud`}},
		{Alibaba, `{"$or":[{"source":["a"]},{"type":["b"]}]}`, nil, []string{`$or: not-portable: $or is not documented by Alibaba Cloud`}},
		{Alibaba, `{"source":[{"equals-ignore-case":"a"},{"prefix":{"equals-ignore-case":"b"}},{"anything-but":{"equals-ignore-case":"c"}}]}`, nil, []string{
			`source[0]: not-portable: equals-ignore-case is not documented by Alibaba Cloud`,
			`source[1]: not-portable: equals-ignore-case is not documented by Alibaba Cloud`,
			`source[2]: not-portable: equals-ignore-case is not documented by Alibaba Cloud`}},
		{Alibaba, `{"source":[{"anything-but":{"suffix":"x"}},{"anything-but":{"wildcard":"x*"}}]}`, nil, []string{
			`source[0]: not-portable: anything-but with suffix is not documented by Alibaba Cloud`,
			`source[1]: not-portable: anything-but with wildcard is not documented by Alibaba Cloud`}},
		{Alibaba, `{"data":{"ip":[{"cidr":"2001:db8::/32"},{"cidr":"10.0.0.0/8"}]}}`, nil, []string{`data.ip[0]: not-portable: IPv6 cidr is not documented by Alibaba Cloud`}},
		{Alibaba, `{"data":{"n":[{"numeric":[">=",1]},{"numeric":["!=",2]},{"numeric":[">",0,"<=",2e9]}]}}`, nil, []string{
			`data.n[0]: not-portable: numeric >= is not documented by Alibaba Cloud`,
			`data.n[1]: not-portable: numeric != is not documented by Alibaba Cloud`,
			`data.n[2]: suspicious: numeric bound 2e9 is outside ±1e9, the range Alibaba Cloud accepts`}},
		{Alibaba, `{"detail":{"x":[1]}}`, nil, []string{`detail.x: not-portable: top-level key "detail" is not a CloudEvents attribute; Alibaba Cloud rejects it (payload fields go under "data")`}},
		{AWS, `{"detail":{"x":[1]}}`, nil, nil},
		{Alibaba, `{"data":[{"exists":true}]}`, nil, []string{`data: not-portable: Alibaba Cloud requires "data" to be an object of fields, not a value array`}},
		{AWS, `{"detail":{"x":[{"contains":"a"}]}}`, nil, []string{`detail.x[0]: not-portable: contains is not supported by AWS EventBridge (use wildcard)`}},
		{Alibaba, `{"aliyunregionid":["cn-hangzhou"],"data":{"oss":{"object":{"sise":[1]}}}}`, known, []string{`data.oss.object.sise: suspicious: no sample event has the field data.oss.object.sise`}},
		{Alibaba, `{"data":{"gone":[{"exists":false}]}}`, known, nil},
		{Alibaba, `{"source":["a","b","a"]}`, nil, []string{`source[2]: suspicious: "a" is repeated in the same field`}},
		{Alibaba, `{"source":[{"prefix":""},{"suffix":""},{"contains":""}]}`, nil, []string{
			`source[0]: suspicious: prefix "" matches any string`,
			`source[1]: suspicious: suffix "" matches any string`,
			`source[2]: suspicious: contains "" matches any string`}},
	}
	for _, c := range cases {
		var got []string
		for _, f := range Lint(MustCompile(c.pat, c.d), c.d, c.known) {
			got = append(got, f.String())
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s %s:\n got  %q\n want %q", c.d, c.pat, got, c.want)
		}
	}
}

func TestFieldsOf(t *testing.T) {
	fs, err := FieldsOf([]byte(`{"a":{"b":[{"c":1}]},"d":2}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"a", "a.b", "a.b.c", "d"} {
		if !fs[p] {
			t.Errorf("missing %s", p)
		}
	}
	if len(fs) != 4 {
		t.Errorf("got %v", fs)
	}
	if _, err := FieldsOf([]byte(`{`)); err == nil || !strings.HasPrefix(err.Error(), "sample event 1:") {
		t.Errorf("bad event: %v", err)
	}
}
