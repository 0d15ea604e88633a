package storage

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"

	"github.com/mattn/go-sqlite3"
)

// maxParams is the most host parameters one statement may have (SQLITE_MAX_VARIABLE_NUMBER).
const maxParams = 32766

// maxRows caps how many rows one INSERT statement carries. Binding costs the same per value
// (one cgo call each), but one statement step per maxRows rows instead of per row saves the
// per-statement work (reset, step, VDBE setup); beyond a few hundred rows the gain is gone.
const maxRows = 256

// table inserts rows into one table. A full buffer goes in one statement of rows rows; flush
// writes the rest with power-of-two statements, so a remainder of n rows takes at most
// log2(n)+1 statements.
//
// A counted table's first column (events.seq, the steps' seq) is not bound row by row: rows
// whose first column goes up by one share a single parameter, the first row's value, and row
// k's value is computed by SQLite as that plus k. addSeq starts a new statement when a row
// breaks the run.
type table struct {
	head    string
	c       *sqlite3.SQLiteConn
	sizes   map[int]*stmt // rows per statement -> statement, prepared when first needed
	rows    int           // rows per full buffer
	cols    int           // columns per row, the first included
	w       int           // bound values per row: cols, or cols-1 when counted
	counted bool
	base    int64 // counted: the first buffered row's first column
	n       int   // rows buffered in buf
	buf     rows  // the buffered rows' values (w per row)
}

func prepareTable(c *sqlite3.SQLiteConn, head string, cols int, counted bool) (*table, error) {
	t := &table{head: head, c: c, sizes: map[int]*stmt{}, cols: cols, w: cols, counted: counted}
	if counted {
		t.w = cols - 1
	}
	rows := min(maxRows, (maxParams-1)/t.w)
	for t.rows = 1; t.rows*2 <= rows; t.rows *= 2 { // a power of two, so flush's cascade fits
	}
	_, err := t.stmt(t.rows) // the full-buffer statement: a bad head fails here
	return t, err
}

// stmt returns the statement inserting n rows. Parameters are numbered explicitly: ?1 is the
// counted base, then each row's values in order.
func (t *table) stmt(n int) (*stmt, error) {
	if s, ok := t.sizes[n]; ok {
		return s, nil
	}
	var b strings.Builder
	b.WriteString(t.head)
	b.WriteString(" VALUES ")
	p := 1
	if t.counted {
		p = 2
	}
	for k := range n {
		if k > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		if t.counted {
			b.WriteString("?1+" + strconv.Itoa(k))
		}
		for i := range t.w {
			if i > 0 || t.counted {
				b.WriteByte(',')
			}
			b.WriteString("?" + strconv.Itoa(p))
			p++
		}
		b.WriteByte(')')
	}
	s, err := prepareStmt(t.c, b.String())
	if err != nil {
		return nil, err
	}
	t.sizes[n] = s
	return s, nil
}

func prepareStmt(c *sqlite3.SQLiteConn, q string) (*stmt, error) {
	s, err := c.Prepare(q)
	if err != nil {
		return nil, fmt.Errorf("prepare %.80q: %w", q, err)
	}
	h, err := stmtHandle(s)
	if err != nil {
		s.Close()
		return nil, err
	}
	return &stmt{s: s, ex: s.(driver.StmtExecContext), c: h}, nil
}

// add buffers one row of an uncounted table (len(vals) == cols) and inserts the buffer when
// it is full.
func (t *table) add(vals ...any) error {
	for _, v := range vals {
		t.buf.add(v)
	}
	return t.added()
}

// addSeq buffers one row of a counted table: first is its first column, vals the others.
func (t *table) addSeq(first int64, vals ...any) error {
	if t.n > 0 && first != t.base+int64(t.n) {
		if err := t.flush(); err != nil {
			return err
		}
	}
	if t.n == 0 {
		t.base = first
	}
	for _, v := range vals {
		t.buf.add(v)
	}
	return t.added()
}

func (t *table) added() error {
	t.n++
	if t.n < t.rows {
		return nil
	}
	return t.flush()
}

// flush inserts the buffered rows, largest power-of-two chunk first (rows stay in order).
func (t *table) flush() error {
	done := 0
	for size := t.rows; size >= 1; size /= 2 {
		if t.n-done < size {
			continue
		}
		s, err := t.stmt(size)
		if err != nil {
			return err
		}
		if err := t.buf.exec(s, t.counted, t.base+int64(done), done*t.w, (done+size)*t.w); err != nil {
			return err
		}
		done += size
	}
	t.reset()
	return nil
}

// reset forgets the buffered rows (after a failed transaction) and the values they held.
func (t *table) reset() {
	t.n = 0
	t.buf.reset()
}

func (t *table) close() {
	for _, s := range t.sizes {
		s.s.Close()
	}
}
