package cli

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/world"
	"github.com/fanout/fanout/scenarios"
	"github.com/fanout/fanout/storage"
)

// TestMain keeps every stored run of this package's tests in a temporary runs folder.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "fanout-cli-runs-")
	if err != nil {
		panic(err)
	}
	os.Setenv(storage.EnvRunsDir, dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// For every shipped scenario (10 simulated minutes), the run's database holds exactly the counts
// of its summary (issue 6: counts in the database equal the run summary's).
func TestStoredCountsEqualSummary(t *testing.T) {
	for _, info := range scenarios.Shipped() {
		t.Run(info.Name, func(t *testing.T) {
			cfg := shippedConfig(t, info.Name)
			cfg.Duration = min(cfg.Duration, 10*time.Minute)
			path := filepath.Join(t.TempDir(), "run.db")
			rs, err := OpenRunStore(path, false, cfg, ShippedPrefix+info.Name, nil)
			if err != nil {
				t.Fatal(err)
			}
			cfg.Sink = rs.st.Sink()
			s := runConfig(t, cfg)
			if err := rs.Finish(s, nil, true); err != nil {
				t.Fatal(err)
			}
			rs.Close()
			st, err := storage.OpenRun(path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			c, err := st.Counts()
			if err != nil {
				t.Fatal(err)
			}
			checkCounts(t, s, c)
			if ri, err := st.Info(); err != nil || ri.ScenarioPath != ShippedPrefix+info.Name || len(ri.ScenarioYAML) == 0 {
				t.Errorf("the run must record its scenario: %q, %d bytes, %v", ri.ScenarioPath, len(ri.ScenarioYAML), err)
			}
		})
	}
}

func checkCounts(t *testing.T, s world.Summary, c storage.Counts) {
	t.Helper()
	var delivered, dead, discarded, expired, matched uint64
	for _, r := range s.Rules {
		matched += r.Matched
	}
	for _, tg := range s.Targets {
		delivered += tg.Delivered
		dead += tg.DeadLettered
		discarded += tg.Discarded
		expired += tg.Expired
	}
	pairs := []struct {
		what      string
		db, summa int64
	}{
		{"accepted", c.Accepted, int64(s.Events.Accepted)},
		{"rejected", c.Rejected, int64(s.Events.Rejected)},
		{"matches", c.Matches, int64(matched)},
		{"delivered", c.Finals["delivered"], int64(delivered)},
		{"dead_lettered", c.Finals["dead_lettered"], int64(dead)},
		{"discarded", c.Finals["discarded"], int64(discarded)},
		{"expired", c.Finals["expired"], int64(expired)},
		{"fan-outs complete", c.Fanouts, int64(s.Fanout.Complete)},
	}
	for _, p := range pairs {
		if p.db != p.summa {
			t.Errorf("%s: database %d, summary %d", p.what, p.db, p.summa)
		}
	}
	var inv, cold int64
	for _, f := range s.Functions {
		inv += f.Invocations
		cold += f.ColdStarts
	}
	if c.Invocations != inv || c.ColdStarts != cold {
		t.Errorf("invocations %d/%d cold starts %d/%d (database/summary)", c.Invocations, inv, c.ColdStarts, cold)
	}
}
