package storage

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/obs"
)

// newStore creates a fresh run database in the test's temporary folder.
func newStore(t testing.TB) *Store {
	t.Helper()
	st, err := Create(filepath.Join(t.TempDir(), "run.db"), Meta{Scenario: "test", Seed: 7, Horizon: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// filled returns a Memory sink and a Store holding the same synthetic run of n events, still
// being written (only the indexes by event exist).
func filled(t testing.TB, n int) (*obs.Memory, *Store) { return filledRun(t, n, false) }

// filledRun is filled; with finish the run is finished (every index built).
func filledRun(t testing.TB, n int, finish bool) (*obs.Memory, *Store) {
	t.Helper()
	mem, st := obs.NewMemory(), newStore(t)
	synth(obs.Tee(mem, st.Sink()), n, 1)
	err := st.Flush()
	if finish {
		err = st.Finish([]byte(`{"sim_seconds": 1}`))
	}
	if err != nil {
		t.Fatal(err)
	}
	return mem, st
}

func TestFinishAndCatalog(t *testing.T) {
	dir := t.TempDir()
	path := RunPath(dir, "fan out/demo", time.Date(2026, 5, 4, 3, 2, 1, 0, time.UTC), 9)
	if filepath.Base(path) != "fan_out_demo-20260504-030201-seed9.db" {
		t.Errorf("RunPath = %s", path)
	}
	st, err := Create(path, Meta{Scenario: "demo", Seed: 1<<63 + 5, Horizon: time.Hour, Catalog: CatalogPath(dir)})
	if err != nil {
		t.Fatal(err)
	}
	synth(st.Sink(), 50, 2)
	if err := st.Finish([]byte(`{"sim_seconds": 12.5}`)); err != nil {
		t.Fatal(err)
	}
	if err := st.Finish(nil); err == nil {
		t.Error("second Finish succeeded")
	}
	ri, err := st.Info()
	if err != nil {
		t.Fatal(err)
	}
	if !ri.Complete || ri.Events != 50 || ri.SimDuration != 12500*time.Millisecond || ri.Seed != 1<<63+5 ||
		ri.Horizon != time.Hour || string(ri.Summary) != `{"sim_seconds": 12.5}` {
		t.Errorf("info = %+v", ri)
	}
	st.Close()
	runs, err := ListRuns(dir)
	if err != nil || len(runs) != 1 || !runs[0].Complete || runs[0].Events != 50 || runs[0].Seed != 1<<63+5 {
		t.Fatalf("catalog: %+v %v", runs, err)
	}
	// Create replaces a run database and resets its catalog entry.
	st, err = Create(path, Meta{Scenario: "again", Catalog: CatalogPath(dir)})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if ri, _ := st.Info(); ri.Scenario != "again" || ri.Events != 0 {
		t.Errorf("after replace: %+v", ri)
	}
	if runs, _ := ListRuns(dir); len(runs) != 1 || runs[0].Complete || runs[0].Scenario != "again" {
		t.Errorf("catalog after replace: %+v", runs)
	}
}

func TestOpenRunRejects(t *testing.T) {
	dir := t.TempDir()
	if _, err := OpenRun(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("opened a missing file")
	}
	other := filepath.Join(dir, "other.db")
	if err := os.WriteFile(other, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenRun(other); err == nil {
		t.Error("opened a database that is not a run")
	}
	if runs, err := ListRuns(filepath.Join(dir, "none")); err != nil || runs != nil {
		t.Errorf("a folder without a catalog: %v %v", runs, err)
	}
}

func TestDefaultRunsDir(t *testing.T) {
	t.Setenv(EnvRunsDir, "")
	t.Setenv("XDG_DATA_HOME", "/data")
	if d, _ := DefaultRunsDir(); d != "/data/fanout/runs" {
		t.Errorf("with XDG_DATA_HOME: %s", d)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/u")
	if d, _ := DefaultRunsDir(); d != "/home/u/.local/share/fanout/runs" {
		t.Errorf("with HOME: %s", d)
	}
	t.Setenv(EnvRunsDir, "/runs")
	if d, _ := DefaultRunsDir(); d != "/runs" {
		t.Errorf("with %s: %s", EnvRunsDir, d)
	}
}

// TestCounts checks the table totals against the records the synthetic run emitted.
func TestCounts(t *testing.T) {
	mem, st := filled(t, 300)
	c, err := st.Counts()
	if err != nil {
		t.Fatal(err)
	}
	var want Counts
	want.Finals = map[string]int64{}
	for _, ref := range refsOf(t, mem) {
		tr, _ := mem.Trace(ref)
		want.Events++
		if tr.Event.Accepted {
			want.Accepted++
			if !tr.Done {
				want.InFlight++
			}
		}
		want.Evaluations += int64(len(tr.Rules))
		want.Deliveries += int64(len(tr.Transforms))
		want.Attempts += int64(len(tr.Attempts))
		want.Invocations += int64(len(tr.Invocations))
		for _, f := range tr.Finals {
			want.Finals[f.Outcome.String()]++
		}
	}
	if c.Events != want.Events || c.Accepted != want.Accepted || c.Rejected != want.Events-want.Accepted ||
		c.Evaluations != want.Evaluations || c.Deliveries != want.Deliveries || c.Attempts != want.Attempts ||
		c.Invocations != want.Invocations || c.InFlight != want.InFlight || len(c.Finals) != len(want.Finals) {
		t.Errorf("counts %+v\nwant   %+v", c, want)
	}
	for k, v := range want.Finals {
		if c.Finals[k] != v {
			t.Errorf("finals[%s] = %d, want %d", k, c.Finals[k], v)
		}
	}
}

// A run records the scenario it was made from; a database of the first schema version (without
// those columns) is migrated when opened.
func TestRunRecordsItsScenario(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.db")
	src := []byte("version: 1\nname: tiny\n")
	st, err := Create(path, Meta{Scenario: "tiny", Seed: 3, Horizon: time.Minute, ScenarioPath: "shipped:tiny", ScenarioYAML: src})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Finish([]byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st, err = OpenRun(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ri, err := st.Info()
	if err != nil {
		t.Fatal(err)
	}
	if ri.ScenarioPath != "shipped:tiny" || string(ri.ScenarioYAML) != string(src) {
		t.Errorf("scenario = %q %q", ri.ScenarioPath, ri.ScenarioYAML)
	}
}
