package field

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Duration is a time.Duration written in scenario files as Go duration text ("250ms", "1h30m",
// "6h") or as a bare number of seconds (30, 0.5). Negative values are allowed by the type;
// specs validate their own ranges.
type Duration time.Duration

// D returns the value as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Duration) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e9 {
			return fmt.Errorf("duration %q out of range", s)
		}
		*d = Duration(f * float64(time.Second))
		return nil
	}
	if strings.HasSuffix(s, "d") {
		if n, err := strconv.ParseFloat(strings.TrimSuffix(s, "d"), 64); err == nil && n >= 0 && n < 1e5 {
			*d = Duration(n * 24 * float64(time.Hour))
			return nil
		}
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("invalid duration %q: want e.g. 250ms, 30s, 5m, 6h, 7d or a number of seconds", s)
	}
	*d = Duration(v)
	return nil
}

// MarshalText implements encoding.TextMarshaler with Go duration text.
func (d Duration) MarshalText() ([]byte, error) {
	return []byte(time.Duration(d).String()), nil
}

// Bytes is a size in bytes, written as a number of bytes (1048576) or with a unit:
// B, KB, MB, GB, TB (powers of 1024, as the cloud's limits use them: 256 KB = 262,144 bytes),
// and KiB, MiB, GiB, TiB as synonyms.
type Bytes int64

var byteUnits = []struct {
	suffix string
	mult   float64
}{
	{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40},
	{"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"TB", 1 << 40},
	{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1},
}

// ParseBytes parses a size such as "400KB", "20 MB", "1.5GiB" or "1048576".
func ParseBytes(s string) (Bytes, error) {
	s = strings.TrimSpace(s)
	mult := 1.0
	num := s
	for _, u := range byteUnits {
		if strings.HasSuffix(s, u.suffix) {
			mult = u.mult
			num = strings.TrimSpace(strings.TrimSuffix(s, u.suffix))
			break
		}
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < 0 || f*mult > 1<<62 {
		return 0, fmt.Errorf("invalid size %q: want a number of bytes or a number with KB, MB, GB (1 KB = 1024 B)", s)
	}
	return Bytes(math.Round(f * mult)), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (b *Bytes) UnmarshalText(t []byte) error {
	v, err := ParseBytes(string(t))
	if err != nil {
		return err
	}
	*b = v
	return nil
}

// MarshalText writes the size with the largest unit that divides it exactly.
func (b Bytes) MarshalText() ([]byte, error) { return []byte(b.String()), nil }

// MB returns the size in mebibytes.
func (b Bytes) MB() float64 { return float64(b) / (1 << 20) }

func (b Bytes) String() string {
	for _, u := range []struct {
		s string
		m int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}} {
		if b != 0 && int64(b)%u.m == 0 {
			return strconv.FormatInt(int64(b)/u.m, 10) + u.s
		}
	}
	return strconv.FormatInt(int64(b), 10) + "B"
}

// Rate is a rate in events per second, written as "50/s", "3000/min", "2/h" or a bare number
// (per second).
type Rate float64

// PerSecond returns the rate in events per second.
func (r Rate) PerSecond() float64 { return float64(r) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Rate) UnmarshalText(t []byte) error {
	s := strings.ReplaceAll(strings.TrimSpace(string(t)), " ", "")
	per := 1.0
	if i := strings.IndexByte(s, '/'); i >= 0 {
		switch s[i+1:] {
		case "s", "sec", "second":
		case "m", "min", "minute":
			per = 60
		case "h", "hour":
			per = 3600
		case "d", "day":
			per = 86400
		default:
			return fmt.Errorf("invalid rate %q: unit must be /s, /min, /h or /day", string(t))
		}
		s = s[:i]
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return fmt.Errorf("invalid rate %q: want e.g. 50/s, 3000/min or a number per second", string(t))
	}
	*r = Rate(f / per)
	return nil
}

// MarshalText writes the rate per second.
func (r Rate) MarshalText() ([]byte, error) {
	return []byte(strconv.FormatFloat(float64(r), 'g', -1, 64) + "/s"), nil
}
