package storage

import "fmt"

// Counts are the totals of a run's tables, to check a database against the run summary
// (docs/summary.md): events.accepted = Accepted, events.rejected = Rejected, and so on.
type Counts struct {
	Events, Accepted, Rejected int64
	Evaluations, Matches       int64
	Deliveries                 int64            // deliveries started (transforms)
	Finals                     map[string]int64 // final deliveries by outcome
	Attempts, Retries          int64
	Invocations, ColdStarts    int64
	CostUSD                    float64
	// Fanouts and FanoutsAllOK count completed fan-outs of matched events (at least one target),
	// as the summary's fanout.complete and fanout.all_succeeded do; InFlight counts accepted
	// events whose fan-out did not complete.
	Fanouts, FanoutsAllOK, InFlight int64
}

// Counts reads the totals.
func (s *Store) Counts() (Counts, error) {
	c := Counts{Finals: map[string]int64{}}
	err := s.db.QueryRow(`SELECT
		(SELECT count(*) FROM events), (SELECT count(*) FROM events WHERE accepted = 1),
		(SELECT count(*) FROM rule_evals), (SELECT count(*) FROM rule_evals WHERE matched = 1),
		(SELECT count(*) FROM transforms), (SELECT count(*) FROM attempts), (SELECT count(*) FROM retries),
		(SELECT count(*) FROM invocations), (SELECT count(*) FROM invocations WHERE cold = 1),
		(SELECT coalesce(sum(cost_usd), 0) FROM invocations),
		(SELECT count(*) FROM fanouts WHERE targets > 0), (SELECT count(*) FROM fanouts WHERE targets > 0 AND targets = succeeded),
		(SELECT count(*) FROM events e WHERE accepted = 1 AND NOT EXISTS (SELECT 1 FROM fanouts x WHERE x.event = e.seq))`).
		Scan(&c.Events, &c.Accepted, &c.Evaluations, &c.Matches, &c.Deliveries, &c.Attempts, &c.Retries,
			&c.Invocations, &c.ColdStarts, &c.CostUSD, &c.Fanouts, &c.FanoutsAllOK, &c.InFlight)
	if err != nil {
		return c, fmt.Errorf("counts: %w", err)
	}
	c.Rejected = c.Events - c.Accepted
	rows, err := s.db.Query(`SELECT outcome, count(*) FROM deliveries GROUP BY outcome ORDER BY outcome`)
	if err != nil {
		return c, fmt.Errorf("counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var o string
		var n int64
		if err := rows.Scan(&o, &n); err != nil {
			return c, fmt.Errorf("counts: %w", err)
		}
		c.Finals[o] = n
	}
	return c, rows.Err()
}
