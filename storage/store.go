package storage

import (
	"context"
	"database/sql"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fanout/fanout/engine/obs"
)

// Meta describes a run when its database is created.
type Meta struct {
	Scenario string        // the scenario's name
	Seed     uint64        // the run's seed
	Started  time.Time     // wall-clock start; zero means now
	Horizon  time.Duration // the simulated time the run is asked to cover
	// Catalog is the catalog database to list the run in (CatalogPath(dir)); "" lists it
	// nowhere.
	Catalog string
	// ScenarioPath and ScenarioYAML record the scenario the run was made from (its file or
	// shipped:NAME, and its text), so reports need nothing but the database. Both optional.
	ScenarioPath string
	ScenarioYAML []byte
}

// RunInfo is what a run's database says about the run.
type RunInfo struct {
	Scenario    string
	Seed        uint64
	Started     time.Time
	Horizon     time.Duration
	Complete    bool // false until Finish: a run killed half-way stays incomplete
	Finished    time.Time
	SimDuration time.Duration
	Events      int64 // events received (counted from the events table when incomplete)
	Summary     json.RawMessage
	// ScenarioPath and ScenarioYAML are the scenario the run was made from, when recorded.
	ScenarioPath string
	ScenarioYAML []byte
}

// Store is one run's database: written through Sink while the run goes, queried through the
// obs.Querier methods at any time (SQLite's WAL lets readers run beside the writer).
type Store struct {
	path    string
	db      *sql.DB
	catalog string
	w       *writer // nil for a store opened with OpenRun
}

// Create makes a new run database at path (replacing any file there, with its -wal and -shm),
// records m, lists the run in m.Catalog, and starts the writer behind Sink.
func Create(path string, m Meta) (*Store, error) {
	if m.Started.IsZero() {
		m.Started = time.Now()
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("create run database: %w", err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("replace %s: %w", path, err)
		}
	}
	if err := setPageSize(path); err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	db, err := openDB(path)
	if err != nil {
		return nil, err
	}
	if err := migrate(db, "migrations"); err != nil {
		db.Close()
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	started := m.Started.UTC().Format(time.RFC3339Nano)
	if _, err := db.Exec(`INSERT INTO run (id, scenario, seed, started, horizon_ns, scenario_path, scenario_yaml)
		VALUES (1, ?, ?, ?, ?, ?, ?)`, m.Scenario, int64(m.Seed), started, int64(m.Horizon),
		nullText([]byte(m.ScenarioPath)), nullText(m.ScenarioYAML)); err != nil {
		db.Close()
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	s := &Store{path: path, db: db, catalog: m.Catalog}
	if m.Catalog != "" {
		if err := catalogAdd(m.Catalog, path, m.Scenario, m.Seed, started); err != nil {
			db.Close()
			return nil, err
		}
	}
	if s.w, err = startWriter(db, path); err != nil {
		db.Close()
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	return s, nil
}

// OpenRun opens an existing run database for queries and exports.
func OpenRun(path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open run %s: %w", path, err)
	}
	db, err := openDB(path)
	if err != nil {
		return nil, err
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'run'`).Scan(&n); err != nil || n == 0 {
		db.Close()
		return nil, fmt.Errorf("open run %s: not a fanout run database", path)
	}
	if err := migrate(db, "migrations"); err != nil {
		db.Close()
		return nil, fmt.Errorf("open run %s: %w", path, err)
	}
	// A read-only file cannot take the indexes: the queries then work, only slower.
	_ = ensureIndexes(context.Background(), db)
	return &Store{path: path, db: db}, nil
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// DB is the database handle, for the exports and for tests.
func (s *Store) DB() *sql.DB { return s.db }

// Sink is the batched writer's obs.Sink; nil for a store opened with OpenRun. Call it from
// one goroutine (the run's). It never blocks on an unbounded buffer: when the writer is
// behind, a full batch waits for a free one (back-pressure).
func (s *Store) Sink() obs.Sink {
	if s.w == nil {
		return nil
	}
	return s.w.sink
}

// Flush writes every record given to the Sink so far and waits until it is committed.
func (s *Store) Flush() error {
	if s.w == nil {
		return nil
	}
	return s.w.flush()
}

// Finish flushes the Sink, stops the writer, writes what the writer learned (facets, pending
// events), builds the filter indexes the run needs, marks the run complete with its summary
// JSON (docs/summary.md; its sim_seconds gives the simulated duration), makes the file durable
// and updates the catalog.
func (s *Store) Finish(summary []byte) error {
	if s.w == nil {
		return errors.New("finish: the run was opened for reading")
	}
	err := s.w.stop()
	fa := s.w.facets
	s.w = nil
	if err != nil {
		return fmt.Errorf("finish %s: %w", s.path, err)
	}
	var sum struct {
		SimSeconds float64 `json:"sim_seconds"`
	}
	if len(summary) > 0 {
		if err := json.Unmarshal(summary, &sum); err != nil {
			return fmt.Errorf("finish %s: summary: %w", s.path, err)
		}
	}
	events, simNS := fa.events, int64(sum.SimSeconds*1e9)
	if err := s.complete(fa, simNS, summary); err != nil {
		return fmt.Errorf("finish %s: %w", s.path, err)
	}
	if s.catalog != "" {
		return catalogFinish(s.catalog, s.path, simNS, events, summary)
	}
	return nil
}

func nullText(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return string(b)
}

// Close stops the writer (after writing what it holds) without marking the run complete, and
// closes the database.
func (s *Store) Close() error {
	var err error
	if s.w != nil {
		err = s.w.stop()
		s.w = nil
	}
	return errors.Join(err, s.db.Close())
}

// Info reads the run's description.
func (s *Store) Info() (RunInfo, error) {
	var (
		ri                RunInfo
		seed, hor         int64
		started           string
		finished, summary sql.NullString
		scPath, scYAML    sql.NullString
		simNS, events     sql.NullInt64
		complete          int
	)
	err := s.db.QueryRow(`SELECT scenario, seed, started, horizon_ns, complete, finished, sim_ns, events, summary,
		scenario_path, scenario_yaml FROM run WHERE id = 1`).
		Scan(&ri.Scenario, &seed, &started, &hor, &complete, &finished, &simNS, &events, &summary, &scPath, &scYAML)
	if err != nil {
		return ri, fmt.Errorf("run %s: %w", s.path, err)
	}
	ri.Seed, ri.Horizon, ri.Complete = uint64(seed), time.Duration(hor), complete == 1
	ri.Started, _ = time.Parse(time.RFC3339Nano, started)
	ri.Finished, _ = time.Parse(time.RFC3339Nano, finished.String)
	ri.SimDuration, ri.Events = time.Duration(simNS.Int64), events.Int64
	if summary.Valid {
		ri.Summary = json.RawMessage(summary.String)
	}
	ri.ScenarioPath = scPath.String
	if scYAML.Valid {
		ri.ScenarioYAML = []byte(scYAML.String)
	}
	if !ri.Complete {
		if err := s.db.QueryRow(`SELECT count(*) FROM events`).Scan(&ri.Events); err != nil {
			return ri, fmt.Errorf("run %s: %w", s.path, err)
		}
	}
	return ri, nil
}

// RunPath is the default file of a run in the runs folder dir:
// <scenario>-<YYYYMMDD-HHMMSS>-seed<N>.db, with the scenario name made file-safe.
func RunPath(dir, scenario string, started time.Time, seed uint64) string {
	safe := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '_'
	}, scenario)
	if safe == "" {
		safe = "run"
	}
	return filepath.Join(dir, fmt.Sprintf("%s-%s-seed%d.db", safe, started.UTC().Format("20060102-150405"), seed))
}
