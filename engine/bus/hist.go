package bus

import (
	"time"

	hdrhistogram "github.com/HdrHistogram/hdrhistogram-go"
)

// Hist keeps durations compactly for percentiles: an HDR histogram in microseconds with three
// significant digits (a percentile is within 0.1 % of the true sample), from 1 µs to about 50
// days; longer durations are clamped to the top. The zero Hist is not usable: call NewHist.
type Hist struct {
	h   *hdrhistogram.Histogram
	sum time.Duration
	max time.Duration
}

const histMaxMicros = 1 << 42

// NewHist returns an empty histogram.
func NewHist() *Hist { return &Hist{h: hdrhistogram.New(1, histMaxMicros, 3)} }

// Add records d (negative durations count as 0).
func (h *Hist) Add(d time.Duration) {
	d = max(d, 0)
	h.sum += d
	h.max = max(h.max, d)
	_ = h.h.RecordValue(min(d.Microseconds(), histMaxMicros)) // in range: cannot fail
}

// Count returns the number of durations recorded.
func (h *Hist) Count() int64 { return h.h.TotalCount() }

// Quantile returns the duration at quantile p (0–1) in seconds; 0 when nothing was recorded.
func (h *Hist) Quantile(p float64) float64 {
	if h.h.TotalCount() == 0 {
		return 0
	}
	return float64(h.h.ValueAtQuantile(p*100)) / 1e6
}

// Mean returns the exact mean in seconds; 0 when nothing was recorded.
func (h *Hist) Mean() float64 {
	if n := h.h.TotalCount(); n > 0 {
		return h.sum.Seconds() / float64(n)
	}
	return 0
}

// Max returns the exact largest duration in seconds.
func (h *Hist) Max() float64 { return h.max.Seconds() }
