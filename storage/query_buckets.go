package storage

import (
	"database/sql"
	"fmt"
	"time"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
)

// bucketQueries aggregate each table by bucket index (column − from) / width over [from, to);
// the bucket's time is the one obs.BucketSet documents.
var bucketQueries = []struct {
	sql  string
	fill func(b *obs.Bucket, v [4]int64)
}{
	{`SELECT (at - ?1) / ?2, count(*), sum(accepted = 0), 0, 0 FROM events WHERE at >= ?1 AND at < ?3 GROUP BY 1`,
		func(b *obs.Bucket, v [4]int64) { b.Received, b.Rejected = v[0], v[1] }},
	{`SELECT (at - ?1) / ?2, count(*), 0, 0, 0 FROM rule_evals WHERE matched = 1 AND at >= ?1 AND at < ?3 GROUP BY 1`,
		func(b *obs.Bucket, v [4]int64) { b.Matches = v[0] }},
	{`SELECT (start - ?1) / ?2, count(*), sum(outcome <> 'ok'), 0, 0 FROM attempts WHERE start >= ?1 AND start < ?3 GROUP BY 1`,
		func(b *obs.Bucket, v [4]int64) { b.Attempts, b.AttemptErrors = v[0], v[1] }},
	{`SELECT ("end" - ?1) / ?2, count(*), sum(cold), sum("end" - start),
		sum(CAST(round(cost_usd * 1e12) AS INTEGER)) FROM invocations WHERE "end" >= ?1 AND "end" < ?3 GROUP BY 1`,
		func(b *obs.Bucket, v [4]int64) {
			b.Invocations, b.ColdStarts, b.ExecNanos, b.CostPicoUSD = v[0], v[1], v[2], v[3]
		}},
	{`SELECT (at - ?1) / ?2, sum(outcome = 'delivered'), sum(outcome <> 'delivered'), 0, 0 FROM deliveries
		WHERE at >= ?1 AND at < ?3 GROUP BY 1`,
		func(b *obs.Bucket, v [4]int64) { b.Delivered, b.Failed = v[0], v[1] }},
	{`SELECT (at - ?1) / ?2, count(*), 0, 0, 0 FROM fanouts WHERE at >= ?1 AND at < ?3 GROUP BY 1`,
		func(b *obs.Bucket, v [4]int64) { b.Completed = v[0] }},
}

// Buckets implements obs.Querier. With to == 0 the buckets reach the latest time recorded.
func (s *Store) Buckets(width time.Duration, from, to sim.Time) ([]obs.Bucket, error) {
	if to == 0 {
		latest, err := s.latest()
		if err != nil {
			return nil, err
		}
		to = latest + 1
	}
	bs, err := obs.NewBuckets(width, from, to)
	if err != nil {
		return nil, err
	}
	for _, bq := range bucketQueries {
		if err := s.bucketQuery(bs, bq.sql, bq.fill); err != nil {
			return nil, err
		}
	}
	return bs.List, nil
}

func (s *Store) bucketQuery(bs *obs.BucketSet, q string, fill func(*obs.Bucket, [4]int64)) error {
	rows, err := s.db.Query(q, int64(bs.From), int64(bs.Width), int64(bs.To))
	if err != nil {
		return fmt.Errorf("buckets: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var i int64
		var v [4]sql.NullInt64
		if err := rows.Scan(&i, &v[0], &v[1], &v[2], &v[3]); err != nil {
			return fmt.Errorf("buckets: %w", err)
		}
		if i >= 0 && i < int64(len(bs.List)) {
			fill(&bs.List[i], [4]int64{v[0].Int64, v[1].Int64, v[2].Int64, v[3].Int64})
		}
	}
	return rows.Err()
}

// latest is the latest time the bucketed columns hold.
func (s *Store) latest() (sim.Time, error) {
	var t sql.NullInt64
	err := s.db.QueryRow(`SELECT max(m) FROM (
		SELECT max(at) AS m FROM events UNION ALL SELECT max(at) FROM rule_evals
		UNION ALL SELECT max(start) FROM attempts UNION ALL SELECT max("end") FROM invocations
		UNION ALL SELECT max(at) FROM deliveries UNION ALL SELECT max(at) FROM fanouts)`).Scan(&t)
	if err != nil {
		return 0, fmt.Errorf("buckets: %w", err)
	}
	return sim.Time(t.Int64), nil
}
