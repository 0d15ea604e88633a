package storage

import (
	"context"
	"fmt"
	"math/bits"
	"slices"

	"github.com/fanout/fanout/engine/obs"
)

// Facets decide which filter indexes a finished run needs. An index on a column with few
// values (bus, source, type, a rule's matched or unmatched events) only pays when some value
// is rare or clustered: otherwise walking the events in order finds a page of that value as
// fast as the index would, and building the index costs the run ~50 ms per 180,000 events.
// The writer therefore follows, for every value of these columns, the longest walk a page
// query can take: the events between any cursor and the 100th following event of the value
// (or the end of the run). Finish builds an index only for a column where that walk can
// exceed walkBudget events, and records every value with its count in the table facets, so
// that a filter on a value the run never saw is answered at once instead of by walking it all.

// pageWalk is the page size the walk is measured for: the workbench asks for 100 rows (and
// one more, to know whether a next page exists).
const pageWalk = 101

// walkBudget is the most events a page query may walk in order before an index is worth
// building: about 6 ms of scanning at the ~0.12 µs per event measured on a warm run file.
// A variable so that tests can make Finish build every index.
var walkBudget int64 = 50000

// maxFacetValues caps the values followed per column; a column with more values is indexed
// (so many values must include rare ones) and no longer followed.
const maxFacetValues = 256

// facetCols are the columns followed, each with the index that serves its filter, in the
// order of the fc* constants.
var facetCols = [...]struct{ col, index string }{
	{"bus", "events_bus"}, {"source", "events_source"}, {"type", "events_type"},
	{"rule_matched", "rule_evals_rule"}, {"rule_unmatched", "rule_evals_rule"},
}

const (
	fcBus = iota
	fcSource
	fcType
	fcRuleMatched
	fcRuleUnmatched
)

// facet follows one value: its count, where its last pageWalk occurrences were, and the
// longest walk seen so far.
type facet struct {
	count   int64
	ring    [pageWalk]int64
	maxWalk int64
}

// add records an occurrence at event number pos (1-based, rising). A page that starts just
// after the occurrence pageWalk back (or at the start) walks to pos.
func (f *facet) add(pos int64) {
	i := f.count % pageWalk
	from := int64(0)
	if f.count >= pageWalk {
		from = f.ring[i]
	}
	f.maxWalk = max(f.maxWalk, pos-from)
	f.ring[i] = pos
	f.count++
}

// walk is the longest walk once the run ends at event n: a page that starts after the
// occurrence pageWalk-1 from the last one runs to the end.
func (f *facet) walk(n int64) int64 {
	from := int64(0)
	if f.count >= pageWalk {
		from = f.ring[f.count%pageWalk]
	}
	return max(f.maxWalk, n-from)
}

// facetCol follows the values of one column; overflow is set once it has too many. It
// remembers the last value looked up: consecutive events mostly share bus and source.
type facetCol struct {
	values   map[string]*facet
	overflow bool
	lastV    string
	lastF    *facet
}

func (c *facetCol) add(v string, pos int64) {
	if c.overflow {
		return
	}
	if c.lastF != nil && v == c.lastV {
		c.lastF.add(pos)
		return
	}
	f := c.values[v]
	if f == nil {
		if len(c.values) == maxFacetValues {
			c.overflow, c.values = true, nil
			return
		}
		f = &facet{}
		c.values[v] = f
	}
	c.lastV, c.lastF = v, f
	f.add(pos)
}

// facets is the writer's record of every followed column, and of the accepted events whose
// fan-out has not completed (the in-flight events, written to the table pending by Finish).
type facets struct {
	cols    [len(facetCols)]*facetCol
	last    int64  // the last event number written
	events  int64  // events written
	pending bitset // accepted events without a completed fan-out
	ids     idOrder
	parts   int64 // parts of subject_parts written
}

// partEvents is the fewest events a part of subject_parts should hold on average for a run to
// search subjects through them: a prefix costs one index range per part. A run paced in real
// time commits every 100 ms with a handful of events; its Finish builds events_subject instead
// (an index over few events is cheap to build).
const partEvents = 1000

// bitset is a set of event numbers, one bit each.
type bitset []uint64

func (b *bitset) set(i int64) {
	w := int(i >> 6)
	if w >= len(*b) {
		*b = append(*b, make([]uint64, w+1-len(*b)+len(*b)/2)...)
	}
	(*b)[w] |= 1 << (i & 63)
}

func (b bitset) clear(i int64) {
	if w := int(i >> 6); w < len(b) {
		b[w] &^= 1 << (i & 63)
	}
}

// members returns the set's numbers in rising order.
func (b bitset) members() []int64 {
	var out []int64
	for w, x := range b {
		for x != 0 {
			out = append(out, int64(w)<<6|int64(bits.TrailingZeros64(x)))
			x &= x - 1
		}
	}
	return out
}

func newFacets() *facets {
	f := &facets{}
	for i := range f.cols {
		f.cols[i] = &facetCol{values: map[string]*facet{}}
	}
	return f
}

// skipped returns the indexes a run of n events does not need.
func (f *facets) skipped() []string {
	need := map[string]bool{}
	for i, c := range facetCols {
		fc := f.cols[i]
		need[c.index] = need[c.index] || fc.overflow
		for _, v := range fc.values {
			need[c.index] = need[c.index] || v.walk(f.last) > walkBudget
		}
	}
	// The writer kept subject_parts for every event: unless they are many and small, no index
	// on subjects is needed.
	var out []string
	if f.parts <= 64 || f.parts*partEvents <= f.events {
		out = append(out, "events_subject")
	}
	for _, c := range facetCols {
		if !need[c.index] && !slices.Contains(out, c.index) {
			out = append(out, c.index)
		}
	}
	return out
}

// save writes the facets (values of columns not overflowed), the skipped indexes and the
// pending events, in one transaction.
func (f *facets) save(ctx context.Context, db conn) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save facets: %w", err)
	}
	defer tx.Rollback()
	for i, c := range facetCols {
		fc := f.cols[i]
		for v, x := range fc.values {
			if _, err := tx.ExecContext(ctx, `INSERT INTO facets (col, value, events, max_walk) VALUES (?, ?, ?, ?)`,
				c.col, v, x.count, x.walk(f.last)); err != nil {
				return fmt.Errorf("save facets: %w", err)
			}
		}
	}
	for _, name := range f.skipped() {
		if _, err := tx.ExecContext(ctx, `INSERT INTO skipped_indexes (name) VALUES (?)`, name); err != nil {
			return fmt.Errorf("save facets: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE pending (event INTEGER PRIMARY KEY)`); err != nil {
		return fmt.Errorf("save pending: %w", err)
	}
	for _, e := range f.pending.members() {
		if _, err := tx.ExecContext(ctx, `INSERT INTO pending (event) VALUES (?)`, e); err != nil {
			return fmt.Errorf("save pending: %w", err)
		}
	}
	return tx.Commit()
}

// event follows a received event's bus, source and type, and remembers it as pending until
// its fan-out completes.
func (f *facets) event(r *obs.Received) {
	pos := int64(r.Event)
	f.last = pos
	f.events++
	f.ids.add(r.ID)
	f.cols[fcBus].add(r.Bus, pos)
	f.cols[fcSource].add(r.Source, pos)
	f.cols[fcType].add(r.Type, pos)
	if r.Accepted {
		f.pending.set(pos)
	}
}

// rule follows one rule evaluation.
func (f *facets) rule(r *obs.RuleEvaluated) {
	col := fcRuleUnmatched
	if r.Matched {
		col = fcRuleMatched
	}
	f.cols[col].add(r.Rule, int64(r.Event))
}

// unseen reports whether f asks for a bus, source, type or rule result that the finished run
// never had, in a column whose index Finish skipped: without the index, finding that out
// would mean walking every event.
func (s *Store) unseen(f obs.EventFilter) (bool, error) {
	col := facetCols[fcRuleMatched].col
	if f.Matched == obs.No {
		col = facetCols[fcRuleUnmatched].col
	}
	for _, c := range []struct{ col, index, value string }{
		{"bus", "events_bus", f.Bus}, {"source", "events_source", f.Source}, {"type", "events_type", f.Type},
		{col, "rule_evals_rule", f.Rule},
	} {
		if c.value == "" {
			continue
		}
		var n int
		err := s.db.QueryRow(`SELECT (SELECT count(*) FROM skipped_indexes WHERE name = ?1)
			- (SELECT count(*) FROM facets WHERE col = ?2 AND value = ?3)`, c.index, c.col, c.value).Scan(&n)
		if err != nil {
			return false, fmt.Errorf("events: %w", err)
		}
		if n > 0 {
			return true, nil
		}
	}
	return false, nil
}
