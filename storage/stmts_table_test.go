package storage

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-sqlite3"
)

// TestTableRows writes runs of rows through table (full multi-row statements, breaks in the
// counted first column, remainders of every size class) and reads back exactly the rows
// given, in order.
func TestTableRows(t *testing.T) {
	db, err := openDB(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE c (seq INTEGER, a INTEGER, b TEXT); CREATE TABLE u (a INTEGER, b TEXT)`); err != nil {
		t.Fatal(err)
	}
	// Counted rows: 1..300 (one full statement and a remainder), a jump to 1000..1010, a
	// step back to 7, then 20..531 (two full statements).
	var firsts []int64
	for _, r := range [][2]int64{{1, 300}, {1000, 1010}, {7, 7}, {20, 531}} {
		for s := r[0]; s <= r[1]; s++ {
			firsts = append(firsts, s)
		}
	}
	const plain = 517
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	err = conn.Raw(func(dc any) error {
		c := dc.(*sqlite3.SQLiteConn)
		ct, err := prepareTable(c, "INSERT INTO c (seq, a, b)", 3, true)
		if err != nil {
			return err
		}
		defer ct.close()
		ut, err := prepareTable(c, "INSERT INTO u (a, b)", 2, false)
		if err != nil {
			return err
		}
		defer ut.close()
		for i, s := range firsts {
			if err := ct.addSeq(s, int64(i), fmt.Sprint("c", i)); err != nil {
				return err
			}
		}
		for i := range plain {
			if err := ut.add(int64(i), fmt.Sprint("u", i)); err != nil {
				return err
			}
		}
		return errorsJoin(ct.flush(), ut.flush())
	})
	conn.Close()
	if err != nil {
		t.Fatal(err)
	}
	checkRows(t, db, "SELECT seq, a, b FROM c ORDER BY rowid", len(firsts), func(i int) string {
		return fmt.Sprint(firsts[i], " ", i, " c", i)
	})
	checkRows(t, db, "SELECT -1, a, b FROM u ORDER BY rowid", plain, func(i int) string {
		return fmt.Sprint(-1, " ", i, " u", i)
	})
}

func errorsJoin(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func checkRows(t *testing.T, db *sql.DB, q string, n int, want func(int) string) {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	i := 0
	for rows.Next() {
		var s, a int64
		var b string
		if err := rows.Scan(&s, &a, &b); err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(s, " ", a, " ", b); i >= n || got != want(i) {
			t.Fatalf("%s: row %d = %q, want %q (of %d)", q, i, got, want(min(i, n-1)), n)
		}
		i++
	}
	if i != n {
		t.Fatalf("%s: %d rows, want %d", q, i, n)
	}
}

// TestRowsBindTypes: every kind of value the writer binds comes back with its SQLite type
// and exact value: NULL, integer extremes, reals, empty texts (also in a statement whose
// texts are all empty), and texts with NUL bytes and multi-byte characters.
func TestRowsBindTypes(t *testing.T) {
	db, err := openDB(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE v (k INTEGER, x)`); err != nil {
		t.Fatal(err)
	}
	vals := []any{nil, int64(0), int64(-1 << 63), int64(1<<63 - 1), 0.1, -2.5e300, "", "a\x00b", "héllo, 世界",
		strings.Repeat("é", 50000)}
	want := []string{"null <nil>", "integer 0", "integer -9223372036854775808", "integer 9223372036854775807",
		"real 0.1", "real -2.5e+300", "text ", "text a\x00b", "text héllo, 世界", "text 50000"}
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	err = conn.Raw(func(dc any) error {
		tb, err := prepareTable(dc.(*sqlite3.SQLiteConn), "INSERT INTO v (k, x)", 2, false)
		if err != nil {
			return err
		}
		defer tb.close()
		if err := tb.add(int64(-1), ""); err != nil { // alone in its statement: no text bytes at all
			return err
		}
		if err := tb.flush(); err != nil {
			return err
		}
		for i, v := range vals {
			if err := tb.add(int64(i), v); err != nil {
				return err
			}
		}
		return tb.flush()
	})
	conn.Close()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT k, typeof(x), CASE WHEN length(x) > 1000 THEN length(x) ELSE x END FROM v ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var k int64
		var typ string
		var x any
		if err := rows.Scan(&k, &typ, &x); err != nil {
			t.Fatal(err)
		}
		if b, ok := x.([]byte); ok {
			x = string(b)
		}
		got = append(got, fmt.Sprint(typ, " ", x))
	}
	if len(got) != len(want)+1 || got[0] != "text " {
		t.Fatalf("rows %q, want %d rows, the first an empty text", got, len(want)+1)
	}
	for i, w := range want {
		if got[i+1] != w {
			t.Errorf("value %d: got %.60q, want %q", i, got[i+1], w)
		}
	}
}
