package storage

import (
	"context"
	"database/sql"
	_ "embed"
	"fmt"
	"os"
	"strings"
	"time"
)

//go:embed indexes.sql
var indexesSQL string

// ensureIndexes builds the filter indexes that are missing (all of them after a run that
// was killed before Finish), except those Finish found no use for (table skipped_indexes).
// It also fills the table pending, when Finish did not, with the accepted events whose
// fan-out did not complete (in flight at the horizon, or at the kill), which drives the
// in_flight filter.
func ensureIndexes(ctx context.Context, db conn) error {
	skip := map[string]bool{}
	rows, err := db.QueryContext(ctx, `SELECT name FROM skipped_indexes`)
	if err != nil {
		return fmt.Errorf("build indexes: %w", err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return fmt.Errorf("build indexes: %w", err)
		}
		skip[n] = true
	}
	rows.Close()
	for _, ix := range filterIndexes {
		if skip[ix.name] {
			continue
		}
		if _, err := db.ExecContext(ctx, ix.sql); err != nil {
			return fmt.Errorf("build index %s: %w", ix.name, err)
		}
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'pending'`).Scan(&n); err != nil || n > 0 {
		return err
	}
	_, err = db.ExecContext(ctx, `BEGIN IMMEDIATE;
		CREATE TABLE pending (event INTEGER PRIMARY KEY);
		INSERT INTO pending `+pendingSQL+`;
		COMMIT;`)
	if err != nil {
		_, _ = db.ExecContext(ctx, "ROLLBACK")
		return fmt.Errorf("build pending: %w", err)
	}
	return nil
}

// filterIndexes are the statements of indexes.sql with the names they create.
var filterIndexes = func() []struct{ name, sql string } {
	var out []struct{ name, sql string }
	for _, line := range strings.Split(indexesSQL, "\n") {
		f := strings.Fields(line)
		if len(f) > 5 && f[0] == "CREATE" && f[1] == "INDEX" {
			out = append(out, struct{ name, sql string }{f[5], line})
		}
	}
	return out
}()

// pendingSQL selects the accepted events without a completed fan-out, in event order. It
// walks the small covering index events_at rather than the wide events rows: only the few
// events without a fanouts row are then looked up to test accepted.
const pendingSQL = `WITH c AS MATERIALIZED (SELECT seq FROM events INDEXED BY events_at
		WHERE NOT EXISTS (SELECT 1 FROM fanouts x WHERE x.event = events.seq))
	SELECT e.seq FROM c JOIN events e ON e.seq = c.seq WHERE e.accepted = 1 ORDER BY e.seq`

// complete writes what the writer learned (facets, pending), builds the filter indexes the
// run needs and marks the run complete, on one connection:
//   - first a checkpoint without fsync moves the run's pages from the WAL into the database
//     file, so that the index builds read the file, and an fsync of the file runs beside
//     them;
//   - last a checkpoint with synchronous = FULL fsyncs the run: the writer ran without fsync
//     (writerPragmas), a finished run is durable.
func (s *Store) complete(fa *facets, simNS int64, summary []byte) error {
	ctx := context.Background()
	c, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	defer func() { _, _ = c.ExecContext(ctx, "PRAGMA synchronous = NORMAL") }() // the pool's setting
	if _, err := c.ExecContext(ctx, "PRAGMA synchronous = OFF; PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	// The run's pages are all in the database file now: write them to disk while the indexes
	// are built (the disk works while SQLite computes), so that the final fsync only waits
	// for the index pages. Its error, if any, the final checkpoint's fsync reports again.
	synced := make(chan struct{})
	go func() {
		defer close(synced)
		if f, err := os.Open(s.path); err == nil {
			_ = f.Sync()
			f.Close()
		}
	}()
	defer func() { <-synced }()
	if err := fa.save(ctx, c); err != nil {
		return err
	}
	if err := ensureIndexes(ctx, c); err != nil {
		return err
	}
	finished := time.Now().UTC().Format(time.RFC3339Nano)
	if _, err := c.ExecContext(ctx, `UPDATE run SET complete = 1, finished = ?, sim_ns = ?, events = ?, summary = ? WHERE id = 1`,
		finished, simNS, fa.events, nullText(summary)); err != nil {
		return err
	}
	<-synced
	if _, err := c.ExecContext(ctx, "PRAGMA synchronous = FULL; PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}

// conn is what ensureIndexes and facets.save need of a *sql.DB or a *sql.Conn.
type conn interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}
