package storage

import (
	"context"
	"database/sql"
	"testing"
)

// TestPragmasAfterFinish checks the settings a finished run leaves behind: new files have
// pageSize pages, and no pooled connection keeps the writer's synchronous = OFF (the writer's
// connection returns to the pool when it stops).
func TestPragmasAfterFinish(t *testing.T) {
	st := newStore(t)
	st.DB().SetMaxIdleConns(4) // keep every connection, the writer's too, once idle
	synth(st.Sink(), 300, 3)
	if err := st.Finish([]byte(`{"sim_seconds":1}`)); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var conns []*sql.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	open := st.DB().Stats().OpenConnections
	for range open { // every open connection, the writer's among them
		c, err := st.DB().Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var sync, ps, ckpt int
		if err := c.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA page_size").Scan(&ps); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&ckpt); err != nil {
			t.Fatal(err)
		}
		if sync != 1 || ps != pageSize || ckpt != 1000 {
			t.Errorf("connection %d: synchronous %d, page_size %d, wal_autocheckpoint %d; want 1 (NORMAL), %d, 1000",
				len(conns), sync, ps, ckpt, pageSize)
		}
	}
	if open == 0 {
		t.Fatal("no open connection: the writer's should be among them")
	}
}
