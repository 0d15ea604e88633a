package storage

import (
	"context"
	"database/sql/driver"
	"fmt"

	"github.com/mattn/go-sqlite3"
)

// stmt is a prepared insert with its reusable argument slice.
type stmt struct {
	s    driver.Stmt
	ex   driver.StmtExecContext
	args []driver.NamedValue
}

func (s *stmt) exec(vals ...any) (int64, error) {
	for i, v := range vals {
		s.args[i].Value = v
	}
	res, err := s.ex.ExecContext(context.Background(), s.args)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// stmts holds the writer's prepared statements, the ids of the names it has stored and the
// last seq given in each table of event steps (all start empty: the database is new).
type stmts struct {
	seq                                              int64
	list                                             []*stmt
	events, rules, transforms, attempts, invocations *stmt
	retries, deliveries, instances, depths, fanouts  *stmt
	addRule, addTarget, addFunction                  *stmt
	ruleIDs                                          map[string]int64
	targetIDs, functionIDs                           map[[2]string]int64
}

func prepare(c *sqlite3.SQLiteConn) (*stmts, error) {
	st := &stmts{ruleIDs: map[string]int64{}, targetIDs: map[[2]string]int64{}, functionIDs: map[[2]string]int64{}}
	for _, p := range []struct {
		dst **stmt
		sql string
	}{
		{&st.events, `INSERT INTO events (seq, id, at, bus, source, type, subject, size, accepted, reason, time, publish_time, specversion, content_type, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&st.rules, `INSERT INTO rule_evals (seq, event, rule_id, at, matched) VALUES (?,?,?,?,?)`},
		{&st.transforms, `INSERT INTO transforms (seq, event, target_id, at, payload_size) VALUES (?,?,?,?,?)`},
		{&st.attempts, `INSERT INTO attempts (seq, event, target_id, number, scheduled, start, "end", outcome, error) VALUES (?,?,?,?,?,?,?,?,?)`},
		{&st.invocations, `INSERT INTO invocations (seq, event, target_id, attempt, function_id, instance, cold, provisioned, enqueued, start, "end", queue_wait, cold_start, init, billed, memory_mb, vcpu, cost_usd, outcome, error_kind, stack) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&st.retries, `INSERT INTO retries (seq, event, target_id, at, next, attempt, why) VALUES (?,?,?,?,?,?,?)`},
		{&st.deliveries, `INSERT INTO deliveries (seq, event, target_id, created, at, outcome, attempts, reason, queue, last_error) VALUES (?,?,?,?,?,?,?,?,?,?)`},
		{&st.instances, `INSERT INTO instances (at, function_id, instance, from_state, to_state, provisioned) VALUES (?,?,?,?,?,?)`},
		{&st.depths, `INSERT INTO queue_depths (at, queue, depth, dlq) VALUES (?,?,?,?)`},
		{&st.fanouts, `INSERT OR REPLACE INTO fanouts (event, received, at, targets, succeeded) VALUES (?,?,?,?,?)`},
		{&st.addRule, `INSERT INTO rules (name, bus) VALUES (?,?)`},
		{&st.addTarget, `INSERT INTO targets (rule, name) VALUES (?,?)`},
		{&st.addFunction, `INSERT INTO functions (service, name) VALUES (?,?)`},
	} {
		s, err := c.Prepare(p.sql)
		if err != nil {
			st.close()
			return nil, fmt.Errorf("prepare %q: %w", p.sql, err)
		}
		n := s.NumInput()
		x := &stmt{s: s, ex: s.(driver.StmtExecContext), args: make([]driver.NamedValue, n)}
		for i := range x.args {
			x.args[i].Ordinal = i + 1
		}
		*p.dst = x
		st.list = append(st.list, x)
	}
	return st, nil
}

func (st *stmts) close() {
	for _, s := range st.list {
		s.s.Close()
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
