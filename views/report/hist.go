package report

import (
	"math"

	"github.com/HdrHistogram/hdrhistogram-go"
)

// maxMicros is the longest latency a hist records (one week); longer ones count as it.
const maxMicros = 7 * 24 * 3600 * 1_000_000

// hist records latencies with two significant digits (HdrHistogram, in microseconds), so the
// memory a report needs is bounded by the range of latencies, not by the number of
// invocations.
type hist struct{ h *hdrhistogram.Histogram }

func newHist() *hist { return &hist{hdrhistogram.New(1, maxMicros, 2)} }

// add records a latency in milliseconds.
func (h *hist) add(ms float64) {
	us := int64(math.Round(ms * 1000))
	_ = h.h.RecordValue(min(max(us, 1), maxMicros)) // in range: cannot fail
}

// count is the number of latencies recorded (0 for a nil hist).
func (h *hist) count() int64 {
	if h == nil {
		return 0
	}
	return h.h.TotalCount()
}

// quantile returns the q-quantile (0..1) in milliseconds.
func (h *hist) quantile(q float64) float64 { return float64(h.h.ValueAtQuantile(q*100)) / 1000 }

// span returns the smallest and largest latency recorded, in milliseconds.
func (h *hist) span() (float64, float64) {
	return float64(h.h.Min()) / 1000, float64(h.h.Max()) / 1000
}

// each calls fn with the middle of every non-empty bar (ms) and its count, ascending.
func (h *hist) each(fn func(ms float64, n int64)) {
	if h == nil {
		return
	}
	for _, b := range h.h.Distribution() {
		if b.Count > 0 {
			fn(float64(b.From+b.To)/2000, b.Count)
		}
	}
}
