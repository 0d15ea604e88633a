package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/fanout/fanout/engine/world"
	"github.com/fanout/fanout/scenarios"
	"github.com/fanout/fanout/storage"
)

// RunStore is where a run keeps its records: a SQLite database in the runs folder
// (docs/storage.md), or a file the user names, or nowhere. `fanout run` and the workbench share
// it.
type RunStore struct {
	st *storage.Store
}

// Store is the run's database, nil when the run keeps nothing.
func (r *RunStore) Store() *storage.Store { return r.st }

// OpenRunStore creates the run's database (at db, or a new file in the runs folder) unless
// noStore, recording the scenario at scenarioPath (a file or shipped:NAME; "" records none)
// with its text src (nil: read from scenarioPath). The world's sink must be set from
// Store().Sink() before the run starts.
func OpenRunStore(db string, noStore bool, cfg world.Config, scenarioPath string, src []byte) (*RunStore, error) {
	if noStore {
		if db != "" {
			return nil, fmt.Errorf("--db and --no-store exclude each other")
		}
		return &RunStore{}, nil
	}
	dir, err := storage.DefaultRunsDir()
	if err != nil {
		return nil, fmt.Errorf("runs folder: %w", err)
	}
	catalog := storage.CatalogPath(dir)
	path := db
	if path == "" {
		path = storage.RunPath(dir, cfg.Name, time.Now(), cfg.Seed)
	}
	meta := storage.Meta{Scenario: cfg.Name, Seed: cfg.Seed, Horizon: cfg.Duration, Catalog: catalog}
	meta.ScenarioPath, meta.ScenarioYAML = scenarioSource(scenarioPath)
	if src != nil {
		meta.ScenarioYAML = src
	}
	st, err := storage.Create(path, meta)
	if err != nil {
		return nil, fmt.Errorf("create run database: %w", err)
	}
	return &RunStore{st: st}, nil
}

// Finish writes the summary and marks the run complete (the database stays open for reading
// until Close); it says where the run went on out unless quiet.
func (r *RunStore) Finish(s world.Summary, out io.Writer, quiet bool) error {
	if r.st == nil {
		return nil
	}
	b, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("encode summary: %w", err)
	}
	if err := r.st.Finish(b); err != nil {
		return fmt.Errorf("finish run database: %w", err)
	}
	if !quiet {
		fmt.Fprintf(out, "\nrun stored in %s\n", r.st.Path())
	}
	return nil
}

// Close closes the database; without Finish before it, the run stays marked incomplete.
// Closing twice is harmless.
func (r *RunStore) Close() {
	if r.st != nil {
		r.st.Close()
		r.st = nil
	}
}

// scenarioSource returns how to name the scenario at path and its text; a file that cannot be
// read (moved since) is recorded by name only.
func scenarioSource(path string) (string, []byte) {
	if path == "" {
		return "", nil
	}
	if name, ok := ShippedName(path); ok {
		src, _ := scenarios.ShippedSource(name)
		return ShippedPrefix + name, src
	}
	src, _ := os.ReadFile(path)
	return path, src
}
