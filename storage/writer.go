package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"github.com/mattn/go-sqlite3"
)

// writer owns one connection and writes each batch in one transaction with prepared
// statements, on its own goroutine. The first error stops the writing (later batches are
// dropped) and is returned by flush and stop.
type writer struct {
	db   *sql.DB
	conn *sql.Conn
	sink *sink
	ch   chan *batch
	free chan *batch
	wg   sync.WaitGroup
	// facets is filled by the writer goroutine; read it only after stop.
	facets *facets
	sync   *syncer

	mu  sync.Mutex
	err error
}

func startWriter(db *sql.DB, path string) (*writer, error) {
	conn, err := db.Conn(context.Background())
	if err != nil {
		return nil, err
	}
	w := &writer{db: db, conn: conn, ch: make(chan *batch, queueBatches), free: make(chan *batch, queueBatches+2),
		facets: newFacets(), sync: startSyncer(path)}
	for range queueBatches + 2 {
		w.free <- &batch{}
	}
	w.sink = &sink{w: w, cur: w.take()}
	ready := make(chan error, 1)
	w.wg.Add(1)
	go w.run(ready)
	if err := <-ready; err != nil {
		w.wg.Wait()
		w.sync.stop()
		conn.Close()
		return nil, err
	}
	return w, nil
}

func (w *writer) take() *batch { return <-w.free }

// send hands b to the writer; it blocks while the queue is full.
func (w *writer) send(b *batch, done chan error) {
	b.done = done
	w.ch <- b
}

func (w *writer) setErr(err error) {
	w.mu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.mu.Unlock()
}

func (w *writer) error() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// flush sends the current batch and waits until it is committed.
func (w *writer) flush() error {
	done := make(chan error, 1)
	w.send(w.sink.cur, done)
	w.sink.cur = w.take()
	if err := <-done; err != nil {
		return err
	}
	return w.error()
}

// stop flushes, ends the goroutine and releases the connection.
func (w *writer) stop() error {
	err := w.flush()
	close(w.ch)
	w.wg.Wait()
	w.sync.stop()
	return errors.Join(err, w.conn.Close())
}

// writerPragmas set up the writer's connection for the run:
//   - synchronous = OFF: commits and the checkpoints they trigger write to the operating
//     system without fsync. A killed process loses nothing the OS has (the kill test); only an
//     OS crash or power loss during the run can lose or damage the run's file. Finish
//     checkpoints on a connection with synchronous = NORMAL, which fsyncs the database, so a
//     finished run is as durable as before.
//   - wal_autocheckpoint = 4096 pages (64 MiB of 16 KiB pages): fewer, larger checkpoints;
//     the rightmost pages of each table, rewritten by every commit, are copied into the
//     database file less often.
//   - a 64 MiB page cache.
//
// poolPragmas put the defaults back when the writer stops and its connection returns to the
// pool.
const (
	writerPragmas = "PRAGMA cache_size = -65536; PRAGMA synchronous = OFF; PRAGMA wal_autocheckpoint = 4096"
	poolPragmas   = "PRAGMA cache_size = -2000; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 1000"
)

// run is the writer goroutine: it prepares the statements on the raw driver connection
// (skipping database/sql's per-call overhead), then writes batches until ch is closed.
func (w *writer) run(ready chan<- error) {
	defer w.wg.Done()
	err := w.conn.Raw(func(dc any) error {
		c, ok := dc.(*sqlite3.SQLiteConn)
		if !ok {
			return fmt.Errorf("unexpected driver connection %T", dc)
		}
		st, err := prepare(c, w.facets)
		if err != nil {
			return err
		}
		defer st.close()
		if _, err := c.Exec(writerPragmas, nil); err != nil {
			return err
		}
		ready <- nil
		ready = nil
		for b := range w.ch {
			if w.error() == nil {
				if err := st.write(c, b); err != nil {
					w.setErr(fmt.Errorf("write records: %w", err))
				}
				w.sync.kick()
			}
			done := b.done
			b.reset()
			w.free <- b
			if done != nil {
				done <- w.error()
			}
		}
		_, err = c.Exec(poolPragmas, nil)
		return err
	})
	if ready != nil {
		ready <- err
		return
	}
	if err != nil {
		w.setErr(err)
	}
}

// write stores one batch in one transaction.
func (st *stmts) write(c *sqlite3.SQLiteConn, b *batch) error {
	if b.n == 0 {
		return nil
	}
	if _, err := c.Exec("BEGIN IMMEDIATE", nil); err != nil {
		return err
	}
	if err := st.writeAll(b); err != nil {
		_, _ = c.Exec("ROLLBACK", nil)
		return err
	}
	if _, err := c.Exec("COMMIT", nil); err != nil {
		return err
	}
	if st.facets.ids.drop() {
		if _, err := c.Exec("DROP INDEX IF EXISTS events_id", nil); err != nil {
			return fmt.Errorf("drop the index on ids: %w", err)
		}
	}
	return nil
}
