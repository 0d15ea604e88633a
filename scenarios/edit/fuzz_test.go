package edit

import (
	"testing"

	"github.com/goccy/go-yaml"
)

// FuzzEditPath applies random edits at random paths: they never panic, a refused edit leaves
// the text unchanged, an accepted one leaves text that parses, and undo restores it.
func FuzzEditPath(f *testing.F) {
	for _, p := range []string{"name", "rules[0].pattern", "services[0].functions[1].memory",
		"settings.billing.model", "rules[0].targets", "loads[0].events[1].params", `x["a.b"]`,
		"expect[2].assert", "rules[0].targets[0].transform.value.key", "queues[0]", "[0]", "a..b"} {
		for op := byte(0); op < 4; op++ {
			f.Add("", p, op, byte(op*3), "value\n# not a comment: [x", 1)
		}
	}
	src, err := shippedSrc("csv-upload-fanout")
	if err != nil {
		f.Fatal(err)
	}
	for _, doc := range []string{"a: 1\nl:\n  - x: 1\n    y: [1, 2]\n  # c\n  - z\n",
		"a: &x {k: 1}\nb: *x\nc: |\n  lit\n", "- a\n", "m: {a: [1, {b: 2}]}\nn:\n"} {
		f.Add(doc, "l[0].y", byte(1), byte(0), "v", 0)
		f.Add(doc, "m.a[1].c", byte(0), byte(4), "v", 0)
	}
	f.Fuzz(func(t *testing.T, doc, path string, op, kind byte, s string, index int) {
		start := src
		d, err := Open("f.yaml", []byte(doc), nil)
		if err == nil {
			start = []byte(doc)
		} else if d, err = Open("f.yaml", src, nil); err != nil {
			t.Fatal(err)
		}
		src := start
		v := fuzzValue(kind, s)
		switch op % 5 {
		case 0:
			err = d.Set(path, v)
		case 1:
			err = d.Append(path, v)
		case 2:
			err = d.Insert(path, index%8, v)
		case 3:
			err = d.Delete(path)
		case 4:
			err = d.Rename([]string{KindBus, KindRule, KindFunction, KindQueue, KindLoad}[kind%5], path, s)
		}
		text := d.Text()
		if err != nil {
			if string(text) != string(src) || d.CanUndo() {
				t.Fatalf("refused edit changed the text: %v", err)
			}
			return
		}
		if _, perr := parseText(text); perr != nil {
			t.Fatalf("accepted edit left unparseable text: %v\n%s", perr, text)
		}
		if d.CanUndo() && (!d.Undo() || string(d.Text()) != string(src)) {
			t.Fatal("undo did not restore the text")
		}
	})
}

func fuzzValue(kind byte, s string) any {
	switch kind % 8 {
	case 0:
		return s
	case 1:
		return len(s)
	case 2:
		return float64(len(s)) / 3
	case 3:
		return []any{s, len(s)}
	case 4:
		return yaml.MapSlice{{Key: s, Value: s}, {Key: "k", Value: []any{}}}
	case 5:
		return nil
	case 6:
		return map[string]any{"name": s, "n": yaml.MapSlice{}}
	}
	return true
}
