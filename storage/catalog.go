package storage

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// CatalogEntry is one run listed in a runs folder's catalog.db.
type CatalogEntry struct {
	ID          int64
	File        string // absolute path of the run database
	Scenario    string
	Seed        uint64
	Started     time.Time
	SimDuration time.Duration
	Events      int64
	Complete    bool
	Missing     bool // the file is no longer there
}

func openCatalog(path string) (*sql.DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("catalog %s: %w", path, err)
	}
	db, err := openDB(path)
	if err != nil {
		return nil, err
	}
	if err := migrate(db, "migrations/catalog"); err != nil {
		db.Close()
		return nil, fmt.Errorf("catalog %s: %w", path, err)
	}
	return db, nil
}

func catalogAdd(catalog, file, scenario string, seed uint64, started string) error {
	db, err := openCatalog(catalog)
	if err != nil {
		return err
	}
	defer db.Close()
	abs, err := filepath.Abs(file)
	if err != nil {
		return fmt.Errorf("catalog %s: %w", catalog, err)
	}
	_, err = db.Exec(`INSERT INTO runs (file, scenario, seed, started) VALUES (?, ?, ?, ?)
		ON CONFLICT (file) DO UPDATE SET scenario = excluded.scenario, seed = excluded.seed,
		started = excluded.started, sim_ns = 0, events = 0, complete = 0, summary = NULL`,
		abs, scenario, int64(seed), started)
	if err != nil {
		return fmt.Errorf("catalog %s: add %s: %w", catalog, file, err)
	}
	return nil
}

func catalogFinish(catalog, file string, simNS, events int64, summary []byte) error {
	db, err := openCatalog(catalog)
	if err != nil {
		return err
	}
	defer db.Close()
	abs, err := filepath.Abs(file)
	if err != nil {
		return fmt.Errorf("catalog %s: %w", catalog, err)
	}
	_, err = db.Exec(`UPDATE runs SET complete = 1, sim_ns = ?, events = ?, summary = ? WHERE file = ?`,
		simNS, events, nullText(summary), abs)
	if err != nil {
		return fmt.Errorf("catalog %s: finish %s: %w", catalog, file, err)
	}
	return nil
}

// ListRuns reads the catalog of the runs folder dir, newest first. A folder without a catalog
// has no runs. Incomplete runs report the events their database holds.
func ListRuns(dir string) ([]CatalogEntry, error) {
	path := CatalogPath(dir)
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return nil, nil
	}
	db, err := openCatalog(path)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.Query(`SELECT id, file, scenario, seed, started, sim_ns, events, complete FROM runs ORDER BY started DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("catalog %s: %w", path, err)
	}
	defer rows.Close()
	var out []CatalogEntry
	for rows.Next() {
		var (
			e           CatalogEntry
			seed, simNS int64
			started     string
			complete    int
		)
		if err := rows.Scan(&e.ID, &e.File, &e.Scenario, &seed, &started, &simNS, &e.Events, &complete); err != nil {
			return nil, fmt.Errorf("catalog %s: %w", path, err)
		}
		e.Seed, e.SimDuration, e.Complete = uint64(seed), time.Duration(simNS), complete == 1
		e.Started, _ = time.Parse(time.RFC3339Nano, started)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("catalog %s: %w", path, err)
	}
	for i := range out {
		fillIncomplete(&out[i])
	}
	return out, nil
}

// fillIncomplete marks a vanished file and counts an incomplete run's events.
func fillIncomplete(e *CatalogEntry) {
	if _, err := os.Stat(e.File); err != nil {
		e.Missing = true
		return
	}
	if e.Complete {
		return
	}
	if st, err := OpenRun(e.File); err == nil {
		if ri, err := st.Info(); err == nil {
			e.Events = ri.Events
		}
		st.Close()
	}
}
