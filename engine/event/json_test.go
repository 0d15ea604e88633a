package event

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestJSONKeyOrder(t *testing.T) {
	e := Event{
		ID: "i", Source: "s", SpecVersion: "1.0", Type: "t", Subject: "sub", Time: "tm",
		DataContentType: "application/json", DataSchema: "http://x/y",
		Extensions: map[string]string{"zeta": "z", "aliyunregionid": "r", "beta": "b"},
		Data:       json.RawMessage(`{"k":1}`),
	}
	want := `{"specversion":"1.0","id":"i","source":"s","type":"t","subject":"sub","time":"tm",` +
		`"datacontenttype":"application/json","dataschema":"http://x/y",` +
		`"aliyunregionid":"r","beta":"b","zeta":"z","data":{"k":1}}`
	if got := string(e.JSON()); got != want {
		t.Fatalf("JSON:\n got %s\nwant %s", got, want)
	}
}

func TestJSONShapes(t *testing.T) {
	tests := []struct {
		name string
		e    Event
		want string
	}{
		{"empty left out", Event{}, `{"specversion":""}`},
		{"base64", Event{SpecVersion: "1.0", ID: "i", Source: "s", Type: "t", DataBase64: true, Data: json.RawMessage(`"aGk="`)},
			`{"specversion":"1.0","id":"i","source":"s","type":"t","data_base64":"aGk="}`},
		{"invalid data becomes a string", Event{SpecVersion: "1.0", ID: "i", Source: "s", Type: "t", Data: json.RawMessage(`{oops`)},
			`{"specversion":"1.0","id":"i","source":"s","type":"t","data":"{oops"}`},
		{"empty extension value kept", Event{SpecVersion: "1.0", ID: "i", Source: "s", Type: "t", Extensions: map[string]string{"x": ""}},
			`{"specversion":"1.0","id":"i","source":"s","type":"t","x":""}`},
		{"escaping", Event{SpecVersion: "1.0", ID: "i", Source: "s", Type: "a\"b\\c\n\x01<&>é"},
			`{"specversion":"1.0","id":"i","source":"s","type":"a\"b\\c\n\u0001<&>é"}`},
	}
	for _, tt := range tests {
		got := tt.e.JSON()
		if string(got) != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
		if !json.Valid(got) {
			t.Errorf("%s: output is not valid JSON", tt.name)
		}
	}
}

// TestJSONDeterministic: map insertion order and prior use never change the bytes.
func TestJSONDeterministic(t *testing.T) {
	g := newGen(7)
	for range 200 {
		e := g.event()
		a := e.JSON()
		c := e.Clone()
		c.Extensions = map[string]string{}
		names := e.extensionNames()
		for i := len(names) - 1; i >= 0; i-- {
			c.Extensions[names[i]] = e.Extensions[names[i]]
		}
		if b := c.JSON(); !bytes.Equal(a, b) {
			t.Fatalf("JSON differs:\n%s\n%s", a, b)
		}
		if b := e.AppendJSON([]byte("x")); !bytes.Equal(a, b[1:]) || b[0] != 'x' {
			t.Fatalf("AppendJSON differs from JSON")
		}
	}
}

func TestAppendQuotedMatchesDecoder(t *testing.T) {
	for _, s := range []string{"", "plain", "\"\\/\b\f\n\r\t\x00\x1f\x7f", "é日🙂\u2028", "bad\xffutf8"} {
		q := appendQuoted(nil, s)
		var back string
		if err := json.Unmarshal(q, &back); err != nil {
			t.Fatalf("appendQuoted(%q) = %s: %v", s, q, err)
		}
		want := string(bytes.ToValidUTF8([]byte(s), []byte("\uFFFD")))
		if back != want {
			t.Fatalf("appendQuoted(%q) decodes to %q", s, back)
		}
		if again := appendQuoted(nil, back); !bytes.Equal(again, q) {
			t.Fatalf("quoting is not canonical: %s vs %s", q, again)
		}
	}
}

func TestEqualAndClone(t *testing.T) {
	e := validEvent()
	c := e.Clone()
	if !c.Equal(e) {
		t.Fatal("clone differs")
	}
	c.Extensions["aliyunregionid"] = "x"
	c.Data[1] = 'X'
	if e.Extensions["aliyunregionid"] != "cn-hangzhou" || e.Data[1] == 'X' {
		t.Fatal("Clone shares memory")
	}
	a, b := Event{ID: "a"}, Event{ID: "a", Extensions: map[string]string{}}
	if !a.Equal(b) {
		t.Fatal("nil and empty extensions must be equal")
	}
	b.Data = json.RawMessage{}
	if a.Equal(b) {
		t.Fatal("absent and empty data must differ")
	}
}
