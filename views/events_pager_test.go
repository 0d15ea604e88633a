package views

import (
	"testing"

	"github.com/fanout/fanout/engine/obs"
)

func TestPagerFetchesKeysetPagesOnDemand(t *testing.T) {
	src := &recordingSource{Memory: memoryRun(1000)}
	p := newEventPager(src, inlineBackground, 100)
	p.Query(obs.EventFilter{}, obs.SortOldest)
	if len(src.calls) != 1 || src.calls[0].p.After != 0 || src.calls[0].p.Limit != 100 {
		t.Fatalf("first query = %+v, want one page of 100 from the start", src.calls)
	}
	if got := p.Rows(); got != 200 {
		t.Fatalf("rows after page 0 = %d, want 200 (page 0 and one page to come)", got)
	}
	row, ok := p.Row(99)
	if !ok || row.Event != 100 {
		t.Fatalf("row 99 = %d,%v, want event 100", row.Event, ok)
	}
	// Row 99 is late in page 0: page 1 was fetched ahead, from the cursor of page 0.
	if c := src.last(); c.p.After != 100 {
		t.Fatalf("prefetch after = %d, want 100", c.p.After)
	}
	if row, ok := p.Row(150); !ok || row.Event != 151 {
		t.Fatalf("row 150 = %d,%v, want event 151", row.Event, ok)
	}
	for i := 0; i < 1000; i += 50 {
		p.Row(i)
	}
	if !p.Complete() || p.Rows() != 1000 {
		t.Fatalf("after scrolling to the end rows = %d complete %v, want 1000 true", p.Rows(), p.Complete())
	}
	if p.fetches != 10 {
		t.Errorf("pages fetched = %d, want 10", p.fetches)
	}
	if len(p.pages) > 2*p.keep+1 {
		t.Errorf("pages kept = %d, want at most %d around the view", len(p.pages), 2*p.keep+1)
	}
	// An evicted page is fetched again with the same cursor.
	n := len(src.calls)
	if _, ok := p.Row(5); ok {
		t.Fatalf("row 5 should have been evicted while the view was at the end")
	}
	if len(src.calls) != n+1 || src.last().p.After != 0 {
		t.Fatalf("refetch of page 0: calls %d→%d after %d", n, len(src.calls), src.last().p.After)
	}
	if row, ok := p.Row(5); !ok || row.Event != 6 {
		t.Fatalf("row 5 after refetch = %d,%v", row.Event, ok)
	}
}

func TestPagerNewestFirstAndFilter(t *testing.T) {
	src := &recordingSource{Memory: memoryRun(300)}
	p := newEventPager(src, inlineBackground, 50)
	f := obs.EventFilter{Outcome: "dead_lettered"}
	p.Query(f, obs.SortNewest)
	if c := src.last(); c.f != f || c.p.Sort != obs.SortNewest {
		t.Fatalf("query = %+v, want the filter and newest first", c)
	}
	first, _ := p.Row(0)
	second, _ := p.Row(1)
	if first.Event <= second.Event || first.Event%3 != 0 {
		t.Fatalf("rows %d, %d: want descending dead-lettered events", first.Event, second.Event)
	}
	for i := 0; i < 300; i += 10 {
		p.Row(i)
	}
	// Events 2..300 with ref%3==0 and ref%5!=0 are dead-lettered.
	want := 0
	for r := 2; r <= 300; r++ {
		if r%3 == 0 && r%5 != 0 {
			want++
		}
	}
	if !p.Complete() || p.Rows() != want {
		t.Fatalf("rows = %d complete %v, want %d", p.Rows(), p.Complete(), want)
	}
}

func TestPagerDropsAnswersToAnOldQuery(t *testing.T) {
	src := &recordingSource{Memory: memoryRun(100)}
	q := &queuedBackground{}
	p := newEventPager(src, q.run, 10)
	changes := 0
	p.changed = func() { changes++ }
	p.Query(obs.EventFilter{}, obs.SortOldest)
	p.Query(obs.EventFilter{Text: "ev-000005"}, obs.SortOldest)
	q.runAll()
	if changes != 1 {
		t.Fatalf("changes = %d, want 1: the first query's page must be dropped", changes)
	}
	if p.Rows() != 1 {
		t.Fatalf("rows = %d, want the 1 event of the second query", p.Rows())
	}
	if row, _ := p.Row(0); row.ID != "ev-000005" {
		t.Fatalf("row 0 = %q", row.ID)
	}
}

func TestPagerEmptyResultAndError(t *testing.T) {
	p := newEventPager(&recordingSource{Memory: memoryRun(10)}, inlineBackground, 10)
	p.Query(obs.EventFilter{Text: "nothing"}, obs.SortOldest)
	if p.Rows() != 0 || !p.Complete() {
		t.Fatalf("empty: rows %d complete %v", p.Rows(), p.Complete())
	}
	p.Query(obs.EventFilter{Outcome: "lost"}, obs.SortOldest)
	if p.err == nil || p.Rows() != 0 {
		t.Fatalf("a bad filter must end in an error and no rows, got %v, %d", p.err, p.Rows())
	}
}
