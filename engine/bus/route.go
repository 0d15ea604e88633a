package bus

import (
	"fmt"

	"github.com/fanout/fanout/engine/delivery"
	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/obs"
)

// Route routes one accepted event of bus busName at the scheduler's current time: it matches
// the event once against the bus's enabled rules and starts one delivery per target of each
// matching rule, in rule order then target order. ref is the event's obs reference. The event
// must not be modified afterwards: its deliveries share it. An error means the event could
// not be matched (not valid JSON); nothing was delivered.
func (n *Network) Route(busName string, e *event.Event, ref obs.EventRef) error {
	b, ok := n.buses[busName]
	if !ok || len(b.rules) == 0 {
		n.noMatch(ref)
		return nil
	}
	js := e.JSON()
	ids, err := b.matcher.Match(js, n.ids[:0])
	n.ids = ids
	if err != nil {
		return fmt.Errorf("route event %q on bus %q: %w", e.ID, busName, err)
	}
	b.routed++
	now := n.sched.Now()
	if n.sink != nil {
		n.ruleRecords(b, ids, ref)
	}
	if len(ids) == 0 {
		n.noMatch(ref)
		return nil
	}
	msgRef := n.fan.open(ref, now)
	for _, id := range ids {
		r := b.rules[id]
		r.matched++
		for _, t := range r.targets {
			t.deliver(e, js, msgRef, ref)
		}
	}
	if rec, done := n.fan.close(msgRef, now); done && n.sink != nil {
		n.sink.FanoutComplete(rec)
	}
	return nil
}

// noMatch records the fan-out of an event that no rule matched.
func (n *Network) noMatch(ref obs.EventRef) {
	if n.sink != nil {
		now := n.sched.Now()
		n.sink.FanoutComplete(obs.FanoutComplete{Event: ref, Received: now, At: now})
	}
}

// ruleRecords emits one RuleEvaluated record per enabled rule of the bus.
func (n *Network) ruleRecords(b *busRoutes, ids []int, ref obs.EventRef) {
	now, k := n.sched.Now(), 0
	for id, r := range b.rules {
		if !r.enabled {
			continue
		}
		hit := k < len(ids) && ids[k] == id
		if hit {
			k++
		}
		n.sink.RuleEvaluated(obs.RuleEvaluated{Event: ref, At: now, Bus: b.name, Rule: r.name, Matched: hit})
	}
}

// deliver transforms the event for t and begins its delivery. A transformer failure discards
// the delivery at once (counted as discarded, never silently dropped).
func (t *target) deliver(e *event.Event, js []byte, msgRef uint64, ref obs.EventRef) {
	t.routed++
	var payload []byte
	if t.tr != nil {
		res, err := t.tr.Apply(js)
		if err != nil {
			t.trErrors++
			return
		}
		payload = res.Payload
		if payload == nil {
			payload = []byte{}
		}
	}
	if n := t.net; n.sink != nil {
		size := len(payload)
		if t.tr == nil {
			size = len(js)
		}
		n.sink.Transformed(obs.Transformed{Event: ref, At: n.sched.Now(), Rule: t.rule.name, Target: t.spec.ID, PayloadSize: int32(size)})
	}
	t.net.fan.add(msgRef)
	t.d.Deliver(delivery.Message{Event: e, Payload: payload, Ref: msgRef})
}
