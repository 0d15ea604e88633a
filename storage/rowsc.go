package storage

/*
#include <stdint.h>

// The SQLite entry points used here are those of the SQLite that github.com/mattn/go-sqlite3
// compiles into the program (its amalgamation exports them); declared rather than included
// because that module's header is not on this package's include path.
typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
int sqlite3_bind_null(sqlite3_stmt*, int);
int sqlite3_bind_int64(sqlite3_stmt*, int, long long);
int sqlite3_bind_double(sqlite3_stmt*, int, double);
int sqlite3_bind_text64(sqlite3_stmt*, int, const char*, uint64_t, void(*)(void*), unsigned char);
int sqlite3_step(sqlite3_stmt*);
int sqlite3_reset(sqlite3_stmt*);
sqlite3 *sqlite3_db_handle(sqlite3_stmt*);
const char *sqlite3_errmsg(sqlite3*);

// fanout_exec binds n values to st from parameter first on (first 2: parameter 1 is base),
// steps it once and resets it.
// kinds: 0 NULL, 1 integer (vals), 2 real (vals holds the float64 bits), 3 text (vals holds
// the offset in arena, lens the length). Texts are bound SQLITE_STATIC: arena outlives the
// step. It returns SQLite's result code (101, SQLITE_DONE, on success).
static int fanout_exec(sqlite3_stmt *st, int first, int64_t base, int n, const unsigned char *kinds,
		const int64_t *vals, const int32_t *lens, const char *arena) {
	if (arena == 0) arena = ""; // texts are all empty: a NULL pointer would bind NULL
	if (first == 2) {
		int rc = sqlite3_bind_int64(st, 1, base);
		if (rc != 0) return rc;
	}
	for (int i = 0; i < n; i++) {
		int rc, p = first + i;
		switch (kinds[i]) {
		case 1: rc = sqlite3_bind_int64(st, p, vals[i]); break;
		case 2: { double d; __builtin_memcpy(&d, &vals[i], 8); rc = sqlite3_bind_double(st, p, d); break; }
		case 3: rc = sqlite3_bind_text64(st, p, arena + vals[i], (uint64_t)lens[i], (void(*)(void*))0, 1); break;
		default: rc = sqlite3_bind_null(st, p);
		}
		if (rc != 0) {
			sqlite3_reset(st);
			return rc;
		}
	}
	int rc = sqlite3_step(st);
	int rr = sqlite3_reset(st);
	return rc == 101 ? rr == 0 ? 101 : rr : rc;
}

static const char *fanout_errmsg(sqlite3_stmt *st) { return sqlite3_errmsg(sqlite3_db_handle(st)); }
*/
import "C"

import (
	"database/sql/driver"
	"fmt"
	"math"
	"reflect"
	"unsafe"
)

// rows is a buffer of typed values for an INSERT of many rows, bound and stepped in one cgo
// call (fanout_exec) instead of one call per value through database/sql's driver interface:
// the writer binds about twenty values per event, and that per-value path (an interface per
// value, a cgo call each, a copy of every text) was a fifth of the run's CPU.
type rows struct {
	kinds []byte
	vals  []int64
	lens  []int32
	arena []byte
}

// add appends one value: nil, int64, float64 or string (other types panic: the writer's
// own code is the only caller). It does not keep v.
func (r *rows) add(v any) {
	switch v := v.(type) {
	case nil:
		r.push(0, 0, 0)
	case int64:
		r.push(1, v, 0)
	case float64:
		r.push(2, int64(math.Float64bits(v)), 0)
	case string:
		r.push(3, int64(len(r.arena)), int32(len(v)))
		r.arena = append(r.arena, v...)
	default:
		panic(fmt.Sprintf("storage: cannot bind %T", v))
	}
}

func (r *rows) push(kind byte, val int64, n int32) {
	r.kinds = append(r.kinds, kind)
	r.vals = append(r.vals, val)
	r.lens = append(r.lens, n)
}

func (r *rows) reset() {
	r.kinds, r.vals, r.lens, r.arena = r.kinds[:0], r.vals[:0], r.lens[:0], r.arena[:0]
}

// exec binds values [from, to) of r to s and steps s once. With counted, parameter 1 is
// base and the values follow from parameter 2.
func (r *rows) exec(s *stmt, counted bool, base int64, from, to int) error {
	if to == from {
		return nil
	}
	var arena *C.char
	if len(r.arena) > 0 {
		arena = (*C.char)(unsafe.Pointer(&r.arena[0]))
	}
	st := (*C.sqlite3_stmt)(s.c)
	first := 1
	if counted {
		first = 2
	}
	rc := C.fanout_exec(st, C.int(first), C.int64_t(base), C.int(to-from), (*C.uchar)(&r.kinds[from]),
		(*C.int64_t)(unsafe.Pointer(&r.vals[from])), (*C.int32_t)(unsafe.Pointer(&r.lens[from])), arena)
	if rc != 101 {
		return fmt.Errorf("insert: %s (SQLite result %d)", C.GoString(C.fanout_errmsg(st)), int(rc))
	}
	return nil
}

// stmtHandle returns the sqlite3_stmt behind a statement that go-sqlite3 prepared (its
// unexported field s), so that fanout_exec can bind and step it. The statement stays go-sqlite3's:
// it finalizes it on Close.
func stmtHandle(s driver.Stmt) (unsafe.Pointer, error) {
	v := reflect.ValueOf(s)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil, fmt.Errorf("unexpected statement type %T", s)
	}
	f := v.Elem().FieldByName("s")
	if !f.IsValid() || f.Kind() != reflect.Pointer || f.IsNil() {
		return nil, fmt.Errorf("statement %T has no sqlite3_stmt field", s)
	}
	return f.UnsafePointer(), nil
}
