package sim

import (
	"math"
	"strconv"
	"time"
)

// Time is a point in simulated time: nanoseconds since the run start.
// It is data, never read from the wall clock.
type Time int64

// Never is a time later than any scheduled action.
const Never Time = math.MaxInt64

// minTime is the earliest representable time (used for saturation only).
const minTime Time = math.MinInt64

// Add returns t+d, saturating at Never (and at the minimum Time) instead of
// overflowing.
func (t Time) Add(d time.Duration) Time {
	if d > 0 && t > Never-Time(d) {
		return Never
	}
	if d < 0 && t < minTime-Time(d) {
		return minTime
	}
	return t + Time(d)
}

// Sub returns the duration t-u, saturating at the time.Duration limits like
// time.Time.Sub.
func (t Time) Sub(u Time) time.Duration {
	d := time.Duration(t - u)
	if u <= t && d < 0 { // overflow upwards
		return time.Duration(math.MaxInt64)
	}
	if u > t && d > 0 { // overflow downwards
		return time.Duration(math.MinInt64)
	}
	return d
}

// Seconds returns t in seconds.
func (t Time) Seconds() float64 { return float64(t) / 1e9 }

// FromSeconds converts seconds to a Time, rounding to the nearest nanosecond
// and saturating at Never (and the minimum Time). NaN maps to 0.
func FromSeconds(s float64) Time {
	switch ns := math.Round(s * 1e9); {
	case ns != ns:
		return 0
	case ns >= math.MaxInt64:
		return Never
	case ns <= math.MinInt64:
		return minTime
	default:
		return Time(ns)
	}
}

// String formats t as "1h02m03.250s": hours and minutes only when non-zero,
// always three fractional digits, six or nine when the sub-millisecond part
// is not zero. Never prints as "never". The form is stable across versions.
func (t Time) String() string {
	if t == Never {
		return "never"
	}
	var b []byte
	u := uint64(t)
	if t < 0 {
		b = append(b, '-')
		u = -u
	}
	sec, ns := u/1e9, u%1e9
	h, m, s := sec/3600, sec/60%60, sec%60
	if h > 0 {
		b = strconv.AppendUint(b, h, 10)
		b = append(b, 'h')
	}
	if h > 0 {
		b = appendPadded(b, m, 2)
		b = append(b, 'm')
	} else if m > 0 {
		b = strconv.AppendUint(b, m, 10)
		b = append(b, 'm')
	}
	if h > 0 || m > 0 {
		b = appendPadded(b, s, 2)
	} else {
		b = strconv.AppendUint(b, s, 10)
	}
	b = append(b, '.')
	switch {
	case ns%1e6 == 0:
		b = appendPadded(b, ns/1e6, 3)
	case ns%1e3 == 0:
		b = appendPadded(b, ns/1e3, 6)
	default:
		b = appendPadded(b, ns, 9)
	}
	return string(append(b, 's'))
}

// appendPadded appends v in decimal, left-padded with zeros to width digits.
func appendPadded(b []byte, v uint64, width int) []byte {
	var buf [20]byte
	d := strconv.AppendUint(buf[:0], v, 10)
	for i := len(d); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, d...)
}
