package bus

import (
	"fmt"

	"github.com/fanout/fanout/engine/event"
	"github.com/fanout/fanout/engine/obs"
	"github.com/fanout/fanout/engine/transform"
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
	js, members := e.JSONIndexedCached(n.members[:0], &n.exts)
	n.members = members
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
	doc := n.prepared(js, members)
	for _, id := range ids {
		r := b.rules[id]
		r.matched++
		for _, t := range r.targets {
			t.deliver(e, doc, msgRef, ref)
		}
	}
	n.docBusy = false
	if rec, done := n.fan.close(msgRef, now); done && n.sink != nil {
		n.sink.FanoutComplete(rec)
	}
	return nil
}

// prepared returns the event's JSON js, whose members event.JSONIndexed located, prepared for
// the transformers of its targets: the network's reused Doc, or a new one should Route be
// entered again while an event is being fanned out.
func (n *Network) prepared(js []byte, members []event.Member) *transform.Doc {
	doc := &n.doc
	if n.docBusy {
		doc = new(transform.Doc)
	}
	n.docBusy = true
	doc.ResetIndexed(js, members)
	return doc
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
	rec := obs.RuleEvaluated{Event: ref, At: n.sched.Now(), Bus: b.name}
	sink, k := n.sink, 0
	for _, r := range b.enabled {
		rec.Rule, rec.Matched = r.name, k < len(ids) && ids[k] == r.id
		if rec.Matched {
			k++
		}
		sink.RuleEvaluated(rec)
	}
}

// deliver transforms the event for t and begins its delivery. A transformer failure discards
// the delivery at once (counted as discarded, never silently dropped).
func (t *target) deliver(e *event.Event, doc *transform.Doc, msgRef uint64, ref obs.EventRef) {
	t.routed++
	js := doc.Bytes()
	var payload []byte
	if t.tr != nil {
		res, err := t.tr.ApplyDoc(doc)
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
	t.d.DeliverEvent(e, payload, msgRef)
}
