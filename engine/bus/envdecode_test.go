package bus

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/event"
)

// slowEnv is the reference: the event encoded and decoded by encoding/json.
func slowEnv(e *event.Event) (map[string]any, bool) {
	env := map[string]any{}
	if err := json.Unmarshal(e.JSON(), &env); err != nil {
		return nil, false
	}
	return env, true
}

// checkFastEnv fails when fastEnv answers and its answer differs from slowEnv's.
func checkFastEnv(t *testing.T, e *event.Event) {
	t.Helper()
	got, ok := fastEnv(e)
	want, wok := slowEnv(e)
	if ok && (!wok || !reflect.DeepEqual(got, want)) {
		t.Errorf("fastEnv(%s) = %#v, encoding/json gives %#v (%v)", e.JSON(), got, want, wok)
	}
}

func TestFastEnvMatchesEncodingJSON(t *testing.T) {
	datas := []string{`{"n":1,"s":"x","b":true,"f":false,"z":null,"a":[1,"2",[],{}],"o":{"k":{"k":-0.5e-3}}}`,
		` {"dup":1,"dup":2} `, `"text"`, `"esc\"\u00e9\ud83d\ude00\n"`, `"caf` + "\u00e9" + `"`, `[]`, `{}`, `12`,
		`-0`, `1E+2`, `1e400`, `01`, `1.`, `.5`, `+1`, `{"a":1,}`, `[1,]`, `{"a" 1}`, `nul`, `tru`, `"\x"`,
		"\"a\x01b\"", "\"\xff\"", `{"a":1}x`, ``, `   `, `{"a":[1,2`, `"\`, `[[[[[[[[]]]]]]]]`}
	for _, d := range datas {
		for _, b64 := range []bool{false, true} {
			e := &event.Event{ID: "a", Source: "s", SpecVersion: "1.0", Type: "t", DataContentType: "application/json",
				Data: json.RawMessage(d), DataBase64: b64, Extensions: map[string]string{"x": "1", "id": "ext", "data": "e"}}
			checkFastEnv(t, e)
		}
	}
	odd := []*event.Event{{}, {SpecVersion: "1.0", Subject: "bad\xffutf8"}, {Extensions: map[string]string{"k\xfe": "v"}},
		{ID: "i", Time: "2026-01-01T00:00:00Z", DataSchema: "http://x/y", Extensions: map[string]string{"e": ""}}}
	for _, e := range odd {
		checkFastEnv(t, e)
	}
	e, err := event.Catalog()[0].Build("id-1", time.Date(2026, 3, 11, 5, 40, 45, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := fastEnv(&e); !ok {
		t.Error("fastEnv declined a catalog event")
	}
	checkFastEnv(t, &e)
}

func TestFastEnvDeclinesDeepNesting(t *testing.T) {
	deep := make([]byte, 0, 2*maxEnvDepth+2)
	for range maxEnvDepth + 1 {
		deep = append(deep, '[')
	}
	for range maxEnvDepth + 1 {
		deep = append(deep, ']')
	}
	e := &event.Event{SpecVersion: "1.0", Data: deep}
	if _, ok := fastEnv(e); ok {
		t.Error("fastEnv followed nesting deeper than maxEnvDepth")
	}
	if env, ok := new(EventEnvs).Env(e); !ok || env["data"] == nil {
		t.Error("Env lost the deep data")
	}
}

func FuzzFastEnv(f *testing.F) {
	for _, s := range []string{`{"a":[1,2.5e3,"x\u0041"],"b":{"c":null}}`, `"x"`, `[true,false]`, "\"\xc3\xa9\""} {
		f.Add([]byte(s), "sub", false)
	}
	f.Fuzz(func(t *testing.T, data []byte, subject string, b64 bool) {
		e := &event.Event{ID: "a", Source: "s", SpecVersion: "1.0", Type: "t", Subject: subject, Data: data, DataBase64: b64}
		checkFastEnv(t, e)
	})
}

func BenchmarkEventEnv(b *testing.B) {
	e, err := event.Catalog()[0].Build("id-1", time.Date(2026, 3, 11, 5, 40, 45, 0, time.UTC), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			fastEnv(&e)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		for b.Loop() {
			slowEnv(&e)
		}
	})
}
