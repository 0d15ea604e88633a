package storage

import (
	"context"
	"database/sql/driver"
	"strings"
	"unsafe"

	"github.com/mattn/go-sqlite3"
)

// stmt is a prepared insert with its SQLite handle, for rows.exec (the multi-row inserts),
// and an argument slice for exec (the one-row inserts of names), made on first use.
type stmt struct {
	s    driver.Stmt
	ex   driver.StmtExecContext
	args []driver.NamedValue
	c    unsafe.Pointer // the sqlite3_stmt
}

// exec inserts one row of vals and returns its rowid.
func (s *stmt) exec(vals ...any) (int64, error) {
	if s.args == nil {
		s.args = make([]driver.NamedValue, len(vals))
	}
	for i, v := range vals {
		s.args[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	res, err := s.ex.ExecContext(context.Background(), s.args)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// stmts holds the writer's prepared statements, the ids of the names it has stored and the
// last seq given to a row of the event-step tables (all start empty: the database is new).
type stmts struct {
	seq                                              int64
	tables                                           []*table
	events, rules, transforms, attempts, invocations *table
	retries, deliveries, instances, depths, fanouts  *table
	subjects                                         *table // subject_parts, written by subj
	subj                                             subjects
	addRule, addTarget, addFunction, addPart         *stmt
	ruleIDs                                          map[string]int64
	targetIDs, functionIDs                           map[[2]string]int64
	facets                                           *facets // what Finish needs to know of the rows written
}

func prepare(c *sqlite3.SQLiteConn, fa *facets) (*stmts, error) {
	st := &stmts{ruleIDs: map[string]int64{}, targetIDs: map[[2]string]int64{}, functionIDs: map[[2]string]int64{},
		facets: fa}
	for _, p := range []struct {
		dst     **table
		head    string
		counted bool // the first column counts up row by row (table.addSeq)
	}{
		{&st.events, `INSERT INTO events (seq, id, at, bus, source, type, subject, size, accepted, reason, time, publish_time, specversion, content_type, data)`, true},
		{&st.rules, `INSERT INTO rule_evals (seq, event, rule_id, at, matched)`, true},
		{&st.transforms, `INSERT INTO transforms (seq, event, target_id, at, payload_size)`, true},
		{&st.attempts, `INSERT INTO attempts (seq, event, target_id, number, scheduled, start, "end", outcome, error)`, true},
		{&st.invocations, `INSERT INTO invocations (seq, event, target_id, attempt, function_id, instance, cold, provisioned, enqueued, start, "end", queue_wait, cold_start, init, billed, memory_mb, vcpu, cost_usd, outcome, error_kind, stack)`, true},
		{&st.retries, `INSERT INTO retries (seq, event, target_id, at, next, attempt, why)`, true},
		{&st.deliveries, `INSERT INTO deliveries (seq, event, target_id, created, at, outcome, attempts, reason, queue, last_error)`, true},
		{&st.instances, `INSERT INTO instances (at, function_id, instance, from_state, to_state, provisioned)`, false},
		{&st.depths, `INSERT INTO queue_depths (at, queue, depth, dlq)`, false},
		{&st.fanouts, `INSERT OR REPLACE INTO fanouts (event, received, at, targets, succeeded)`, false},
		{&st.subjects, `INSERT INTO subject_parts (part, subject, event)`, false},
	} {
		cols := strings.Count(p.head, ",") + 1
		t, err := prepareTable(c, p.head, cols, p.counted)
		if err != nil {
			st.close()
			return nil, err
		}
		*p.dst = t
		st.tables = append(st.tables, t)
	}
	for _, p := range []struct {
		dst **stmt
		sql string
	}{
		{&st.addRule, `INSERT INTO rules (name, bus) VALUES (?,?)`},
		{&st.addTarget, `INSERT INTO targets (rule, name) VALUES (?,?)`},
		{&st.addFunction, `INSERT INTO functions (service, name) VALUES (?,?)`},
		{&st.addPart, `INSERT INTO subject_part_list (part, first, last) VALUES (?,?,?)`},
	} {
		x, err := prepareStmt(c, p.sql)
		if err != nil {
			st.close()
			return nil, err
		}
		*p.dst = x
	}
	return st, nil
}

func (st *stmts) close() {
	for _, t := range st.tables {
		t.close()
	}
	for _, s := range []*stmt{st.addRule, st.addTarget, st.addFunction, st.addPart} {
		if s != nil {
			s.s.Close()
		}
	}
}
func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// rule returns the id of rule name, storing it (with its bus) the first time.
func (st *stmts) rule(name, bus string) (int64, error) {
	if id, ok := st.ruleIDs[name]; ok {
		return id, nil
	}
	id, err := st.addRule.exec(name, bus)
	if err != nil {
		return 0, err
	}
	st.ruleIDs[name] = id
	return id, nil
}

func (st *stmts) target(rule, name string) (int64, error) {
	k := [2]string{rule, name}
	if id, ok := st.targetIDs[k]; ok {
		return id, nil
	}
	id, err := st.addTarget.exec(rule, name)
	if err != nil {
		return 0, err
	}
	st.targetIDs[k] = id
	return id, nil
}

func (st *stmts) function(service, name string) (int64, error) {
	k := [2]string{service, name}
	if id, ok := st.functionIDs[k]; ok {
		return id, nil
	}
	id, err := st.addFunction.exec(service, name)
	if err != nil {
		return 0, err
	}
	st.functionIDs[k] = id
	return id, nil
}
