package obs

import (
	"testing"
	"time"
)

func TestBuildTrace(t *testing.T) {
	m := NewMemory()
	emitStories(m)
	tr, err := m.Trace(1)
	if err != nil {
		t.Fatal(err)
	}
	type line struct {
		kind, name string
		parent     int32
		start, end time.Duration
		outcome    string
	}
	want := []line{
		{SpanEvent, "event e-1", 0, 0, 1251 * time.Millisecond, "all delivered"},
		{SpanMatch, "rule a", 1, 0, 0, "matched"},
		{SpanMatch, "rule b", 1, 0, 0, "no match"},
		{SpanDelivery, "a → fn", 2, time.Millisecond, 1251 * time.Millisecond, "delivered"},
		{SpanTransform, "transform", 4, time.Millisecond, time.Millisecond, "ok"},
		{SpanAttempt, "attempt 1", 4, time.Millisecond, 201 * time.Millisecond, "error"},
		{SpanInvocation, "invoke s/f", 6, time.Millisecond, 201 * time.Millisecond, "error"},
		{SpanQueueWait, "queue wait", 7, time.Millisecond, 11 * time.Millisecond, "ok"},
		{SpanColdStart, "cold start", 7, 11 * time.Millisecond, 111 * time.Millisecond, "ok"},
		{SpanInit, "init", 7, 111 * time.Millisecond, 151 * time.Millisecond, "ok"},
		{SpanExecution, "execution", 7, 151 * time.Millisecond, 201 * time.Millisecond, "error"},
		{SpanRetryWait, "retry wait", 4, 201 * time.Millisecond, 1201 * time.Millisecond, "ok"},
		{SpanAttempt, "attempt 2", 4, 1201 * time.Millisecond, 1251 * time.Millisecond, "ok"},
		{SpanInvocation, "invoke s/f", 13, 1201 * time.Millisecond, 1251 * time.Millisecond, "ok"},
		{SpanExecution, "execution", 14, 1201 * time.Millisecond, 1251 * time.Millisecond, "ok"},
		{SpanFinal, "delivered", 4, 1251 * time.Millisecond, 1251 * time.Millisecond, "delivered"},
	}
	if len(tr.Spans) != len(want) {
		t.Fatalf("%d spans, want %d: %+v", len(tr.Spans), len(want), tr.Spans)
	}
	for i, w := range want {
		sp := tr.Spans[i]
		got := line{sp.Kind, sp.Name, sp.Parent, time.Duration(sp.Start), time.Duration(sp.End), sp.Outcome}
		if got != w || sp.ID != int32(i+1) {
			t.Errorf("span %d = %+v, want %+v", i+1, got, w)
		}
	}
}

func TestBuildTraceShapes(t *testing.T) {
	m := NewMemory()
	emitStories(m)
	rej, _ := m.Trace(2)
	if len(rej.Spans) != 1 || rej.Spans[0].Outcome != "rejected: too_large" {
		t.Errorf("rejected event: %+v", rej.Spans)
	}
	dl, _ := m.Trace(3)
	last := dl.Spans[len(dl.Spans)-1]
	if last.Kind != SpanFinal || last.Name != "dead_lettered → dlq" || dl.Spans[0].Outcome != "failed 1 of 1" {
		t.Errorf("dead-lettered event: %+v", dl.Spans)
	}
	none, _ := m.Trace(4)
	if none.Spans[0].Outcome != "no target" || len(none.Spans) != 3 {
		t.Errorf("unmatched event: %+v", none.Spans)
	}
	// In flight: a delivery with no final record ends at its last child, the root with it.
	s := Story{Event: Received{Event: 9, At: ms(0), Accepted: true},
		Transforms: []Transformed{{Event: 9, At: ms(1), Rule: "r", Target: "t"}},
		Attempts:   []Attempt{{Event: 9, Rule: "r", Target: "t", Number: 1, Scheduled: ms(1), Start: ms(2), End: ms(9), Outcome: OutcomeTimeout}}}
	tr := BuildTrace(s)
	if tr.Spans[0].Outcome != "in flight" || tr.Spans[0].End != ms(9) || tr.Spans[1].Outcome != "in_flight" || tr.Spans[1].End != ms(9) {
		t.Errorf("in-flight trace: %+v", tr.Spans)
	}
}
