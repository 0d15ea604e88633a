package transform

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/fanout/fanout/engine/event"
)

// docSpecs are transformers whose definite paths exercise the prepared walk: the root, top-level
// members, nested members, indexes, escaped and quoted keys, plus forms that ignore the index.
var docSpecs = []Spec{
	{Form: FormOriginal}, {Form: FormConstant, Value: Text("c")},
	jp("$"), jp("$.data"), jp("$.data.a"), jp("$.id"), jp("$[0]"), jp("$['a.b'][1]"), jp(`$["q\"x"]`),
	jp("$.data.a[0].b"), jp("$.*"), jp("$.data.a[*]"),
	tmpl(map[string]string{"a": "$.data.a", "s": "$.source", "all": "$", "k": "literal"},
		"${a}|${s}|${all}|${k}|${jsonEscape(a)}"),
	tmpl(map[string]string{"x": "$.data", "y": "$.data.a", "z": "$.nope.deeper", "w": "$.data[*]"},
		`{"x":${x},"y":"${y}","z":"${z}","w":${w}}`),
	// Nine top-level names: more than the keyed lookup takes, so members are tried one by one.
	tmpl(map[string]string{"a": "$.k1", "b": "$.k2", "c": "$.k3", "d": "$.k4", "e": "$.k5", "f": "$.k6",
		"g": "$.k7", "h": "$.k8.x", "i": "$.data.a"}, "${a}${b}${c}${d}${e}${f}${g}${h}${i}"),
}

// wideEvent has n members k0..k(n-1) and a data member: over 64, the keyed lookup gives up.
func wideEvent(n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, `"k%d":{"x":%d},`, i, i)
	}
	b.WriteString(`"data":{"a":"last"}}`)
	return b.String()
}

var docEvents = []string{
	`{"id":"a","source":"s","data":{"a":[{"b":1}],"c":"x"}}`,
	` { "data" : { "a" : "v" } , "data" : { "c" : 2 } } `, // last occurrence wins
	`{"data":{"a":1},"data":7}`, `{"data":{"a":1}}trailing`, `{}`, `[]`, `[1,2]`, `"s"`, ``, ` `,
	`{"data":{"a":1}`, `{"data":{"a" 1}}`, `{"data":{"a":1},}`, `{"x":[1,{]}` + `,"data":{"a":2}}`,
	`{"id":"x","data":{"a":"\u00e9\"q"}}`, `{"d\u0061ta":{"a":3}}`, `{"a.b":[0,"one"],"q\"x":true}`,
	`{"data":{"a":[1,2}}`, `{"data":{"a":tru}}`, `{"id":1 "data":2}`, `{"data":{"a":{"b":"}"}}}`,
	`{"data":[{"a":1}]}`, `{"data":{"a":[{"b":[1]}, {"b":2}]}}`, "{\"data\":{\"a\":\"\x01\"}}",
	wideEvent(9), wideEvent(64), wideEvent(70), `{"k8":{"x":1},"k8":{"x":[}}`, `{"k8":{"x":1}`,
	// Inside data: repeated names, nesting, and faults before, in and after the named members.
	`{"data":{"a":[{"b":1}],"a":2}}`, `{"data":{"a":{"x":1},"a":[{"b":5}]}}`, `{"data":{"a":[{"b":1,}]}}`,
	`{"data":{"a" : [ {"b":[1]} ] , "c":{"d":"e"}}}`, `{"data":{"c":1,"a":[{"b":tru}]}}`,
	`{"data":{"a":1 "c":2}}`, `{"data":{"c":[1,,2],"a":3}}`, `{"data":{"a":3,"c":{"d":}}}`,
	`{"data":{"a":"\u00e9","\u0061":4}}`, `{"data":{}}`, `{"data":{"a":{}}}`, `{"k8":{"x":{"y":1},"x":2}}`,
}

// checkApplyDoc applies every docSpecs transformer to event twice, plainly and prepared (one
// Doc shared by all of them, as a bus shares it between an event's targets), and reports the
// first difference.
func checkApplyDoc(t *testing.T, trs []*Transformer, event []byte, d *Doc) {
	t.Helper()
	d.Reset(event)
	checkPrepared(t, trs, event, d)
}

// checkPrepared compares Apply and ApplyDoc for every transformer, d holding event.
func checkPrepared(t *testing.T, trs []*Transformer, event []byte, d *Doc) {
	t.Helper()
	for i, tr := range trs {
		want, werr := tr.Apply(event)
		got, gerr := tr.ApplyDoc(d)
		if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
			t.Fatalf("spec %d on %q: ApplyDoc error %v, Apply error %v", i, event, gerr, werr)
		}
		if string(got.Payload) != string(want.Payload) || (got.Payload == nil) != (want.Payload == nil) ||
			!reflect.DeepEqual(got.Warnings, want.Warnings) {
			t.Fatalf("spec %d on %q: ApplyDoc %q %v, Apply %q %v", i, event, got.Payload, got.Warnings, want.Payload, want.Warnings)
		}
	}
}

func compileDocSpecs(t testing.TB) []*Transformer {
	var trs []*Transformer
	for _, s := range docSpecs {
		trs = append(trs, mustCompile(t, s))
	}
	return trs
}

func TestApplyDocMatchesApply(t *testing.T) {
	trs := compileDocSpecs(t)
	var d Doc
	for _, ev := range docEvents {
		checkApplyDoc(t, trs, []byte(ev), &d)
	}
	for _, ex := range factsExamples {
		tr := mustCompile(t, ex.spec)
		d.Reset([]byte(ex.event))
		if res, err := tr.ApplyDoc(&d); err != nil || string(res.Payload) != ex.want {
			t.Errorf("%s: ApplyDoc = %q, %v; want %q", ex.name, res.Payload, err, ex.want)
		}
	}
}

// TestApplyDocIndexesOnce: the members are located once per Reset, and not at all for forms
// that do not read the event.
func TestApplyDocIndexesOnce(t *testing.T) {
	var d Doc
	d.Reset([]byte(`{"a":1,"data":{"a":2}}`))
	if _, err := mustCompile(t, Spec{Form: FormOriginal}).ApplyDoc(&d); err != nil || d.state != docNew {
		t.Fatalf("ORIGINAL indexed the event (state %d, err %v)", d.state, err)
	}
	for range 2 {
		if res, err := mustCompile(t, jp("$.data.a")).ApplyDoc(&d); err != nil || string(res.Payload) != "2" {
			t.Fatalf("got %q, %v", res.Payload, err)
		}
		if d.state != docIndexed || len(d.members) != 2 {
			t.Fatalf("state %d, %d members; want indexed, 2", d.state, len(d.members))
		}
	}
}

// FuzzApplyDoc: for any event, every transformer gives through a shared prepared Doc exactly
// what Apply gives: payload, warnings and error.
func FuzzApplyDoc(f *testing.F) {
	for _, ev := range docEvents {
		f.Add([]byte(ev))
	}
	f.Add([]byte(ossEvent))
	trs := compileDocSpecs(f)
	var d Doc
	f.Fuzz(func(t *testing.T, event []byte) {
		checkApplyDoc(t, trs, event, &d)
	})
}

// indexedEvent encodes an event built from the fuzz inputs with event.JSONIndexed.
func indexedEvent(id, ext, val string, data []byte) ([]byte, []event.Member) {
	e := event.Event{ID: id, Source: "s", SpecVersion: "1.0", Type: "t", Data: data,
		Extensions: map[string]string{ext: val, "aliyuneventbusname": "b"}}
	return e.JSONIndexed(nil)
}

// FuzzApplyIndexed: for any event as event.JSONIndexed encodes it, ApplyDoc on the indexed
// Doc gives exactly what Apply gives.
func FuzzApplyIndexed(f *testing.F) {
	f.Add("a", "data", "v", []byte(`{"a":[{"b":1}],"c":"x"}`))
	f.Add("q\"x", "a.b", "[1]", []byte(`[1,2`))
	f.Add("", "", "", []byte(nil))
	f.Add("id", "id", "\xff", []byte(` {"a" : "\u00e9" } `))
	trs := compileDocSpecs(f)
	var d Doc
	f.Fuzz(func(t *testing.T, id, ext, val string, data []byte) {
		b, ms := indexedEvent(id, ext, val, data)
		d.ResetIndexed(b, ms)
		checkPrepared(t, trs, b, &d)
	})
}

func TestApplyIndexed(t *testing.T) {
	trs := compileDocSpecs(t)
	var d Doc
	for _, ev := range docEvents {
		b, ms := indexedEvent("id-1", "x", ev, []byte(ev))
		d.ResetIndexed(b, ms)
		checkPrepared(t, trs, b, &d)
	}
}

// BenchmarkApplyDoc applies the three event-reading transformers of a bus benchmark's rule to
// one event, plainly and through one prepared Doc.
func BenchmarkApplyDoc(b *testing.B) {
	trs := []*Transformer{mustCompile(b, jp("$.data.amount")), mustCompile(b, jp("$.data")),
		mustCompile(b, tmpl(map[string]string{"a": "$.data.amount", "s": "$.source"}, "amount ${a} from ${s}"))}
	ev := []byte(`{"specversion":"1.0","id":"id-1","source":"app-7","type":"test:Event","datacontenttype":"application/json","aliyunaccountid":"1234567890","aliyuneventbusname":"b","aliyunpublishtime":"2026-01-01T00:00:00.001Z","aliyunregionid":"cn-hangzhou","data":{"amount":120,"item":"book"}}`)
	b.Run("apply", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, tr := range trs {
				if _, err := tr.Apply(ev); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("indexed", func(b *testing.B) {
		e := event.Event{ID: "id-1", Source: "app-7", SpecVersion: "1.0", Type: "test:Event",
			DataContentType: "application/json", Data: []byte(`{"amount":120,"item":"book"}`),
			Extensions: map[string]string{"aliyunaccountid": "1234567890", "aliyuneventbusname": "b",
				"aliyunpublishtime": "2026-01-01T00:00:00.001Z", "aliyunregionid": "cn-hangzhou"}}
		js, ms := e.JSONIndexed(nil)
		b.ReportAllocs()
		var d Doc
		for b.Loop() {
			d.ResetIndexed(js, ms)
			for _, tr := range trs {
				if _, err := tr.ApplyDoc(&d); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("doc", func(b *testing.B) {
		b.ReportAllocs()
		var d Doc
		for b.Loop() {
			d.Reset(ev)
			for _, tr := range trs {
				if _, err := tr.ApplyDoc(&d); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
