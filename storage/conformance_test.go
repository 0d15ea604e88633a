package storage

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/sim"
)

// The conformance suite: the same records go into the in-memory sink and the SQLite store;
// every query must give the same answer from both (STYLE.md "one suite, many implementations").

var conformanceFilters = map[string]obs.EventFilter{
	"all":              {},
	"time range":       {From: sim.Time(100 * time.Millisecond), To: sim.Time(350 * time.Millisecond)},
	"from only":        {From: sim.Time(500 * time.Millisecond)},
	"bus":              {Bus: "default"},
	"source":           {Source: "shop.app"},
	"type":             {Type: "order.paid"},
	"rule matched":     {Rule: "orders-paid", Matched: obs.Yes},
	"rule not matched": {Rule: "orders-paid", Matched: obs.No},
	"any rule":         {Matched: obs.Yes},
	"no rule":          {Matched: obs.No},
	"unknown rule":     {Rule: "nope", Matched: obs.Yes},
	"unknown bus":      {Bus: "nope"},
	"unknown source":   {Source: "nope", Type: "order.paid"},
	"unknown type":     {Type: "nope", Matched: obs.No},
	"delivered":        {Outcome: "delivered"},
	"dead lettered":    {Outcome: "dead_lettered"},
	"discarded":        {Outcome: "discarded"},
	"expired":          {Outcome: "expired"},
	"in flight":        {Outcome: "in_flight"},
	"cold":             {Cold: obs.Yes},
	"warm":             {Cold: obs.No},
	"error":            {Error: obs.Yes},
	"no error":         {Error: obs.No},
	"text id":          {Text: "evt-"},
	"text subject":     {Text: "sub/4"},
	"text none":        {Text: "zzz"},
	"combined":         {Bus: "orders", Cold: obs.Yes, Error: obs.Yes, From: sim.Time(50 * time.Millisecond)},
	"outcome and rule": {Outcome: "delivered", Rule: "orders-audit", Matched: obs.Yes, Type: "order.created"},
	"error and rule":   {Error: obs.Yes, Rule: "oss-thumbs", Matched: obs.No},
}

// allPages walks every page of q for f and returns the rows and the cursors.
func allPages(t *testing.T, q obs.Querier, f obs.EventFilter, sort obs.Sort, limit int) ([]obs.EventRow, []obs.EventRef) {
	t.Helper()
	var rows []obs.EventRow
	var cursors []obs.EventRef
	p := obs.PageRequest{Sort: sort, Limit: limit}
	for {
		page, err := q.Events(f, p)
		if err != nil {
			t.Fatalf("%T: %v", q, err)
		}
		rows = append(rows, page.Rows...)
		cursors = append(cursors, page.Next)
		if page.Next == 0 {
			return rows, cursors
		}
		p.After = page.Next
	}
}

// TestConformanceEvents runs the suite while the run writes (no filter index), once it is
// finished with every filter index (a walk budget of 0 makes Finish build them all), and
// once finished with the default budget, under which this small run needs none of the
// indexes on bus, source, type and rule results (answered by walking, and by the facets).
func TestConformanceEvents(t *testing.T) {
	for _, mode := range []struct {
		name             string
		finished, reopen bool
		budget           int64
	}{{"writing", false, false, walkBudget}, {"finished", true, false, 0},
		{"finished-walking", true, false, walkBudget}, {"killed-reopened", false, true, walkBudget}} {
		t.Run(mode.name, func(t *testing.T) {
			defer func(b int64) { walkBudget = b }(walkBudget)
			walkBudget = mode.budget
			conformanceEvents(t, mode.finished, mode.reopen)
		})
	}
}

// conformanceEvents compares every filter, both sorts and every page; a finished run has its
// filter indexes, so SQLite answers through other plans than while writing.
//
// A run closed without Finish and opened again gets every index, events_subject included (the
// plan of runs written before subject_parts).
func conformanceEvents(t *testing.T, finished, reopen bool) {
	mem, st := filledRun(t, 700, finished)
	if reopen {
		path := st.Path()
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
		var err error
		if st, err = OpenRun(path); err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if !st.hasIndex("events_subject") || !st.hasIndex("events_bus") {
			t.Fatal("OpenRun of a run closed without Finish did not build every index")
		}
	}
	if finished || reopen { // common text prefixes are then tested while walking the events
		defer func(n int) { textDriveMax = n }(textDriveMax)
		textDriveMax = 20
	}
	counts := map[string]int{}
	defer func() { checkCounts(t, counts) }()
	for name, f := range conformanceFilters {
		for _, sort := range []obs.Sort{obs.SortOldest, obs.SortNewest} {
			want, wantCur := allPages(t, mem, f, sort, 37)
			counts[name] = len(want)
			got, gotCur := allPages(t, st, f, sort, 37)
			if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotCur, wantCur) {
				t.Errorf("%s (sort %d): sqlite gives %d rows %v, memory %d rows %v", name, sort, len(got), gotCur, len(want), wantCur)
				for i := range min(len(got), len(want)) {
					if !reflect.DeepEqual(got[i], want[i]) {
						t.Errorf("first difference at %d:\n sqlite %+v\n memory %+v", i, got[i], want[i])
						break
					}
				}
			}
		}
	}
}

func TestConformanceTraces(t *testing.T) {
	mem, st := filled(t, 400)
	for ref := obs.EventRef(1); ref <= 401; ref++ {
		want, werr := mem.Trace(ref)
		got, gerr := st.Trace(ref)
		if !errors.Is(gerr, obs.ErrNotFound) != !errors.Is(werr, obs.ErrNotFound) {
			t.Fatalf("event %d: sqlite error %v, memory error %v", ref, gerr, werr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("event %d: traces differ\n sqlite %+v\n memory %+v", ref, got, want)
		}
		if werr == nil {
			id, err := st.Lookup(want.Event.ID)
			mid, _ := mem.Lookup(want.Event.ID)
			if err != nil || id != mid {
				t.Fatalf("lookup %q: sqlite %d %v, memory %d", want.Event.ID, id, err, mid)
			}
		}
	}
	if _, err := st.Lookup("no-such-id"); !errors.Is(err, ErrNotFound) {
		t.Errorf("lookup of a missing id: %v, want ErrNotFound", err)
	}
}

func TestConformanceBucketsAndDeadLetters(t *testing.T) {
	mem, st := filled(t, 500)
	for _, c := range []struct {
		width    time.Duration
		from, to sim.Time
	}{{time.Second, 0, 0}, {100 * time.Millisecond, 0, sim.Time(time.Second)}, {7 * time.Second, sim.Time(time.Second), 0}} {
		want, err := mem.Buckets(c.width, c.from, c.to)
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.Buckets(c.width, c.from, c.to)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("buckets %v: sqlite %+v\nmemory %+v", c, got, want)
		}
	}
	var after obs.EventRef
	for pages := 0; ; pages++ {
		want, _ := mem.DeadLetters(after, 5)
		got, err := st.DeadLetters(after, 5)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("dead letters after %d: sqlite %v %v, memory %v", after, got, err, want)
		}
		if len(want) == 0 {
			if pages < 2 {
				t.Errorf("only %d pages of dead letters: the fixture should have more", pages)
			}
			break
		}
		after = want[len(want)-1].Event
	}
}

// checkCounts asserts properties of the fixture that hold whatever the implementation: the
// suite is only worth something if the filters select something and not everything.
func checkCounts(t *testing.T, n map[string]int) {
	t.Helper()
	for name, c := range n {
		empty := strings.HasPrefix(name, "unknown ") || name == "text none"
		if (c == 0) != empty || c == n["all"] && name != "all" && name != "text id" {
			t.Errorf("filter %q selects %d of %d events", name, c, n["all"])
		}
	}
	for _, pair := range [][2]string{{"cold", "warm"}, {"error", "no error"}} {
		if n[pair[0]]+n[pair[1]] != n["all"] {
			t.Errorf("%s (%d) + %s (%d) != all (%d)", pair[0], n[pair[0]], pair[1], n[pair[1]], n["all"])
		}
	}
}
