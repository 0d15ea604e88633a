package bus

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/sim"
)

func testEvent(id string) event.Event {
	return event.Event{ID: id, Source: "app.orders", SpecVersion: "1.0", Type: "order:Created",
		DataContentType: "application/json", Data: []byte(`{"n":1}`)}
}

func newTestIngress(rate float64) *Ingress {
	return NewIngress("orders", IngressEnv{Limits: event.DefaultLimits(), RateLimit: rate,
		Region: "cn-hangzhou", Account: "1234567890", Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
}

func TestPutEventsEntryCountLimit(t *testing.T) {
	in := newTestIngress(0)
	for _, n := range []int{0, 11} {
		entries := make([]event.Event, n)
		for i := range entries {
			entries[i] = testEvent("e" + string(rune('a'+i)))
		}
		if _, err := in.Put(0, entries); !errors.Is(err, ErrEntryCount) {
			t.Errorf("%d entries: err = %v, want ErrEntryCount", n, err)
		}
	}
	entries := make([]event.Event, 10)
	for i := range entries {
		entries[i] = testEvent("e" + string(rune('a'+i)))
	}
	res, err := in.Put(0, entries)
	if err != nil || len(res) != 10 {
		t.Fatalf("10 entries: %v, %d results", err, len(res))
	}
	if s := in.Stats(); s.Accepted != 10 || s.Rejected != 0 {
		t.Errorf("stats = %+v", s)
	}
}

func TestPutEventsResultPerEntry(t *testing.T) {
	in := newTestIngress(0)
	big := testEvent("big")
	big.Data = []byte(`"` + strings.Repeat("x", 300000) + `"`)
	noSource := testEvent("nosrc")
	noSource.Source = ""
	res, err := in.Put(sim.FromSeconds(2.5), []event.Event{testEvent("ok-1"), big, noSource})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ code, reason string }{{"", ""}, {CodeTooLarge, "too_large"}, {CodeInvalidAttribute, "invalid:source"}}
	for i, w := range want {
		if res[i].ErrorCode != w.code || res[i].Reason != w.reason {
			t.Errorf("entry %d: got %q/%q, want %q/%q (%s)", i, res[i].ErrorCode, res[i].Reason, w.code, w.reason, res[i].ErrorMessage)
		}
	}
	if res[0].EventID != "ok-1" {
		t.Errorf("accepted entry id = %q", res[0].EventID)
	}
	s := in.Stats()
	if s.Accepted != 1 || s.Rejected != 2 || s.Reasons["too_large"] != 1 || s.Reasons["invalid:source"] != 1 {
		t.Errorf("stats = %+v", s)
	}
}

func TestAcceptedEventsAreStamped(t *testing.T) {
	in := newTestIngress(0)
	e := testEvent("s1")
	if r := in.PutOne(sim.FromSeconds(1.5), &e); !r.OK() {
		t.Fatalf("rejected: %+v", r)
	}
	want := map[string]string{
		event.ExtEventBusName: "orders", event.ExtRegionID: "cn-hangzhou",
		event.ExtAccountID: "1234567890", event.ExtPublishTime: "2026-01-01T00:00:01.5Z",
	}
	for k, v := range want {
		if got, _ := e.Ext(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
}

func TestThroughputLimitThrottlesExcess(t *testing.T) {
	in := newTestIngress(100)
	accepted := 0
	// 1,000 entries spread over 2 simulated seconds = 500/s offered against 100/s allowed.
	for i := 0; i < 1000; i++ {
		e := testEvent("t" + strings.Repeat("x", i%5))
		if in.PutOne(sim.FromSeconds(float64(i)*0.002), &e).OK() {
			accepted++
		}
	}
	// One second of burst (100) plus 2 s of refill (200), give or take one token.
	if accepted < 299 || accepted > 301 {
		t.Errorf("accepted %d, want about 300", accepted)
	}
	if s := in.Stats(); s.Reasons["throttled"] != uint64(1000-accepted) {
		t.Errorf("throttled = %d, want %d", s.Reasons["throttled"], 1000-accepted)
	}
}
