package bus

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/fanout/fanout/engine/event"
)

func TestEventEnvs(t *testing.T) {
	var c EventEnvs
	mk := func(data string) *event.Event {
		return &event.Event{ID: "a", Source: "s", SpecVersion: "1.0", Type: "t", DataContentType: "application/json", Data: json.RawMessage(data)}
	}
	e := mk(`{"n":1}`)
	env, ok := c.Env(e)
	if !ok || !reflect.DeepEqual(env["data"], map[string]any{"n": 1.0}) || env["id"] != "a" {
		t.Fatalf("env %v, %v", env, ok)
	}
	again, _ := c.Env(e)
	if reflect.ValueOf(again).Pointer() != reflect.ValueOf(env).Pointer() {
		t.Error("second lookup decoded again")
	}
	for range len(c.keys) { // push e out of the cache
		c.Env(mk(`{}`))
	}
	if third, _ := c.Env(e); reflect.ValueOf(third).Pointer() == reflect.ValueOf(env).Pointer() {
		t.Error("evicted entry returned")
	}
}
