package delivery

import (
	"time"

	hdrhistogram "github.com/HdrHistogram/hdrhistogram-go"
)

// waitHist keeps a queue's wait times compactly: an HDR histogram in microseconds with three
// significant digits (a percentile is within 0.1 % of the true sample), from 0 to about 50
// days; longer waits are clamped to the top.
type waitHist struct {
	h   *hdrhistogram.Histogram
	max time.Duration // exact
}

const waitMaxMicros = 1 << 42

func newWaitHist() *waitHist { return &waitHist{h: hdrhistogram.New(1, waitMaxMicros, 3)} }

func (w *waitHist) add(d time.Duration) {
	w.max = max(w.max, d)
	us := min(max(d.Microseconds(), 0), waitMaxMicros)
	_ = w.h.RecordValue(us) // cannot fail: us is within the range
}

// quantile returns the wait at quantile p (0–1), to within 0.1 % (the HDR convention: the
// highest value equivalent to the sample's bucket); 0 when nothing was recorded.
func (w *waitHist) quantile(p float64) time.Duration {
	if w.h.TotalCount() == 0 {
		return 0
	}
	return time.Duration(w.h.ValueAtQuantile(p*100)) * time.Microsecond
}
