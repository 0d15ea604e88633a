package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/fanout/fanout/engine/world"
	"github.com/fanout/fanout/storage"
)

// runStore is where `fanout run` keeps a run's records: a SQLite database in the runs folder
// (docs/storage.md), or the file --db names, or nowhere with --no-store.
type runStore struct {
	st *storage.Store
}

// openRunStore creates the run's database unless noStore. The world's sink must be set from
// the returned store's Sink before the run starts.
func openRunStore(db string, noStore bool, cfg world.Config) (*runStore, error) {
	if noStore {
		if db != "" {
			return nil, fmt.Errorf("--db and --no-store exclude each other")
		}
		return &runStore{}, nil
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
	st, err := storage.Create(path, storage.Meta{Scenario: cfg.Name, Seed: cfg.Seed, Horizon: cfg.Duration, Catalog: catalog})
	if err != nil {
		return nil, fmt.Errorf("create run database: %w", err)
	}
	return &runStore{st: st}, nil
}

// finish writes the summary, marks the run complete and closes the database; it says where the
// run went unless quiet.
func (r *runStore) finish(s world.Summary, out io.Writer, quiet bool) error {
	if r.st == nil {
		return nil
	}
	b, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("encode summary: %w", err)
	}
	if err := r.st.Finish(b); err != nil {
		r.st.Close()
		return fmt.Errorf("finish run database: %w", err)
	}
	if !quiet {
		fmt.Fprintf(out, "\nrun stored in %s\n", r.st.Path())
	}
	return r.st.Close()
}

// close closes the database without finishing it: the run stays marked incomplete.
func (r *runStore) close() {
	if r.st != nil {
		r.st.Close()
	}
}
