package event

import (
	"strings"
	"time"
)

// zoneOffsets maps the zone names seen after Alibaba's non-RFC 3339 times (facts sheet §5.1:
// "2020-08-17T16:04:46.149Asia/Shanghai", "2020-11-19T21:04:42.179PRC") to fixed UTC offsets in
// seconds. Fixed offsets keep the package free of tzdata file reads; none of these zones has
// observed daylight saving time since 1991.
var zoneOffsets = map[string]int{
	"Asia/Shanghai":  8 * 3600,
	"Asia/Chongqing": 8 * 3600,
	"Asia/Hong_Kong": 8 * 3600,
	"Asia/Singapore": 8 * 3600,
	"Asia/Tokyo":     9 * 3600,
	"PRC":            8 * 3600,
	"UTC":            0,
	"GMT":            0,
}

// ParseTime reads an event "time" value leniently: RFC 3339 (with or without fractional
// seconds), or Alibaba's local time followed by a zone name from a small fixed table
// ("2020-08-17T16:04:46.149Asia/Shanghai", "...PRC"). It reports false for anything else,
// including the empty string.
func ParseTime(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, true
	}
	const base = len("2006-01-02T15:04:05")
	if len(s) <= base {
		return time.Time{}, false
	}
	i := base
	if s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	off, ok := zoneOffsets[s[i:]]
	if !ok || strings.HasSuffix(s[:i], ".") {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation("2006-01-02T15:04:05.999999999", s[:i], time.FixedZone(s[i:], off))
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// FormatTime is the canonical form of an instant in Fanout and sdk-go: RFC 3339 with
// nanoseconds (trailing zeros dropped), in UTC.
func FormatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
