package event

import (
	"reflect"
	"testing"
)

// TestJSONIndexedCached: through one cache, a sequence of events whose extensions repeat,
// change, grow, shrink, vanish and are mutated in place always encodes as JSONIndexed does.
func TestJSONIndexedCached(t *testing.T) {
	g := newGen(5)
	shared := map[string]string{"aliyuneventbusname": "b", "aliyunregionid": "cn-hangzhou"}
	var events []Event
	for i := range 300 {
		e := g.event()
		switch i % 5 {
		case 0, 1:
			e.Extensions = shared
		case 2:
			e.Extensions = map[string]string{"aliyunregionid": "cn-hangzhou", "aliyuneventbusname": "b"}
		case 3:
			e.Extensions = nil
		}
		events = append(events, e)
	}
	var c ExtCache
	check := func(e Event) {
		t.Helper()
		wb, wm := e.JSONIndexed(nil)
		gb, gm := e.JSONIndexedCached(nil, &c)
		if string(gb) != string(wb) || !reflect.DeepEqual(gm, wm) {
			t.Fatalf("cached encoding differs:\n%s\n%s\n%v\n%v", gb, wb, gm, wm)
		}
	}
	for i, e := range events {
		check(e)
		if i == 150 {
			shared["aliyunregionid"] = "cn-beijing" // same map, new content
			shared["x"] = ""
		}
	}
	check(Event{Extensions: map[string]string{}})
	check(Event{})
}
