package transform_test

import (
	"fmt"

	"github.com/fanout/fanout/engine/transform"
)

func ExampleCompile() {
	tr, err := transform.Compile(transform.Spec{
		Form:     transform.FormTemplate,
		Value:    transform.Vars(map[string]string{"name": "$.data.name", "Files": "$.data.Files"}),
		Template: `{"name":"${name}","Files":${Files}}`,
	})
	if err != nil {
		panic(err)
	}
	res, err := tr.Apply([]byte(`{"id":"1","data":{"name":"test","Files":[{"key":"a.csv"}]}}`))
	if err != nil {
		panic(err)
	}
	fmt.Println(string(res.Payload))
	// Output: {"name":"test","Files":[{"key":"a.csv"}]}
}

func ExampleTransformer_Apply_warnings() {
	tr, _ := transform.Compile(transform.Spec{
		Form:     transform.FormTemplate,
		Value:    transform.Vars(map[string]string{"name": "$.data.name"}),
		Template: `{"name":${name}}`,
	})
	res, _ := tr.Apply([]byte(`{"data":{"name":"test"}}`))
	fmt.Println(string(res.Payload))
	for _, w := range res.Warnings {
		fmt.Println(w.Kind)
	}
	// Output:
	// {"name":test}
	// invalid-json
}

func ExampleCompile_error() {
	_, err := transform.Compile(transform.Spec{Form: transform.FormJSONPath, Value: transform.Text("$.data[?(@.a)]")})
	fmt.Println(err)
	// Output: value: invalid JSONPath "$.data[?(@.a)]" at offset 7: filter expressions [?(...)] are not supported
}
