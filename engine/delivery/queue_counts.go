package delivery

import (
	"errors"
	"fmt"
	"time"
)

// QueueCounts are one queue's counters (the run summary's `queues` entry).
type QueueCounts struct {
	Enqueued      uint64 // messages accepted
	Rejected      uint64 // messages refused (too large)
	Taken         uint64 // messages handed to the consumer (each message once)
	Consumed      uint64 // messages the consumer finished; they left the queue
	ConsumeFailed uint64 // messages the consumer gave up (dead-lettered, discarded); they left
	Replayed      uint64 // messages re-published and removed by Replay
	Depth         uint64 // messages in the queue now: waiting or being processed
	Processing    uint64 // of which being processed
	MaxDepth      uint64 // the largest Depth seen
	// Wait is the time from enqueue to the consumer taking the message (taken messages only).
	WaitP50, WaitP90, WaitP99, WaitMax time.Duration
}

// Counts returns a snapshot of the queue's counters.
func (q *Queue) Counts() QueueCounts {
	c := q.counts
	c.Depth, c.Processing = q.depth(), uint64(q.processing)
	c.WaitP50, c.WaitP90, c.WaitP99 = q.waits.quantile(0.5), q.waits.quantile(0.9), q.waits.quantile(0.99)
	c.WaitMax = q.waits.max
	return c
}

// Depth returns the number of messages in the queue (waiting or being processed).
func (q *Queue) Depth() int { return int(q.depth()) }

// Check verifies the queue's conservation: every message enqueued was consumed, given up,
// replayed, or is still in the queue, and the counters match the messages held.
func (q *Queue) Check() error {
	c := q.Counts()
	var errs []error
	var waiting, processing uint64
	for i := range q.items {
		switch q.items[i].state {
		case itWaiting:
			waiting++
		case itProcessing:
			processing++
		}
	}
	if waiting+processing != c.Depth || processing != c.Processing {
		errs = append(errs, fmt.Errorf("enqueued %d − consumed %d − consume failed %d − replayed %d "+
			"= depth %d (%d processing), but the queue holds %d waiting + %d processing",
			c.Enqueued, c.Consumed, c.ConsumeFailed, c.Replayed, c.Depth, c.Processing, waiting, processing))
	}
	if c.Taken != c.Consumed+c.ConsumeFailed+processing {
		errs = append(errs, fmt.Errorf("taken %d ≠ consumed %d + consume failed %d + processing %d",
			c.Taken, c.Consumed, c.ConsumeFailed, processing))
	}
	if q.consumer != nil {
		if n := q.consumer.Counts().InFlight; n != processing {
			errs = append(errs, fmt.Errorf("consumer has %d deliveries in flight, queue has %d processing", n, processing))
		}
		errs = append(errs, q.consumer.Check())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("queue %q: %w", q.name, err)
	}
	return nil
}
