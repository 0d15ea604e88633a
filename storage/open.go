package storage

import (
	"database/sql"
	"fmt"

	"github.com/mattn/go-sqlite3"
)

// driverName is go-sqlite3 with each connection set to read the file through mmap (fewer
// system calls for the workbench's many small reads).
const driverName = "fanout-sqlite3"

// pageSize is a new run database's page size: 16 KiB pages take fewer, larger writes for
// the writer's commits and checkpoints than SQLite's default 4 KiB.
const pageSize = 16384

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		_, err := c.Exec("PRAGMA mmap_size = 2147483648", nil)
		return err
	}})
}

// dsn opens path in WAL mode. _mutex=no skips SQLite's per-call connection mutex (one
// lock and unlock per bound value): database/sql never uses a connection from two goroutines
// at once, and the writer keeps its own.
func dsn(path string) string {
	return "file:" + path + "?_journal_mode=WAL&_synchronous=NORMAL&_busy_timeout=10000&_txlock=immediate&_mutex=no"
}

func openDB(path string) (*sql.DB, error) {
	db, err := sql.Open(driverName, dsn(path))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(4)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// setPageSize creates the empty database file at path with pages of pageSize bytes; the size
// must be set before the file turns to WAL mode, which this connection does next.
func setPageSize(path string) error {
	db, err := sql.Open(driverName, "file:"+path)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(fmt.Sprintf("PRAGMA page_size = %d; PRAGMA journal_mode = WAL", pageSize))
	return err
}
