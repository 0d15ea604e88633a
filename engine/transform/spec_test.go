package transform

import (
	"encoding/json"
	"testing"
)

func TestValueUnmarshalJSON(t *testing.T) {
	for _, tc := range []struct {
		in      string
		zero    bool
		object  bool
		text    string // String()
		wantErr bool
	}{
		{in: `"$.data.name"`, text: "$.data.name"},
		{in: `""`, text: ""},
		{in: `{"b":"$.b","a":1.50}`, object: true, text: `{"a":1.50,"b":"$.b"}`},
		{in: `{}`, object: true, text: `{}`},
		{in: `12.50`, text: "12.50"},
		{in: `true`, text: "true"},
		{in: `null`, zero: true},
		{in: `["x"]`, wantErr: true},
	} {
		var s Spec
		err := json.Unmarshal([]byte(`{"form":"X","value":`+tc.in+`}`), &s)
		if (err != nil) != tc.wantErr {
			t.Errorf("%s: err = %v", tc.in, err)
			continue
		}
		if tc.wantErr {
			continue
		}
		v := s.Value
		if v.IsZero() != tc.zero || v.IsObject() != tc.object || (!tc.zero && v.String() != tc.text) {
			t.Errorf("%s: zero=%v object=%v text=%q", tc.in, v.IsZero(), v.IsObject(), v.String())
		}
	}
}

// TestValueUnmarshalYAML drives UnmarshalYAML with the values a YAML decoder
// produces for each node kind.
func TestValueUnmarshalYAML(t *testing.T) {
	for _, tc := range []struct {
		decoded any
		text    string
		object  bool
		zero    bool
		wantErr bool
	}{
		{decoded: "$.a", text: "$.a"},
		{decoded: uint64(7), text: "7"},
		{decoded: int64(-7), text: "-7"},
		{decoded: 1.5, text: "1.5"},
		{decoded: false, text: "false"},
		{decoded: nil, zero: true},
		{decoded: map[string]any{"a": "$.a"}, object: true, text: `{"a":"$.a"}`},
		{decoded: []any{"a"}, wantErr: true},
	} {
		var v Value
		err := v.UnmarshalYAML(func(dst any) error {
			*(dst.(*any)) = tc.decoded
			return nil
		})
		if (err != nil) != tc.wantErr {
			t.Errorf("%v: err = %v", tc.decoded, err)
			continue
		}
		if !tc.wantErr && (v.IsZero() != tc.zero || v.IsObject() != tc.object || v.String() != tc.text) {
			t.Errorf("%v: zero=%v object=%v text=%q", tc.decoded, v.IsZero(), v.IsObject(), v.String())
		}
	}
}

func TestSpecJSONRoundTrip(t *testing.T) {
	for _, in := range []string{
		`{"form":"ORIGINAL"}`,
		`{"form":"JSONPATH","value":"$.data"}`,
		`{"form":"TEMPLATE","value":{"a":"$.a","n":5},"template":"${a}"}`,
		`{"form":"TEMPLATE","value":"{\"a\":\"$.a\"}","template":"${a}"}`,
	} {
		var s Spec
		if err := json.Unmarshal([]byte(in), &s); err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal(s)
		if err != nil || string(out) != in {
			t.Errorf("round trip of %s = %s, %v", in, out, err)
		}
	}
}

func TestValueMarshalYAML(t *testing.T) {
	if x, _ := Text("$.a").MarshalYAML(); x != "$.a" {
		t.Errorf("text MarshalYAML = %v", x)
	}
	if x, _ := Vars(map[string]string{"a": "$.a"}).MarshalYAML(); x.(map[string]any)["a"] != "$.a" {
		t.Errorf("object MarshalYAML = %v", x)
	}
}
