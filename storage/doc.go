// Package storage keeps runs in SQLite (github.com/mattn/go-sqlite3): one database file per
// run, written by a batched Sink on its own goroutine, read by the workbench's queries
// (obs.Querier) and exported as CSV, JSON lines or OpenTelemetry OTLP JSON. A catalog.db in
// the runs folder lists the runs. docs/storage.md documents the schema table by table.
//
// Wiring a run (package app):
//
//	st, err := storage.Create(path, storage.Meta{Scenario: name, Seed: seed, Horizon: d,
//	        Catalog: storage.CatalogPath(dir)})
//	sink := st.Sink()               // an obs.Sink: hand it to the engine (obs.Tee with metrics)
//	... run ...
//	err = st.Finish(summaryJSON)    // flushes, marks the run complete, updates the catalog
//	err = st.Close()
//
// A run killed before Finish leaves a database that opens and reports Complete == false.
package storage

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/fanout/fanout/engine/obs"
)

// ErrNotFound is obs.ErrNotFound: an event or run that is not there.
var ErrNotFound = obs.ErrNotFound

// EnvRunsDir names the environment variable that overrides the runs folder.
const EnvRunsDir = "FANOUT_RUNS_DIR"

// DefaultRunsDir returns the runs folder: $FANOUT_RUNS_DIR if set, else
// $XDG_DATA_HOME/fanout/runs, else ~/.local/share/fanout/runs. It does not create it.
func DefaultRunsDir() (string, error) {
	if d := os.Getenv(EnvRunsDir); d != "" {
		return d, nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "fanout", "runs"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", errors.New("no runs folder: set " + EnvRunsDir + " or HOME")
	}
	return filepath.Join(home, ".local", "share", "fanout", "runs"), nil
}

// CatalogPath is the catalog database of the runs folder dir.
func CatalogPath(dir string) string { return filepath.Join(dir, "catalog.db") }
