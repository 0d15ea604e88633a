package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/world"
	"github.com/fanout/fanout/scenarios"
)

// shippedConfig opens a shipped scenario and builds its world configuration.
func shippedConfig(t testing.TB, name string) world.Config {
	t.Helper()
	sc, err := scenarios.OpenShipped(name)
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	cfg, err := WorldConfig(sc, nil)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return cfg
}

func runConfig(t *testing.T, cfg world.Config) world.Summary {
	t.Helper()
	w, err := world.New(cfg)
	if err != nil {
		t.Fatalf("%s: %v", cfg.Name, err)
	}
	w.Run()
	return w.Summary()
}

// Every shipped scenario, shortened to 10 simulated minutes, gives byte-identical summaries
// when run twice with the same seed, and accounts for every (event, target) pair.
func TestShippedDeterministic(t *testing.T) {
	for _, info := range scenarios.Shipped() {
		t.Run(info.Name, func(t *testing.T) {
			cfg := shippedConfig(t, info.Name)
			cfg.Duration = min(cfg.Duration, 10*time.Minute)
			a, b := runConfig(t, cfg), runConfig(t, cfg)
			ja, _ := json.Marshal(a)
			jb, _ := json.Marshal(b)
			if !bytes.Equal(ja, jb) {
				t.Fatal("same seed, different summary bytes")
			}
			if err := a.ConservationError(); err != nil {
				t.Fatal(err)
			}
			if a.Events.Accepted == 0 || a.Conservation.Routed == 0 {
				t.Errorf("nothing routed: %+v", a.Events)
			}
		})
	}
}

// Every shipped scenario's expect block holds over its full duration. The million-second
// SimFaaS validation is skipped with -short.
func TestShippedExpectations(t *testing.T) {
	for _, info := range scenarios.Shipped() {
		t.Run(info.Name, func(t *testing.T) {
			cfg := shippedConfig(t, info.Name)
			if testing.Short() && cfg.Duration > 24*time.Hour {
				t.Skip("long simulation")
			}
			s := runConfig(t, cfg)
			if len(s.Expect) == 0 {
				t.Fatal("no expect assertions")
			}
			for _, e := range s.Failed() {
				t.Errorf("%s: %s %s", e.Name, e.Assert, e.Error)
			}
		})
	}
}

// TestRunGolden checks what `fanout run --no-wall` prints for the shipped scenarios with
// routing (shortened to keep the test fast). Regenerate with -update.
func TestRunGolden(t *testing.T) {
	for _, c := range []struct{ file, duration string }{
		{"retries-and-dlq", "1h"}, {"fifo-vs-parallel", "5m"}, {"csv-upload-fanout", "10m"},
	} {
		code, out := run("run", "../../scenarios/"+c.file+".yaml", "--no-wall", "--no-store", "--duration", c.duration)
		if code != 0 {
			t.Fatalf("%s: %s", c.file, out)
		}
		path := filepath.Join("testdata", "run", c.file+".golden")
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if out != string(want) {
			t.Errorf("output differs from %s:\n--- got\n%s--- want\n%s", path, out, want)
		}
	}
}

func TestRunReplayFlag(t *testing.T) {
	path := "../../scenarios/retries-and-dlq.yaml"
	code, out := run("run", path, "--replay-dlq", "payments-dlq@55m")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	if !bytes.Contains([]byte(out), []byte("conservation: ok")) {
		t.Errorf("no conservation line:\n%s", out)
	}
	for _, bad := range []string{"payments-dlq", "nope@1m", "payments-dlq@2h"} {
		if code, out := run("run", path, "--replay-dlq", bad); code != 2 {
			t.Errorf("--replay-dlq %s: exit %d, want 2\n%s", bad, code, out)
		}
	}
}
