package event

import (
	"encoding/binary"
	"encoding/json"
	"strings"
	"testing"
)

var validJSONCases = []string{
	``, ` `, `{}`, `[]`, ` {"a" : [1, -0.5e+3, true, false, null, "x\u00e9\n"] } `, `{"a":1,}`, `[1,]`,
	`01`, `-`, `1.`, `1e`, `.5`, `"\x"`, `"\u12g4"`, `"a`, "\"\x01\"", "\"\xff\"", `tru`, `nulls`,
	`{"a"}`, `{"a":}`, `{1:2}`, `[1 2]`, `{"a":1 "b":2}`, `[[[]]]`, `[[]`, `]`, `{}}`, `"\/"`,
	"\t1\r\n", `1 2`, `-0`, `-01`, `0.0e-0`, `1E5`, `{"":{"":[{}]}}`,
	strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
	strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
	strings.Repeat(`{"a":`, 100) + "1" + strings.Repeat("}", 100),
	strings.Repeat(`[{"a":`, 70) + "1" + strings.Repeat("}]", 70),
}

// TestValidJSONAgreesWithEncodingJSON checks validJSON against json.Valid on hand-picked edges.
func TestValidJSONAgreesWithEncodingJSON(t *testing.T) {
	for _, s := range validJSONCases {
		if got, want := ValidJSON([]byte(s)), json.Valid([]byte(s)); got != want {
			t.Errorf("ValidJSON(%.40q) = %v, json.Valid says %v", s, got, want)
		}
	}
}

// FuzzValidJSON: validJSON and json.Valid agree on every input.
func FuzzValidJSON(f *testing.F) {
	for _, s := range validJSONCases {
		f.Add([]byte(s))
	}
	f.Add([]byte(sampleOSSPattern))
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := ValidJSON(b), json.Valid(b); got != want {
			t.Fatalf("ValidJSON(%q) = %v, json.Valid says %v", b, got, want)
		}
	})
}

func BenchmarkValidJSON(b *testing.B) {
	data := []byte(`{"amount":120,"item":"book","tags":["a","b"],"n":{"x":-1.5e3}}`)
	small := []byte(`{"amount":120,"item":"book"}`)
	b.Run("ours-small", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ValidJSON(small)
		}
	})
	b.Run("ours", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ValidJSON(data)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			json.Valid(data)
		}
	})
}

// checkJSONIndexed: JSONIndexed gives JSON()'s bytes, valid JSON, and members that tile the
// object exactly: '{', then name ':' value separated by ',', then '}'.
func checkJSONIndexed(t *testing.T, e Event) {
	t.Helper()
	b, ms := e.JSONIndexed(nil)
	if want := e.JSON(); string(b) != string(want) {
		t.Fatalf("JSONIndexed bytes differ:\n%s\n%s", b, want)
	}
	if !ValidJSON(b) {
		t.Fatalf("JSONIndexed gave invalid JSON %s", b)
	}
	next := 1
	for i, m := range ms {
		if i > 0 {
			if b[next] != ',' {
				t.Fatalf("member %d: no ',' at %d in %s", i, next, b)
			}
			next++
		}
		var name string
		v := b[m.ValueStart:m.ValueEnd]
		if m.KeyStart != next || b[m.KeyEnd] != ':' || m.ValueStart != skipJSONSpace(b, m.KeyEnd+1) ||
			json.Unmarshal(b[m.KeyStart:m.KeyEnd], &name) != nil || !json.Valid(v) ||
			strings.TrimSpace(string(v)) != string(v) ||
			!m.Escaped && string(b[m.KeyStart+1:m.KeyEnd-1]) != name {
			t.Fatalf("member %d %+v does not locate a member in %s", i, m, b)
		}
		next = skipJSONSpace(b, m.ValueEnd)
	}
	if b[0] != '{' || next != len(b)-1 || b[next] != '}' {
		t.Fatalf("members end at %d of %d in %s", next, len(b), b)
	}
}

func TestJSONIndexed(t *testing.T) {
	g := newGen(11)
	for range 500 {
		checkJSONIndexed(t, g.event())
	}
	checkJSONIndexed(t, Event{})
	checkJSONIndexed(t, Event{ID: "a\"b", Extensions: map[string]string{"x\\y": "\xff", "": ""},
		Data: []byte(`{"a" : 1 `)})
	checkJSONIndexed(t, Event{Data: []byte(" \t[ 1 ]\n ")})
	checkJSONIndexed(t, Event{Data: []byte(` "x" `), DataBase64: true})
}

func plainPrefixBytewise(w []byte) int {
	for i, c := range w {
		if !plainJSONByte[c] {
			return i
		}
	}
	return len(w)
}

// TestPlainJSONWord: the 8-byte test agrees with the byte table for every byte value at every
// position, alone and after a special byte (borrows).
func TestPlainJSONWord(t *testing.T) {
	for p := range 8 {
		for c := range 256 {
			for _, fill := range []byte{'a', ' ', 0x7f, 0x21, '"' + 1, '\\' + 1} {
				w := []byte(strings.Repeat(string(rune(fill)), 8))
				w[p] = byte(c)
				want := true
				for _, b := range w {
					want = want && plainJSONByte[b]
				}
				if got := plainWord(binary.LittleEndian.Uint64(w)); got != want {
					t.Fatalf("plainWord(%q) = %v, want %v", w, got, want)
				}
				if got, want := plainPrefix(string(w)), plainPrefixBytewise(w); got != want {
					t.Fatalf("plainPrefix(%q) = %d, want %d", w, got, want)
				}
			}
		}
	}
}

// TestStringStop: the 8-byte scan finds the first '"', '\\' or control byte wherever it is,
// whatever surrounds it (bytes above 0x7f included).
func TestStringStop(t *testing.T) {
	for n := range 20 {
		for p := range n + 1 {
			for _, c := range []byte{'"', '\\', 0, 0x1f, ' ', 0x7f, 0x80, 0xff, 'a'} {
				for _, fill := range []byte{'a', 0xe9, 0xff, 0x20, 0x21} {
					b := []byte(strings.Repeat(string([]byte{fill}), n))
					if p < n {
						b[p] = c
					}
					want := len(b)
					for i, x := range b {
						if x == '"' || x == '\\' || x < 0x20 {
							want = i
							break
						}
					}
					if got := stringStop(b, 0); got != want {
						t.Fatalf("stringStop(%q) = %d, want %d", b, got, want)
					}
				}
			}
		}
	}
}
