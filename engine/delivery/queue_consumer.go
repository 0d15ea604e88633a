package delivery

import (
	"fmt"
	"math"

	"github.com/fanout/fanout/engine/sim"
)

// settler is the Queue seen as its consumer's Settler; poller as the poll action's Handler.
type (
	settler Queue
	poller  Queue
)

// kick lets the consumer take messages: at once when it consumes continuously, at the next
// poll otherwise.
func (q *Queue) kick() {
	switch {
	case q.consumer == nil:
	case q.every == 0:
		q.run(math.MaxInt)
	default:
		q.schedulePoll()
	}
}

// run takes up to limit messages; re-entrant calls (a consumer finishing synchronously) are
// folded into the running loop.
func (q *Queue) run(limit int) {
	if q.dispatching {
		q.again = true
		return
	}
	q.dispatching = true
	n := 0
	for {
		q.again = false
		for n < limit && q.processing < q.conc {
			i := q.nextReady()
			if i < 0 {
				break
			}
			q.take(i)
			n++
		}
		if !q.again || q.every > 0 {
			break
		}
	}
	q.dispatching = false
}

// take hands waiting item i to the consumer.
func (q *Queue) take(i int32) {
	it := &q.items[i]
	now := q.sched.Now()
	q.unlink(i)
	q.popReady()
	it.state = itProcessing
	if q.fifo {
		q.groups[it.group].busy = true
	}
	q.processing++
	wait := now.Sub(it.enq)
	q.waits.add(wait)
	q.counts.Taken++
	q.obs.Observe(Record{Kind: KindTaken, At: now, Msg: &it.msg, Queue: q.name, Wait: wait})
	m := it.msg
	m.Ref = uint64(i) | uint64(it.gen)<<32
	q.consumer.Deliver(m)
}

// Settled is called by the consumer's target when it is done with a message.
func (s *settler) Settled(msg *Message, st Final) {
	q := (*Queue)(s)
	i, gen := int32(msg.Ref&(1<<32-1)), uint32(msg.Ref>>32)
	if int(i) >= len(q.items) || q.items[i].gen != gen || q.items[i].state != itProcessing {
		panic(fmt.Sprintf("delivery: queue %q: settled message %#x is not being processed", q.name, msg.Ref))
	}
	it := &q.items[i]
	rec := Record{Kind: KindConsumed, At: q.sched.Now(), Msg: &it.msg, Queue: q.name}
	if st == Delivered {
		q.counts.Consumed++
	} else {
		q.counts.ConsumeFailed++
		rec.Kind, rec.Err = KindConsumeFailed, st.String()
	}
	q.obs.Observe(rec)
	q.processing--
	gi := it.group
	q.release(i)
	if q.fifo {
		q.groups[gi].busy = false
		q.markReady(gi)
	}
	q.kick()
}

// schedulePoll arranges the next poll, at the next multiple of the interval, if none is
// pending and a message waits. Polls happen only while there is something to take, so a run
// to completion ends.
func (q *Queue) schedulePoll() {
	if q.pollAt != sim.Never || q.waiting() == 0 {
		return
	}
	every := int64(q.every)
	q.pollAt = sim.Time((int64(q.sched.Now())/every + 1) * every)
	q.sched.Schedule(q.pollAt, (*poller)(q), 0)
}

// Fire is a poll: take up to a batch, then plan the next poll.
func (p *poller) Fire(uint64) {
	q := (*Queue)(p)
	q.pollAt = sim.Never
	q.run(q.batch)
	q.schedulePoll()
}

// waiting returns the number of messages waiting to be taken.
func (q *Queue) waiting() int { return int(q.depth()) - q.processing }
