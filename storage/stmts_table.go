package storage

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// multiRows is how many rows one INSERT statement carries: binding is per value either way,
// but one statement step per multiRows rows instead of per row makes inserts about 1.5 times
// faster.
const multiRows = 32

// table inserts rows into one table, multiRows at a time; flush writes the rest one by one.
type table struct {
	one, many *stmt
	cols, n   int // columns per row, rows buffered in many.args
}

func prepareTable(c *sqlite3.SQLiteConn, head string, cols int) (*table, error) {
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", cols), ",") + ")"
	one, err := prepareStmt(c, head+" VALUES "+row)
	if err != nil {
		return nil, err
	}
	many, err := prepareStmt(c, head+" VALUES "+strings.TrimSuffix(strings.Repeat(row+",", multiRows), ","))
	if err != nil {
		one.s.Close()
		return nil, err
	}
	return &table{one: one, many: many, cols: cols}, nil
}

func prepareStmt(c *sqlite3.SQLiteConn, q string) (*stmt, error) {
	s, err := c.Prepare(q)
	if err != nil {
		return nil, fmt.Errorf("prepare %.80q: %w", q, err)
	}
	x := &stmt{s: s, ex: s.(driver.StmtExecContext), args: make([]driver.NamedValue, s.NumInput())}
	for i := range x.args {
		x.args[i].Ordinal = i + 1
	}
	return x, nil
}

// add buffers one row (len(vals) == cols) and inserts the buffer when it is full.
func (t *table) add(vals ...any) error {
	base := t.n * t.cols
	for i, v := range vals {
		t.many.args[base+i].Value = v
	}
	t.n++
	if t.n < multiRows {
		return nil
	}
	t.n = 0
	_, err := t.many.ex.ExecContext(context.Background(), t.many.args)
	return err
}

// flush inserts the buffered rows.
func (t *table) flush() error {
	for r := 0; r < t.n; r++ {
		for i := range t.cols {
			t.one.args[i].Value = t.many.args[r*t.cols+i].Value
		}
		if _, err := t.one.ex.ExecContext(context.Background(), t.one.args); err != nil {
			return err
		}
	}
	t.n = 0
	return nil
}

// reset forgets the buffered rows (after a failed transaction) and the values they held.
func (t *table) reset() {
	t.n = 0
	for i := range t.many.args {
		t.many.args[i].Value = nil
	}
}

func (t *table) close() {
	t.one.s.Close()
	t.many.s.Close()
}
