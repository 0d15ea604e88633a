package scenarios

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const replayScenario = `version: 1
name: replay
loads:
  - name: trace
    arrival: {process: replay, file: %s}
    events:
      - catalog: oss:ObjectCreated:PutObject
`

// TestLoadReplayFile: a replay trace is read relative to the scenario file; a missing or
// malformed one is reported at the load's file field.
func TestLoadReplayFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("trace.txt", "0\n1.5\n3\n")
	write("bad.txt", "0\nsoon\n")
	ok := write("ok.yaml", strings.Replace(replayScenario, "%s", "trace.txt", 1))
	if _, err := Load(ok); err != nil {
		t.Fatalf("valid replay scenario: %v", err)
	}
	for name, want := range map[string]string{
		"missing.txt": `:5:38: loads[0].arrival.file: cannot read replay file "missing.txt"`,
		"bad.txt":     `:5:38: loads[0].arrival.file: bad replay file: bad.txt:2:`,
	} {
		p := write("s-"+name+".yaml", strings.Replace(replayScenario, "%s", name, 1))
		_, err := Load(p)
		var ds Diagnostics
		if !errors.As(err, &ds) || len(ds) != 1 || !strings.Contains(ds[0].String(), want) {
			t.Errorf("%s: got %v, want a diagnostic containing %q", name, err, want)
		}
	}
	if _, err := Load(filepath.Join(dir, "nope.yaml")); err == nil || !strings.Contains(err.Error(), "nope.yaml") {
		t.Errorf("missing scenario file: %v", err)
	}
}
