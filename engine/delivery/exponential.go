package delivery

import (
	"math/rand/v2"
	"time"
)

// Exponential decay schedule (facts sheet §4.1, [AB-SDK-PT][OSRC PushRetryStrategyEnum]).
const (
	// ExponentialDecayRetries is the number of retries of EXPONENTIAL_DECAY_RETRY.
	ExponentialDecayRetries = 176
	// ExponentialDecayCap is the longest wait: 1 s doubling reaches 512 s at retry 10 and
	// stays there (167 retries at 512 s).
	ExponentialDecayCap = 512 * time.Second
	// ExponentialDecayTotal is the sum of all 176 waits: 511 s + 167 × 512 s = 86,015 s ≈ 23.9 h.
	ExponentialDecayTotal = 86015 * time.Second
)

// ExponentialDecay is EXPONENTIAL_DECAY_RETRY: 176 retries; the wait before retry n is
// min(2^(n−1) s, 512 s): 1, 2, 4, …, 256 s, then 512 s × 167. Deterministic (no jitter).
type ExponentialDecay struct{}

// Delay returns min(2^(n−1), 512) seconds; ok is false past retry 176 (the wait is then 512 s).
func (ExponentialDecay) Delay(n int, _ *rand.Rand) (time.Duration, bool) {
	d := ExponentialDecayCap
	if n >= 1 && n <= 10 {
		d = time.Second << (n - 1)
	}
	return d, n >= 1 && n <= ExponentialDecayRetries
}

// Retries returns 176.
func (ExponentialDecay) Retries() int { return ExponentialDecayRetries }

func (ExponentialDecay) String() string {
	return ExponentialDecayRetry + "(176 × 1s doubling to 512s)"
}
