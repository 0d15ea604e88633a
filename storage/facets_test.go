package storage

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/fanout/fanout/engine/obs"
)

// bruteWalk is the longest walk of a page query for a value at positions (rising, 1-based)
// in a run of n events: from every cursor k (the page starts after event k), the events up
// to the pageWalk-th following occurrence, or to the end.
func bruteWalk(positions []int64, n int64) int64 {
	var worst int64
	for k := int64(0); k <= n; k++ {
		i := 0
		for i < len(positions) && positions[i] <= k {
			i++
		}
		end := n
		if i+pageWalk-1 < len(positions) {
			end = positions[i+pageWalk-1]
		}
		worst = max(worst, end-k)
	}
	return worst
}

func TestFacetWalk(t *testing.T) {
	every := func(step, n int64) []int64 {
		var p []int64
		for i := step; i <= n; i += step {
			p = append(p, i)
		}
		return p
	}
	cases := []struct {
		name      string
		positions []int64
		n         int64
		want      int64
	}{
		{"every event", every(1, 1000), 1000, 101},
		{"every 10th", every(10, 5000), 5000, 1010},
		{"once", []int64{5}, 1000, 1000},
		{"100 times: fewer than a page", every(1, 100), 1000, 1000},
		{"only at the end", every(1, 1000)[900:], 1000, 1000},
	}
	for _, c := range cases {
		var f facet
		for _, p := range c.positions {
			f.add(p)
		}
		if got := f.walk(c.n); got != c.want || got != bruteWalk(c.positions, c.n) {
			t.Errorf("%s: walk = %d, want %d (brute force %d)", c.name, got, c.want, bruteWalk(c.positions, c.n))
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		n := int64(50 + rng.IntN(1500))
		density := rng.Float64()
		var pos []int64
		for i := int64(1); i <= n; i++ {
			if rng.Float64() < density {
				pos = append(pos, i)
			}
		}
		var f facet
		for _, p := range pos {
			f.add(p)
		}
		if got, want := f.walk(n), bruteWalk(pos, n); got != want {
			t.Fatalf("trial %d (%d of %d events): walk = %d, brute force %d", trial, len(pos), n, got, want)
		}
	}
}

// facetRun writes n events: bus "main" except "rare" at three events, two types taking
// turns, one source, and one rule matching every other event.
func facetRun(t *testing.T, st *Store, n int) {
	t.Helper()
	sink := st.Sink()
	for i := 1; i <= n; i++ {
		bus := "main"
		if i%1000 == 7 {
			bus = "rare"
		}
		ref := obs.EventRef(i)
		sink.Received(obs.Received{Event: ref, ID: "e" + string(rune('a'+i%26)), Bus: bus, Source: "src",
			Type: []string{"t.one", "t.two"}[i%2], Subject: "s", Accepted: true, Time: "t", SpecVersion: "1.0"})
		sink.RuleEvaluated(obs.RuleEvaluated{Event: ref, Bus: bus, Rule: "r", Matched: i%2 == 0})
		sink.FanoutComplete(obs.FanoutComplete{Event: ref})
	}
}

// TestFinishBuildsOnlyUsefulIndexes: with a walk budget of 500 events, a bus seen three
// times in 3,000 events needs its index; two types taking turns, one source and a rule
// matching every other event do not. The facets say so, OpenRun keeps to it, filters on
// values the run never saw are empty, and a run closed without Finish gets every index.
func TestFinishBuildsOnlyUsefulIndexes(t *testing.T) {
	defer func(b int64) { walkBudget = b }(walkBudget)
	walkBudget = 500
	st := newStore(t)
	facetRun(t, st, 3000)
	if err := st.Finish([]byte(`{"sim_seconds": 3}`)); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"events_bus": true, "events_type": false, "events_source": false,
		"rule_evals_rule": false, "events_id": true, "events_subject": false}
	check := func(st *Store, when string) {
		for name, built := range want {
			if st.hasIndex(name) != built {
				t.Errorf("%s: index %s built = %v, want %v", when, name, !built, built)
			}
		}
	}
	check(st, "after Finish")
	var events, walk int64
	if err := st.DB().QueryRow(`SELECT events, max_walk FROM facets WHERE col = 'bus' AND value = 'rare'`).
		Scan(&events, &walk); err != nil || events != 3 || walk != 3000 {
		t.Errorf("facet bus=rare: %d events, walk %d, err %v; want 3, 3000", events, walk, err)
	}
	for _, f := range []obs.EventFilter{{Type: "t.three"}, {Source: "other"}, {Rule: "r", Matched: obs.No, Type: "t.one"}} {
		if p, err := st.Events(f, obs.PageRequest{Limit: 10}); err != nil || len(p.Rows) != 0 {
			t.Errorf("filter %+v: %d rows, err %v; want none", f, len(p.Rows), err)
		}
	}
	if p, err := st.Events(obs.EventFilter{Type: "t.two", Rule: "r", Matched: obs.No}, obs.PageRequest{Limit: 10}); err != nil || len(p.Rows) != 10 {
		t.Errorf("type t.two, rule r not matched: %d rows, err %v; want a page of 10", len(p.Rows), err)
	}
	path := st.Path()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := OpenRun(path)
	if err != nil {
		t.Fatal(err)
	}
	check(st, "after OpenRun")
	st.Close()

	killed := newStore(t)
	facetRun(t, killed, 300)
	if err := killed.Close(); err != nil {
		t.Fatal(err)
	}
	killed, err = OpenRun(killed.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer killed.Close()
	for name := range want {
		if !killed.hasIndex(name) {
			t.Errorf("run closed without Finish: OpenRun did not build %s", name)
		}
	}
}

// TestSmallPartsGetTheSubjectIndex: a run that commits a few events at a time (as one paced in
// real time does) leaves many small parts in subject_parts; Finish then builds events_subject,
// and text filters use it.
func TestSmallPartsGetTheSubjectIndex(t *testing.T) {
	st := newStore(t)
	sink := st.Sink()
	for i := 1; i <= 400; i++ {
		sink.Received(obs.Received{Event: obs.EventRef(i), ID: fmt.Sprintf("id-%06d", i), Bus: "b", Source: "s",
			Type: "t", Subject: fmt.Sprintf("orders/%d", i), Accepted: true, SpecVersion: "1.0"})
		if i%5 == 0 {
			if err := st.Flush(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := st.Finish(nil); err != nil {
		t.Fatal(err)
	}
	if !st.hasIndex("events_subject") || st.skipped("events_subject") {
		t.Fatal("80 parts of 5 events: Finish did not build events_subject")
	}
	p, err := st.Events(obs.EventFilter{Text: "orders/12"}, obs.PageRequest{Limit: 50})
	if err != nil || len(p.Rows) != 11 { // orders/12 and orders/120-129
		t.Errorf("text orders/12: %d rows, err %v; want 11", len(p.Rows), err)
	}
}
