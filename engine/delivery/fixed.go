package delivery

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// Fixed retries Count times, Interval after each failure. Queue consumers use it (see
// DefaultConsumerPolicy).
type Fixed struct {
	Count    int
	Interval time.Duration
}

// Delay returns Interval; ok is false past Count.
func (f Fixed) Delay(n int, _ *rand.Rand) (time.Duration, bool) {
	return f.Interval, n >= 1 && n <= f.Count
}

// Retries returns Count.
func (f Fixed) Retries() int { return f.Count }

func (f Fixed) String() string { return fmt.Sprintf("FIXED(%d × %v)", f.Count, f.Interval) }

// DefaultConsumerPolicy is how a queue's consumer retries a message its function failed on.
// The facts sheet is silent; Fanout's choice, modelled on the brokers' documented defaults as
// we recall them (UNVERIFIED): 16 retries, 1 s apart on a FIFO topic (an ordered consumer
// suspends the group briefly and retries), 30 s apart otherwise (MNS's default visibility
// timeout makes a failed message visible again after 30 s).
func DefaultConsumerPolicy(fifo bool) Fixed {
	if fifo {
		return Fixed{Count: 16, Interval: time.Second}
	}
	return Fixed{Count: 16, Interval: 30 * time.Second}
}
