package edit

import (
	"strings"
	"testing"
	"time"

	"github.com/goccy/go-yaml"
)

// TestLayout pins how each kind of edit is written into the text.
func TestLayout(t *testing.T) {
	ms := func(kv ...any) yaml.MapSlice {
		var m yaml.MapSlice
		for i := 0; i < len(kv); i += 2 {
			m = append(m, yaml.MapItem{Key: kv[i], Value: kv[i+1]})
		}
		return m
	}
	cases := []struct {
		name, src string
		op        func(d *Doc) error
		want      string // "" = the edit is refused and the text unchanged
	}{
		{"scalar keeps its comment", "a: 1   # c\nb: 2\n",
			func(d *Doc) error { return d.Set("a", 5) }, "a: 5   # c\nb: 2\n"},
		{"new key in field order", "version: 1\nname: x\nseed: 3\n",
			func(d *Doc) error { return d.Set("description", "d") }, "version: 1\nname: x\ndescription: d\nseed: 3\n"},
		{"new nested keys", "version: 1\n",
			func(d *Doc) error { return d.Set("settings.billing.model", "cu") }, "version: 1\nsettings:\n  billing:\n    model: cu\n"},
		{"empty value filled", "version: 1\nsettings:\nseed: 1\n",
			func(d *Doc) error { return d.Set("settings.billing.model", "cu") }, "version: 1\nsettings:\n  billing:\n    model: cu\nseed: 1\n"},
		{"flow mapping gets a key", "a: {x: 1}\n",
			func(d *Doc) error { return d.Set("a.z", 2) }, "a: {x: 1, z: 2}\n"},
		{"flow list append", "l: [1, 2]\n",
			func(d *Doc) error { return d.Append("l", 3) }, "l: [1, 2, 3]\n"},
		{"flow list insert", "l: [1, 2]\n",
			func(d *Doc) error { return d.Insert("l", 0, 0) }, "l: [0, 1, 2]\n"},
		{"block list append before a trailing comment", "l:\n  - a\n# tail\n",
			func(d *Doc) error { return d.Append("l", "b") }, "l:\n  - a\n  - b\n# tail\n"},
		{"append a mapping", "l:\n  - id: a\n",
			func(d *Doc) error { return d.Append("l", ms("id", "b", "m", 2)) }, "l:\n  - id: a\n  - id: b\n    m: 2\n"},
		{"append to a missing list", "a: 1\n",
			func(d *Doc) error { return d.Append("l", "x") }, "a: 1\nl: [x]\n"},
		{"insert keeps the next item's comment with it", "l:\n  # first\n  - a\n",
			func(d *Doc) error { return d.Insert("l", 0, "z") }, "l:\n  - z\n  # first\n  - a\n"},
		{"delete takes the comment above", "l:\n  - a\n  # about b\n  - b\n",
			func(d *Doc) error { return d.Delete("l[1]") }, "l:\n  - a\n"},
		{"delete the last item leaves []", "l:\n  - a\nk: 1\n",
			func(d *Doc) error { return d.Delete("l[0]") }, "l: []\nk: 1\n"},
		{"delete the key after a dash", "l:\n  - name: a\n    type: b\n",
			func(d *Doc) error { return d.Delete("l[0].name") }, "l:\n  - type: b\n"},
		{"delete a key", "a: 1\n# about b\nb: 2\nc: 3\n",
			func(d *Doc) error { return d.Delete("b") }, "a: 1\nc: 3\n"},
		{"delete in a flow mapping", "a: {x: 1, y: 2}\n",
			func(d *Doc) error { return d.Delete("a.x") }, "a: {y: 2}\n"},
		{"delete the last of a flow mapping", "a: {x: 1, y: 2}\n",
			func(d *Doc) error { return d.Delete("a.y") }, "a: {x: 1}\n"},
		{"block becomes a scalar", "a:\n  x: 1\n  y: 2  # c\nb: 3\n",
			func(d *Doc) error { return d.Set("a", 5) }, "a: 5\nb: 3\n"},
		{"scalar becomes a block", "a: 1 # c\nb: 3\n",
			func(d *Doc) error { return d.Set("a", ms("x", 1)) }, "a:\n  x: 1 # c\nb: 3\n"},
		{"comment between key and block stays", "a: # c\n  x: 1\n",
			func(d *Doc) error { return d.Set("a", ms("z", 2)) }, "a: # c\n  z: 2\n"},
		{"flow stays flow", "r: {strategy: A}   # note\n",
			func(d *Doc) error { return d.Set("r", ms("strategy", "B", "m", 1)) }, "r: {strategy: B, m: 1}   # note\n"},
		{"literal keeps its style", "d: |\n  one\n  two\n",
			func(d *Doc) error { return d.Set("d", "three\n") }, "d: |\n  three\n"},
		{"folded keeps its line breaks", "d: >-\n  a b\n  c\n",
			func(d *Doc) error { return d.Set("d", "x y z") }, "d: >-\n  x y\n  z\n"},
		{"multi-line string", "d: x\n",
			func(d *Doc) error { return d.Set("d", "a\nb") }, "d: |-\n  a\n  b\n"},
		{"list item scalar", "l:\n  - a # c\n",
			func(d *Doc) error { return d.Set("l[0]", "b") }, "l:\n  - b # c\n"},
		{"list item mapping", "l:\n  - id: a\n    t: 1\n",
			func(d *Doc) error { return d.Set("l[0]", ms("id", "b", "t", 2)) }, "l:\n  - id: b\n    t: 2\n"},
		{"small leaves on one line", "a: 1\n",
			func(d *Doc) error {
				return d.Set("t", ms("id", "x", "retry", ms("strategy", "B"), "values", []any{1, 2}))
			}, "a: 1\nt:\n  id: x\n  retry: {strategy: B}\n  values: [1, 2]\n"},
		{"anchor kept", "a: &x\n  k: 1\nb: *x\n",
			func(d *Doc) error { return d.Set("a.k", 2) }, "a: &x\n  k: 2\nb: *x\n"},
		{"quoted key", "f: {}\n",
			func(d *Doc) error { return d.Set(`f["data.size"]`, 1) }, "f: {data.size: 1}\n"},
		{"through an alias", "a: &x\n  k: 1\nb: *x\n",
			func(d *Doc) error { return d.Set("b.k", 3) }, ""},
		{"into a scalar", "a: 1\n",
			func(d *Doc) error { return d.Set("a.b", 1) }, ""},
		{"past the end of a list", "l: [1]\n",
			func(d *Doc) error { return d.Set("l[3]", 1) }, ""},
		{"insert past the end", "l: [1]\n",
			func(d *Doc) error { return d.Insert("l", 2, 1) }, ""},
		{"delete a missing key", "a: 1\n",
			func(d *Doc) error { return d.Delete("b") }, ""},
		{"delete the document", "a: 1\n",
			func(d *Doc) error { return d.Delete("") }, ""},
		{"a value goccy cannot encode", "a: 1\n",
			func(d *Doc) error { return d.Set("a", make(chan int)) }, ""},
		{"a bad path", "a: 1\n",
			func(d *Doc) error { return d.Set("a..b", 1) }, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Open("t.yaml", []byte(c.src), nil)
			if err != nil {
				t.Fatal(err)
			}
			err = c.op(d)
			got := string(d.Text())
			if c.want == "" {
				if err == nil || got != c.src || d.CanUndo() {
					t.Fatalf("want a refused edit, got err %v and\n%s", err, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("edit: %v", err)
			}
			if got != c.want {
				t.Fatalf("got\n%s\nwant\n%s", show(got), show(c.want))
			}
		})
	}
}

func show(s string) string { return strings.ReplaceAll(s, " ", "·") }

func TestTimestampsPlain(t *testing.T) {
	d, err := Open("t.yaml", []byte("version: 1\nstart: 2026-01-01T00:00:00Z   # c\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Set("start", time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if got := string(d.Text()); got != "version: 1\nstart: 2026-02-01T10:00:00Z   # c\n" {
		t.Fatalf("got %q", got)
	}
	if !d.Scenario().Start.Equal(time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)) {
		t.Fatal("start not decoded")
	}
}
