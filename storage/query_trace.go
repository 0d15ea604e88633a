package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/fanout/fanout/engine/obs"
)

func durationOf(ns int64) time.Duration { return time.Duration(ns) }

// Lookup implements obs.Querier.
func (s *Store) Lookup(id string) (obs.EventRef, error) {
	var ref obs.EventRef
	err := s.db.QueryRow(`SELECT seq FROM events WHERE id = ? ORDER BY seq LIMIT 1`, id).Scan(&ref)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("event %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf("event %q: %w", id, err)
	}
	return ref, nil
}

// Trace implements obs.Querier: it gathers the event's story with one indexed query per table
// and lays it out with obs.BuildTrace, as the in-memory sink does.
func (s *Store) Trace(ref obs.EventRef) (obs.Trace, error) {
	var st obs.Story
	e := &st.Event
	var data sql.NullString
	err := s.db.QueryRow(`SELECT seq, id, at, bus, source, type, subject, size, accepted, reason, time,
		publish_time, specversion, content_type, data FROM events WHERE seq = ?`, int64(ref)).
		Scan(&e.Event, &e.ID, &e.At, &e.Bus, &e.Source, &e.Type, &e.Subject, &e.Size, &e.Accepted, &e.Reason,
			&e.Time, &e.PublishTime, &e.SpecVersion, &e.ContentType, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return obs.Trace{}, fmt.Errorf("event #%d: %w", ref, ErrNotFound)
	}
	if err != nil {
		return obs.Trace{}, fmt.Errorf("trace #%d: %w", ref, err)
	}
	if data.Valid {
		e.Data = []byte(data.String)
	}
	for _, load := range []func(*obs.Story) error{s.loadRules, s.loadTransforms, s.loadAttempts,
		s.loadInvocations, s.loadRetries, s.loadFinals, s.loadFanout} {
		if err := load(&st); err != nil {
			return obs.Trace{}, fmt.Errorf("trace #%d: %w", ref, err)
		}
	}
	return obs.BuildTrace(st), nil
}

// each runs a query with the event's number and calls scan for every row.
func (s *Store) each(q string, ref obs.EventRef, scan func(*sql.Rows) error) error {
	rows, err := s.db.Query(q, int64(ref))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (s *Store) loadRules(st *obs.Story) error {
	return s.each(`SELECT e.event, e.at, r.bus, r.name, e.matched FROM rule_evals e JOIN rules r ON r.id = e.rule_id
		WHERE e.event = ? ORDER BY e.seq`, st.Event.Event, func(rows *sql.Rows) error {
		var r obs.RuleEvaluated
		err := rows.Scan(&r.Event, &r.At, &r.Bus, &r.Rule, &r.Matched)
		st.Rules = append(st.Rules, r)
		return err
	})
}

func (s *Store) loadTransforms(st *obs.Story) error {
	return s.each(`SELECT x.event, x.at, t.rule, t.name, x.payload_size FROM transforms x JOIN targets t ON t.id = x.target_id
		WHERE x.event = ? ORDER BY x.seq`, st.Event.Event, func(rows *sql.Rows) error {
		var r obs.Transformed
		err := rows.Scan(&r.Event, &r.At, &r.Rule, &r.Target, &r.PayloadSize)
		st.Transforms = append(st.Transforms, r)
		return err
	})
}

func (s *Store) loadAttempts(st *obs.Story) error {
	return s.each(`SELECT a.event, t.rule, t.name, a.number, a.scheduled, a.start, a."end", a.outcome, a.error
		FROM attempts a JOIN targets t ON t.id = a.target_id WHERE a.event = ? ORDER BY a.seq`, st.Event.Event,
		func(rows *sql.Rows) error {
			var r obs.Attempt
			var out string
			if err := rows.Scan(&r.Event, &r.Rule, &r.Target, &r.Number, &r.Scheduled, &r.Start, &r.End, &out, &r.Error); err != nil {
				return err
			}
			o, err := obs.ParseOutcome(out)
			r.Outcome = o
			st.Attempts = append(st.Attempts, r)
			return err
		})
}

func (s *Store) loadInvocations(st *obs.Story) error {
	return s.each(`SELECT i.event, t.rule, t.name, i.attempt, f.service, f.name, i.instance, i.cold, i.provisioned,
		i.enqueued, i.start, i."end", i.queue_wait, i.cold_start, i.init, i.billed, i.memory_mb, i.vcpu, i.cost_usd,
		i.outcome, i.error_kind, i.stack
		FROM invocations i JOIN targets t ON t.id = i.target_id JOIN functions f ON f.id = i.function_id
		WHERE i.event = ? ORDER BY i.seq`, st.Event.Event, func(rows *sql.Rows) error {
		r, err := scanInvocation(rows)
		st.Invocations = append(st.Invocations, r)
		return err
	})
}

// scanInvocation reads the columns of invocations_v in order.
func scanInvocation(rows *sql.Rows) (obs.Invocation, error) {
	var r obs.Invocation
	var qw, cs, in, billed int64
	var out string
	if err := rows.Scan(&r.Event, &r.Rule, &r.Target, &r.Attempt, &r.Service, &r.Function, &r.Instance, &r.Cold,
		&r.Provisioned, &r.Enqueued, &r.Start, &r.End, &qw, &cs, &in, &billed, &r.MemoryMB, &r.VCPU, &r.CostUSD,
		&out, &r.ErrorKind, &r.Stack); err != nil {
		return r, err
	}
	r.QueueWait, r.ColdStart, r.Init, r.Billed = durationOf(qw), durationOf(cs), durationOf(in), durationOf(billed)
	o, err := obs.ParseOutcome(out)
	r.Outcome = o
	return r, err
}

func (s *Store) loadRetries(st *obs.Story) error {
	return s.each(`SELECT x.event, x.at, x.next, t.rule, t.name, x.attempt, x.why FROM retries x
		JOIN targets t ON t.id = x.target_id WHERE x.event = ? ORDER BY x.seq`, st.Event.Event,
		func(rows *sql.Rows) error {
			var r obs.RetryScheduled
			err := rows.Scan(&r.Event, &r.At, &r.Next, &r.Rule, &r.Target, &r.Attempt, &r.Why)
			st.Retries = append(st.Retries, r)
			return err
		})
}

const finalCols = `d.event, d.at, d.created, t.rule, t.name, d.outcome, d.attempts, d.reason, d.queue, d.last_error`

func scanFinal(rows *sql.Rows) (obs.Final, error) {
	var f obs.Final
	var out string
	if err := rows.Scan(&f.Event, &f.At, &f.Created, &f.Rule, &f.Target, &out, &f.Attempts, &f.Reason, &f.Queue, &f.LastError); err != nil {
		return f, err
	}
	o, ok := obs.ParseFinal(out)
	if !ok {
		return f, fmt.Errorf("unknown delivery outcome %q", out)
	}
	f.Outcome = o
	return f, nil
}

func (s *Store) loadFinals(st *obs.Story) error {
	return s.each(`SELECT `+finalCols+` FROM deliveries d JOIN targets t ON t.id = d.target_id
		WHERE d.event = ? ORDER BY d.seq`, st.Event.Event, func(rows *sql.Rows) error {
		f, err := scanFinal(rows)
		st.Finals = append(st.Finals, f)
		return err
	})
}

func (s *Store) loadFanout(st *obs.Story) error {
	f := &st.Fanout
	err := s.db.QueryRow(`SELECT event, received, at, targets, succeeded FROM fanouts WHERE event = ?`,
		int64(st.Event.Event)).Scan(&f.Event, &f.Received, &f.At, &f.Targets, &f.Succeeded)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	st.Done = err == nil
	return err
}

// DeadLetters implements obs.Querier.
func (s *Store) DeadLetters(after obs.EventRef, limit int) ([]obs.Final, error) {
	rows, err := s.db.Query(`SELECT `+finalCols+` FROM deliveries d JOIN targets t ON t.id = d.target_id
		WHERE d.outcome = 'dead_lettered' AND d.event IN (SELECT DISTINCT event FROM deliveries
			WHERE outcome = 'dead_lettered' AND event > ? ORDER BY event LIMIT ?)
		ORDER BY d.event, d.seq`, int64(after), limit)
	if err != nil {
		return nil, fmt.Errorf("dead letters: %w", err)
	}
	defer rows.Close()
	var out []obs.Final
	for rows.Next() {
		f, err := scanFinal(rows)
		if err != nil {
			return nil, fmt.Errorf("dead letters: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
