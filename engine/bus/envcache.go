package bus

import (
	"encoding/json"

	"github.com/fanout/fanout/engine/event"
)

// EventEnvs decodes events into the generic maps that expr expressions read (handler rules,
// FIFO group_by), remembering the last few: the deliveries of one event to several function
// targets, and its enqueue into a FIFO topic, then share one decoding. Entries hold their
// event, so a cached pointer is never reused by another event. The maps are shared and must
// be treated as read-only. Not safe for concurrent use.
type EventEnvs struct {
	keys [16]*event.Event
	envs [16]map[string]any
	next int
}

// Env returns e's decoded structured JSON, or false when it does not decode.
func (c *EventEnvs) Env(e *event.Event) (map[string]any, bool) {
	for i, k := range c.keys {
		if k == e {
			return c.envs[i], true
		}
	}
	env, ok := fastEnv(e)
	if !ok {
		env = map[string]any{}
		if err := json.Unmarshal(e.JSON(), &env); err != nil {
			return nil, false
		}
	}
	c.keys[c.next], c.envs[c.next] = e, env
	c.next = (c.next + 1) % len(c.keys)
	return env, true
}
