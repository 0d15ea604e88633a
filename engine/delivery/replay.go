package delivery

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/fanout/fanout/engine/event"
)

// ExtReplay is the extension attribute that marks a replayed event; its value is the id of the
// original event. The replayed event otherwise equals the original (same id, so idempotent
// handlers recognise it), and ExtReplayQueue names the queue it came from.
const (
	ExtReplay      = "fanoutreplay"
	ExtReplayQueue = "fanoutreplayqueue"
)

// Messages returns copies of the messages in the queue (waiting or being processed) in
// enqueue order, for inspection.
func (q *Queue) Messages() []Message {
	idx := q.held(false)
	out := make([]Message, len(idx))
	for k, i := range idx {
		out[k] = q.items[i].msg
	}
	return out
}

// held returns the indexes of the queue's messages in enqueue order, only the waiting ones if
// waitingOnly.
func (q *Queue) held(waitingOnly bool) []int32 {
	var idx []int32
	for i := range q.items {
		st := q.items[i].state
		if st == itWaiting || st == itProcessing && !waitingOnly {
			idx = append(idx, int32(i))
		}
	}
	slices.SortFunc(idx, func(a, b int32) int { return cmp.Compare(q.items[a].seq, q.items[b].seq) })
	return idx
}

// Replay re-publishes the waiting messages that sel selects (all when sel is nil), in
// enqueue order, through publish (the bus's PutEvents), and removes each one published from
// the queue. Each replayed event is a copy of the original marked with ExtReplay = original id
// and ExtReplayQueue = the queue's name. Messages being processed are skipped. Replay stops at
// the first publish error, which it returns with the number replayed so far.
func (q *Queue) Replay(sel func(*Message) bool, publish func(event.Event) error) (int, error) {
	n := 0
	for _, i := range q.held(true) {
		it := &q.items[i]
		if it.msg.Event == nil || sel != nil && !sel(&it.msg) {
			continue
		}
		ev := ReplayOf(it.msg.Event, q.name)
		if err := publish(ev); err != nil {
			return n, fmt.Errorf("replay event %q from queue %q: %w", it.msg.Event.ID, q.name, err)
		}
		it = &q.items[i] // publish may have enqueued here and grown the slab
		q.unlink(i)
		q.counts.Replayed++
		q.obs.Observe(Record{Kind: KindReplayed, At: q.sched.Now(), Msg: &it.msg, Queue: q.name})
		q.release(i)
		n++
	}
	return n, nil
}

// ReplayOf returns the replayed copy of ev: a deep copy with ExtReplay set to ev's id and
// ExtReplayQueue to queue. An event replayed again keeps the first original id.
func ReplayOf(ev *event.Event, queue string) event.Event {
	c := ev.Clone()
	if c.Extensions == nil {
		c.Extensions = map[string]string{}
	}
	if _, ok := c.Extensions[ExtReplay]; !ok {
		c.Extensions[ExtReplay] = ev.ID
	}
	c.Extensions[ExtReplayQueue] = queue
	return c
}
