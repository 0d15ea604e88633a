package report

import (
	"encoding/json"
	"testing"
)

func TestPrettyJSON(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{"a":1}`, `{"a": 1}`},
		{`[1, 2.50]`, `[1, 2.50]`},
		{`not json`, `not json`},
		{`{"type":["oss:ObjectCreated:PutObject"],"data":{"oss":{"object":{"key":[{"prefix":"uploads/"}],"size":[{"numeric":[">=",1048576]}]}}},"z":"a,b:{c}"}`,
			"{\n  \"type\": [\"oss:ObjectCreated:PutObject\"],\n  \"data\": {\n    \"oss\": {\n      \"object\": {\n        \"key\": [{\"prefix\": \"uploads/\"}],\n        \"size\": [{\"numeric\": [\">=\", 1048576]}]\n      }\n    }\n  },\n  \"z\": \"a,b:{c}\"\n}"},
		{`{"k\"ey":["a\"b,c", {"x":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22]}]}`,
			"{\n  \"k\\\"ey\": [\n    \"a\\\"b,c\",\n    {\n      \"x\": [\n        1,\n        2,\n        3,\n        4,\n        5,\n        6,\n        7,\n        8,\n        9,\n        10,\n        11,\n        12,\n        13,\n        14,\n        15,\n        16,\n        17,\n        18,\n        19,\n        20,\n        21,\n        22\n      ]\n    }\n  ]\n}"},
	}
	for _, c := range cases {
		got := prettyJSON([]byte(c.in))
		if got != c.want {
			t.Errorf("prettyJSON(%s) =\n%s\nwant\n%s", c.in, got, c.want)
		}
		if json.Valid([]byte(c.in)) && !json.Valid([]byte(got)) {
			t.Errorf("prettyJSON(%s) is not valid JSON:\n%s", c.in, got)
		}
	}
}

func FuzzPrettyJSON(f *testing.F) {
	f.Add(`{"a":[1,{"b":"c,d"}],"e":{"f":null}}`)
	f.Add(`["\"",{"\\":[]}]`)
	f.Fuzz(func(t *testing.T, s string) {
		got := prettyJSON([]byte(s))
		if json.Valid([]byte(s)) {
			var a, b any
			if err := json.Unmarshal([]byte(got), &b); err != nil {
				t.Fatalf("prettyJSON(%q) = %q: invalid: %v", s, got, err)
			}
			json.Unmarshal([]byte(s), &a)
			ja, _ := json.Marshal(a)
			jb, _ := json.Marshal(b)
			if string(ja) != string(jb) {
				t.Fatalf("prettyJSON(%q) changed the value: %s", s, got)
			}
		}
	})
}
