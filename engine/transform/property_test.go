package transform

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestExtractMatchesReference compares the byte scanner with a reference
// evaluator over encoding/json's decoding, on random documents (random
// whitespace, escapes, repeated keys) and random paths.
func TestExtractMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	hits, wild := 0, 0
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		genValue(r, &b, 0)
		doc := b.String()
		var root any
		dec := json.NewDecoder(strings.NewReader(doc))
		dec.UseNumber()
		if err := dec.Decode(&root); err != nil {
			t.Fatalf("generator produced invalid JSON %s: %v", doc, err)
		}
		for k := 0; k < 5; k++ {
			src := genPath(r)
			p, err := ParsePath(src)
			if err != nil {
				t.Fatalf("ParsePath(%q): %v", src, err)
			}
			x, err := extract([]byte(doc), p)
			if err != nil {
				t.Fatalf("extract %s on %s: %v", src, doc, err)
			}
			want := refEval(root, p.steps)
			if len(want) > 0 {
				hits++
				if !p.definite && len(want) > 1 {
					wild++
				}
			}
			if msg := compareExtract(p, x, want); msg != "" {
				t.Fatalf("%s on %s: %s", src, doc, msg)
			}
		}
	}
	if hits < 3000 || wild < 300 {
		t.Fatalf("only %d paths matched (%d wildcard with several matches): the generator is too weak", hits, wild)
	}
}

// compareExtract checks an extraction against the reference matches.
func compareExtract(p *Path, x extracted, want []any) string {
	if p.definite {
		if len(want) == 0 {
			if x.found || len(x.text) != 0 {
				return fmt.Sprintf("got %q, want nothing", x.text)
			}
			return ""
		}
		if s, ok := want[0].(string); ok {
			if !x.str || string(x.text) != s {
				return fmt.Sprintf("got %q, want string %q", x.text, s)
			}
			return ""
		}
		got, err := decodeUseNumber(x.text)
		if err != nil || !reflect.DeepEqual(got, want[0]) || x.str {
			return fmt.Sprintf("got %s (%v), want %v", x.text, err, want[0])
		}
		return ""
	}
	got, err := decodeUseNumber(x.text)
	arr, ok := got.([]any)
	if err != nil || !ok || x.found != (len(want) > 0) {
		return fmt.Sprintf("got %s found=%v (%v), want an array of %d", x.text, x.found, err, len(want))
	}
	if !reflect.DeepEqual(sortedJSON(arr), sortedJSON(want)) {
		return fmt.Sprintf("got %s, want %v", x.text, want)
	}
	return ""
}

func decodeUseNumber(b []byte) (any, error) {
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

func sortedJSON(vs []any) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		b, _ := json.Marshal(v)
		out[i] = string(b)
	}
	sort.Strings(out)
	return out
}

// refEval evaluates steps over a decoded document.
func refEval(v any, steps []step) []any {
	if len(steps) == 0 {
		return []any{v}
	}
	st, rest := steps[0], steps[1:]
	switch st.kind {
	case stepKey:
		if m, ok := v.(map[string]any); ok {
			if c, ok := m[st.key]; ok {
				return refEval(c, rest)
			}
		}
	case stepIndex:
		if a, ok := v.([]any); ok && st.index < len(a) {
			return refEval(a[st.index], rest)
		}
	case stepWildcard:
		var out []any
		switch c := v.(type) {
		case []any:
			for _, e := range c {
				out = append(out, refEval(e, rest)...)
			}
		case map[string]any:
			for _, e := range c {
				out = append(out, refEval(e, rest)...)
			}
		}
		return out
	}
	return nil
}

var (
	genKeys    = []string{`a`, `b`, `c`, `a.b`, `d\"e`, `\u0061`, `é`}
	genStrings = []string{`x`, ``, `a b`, `\"q\"`, `\\`, `\n\t`, `\u00e9\u4e2d`, `\ud83d\ude00`, `é`, `\/`, `<&>`}
	genNumbers = []string{`0`, `-1`, `100`, `1.50`, `2e10`, `-0.5E-3`, `12345678901234567890`}
	genSpace   = []string{``, ``, ` `, "\n  ", "\t"}
)

// genValue writes a random JSON value with random insignificant whitespace.
func genValue(r *rand.Rand, b *strings.Builder, depth int) {
	ws := func() { b.WriteString(genSpace[r.IntN(len(genSpace))]) }
	k := r.IntN(7)
	if depth > 3 {
		k = r.IntN(3)
	}
	switch k {
	case 0:
		b.WriteString(`"` + genStrings[r.IntN(len(genStrings))] + `"`)
	case 1:
		b.WriteString(genNumbers[r.IntN(len(genNumbers))])
	case 2:
		b.WriteString([]string{"true", "false", "null"}[r.IntN(3)])
	case 3, 4:
		b.WriteString("{")
		for i, n := 0, r.IntN(5); i < n; i++ {
			if i > 0 {
				b.WriteString(",")
			}
			ws()
			b.WriteString(`"` + genKeys[r.IntN(len(genKeys))] + `"`)
			ws()
			b.WriteString(":")
			ws()
			genValue(r, b, depth+1)
			ws()
		}
		b.WriteString("}")
	default:
		b.WriteString("[")
		for i, n := 0, r.IntN(4); i < n; i++ {
			if i > 0 {
				b.WriteString(",")
			}
			ws()
			genValue(r, b, depth+1)
			ws()
		}
		b.WriteString("]")
	}
}

// genPath returns a random path over the generator's keys.
func genPath(r *rand.Rand) string {
	p := "$"
	for i, n := 0, r.IntN(5); i < n; i++ {
		switch r.IntN(5) {
		case 0:
			p += ".a"
		case 1:
			p += fmt.Sprintf("[%d]", r.IntN(3))
		case 2:
			p += "[*]"
		case 3:
			p += `['a.b']`
		default:
			p += []string{".b", ".c", `["d\"e"]`, ".é", ".*"}[r.IntN(5)]
		}
	}
	return p
}

// TestPathSetMatchesReference: evaluating several definite paths in one pass
// gives each path the answer it gets alone (shared prefixes, repeated keys).
func TestPathSetMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	found := 0
	for n := 0; n < 2000; n++ {
		var b strings.Builder
		genValue(r, &b, 0)
		doc := []byte(b.String())
		root, err := decodeUseNumber(doc)
		if err != nil {
			t.Fatal(err)
		}
		var ps pathSet
		var paths []*Path
		for len(paths) < 6 {
			if p, _ := ParsePath(genPath(r)); p.definite {
				paths = append(paths, p)
				ps.add(p)
			}
		}
		res := make([]hit, ps.slots)
		if err := ps.eval(doc, res); err != nil {
			t.Fatalf("eval on %s: %v", doc, err)
		}
		for k, p := range paths {
			x, err := hitText(doc, res[k])
			if err != nil {
				t.Fatal(err)
			}
			want := refEval(root, p.steps)
			if len(want) > 0 {
				found++
			}
			if msg := compareExtract(p, x, want); msg != "" {
				t.Fatalf("path %d %s of %d on %s: %s", k, p, len(paths), doc, msg)
			}
		}
	}
	if found < 2000 {
		t.Fatalf("only %d paths matched: the generator is too weak", found)
	}
}
