package storage

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/fanout/fanout/engine/obs"
)

var _ obs.Querier = (*Store)(nil)

// Events implements obs.Querier with keyset pagination: each page continues from the last
// EventRef of the previous one through an index, so page 10,000 costs what page 1 costs.
// When a selective filter has an index (outcome, cold start, rule, error, in flight, a rare
// text prefix), the event numbers come from that index in chunks and the other filters are
// tested on them; otherwise the events table is walked in order.
func (s *Store) Events(f obs.EventFilter, p obs.PageRequest) (obs.EventPage, error) {
	if err := f.Check(); err != nil {
		return obs.EventPage{}, err
	}
	if none, err := s.unseen(f); err != nil || none {
		return obs.EventPage{}, err
	}
	lo, hi, ok, err := s.seqRange(f)
	if err != nil || !ok {
		return obs.EventPage{}, err
	}
	ruleID := int64(0)
	if f.Rule != "" {
		err := s.db.QueryRow(`SELECT id FROM rules WHERE name = ?`, f.Rule).Scan(&ruleID)
		if errors.Is(err, sql.ErrNoRows) {
			return obs.EventPage{}, nil
		} else if err != nil {
			return obs.EventPage{}, fmt.Errorf("events: %w", err)
		}
	}
	d, err := s.driverFor(f, ruleID)
	if err != nil {
		return obs.EventPage{}, fmt.Errorf("events: %w", err)
	}
	r := pageRun{s: s, sort: p.Sort, lim: p.Lim(), lo: lo, hi: hi, after: int64(p.After)}
	eventConds(&r.q, f, ruleID, d.kind)
	if d.sql == "" {
		err = r.scan()
	} else {
		err = r.driven(d)
	}
	if err != nil {
		return obs.EventPage{}, fmt.Errorf("events: %w", err)
	}
	return r.page(), nil
}

// pageRun collects one page.
type pageRun struct {
	s      *Store
	q      query // the filters tested on events e
	sort   obs.Sort
	lim    int
	lo, hi int64 // event range [lo, hi) of the time filter; hi 0: none
	after  int64 // the cursor, 0: none
	rows   []obs.EventRow
}

func (r *pageRun) desc() bool { return r.sort == obs.SortNewest }

// bounds returns the conditions on col for the time range and the cursor.
func (r *pageRun) bounds(col string, cursor int64) (string, []any) {
	var c []string
	var a []any
	if r.lo > 0 {
		c, a = append(c, col+" >= ?"), append(a, r.lo)
	}
	if r.hi > 0 {
		c, a = append(c, col+" < ?"), append(a, r.hi)
	}
	if cursor != 0 {
		op := " > ?"
		if r.desc() {
			op = " < ?"
		}
		c, a = append(c, col+op), append(a, cursor)
	}
	if len(c) == 0 {
		return "1", nil
	}
	return strings.Join(c, " AND "), a
}

// scan walks the events table in order from the cursor.
func (r *pageRun) scan() error {
	c, a := r.bounds("e.seq", r.after)
	return r.fetch(append([]string{c}, r.q.conds...), append(a, r.q.args...), r.lim+1)
}

// driven takes candidate events from the driver in growing chunks and keeps those that pass
// the other filters, until the page (plus one row, to know whether a next page exists) is full.
func (r *pageRun) driven(d feed) error {
	cursor, chunk := r.after, 128
	for len(r.rows) <= r.lim {
		cands, err := r.candidates(d, cursor, chunk)
		if err != nil || len(cands) == 0 {
			return err
		}
		in := make([]string, len(cands))
		for i, c := range cands {
			in[i] = strconv.FormatInt(c, 10)
		}
		conds := append([]string{"e.seq IN (" + strings.Join(in, ",") + ")"}, r.q.conds...)
		if err := r.fetch(conds, r.q.args, r.lim+1-len(r.rows)); err != nil {
			return err
		}
		if len(cands) < chunk {
			return nil
		}
		cursor, chunk = cands[len(cands)-1], min(chunk*4, 16384)
	}
	return nil
}

// candidates returns up to n distinct event numbers from the driver after cursor, in page order.
func (r *pageRun) candidates(d feed, cursor int64, n int) ([]int64, error) {
	dir := "ASC"
	if r.desc() {
		dir = "DESC"
	}
	var args []any
	arms := make([]string, len(d.arms))
	for i, arm := range d.arms {
		c, a := r.bounds(arm.col, cursor)
		arms[i] = arm.sql + " AND " + c
		args = append(append(args, arm.args...), a...)
	}
	q := strings.Join(arms, " UNION ") + " ORDER BY 1 " + dir + " LIMIT " + strconv.Itoa(n)
	if len(arms) == 1 {
		q = arms[0] + " GROUP BY 1 ORDER BY 1 " + dir + " LIMIT " + strconv.Itoa(n)
	}
	rows, err := r.s.db.Query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// fetch reads up to n rows of events matching conds, in page order, into r.rows.
func (r *pageRun) fetch(conds []string, args []any, n int) error {
	dir := "ASC"
	if r.desc() {
		dir = "DESC"
	}
	q := `SELECT e.seq, e.id, e.at, e.bus, e.source, e.type, e.subject, e.size, e.accepted, e.reason,
		e.time, e.publish_time, e.specversion, e.content_type,
		(SELECT count(*) FROM rule_evals r WHERE r.event = e.seq AND r.matched = 1),
		(SELECT count(*) FROM transforms t WHERE t.event = e.seq),
		(SELECT count(*) FROM deliveries d WHERE d.event = e.seq AND d.outcome = 'delivered'),
		x.at - x.received
		FROM events e LEFT JOIN fanouts x ON x.event = e.seq
		WHERE ` + strings.Join(conds, " AND ") + " ORDER BY e.seq " + dir + " LIMIT " + strconv.Itoa(n)
	rows, err := r.s.db.Query(q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e obs.EventRow
		var fan sql.NullInt64
		if err := rows.Scan(&e.Event, &e.ID, &e.At, &e.Bus, &e.Source, &e.Type, &e.Subject, &e.Size, &e.Accepted,
			&e.Reason, &e.Time, &e.PublishTime, &e.SpecVersion, &e.ContentType, &e.Matched, &e.Targets,
			&e.Succeeded, &fan); err != nil {
			return err
		}
		e.Done, e.FanoutTime = fan.Valid, durationOf(fan.Int64)
		r.rows = append(r.rows, e)
	}
	return rows.Err()
}

func (r *pageRun) page() obs.EventPage {
	p := obs.EventPage{Rows: r.rows}
	if len(p.Rows) > r.lim {
		p.Rows = p.Rows[:r.lim]
		p.Next = p.Rows[r.lim-1].Event
	}
	return p
}
