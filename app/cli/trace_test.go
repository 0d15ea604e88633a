package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// golden compares got with testdata/obs/name, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "obs", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s:\n--- got\n%s--- want\n%s", path, got, want)
	}
}

func run(args ...string) (int, string) {
	var out, errb bytes.Buffer
	code := Execute(args, nil, &out, &errb)
	return code, "exit " + strconv.Itoa(code) + "\n" + out.String() + errb.String()
}

func TestTraceGolden(t *testing.T) {
	db := obsRun(t, t.TempDir(), "run.db", true)
	for _, c := range []struct{ event, golden string }{
		{"evt-1", "trace-evt-1.golden"}, {"#2", "trace-rejected.golden"}, {"evt-3", "trace-dead-letter.golden"},
	} {
		code, out := run("trace", db, c.event, "--width", "110")
		if code != 0 {
			t.Fatalf("trace %s: %s", c.event, out)
		}
		golden(t, c.golden, out)
	}
}

func TestTraceBadArguments(t *testing.T) {
	dir := t.TempDir()
	db := obsRun(t, dir, "run.db", true)
	for _, args := range [][]string{
		{"trace", db},
		{"trace", filepath.Join(dir, "missing.db"), "evt-1"},
		{"trace", db, "evt-404"},
		{"trace", db, "#0"},
		{"trace", db, "#99"},
		{"trace", db, "#x"},
		{"trace", db, "evt-1", "--width", "20"},
		{"trace", storageCatalog(dir), "evt-1"},
	} {
		if code, out := run(args...); code != 2 {
			t.Errorf("%v: %s; want exit 2", args, out)
		}
	}
}

func storageCatalog(dir string) string { return filepath.Join(dir, "catalog.db") }
