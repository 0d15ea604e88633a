package obs

import (
	"errors"
	"reflect"
	"testing"
)

// TestMemoryFilters pins the semantics of every filter (the SQLite store is checked against
// Memory by the conformance suite in storage).
func TestMemoryFilters(t *testing.T) {
	m := NewMemory()
	emitStories(m)
	for _, c := range []struct {
		name string
		f    EventFilter
		want []EventRef
	}{
		{"all", EventFilter{}, []EventRef{1, 2, 3, 4}},
		{"time range", EventFilter{From: ms(500), To: ms(2500)}, []EventRef{2, 3}},
		{"bus", EventFilter{Bus: "default"}, []EventRef{3}},
		{"source", EventFilter{Source: "shop"}, []EventRef{1, 2, 4}},
		{"type", EventFilter{Type: "paid"}, []EventRef{4}},
		{"rule matched", EventFilter{Rule: "a", Matched: Yes}, []EventRef{1}},
		{"rule given, any result", EventFilter{Rule: "a"}, []EventRef{1}},
		{"rule not matched", EventFilter{Rule: "a", Matched: No}, []EventRef{4}},
		{"some rule matched", EventFilter{Matched: Yes}, []EventRef{1, 3}},
		{"no rule matched (accepted only)", EventFilter{Matched: No}, []EventRef{4}},
		{"delivered", EventFilter{Outcome: "delivered"}, []EventRef{1}},
		{"dead lettered", EventFilter{Outcome: "dead_lettered"}, []EventRef{3}},
		{"in flight", EventFilter{Outcome: "in_flight"}, nil},
		{"cold", EventFilter{Cold: Yes}, []EventRef{1}},
		{"not cold", EventFilter{Cold: No}, []EventRef{2, 3, 4}},
		{"error", EventFilter{Error: Yes}, []EventRef{1, 2, 3}},
		{"no error", EventFilter{Error: No}, []EventRef{4}},
		{"text id prefix", EventFilter{Text: "e-3"}, []EventRef{3}},
		{"text subject prefix", EventFilter{Text: "big"}, []EventRef{4}},
		{"text inside, not prefix", EventFilter{Text: "rders"}, nil},
		{"combined", EventFilter{Bus: "orders", Error: Yes, Cold: No}, []EventRef{2}},
	} {
		page, err := m.Events(c.f, PageRequest{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var got []EventRef
		for _, r := range page.Rows {
			got = append(got, r.Event)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestMemoryPagesAndErrors(t *testing.T) {
	m := NewMemory()
	emitStories(m)
	p1, _ := m.Events(EventFilter{}, PageRequest{Limit: 3})
	p2, _ := m.Events(EventFilter{}, PageRequest{Limit: 3, After: p1.Next})
	if len(p1.Rows) != 3 || p1.Next != 3 || len(p2.Rows) != 1 || p2.Rows[0].Event != 4 || p2.Next != 0 {
		t.Errorf("oldest pages: %+v then %+v", p1, p2)
	}
	n1, _ := m.Events(EventFilter{}, PageRequest{Limit: 2, Sort: SortNewest})
	n2, _ := m.Events(EventFilter{}, PageRequest{Limit: 2, Sort: SortNewest, After: n1.Next})
	if n1.Rows[0].Event != 4 || n1.Next != 3 || n2.Rows[0].Event != 2 || n2.Next != 0 {
		t.Errorf("newest pages: %+v then %+v", n1, n2)
	}
	row := p1.Rows[0]
	if row.Matched != 1 || row.Targets != 1 || row.Succeeded != 1 || !row.Done || row.FanoutTime != ms(1251).Sub(0) {
		t.Errorf("row 1 = %+v", row)
	}
	for _, f := range []EventFilter{{Outcome: "lost"}, {From: ms(5), To: ms(5)}} {
		if _, err := m.Events(f, PageRequest{}); err == nil {
			t.Errorf("filter %+v accepted", f)
		}
	}
	if _, err := m.Trace(99); !errors.Is(err, ErrNotFound) {
		t.Errorf("trace of a missing event: %v", err)
	}
	if _, err := m.Lookup("nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("lookup of a missing id: %v", err)
	}
	dl, _ := m.DeadLetters(0, 10)
	if len(dl) != 1 || dl[0].Queue != "dlq" || dl[0].Attempts != 1 || dl[0].LastError != "full" {
		t.Errorf("dead letters: %+v", dl)
	}
}

func TestMemoryBuckets(t *testing.T) {
	m := NewMemory()
	emitStories(m)
	bs, err := m.Buckets(1e9, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Records up to 2.5 s: three buckets of 1 s.
	if len(bs) != 3 {
		t.Fatalf("%d buckets, want 3: %+v", len(bs), bs)
	}
	b0, b1 := bs[0], bs[1]
	if b0.Received != 2 || b0.Rejected != 1 || b0.Matches != 1 || b0.Attempts != 1 || b0.Invocations != 1 || b0.ColdStarts != 1 {
		t.Errorf("bucket 0 = %+v", b0)
	}
	if b1.Received != 1 || b1.Delivered != 1 || b1.Failed != 1 || b1.Completed != 2 || b1.CostPicoUSD != 500000 {
		t.Errorf("bucket 1 = %+v", b1)
	}
	if _, err := m.Buckets(0, 0, 0); err == nil {
		t.Error("zero width accepted")
	}
	if _, err := m.Buckets(1, 0, ms(10_000)); err == nil {
		t.Error("ten million buckets accepted")
	}
}
