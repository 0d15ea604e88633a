package obs

import (
	"fmt"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// MaxBuckets bounds the buckets one query returns.
const MaxBuckets = 100_000

// BucketSet accumulates records into the buckets of [From, To). Every store defines a record's
// bucket by the same time: receipt for events, evaluation for rule matches, start for
// attempts, end for invocations, the final time for deliveries, completion for fan-outs.
type BucketSet struct {
	Width    time.Duration
	From, To sim.Time
	List     []Bucket
}

// NewBuckets returns the empty buckets covering [from, to) in steps of width.
func NewBuckets(width time.Duration, from, to sim.Time) (*BucketSet, error) {
	if width <= 0 {
		return nil, fmt.Errorf("bucket width %s must be > 0", width)
	}
	if to <= from {
		return &BucketSet{Width: width, From: from, To: to}, nil
	}
	n := (int64(to-from) + int64(width) - 1) / int64(width)
	if n > MaxBuckets {
		return nil, fmt.Errorf("%d buckets of %s: more than %d; use a wider bucket", n, width, MaxBuckets)
	}
	bs := &BucketSet{Width: width, From: from, To: to, List: make([]Bucket, n)}
	for i := range bs.List {
		bs.List[i].Start = from + sim.Time(int64(i)*int64(width))
	}
	return bs, nil
}

// At returns the bucket holding t, nil when t is outside [From, To).
func (bs *BucketSet) At(t sim.Time) *Bucket {
	if t < bs.From || t >= bs.To {
		return nil
	}
	return &bs.List[int64(t-bs.From)/int64(bs.Width)]
}

func (bs *BucketSet) addStory(s *Story) {
	if b := bs.At(s.Event.At); b != nil {
		b.Received++
		if !s.Event.Accepted {
			b.Rejected++
		}
	}
	for _, r := range s.Rules {
		if b := bs.At(r.At); b != nil && r.Matched {
			b.Matches++
		}
	}
	for _, a := range s.Attempts {
		if b := bs.At(a.Start); b != nil {
			b.Attempts++
			if a.Outcome != OutcomeOK {
				b.AttemptErrors++
			}
		}
	}
	for _, i := range s.Invocations {
		if b := bs.At(i.End); b != nil {
			b.Invocations++
			if i.Cold {
				b.ColdStarts++
			}
			b.ExecNanos += int64(i.Exec())
			b.CostPicoUSD += PicoUSD(i.CostUSD)
		}
	}
	for _, f := range s.Finals {
		if b := bs.At(f.At); b != nil {
			if f.Outcome == FinalDelivered {
				b.Delivered++
			} else {
				b.Failed++
			}
		}
	}
	if b := bs.At(s.Fanout.At); b != nil && s.Done {
		b.Completed++
	}
}
