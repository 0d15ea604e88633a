package world

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/fanout/fanout/engine/bus"
	"github.com/fanout/fanout/engine/event"
)

// routes is a bus with three rules and queue targets, so payloads can be inspected.
const routes = `
buses: [{name: shop}]
queues:
  - {name: q-orders, type: mns}
  - {name: q-orders-small, type: mns}
  - {name: q-any, type: mns}
  - {name: q-off, type: mns}
rules:
  - name: orders
    bus: shop
    pattern: {source: [shop.orders]}
    targets:
      - {id: whole, type: mns, queue: q-orders}
      - id: small
        type: mns
        queue: q-orders-small
        transform: {form: TEMPLATE, value: {sku: $.data.sku}, template: 'sku=${sku}'}
  - name: anything
    bus: shop
    pattern: {source: [{prefix: shop.}]}
    targets:
      - {id: all, type: mns, queue: q-any, transform: {form: JSONPATH, value: $.data.sku}}
  - name: off
    bus: shop
    enabled: false
    pattern: {source: [shop.orders]}
    targets:
      - {id: never, type: mns, queue: q-off}
`

func TestRoutingTable(t *testing.T) {
	tests := []struct {
		name    string
		source  string
		matched map[string]uint64 // per rule
		queues  map[string]string // queue → payload of its one message ("" = no message)
	}{
		{"two rules match", "shop.orders", map[string]uint64{"orders": 1, "anything": 1, "off": 0},
			map[string]string{"q-orders": "<event>", "q-orders-small": "sku=A-1", "q-any": "A-1", "q-off": ""}},
		{"one rule matches", "shop.carts", map[string]uint64{"orders": 0, "anything": 1, "off": 0},
			map[string]string{"q-orders": "", "q-orders-small": "", "q-any": "A-1", "q-off": ""}},
		{"no match", "other.app", map[string]uint64{"orders": 0, "anything": 0, "off": 0},
			map[string]string{"q-orders": "", "q-orders-small": "", "q-any": "", "q-off": ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(t, config(t, routes, time.Minute))
			if r := put(t, w, "shop", ev("e-1", tc.source, `{"sku":"A-1"}`)); !r[0].OK() {
				t.Fatalf("entry rejected: %+v", r[0])
			}
			w.Run()
			s := w.Summary()
			mustConserve(t, s)
			for rule, want := range tc.matched {
				if got := s.Rules[rule].Matched; got != want {
					t.Errorf("rule %s matched %d, want %d", rule, got, want)
				}
			}
			if s.Rules["off"].Evaluated != 0 || s.Rules["orders"].Evaluated != 1 {
				t.Errorf("evaluated: off %d (want 0), orders %d (want 1)", s.Rules["off"].Evaluated, s.Rules["orders"].Evaluated)
			}
			for q, want := range tc.queues {
				msgs, err := w.QueueMessages(q)
				if err != nil {
					t.Fatal(err)
				}
				switch {
				case want == "" && len(msgs) != 0:
					t.Errorf("queue %s has %d messages, want none", q, len(msgs))
				case want == "":
				case len(msgs) != 1:
					t.Errorf("queue %s has %d messages, want 1", q, len(msgs))
				case want == "<event>":
					if msgs[0].Payload != nil || msgs[0].Event.ID != "e-1" {
						t.Errorf("queue %s: payload %q, want the whole event e-1", q, msgs[0].Payload)
					}
				case string(msgs[0].Payload) != want:
					t.Errorf("queue %s: payload %q, want %q", q, msgs[0].Payload, want)
				}
			}
		})
	}
}

// A failing target retries and dead-letters while its sibling delivers on time.
func TestFailingTargetDoesNotDelayAnother(t *testing.T) {
	src := `
buses: [{name: shop}]
queues: [{name: dlq, type: mns}]
rules:
  - name: r
    bus: shop
    pattern: {source: [shop.orders]}
    targets:
      - id: broken
        type: http
        url: http://broken.example/hook
        endpoint: {latency: {kind: constant, value: 500}, error_rate: 1}
        dead_letter: {queue: dlq}
      - id: fine
        type: logstore
        logstore: p/s
        endpoint: {latency: {kind: constant, value: 10}}
`
	w := newWorld(t, config(t, src, time.Hour))
	for i := range 5 {
		put(t, w, "shop", ev("e-"+string(rune('a'+i)), "shop.orders", `{}`))
	}
	w.Run()
	s := w.Summary()
	mustConserve(t, s)
	fine, broken := s.Targets["r/fine"], s.Targets["r/broken"]
	if fine.Delivered != 5 || fine.Latency.Max != 0.01 {
		t.Errorf("fine: delivered %d, max latency %v; want 5 at exactly 10ms", fine.Delivered, fine.Latency.Max)
	}
	if broken.DeadLettered != 5 || broken.Attempts != 20 || broken.Retried != 15 {
		t.Errorf("broken: dead_lettered %d attempts %d retried %d; want 5, 20 (1+3 retries each), 15",
			broken.DeadLettered, broken.Attempts, broken.Retried)
	}
	if d := s.DeadLetter["dlq"]; d.Messages != 5 || d.ByReason["retries_exhausted"] != 5 {
		t.Errorf("dead letters %+v, want 5 retries_exhausted", d)
	}
	msgs, _ := w.QueueMessages("dlq")
	if len(msgs) != 5 || msgs[0].Dead == nil || msgs[0].Dead.Rule != "r" || msgs[0].Dead.Target != "broken" ||
		msgs[0].Dead.Attempts != 4 || msgs[0].Dead.LastError != "http error" || !strings.HasPrefix(msgs[0].Event.ID, "e-") {
		t.Fatalf("dead letter 0 = %+v (event %v)", msgs[0].Dead, msgs[0].Event)
	}
	if s.Fanout.Complete != 5 || s.Fanout.AllSucceeded != 0 {
		t.Errorf("fanout %+v: want 5 complete, none all-succeeded", s.Fanout)
	}
}

func TestPutEventsLimits(t *testing.T) {
	src := `
buses:
  - {name: shop, throughput_limit: 5, put_events_max_entries: 10}
rules:
  - name: r
    bus: shop
    pattern: {source: [shop.orders]}
    targets: [{id: log, type: logstore, logstore: p/s}]
`
	w := newWorld(t, config(t, src, time.Minute))
	if _, err := w.PutEvents("shop", make([]event.Event, 11)); !errors.Is(err, bus.ErrEntryCount) {
		t.Fatalf("11 entries: err %v, want ErrEntryCount", err)
	}
	if _, err := w.PutEvents("shop", nil); !errors.Is(err, bus.ErrEntryCount) {
		t.Fatalf("0 entries: err %v, want ErrEntryCount", err)
	}
	var entries []event.Event
	for i := range 8 {
		entries = append(entries, ev("ok-"+string(rune('a'+i)), "shop.orders", `{}`))
	}
	bad := ev("", "shop.orders", `{}`)
	entries = append(entries, bad, ev("big", "shop.orders", `{"x":"`+strings.Repeat("x", 300<<10)+`"}`))
	batch := put(t, w, "shop", entries...)
	var ok, throttled int
	for _, r := range batch[:8] {
		switch {
		case r.OK():
			ok++
		case r.Reason == "throttled" && r.ErrorCode == bus.CodeThrottled:
			throttled++
		}
	}
	if ok != 5 || throttled != 3 {
		t.Errorf("8 valid entries at a 5/s limit: %d accepted, %d throttled; want 5 and 3", ok, throttled)
	}
	if batch[8].Reason != "invalid:id" || batch[9].Reason != "too_large" {
		t.Errorf("bad entries: reasons %q, %q; want invalid:id, too_large", batch[8].Reason, batch[9].Reason)
	}
	if r := put(t, w, "nowhere", ev("x", "shop.orders", `{}`)); r[0].Reason != "bus_not_found" {
		t.Errorf("unknown bus: %+v", r[0])
	}
	w.Run()
	s := w.Summary()
	mustConserve(t, s)
	if s.Events.Generated != 11 || s.Events.Accepted != 5 || s.Events.Rejected != 6 || s.Targets["r/log"].Delivered != 5 {
		t.Errorf("events %+v, delivered %d; want 11 generated, 5 accepted, 6 rejected, 5 delivered",
			s.Events, s.Targets["r/log"].Delivered)
	}
}

func TestRuleLimits(t *testing.T) {
	six := "buses: [{name: b}]\nrules:\n  - name: wide\n    bus: b\n    pattern: {source: [x]}\n    targets:\n"
	for i := range 6 {
		six += "      - {id: t" + string(rune('0'+i)) + ", type: notification}\n"
	}
	if _, err := New(config(t, six, time.Minute)); err == nil || !strings.Contains(err.Error(), `rule "wide" has 6 targets`) {
		t.Errorf("six targets: %v", err)
	}
	many := "buses: [{name: b}]\nrules:\n"
	for i := range 51 {
		many += "  - {name: r" + strings.Repeat("x", i) + ", bus: b, pattern: {source: [x]}, targets: [{id: t, type: notification}]}\n"
	}
	if _, err := New(config(t, many, time.Minute)); err == nil || !strings.Contains(err.Error(), "exceeds the limit of 50") {
		t.Errorf("51 rules: %v", err)
	}
}
