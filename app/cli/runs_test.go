package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/fanout/fanout/storage"
)

func TestRunsGolden(t *testing.T) {
	dir := t.TempDir()
	obsRun(t, dir, "done.db", true)
	obsRun(t, dir, "killed.db", false)
	obsRun(t, dir, "gone.db", true)
	if err := os.Remove(filepath.Join(dir, "gone.db")); err != nil {
		t.Fatal(err)
	}
	code, out := run("runs", "--dir", dir)
	if code != 0 {
		t.Fatal(out)
	}
	golden(t, "runs.golden", out)

	t.Setenv(storage.EnvRunsDir, dir)
	if code, out2 := run("runs"); code != 0 || out2 != out {
		t.Errorf("runs with $%s: %s\nwant the same as --dir", storage.EnvRunsDir, out2)
	}
	empty := t.TempDir()
	if code, out := run("runs", "--dir", empty); code != 0 || out != "exit 0\nno runs in "+empty+"\n" {
		t.Errorf("empty folder: %q", out)
	}
	if code, out := run("runs", "extra"); code != 2 {
		t.Errorf("runs extra: %s; want exit 2", out)
	}
}
