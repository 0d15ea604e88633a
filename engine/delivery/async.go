package delivery

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// Function Compute asynchronous invocation bounds (facts sheet §6.1 and §10; the seed article).
const (
	DefaultAsyncRetries = 3                // maxAsyncRetryAttempts default
	MaxAsyncRetries     = 8                // maxAsyncRetryAttempts upper bound (0–8)
	DefaultAsyncBase    = time.Second      // first handler-failure backoff
	DefaultAsyncCap     = 60 * time.Second // backoff cap ("between 1 and 60 seconds")
)

// Jitter is how a backoff wait is randomised around its exponential value d.
type Jitter uint8

// Jitter modes. See AsyncRetry for the chosen default and why.
const (
	// JitterEqual draws uniformly in [max(d/2, Base), d]: at least half the exponential wait is
	// kept, so the schedule stays exponential while equal retries of many events spread out.
	JitterEqual Jitter = iota
	// JitterNone waits exactly d.
	JitterNone
	// JitterFull draws uniformly in [Base, d].
	JitterFull
)

var jitterNames = [...]string{"equal", "none", "full"}

func (j Jitter) String() string {
	if int(j) < len(jitterNames) {
		return jitterNames[j]
	}
	return fmt.Sprintf("jitter(%d)", j)
}

// AsyncRetry is Function Compute's asynchronous handler-failure retry (facts sheet §6.1 and
// §10, the seed article): MaxRetries retries (0–8, default 3) with exponential backoff; the
// exponential wait before retry n is d(n) = min(Cap, Base·2^(n−1)) = 1, 2, 4, 8, 16, 32, 60, 60 s.
//
// Jitter: FC documents "exponential backoff" without saying how it is randomised; the seed
// article says "between 1 and 60 seconds". Fanout uses equal jitter by default (the wait is
// uniform in [max(d/2, Base), d]) because it (1) never leaves the article's 1–60 s range,
// (2) keeps at least half the exponential wait, so the schedule still doubles, and (3) spreads
// the retries of events that failed together (full jitter would spread them more, but lets a
// late retry come after only 1 s, which is not "exponential" any more). Retry 1 is therefore
// always exactly 1 s; retries 7 and 8 fall in [30 s, 60 s].
type AsyncRetry struct {
	MaxRetries int           // 0–8; see NewAsyncRetry for the default
	Base       time.Duration // first wait; default 1 s
	Cap        time.Duration // longest wait; default 60 s
	Jitter     Jitter        // default JitterEqual
}

// NewAsyncRetry returns FC's async policy with maxRetries retries (nil means the default 3),
// base 1 s, cap 60 s and equal jitter. It rejects maxRetries outside 0–8.
func NewAsyncRetry(maxRetries *int) (AsyncRetry, error) {
	n := DefaultAsyncRetries
	if maxRetries != nil {
		n = *maxRetries
	}
	if n < 0 || n > MaxAsyncRetries {
		return AsyncRetry{}, fmt.Errorf("max async retries must be between 0 and %d, got %d", MaxAsyncRetries, n)
	}
	return AsyncRetry{MaxRetries: n, Base: DefaultAsyncBase, Cap: DefaultAsyncCap}, nil
}

// Exp returns the un-jittered wait before retry n: min(Cap, Base·2^(n−1)).
func (a AsyncRetry) Exp(n int) time.Duration {
	d := a.Base
	for i := 1; i < n && d < a.Cap; i++ {
		d *= 2
	}
	return min(d, a.Cap)
}

// Delay draws the wait before retry n per the jitter mode; ok is false past MaxRetries.
func (a AsyncRetry) Delay(n int, r *rand.Rand) (time.Duration, bool) {
	d := a.Exp(max(n, 1))
	lo := d
	switch a.Jitter {
	case JitterEqual:
		lo = max(d/2, a.Base)
	case JitterFull:
		lo = a.Base
	}
	if d > lo {
		d = lo + time.Duration(r.Int64N(int64(d-lo)+1))
	}
	return d, n >= 1 && n <= a.MaxRetries
}

// Retries returns MaxRetries.
func (a AsyncRetry) Retries() int { return a.MaxRetries }

func (a AsyncRetry) String() string {
	return fmt.Sprintf("FC_ASYNC(%d × %v doubling to %v, %v jitter)", a.MaxRetries, a.Base, a.Cap, a.Jitter)
}
