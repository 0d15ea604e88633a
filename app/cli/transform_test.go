package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// runTransformCLI runs `fanout transform test` in-process.
func runTransformCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Execute(append([]string{"transform", "test"}, args...), nil, &out, &errb)
	return code, out.String(), errb.String()
}

// TestTransformGolden runs each case and compares exit code, stdout and stderr
// with testdata/transform/NAME.golden (rewrite with -update).
func TestTransformGolden(t *testing.T) {
	const dir = "testdata/transform/"
	for _, tc := range []struct{ name, transformer, event string }{
		{"original", "original.yaml", "event.json"},
		{"partial", "partial.json", "event.json"},
		{"template", "template.yaml", "event.json"},
		{"json-template", "json-template.yaml", "event.json"},
		{"bad-form", "bad-form.yaml", "event.json"},
		{"bad-path", "bad-path.yaml", "event.json"},
		{"nested-var", "nested-var.yaml", "event.json"},
		{"unknown-var", "unknown-var.yaml", "event.json"},
		{"unknown-field", "unknown-field.yaml", "event.json"},
		{"unquoted-template", "unquoted-template.yaml", "event.json"},
		{"sequence-value", "sequence-value.yaml", "event.json"},
		{"syntax", "syntax.yaml", "event.json"},
		{"empty", "empty.yaml", "event.json"},
		{"missing-file", "no-such-file.yaml", "event.json"},
		{"bad-event", "template.yaml", "bad-event.json"},
		{"array-event", "template.yaml", "array-event.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runTransformCLI("--transformer", dir+tc.transformer, "--event", dir+tc.event)
			got := "exit " + strconv.Itoa(code) + "\n" + out + "--- stderr\n" + errs
			golden := dir + tc.name + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s:\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
}

func TestTransformOriginalIsByteIdentical(t *testing.T) {
	ev, err := os.ReadFile("testdata/transform/event.json")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := runTransformCLI("--transformer", "testdata/transform/original.yaml", "--event", "testdata/transform/event.json")
	if code != 0 || out != string(ev) || errs != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want the event file itself", code, out, errs)
	}
}

func TestTransformFlagsRequired(t *testing.T) {
	for _, args := range [][]string{nil, {"--event", "x.json"}, {"--transformer", "x.yaml"}, {"--transformer", "a", "--event", "b", "extra"}} {
		if code, _, errs := runTransformCLI(args...); code != 2 || errs == "" {
			t.Errorf("args %q: exit %d, stderr %q; want exit 2 with a message", args, code, errs)
		}
	}
}

// TestTransformDocExamples runs every example of docs/transformers.md through
// the command, YAML and JSON alike.
func TestTransformDocExamples(t *testing.T) {
	md, err := os.ReadFile("../../docs/transformers.md")
	if err != nil {
		t.Fatal(err)
	}
	exs := transformDocExamples(string(md))
	if len(exs) < 30 {
		t.Fatalf("found only %d examples in docs/transformers.md", len(exs))
	}
	dir := t.TempDir()
	for _, ex := range exs {
		t.Run("line"+strconv.Itoa(ex.line), func(t *testing.T) {
			trFile := filepath.Join(dir, "tr."+ex.lang)
			evFile := filepath.Join(dir, "event.json")
			if err := os.WriteFile(trFile, []byte(ex.spec), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(evFile, []byte(ex.event), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errs := runTransformCLI("--transformer", trFile, "--event", evFile)
			if ex.kind == "error" {
				if code != 2 || !strings.Contains(errs, ": "+ex.want) {
					t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, errs, ex.want)
				}
				return
			}
			var warns string
			for _, w := range ex.warnings {
				warns += "warning: " + w + "\n"
			}
			if code != 0 || out != ex.want+"\n" || errs != warns {
				t.Errorf("exit %d\nstdout %q\nwant   %q\nstderr %q\nwant   %q", code, out, ex.want+"\n", errs, warns)
			}
		})
	}
}

// transformDocExample is a docs/transformers.md example: a spec block with the
// event in force and the output (kind "output") or error (kind "error") after it.
type transformDocExample struct {
	line              int
	lang, spec, event string
	kind, want        string
	warnings          []string
}

// transformDocExamples extracts the examples; the engine's doc test checks the
// doc's structure strictly, this reader only collects.
func transformDocExamples(md string) []transformDocExample {
	var out []transformDocExample
	var event string
	lines := strings.Split(md, "\n")
	for i := 0; i < len(lines); i++ {
		info, ok := strings.CutPrefix(lines[i], "```")
		if !ok || info == "" {
			continue
		}
		start := i + 1
		for i++; i < len(lines) && lines[i] != "```"; i++ {
		}
		body := strings.Join(lines[start:min(i, len(lines))], "\n")
		lang, kind, _ := strings.Cut(info, " ")
		last := len(out) - 1
		switch {
		case kind == "event":
			event = body
		case kind == "spec":
			out = append(out, transformDocExample{line: start, lang: lang, spec: body, event: event})
		case last >= 0 && (kind == "output" || kind == "error"):
			out[last].kind, out[last].want = kind, body
		case last >= 0 && kind == "warning":
			out[last].warnings = strings.Split(body, "\n")
		}
	}
	return out
}
