package pattern_test

import (
	"fmt"

	"github.com/fanout/fanout/engine/pattern"
)

func ExampleMatcher() {
	m := pattern.NewMatcher(pattern.Alibaba)
	_ = m.AddPattern(1, []byte(`{"source":["acs.oss"],"type":[{"prefix":"oss:ObjectCreated:"}]}`))
	_ = m.AddPattern(2, []byte(`{"data":{"oss":{"object":{"size":[{"numeric":[">=",1048576]}]}}}}`))
	_ = m.AddPattern(3, []byte(`{"source":["acs.ecs"]}`))
	ids, err := m.Match([]byte(`{"source":"acs.oss","type":"oss:ObjectCreated:PutObject","data":{"oss":{"object":{"size":2097152}}}}`), nil)
	fmt.Println(ids, err)
	// Output: [1 2] <nil>
}

func ExampleExplain() {
	p := pattern.MustCompile(`{"source":["acs.oss"],"data":{"oss":{"object":{"size":[{"numeric":[">=",1048576]}]}}}}`, pattern.Alibaba)
	fmt.Print(pattern.Explain(p, []byte(`{"source":"acs.oss","data":{"oss":{"object":{"size":524288}}}}`)))
	// Output:
	// met: source: needs "acs.oss", event has "acs.oss"
	// not met: data.oss.object.size: needs numeric >= 1048576, event has 524288
}

func ExampleCompile_error() {
	_, err := pattern.Compile([]byte(`{"data":{"oss":{"object":{"size":[{"numeric":[">",0,1000]}]}}}}`), pattern.Alibaba)
	fmt.Println(err)
	// Output: data.oss.object.size[0]: numeric: expected an operator string at position 2, got 1000
}

func ExampleLint() {
	p := pattern.MustCompile(`{"source":[{"wildcard":"acs.*"}],"data":{"size":[{"numeric":[">",0,"<",5e9]}]}}`, pattern.Alibaba)
	for _, f := range pattern.Lint(p, pattern.Alibaba, nil) {
		fmt.Println(f)
	}
	// Output:
	// data.size[0]: suspicious: numeric bound 5e9 is outside ±1e9, the range Alibaba Cloud accepts
	// source[0]: not-portable: wildcard is not documented by Alibaba Cloud
}
