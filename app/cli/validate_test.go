package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestValidateGolden runs `fanout validate` on each testdata/validate/*.yaml and compares the
// output and exit code with the .golden file next to it.
func TestValidateGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/validate/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Execute([]string{"validate", f}, nil, &out, &errb)
			got := "exit " + strconv.Itoa(code) + "\n" + out.String() + errb.String()
			golden := strings.TrimSuffix(f, ".yaml") + ".golden"
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

// TestValidateFiveMistakes pins the acceptance check of issue 2: five different mistakes, all
// reported, each on its own line with the right line number.
func TestValidateFiveMistakes(t *testing.T) {
	var out, errb bytes.Buffer
	f := "testdata/validate/five-mistakes.yaml"
	if code := Execute([]string{"validate", f}, nil, &out, &errb); code != 2 {
		t.Fatalf("exit code %d, want 2", code)
	}
	wantLines := []string{
		f + ":4:1: unknown field \"seeed\"; did you mean \"seed\"?",
		f + ":5:11: duration: invalid duration",
		f + ":8:10: rules[0].bus: unknown bus \"orders\"",
		f + ":11:16: rules[0].pattern.data.size[0]: invalid pattern: numeric: unknown operator \"=>\"",
		f + ":21:17: services[0].functions[0].memory: memory 100GB out of range",
	}
	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	if len(lines) != len(wantLines) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(wantLines), errb.String())
	}
	for i, w := range wantLines {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d:\n got %s\nwant prefix %s", i+1, lines[i], w)
		}
	}
}

// TestValidateOK checks the exit code and output for valid files, several at once.
func TestValidateOK(t *testing.T) {
	var out, errb bytes.Buffer
	a, b := "../../scenarios/csv-upload-fanout.yaml", "testdata/validate/minimal.yaml"
	if code := Execute([]string{"validate", a, b}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit code %d, want 0; stderr:\n%s", code, errb.String())
	}
	if want := a + ": ok\n" + b + ": ok\n"; out.String() != want {
		t.Errorf("stdout %q, want %q", out.String(), want)
	}
}

// TestValidateMixed: one bad file among good ones still exits 2 and reports the good ones ok.
func TestValidateMixed(t *testing.T) {
	var out, errb bytes.Buffer
	code := Execute([]string{"validate", "testdata/validate/minimal.yaml", "testdata/validate/missing.yaml"}, nil, &out, &errb)
	if code != 2 {
		t.Fatalf("exit code %d, want 2", code)
	}
	if !strings.Contains(out.String(), "minimal.yaml: ok") || !strings.Contains(errb.String(), "missing.yaml") {
		t.Errorf("stdout %q stderr %q", out.String(), errb.String())
	}
}
