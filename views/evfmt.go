package views

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/fanout/fanout/engine/sim"
)

// Count formats a whole number with thousands separators: 1234567 → "1,234,567". The app's
// screens use it too, so every count in the workbench reads the same.
func Count[T ~int | ~int32 | ~int64 | ~uint32 | ~uint64](n T) string { return evCount(int64(n)) }

// evCount formats n with thousands separators: 1234567 → "1,234,567".
func evCount(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// evDur formats a duration for a right-aligned column, always with its unit: "0.04 ms",
// "4.2 ms", "412 ms", "2,310 ms" below 10 s, then "12.5 s", "3.5 min", "2.1 h".
func evDur(d time.Duration) string {
	ms := float64(d) / float64(time.Millisecond)
	switch {
	case d < 0:
		return "-" + evDur(-d)
	case d == 0:
		return "0 ms"
	case ms < 1:
		return strconv.FormatFloat(ms, 'f', 2, 64) + " ms"
	case ms < 10:
		return strconv.FormatFloat(ms, 'f', 1, 64) + " ms"
	case d < 10*time.Second:
		return evCount(int64(ms+0.5)) + " ms"
	case d < 100*time.Second:
		return strconv.FormatFloat(d.Seconds(), 'f', 1, 64) + " s"
	case d < 2*time.Hour:
		return strconv.FormatFloat(d.Minutes(), 'f', 1, 64) + " min"
	}
	return strconv.FormatFloat(d.Hours(), 'f', 1, 64) + " h"
}

// evClock formats a simulated instant as h:mm:ss.mmm for a time column.
func evClock(t sim.Time) string {
	d := time.Duration(t)
	ms := d.Milliseconds() % 1000
	return strconv.Itoa(int(d.Hours())) + ":" + pad2(int(d.Minutes())%60) + ":" +
		pad2(int(d.Seconds())%60) + "." + pad3(int(ms))
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func pad3(n int) string {
	switch {
	case n < 10:
		return "00" + strconv.Itoa(n)
	case n < 100:
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// evParseClock reads a simulated instant typed by a user: a Go duration ("90s", "1h2m") or
// h:mm:ss[.fff] / m:ss. "" is 0 with ok.
func evParseClock(s string) (sim.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return sim.Time(d), true
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	secs := 0.0
	for i, p := range parts {
		v, err := strconv.ParseFloat(p, 64)
		if err != nil || v < 0 || (i < len(parts)-1 && v != float64(int(v))) {
			return 0, false
		}
		secs = secs*60 + v
	}
	if secs*float64(time.Second) >= float64(math.MaxInt64) {
		return 0, false
	}
	return sim.Time(secs * float64(time.Second)), true
}
