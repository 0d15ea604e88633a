package delivery

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// Backoff is BACKOFF_RETRY (facts sheet §4.1, [AB-SDK-PT][AB-TGT]): Count retries, each
// starting a uniformly random wait in [Min, Max] (nanosecond resolution, both ends included)
// after the previous failure.
type Backoff struct {
	Count    int           // number of retries; EventBridge: 3
	Min, Max time.Duration // wait bounds; EventBridge: 10 s and 20 s
}

// DefaultBackoff returns EventBridge's BACKOFF_RETRY: 3 retries, 10–20 s apart at random.
func DefaultBackoff() Backoff { return Backoff{Count: 3, Min: 10 * time.Second, Max: 20 * time.Second} }

// Delay draws the wait before retry n; past the last retry it still draws one (ok false).
func (b Backoff) Delay(n int, r *rand.Rand) (time.Duration, bool) {
	d := b.Min
	if b.Max > b.Min {
		d += time.Duration(r.Int64N(int64(b.Max-b.Min) + 1))
	}
	return d, n >= 1 && n <= b.Count
}

// Retries returns the number of retries.
func (b Backoff) Retries() int { return b.Count }

func (b Backoff) String() string {
	return fmt.Sprintf("%s(%d × %v–%v)", BackoffRetry, b.Count, b.Min, b.Max)
}
