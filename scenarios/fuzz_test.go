package scenarios

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse: arbitrary bytes never panic Parse, and every problem it reports is a Diagnostic
// with a position inside the input.
func FuzzParse(f *testing.F) {
	f.Add([]byte(base))
	for _, s := range Shipped() {
		b, _ := ShippedSource(s.Name)
		f.Add(b)
	}
	files, _ := filepath.Glob("../app/cli/testdata/validate/*.yaml")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("a: &x [*x]\nb: *x\n"))
	f.Add([]byte("rules:\n  - pattern: !!binary aGVsbG8=\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		sc, err := Parse("fuzz.yaml", src, nil)
		if err == nil {
			if sc == nil {
				t.Fatal("nil scenario without an error")
			}
			return
		}
		var ds Diagnostics
		if !errors.As(err, &ds) || len(ds) == 0 {
			t.Fatalf("error %T is not a non-empty Diagnostics: %v", err, err)
		}
		for _, d := range ds {
			if d.Line < 1 || d.Col < 1 || d.Msg == "" {
				t.Fatalf("bad diagnostic %+v", d)
			}
		}
	})
}
