package event

import (
	"testing"
	"time"
)

// FuzzParse: Parse never panics, and whatever it accepts comes back equal from Parse(JSON()),
// with JSON() stable from then on.
func FuzzParse(f *testing.F) {
	for _, s := range []string{sampleOSSPattern, sampleTransform, sampleOverview, sampleRealOSS,
		`{"specversion":"1.0","id":"a","source":"s","type":"t","datacontenttype":"text/plain","data":"x\u0000"}`,
		`{"specversion":"1.0","id":"a","source":"s","type":"t","data_base64":"AAEC"}`,
		`{"specversion":"1.0","time":"t","time":"2020-01-01T00:00:00Z","id":"a","source":"s","type":"t","n":1.5}`,
		`{"specversion":"0.3","id":"a","source":"s","type":"t","schemaurl":"http://x"}`,
		`[]`, `{}`, ``,
	} {
		f.Add([]byte(s))
	}
	for _, c := range Catalog() {
		e, err := c.Build("f1", time.Unix(0, 0), nil)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(e.JSON())
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := Parse(b)
		if err != nil {
			return
		}
		_ = Validate(e, DefaultLimits())
		_ = e.Size()
		out := e.JSON()
		back, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse(JSON()) failed: %v\ninput %q\nJSON  %s", err, b, out)
		}
		if !back.Equal(e) {
			t.Fatalf("Parse(JSON()) differs:\n got %+v\nwant %+v\nJSON %s", back, e, out)
		}
		if again := back.JSON(); string(again) != string(out) {
			t.Fatalf("JSON() not stable:\n%s\n%s", out, again)
		}
	})
}
