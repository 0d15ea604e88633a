package storage

import (
	"database/sql"
	"fmt"

	"github.com/fanout/fanout/engine/obs"
)

// query is a list of conditions on events e with their arguments.
type query struct {
	conds []string
	args  []any
}

func (q *query) where(cond string, args ...any) {
	q.conds = append(q.conds, cond)
	q.args = append(q.args, args...)
}

const errorExpr = `(e.accepted = 0
	OR EXISTS (SELECT 1 FROM attempts a WHERE a.event = e.seq AND a.outcome <> 'ok')
	OR EXISTS (SELECT 1 FROM invocations i WHERE i.event = e.seq AND i.outcome <> 'ok')
	OR EXISTS (SELECT 1 FROM deliveries d WHERE d.event = e.seq AND d.outcome <> 'delivered'))`

// Driver kinds: which filter the driver applies (eventConds leaves it out).
const (
	driveNone = iota
	driveOutcome
	driveCold
	driveRule
	driveError
	driveText
)

// feed yields the event numbers of one filter from its indexes: each arm is a SELECT of
// event numbers, col is the column to bound; arms are merged by UNION in event order.
type feed struct {
	kind int
	sql  string // non-empty when there is a driver
	arms []arm
}

type arm struct {
	sql, col string
	args     []any
}

func drive(kind int, arms ...arm) feed { return feed{kind: kind, sql: arms[0].sql, arms: arms} }

// textDriveMax is how many events a text prefix may match and still drive the query; a
// commoner prefix is tested while walking the events instead.
var textDriveMax = 20000

// driverFor picks the positive filter whose index yields the candidate events.
func (s *Store) driverFor(f obs.EventFilter, ruleID int64) (feed, error) {
	switch {
	case f.Outcome == obs.FinalInFlight.String():
		if s.hasTable("pending") {
			return drive(driveOutcome, arm{"SELECT event FROM pending WHERE 1", "event", nil}), nil
		}
	case f.Outcome != "":
		return drive(driveOutcome, arm{"SELECT event FROM deliveries WHERE outcome = ?", "event", []any{f.Outcome}}), nil
	}
	switch {
	case f.Cold == obs.Yes:
		return drive(driveCold, arm{"SELECT event FROM invocations WHERE cold = 1", "event", nil}), nil
	case f.Rule != "":
		return drive(driveRule, arm{"SELECT event FROM rule_evals WHERE rule_id = ? AND matched = ?", "event",
			[]any{ruleID, b2i(f.Matched != obs.No)}}), nil
	case f.Error == obs.Yes:
		return drive(driveError, arm{"SELECT seq FROM events WHERE accepted = 0", "seq", nil},
			arm{"SELECT event FROM attempts WHERE outcome <> 'ok'", "event", nil},
			arm{"SELECT event FROM invocations WHERE outcome <> 'ok'", "event", nil},
			arm{"SELECT event FROM deliveries WHERE outcome <> 'delivered'", "event", nil}), nil
	case f.Text != "":
		return s.textDriver(f.Text)
	}
	return feed{}, nil
}

// textDriver drives by the index on ids and by the subjects' index (a finished run's
// subject_parts, or events_subject on runs written before it or killed half-way) when the
// prefix is rare enough.
func (s *Store) textDriver(t string) (feed, error) {
	up, bounded := prefixEnd(t)
	if !bounded || !s.hasIndex("events_id") {
		return feed{}, nil
	}
	// INDEXED BY: ordered by seq, SQLite would rather walk the table backwards.
	subj := arm{"SELECT seq FROM events INDEXED BY events_subject WHERE subject >= ? AND subject < ?", "seq", []any{t, up}}
	count := `SELECT 1 FROM events WHERE subject >= ?1 AND subject < ?2 LIMIT ?3`
	switch {
	case s.hasIndex("events_subject"):
	case s.skipped("events_subject"):
		subj = arm{subjectArm, "k.event", []any{t, up}}
		count = `SELECT 1 FROM subject_part_list p CROSS JOIN subject_parts k
			ON k.part = p.part AND k.subject >= ?1 AND k.subject < ?2 LIMIT ?3`
	default:
		return feed{}, nil
	}
	var n int
	err := s.db.QueryRow(`SELECT (SELECT count(*) FROM (SELECT 1 FROM events WHERE id >= ?1 AND id < ?2 LIMIT ?3))
		+ (SELECT count(*) FROM (`+count+`))`, t, up, textDriveMax+1).Scan(&n)
	if err != nil || n > textDriveMax {
		return feed{}, err
	}
	return drive(driveText, arm{"SELECT seq FROM events INDEXED BY events_id WHERE id >= ? AND id < ?", "seq", []any{t, up}},
		subj), nil
}

// skipped reports whether Finish left out the index name because the run did not need it.
func (s *Store) skipped(name string) bool {
	var n int
	err := s.db.QueryRow(`SELECT count(*) FROM skipped_indexes WHERE name = ?`, name).Scan(&n)
	return err == nil && n > 0
}

func (s *Store) hasTable(name string) bool { return s.has("table", name) }

func (s *Store) hasIndex(name string) bool { return s.has("index", name) }

func (s *Store) has(kind, name string) bool {
	var n int
	err := s.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = ? AND name = ?`, kind, name).Scan(&n)
	return err == nil && n > 0
}

// eventConds adds the filters that the driver does not already apply.
func eventConds(q *query, f obs.EventFilter, ruleID int64, driven int) {
	if f.Bus != "" {
		q.where("e.bus = ?", f.Bus)
	}
	if f.Source != "" {
		q.where("e.source = ?", f.Source)
	}
	if f.Type != "" {
		q.where("e.type = ?", f.Type)
	}
	if f.Text != "" && driven != driveText {
		textCond(q, f.Text)
	}
	if f.Outcome != "" && driven != driveOutcome {
		if f.Outcome == obs.FinalInFlight.String() {
			q.where("e.accepted = 1 AND NOT EXISTS (SELECT 1 FROM fanouts y WHERE y.event = e.seq)")
		} else {
			q.where("EXISTS (SELECT 1 FROM deliveries d WHERE d.event = e.seq AND d.outcome = ?)", f.Outcome)
		}
	}
	if f.Cold != obs.Any && driven != driveCold {
		q.where(not(f.Cold == obs.No) + "EXISTS (SELECT 1 FROM invocations i WHERE i.event = e.seq AND i.cold = 1)")
	}
	switch {
	case f.Rule != "" && driven != driveRule:
		q.where("EXISTS (SELECT 1 FROM rule_evals r WHERE r.event = e.seq AND r.rule_id = ? AND r.matched = ?)",
			ruleID, b2i(f.Matched != obs.No))
	case f.Rule == "" && f.Matched == obs.Yes:
		q.where("EXISTS (SELECT 1 FROM rule_evals r WHERE r.event = e.seq AND r.matched = 1)")
	case f.Rule == "" && f.Matched == obs.No:
		q.where("e.accepted = 1 AND NOT EXISTS (SELECT 1 FROM rule_evals r WHERE r.event = e.seq AND r.matched = 1)")
	}
	if f.Error != obs.Any && driven != driveError {
		q.where(not(f.Error == obs.No) + errorExpr)
	}
}

func not(b bool) string {
	if b {
		return "NOT "
	}
	return ""
}

// textCond: the id or the subject starts with t, as an index range [t, t+1).
func textCond(q *query, t string) {
	up, bounded := prefixEnd(t)
	if !bounded {
		q.where("(e.id >= ? OR e.subject >= ?)", t, t)
		return
	}
	q.where("((e.id >= ? AND e.id < ?) OR (e.subject >= ? AND e.subject < ?))", t, up, t, up)
}

// prefixEnd returns the least string greater than every string with prefix p (bytewise, as
// SQLite's BINARY collation compares); false when there is none.
func prefixEnd(p string) (string, bool) {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1]), true
		}
	}
	return "", false
}

// seqRange turns the filter's time range into a range of event numbers [lo, hi) (0: no
// bound). It relies on receipt order: EventRefs rise with receipt time, so the first event
// at or after a time in (at, seq) order is also the least event number.
func (s *Store) seqRange(f obs.EventFilter) (lo, hi int64, ok bool, err error) {
	first := func(t int64) (int64, bool, error) {
		var v int64
		err := s.db.QueryRow(`SELECT seq FROM events WHERE at >= ? ORDER BY at, seq LIMIT 1`, t).Scan(&v)
		if err == sql.ErrNoRows {
			return 0, false, nil
		}
		return v, err == nil, err
	}
	if f.From > 0 {
		v, found, err := first(int64(f.From))
		if err != nil || !found {
			return 0, 0, false, wrapEvents(err)
		}
		lo = v
	}
	if f.To != 0 {
		v, found, err := first(int64(f.To))
		if err != nil {
			return 0, 0, false, wrapEvents(err)
		}
		if found {
			if v <= lo {
				return 0, 0, false, nil
			}
			hi = v
		}
	}
	return lo, hi, true, nil
}

func wrapEvents(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("events: %w", err)
}
