package delivery

import (
	"fmt"
	"time"
)

// Maximum event age of Function Compute asynchronous invocations (facts sheet §6.1 and §10):
// default 6 h (the seed article), configurable from 1 s to 7 days (FC 3.0's upper bound).
const (
	DefaultMaxEventAge = 6 * time.Hour
	MinMaxEventAge     = time.Second
	MaxMaxEventAge     = 7 * 24 * time.Hour
)

// MaxEventAgeOrDefault validates a configured maximum event age: 0 means the default 6 h;
// anything outside 1 s..7 d is an error quoting the value.
func MaxEventAgeOrDefault(d time.Duration) (time.Duration, error) {
	switch {
	case d == 0:
		return DefaultMaxEventAge, nil
	case d < MinMaxEventAge || d > MaxMaxEventAge:
		return 0, fmt.Errorf("max event age must be between 1s and 168h (7 days), got %v", d)
	}
	return d, nil
}
